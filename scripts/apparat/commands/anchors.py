"""Check that a built site keeps every anchor the last release published, or record the current ones.

`apparat anchors` compares SITE (default site/) with content/data/published-anchors.txt and exits 1 listing
each removed page, paragraph, note or printed-page anchor that content/data/redirects.yml does not move.
`apparat anchors --record` rewrites the list from SITE: do this when making a release.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apparat.review import anchors
from apparat.works import project


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-dir", type=Path, help="the built site (default: site/)")
    parser.add_argument(
        "--record", action="store_true", help="record the site's anchors as the published list"
    )
    parser.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--redirects", type=Path, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    data = project() / "content" / "data"
    args.site_dir = args.site_dir or project() / "site"
    args.list = args.list or data / "published-anchors.txt"
    args.redirects = args.redirects or data / "redirects.yml"
    if not args.site_dir.is_dir():
        print(
            f"{args.site_dir}: expected a built site, found no such folder (run apparat build)",
            file=sys.stderr,
        )
        return 1
    current = anchors.collect(args.site_dir)
    if args.record:
        anchors.write_list(args.list, anchors.merge(anchors.read_list(args.list), current))
        print(f"recorded {len(current):,} anchors in {args.list}", file=sys.stderr)
        return 0
    try:
        redirects = anchors.read_redirects(args.redirects)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    lost = anchors.removed(anchors.read_list(args.list), current, redirects)
    for anchor in lost:
        print(
            f"{args.list}: expected {anchor} in the build (or a redirect), found it removed", file=sys.stderr
        )
    print(f"anchors: {len(current):,} in the build, {len(lost)} published anchor(s) removed", file=sys.stderr)
    return 1 if lost else 0
