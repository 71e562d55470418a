"""Finding transliterated Russian words that no entry covers: the glossary's coverage report.

Italics are lost in the extractions, so a Russian word is recognised by its spelling. A word is a
candidate when either
* it shows ALA-LC letter groups English hardly has (`iia`, `iu`, `kh`, `zh`, `shch`, a soft sign
  between letters, endings `-ii`, `-yi`, `-aia`, `-skii`), or
* it shows a weaker mark (`ts`, `ia`, `y` after a consonant, ...) and one of its Cyrillic readings
  (back-transliterated) is a word pymorphy3 knows, or
* it stands in square brackets, where the authors put the Russian behind a translation, and reads as a
  known Russian word.
A candidate is covered when a term, faction or person matches it in place, or when `not-terms.yml`
lists it (English words that happen to read as Russian, place names, words broken by the extraction).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from apparat.glossary.annotate import matcher_for, texts
from apparat.glossary.entries import Glossary
from apparat.glossary.matcher import WORD
from apparat.glossary.translit import SOFT, known_russian
from apparat.model import Document

_STRONG = re.compile(r"iia|iu|kh|zh|shch|[bcdfgklmnprstvz]’[a-z]|ii$|yi$|aia$|skii|ts[kv]|oi$|ei$")
_WEAK = re.compile(r"ts|ia|[a-z]’|y[bvgdzklmnprstfc]|oe$|ee$|[bvgdzklmnprstfc]y$")
_BRACKETS = re.compile(r"\[(?!\^)([^\]]+)\]")


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str
    count: int
    example: str
    """Target id of the first occurrence (block or note id), to look it up."""


def _bare(word: str) -> str:
    word = word.replace("'", SOFT)
    if word.endswith(SOFT + "s"):
        return word[:-2]
    return word.rstrip(SOFT) if not re.search(r"[bcdfgklmnprstvz]’$", word) else word


def is_candidate(word: str, bracketed: bool = False) -> bool:
    lower = word.lower()
    if _STRONG.search(lower):
        return True
    if (bracketed or _WEAK.search(lower)) and len(lower) > 2:
        return known_russian(lower) is not None
    return False


def uncovered(documents: list[Document], glossary: Glossary) -> list[Candidate]:
    """Candidate words that no entry matches where they stand and `not-terms.yml` does not list."""
    matcher = matcher_for(glossary)
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for document in documents:
        for target, text in texts(document):
            covered = [(hit.start, hit.end) for hit in matcher.find(text)]
            bracketed = [(m.start(1), m.end(1)) for m in _BRACKETS.finditer(text)]
            for match in WORD.finditer(text):
                if any(start <= match.start() < end for start, end in covered):
                    continue
                word = _bare(match.group())
                judged = (word, word.rstrip(SOFT), word.lower(), word.lower().rstrip(SOFT))
                if any(form in glossary.not_terms for form in judged):  # `Soviet` is judged as written
                    continue
                inside = any(start <= match.start() < end for start, end in bracketed)
                if is_candidate(word, inside):
                    counts[word] += 1
                    first.setdefault(word, target)
    return [Candidate(w, n, first[w]) for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
