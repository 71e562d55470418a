"""Bring bibliography.bib up to date with the citations of the works, then check every citation has its entry.

New keys get an entry: the article's parsed from its full note, the book's as a `stub` (author and year as
printed) for a contributor to complete. Entries already in the file are never rewritten, except their
`keywords`, which say which works cite them; a stub no work cites any more is removed (only when every work
of the manifest was converted). Malformed BibTeX, a duplicate key, or a cited key that has no
entry are errors with `path:line`, and the exit status is 1.

examples:
  apparat bib                 # add missing entries, report what was done
  apparat bib --check         # change nothing; fail if an entry is missing
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.bib import database, regenerate
from apparat.commands._common import add_sources_option, print_diagnostics, write_atomic
from apparat.convert import convert_all
from apparat.diagnostics import Reporter
from apparat.works import PROJECT, load_works, sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_option(parser)
    parser.add_argument(
        "--bib",
        type=Path,
        default=PROJECT / "bibliography.bib",
        help="the database (default: bibliography.bib)",
    )
    parser.add_argument("--check", action="store_true", help="change nothing; fail if an entry is missing")
    parser.add_argument("--work", action="append", help="only this work (repeatable)")


def run(args: argparse.Namespace) -> int:
    path: Path = args.bib
    shown = database.display(path)
    reporter = Reporter(shown)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    bibliography = database.parse(text, path, reporter)
    if reporter.failed:
        print_diagnostics(reporter.items)
        return 1
    converted = convert_all(sources_dir(args.sources), args.work)
    documents = [c.document for c in converted if not c.failed]
    if not args.check:
        everything = not args.work and len(documents) == len(load_works())
        result = regenerate.update(
            text, path, regenerate.harvest_all(documents, bibliography), reporter, prune=everything
        )
        if reporter.failed:
            print_diagnostics(reporter.items)
            return 1
        if result.text != text:
            write_atomic(path, result.text)
        print(
            f"apparat bib: {shown}: {len(result.added)} entries added, {len(result.tagged)} re-tagged, "
            f"{len(result.removed)} uncited stubs removed"
        )
        bibliography = database.parse(result.text, path, reporter)
    sources = sources_dir(args.sources)
    shown_sources = {}
    for item in converted:
        source_path = item.work.source_path(sources)
        if source_path is not None:
            shown_sources[item.work.id] = database.display(source_path)
    missing = regenerate.unknown_keys(documents, bibliography, reporter, shown_sources)
    print_diagnostics(reporter.items)
    stubs = sum(1 for key in bibliography.entries if bibliography.is_stub(key))
    print(
        f"apparat bib: {len(bibliography.entries)} entries ({stubs} stubs), {missing} cited keys without an entry"
    )
    return 1 if reporter.failed else 0
