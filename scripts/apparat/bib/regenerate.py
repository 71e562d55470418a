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
    """Existing entries whose work keywords changed."""
    removed: list[str] = field(default_factory=list)
    """Stub entries that no work cites any more (only with `prune`)."""
    text: str = ""


def format_entry(key: str, kind: str, fields: dict[str, str]) -> str:
    lines = [f"@{kind}{{{key},"]
    for name in sorted(fields, key=lambda n: FIELD_ORDER.index(n) if n in FIELD_ORDER else len(FIELD_ORDER)):
        value = fields[name] if name in _KEEP_BRACES else fields[name].replace("{", "").replace("}", "")
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def _entry_span(lines: list[str], first: int) -> tuple[int, int]:
    """Line indexes [first, last] of the entry whose head is at index `first` (to its closing brace)."""
    depth = 0
    for i in range(first, len(lines)):
        depth += lines[i].count("{") - lines[i].count("}")
        if depth <= 0 and i > first:
            return first, i
    return first, len(lines) - 1


def _set_keywords(lines: list[str], first: int, words: list[str]) -> None:
    """Rewrite (or add) the keywords field of the entry at index `first`, leaving its other lines alone."""
    _, last = _entry_span(lines, first)
    value = ", ".join(words)
    for i in range(first, last + 1):
        match = re.match(r"(\s*keywords\s*=\s*\{)([^}]*)(\}.*)", lines[i])
        if match:
            lines[i] = f"{match[1]}{value}{match[3]}"
            return
    lines.insert(first + 1, f"  keywords = {{{value}}},")


def update(
    text: str, path: Path, harvests: list[Harvest], reporter: Reporter, *, prune: bool = False
) -> Update:
    """The new text of bibliography.bib given what the works cite.

    Each harvested work's id is added to the keywords of the entries it cites and removed from the others
    (the keywords say which work cites an entry; they are data we derive). With `prune` (every work of the
    manifest was harvested), a `stub` entry that no work cites any more is removed: it holds nothing a
    person wrote. Completed entries are never removed.
    """
    bibliography = parse(text, path, reporter)
    result = Update(text=text)
    if reporter.failed:
        return result
    harvested = {item.work for item in harvests}
    citing: dict[str, list[str]] = {}
    for item in harvests:
        for key in item.keys:
            citing.setdefault(key, []).append(item.work)
    lines = text.split("\n")
    removals: list[tuple[int, int]] = []
    for key in bibliography.entries:
        old = [w for w in str(bibliography.entries[key].fields.get("keywords", "")).split(",") if w.strip()]
        old = [w.strip() for w in old]
        kept = [w for w in old if w not in harvested]
        works = [w for w in old if w in citing.get(key, [])]
        works += [w for w in citing.get(key, []) if w not in works]
        words = [w for w in kept if w != STUB] + works + ([STUB] if STUB in kept else [])
        if prune and STUB in old and not [w for w in words if w != STUB]:
            removals.append(_entry_span(lines, bibliography.lines[key] - 1))
            result.removed.append(key)
            continue
        if sorted(words) != sorted(old):
            _set_keywords(lines, bibliography.lines[key] - 1, words)
            result.tagged.append(key)
    # the keyword edits may insert lines; removals are applied on a fresh parse of the edited text
    text_now = "\n".join(lines)
    if removals:
        fresh = parse(text_now, path, Reporter(str(path)))
        lines = text_now.split("\n")
        for key in sorted(result.removed, key=lambda k: -fresh.lines[k]):
            first, last = _entry_span(lines, fresh.lines[key] - 1)
            if last + 1 < len(lines) and not lines[last + 1].strip():
                last += 1
            del lines[first : last + 1]
        text_now = "\n".join(lines)
    new: list[str] = []
    for item in harvests:
        for key in item.keys:
            if key in bibliography.entries or key in result.added or key not in item.entries:
                continue
            kind, fields = item.entries[key]
            fields = dict(fields)
            works = citing[key]
            fields["keywords"] = ", ".join(works + ([STUB] if kind == "misc" else []))
            new.append(format_entry(key, kind, fields))
            result.added.append(key)
    if new:
        text_now = text_now.rstrip("\n") + "\n\n" + "\n\n".join(new) + "\n"
    result.text = text_now
    return result


def harvest_all(documents: list[Document], bibliography: Bibliography) -> list[Harvest]:
    return [
        harvest(doc, memory_from(bibliography, doc.work) if doc.profile == "article" else None)
        for doc in documents
    ]


def unknown_keys(
    documents: list[Document],
    bibliography: Bibliography,
    reporter: Reporter,
    shown: dict[str, str] | None = None,
) -> int:
    """Report every cited key that the database lacks, at the note's source line; returns how many.

    `shown` gives each work's source path as the messages should name it (default: the file name)."""
    count = 0
    for document, item in zip(documents, harvest_all(documents, bibliography), strict=True):
        where = (shown or {}).get(document.work, document.source)
        lines = {
            f"{s.id}-n{n.n}": (n.lines.first if n.lines else None) for s in document.sections for n in s.notes
        }
        for cite in item.citations:
            if cite.key not in bibliography.entries:
                message = f"expected an entry {cite.key!r} in {bibliography.shown_path()} for {cite.target}, found none"
                reporter.items.append(
                    Diagnostic(Code.BIB_UNKNOWN, Severity.ERROR, where, lines.get(cite.target), message)
                )
                count += 1
    return count
