"""The article's citations: full Chicago notes parsed into BibTeX fields, and their later short forms.

A full note names the author with initials (`S.F. Cohen, Title (London, 1974), 71.`), a chapter with its
book (`N. Bukharin, ‘Chapter,’ in: Book, ed. R.B. Day (Nottingham, 1982), 198-9.`) or an article with its
journal (`T. Draper, ‘Title,’ Survey, 18, 3, (1972), 91-137.`). A short form gives the surname and a short
title (`Cohen, Bukharin and the Bolshevik Revolution, 71.`; `Lenin, ‘Tax in Kind,’ 359.`); it is linked to
the entry whose surname matches and whose title holds most of the short title's words (`Memory.resolve`).

Each citation is parsed from a start position (an author, or an opening quote for an anonymous chapter)
by `_parse`, a small hand-written reader, because the notes mix citations with prose and a regular
expression for the whole grammar would be unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apparat.bib.authordate import ascii_fold

_CAP = r"[A-ZÀ-ÖØ-Þ]"
_SURNAME = rf"{_CAP}[\w’'\-]*(?:-{_CAP}[\w’'\-]*)?"
_GIVEN = rf"(?:{_CAP}\.\s?|{_CAP}[a-zà-ÿ’\-]+\s)+"
_FULL_NAME = rf"{_GIVEN}{_SURNAME}"
"""A name with its initials or given names: `S.F. Cohen`, `E. D. Weitz`, `Stephen F. Cohen`, `Moshe Lewin`."""
_FULL_AUTHORS = re.compile(rf"{_FULL_NAME}(?:(?:,\s(?={_CAP}\.)|,?\sand\s){_FULL_NAME})*(?=,\s)")
"""Authors: names joined by `and`; a comma joins only names given with initials, else it ends the names."""
_BOOK_AUTHOR = re.compile(rf"(?:{_CAP}\.\s?)+{_SURNAME}(?=,\s)")
"""The author of the book a chapter is in (`in A. Gramsci, Prison Notebooks`): with initials, so that a
book title (`in: Collected Works, Vol.31`) is not taken for a name."""
_SHORT_AUTHORS = re.compile(rf"{_SURNAME}(?:\sand\s{_SURNAME})?(?=,\s(?:[‘A-Z]))")
_START = re.compile(
    rf"(?<![\w’.])(?:{_FULL_NAME}(?:(?:,\s(?={_CAP}\.)|,?\sand\s){_FULL_NAME})*|{_SURNAME}(?:\sand\s{_SURNAME})?),\s|(?<![\w])[‘“]"
)
_SEGMENT = re.compile(r"(?:^|[;(]\s?|[.’]\s)(?=[A-Z])")
"""Where an anonymous book may start: the note's start, or after `;`, `(` or a sentence end."""
_NOT_NAMES = frozenset(["See", "Also", "For", "In", "On", "Compare", "Cf", "Elsewhere", "Quoted", "Here"])
_PUBLICATION = re.compile(
    r"\s?\((?P<address>[A-Z][^():,]*(?:,\s[A-Z][a-z]+\.)?)(?::\s(?P<publisher>[^()]+?))?,\s(?P<year>\d{4})\)"
)
_JOURNAL = re.compile(
    r"(?P<journal>[A-Z][^,‘’“”()]+),\s(?P<volume>\d+),\s(?P<number>\d+),?\s\((?P<year>\d{4})\)(?:,\s(?P<pages>\d+[-–]\d+))?"
    r"|(?P<journal17>[A-Z][^,‘’“”()\d]+)\s(?P<volume17>\d+)(?:,\sno\.\s(?P<number17>\d+))?\s\((?P<year17>\d{4})\)"
    r":\s(?P<pages17>\d+[-–]\d+)"
)
"""A journal as the article prints it (`Survey, 18, 3, (1972), 91-137`) or in Chicago 17th style
(`Soviet Studies 21, no. 4 (1970): 436–57`)."""
_VOLS = re.compile(r",?\s\d+\svols\.?")
_EDITION = re.compile(r",\s(?P<edition>\d+)(?:st|nd|rd|th)\sedn\.?")
_EDITOR = re.compile(
    r",?\s(?:ed\.\s(?P<transl>and\s(?:transl|trans)\.\s)?|(?P<only>trans\.\s))(?P<editors>[^()]+?)(?=\s\(|,\sVol)"
)
_VOLUME = re.compile(r",\sVol\.?\s?(?P<volume>\d+)")
_VOLUME_AFTER = re.compile(r",\s?Vol\.?\s?(?P<volume>\d+)(?=,|\.?$|\s)")
_PAGES = r"(?:\d+(?:[-–]\d+)?|[ivxlc]+\b)(?:,\s?\d+(?:[-–]\d+)?)*"
_LOCATOR = re.compile(rf"(?:,\s?|\s)(?P<locator>Vol\.?\s?\d+(?:,\s?{_PAGES})?|{_PAGES})")
_FOLLOW = r"(?=\s*(?:[.;)]|$)|,\s(?:and|see|also|for|on)\b|\s[A-Z‘“])"
"""What may follow a citation's locator: its end, or the prose or next citation after it."""
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "of",
        "in",
        "on",
        "to",
        "for",
        "from",
        "or",
        "our",
        "at",
        "by",
        "with",
        "de",
        "del",
        "la",
        "le",
        "e",
        "il",
        "di",
    ]
)


