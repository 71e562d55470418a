"""What `apparat epub` and `apparat pdf` share: the options, and making one file per work."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from apparat.commands._common import add_sources_option, add_strict_option, print_diagnostics
from apparat.editions.annotated import annotated_works, apparatus_of
from apparat.editions.make import FORMATS, cached, file_name
from apparat.site.layers import load_layers
from apparat.site.layout import Layout
from apparat.staging import write_atomic
from apparat.works import display_path, sources_dir


def add_arguments(parser: argparse.ArgumentParser, suffix: str) -> None:
    add_sources_option(parser)
    add_strict_option(parser)
    parser.add_argument("--work", action="append", metavar="ID", help="only this work (repeatable)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=f"the file to write (one work only; default: build/editions/<work>{suffix})",
    )


def say(message: str) -> None:
    print(f"apparat: {message}", file=sys.stderr)


def run(name: str, args: argparse.Namespace) -> int:
    fmt = FORMATS[name]
    layout = Layout.default()
    if args.output is not None and (not args.work or len(args.work) != 1):
        say(f"-o names one file: choose one work with --work ID (found {len(args.work or [])})")
        return 2
    layers, layer_failed = load_layers(layout, say, args.strict)
    for layer in layers:
        print_diagnostics(layer.diagnostics)
    if layer_failed:
        say("the editorial data has errors (see above); nothing written")
        return 1
    apparatus = apparatus_of(layers)
    sources = sources_dir(args.sources)
    status = 0
    made = 0
    try:
        works = list(annotated_works(layout, layers, sources, args.work, args.strict, say))
    except KeyError as error:  # an unknown --work
        say(f"expected a work of works.yml, found {error.args[0]}")
        return 2
    for item in works:
        print_diagnostics(item.diagnostics)
        if item.failed:
            say(f"{item.work.id}: conversion failed, previous {fmt.label} kept")
            status = 1
            continue
        started = time.perf_counter()
        data, _ = cached(fmt, item.work, item.document, apparatus, None)
        target = args.output or layout.build / "editions" / file_name(item.work, fmt)
        write_atomic(target, data)
        made += 1
        notes = item.document.notes()
        say(
            f"{item.work.id}: {display_path(target.resolve())}, {len(data):,} bytes, "
            f"{len(item.document.pages)} printed pages, {len(notes)} notes, "
            f"{time.perf_counter() - started:.1f} s"
        )
    if not made and status == 0:
        say("expected a work to make, found none")
        return 1
    return status
