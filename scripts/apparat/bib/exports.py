"""A work's bibliography as downloads: BibTeX, CSL-JSON (for Zotero, citeproc) and RIS (for EndNote and the rest)."""

from __future__ import annotations

import re

from pybtex.database import Entry

from apparat.bib.csl import item as csl_item
from apparat.bib.fields import bibtex_value, json_text, ris_value
from apparat.bib.regenerate import format_entry
from apparat.bib.text import plain as decoded


def plain(value: str) -> str:
    """A field as one line of text, whatever it holds (newlines and control characters would let a value
    start a record of its own in RIS)."""
    return ris_value(decoded(value))


_RIS_TYPES = {"book": "BOOK", "incollection": "CHAP", "article": "JOUR", "misc": "GEN"}
_RIS_FIELDS = {"title": "TI", "booktitle": "T2", "journal": "JO", "volume": "VL", "number": "IS",
               "publisher": "PB", "address": "CY", "edition": "ET", "note": "N1"}  # fmt: skip


def _years(value: str) -> list[list[int]]:
    years = [int(y) for y in re.findall(r"\d{4}", value)]
    return [[y] for y in years[:2]]


def csl_json(entries: dict[str, Entry]) -> str:
    """The items the reference list is rendered from (`csl.item`), so Zotero and citeproc see the same data."""
    items = []
    for key, entry in entries.items():
        data = csl_item(key, entry)
        data.pop("language", None)
        if "note" in entry.fields:
            data["note"] = plain(str(entry.fields["note"]))
        items.append(data)
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
    """The entries as the database has them, provenance fields included; `related` keeps only keys the
    download holds, so that biblatex finds every entry it names."""
    out = []
    for key, entry in entries.items():
        fields = {name: bibtex_value(str(value)) for name, value in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role] = bibtex_value(" and ".join(str(p) for p in persons))
        if "related" in fields:
            kept = [k.strip() for k in fields.pop("related").split(",") if k.strip() in entries]
            if kept:
                fields["related"] = ", ".join(kept)
        out.append(format_entry(key, entry.type, fields))
    return "\n\n".join(out) + "\n"
