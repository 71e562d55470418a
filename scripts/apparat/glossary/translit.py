"""Transliteration both ways, in the sources' own ALA-LC spelling.

Forward (Cyrillic → Latin) is iuliia's ALA_LC_ALT schema with the soft sign printed as U+2019, as the sources
print it. Backward (Latin → Cyrillic) is ambiguous (`ts` is ц or тс, `ia` is я or иа, `i` after a vowel may
be й), so `cyrillic_readings` yields every reading; the candidate detector keeps a word when pymorphy3 knows
one of them.
"""

from __future__ import annotations

from functools import cache

import iuliia
import pymorphy3

SOFT = "\u2019"
"""The soft sign as the sources print it (a right single quotation mark)."""
HARD = "\u201d"


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """One analyzer per process: loading the dictionaries takes about half a second."""
    return pymorphy3.MorphAnalyzer()


def latin(cyrillic: str) -> str:
    """ALA-LC without diacritics, soft sign as U+2019, hard sign as U+201D."""
    text: str = iuliia.ALA_LC_ALT.translate(cyrillic)
    return text.replace("'", SOFT).replace('"', HARD)


# Longest first; each Latin chunk with every Cyrillic letter (group) it may stand for.
_BACK: list[tuple[str, tuple[str, ...]]] = [
    ("shch", ("щ",)),
    ("kh", ("х",)),
    ("zh", ("ж",)),
    ("ch", ("ч",)),
    ("sh", ("ш",)),
    ("ts", ("ц", "тс")),
    ("ia", ("я", "иа")),
    ("iu", ("ю", "иу")),
    ("ie", ("ие", "ье")),
    ("a", ("а",)),
    ("b", ("б",)),
    ("v", ("в",)),
    ("g", ("г",)),
    ("d", ("д",)),
    ("e", ("е", "э")),
    ("z", ("з",)),
    ("i", ("и", "й")),
    ("k", ("к",)),
    ("l", ("л",)),
    ("m", ("м",)),
    ("n", ("н",)),
    ("o", ("о",)),
    ("p", ("п",)),
    ("r", ("р",)),
    ("s", ("с",)),
    ("t", ("т",)),
    ("u", ("у",)),
    ("f", ("ф",)),
    ("y", ("ы",)),
    (SOFT, ("ь",)),
    ("'", ("ь",)),
    (HARD, ("ъ",)),
    ('"', ("ъ",)),
]
_MAX_READINGS = 256


@cache
def cyrillic_readings(word: str) -> tuple[str, ...]:
    """Every Cyrillic spelling the Latin word could transliterate (empty if a letter has none: c, h, j, q, w, x)."""
    word = word.lower()
    if not word:
        return ("",)
    readings: list[str] = []
    for chunk, letters in _BACK:
        if word.startswith(chunk):
            rest = cyrillic_readings(word[len(chunk) :])
            readings.extend(letter + tail for letter in letters for tail in rest)
            if len(readings) > _MAX_READINGS:
                break
    return tuple(readings[:_MAX_READINGS])


def known_russian(word: str) -> str | None:
    """The first Cyrillic reading of the Latin word that pymorphy3's dictionary knows, if any."""
    morph = analyzer()
    for reading in cyrillic_readings(word):
        if morph.word_is_known(reading):
            return reading
    return None


def forms(cyrillic: str) -> set[str]:
    """Every form of every lexeme the word may belong to (nouns: cases and numbers; adjectives: genders too)."""
    morph = analyzer()
    found = {cyrillic.lower()}
    for parse in morph.parse(cyrillic.lower()):
        if parse.normal_form == morph.parse(cyrillic.lower())[0].normal_form:
            found.update(form.word for form in parse.lexeme)
    return found


def latin_forms(cyrillic: str) -> set[str]:
    """`forms` transliterated (ё spelled е as the sources do, so both readings are included)."""
    result = set()
    for form in forms(cyrillic):
        result.add(latin(form))
        result.add(latin(form.replace("ё", "е")))
    return result
