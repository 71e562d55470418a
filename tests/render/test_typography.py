"""Typographic quotes and apostrophes in text generated from editorial data (render/typography.py)."""

from __future__ import annotations

import pytest

from apparat.render.typography import smarten, smarten_html


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("the party's rule", "the party’s rule"),
        ("the workers' state", "the workers’ state"),
        ("Biulleten' oppozitsii", "Biulleten’ oppozitsii"),  # a soft sign at the end of a word
        ("Fel'shtinskii", "Fel’shtinskii"),
        ('Literally "paper much-writing": ours', "Literally “paper much-writing”: ours"),
        ("a 'relation of forces'", "a ‘relation of forces’"),
        ("(\"a\" and 'b')", "(“a” and ‘b’)"),
    ],
)
def test_smarten(typed: str, printed: str) -> None:
    assert smarten(typed) == printed


def test_tags_and_attributes_are_left_alone() -> None:
    fragment = '<a href="x.html" title="it\'s">it\'s &quot;ours&quot; &#x27;too&#x27;</a>'
    assert smarten_html(fragment) == '<a href="x.html" title="it\'s">it’s “ours” ‘too’</a>'
