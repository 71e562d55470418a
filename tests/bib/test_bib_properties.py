"""Properties of both finders on arbitrary text: spans in range, in order, never overlapping; no crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from apparat.bib import authordate, chicago

PIECES = st.sampled_from(
    ["Trotsky 1923a", ", p. 12", "; ", "P. Anderson 1984", " and ", "Carr", " 1969", "(London, 1974)", ", ",
     "‘Title,’", " in: ", "Collected Works", ", ed. E. Name", "Vol. 3", ". ", "See ", "December 1934", "’s"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=14).map("".join)


def _well_formed(spans: list[tuple[int, int]], text: str) -> None:
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        previous = end


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_author_date_spans(text: str) -> None:
    _well_formed([(c.start, c.end) for c in authordate.find(text)], text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_chicago_spans(text: str) -> None:
    _well_formed([(r.start, r.end) for r in chicago.find(text, chicago.Memory())], text)
