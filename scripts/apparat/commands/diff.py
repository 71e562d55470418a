"""Compare two built sites and print, as Markdown, what changed in the rendered edition per work:
printed pages, paragraphs, notes (present and missing), annotated terms, factions, persons and citations.

The pull-request workflow writes this into the job summary, so reviewers see the effect of a change.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.review.summary import compare, count_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", type=Path, help="the site built from the base branch (may be missing)")
    parser.add_argument("head", type=Path, help="the site built from the change")


def run(args: argparse.Namespace) -> int:
    print(compare(count_site(args.base), count_site(args.head)), end="")
    return 0
