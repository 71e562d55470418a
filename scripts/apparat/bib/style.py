"""Our own small Chicago styles over pybtex entries: author–date for the book, notes-bibliography for the article.

Why not pybtex's template styles or citeproc-py with the official CSL files: a third of the database is
stubs (author and year only) and the article's entries have no publisher; the CSL styles render such
entries with stray punctuation, and citeproc-py takes seconds for five hundred entries. Two functions of
forty lines each give the reference-list forms we need, in a few milliseconds, and are easy to read.
Output is small, safe HTML: every value is decoded from LaTeX and escaped; titles are `<i>` or quoted.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable
from functools import cache

import latexcodec  # noqa: F401  (registers the `ulatex` codec)
from pybtex.database import Entry, Person

Style = Callable[[str, Entry], str]
_KEY_YEAR = re.compile(r"(\d{4}(?:-\d{1,4})?[a-z]?)$")


@cache
def plain(value: str) -> str:
    """A BibTeX value as text: LaTeX decoded (`--` → en dash, accents), braces dropped.

    Cached: latexcodec is slow, and the list, the tips and the downloads decode the same values."""
    if not re.search(r"[\\{}~`'$-]", value):
        return value
    decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]  # a str-to-str codec
    return decoded.replace("{", "").replace("}", "")


def esc(value: str) -> str:
    return html.escape(plain(value), quote=False)


def field(entry: Entry, name: str) -> str:
    return esc(str(entry.fields[name])) if name in entry.fields else ""


def _name(person: Person, inverted: bool) -> str:
    last = " ".join(person.prelast_names + person.last_names)
    first = " ".join(person.first_names + person.middle_names)
    if not first:
        return esc(last)
    return esc(f"{last}, {first}" if inverted else f"{first} {last}")


def names(persons: list[Person]) -> str:
    """Chicago order: the first name inverted, the others not; `and` before the last; `et al.` for `others`."""
    others = any(str(p) == "others" for p in persons)
    persons = [p for p in persons if str(p) != "others"]
    parts = [_name(p, i == 0) for i, p in enumerate(persons)]
    if others:
        return f"{parts[0]} et al." if parts else "et al."
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} and {parts[1]}"
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _editors(entry: Entry, role: str, label: str) -> str:
    persons = entry.persons.get(role, [])
    if not persons:
        return ""
    return f"{label} " + " and ".join(_name(p, False) for p in persons)


def printed_year(key: str, entry: Entry) -> str:
    """The year as the book's citations print it: from the key (`1923a`, `1960–70`), else the year field."""
    match = _KEY_YEAR.search(key)
    if match:
        return match.group(1).replace("-", "–")
    return field(entry, "year")


def _sentence(*parts: str) -> str:
    text = " ".join(p.strip() for p in parts if p and p.strip())
    return text if not text or text.endswith((".", "?", "!", "”")) else text + "."


def _title(entry: Entry) -> str:
    title = field(entry, "title")
    if entry.type in ("incollection", "article", "inbook"):
        return f"“{title}{'' if title.endswith(('?', '!')) else '.'}”" if title else ""
    return f"<i>{title}</i>{'' if title.endswith(('?', '!')) else '.'}" if title else ""


def _container(entry: Entry) -> str:
    if entry.type == "article":
        journal = f"<i>{field(entry, 'journal')}</i>"
        volume = f" {field(entry, 'volume')}" if "volume" in entry.fields else ""
        number = f", no. {field(entry, 'number')}" if "number" in entry.fields else ""
        return journal + volume + number
    if entry.type == "incollection":
        volume = f", vol. {field(entry, 'volume')}" if "volume" in entry.fields else ""
        editor = _editors(entry, "editor", ", edited by")
        return f"In <i>{field(entry, 'booktitle')}</i>{volume}{editor}"
    return ""


def _publication(entry: Entry, with_year: bool) -> str:
    place, publisher = field(entry, "address"), field(entry, "publisher")
    where = ": ".join(p for p in (place, publisher) if p)
    year = field(entry, "year") if with_year else ""
    return ", ".join(p for p in (where, year) if p)


def _front_matter(entry: Entry) -> list[str]:
    out = []
    if entry.type not in ("incollection",):
        editor = _editors(entry, "editor", "Edited by")
        if editor:
            out.append(_sentence(editor))
    translator = _editors(entry, "translator", "Translated by")
    if translator:
        out.append(_sentence(translator))
    if "edition" in entry.fields:
        edition = field(entry, "edition")
        out.append(_sentence(f"{edition}{_ordinal(edition)} ed." if edition.isdigit() else edition))
    if "volume" in entry.fields and entry.type == "book":
        volume = field(entry, "volume")
        out.append(_sentence(volume if not volume.isdigit() else f"Vol. {volume}"))
    return out


def _pages(entry: Entry) -> str:
    return f": {field(entry, 'pages').replace('-', '–')}" if "pages" in entry.fields else ""


def _ordinal(number: str) -> str:
    n = int(number)
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _author(entry: Entry) -> str:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    who = names(persons)
    if who and not entry.persons.get("author"):
        who += ", ed." if len(persons) == 1 else ", eds."
    return who


def author_date(key: str, entry: Entry) -> str:
    """Chicago author–date reference-list entry: `Name. Year. Title. Place: Publisher.`"""
    parts = [_sentence(_author(entry) or field(entry, "title")), _sentence(printed_year(key, entry))]
    if "title" in entry.fields and _author(entry):
        parts.append(_title(entry))
    parts.append(_sentence(_container(entry)) if entry.type != "article" else "")
    parts.extend(_front_matter(entry))
    if entry.type == "article":
        parts.append(_sentence(_container(entry) + _pages(entry)))
    else:
        parts.append(_sentence(_publication(entry, with_year=False)))
    if "note" in entry.fields:
        parts.append(_sentence(field(entry, "note")))
    return " ".join(p for p in parts if p)


def notes_bibliography(key: str, entry: Entry) -> str:
    """Chicago notes-bibliography entry: `Name. Title. Place: Publisher, Year.`"""
    del key
    parts = [_sentence(_author(entry)), _title(entry)]
    if entry.type == "article":
        year = f" ({field(entry, 'year')})" if "year" in entry.fields else ""
        parts.append(_sentence(_container(entry) + year + _pages(entry)))
    else:
        if entry.type == "incollection":
            parts.append(_sentence(_container(entry)))
        parts.extend(_front_matter(entry))
        parts.append(_sentence(_publication(entry, with_year=True)))
    if "note" in entry.fields:
        parts.append(_sentence(field(entry, "note")))
    return " ".join(p for p in parts if p)


def sort_key(key: str, entry: Entry) -> tuple[str, str, str]:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    first = persons[0] if persons else None
    name = (
        plain(" ".join(first.last_names + first.first_names))
        if first
        else plain(str(entry.fields.get("title", key)))
    )
    return (re.sub(r"^(the|a|an)\s", "", name.lower()), printed_year(key, entry), key)
