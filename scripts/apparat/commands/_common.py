"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from apparat.diagnostics import Diagnostic, Severity
from apparat.staging import FILE_MODE


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


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that a reader sees the old or the new content, never a half-written one. The file is
    0644 (mkstemp makes it 0600): models and exports are meant to be read by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
