"""Bring bibliography.bib up to date with the citations of the works, then check every entry and field.

New keys get an entry: the article's parsed from its full note (a chapter also brings the volume it is
in), the book's as a `stub` (author and year as printed), with the title when the text names the work.
Entries already in the file keep what people wrote: `apparat bib` only adds what a source prints and the
entry lacks, and keeps `keywords`, `x-apparat-source` (the source lines of every field) and `related`
(other editions of the same work) in step. A stub no work cites any more is removed (only when every work
of the manifest was converted).

`--check` changes nothing and fails (exit 1) when a cited key has no entry, when a field has neither a
source line nor an editorial reason (`x-apparat-editorial`), when an editorial field has no reason, when a
citation links to an entry of another edition, or when `apparat bib` has something left to do. Errors are
reported as `path:line: error: … [apparat.bib.…]`.

examples:
  apparat bib                 # add and complete entries, report what was done
  apparat bib --check         # change nothing; fail on a missing entry or an unexplained field
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.bib import completeness, database, editions, regenerate
from apparat.commands._common import add_sources_option, print_diagnostics
from apparat.convert import convert_all
from apparat.diagnostics import Code, Reporter
from apparat.staging import write_atomic
from apparat.works import load_works, project, sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_option(parser)
    parser.add_argument(
        "--bib",
        type=Path,
        default=None,
        metavar="FILE",
        help="the database (default: the project's bibliography.bib)",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail on a missing entry or an unexplained field"
    )
    parser.add_argument("--work", action="append", metavar="ID", help="only this work (repeatable)")


def run(args: argparse.Namespace) -> int:
    path: Path = args.bib or project() / "bibliography.bib"
    shown = database.display(path)
    reporter = Reporter(shown)
    text = (database.read_text(path, reporter) if path.is_file() else "") or ""
    bibliography = database.parse(text, path, reporter)
    if reporter.failed:
        print_diagnostics(reporter.items)
        return 1
    sources = sources_dir(args.sources)
    converted = [c for c in convert_all(sources, args.work) if not c.failed]
    documents = [c.document for c in converted]
    lines: dict[str, list[str]] = {}
    shown_sources: dict[str, str] = {}
    for item in converted:
        source_path = item.work.source_path(sources)
        if source_path is not None and source_path.is_file():
            lines[item.work.id] = source_path.read_text(encoding="utf-8").split("\n")
            shown_sources[item.work.id] = database.display(source_path)
    everything = not args.work and len(documents) == len(load_works())
    harvests = regenerate.harvest_all(documents, bibliography, lines)
    result = regenerate.update(text, path, harvests, reporter, prune=everything)
    if reporter.failed:
        print_diagnostics(reporter.items)
        return 1
    if args.check:
        if result.changed:
            reporter.error(
                Code.BIB_STALE,
                None,
                f"expected nothing left for `apparat bib` to do, found: {result.summary()}",
            )
    else:
        if result.text != text:
            write_atomic(path, result.text)
        print(f"apparat bib: {shown}: {result.summary()}")
        bibliography = database.parse(result.text, path, reporter)
        harvests = regenerate.harvest_all(documents, bibliography, lines)
    missing = regenerate.unknown_keys(documents, bibliography, reporter, shown_sources, harvests)
    unexplained = regenerate.check(bibliography, harvests, reporter)
    wrong = 0
    for document, harvested in zip(documents, harvests, strict=True):
        for error in editions.link_errors(harvested, bibliography, document.profile):
            reporter.error(
                Code.BIB_EDITION,
                bibliography.lines.get(error.key),
                f"{error.key}: {error.target} prints {error.field} {error.printed!r}, the entry says {error.entry!r}",
            )
            wrong += 1
    print_diagnostics(reporter.items)
    for document, harvested in zip(documents, harvests, strict=True):
        if document.profile != "article":
            done = completeness.completion(bibliography, harvested.work, harvested.keys, harvested.file)
            print(f"apparat bib: {done.line()}")
    stubs = sum(1 for key in bibliography.entries if bibliography.is_stub(key))
    incomplete = sum(1 for entry in bibliography.entries.values() if completeness.missing(entry))
    print(
        f"apparat bib: {len(bibliography.entries)} entries ({stubs} stubs, {incomplete} to complete), "
        f"{missing} cited keys without an entry, {unexplained} fields without provenance, "
        f"{wrong} citations linked to another edition"
    )
    return 1 if reporter.failed else 0
