"""Build the offline bundle: the edition website as one zip (build/apparat-offline.zip) that opens from
file:// with search, notes, tooltips and navigation, and makes no network request.

By default the site is built first (as `apparat build --editions`: the bundle offers each work's EPUB and
PDF; --no-editions leaves them out); --no-build zips the site folder as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.commands import build
from apparat.site.build import build_site
from apparat.site.bundle import write_bundle
from apparat.works import project, sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    build.add_arguments(parser, editions_option=False)
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="the zip (default: build/apparat-offline.zip)"
    )
    parser.add_argument("--no-build", action="store_true", help="zip the existing site folder")
    parser.add_argument(
        "--no-editions", dest="editions", action="store_false", help="build without the EPUB and PDF files"
    )
    parser.set_defaults(editions=True)


def run(args: argparse.Namespace) -> int:
    layout = build.layout_for(args)
    output = args.output or project() / "build" / "apparat-offline.zip"
    if not args.no_build:
        names = None if args.layers is None else [n for n in args.layers.split(",") if n]
        say = (lambda _m: None) if args.quiet else build.say
        result = build_site(
            layout, sources_dir(args.sources), args.only, args.strict, say, names, args.editions
        )
        if build.report(result, layout):
            return 1
    if not (layout.site / "index.html").is_file():
        build.say(f"expected a built site in {layout.site}, found none: run apparat build first")
        return 1
    size = write_bundle(layout.site, output)
    build.say(f"offline bundle {output}: {size:,} bytes ({size / 1e6:.1f} MB)")
    return 0
