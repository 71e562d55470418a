"""The spelling detector of transliterated Russian words, which `review` runs beside the dictionary detector
of `russian.py`.

Italics are lost in the extractions, so a Russian word is recognised by its spelling. A word is a
candidate when either
* it shows ALA-LC letter groups English hardly has (`iia`, `iu`, `kh`, `zh`, `shch`, a soft sign
  between letters, endings `-ii`, `-yi`, `-aia`, `-skii`), or
* it shows a weaker mark (`ts`, `ia`, `y` after a consonant, ...) and one of its Cyrillic readings
  (back-transliterated) is a word pymorphy3 knows, or
* it stands in square brackets, where the authors put the Russian behind a translation, and reads as a
  known Russian word.
A candidate still has to be covered: by an entry, or by a judgment in `not-terms.yml` (English words that
happen to read as Russian, place names, words broken by the extraction).
"""

from __future__ import annotations

import re

from apparat.glossary.translit import known_russian

_STRONG = re.compile(r"iia|iu|kh|zh|shch|[bcdfgklmnprstvz]’[a-z]|ii$|yi$|aia$|skii|ts[kv]|oi$|ei$")
_WEAK = re.compile(r"ts|ia|[a-z]’|y[bvgdzklmnprstfc]|oe$|ee$|[bvgdzklmnprstfc]y$")


def is_candidate(word: str, bracketed: bool = False) -> bool:
    """Whether the word reads as transliterated Russian by its spelling (`bracketed`: it stands in square
    brackets, where a known Cyrillic reading is enough)."""
    lower = word.lower()
    if _STRONG.search(lower):
        return True
    if (bracketed or _WEAK.search(lower)) and len(lower) > 2:
        return known_russian(lower) is not None
    return False
