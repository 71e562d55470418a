"""What a work's notes cite: the keys found, and the entries the notes themselves define.

For the article, a full citation defines its entry (the parsed fields); for the book, a citation gives only
its author and year, so the entry is a stub to complete. `apparat bib` writes these into bibliography.bib;
the accuracy measure compares the article's parsed entries with the hand-checked set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apparat.bib import authordate, chicago
from apparat.bib.annotate import Found, find_citations
from apparat.model import Document, NoteStatus


@dataclass(slots=True)
class Harvest:
    """Keys cited by one work, with the first note citing each, and the entries its notes define."""

    work: str
    citations: list[Found] = field(default_factory=list)
    entries: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    """key → (BibTeX type, fields) for every cited key the notes allow us to describe."""

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(c.key for c in self.citations))


def harvest(document: Document, memory: chicago.Memory | None = None) -> Harvest:
    result = Harvest(document.work)
    if document.profile == "article":
        memory = memory or chicago.Memory()
        result.citations = list(find_citations(document, memory))
        for key in result.keys:
            if key in memory.entries:
                result.entries[key] = memory.entries[key]
        return result
    names: dict[str, authordate.Citation] = {}
    for section in document.sections:
        for note in section.notes:
            if note.text is None or note.status is NoteStatus.MISSING:
                continue
            for cite in authordate.find(note.text):
                names.setdefault(cite.key, cite)
    result.citations = list(find_citations(document))
    for key, cite in names.items():
        result.entries[key] = ("misc", stub_fields(cite))
    return result


def stub_fields(cite: authordate.Citation) -> dict[str, str]:
    """Author and year as the citation prints them: `P. Anderson` → `Anderson, P.`; a body's name in braces."""
    year = cite.year.rstrip("abcdefghijklmnopqr") if cite.year[-1].isalpha() else cite.year
    authors = authordate.ALIASES.get(cite.authors, cite.authors).replace(" et al.", " and others")
    people = []
    for person in re.split(r",\s+(?:and\s+)?(?!(?:[A-Z]\.\s?)+$)|\s+and\s+", authors):
        words = person.replace(",", "").split()
        initials = [w for w in words if w.endswith(".")]
        rest = [w for w in words if not w.endswith(".")]
        if person == "others":
            people.append("others")
        elif initials and rest:
            people.append(f"{' '.join(rest)}, {' '.join(initials)}")
        elif len(rest) > 1 or "(" in person:
            people.append("{" + person + "}")  # a body (`{Biulleten’ oppozitsii}`), not a first and last name
        else:
            people.append(person)
    return {"author": " and ".join(people), "year": year.replace("–", "--")}