@dataclass(slots=True)
class Ref:
    """One citation in a note: its span, the entry it refers to, and the fields a full form gave."""

    start: int
    end: int
    key: str
    locator: str | None
    fields: dict[str, str] = field(default_factory=dict)
    kind: str = "book"
    """BibTeX entry type: book, incollection or article."""
    full: bool = False
    """True for a full citation (it defines the entry); False for a short form."""
    container: str | None = None
    """For a chapter: the key of the volume it is in (its `crossref`)."""
    inherited: dict[str, str] = field(default_factory=dict)
    """For a chapter cited `in: <short title>`: field → key of the volume whose full citation printed it."""
    whole_set: bool = False
    """For a chapter: its volume number is printed after the set's `(Place, Year)`, so the volume cited as
    its container is the whole set, not that one volume."""


@dataclass(slots=True)
class Memory:
    """Entries seen so far, from full citations (or from the bibliography), by key: kind and fields.

    A chapter cited in full also makes its book known (an entry of its own), so that a later short form of
    the book (`Gramsci, Quaderni del Carcere, Vol. 2, 865-7`) and a later chapter `in:` it resolve.
    """

    entries: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)
    """Keys cited in full in this document, latest last: a short form prefers these to entries known beforehand."""

    def remember(self, key: str, kind: str, fields: dict[str, str], *, seen: bool = True) -> None:
        """Keep an entry's fields; a full citation read in this document replaces what was known beforehand
        (the bibliography's entry), the first full citation of a key in the document wins over later ones."""
        if key not in self.entries or (seen and key not in self.seen):
            self.entries[key] = (kind, dict(fields))
        if seen:
            if key in self.seen:
                self.seen.remove(key)
            self.seen.append(key)

    def resolve(self, surname: str, title: str) -> str | None:
        """The entry by `surname` whose title holds at least three quarters of the short title's words.

        Among several, the one cited in full most recently in this document wins, then one known beforehand.
        """
        wanted = words(title)
        if not wanted:
            return None
        order = [*reversed(self.seen), *(k for k in self.entries if k not in self.seen)]
        best: tuple[float, str] | None = None
        for key in order:
            fields = self.entries[key][1]
            if surname and surname_of_fields(fields) != surname:
                continue
            share = len(wanted & words(fields.get("title", ""))) / len(wanted)
            if share >= 0.75 and (best is None or share > best[0]):
                best = (share, key)
        return best[1] if best else None

    def full_name(self, names: str) -> str:
        """`Lenin` → `Lenin, V.I.` when a full citation gave the initials; other names unchanged."""
        if "," in names or " and " in names:
            return names
        order = [*reversed(self.seen), *(k for k in self.entries if k not in self.seen)]
        for fields in (self.entries[k][1] for k in order):  # this document's own full citations first
            for role in ("author", "bookauthor"):
                for person in fields.get(role, "").split(" and "):
                    if person.split(",")[0] == names:
                        return person
        return names

    def book(self, title: str) -> tuple[str, dict[str, str]] | None:
        """The key and fields of a book seen before under this (possibly short) title — for `in: Collected Works`."""
        wanted = words(title)
        for key in [*reversed(self.seen), *(k for k in self.entries if k not in self.seen)]:
            kind, fields = self.entries[key]
            if kind == "book" and wanted and wanted <= words(fields.get("title", "")):
                return key, fields
        return None


