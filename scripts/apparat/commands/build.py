"""Build the edition website: convert every available work, annotate it, write the chapters and pages, run
`mkdocs build --strict`, write the search index, run our own checks (links, anchors, note references,
tooltips, no other host, published anchors, and what the pages show against the models: printed note
numbers, text, back-links), then swap the new site into place. A failed build leaves the previous site as
it was.

The sample works always build; the real works build when their sources are found (--sources DIR, else
$APPARAT_SOURCES, else ../shared/sources).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apparat.commands._common import add_sources_option, add_strict_option, print_diagnostics
from apparat.site.build import BuildResult, build_site
from apparat.site.layout import Layout
from apparat.site.measure import chapter_weights, index_weight
from apparat.works import sources_dir


def add_arguments(parser: argparse.ArgumentParser, editions_option: bool = True) -> None:
    """The options of every command that builds the site (build, serve, bundle); the bundle makes the
    editions by default and offers --no-editions instead of --editions."""
    add_sources_option(parser)
    add_strict_option(parser)
    parser.add_argument("--site-dir", type=Path, metavar="DIR", help="where the site goes (default: site/)")
    parser.add_argument("--only", action="append", metavar="WORK", help="build only this work (repeatable)")
    parser.add_argument(
        "--layers",
        metavar="NAMES",
        help="comma-separated annotation layers to apply (default: all; e.g. 'bibliography' or '')",
    )
    parser.add_argument(
        "--editions",
        action="store_true",
        help="also make each work's EPUB and PDF and offer them on its overview page (the book's PDF takes "
        "about a minute; kept in build/cache/editions/ while nothing changes)"
        if editions_option
        else argparse.SUPPRESS,
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress messages")


def say(message: str) -> None:
    print(f"apparat: {message}", file=sys.stderr, flush=True)


def layout_for(args: argparse.Namespace) -> Layout:
    layout = Layout.default()
    if args.site_dir:
        layout = Layout(content=layout.content, build=layout.build, site=args.site_dir.resolve())
    return layout


def report(result: BuildResult, layout: Layout) -> int:
    print_diagnostics(result.diagnostics)
    timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items())
    if result.failed:
        errors = sum(1 for d in result.diagnostics if d.severity == "error")
        say(f"build failed with {errors} errors ({timings})")
        return 1
    say(f"built {len(result.editions)} works into {layout.site} ({timings})")
    if result.fidelity:
        say(f"rendered fidelity: the pages agree with the models ({result.fidelity})")
    weights = chapter_weights(layout.site)
    if weights:
        template = sum(w.total - w.content for w in weights) / sum(w.total for w in weights)
        index = index_weight(layout.site)
        say(
            f"page weight: {len(weights)} chapter pages, {template:.0%} template and navigation; search index "
            f"{index.index / 1e6:.2f} MB for {index.text / 1e6:.2f} MB of text ({index.ratio:.2f}×)"
        )
    return 0


def run(args: argparse.Namespace) -> int:
    sources = sources_dir(args.sources)
    if sources is None:
        say("no sources directory found: building the sample works only")
    layout = layout_for(args)
    names = None if args.layers is None else [n for n in args.layers.split(",") if n]
    result = build_site(
        layout,
        sources,
        args.only,
        args.strict,
        (lambda _m: None) if args.quiet else say,
        names,
        args.editions,
    )
    return report(result, layout)
