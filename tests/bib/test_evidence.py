"""Titles the book's text gives right before a citation (fixtures/evidence.txt: cases of our own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_format import read_fixture_file

from apparat.bib import evidence

CASES = read_fixture_file(Path(__file__).parent / "fixtures" / "evidence.txt")


def describe(item: evidence.Evidence) -> str:
    how = "list" if item.listed else "quoted" if item.quoted else "inline"
    return f"{item.key} {how} {item.title}"


@pytest.mark.parametrize(("line", "title", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_titles(line: int, title: str, text: str, expected: str) -> None:
    got = "\n".join(describe(e) for e in evidence.in_text(text, "ch01-n1")) or "-"
    assert got == expected, f"fixtures/evidence.txt:{line}: {title}"


def test_a_work_named_by_two_titles_gets_neither() -> None:
    found = evidence.in_text("Read: Our Tasks (Name 1904); Their Tasks (Name 1905).", "n1")
    found += evidence.in_text("Read: Other Tasks (Name 1904); Their Tasks (Name 1905).", "n2")
    chosen, conflicts = evidence.titles(found)
    assert set(chosen) == {"Name1905"} and set(conflicts) == {"Name1904"}
