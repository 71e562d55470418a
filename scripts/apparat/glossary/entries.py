"""The editorial entries of the glossary: terms, factions, persons, as loaded from `content/data/*.yml`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""Entry keys become HTML ids, link targets and `data-ap` values: nothing else may get through."""


def _check_key(key: str) -> None:
    if not KEY.match(key):
        raise ValueError(f"an entry key must be lower-case letters, digits and single hyphens, not {key!r}")


class Pos(StrEnum):
    """How a term's inflected forms are derived."""

    NOUN = "noun"
    """A Russian noun: every case and number form comes from pymorphy3."""
    ADJECTIVE = "adjective"
    """A Russian adjective: every gender, case and number form comes from pymorphy3."""
    PHRASE = "phrase"
    """Several words: each Russian word inflects on its own (agreement is not enforced)."""
    FIXED = "fixed"
    """Never inflected: acronyms, indeclinable words, titles; only the lemma and its variants match."""


class TermKind(StrEnum):
    """What a term names. It decides how the edition sets the term (`italic`, read by apparat.emphasis) and
    under which heading the terms page lists it."""

    WORD = "word"
    """A Russian word or phrase: set in italics, like any foreign word."""
    ACRONYM = "acronym"
    """An abbreviation (`VSNKh`, `TsK`): roman."""
    NAME = "name"
    """A proper name of a place or a building (`Smol’nyi`): roman."""
    INSTITUTION = "institution"
    """A body of the party or the state (`Sovnarkom`, `Gosplan`): roman."""
    PERIODICAL = "periodical"
    """A newspaper or journal (`Izvestiia`): italic, as titles are."""
    WORK = "work"
    """The title of a book, pamphlet or article (`Sochineniia`): italic."""

    @property
    def italic(self) -> bool:
        return self in {TermKind.WORD, TermKind.PERIODICAL, TermKind.WORK}

    @property
    def is_title(self) -> bool:
        """A title of a work or periodical (italic whatever its form, even capitalised)."""
        return self in {TermKind.PERIODICAL, TermKind.WORK}


TERM_KIND_HEADINGS = {
    TermKind.WORD: "Words and concepts",
    TermKind.ACRONYM: "Abbreviations",
    TermKind.INSTITUTION: "Institutions",
    TermKind.NAME: "Places and other names",
    TermKind.PERIODICAL: "Periodicals",
    TermKind.WORK: "Works and titles",
}

REASONS: dict[str, str] = {
    "english": "an English word whose spelling reads as a Russian form",
    "english-derived": "an English word made from a Russian name or loan",
    "names": "a person's name or part of one; persons are reviewed on their own",
    "groupings": "names a political grouping; groupings are reviewed on their own",
    "places": "a place name",
    "other-languages": "a word of another language than Russian or English",
    "fragments": "a letter, abbreviation, prefix or a piece of a word the extraction broke",
    "states": "a state, not a political grouping (Soviet Union)",
    "institutions": "a body of the party or the state, a congress or an army, not a grouping (Central Committee)",
    "nationalities": "an adjective of nationality or place (Georgian)",
    "concepts": "a doctrine, a system or an idea rather than an organised grouping (Marxism, Bonapartism)",
    "generic": "names a kind of grouping, not one grouping (the Communist Party of no country in particular)",
    "titles": "a word of the title of a book, article or chapter",
    "calendar": "a month, or a month of the French revolutionary calendar used as a concept (Thermidor)",
    "scholars": "a scholar whose work is cited: the bibliography, not the glossary, lists them",
    "passing": "a person named in passing, whose name the sentence itself explains",
}
"""The fixed list of reasons a word of `not-terms.yml` may be judged by (the file's top-level keys)."""


@dataclass(frozen=True, slots=True)
class Term:
    key: str
    lemma: str
    """ALA-LC transliteration as the sources print it (soft sign as U+2019)."""
    cyrillic: str
    gloss: str
    definition: str
    """Small Markdown subset, our own words."""
    pos: Pos
    line: int
    variants: tuple[str, ...] = ()
    """Further spellings found in the sources (matched as written, and inflected like the lemma)."""
    see_also: tuple[str, ...] = ()
    expansion: str | None = None
    """For acronyms: the full Russian name, transliterated."""
    case_sensitive: bool = False
    """Acronyms like `Cheka` match only as capitalised, so an English word is never taken for them."""
    kind: TermKind = TermKind.WORD
    """Given by the entry's `kind`; without it, a fixed capitalised lemma is a name (an acronym when it has
    two capitals or more), anything else a word."""

    def __post_init__(self) -> None:
        _check_key(self.key)


class FactionKind(StrEnum):
    """What kind of political grouping an entry is; the factions page groups its entries by kind."""

    RUSSIAN = "russian"
    PARTY = "party"
    INTERNATIONAL = "international"
    TENDENCY = "tendency"
    FRONT = "front"


FACTION_KIND_HEADINGS = {
    FactionKind.RUSSIAN: "Russian party factions and oppositions",
    FactionKind.PARTY: "Other parties and movements",
    FactionKind.INTERNATIONAL: "Internationals",
    FactionKind.TENDENCY: "Tendencies and labels",
    FactionKind.FRONT: "Fronts and blocs",
}


WINGS = ("right", "centre")
"""The wings of the party a text names bare (`the right`, `the centre`)."""


@dataclass(frozen=True, slots=True)
class Faction:
    key: str
    name: str
    description: str
    start: int | None
    """First year, or None when the dates are not certain (the entry is then not on the timeline)."""
    end: int | None
    """Last year, or None for a grouping that outlived the period the works discuss."""
    line: int
    aliases: tuple[str, ...] = ()
    successor_of: tuple[str, ...] = ()
    merged_into: str | None = None
    figures: tuple[str, ...] = ()
    """Keys of persons."""
    kind: FactionKind = FactionKind.RUSSIAN
    country: str | None = None
    wing: str | None = None
    """`right` or `centre`: the wing of the party this grouping is, which the text names bare (`the right`,
    `the centre`) where a sentence is about the party struggle (`apparat.glossary.groupings.wings`)."""
    context: tuple[str, ...] = ()
    """Words of which one must stand in the sentence for a lower-case spelling of the entry to link: a
    common phrase used generically names no grouping (Stalin's coalition of all his enemies, a united front)."""

    def __post_init__(self) -> None:
        _check_key(self.key)
        if self.wing not in (None, *WINGS):
            raise ValueError(f"a faction's wing is one of {', '.join(WINGS)}, not {self.wing!r}")

    @property
    def years(self) -> str:
        """ "1923–1927", one year when the faction lived within it, "1920–" when it outlived the period,
        nothing when undated."""
        if self.start is None:
            return ""
        if self.end is None:
            return f"{self.start}–"
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    identification: str
    line: int
    forms: tuple[str, ...] = ()
    """Other spellings and name forms that refer to this person in the sources."""
    born: int | None = None
    died: int | None = None
    full_name: str | None = None

    def __post_init__(self) -> None:
        _check_key(self.key)


@dataclass(slots=True)
class Glossary:
    terms: dict[str, Term] = field(default_factory=dict)
    factions: dict[str, Faction] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    not_terms: dict[str, str] = field(default_factory=dict)
    """Words the candidate detector flags that need no entry (English words, place names), with the reason."""

    @property
    def not_russian(self) -> frozenset[str]:
        """Lower-cased words never annotated as a derived Russian form."""
        return frozenset(word for word, reason in self.not_terms.items() if reason == "english")


def slug(text: str) -> str:
    """An entry key: ASCII letters, digits and hyphens (`kul’turnost’` → `kulturnost`)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