def words(title: str) -> set[str]:
    """Significant, case-folded title words, so that short titles match their full form."""
    return {w for w in re.findall(r"\w+", ascii_fold(title).lower()) if w not in _SMALL and not w.isdigit()}


def bibtex_names(names: str) -> str:
    """`E. Laclau and C. Mouffe` → `Laclau, E. and Mouffe, C.`."""
    people = [p.strip() for p in re.split(r",\s|\sand\s", names) if p.strip()]
    for i, person in enumerate(people[:-1]):  # `Eden and Cedar Paul`: two people of one surname
        if re.fullmatch(rf"{_CAP}[a-z]+", person) and len(people[i + 1].split()) == 2:
            people[i] = f"{person} {people[i + 1].split()[-1]}"
    out = []
    for person in people:
        match = re.fullmatch(rf"(?P<initials>{_GIVEN})?(?P<surname>{_SURNAME})", person)
        if match and match["initials"]:
            initials = match["initials"].strip()
            if re.fullmatch(rf"(?:{_CAP}\.\s?)+", initials):  # `R. B.` → `R.B.`, as the article prints it
                initials = re.sub(r"\.\s?", ".", initials)
            out.append(f"{match['surname']}, {initials}")
        else:
            out.append(person)
    return " and ".join(out)


def surname_of(names: str) -> str:
    first = re.split(r",\s|\sand\s", names)[0].strip()
    return first.split(".")[-1].strip().split()[-1] if first else ""


def make_key(surname: str, year: str, title: str) -> str:
    """`Cohen` + `1974` + `Bukharin and the Bolshevik Revolution` → `Cohen1974Bukharin`; an anonymous chapter
    takes two title words instead of the name (`ConditionsAdmission1971`)."""
    significant = [
        ascii_fold(w).capitalize()
        for w in re.findall(r"[\w’']+", title)
        if w.lower() not in _SMALL and not w.isdigit()
    ] or ["Untitled"]
    key = f"{ascii_fold(surname)}{year}{significant[0]}" if surname else f"{''.join(significant[:2])}{year}"
    return re.sub(r"[^A-Za-z0-9]", "", key)


def _quoted(text: str, pos: int) -> tuple[str, int] | None:
    """A title in single quotes starting at `pos` (`‘Title,’` or `‘Title’,`): the title and the position after."""
    if text.startswith("“", pos):
        close = text.find("”", pos + 1)
        if close < 0:
            return None
        after = close + 1
        return text[pos + 1 : close].rstrip(",").strip(), after + 1 if text.startswith(",", after) else after
    if not text.startswith("‘", pos):
        return None
    depth, i = 0, pos + 1
    while i < len(text):
        char = text[i]
        if char == "“":
            depth += 1
        elif char == "”":
            depth -= 1
        elif char == "’" and depth <= 0 and (i + 1 == len(text) or not text[i + 1].isalpha()):
            title = text[pos + 1 : i].rstrip(",").strip()
            after = i + 1
            if text.startswith(",", after):
                after += 1
            return title, after
        i += 1
    return None


