"""Where every field of an entry comes from: a source line, or the editors (with their reason).

Two fields of each entry in bibliography.bib say it, so that the .bib itself shows it:

    x-apparat-source = {author, title, address, year: gramsci-bukharin.txt:74; editor: gramsci-bukharin.txt:75},
    x-apparat-editorial = {publisher: the notes name no publisher; from the catalogue record of this printing},

`x-apparat-source` is derived data (like `keywords`): `apparat bib` writes it from the sources, one group
of fields per set of source lines. `x-apparat-editorial` is written by people: each field the editors
supplied, with a short reason. A field in both is one the source prints in part and the editors completed
(a given name, a subtitle). A field in neither has no provenance, and `apparat bib --check` fails on it.

`support` decides how well what a source prints backs an entry's value: exactly, in part, or not at all.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import latexcodec  # noqa: F401  (registers the `ulatex` codec)
from pybtex.database import Entry, Person

from apparat.diagnostics import Code, Reporter

SOURCE = "x-apparat-source"
EDITORIAL = "x-apparat-editorial"
META = frozenset({"keywords", "crossref", "related", SOURCE, EDITORIAL})
"""Fields that describe the entry's place in the database rather than the work: no provenance needed."""
PERSON_FIELDS = ("author", "editor", "translator", "bookauthor")


class ProvenanceError(ValueError):
    """A provenance field that does not follow its grammar."""


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Source lines (1-based, inclusive) of one file, as messages and the .bib name them: `file.txt:12-13`."""

    file: str
    first: int
    last: int

    def __str__(self) -> str:
        lines = f"{self.first}" if self.last == self.first else f"{self.first}-{self.last}"
        return f"{self.file}:{lines}"


SourceMap = dict[str, tuple[Place, ...]]
"""Field → the places that print it."""


class Kind(StrEnum):
    SOURCE = "source"
    """Printed by the source, as the entry gives it."""
    COMPLETED = "completed"
    """Printed by the source in part; the editors supplied the rest (their reason says what and whence)."""
    EDITORIAL = "editorial"
    """Supplied by the editors; the source does not print it."""
    UNEXPLAINED = "unexplained"
    """Neither: an error for `apparat bib --check`."""


@dataclass(frozen=True, slots=True)
class Origin:
    places: tuple[Place, ...] = ()
    reason: str | None = None

    @property
    def kind(self) -> Kind:
        if self.places and self.reason is not None:
            return Kind.COMPLETED
        if self.places:
            return Kind.SOURCE
        return Kind.EDITORIAL if self.reason is not None else Kind.UNEXPLAINED


_PLACE = re.compile(r"(?P<file>[^\s,:;]+):(?P<first>\d+)(?:-(?P<last>\d+))?")


def parse_sources(value: str) -> SourceMap:
    """`author, year: a.txt:12, b.txt:37; title: a.txt:88-89` → {author: (a:12, b:37), year: …, title: …}."""
    out: SourceMap = {}
    for item in _items(value):
        names, places = _split_item(item)
        found = []
        for text in places.split(","):
            match = _PLACE.fullmatch(text.strip())
            if not match:
                raise ProvenanceError(f"expected `file:line` or `file:first-last`, found {text.strip()!r}")
            first = int(match["first"])
            found.append(Place(match["file"], first, int(match["last"] or first)))
        for name in names:
            out[name] = tuple(sorted(set(out.get(name, ()) + tuple(found))))
    return out


def format_sources(sources: SourceMap, order: list[str]) -> str:
    """The inverse of `parse_sources`: fields sharing the same places are grouped, in `order`."""
    groups: dict[tuple[Place, ...], list[str]] = {}
    for name in sorted(sources, key=lambda n: (order.index(n) if n in order else len(order), n)):
        if sources[name]:
            groups.setdefault(tuple(sorted(sources[name])), []).append(name)
    return "; ".join(
        f"{', '.join(names)}: {', '.join(str(p) for p in places)}" for places, names in groups.items()
    )


def parse_editorial(value: str) -> dict[str, str]:
    """`publisher, address: reason; note: reason` → {publisher: reason, address: reason, note: reason}.

    A field listed without a reason maps to the empty string (an error for `--check`). Items are separated
    by `; `, so a reason cannot hold one."""
    out: dict[str, str] = {}
    for item in _items(value):
        names, reason = _split_item(item if ":" in item else item + ":")
        for name in names:
            out[name] = reason.strip()
    return out


def _items(value: str) -> list[str]:
    return [item.strip() for item in re.split(r";\s", value.strip().rstrip(";")) if item.strip()]


def _split_item(item: str) -> tuple[list[str], str]:
    names, _, rest = item.partition(":")
    fields = [n.strip() for n in names.split(",") if n.strip()]
    if not fields or not all(re.fullmatch(r"[a-z][a-z-]*", n) for n in fields):
        raise ProvenanceError(f"expected `field[, field]: …`, found {item!r}")
    return fields, rest.strip()


def described_fields(entry: Entry) -> list[str]:
    """The fields of an entry that describe the work (persons included), in the entry's order."""
    names = [name for name in entry.persons if name.lower() in PERSON_FIELDS]
    names += [name.lower() for name in entry.fields if name.lower() not in META]
    return list(dict.fromkeys(names))


