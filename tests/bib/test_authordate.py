"""The book's author–date finder on small cases of our own (fixtures/authordate.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_format import read_fixture_file

from apparat.bib.authordate import find

CASES = read_fixture_file(Path(__file__).parent / "fixtures" / "authordate.txt")


@pytest.mark.parametrize(("line", "title", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_finder(line: int, title: str, text: str, expected: str) -> None:
    got = "\n".join(f"{c.key} | {c.locator or '-'} | {text[c.start : c.end]}" for c in find(text))
    assert got == expected, f"fixtures/authordate.txt:{line}: {title}"
