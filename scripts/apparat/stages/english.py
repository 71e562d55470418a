"""How common an English word is: wordfreq's bundled English list, read only when a decision needs it.

wordfreq (pinned in pyproject.toml) ships its frequency lists as data files: a gzipped msgpack list of
buckets, bucket `i` holding the words whose frequency is 10^(-i/100), that is Zipf 9 - i/100. Its own
`zipf_frequency` first imports its tokenizers (ftfy, langcodes, regex: ~0.2 s) and builds a dict of all
321,000 words (another ~0.2 s). The converter asks about a few hundred plain lower-case words per work, so
it reads the same file itself and answers a batch of words in one pass over the buckets; for such words the
answer is the one `wordfreq.zipf_frequency(word, "en")` gives (tests/converter/test_english.py checks it).
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import msgpack

WORDLIST = "large_en.msgpack.gz"
"""wordfreq's 'large' English list: every word down to Zipf 1 (about 321,000)."""


@cache
def _buckets() -> tuple[tuple[str, ...], ...]:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed (see requirements.lock)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / WORDLIST
    with gzip.open(path, "rb") as handle:
        data: list[Any] = msgpack.load(handle, raw=False, use_list=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"{path}: expected a wordfreq cBpack file, found {header!r}")
    return tuple(data[1:])


@cache
def _table() -> dict[str, float]:
    return {word: round(9 - index / 100, 2) for index, bucket in enumerate(_buckets()) for word in bucket}


class English:
    """Zipf frequencies of English words (0.0 for a word wordfreq does not list), looked up in batches.

    `prefetch` answers the words a caller expects to ask about in one pass over the list; a word asked
    later than that makes the whole table (one dict of every word, built once per process).
    """

    def __init__(self) -> None:
        self._known: dict[str, float] = {}

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up every word not asked before, in one pass over the list (the first call loads it)."""
        wanted = {word.lower() for word in words} - self._known.keys()
        if not wanted:
            return
        for index, bucket in enumerate(_buckets()):
            for word in wanted.intersection(bucket):
                self._known[word] = round(9 - index / 100, 2)
        for word in wanted:
            self._known.setdefault(word, 0.0)

    def zipf(self, word: str) -> float:
        word = word.lower()
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = _table().get(word, 0.0)
        return known
