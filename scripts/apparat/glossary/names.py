"""Finding the persons a text names, by the shape of the words, without the glossary.

A person's name is taken to be a run of capitalised words (initials and particles such as `de` or `von`
allowed inside) whose last word the work never writes in lower case: `Trotsky`, `N.I. Bukharin`, `Léon
Blum`. The name is counted by that last word, the surname as the works cite it. Capitalised words that are
ordinary English (`However`, `Party`) fail the lower-case test, because the work also writes them in lower
case; what is left besides persons (places, months, titles, nationalities) is judged in `not-terms.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from apparat.glossary.matcher import WORD

_INITIAL = r"(?:[A-Z][a-z]?\.\s?(?:-?[A-Z][a-z]?\.\s?)*)"
_PARTICLE = r"(?:de|du|da|di|van|von|der|la|le)"
_NAME_WORD = r"[A-Z][\w’'\-]*[a-z][\w’'\-]*"
_RUN = re.compile(rf"(?:{_INITIAL}\s*)?(?:(?:{_NAME_WORD}|{_PARTICLE})\s+)*{_NAME_WORD}")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    """The surname: the run's last word without a possessive (`Bukharin’s` → `Bukharin`)."""


def lower_words(texts: Iterable[str]) -> set[str]:
    """Every word the texts write in lower case: a capitalised word among them is no name."""
    return {m.group() for text in texts for m in WORD.finditer(text) if m.group()[:1].islower()}


def surname(word: str) -> str:
    word = word.replace("'", "’")
    for ending in ("’s", "’"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def mentions(text: str, lower: set[str]) -> Iterator[Mention]:
    for match in _RUN.finditer(text):
        last = re.search(rf"{_NAME_WORD}$", match.group())
        if last is None:
            continue
        name = surname(last.group())
        if len(name) < 3 or name.lower() in lower or name.isupper():
            continue
        start = match.start() + last.start()
        yield Mention(start, start + len(last.group()), name)
