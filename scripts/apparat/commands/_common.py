"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from apparat.diagnostics import Diagnostic, Severity


def add_sources_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="directory holding the real source texts (default: $APPARAT_SOURCES, else ../shared/sources)",
    )


def add_strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (non-zero exit)")


def print_diagnostics(items: Iterable[Diagnostic], *, quiet_info: bool = True) -> None:
    for item in items:
        if quiet_info and item.severity is Severity.INFO:
            continue
        print(item, file=sys.stderr)
