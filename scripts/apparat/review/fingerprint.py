"""A short fingerprint of a published passage: enough to find it again, too little to hold its text.

The published list (`content/data/published-anchors.txt`) is committed, and the works' texts may not be:
so it records, for each paragraph anchor, a hash of the whole passage and the hashes of a few of its
three-word shingles, taken at even steps through it (the first one is its opening). A new build finds the
passage again by the whole hash (the same words) or by the share of sampled shingles a block holds (the
passage split, joined with another, or a word mended); see `apparat.review.moves`.

Words are compared, not markup: the text a reader sees, case folded, cut into runs of letters and digits
(so a line-end hyphen mended, a typographic quote or a note number moved do not count as a change of
wording, except in the shingles that hold that word).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

SAMPLES = 16
"""Sampled shingles per passage (all of them when it has fewer)."""
SHINGLE = 3
"""Words per shingle."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    whole: str
    """Hash of the passage's words (12 hex digits)."""
    samples: tuple[str, ...]
    """Hashes of shingles at even steps through the passage, in reading order (6 hex digits each)."""

    def __str__(self) -> str:
        return f"{self.whole}:{','.join(self.samples)}"


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _hash(value: str, size: int) -> str:
    return hashlib.blake2b(value.encode("utf-8"), digest_size=size).hexdigest()


def shingles(text: str) -> list[str]:
    """The hashes of every run of SHINGLE words, in order (one for a shorter text, none for no words)."""
    found = words(text)
    if not found:
        return []
    if len(found) < SHINGLE:
        return [_hash(" ".join(found), 3)]
    return [_hash(" ".join(found[i : i + SHINGLE]), 3) for i in range(len(found) - SHINGLE + 1)]


def words_hash(text: str) -> str:
    """The hash of a passage's words (`Fingerprint.whole`)."""
    return _hash(" ".join(words(text)), 6)


def fingerprint(text: str) -> Fingerprint:
    every = shingles(text)
    count = len(every)
    if count > SAMPLES:
        steps = sorted({round(i * (count - 1) / (SAMPLES - 1)) for i in range(SAMPLES)})
        every = [every[i] for i in steps]
    return Fingerprint(words_hash(text), tuple(every))


_FORM = re.compile(r"^([0-9a-f]{12}):((?:[0-9a-f]{6})(?:,[0-9a-f]{6})*)?$")


def parse(value: str) -> Fingerprint:
    """`whole:sample,sample,…` as written by `str(Fingerprint)`; ValueError on anything else."""
    found = _FORM.match(value)
    if not found:
        raise ValueError(f"expected a fingerprint 'hash:sample,sample,…' (hex digits), found {value!r}")
    samples = found[2]
    return Fingerprint(found[1], tuple(samples.split(",")) if samples else ())
