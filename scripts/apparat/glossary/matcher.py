"""Finding glossary spellings in running text: token n-grams against a table of every form.

The table holds, for each term, every form of its lexeme (pymorphy3) transliterated as the sources spell
them, plus the lemma and variants as written; for factions and persons, their names and aliases. Matching
walks the words of a text once and tries the longest phrase first, so it costs one dictionary look-up per
word and n-gram rather than one regular expression per form. Words, not substrings, are compared, so a
term never matches inside an English word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from apparat.glossary.entries import Glossary, Pos, Term
from apparat.glossary.translit import SOFT, latin_forms
from apparat.model import AnnotationKind

WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*[’']?")
"""A word: letters, with apostrophes inside (soft signs, elisions) and one at the end (a final soft sign
or a plural possessive)."""
_GAP = re.compile(r"\s+|-|\s*-\s*|\.\s*")
_MIN_DERIVED = 4
"""Derived forms shorter than this are dropped: they are too likely to be an English word (`nize` stays)."""
_MAX_PHRASE_FORMS = 5000


@dataclass(frozen=True, slots=True)
class Hit:
    kind: AnnotationKind
    key: str
    start: int
    end: int


@dataclass(slots=True)
class Matcher:
    exact: dict[tuple[str, ...], tuple[AnnotationKind, str]] = field(default_factory=dict)
    folded: dict[tuple[str, ...], tuple[AnnotationKind, str]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)
    """Every entry's first word as its table holds it (folded entries lower-cased): most words of a text
    fail this one test."""
    longest: int = 1
    spellings: dict[tuple[AnnotationKind, str], list[tuple[tuple[str, ...], bool]]] = field(
        default_factory=dict
    )
    """Each entry's spellings as words (with their case sensitivity): what the entry can match."""
    by_first: dict[str, set[tuple[AnnotationKind, str]]] = field(default_factory=dict)
    """Lower-cased first word → the entries that have a spelling starting with it."""

    def add(self, spelling: str, kind: AnnotationKind, key: str, *, case_sensitive: bool) -> None:
        words = tuple(_normal(w.group()) for w in WORD.finditer(spelling))
        if not words:
            return
        self.spellings.setdefault((kind, key), []).append((words, case_sensitive))
        self.by_first.setdefault(words[0].lower(), set()).add((kind, key))
        table = self.exact if case_sensitive else self.folded
        if not case_sensitive:
            words = tuple(w.lower() for w in words)
        table.setdefault(words, (kind, key))
        self.longest = max(self.longest, len(words))
        self.firsts.add(words[0])  # as written for exact entries, lower-cased for folded ones
        for n in range(1, len(words)):
            self.prefixes.add(words[:n])
            self.prefixes.add(tuple(w.lower() for w in words[:n]))

    def find(self, text: str) -> Iterator[Hit]:
        """Every match, left to right, longest first, never overlapping."""
        words = list(WORD.finditer(text))
        firsts = self.firsts
        i = 0
        while i < len(words):
            if not _may_start(words[i].group(), firsts):
                i += 1
                continue
            hit = self._longest_at(text, words, i)
            if hit is None:
                i += 1
                continue
            found, n = hit
            yield found
            i += n

    def _longest_at(self, text: str, words: Sequence[re.Match[str]], i: int) -> tuple[Hit, int] | None:
        best: tuple[Hit, int] | None = None
        chosen: list[tuple[str, int]] = []
        for n in range(1, min(self.longest, len(words) - i) + 1):
            word = words[i + n - 1]
            if n > 1 and not _GAP.fullmatch(text[words[i + n - 2].end() : word.start()]):
                break
            readings = _readings(word)
            prefix_alive = False
            for reading, end in readings:
                key = (*[c[0] for c in chosen], reading)
                for table, probe in ((self.exact, key), (self.folded, tuple(k.lower() for k in key))):
                    entry = table.get(probe)
                    if entry is not None:
                        best = (Hit(entry[0], entry[1], words[i].start(), end), n)
                        break
                if key in self.prefixes or tuple(k.lower() for k in key) in self.prefixes:
                    prefix_alive = True
            if not prefix_alive:
                break
            chosen.append(readings[0])
        return best


def _may_start(word: str, firsts: set[str]) -> bool:
    """A cheap test that rules out most words before any n-gram is built."""
    if "'" in word:
        word = _normal(word)
    if word in firsts or word.lower() in firsts:
        return True
    base = word[:-2] if word.endswith("’s") else word.rstrip("’")
    return base != word and (base in firsts or base.lower() in firsts)


def _normal(word: str) -> str:
    return word.replace("'", SOFT)


def _readings(word: re.Match[str]) -> list[tuple[str, int]]:
    """The word as written, then without a trailing apostrophe or possessive 's (with their end offsets)."""
    text = _normal(word.group())
    found = [(text, word.end())]
    if text.endswith(SOFT):
        found.append((text[:-1], word.end() - 1))
    if text.endswith(SOFT + "s"):
        found.append((text[:-2], word.end() - 2))
    return found


def term_spellings(term: Term, not_russian: frozenset[str] = frozenset()) -> set[str]:
    """The lemma and variants as written, plus every derived inflected form (unless it is an English word)."""
    written = {term.lemma, *term.variants}
    if term.pos is Pos.FIXED:
        return written
    derived: set[str] = set()
    if term.pos in (Pos.NOUN, Pos.ADJECTIVE):
        derived = latin_forms(term.cyrillic)
    else:
        per_word = [sorted(latin_forms(word)) for word in term.cyrillic.split()]
        for combination in itertools.islice(itertools.product(*per_word), _MAX_PHRASE_FORMS):
            derived.add(" ".join(combination))
    # The sources spell the lemma their own way sometimes (`biurokratizm`, `glavkokratiia`); forms derived
    # from the Cyrillic still cover the regular inflections.
    kept = {form for form in derived if len(form) >= _MIN_DERIVED and form.lower() not in not_russian}
    return written | kept


def build(glossary: Glossary, not_russian: frozenset[str] = frozenset()) -> Matcher:
    matcher = Matcher()
    for term in glossary.terms.values():
        for spelling in sorted(term_spellings(term, not_russian)):
            matcher.add(spelling, AnnotationKind.TERM, term.key, case_sensitive=term.case_sensitive)
    for faction in glossary.factions.values():
        for spelling in (faction.name, *faction.aliases):
            matcher.add(spelling, AnnotationKind.FACTION, faction.key, case_sensitive=True)
    for person in glossary.persons.values():
        for spelling in person.forms:
            matcher.add(spelling, AnnotationKind.PERSON, person.key, case_sensitive=True)
    return matcher
