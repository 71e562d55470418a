"""`apparat bib`: bring bibliography.bib up to date with what the works cite, never touching completed entries.

For each available work, the keys its notes cite are harvested. A key missing from the database gets an
entry: the article's from the parsed full citation, the book's as a `stub` with the printed author and
year. An existing entry is left as it is, except that the work's id is added to its `keywords` when
missing. New entries are appended as text, so the hand-written part of the file keeps its layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from apparat.bib.annotate import memory_from
from apparat.bib.database import STUB, Bibliography, parse
from apparat.bib.harvest import Harvest, harvest
from apparat.diagnostics import Code, Diagnostic, Reporter, Severity
from apparat.model import Document

FIELD_ORDER = [
    "author",
    "editor",
    "translator",
    "title",
    "booktitle",
    "journal",
    "volume",
    "number",
    "pages",
    "edition",
    "series",
    "publisher",
    "address",
    "year",
    "note",
    "keywords",
]


_KEEP_BRACES = frozenset({"author", "editor", "translator", "title", "booktitle", "note"})
"""Fields whose braces mean something (a body's name, protected capitals, accents); others lose stray braces."""


@dataclass(slots=True)
class Update:
    """What `apparat bib` did or would do."""

    added: list[str] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    """Existing entries that got a work's id added to their keywords."""
    text: str = ""


def format_entry(key: str, kind: str, fields: dict[str, str]) -> str:
    lines = [f"@{kind}{{{key},"]
    for name in sorted(fields, key=lambda n: FIELD_ORDER.index(n) if n in FIELD_ORDER else len(FIELD_ORDER)):
        value = fields[name] if name in _KEEP_BRACES else fields[name].replace("{", "").replace("}", "")
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def _add_keyword(text: str, bibliography: Bibliography, key: str, work: str) -> str:
    """Add `work` to the keywords of the entry at its line (or add a keywords field)."""
    lines = text.split("\n")
    start = bibliography.lines[key] - 1
    for i in range(start, len(lines)):
        match = re.match(r"(\s*keywords\s*=\s*\{)([^}]*)(\}.*)", lines[i])
        if match:
            lines[i] = (
                f"{match[1]}{match[2]}, {work}{match[3]}"
                if match[2].strip()
                else f"{match[1]}{work}{match[3]}"
            )
            return "\n".join(lines)
        if i > start and re.match(r"\s*@", lines[i]):
            break
    lines.insert(start + 1, f"  keywords = {{{work}}},")
    return "\n".join(lines)


def update(text: str, path: Path, harvests: list[Harvest], reporter: Reporter) -> Update:
    """The new text of bibliography.bib given what the works cite."""
    bibliography = parse(text, path, reporter)
    result = Update(text=text)
    if reporter.failed:
        return result
    new: list[str] = []
    for item in harvests:
        for key in item.keys:
            if key in bibliography.entries:
                if item.work not in bibliography.keywords(key):
                    result.text = _add_keyword(
                        result.text, parse(result.text, path, Reporter(str(path))), key, item.work
                    )
                    result.tagged.append(key)
                continue
            if key in result.added or key not in item.entries:
                continue
            kind, fields = item.entries[key]
            fields = dict(fields)
            tags = [item.work] + ([STUB] if kind == "misc" else [])
            fields["keywords"] = ", ".join(tags)
            new.append(format_entry(key, kind, fields))
            result.added.append(key)
    if new:
        result.text = result.text.rstrip("\n") + "\n\n" + "\n\n".join(new) + "\n"
    return result


def harvest_all(documents: list[Document], bibliography: Bibliography) -> list[Harvest]:
    return [
        harvest(doc, memory_from(bibliography, doc.work) if doc.profile == "article" else None)
        for doc in documents
    ]


def unknown_keys(documents: list[Document], bibliography: Bibliography, reporter: Reporter) -> int:
    """Report every cited key that the database lacks, at the note's source line; returns how many."""
    count = 0
    for document, item in zip(documents, harvest_all(documents, bibliography), strict=True):
        lines = {
            f"{s.id}-n{n.n}": (n.lines.first if n.lines else None) for s in document.sections for n in s.notes
        }
        for cite in item.citations:
            if cite.key not in bibliography.entries:
                message = f"expected an entry {cite.key!r} in {bibliography.shown_path()} for {cite.target}, found none"
                reporter.items.append(
                    Diagnostic(
                        Code.BIB_UNKNOWN, Severity.ERROR, document.source, lines.get(cite.target), message
                    )
                )
                count += 1
    return count
