"""Compare two built sites and print, as Markdown, what changed in the rendered edition per work:
printed pages, paragraphs, notes (present and missing), annotated terms, factions, persons and citations;
then the glossary entries added, removed or reworded, and the hand-written pages added, removed or changed.
When the base site is missing, the report says so and shows the new build's counts only.

The pull-request workflow writes this into the job summary, so reviewers see the effect of a change.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.review.summary import review


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", type=Path, help="the site built from the base branch (may be missing)")
    parser.add_argument("head", type=Path, help="the site built from the change")


def run(args: argparse.Namespace) -> int:
    print(review(args.base, args.head), end="")
    return 0