def origins(entry: Entry) -> dict[str, Origin]:
    """Every described field of the entry with its origin, as the entry's provenance fields record it."""
    sources = parse_sources(str(entry.fields.get(SOURCE, "")))
    editorial = parse_editorial(str(entry.fields.get(EDITORIAL, "")))
    return {
        name: Origin(sources.get(name, ()), editorial.get(name, None)) for name in described_fields(entry)
    }


def report(entries: dict[str, Entry], lines: dict[str, int], reporter: Reporter) -> int:
    """Warn (at the entry's line) of every field without provenance and every editorial field without a
    reason, as the database records them; the number of warnings. `apparat bib --check` makes these errors
    and also compares the records with the sources."""
    count = 0
    for key, entry in entries.items():
        try:
            found = origins(entry)
            editorial = parse_editorial(str(entry.fields.get(EDITORIAL, "")))
        except ProvenanceError as error:
            reporter.warn(
                Code.BIB_REASON, lines.get(key), f"{key}: expected well-formed provenance, found {error}"
            )
            count += 1
            continue
        for name, reason in editorial.items():
            if not reason:
                reporter.warn(
                    Code.BIB_REASON, lines.get(key), f"{key}: expected a reason for {name}, found none"
                )
                count += 1
        for name, origin in found.items():
            if origin.kind is Kind.UNEXPLAINED:
                message = (
                    f"{key}: expected {name} to have a source line or an editorial reason, found neither"
                )
                reporter.warn(Code.BIB_UNSOURCED, lines.get(key), message)
                count += 1
    return count


# -- how well a printed value backs an entry's value ----------------------------------------------------------


class Support(StrEnum):
    EXACT = "exact"
    PARTIAL = "partial"
    """The entry says more than the source (given names for printed initials, a subtitle): a completion."""
    NONE = "none"
    """The source prints something else."""


_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d"})


@cache
def _decoded(value: str) -> str:
    if "\\" not in value:
        return value
    try:
        decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]  # a str-to-str codec
    except ValueError:
        return value
    return decoded


def fold(value: str) -> str:
    """Case, accents, TeX, braces, dashes and punctuation folded away, for comparing what is said."""
    value = (
        re.sub(r"--|[–—-]", " ", _decoded(value)).replace("&", " and ").replace("’", "'").translate(_LETTERS)
    )
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[{}]", "", value).lower()
    return " ".join(re.findall(r"[a-z0-9]+", value))


def _years(value: str) -> list[str]:
    """`1960--70` → ['1960', '1970']: a range's short end expanded."""
    found = re.findall(r"\d{1,4}", value)
    if not found:
        return []
    return [found[0]] + [found[0][: 4 - len(short)] + short for short in found[1:2]]


def _people(value: str) -> list[tuple[str, str, str]]:
    """`Laclau, E. and Mouffe, C.` → [('laclau', 'e', 'e'), ('mouffe', 'c', 'c')]: each person's surname
    (without `van der`), the initials of the given names, and the given names as written."""
    out = []
    for text in re.split(r"\s+and\s+", value.strip()):
        if text.strip() == "others":
            out.append(("others", "", ""))
            continue
        person = Person(text)
        given = fold(" ".join(person.first_names + person.middle_names))
        initials = "".join(word[0] for word in given.split())
        out.append((fold(" ".join(person.last_names)), initials, given))
    return out


def support(name: str, entry_value: str, printed: str) -> Support:
    """How well `printed` (what a source gives for field `name`) backs the entry's value."""
    if fold(entry_value) == fold(printed):
        return Support.EXACT
    if name == "year":
        return Support.EXACT if _years(entry_value) == _years(printed) else Support.NONE
    if name in PERSON_FIELDS:
        have, said = _people(entry_value), _people(printed)
        if len(have) == len(said) == 1 and fold(entry_value).startswith(fold(printed)):
            return Support.PARTIAL  # a body printed by its first words: `Commission of Inquiry 1972`
        etal = bool(said) and said[-1][0] == "others"
        named = said[:-1] if etal else said
        if [p[0] for p in have[: len(named)]] != [p[0] for p in named] or (
            not etal and len(have) != len(said)
        ):
            return Support.NONE
        if not all(h[1].startswith(s[1]) for h, s in zip(have, named, strict=False)):
            return Support.NONE
        same = not etal and all(h[2] == s[2] for h, s in zip(have, said, strict=True))
        return Support.EXACT if same else Support.PARTIAL
    if name in ("title", "booktitle"):
        entry_title, title = fold(entry_value), fold(printed)
        main = fold(entry_value.split(":")[0])
        if title and (entry_title.startswith(title) or main == title):
            return Support.PARTIAL
    return Support.NONE