def _plain_title_end(text: str, pos: int) -> int:
    """Where an unquoted book title ends: before `(Place, Year)`, `, N vols`, `, ed.`, `, Vol`, an edition or pages."""
    candidates = [len(text)]
    for pattern in (_PUBLICATION, _VOLS, _EDITION, _EDITOR, _VOLUME):
        match = pattern.search(text, pos)
        if match:
            candidates.append(match.start())
    locator = re.compile(rf",\s?(?:\d+(?:[-–]\d+)?|[ivxlc]+)(?:,\s?\d+(?:[-–]\d+)?)*{_FOLLOW}").search(
        text, pos
    )
    if locator:
        candidates.append(locator.start())
    stop = re.compile(r"[;)]|\.\s|\.$").search(text, pos)
    if stop:
        candidates.append(stop.start())
    return min(candidates)


def _book_tail(text: str, pos: int, fields: dict[str, str]) -> int:
    """Vols, edition, editors, volume, `(Place, Year)` after a book title; fills `fields`, returns the new position."""
    for pattern in (_VOLS, _EDITION, _EDITOR, _VOLUME, _VOLS, _EDITOR, _PUBLICATION):
        match = pattern.match(text, pos)
        if not match:
            continue
        pos = match.end()
        groups = match.groupdict()
        if groups.get("edition"):
            fields["edition"] = groups["edition"]
        if groups.get("editors"):
            names = bibtex_names(groups["editors"])
            if not groups.get("only"):
                fields["editor"] = names
            if groups.get("transl") or groups.get("only"):
                fields["translator"] = names
        if groups.get("volume") and "year" not in fields:
            fields["volume"] = groups["volume"]
        if groups.get("address"):
            fields["address"] = groups["address"]
            fields["year"] = groups["year"]
            if groups.get("publisher"):
                fields["publisher"] = groups["publisher"]
    return pos


def _locator(text: str, pos: int) -> tuple[str | None, int]:
    match = _LOCATOR.match(text, pos)
    if match and re.match(_FOLLOW, text[match.end() :]):
        return match["locator"], match.end()
    return None, pos


