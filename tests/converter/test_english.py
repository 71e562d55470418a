"""The converter reads wordfreq's English list itself (apparat.stages.english); its answers must be the ones
wordfreq's own API gives for the plain lower-case words it asks about."""

from __future__ import annotations

import wordfreq

from apparat.stages.english import English

WORDS = ["bureaucracy", "middleman", "possibility", "antifascist", "collectivefarm", "dleman", "mea", "sures"]


def test_zipf_as_wordfreq_gives_it() -> None:
    english = English()
    english.prefetch(WORDS[:4])  # some in one batch, the others one by one
    for word in WORDS:
        assert abs(english.zipf(word) - wordfreq.zipf_frequency(word, "en")) <= 0.01, word
