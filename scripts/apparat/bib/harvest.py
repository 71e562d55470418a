"""What a work's text says about the works it cites: keys, fields, and the source lines of each field.

For the article, a full citation defines its entry (the parsed fields), and a chapter also defines the
volume it is in (the chapter's `crossref`); a chapter cited `in: <short title>` takes the volume's editor,
place and year from the volume's full citation, and the source lines of those fields with them. For the
book, a citation gives the author and year (the entry is a stub to complete), and the text may give the
title (`evidence.py`). Every field comes with the place (file and lines) that prints it, when the raw
source lines are at hand; `apparat bib` writes these into bibliography.bib and the accuracy measure
compares the article's fields with the hand-checked sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apparat.bib import authordate, chicago, evidence
from apparat.bib.annotate import Found, find_citations, note_texts
from apparat.bib.provenance import Place
from apparat.bib.sourcelines import Locator, Node
from apparat.model import Document


@dataclass(slots=True)
class Described:
    """What one work's source says of one entry: its type, its fields and where each field is printed."""

    kind: str
    fields: dict[str, str]
    places: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    crossref: str | None = None
    """For a chapter: the key of the volume it is in."""
    evidence: evidence.Evidence | None = None
    """For a book entry: the title the text gives, and where."""


@dataclass(slots=True)
class Harvest:
    """Keys cited by one work, with the first note citing each, and what its text says of them."""

    work: str
    file: str = ""
    """The source file's name, as provenance names it (`gramsci-bukharin.txt`)."""
    citations: list[Found] = field(default_factory=list)
    entries: dict[str, Described] = field(default_factory=dict)
    """key → what the text describes, for every cited key (and every volume a cited chapter is in)."""
    title_conflicts: dict[str, list[evidence.Evidence]] = field(default_factory=dict)
    """Keys the text names by different titles: no title is taken from the text for them."""

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(c.key for c in self.citations))

    def fields(self) -> dict[str, tuple[str, dict[str, str]]]:
        """key → (type, fields): the parsed entries in the shape the accuracy measure compares."""
        return {key: (d.kind, dict(d.fields)) for key, d in self.entries.items()}


_PRINT_ORDER = [
    "author",
    "title",
    "bookauthor",
    "booktitle",
    "journal",
    "volume",
    "number",
    "edition",
    "editor",
    "translator",
    "address",
    "publisher",
    "year",
    "pages",
]
"""The order in which a Chicago note prints the fields, for finding each one after the previous."""


def _printed_forms(name: str, value: str) -> list[str]:
    """What to look for in the source line to find a field's value: a person's surname, `2nd` for an edition."""
    if name in ("author", "editor", "translator", "bookauthor"):
        return [p.split(",")[0].strip("{} ") for p in value.split(" and ")]
    if name == "edition" and value.isdigit():
        return [value]
    if name == "year" or name == "pages":
        return [value.replace("--", "-")]
    return [value]


def _place_fields(node: Node, start_text: str, fields: dict[str, str]) -> dict[str, tuple[Place, ...]]:
    """The lines printing each field of one citation, searched in print order from the citation's start."""
    cursor = node.position(start_text[:40])
    places: dict[str, tuple[Place, ...]] = {}
    for name in sorted(fields, key=lambda n: _PRINT_ORDER.index(n) if n in _PRINT_ORDER else 99):
        forms = _printed_forms(name, fields[name])
        first = node.find(forms[0], cursor)
        if first is None:
            places[name] = (node.place(start_text[:40], 0),)
            continue
        place, end = first
        for form in forms[1:]:
            more = node.find(form, end)
            if more:
                place, end = Place(place.file, place.first, more[0].last), more[1]
        places[name] = (place,)
        cursor = end if name not in ("author", "bookauthor") else cursor
    return places


def harvest(
    document: Document, memory: chicago.Memory | None = None, lines: list[str] | None = None
) -> Harvest:
    """What the work's text says of what it cites. `lines` (the raw source lines) give each field its
    source lines; without them every field is placed on the first line of its note."""
    locator = Locator(document, lines, document.source)
    if document.profile == "article":
        return _article(document, memory or chicago.Memory(), locator)
    return _book(document, locator)


def _article(document: Document, memory: chicago.Memory, locator: Locator) -> Harvest:
    result = Harvest(document.work, document.source)
    refs: dict[str, tuple[str, chicago.Ref, str]] = {}
    for target, text in note_texts(document):
        for ref in chicago.find(text, memory):
            result.citations.append(
                Found(target, ref.start, ref.end, ref.key, ref.locator, text[ref.start : ref.end])
            )
            if ref.full:
                refs.setdefault(ref.key, (target, ref, text))
    described: dict[str, Described] = {}
    for key, (target, ref, text) in refs.items():
        node = locator.node(target)
        own = {k: v for k, v in ref.fields.items() if k not in ref.inherited}
        places = _place_fields(node, text[ref.start :], own)
        described[key] = Described(ref.kind, dict(ref.fields), places, ref.container)
        if ref.kind == "incollection" and ref.container and not ref.inherited:
            book = chicago.container_fields(ref, ref.whole_set)
            book_places = {
                name: places[source] for name, source in _CONTAINER_SOURCES.items() if name in book
            }
            if "volume" in book:
                book_places["volume"] = places["volume"]
            described.setdefault(ref.container, Described("book", book, book_places))
    for key, (_, ref, _) in refs.items():  # inherited fields: the lines of the volume's own citation
        for name, parent in ref.inherited.items():
            if parent in described and name in described[parent].places:
                described[key].places[name] = described[parent].places[name]
    for key in result.keys:
        if key in described:
            result.entries[key] = described[key]
            crossref = described[key].crossref
            if crossref and crossref in described:
                result.entries.setdefault(crossref, described[crossref])
    return result


_CONTAINER_SOURCES = {
    "title": "booktitle",
    "author": "bookauthor",
    "editor": "editor",
    "translator": "translator",
    "address": "address",
    "year": "year",
}
"""A volume's field → the field of its chapter's citation that prints it."""


def _book(document: Document, locator: Locator) -> Harvest:
    result = Harvest(document.work, document.source)
    first: dict[str, tuple[str, authordate.Citation, str]] = {}
    for target, text in note_texts(document):
        for cite in authordate.find(text):
            first.setdefault(cite.key, (target, cite, text))
    result.citations = list(find_citations(document))
    chosen, result.title_conflicts = evidence.titles(evidence.gather(document))
    for key, (target, cite, text) in first.items():
        node = locator.node(target)
        where = node.place(text[cite.start : cite.end], 0)
        fields = stub_fields(cite)
        described = Described("misc", fields, {"author": (where,), "year": (where,)})
        found = chosen.get(key)
        if found is not None:
            title_node = locator.node(found.target)
            described.fields["title"] = found.title
            described.places["title"] = (title_node.place(found.title, 0),)
            described.evidence = found
        result.entries[key] = described
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