def _parse(text: str, pos: int, memory: Memory, anonymous: bool = False) -> Ref | None:
    """One citation starting at `pos`, or None if what starts there is not one.

    With `anonymous`, the citation may be a book without an author (`Title, ed. X (Place, Year)`).
    """
    start = pos
    authors = ""
    full_names = _FULL_AUTHORS.match(text, pos)
    short_names = None if full_names else _SHORT_AUTHORS.match(text, pos)
    if short_names and short_names.group(0) in _NOT_NAMES:
        return None
    if full_names or short_names:
        names = full_names or short_names
        assert names is not None
        authors = names.group(0)
        pos = names.end() + 2
    fields: dict[str, str] = {}
    if authors:
        fields["author"] = memory.full_name(bibtex_names(authors))
    surname = surname_of(authors) if authors else ""
    quoted = _quoted(text, pos)
    if quoted:
        title, pos = quoted
        fields["title"] = title
        inside = re.compile(r"\s?in:?\s").match(text, pos)
        if inside:  # a chapter in a book: the book is cited in full, or by a title seen before
            pos = inside.end()
            book_author = _BOOK_AUTHOR.match(text, pos)
            if book_author:
                fields["bookauthor"] = memory.full_name(bibtex_names(book_author.group(0)))
                if not authors:
                    fields["author"] = fields["bookauthor"]
                    surname = surname_of(book_author.group(0))
                pos = book_author.end() + 2
            end = _plain_title_end(text, pos)
            booktitle = text[pos:end].strip().rstrip(",")
            fields["booktitle"] = booktitle
            pos = _book_tail(text, end, fields)
            volume = _VOLUME_AFTER.match(text, pos)
            whole_set = bool(volume and "volume" not in fields)
            if volume and whole_set:  # `(Torino, 2007), Vol.2, 1363-509`: the chapter is in vol. 2 of the set
                fields["volume"] = volume["volume"]
                pos = volume.end()
            found = memory.book(booktitle) if "year" not in fields else None
            inherited: dict[str, str] = {}
            container = None
            if found:
                container, parent = found
                fields["booktitle"] = parent["title"]
                for name, value in parent.items():
                    if name in _INHERITED and name not in fields:
                        fields[name] = value
                        inherited[name] = container
            locator, pos = _locator(text, pos)
            if "year" not in fields:
                return None
            key = make_key(surname, fields.get("year", ""), title)
            ref = Ref(start, pos, key, locator, fields, "incollection", True, inherited=inherited)
            ref.container = container or container_key(container_fields(ref, whole_set))
            ref.whole_set = whole_set
            return ref
        journal = _JOURNAL.match(text, pos + 1 if text.startswith(" ", pos) else pos)
        if journal:
            fields.update({k.removesuffix("17"): v for k, v in journal.groupdict().items() if v})
            key = make_key(surname, fields["year"], title)
            return Ref(start, journal.end(), key, None, fields, "article", True)
        locator, end = _locator(text, pos - 1 if text[pos - 1] == "," else pos)
        key_found = memory.resolve(surname, title) if surname else None
        if key_found:
            return Ref(start, end, key_found, locator)
        return None
    if not authors and not anonymous:
        return None
    end = _plain_title_end(text, pos)
    title = text[pos:end].strip().rstrip(",")
    if not title or not title[0].isupper():
        return None
    fields["title"] = title
    after = _book_tail(text, end, fields)
    locator, after = _locator(text, after)
    if "year" in fields:
        surname = surname or surname_of_fields({"author": fields.get("editor", "")})
        return Ref(start, after, make_key(surname, fields["year"], title), locator, fields, "book", True)
    if anonymous:
        return None
    key_found = memory.resolve(surname, title)
    if key_found:
        return Ref(start, after, key_found, locator)
    return None


_INHERITED = ("editor", "address", "year", "translator")
"""What a chapter cited `in: <short book title>` takes from its book."""


def find(text: str, memory: Memory) -> list[Ref]:
    """The citations of one note, in order; full citations are remembered for the short forms of later notes."""
    refs: list[Ref] = []
    starts = sorted({m.start() for m in _START.finditer(text)} | {m.end() for m in _SEGMENT.finditer(text)})
    done = 0
    for start in starts:
        if start < done:
            continue
        ref = _parse(text, start, memory) or _parse(text, start, memory, anonymous=True)
        if ref is None:
            continue
        done = ref.end
        refs.append(ref)
        if ref.full:
            memory.remember(ref.key, ref.kind, ref.fields)
            if ref.kind == "incollection" and ref.container and not ref.inherited:
                memory.remember(ref.container, "book", container_fields(ref, ref.whole_set))
    return refs


def container_fields(ref: Ref, whole_set: bool = False) -> dict[str, str]:
    """What a chapter's citation says of the volume it is in: title, book author, editors, place, year, and
    the volume number when it names one volume (`Prison Notebooks, Vol 1, ed. … (New York, 1991)`)."""
    book = {k: v for k, v in ref.fields.items() if k in _INHERITED}
    book["title"] = ref.fields["booktitle"]
    if "bookauthor" in ref.fields:
        book["author"] = ref.fields["bookauthor"]
    if "volume" in ref.fields and not whole_set and not ref.inherited:
        book["volume"] = ref.fields["volume"]
    return book


def container_key(book: dict[str, str]) -> str:
    """A volume's key: its author's or else its (first) editor's surname, year, first title word."""
    surname = surname_of_fields(book) or surname_of_fields({"author": book.get("editor", "")})
    return make_key(surname, book.get("year", ""), book["title"])


def surname_of_fields(fields: dict[str, str]) -> str:
    author = fields.get("author", "")
    return author.split(" and ")[0].split(",")[0].strip() if author else ""
