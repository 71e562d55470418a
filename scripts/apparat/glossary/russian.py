"""A Russian-word detector built on dictionaries, independent of the glossary's matcher.

The matcher starts from the entries and spells their forms forward (Cyrillic → Latin); this detector starts
from the text. Each word is spelled back from ALA-LC into Cyrillic, every way the scheme allows (`ts` is ц
or тс, `ia` я or иа, `shch` щ, `i` after a vowel й, ’ ь), and is a candidate when pymorphy3's dictionary
(not its guesser) knows one of the readings. English made from a Russian stem (`kulaks`, `nepmen`,
`dekulakisation`, `Stalinist`) is tried again without its English ending or prefix.

The detector knows nothing about English: `and` reads as a Russian word too. Every candidate therefore
ends either in a glossary entry or in a judgment in `content/data/not-terms.yml` with a reason from
`entries.REASONS`; `apparat.glossary.review` does the accounting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from apparat.glossary.translit import SOFT, analyzer, cyrillic_readings

_MIN_BASE = 4
"""A base left after taking off an English ending must have this many letters (`kul` from `kuls` is noise)."""

_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isations", ""),
    ("izations", ""),
    ("isation", ""),
    ("ization", ""),
    ("ised", ""),
    ("ized", ""),
    ("ists", ""),
    ("ist", ""),
    ("isms", ""),
    ("ism", ""),
    ("ites", ""),
    ("ite", ""),
    ("men", "man"),
    ("es", ""),
    ("s", ""),
)
"""English endings put on a Russian stem, longest first, with what the stem had instead (`nepmen` → nepman)."""
_PREFIXES = ("de",)
"""English prefixes put on a Russian stem, only together with an ending of `_VERBAL` (`dekulakisation`, but
not `debate`)."""
_VERBAL = ("isation", "ization", "ised", "ized")


@dataclass(frozen=True, slots=True)
class Reading:
    """A word of the text that reads as Russian."""

    base: str
    """The Latin word, lower-cased, without an English ending or prefix (`kulaks` → `kulak`)."""
    cyrillic: str
    """The first reading pymorphy3 knows."""


_ENGLISH_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[bcdfgklmnprstvz])y$"), "ii"),  # Trotsky, Tomsky for Trotskii, Tomskii
    (re.compile(r"(?<=[tsz])ia$"), "iia"),  # intelligentsia, Izvestia for intelligentsiia, Izvestiia
    (re.compile(r"ya"), "ia"),  # Yagoda
    (re.compile(r"yu"), "iu"),
    (re.compile(r"buro"), "biuro"),  # Politburo, Orgburo
)
"""How English usage respells some Russian words; tried after the ALA-LC spelling fails."""


@cache
def _known(latin: str) -> str | None:
    if not latin or not latin[0].isalpha():
        return None
    morph = analyzer()
    spellings = [latin]
    for pattern, instead in _ENGLISH_SPELLINGS:
        respelled = pattern.sub(instead, latin)
        if respelled != latin:
            spellings.append(respelled)
    for spelling in spellings:
        for reading in cyrillic_readings(spelling):
            if morph.word_is_known(reading):
                return reading
    return None


def bases(word: str) -> list[str]:
    """The word lower-cased, then what is left without each English ending or prefix that fits."""
    word = word.lower().replace("'", SOFT)
    if word.endswith(SOFT + "s"):
        word = word[:-2]
    found = [word]
    if word.endswith("s" + SOFT):  # a plural possessive (`kulaks’`)
        word = word[:-1]
        found.append(word)
    for prefix in ("", *_PREFIXES):
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        for ending, instead in _ENDINGS:
            if prefix and not ending.startswith(_VERBAL):
                continue
            if stem.endswith(ending) and len(stem) - len(ending) + len(instead) >= _MIN_BASE:
                found.append(stem[: len(stem) - len(ending)] + instead)
    return list(dict.fromkeys(found))


READINGS: dict[str, Reading | None] = {}
"""Every word looked up so far (the dictionary walk is the detector's whole cost: about a second for the
real works' 12,000 distinct words); `apparat.glossary.review` keeps it between builds."""


def reading(word: str) -> Reading | None:
    """How the word reads as Russian, if it does: the word itself first, then its bases."""
    if word in READINGS:
        return READINGS[word]
    found = None
    for base in bases(word):
        cyrillic = _known(base)
        if cyrillic is not None:
            found = Reading(base, cyrillic)
            break
    READINGS[word] = found
    return found
