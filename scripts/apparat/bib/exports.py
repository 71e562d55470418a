"""A work's bibliography as downloads: BibTeX, CSL-JSON (for Zotero, citeproc) and RIS (for EndNote and the rest)."""

from __future__ import annotations

import re

from pybtex.database import Entry, Person

from apparat.bib.fields import bibtex_value, json_text, ris_value
from apparat.bib.regenerate import format_entry
from apparat.bib.style import plain as decoded


def plain(value: str) -> str:
    """A field as one line of text, whatever it holds (newlines and control characters would let a value
    start a record of its own in RIS)."""
    return ris_value(decoded(value))


_CSL_TYPES = {"book": "book", "incollection": "chapter", "article": "article-journal", "misc": "document"}
_RIS_TYPES = {"book": "BOOK", "incollection": "CHAP", "article": "JOUR", "misc": "GEN"}
_CSL_FIELDS = {
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "edition": "edition",
    "note": "note",
}
_RIS_FIELDS = {"title": "TI", "booktitle": "T2", "journal": "JO", "volume": "VL", "number": "IS",
               "publisher": "PB", "address": "CY", "edition": "ET", "note": "N1"}  # fmt: skip


def _csl_name(person: Person) -> dict[str, str]:
    last = plain(" ".join(person.prelast_names + person.last_names))
    first = plain(" ".join(person.first_names + person.middle_names))
    return {"family": last, "given": first} if first else {"literal": last}


def _years(value: str) -> list[list[int]]:
    years = [int(y) for y in re.findall(r"\d{4}", value)]
    return [[y] for y in years[:2]]


def csl_json(entries: dict[str, Entry]) -> str:
    items = []
    for key, entry in entries.items():
        item: dict[str, object] = {"id": key, "type": _CSL_TYPES.get(entry.type, "document")}
        for role in ("author", "editor", "translator"):
            if entry.persons.get(role):
                item[role] = [_csl_name(p) for p in entry.persons[role] if str(p) != "others"]
        for name, csl in _CSL_FIELDS.items():
            if name in entry.fields:
                item[csl] = plain(str(entry.fields[name]))
        if "year" in entry.fields:
            item["issued"] = {"date-parts": _years(str(entry.fields["year"]))}
        items.append(item)
    return json_text(items)


def ris(entries: dict[str, Entry]) -> str:
    lines: list[str] = []
    for key, entry in entries.items():
        lines.append(f"TY  - {_RIS_TYPES.get(entry.type, 'GEN')}")
        lines.append(f"ID  - {key}")
        for role, tag in (("author", "AU"), ("editor", "ED"), ("translator", "A4")):
            lines.extend(
                f"{tag}  - {plain(str(p))}" for p in entry.persons.get(role, []) if str(p) != "others"
            )
        for name, tag in _RIS_FIELDS.items():
            if name in entry.fields:
                lines.append(f"{tag}  - {plain(str(entry.fields[name]))}")
        if "pages" in entry.fields:
            first, _, last = plain(str(entry.fields["pages"])).replace("–", "-").partition("-")
            lines.append(f"SP  - {first}")
            if last:
                lines.append(f"EP  - {last}")
        if "year" in entry.fields:
            lines.append(
                f"PY  - {_years(str(entry.fields['year']))[0][0] if _years(str(entry.fields['year'])) else ''}"
            )
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


def bibtex(entries: dict[str, Entry]) -> str:
    out = []
    for key, entry in entries.items():
        fields = {name: bibtex_value(str(value)) for name, value in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role] = bibtex_value(" and ".join(str(p) for p in persons))
        out.append(format_entry(key, entry.type, fields))
    return "\n\n".join(out) + "\n"
