"""Build the edition and serve it on http://127.0.0.1:8000, rebuilding on edits.

`mkdocs serve` watches content/ (and the theme overrides); this command also watches what the chapters are
made from (the sources, works.yml, content/data/, bibliography.bib) and regenerates the chapters and pages
when one changes, which MkDocs then picks up. By default only changed pages are rebuilt (MkDocs' dirty
mode: about a second); --full rebuilds every page on each change.
"""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from apparat.commands import build
from apparat.site import serve_hooks
from apparat.site.build import Memo, generate
from apparat.site.layout import Layout
from apparat.works import MANIFEST_NAME, project, sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    build.add_arguments(parser)
    parser.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="IP:PORT",
        help="where to serve (default: %(default)s)",
    )
    parser.add_argument("--full", action="store_true", help="rebuild every page on each change")


def _inputs(layout: Layout, sources: Path | None) -> list[Path]:
    folders = [layout.data, project() / "samples"] + ([sources] if sources else [])
    files = [project() / MANIFEST_NAME, layout.bibliography]
    for folder in folders:
        files += [p for p in folder.glob("*") if p.is_file()] if folder.is_dir() else []
    return files


def _stamp(paths: list[Path]) -> tuple[tuple[str, float], ...]:
    return tuple((str(p), p.stat().st_mtime if p.exists() else 0.0) for p in paths)


def _watch(
    layout: Layout, args: argparse.Namespace, names: list[str] | None, memo: Memo, stop: threading.Event
) -> None:
    sources = sources_dir(args.sources)
    last = _stamp(_inputs(layout, sources))
    while not stop.wait(0.4):
        now = _stamp(_inputs(layout, sources))
        if now != last:
            last = now
            build.say("inputs changed: regenerating chapters and pages")
            result = generate(layout, sources, args.only, args.strict, build.say, names, memo)
            if result.failed:
                build.report(result, layout)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    layout = build.layout_for(args)
    names = None if args.layers is None else [n for n in args.layers.split(",") if n]
    memo = Memo()
    result = generate(layout, sources_dir(args.sources), args.only, args.strict, build.say, names, memo)
    if result.failed or result.config_file is None:
        return build.report(result, layout) or 1
    # MkDocs logs "Serving on …" and its rebuilds; the CLI that usually shows them is not running.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("mkdocs: %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(layout, args, names, memo, stop), daemon=True)
    watcher.start()
    try:
        serve(
            str(result.config_file),
            livereload=True,
            build_type=None if args.full else "dirty",
            dev_addr=args.dev_addr,
            strict=False,  # a dirty rebuild always warns; `apparat build` is the strict one
            hooks=[str(Path(serve_hooks.__file__))],  # the search index after each rebuild
        )
    finally:
        stop.set()
    return 0
