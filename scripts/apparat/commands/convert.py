"""Convert the works of the manifest (works.yml) into models and Markdown chapters.

Writes build/models/<work>.json and content/<work>/NN-slug.md for every work whose source is available: the
project's samples always, the real works when the sources directory holds them. A work whose conversion
fails leaves its previous output untouched. Conversions are cached in build/cache/ by the sha256 of the
source, profile, corrections and converter code, so a rebuild only reconverts the works that changed;
--jobs N converts in N worker processes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apparat.cache import ConversionCache
from apparat.commands._common import add_sources_option, add_strict_option, print_diagnostics
from apparat.convert import iter_converted
from apparat.export.json import to_json
from apparat.render.markdown import write_chapters
from apparat.staging import write_atomic
from apparat.works import project, sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_option(parser)
    add_strict_option(parser)
    parser.add_argument("--work", action="append", metavar="ID", help="only this work (repeatable)")
    parser.add_argument("--content", type=Path, metavar="DIR", help="where chapters go (default: content/)")
    parser.add_argument("--models", type=Path, metavar="DIR", help="where models go (default: build/models/)")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (default 1)")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="conversion cache (default: build/cache/)")
    parser.add_argument("--no-cache", action="store_true", help="convert everything again, cache untouched")


def run(args: argparse.Namespace) -> int:
    sources = sources_dir(args.sources)
    root = project()
    content, models = args.content or root / "content", args.models or root / "build" / "models"

    def progress(message: str) -> None:
        print(f"apparat: {message}", file=sys.stderr)

    if sources is None:
        progress("no sources directory found: converting the sample works only")
    status = 0
    cache = None if args.no_cache else ConversionCache(args.cache or root / "build" / "cache")
    for result in iter_converted(sources, args.work, args.strict, progress, jobs=args.jobs, cache=cache):
        print_diagnostics(result.diagnostics)
        if result.failed:
            progress(f"{result.work.id}: failed, previous output kept")
            status = 1
            continue
        write_atomic(models / f"{result.work.id}.json", to_json(result.document))
        chapters = write_chapters(result.document, result.work, content)
        summary = _summary(result.document)
        progress(f"{result.work.id}: {len(chapters)} chapters, {summary}")
    if cache is not None and (removed := cache.prune()):
        progress(f"removed {removed} cache entries of earlier converter versions")
    return status


def _summary(document: object) -> str:
    from apparat.model import Document, NoteStatus

    assert isinstance(document, Document)
    notes = document.notes()
    missing = sum(1 for n in notes if n.status is NoteStatus.MISSING)
    return (
        f"{len(document.pages)} pages, {len(notes)} notes ({len(notes) - missing} present, {missing} missing)"
    )
