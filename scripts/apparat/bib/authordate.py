"""The book's citations: author–date references in the notes (`Trotsky 1923a, p. 12`, `Carr and Davies 1969`).

A citation is a run of name words (capitalised, with a few lower-case particles), a year (`1923`, `1923a`,
`1960–70`) and an optional locator (`p. 12`, `vol. 8, pp. 3–5`, an issue number). The key is built from the
names and the year, so printing variants of one work (`Lewin, 1968` and `Lewin 1968`; `1960-70` and
`1960–70`) share a key, while look-alikes stay apart: initials are part of the key (`Anderson1976` vs
`Anderson_P1976`), and so is the year's letter (`1972` vs `1972a`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_WORD = rf"(?:{_UPPER}[\w’'\-]*|RKP\(b\))"
_PARTICLE = r"(?:van|von|de|der|du|la|le|of|the|oppozitsii|akademiia|nauk)"
_INITIALS = rf"(?:{_UPPER}\.\s?)+"
_NAME = rf"(?:{_UPPER}\.(?=,?\s\d{{4}})|(?:{_INITIALS}\s?)?(?:{_PARTICLE}\s)*{_WORD}(?:\s(?:{_PARTICLE}\s)*{_WORD})*(?:(?:\s{_PARTICLE})+(?=,?\s\d))?)"
_TAIL_INITIALS = rf"(?:,\s{_INITIALS})"
_AUTHORS = rf"(?P<authors>{_NAME}(?:,\s(?:and\s)?{_NAME}(?!,\s\d))*(?:,?\sand\s{_NAME})?(?:\set\sal\.)?{_TAIL_INITIALS}?)"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d(?:[–-]\d{1,4})?[a-r]?)(?![\w–-])"
_LOC_ITEM = r"(?:(?:vols?|part|nos?|book|chaps?|ch|pp?|cols?|nn?|sec|doc)\.?\s*)?(?:\d+|[IVXL]+\b)(?:[–-]\d+)?(?:\s?[\(\[](?:[A-Z][a-z]+[–-]?)*\s?\d{4}[\)\]])?"
_LOCATOR = rf"(?P<locator>{_LOC_ITEM}(?:(?:,\s*|:\s*|\sand\s)(?:{_LOC_ITEM}))*)"
CITATION = re.compile(
    rf"(?<![\w’'–\-.]){_AUTHORS},?\s(?:{_YEAR}|\((?P<pyear>\d{{4}})\))(?:,\s(?={_LOC_ITEM}(?:[,;.):\s]|$)){_LOCATOR})?"
)
_ANY_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
BULLETIN = re.compile(
    rf"Biulleten’? oppozitsii,\s(?P<locator>\d+(?:[–-]\d+)?\s\((?:[A-Z][a-z]+[–-]?)+\s\d{{4}}\)(?:,\s{_LOC_ITEM})?)"
)
"""The Bulletin cited by issue without its reprint year: `Biulleten’ oppozitsii, 17–18 (November–December 1930)`."""
BULLETIN_KEY = "BiulletenOppozitsii1973"

_LEADING = frozenset(
    [
        "See",
        "Also",
        "Quoted",
        "In",
        "On",
        "For",
        "Cf",
        "Compare",
        "By",
        "As",
        "From",
        "During",
        "Since",
        "Until",
        "After",
        "Before",
        "Between",
        "Similarly",
        "However",
        "Furthermore",
        "Already",
        "Writing",
        "Thus",
        "Here",
        "This",
        "That",
        "The",
        "These",
        "Those",
        "An",
        "A",
        "Of",
        "Both",
        "Its",
        "His",
        "Her",
        "Their",
        "Especially",
        "Among",
        "Eg",
        "And",
        "Or",
    ]
)
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Spring",
        "Summer",
        "Autumn",
        "Winter",
    ]
)
ALIASES = {"Seigelbaum": "Siegelbaum"}
"""Misprinted author names: the printing variant links to the entry of the name as correctly spelled."""
_DROP_FROM_KEY = frozenset({"and", "of", "the", "et", "al"})


@dataclass(frozen=True, slots=True)
class Citation:
    """One author–date citation: where it is in the text, its key and its locator as printed."""

    start: int
    end: int
    key: str
    authors: str
    year: str
    locator: str | None


def ascii_fold(text: str) -> str:
    text = text.replace("’", "").replace("'", "")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def make_key(authors: str, year: str) -> str:
    """`Carr and Davies` + `1969` → `Carr-Davies1969`; `P. Anderson` → `Anderson_P`; `Viola et al.` → `Viola-etal`."""
    etal = "et al." in authors
    authors = authors.replace("et al.", "")
    authors = ALIASES.get(authors, authors)
    people = [p for p in re.split(r",\s+(?:and\s+)?(?!(?:[A-Z]\.\s?)+$)|\s+and\s+", authors) if p.strip()]
    names: list[str] = []
    initials = ""
    for person in people:
        words = person.split()
        letters = "".join(
            w[0] for w in words if re.fullmatch(rf"{_UPPER}\.", w) or re.fullmatch(r"(?:[A-Z]\.)+", w)
        )
        kept = [w for w in words if not w.endswith(".") and w.lower() not in _DROP_FROM_KEY]
        if not kept and letters:  # an author known only by an initial (`N. 1928`)
            kept, letters = [letters], ""
        names.append("".join(ascii_fold(w)[:1].upper() + ascii_fold(w)[1:] for w in kept))
        if letters and len(people) == 1:
            initials = ascii_fold(letters)
    key = "-".join(re.sub(r"[^A-Za-z0-9]", "", n) for n in names if n)
    if etal:
        key += "-etal"
    if initials:
        key += "_" + initials
    return key + year.replace("–", "-")


def _trim(authors: str) -> str:
    """Drop sentence words caught before the name (`See also Trotsky` → `Trotsky`)."""
    words = authors.split(" ")
    while len(words) > 1 and words[0].rstrip(",:") in _LEADING:
        words = words[1:]
    return " ".join(words)


def _matches(text: str) -> list[re.Match[str]]:
    """CITATION's matches, tried only in windows around the years: the full pattern is costly to try at
    every capitalised word of a long paragraph, and a citation ends at most a locator after its year."""
    windows: list[list[int]] = []
    for year in _ANY_YEAR.finditer(text):
        low, high = max(0, year.start() - 160), min(len(text), year.end() + 200)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    return [m for low, high in windows for m in CITATION.finditer(text, low, high)]


def find(text: str) -> list[Citation]:
    """Every author–date citation in a note's text, in order."""
    found: list[Citation] = []
    for match in _matches(text):
        authors = _trim(match.group("authors"))
        if any(w.endswith(("’s", "'s")) for w in authors.split()):
            continue  # `Marx’s 1843 response`, `Trotsky’s Notebooks, 1933–1935`: a possessive, not an author
        quoted = re.search(r"^.*’\s(?=[A-Z])", authors)
        if quoted:  # `‘… Culture’ Trotsky 1937`: a quoted title ends before the name
            authors = authors[quoted.end() :]
        start = match.start("authors") + match.group("authors").rindex(authors)
        last = authors.replace("et al.", "").split()[-1].rstrip(",")
        if authors.split()[0] in _LEADING or authors.split()[0] in _MONTHS or last in _MONTHS:
            continue
        if re.match(r"\s*\(", text[match.end() :]) and match.group("locator") is None:
            continue  # `The Spanish Revolution, 1931–39 (Trotsky 1973f)`: a title with its dates
        year = match.group("year") or match.group("pyear")
        if match.group("pyear") and " and " not in authors:
            continue  # `Name (1965)` only in the two-author form; `Party Congress (1921)` is a date
        locator = match.group("locator")
        found.append(Citation(start, match.end(), make_key(authors, year), authors, year, locator))
    for match in BULLETIN.finditer(text):
        if not any(c.start <= match.start() < c.end for c in found):
            found.append(
                Citation(
                    match.start(),
                    match.end(),
                    BULLETIN_KEY,
                    "Biulleten’ oppozitsii",
                    "1973",
                    match["locator"],
                )
            )
    return sorted(found, key=lambda c: c.start)
