"""The editorial entries of the glossary: terms, factions, persons, as loaded from `content/data/*.yml`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


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
    """What a term entry names; the terms page groups its entries by kind."""

    TERM = "term"
    INSTITUTION = "institution"
    PERIODICAL = "periodical"
    WORK = "work"


TERM_KIND_HEADINGS = {
    TermKind.TERM: "Words and concepts",
    TermKind.INSTITUTION: "Institutions",
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
    kind: TermKind = TermKind.TERM


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
