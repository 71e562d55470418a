"""The two Chicago styles of the edition, and the order of a reference list.

The book cites author–date, so its list is in the Chicago author–date style with the year as the citations
print it (`1923a`); the article cites in notes, so its list is in the notes–bibliography style. Both are the
official CSL styles rendered by citeproc-py (`csl.py`); the editors' `note` follows as a sentence of its own.
Output is small, safe HTML: values escaped, titles in `<i>` or quoted.

The list is ordered by author (surnames, then given names), then year, then the year's letter, then title:
`Trotsky 1919`, `Trotsky 1923a`, `Trotsky 1923b`, whatever the entries' given names say.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pybtex.database import Entry, Person

from apparat.bib import csl
from apparat.bib.provenance import fold
from apparat.bib.text import esc, plain

Style = Callable[[str, Entry], str]
_KEY_YEAR = re.compile(r"(\d{4}(?:-\d{1,4})?[a-z]?)$")
_PARTS = frozenset(["incollection", "inbook", "article"])

__all__ = ["Style", "author_date", "esc", "notes_bibliography", "plain", "printed_year", "save", "sort_key"]


def printed_year(key: str, entry: Entry) -> str:
    """The year as the book's citations print it: from the key (`1923a`, `1960–70`), else the year field."""
    match = _KEY_YEAR.search(key)
    if match:
        return match.group(1).replace("-", "–")
    return plain(str(entry.fields.get("year", "")))


def _note(entry: Entry) -> str:
    if "note" not in entry.fields:
        return ""
    note = esc(str(entry.fields["note"]))
    return f" {note}{'' if note.endswith(('.', '?', '!')) else '.'}"


def author_date(key: str, entry: Entry) -> str:
    """Chicago author–date reference-list entry: `Name. Year. Title. Place: Publisher.`"""
    return csl.renderer(csl.AUTHOR_DATE).render(csl.item(key, entry, printed_year=True)) + _note(entry)


def notes_bibliography(key: str, entry: Entry) -> str:
    """Chicago notes-bibliography entry: `Name. Title. Place: Publisher, Year.`"""
    return csl.renderer(csl.NOTES).render(csl.item(key, entry)) + _note(entry)


def save() -> None:
    """Keep this run's renderings for the next (citeproc-py is slow)."""
    for name in (csl.AUTHOR_DATE, csl.NOTES):
        csl.renderer(name).save()


_PARTICLES = re.compile(r"^(?:(?:van|von|de|der|den|du|la|le)\s)+")


def _person_key(person: Person) -> tuple[str, str]:
    """(surname, given names), folded; a particle is passed over (`van Heijenoort` sorts under H)."""
    surname = fold(" ".join(person.last_names))
    return _PARTICLES.sub("", surname) or surname, fold(" ".join(person.first_names + person.middle_names))


def sort_key(key: str, entry: Entry) -> tuple[object, ...]:
    """Author (all surnames, then given names), year as printed, its letter, title; the key breaks ties.

    A corporate author sorts by its name, an anonymous work by its title without a leading article; a volume
    without author by its editors (as it is printed: `Degras, J., ed.`)."""
    leads = entry.persons.get("author") or (entry.persons.get("editor") if entry.type not in _PARTS else None)
    persons = [p for p in leads or [] if str(p) != "others"]  # an anonymous chapter is listed by its title
    if persons:
        names = tuple(_person_key(p) for p in persons)
        surnames = tuple(n[0] for n in names)
        given = tuple(n[1] for n in names)
    else:
        title = re.sub(r"^(the|a|an)\s", "", fold(str(entry.fields.get("title", key))))
        surnames, given = (title,), ("",)
    year = printed_year(key, entry)
    digits, letter = re.match(r"(\d*[–\d]*)([a-z]?)", year).groups() if year else ("", "")  # type: ignore[union-attr]
    return (surnames, digits or "9999", letter, given, fold(str(entry.fields.get("title", ""))), key)
