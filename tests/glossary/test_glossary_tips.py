"""Tooltip text as a reader meets it: no empty brackets for an undated grouping, and a long definition cut
where a sentence ends rather than after an article. Our own sample wording."""

from __future__ import annotations

from apparat.glossary.entries import Faction
from apparat.glossary.tips import _short, faction_tip


def _faction(start: int | None, end: int | None) -> Faction:
    return Faction("sample-circle", "Sample Circle", "A reading circle of our own invention.", start, end, 1)


def test_an_undated_grouping_shows_no_empty_brackets() -> None:
    assert "()" not in faction_tip(_faction(None, None))
    assert "<b>Sample Circle</b> (1921–1923)" in faction_tip(_faction(1921, 1923))
    assert "<b>Sample Circle</b> (1921–)" in faction_tip(_faction(1921, None))


def test_a_long_definition_is_cut_at_the_end_of_a_sentence() -> None:
    first = "The circle met on Tuesdays in a borrowed room above a print shop near the river for years."
    second = " ".join(["It read every pamphlet it could find and argued about each one"] * 4) + "."
    cut = _short(f"{first} {second}")
    assert cut == first + " …"
    # initials are no sentence end; with no sentence end late enough, the cut falls between words
    assert _short("Led by V.I. " + " ".join(["word"] * 50)).endswith("word …")
    assert _short("Short. " + " ".join(["word"] * 50)).endswith("word …")
    assert _short("A short definition.") == "A short definition."
