"""How complete each entry is, and how many of a work's stubs its own text completed.

An entry is complete when it has the fields a Chicago reference needs for its type; what it lacks is what
a contributor has to find (`missing`). A stub is an entry with only what a citation prints (author and
year, keyword `stub`); a stub the text names gets its title from the text (`evidence.py`), and such an
entry is recognised afterwards by its provenance: a title printed by the work's own source and no field
the editors supplied. The completion rate of a work is the share of its would-be stubs that its text named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.database import Entry

from apparat.bib.database import Bibliography
from apparat.bib.provenance import ProvenanceError, origins

REQUIRED = {
    "book": ("title", "year", "address", "publisher"),
    "misc": ("title", "year", "address", "publisher"),
    "incollection": ("title", "booktitle", "year", "address", "publisher"),
    "article": ("title", "journal", "year", "pages"),
}


def missing(entry: Entry) -> list[str]:
    """The fields a full reference of this type needs and the entry lacks (`author` stands for author or editor)."""
    out = [] if entry.persons.get("author") or entry.persons.get("editor") else ["author"]
    out += [name for name in REQUIRED.get(entry.type, REQUIRED["book"]) if name not in entry.fields]
    return out


@dataclass(slots=True)
class Completion:
    """One work's stubs: those its text named (title filled from the text) and those still without title."""

    work: str
    named: list[str] = field(default_factory=list)
    remaining: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        total = len(self.named) + len(self.remaining)
        return len(self.named) / total if total else 1.0

    def line(self) -> str:
        total = len(self.named) + len(self.remaining)
        return f"{self.work}: {len(self.named)} of {total} stubs named by the text ({self.rate:.1%}), {len(self.remaining)} remain"


def titled_by_text(entry: Entry, file: str | None = None) -> bool:
    """The entry's title is printed by the text (of `file`, if given)."""
    try:
        title = origins(entry).get("title")
    except ProvenanceError:
        return False
    if title is None or not title.places:
        return False
    return file is None or any(p.file == file for p in title.places)


def completion(bibliography: Bibliography, work: str, keys: list[str], file: str | None = None) -> Completion:
    """The stubs among `keys` (keys the work cites by author and year): named when the entry has a title the
    text prints and still lacks its place or publisher (nobody completed it by hand), remaining when it has
    no title."""
    result = Completion(work)
    for key in keys:
        entry = bibliography.entries.get(key)
        if entry is None:
            continue
        if "title" not in entry.fields:
            result.remaining.append(key)
        elif titled_by_text(entry, file) and {"address", "publisher"} & set(missing(entry)):
            result.named.append(key)
    return result
