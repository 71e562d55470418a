"""Not built yet: see the issue tracker."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    print("apparat check: not implemented yet", file=sys.stderr)
    return 2
