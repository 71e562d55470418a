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


@dataclass(frozen=True, slots=True)
class Faction:
    key: str
    name: str
    description: str
    start: int
    end: int
    line: int
    aliases: tuple[str, ...] = ()
    successor_of: tuple[str, ...] = ()
    merged_into: str | None = None
    figures: tuple[str, ...] = ()
    """Keys of persons."""

    @property
    def years(self) -> str:
        """ "1923–1927", or one year when the faction lived within it."""
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
