"""Check that a built site keeps every anchor the releases published, or record the current ones.

`apparat anchors` compares SITE (default site/) with content/data/published-anchors.txt and exits 1 listing
each removed page, note or printed-page anchor that content/data/redirects.yml does not move, each
published paragraph whose passage is found nowhere, and each paragraph id that now holds another passage.
It prints how many paragraphs kept their id and how many moved (the moves the site ships to old links);
`--moves` lists each move. `apparat anchors --record` adds SITE's anchors, each paragraph with a fingerprint
of its passage, to the list: do this when making a release.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apparat.diagnostics import Severity
from apparat.review import anchors, moves
from apparat.site.contributed import audit_anchors
from apparat.works import project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-dir", type=Path, help="the built site (default: site/)")
    parser.add_argument(
        "--record", action="store_true", help="add the site's anchors to the published list (at a release)"
    )
    parser.add_argument(
        "--moves", action="store_true", help="list every published paragraph that is not where it was"
    )
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    data = args.data or project() / "content" / "data"
    args.site_dir = args.site_dir or project() / "site"
    listing = data / "published-anchors.txt"
    if not args.site_dir.is_dir():
        print(
            f"{args.site_dir}: expected a built site, found no such folder (run apparat build)",
            file=sys.stderr,
        )
        return 1
    if args.record:
        try:
            published = anchors.read_list(listing)
        except anchors.ListError as error:
            print(error, file=sys.stderr)
            return 1
        current = anchors.fingerprints(anchors.scan(args.site_dir))
        anchors.write_list(listing, anchors.merge(published, current))
        passages = sum(1 for recorded in current.values() if recorded is not None)
        print(
            f"recorded {len(current):,} anchors ({passages:,} paragraphs with fingerprints) in {listing}",
            file=sys.stderr,
        )
        return 0
    audit = audit_anchors(args.site_dir, data)
    for diagnostic in audit.diagnostics:
        print(diagnostic, file=sys.stderr)
    if args.moves:
        for move in audit.moves:
            if move.outcome not in (moves.Outcome.SAME, moves.Outcome.EDITED):
                print(f"{move.anchor}\t{move.outcome}\t{move.target or '-'}\t{move.coverage:.2f}")
    errors = sum(1 for d in audit.diagnostics if d.severity is Severity.ERROR)
    print(f"anchors: {audit.figures}; {errors} problem(s)", file=sys.stderr)
    return 1 if errors else 0
