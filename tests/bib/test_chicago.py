"""The article's Chicago note parser on small cases of our own (fixtures/chicago.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_format import read_fixture_file

from apparat.bib import chicago

CASES = read_fixture_file(Path(__file__).parent / "fixtures" / "chicago.txt")
ORDER = [
    "author",
    "title",
    "booktitle",
    "journal",
    "volume",
    "number",
    "pages",
    "edition",
    "editor",
    "translator",
    "address",
    "publisher",
    "year",
]


def describe(ref: chicago.Ref) -> str:
    head = f"{ref.key} {ref.kind if ref.full else 'short'} {ref.locator or '-'}"
    if not ref.full:
        return f"{ref.key} short {ref.locator or '-'}"
    return " | ".join([head, *(f"{k}={ref.fields[k]}" for k in ORDER if k in ref.fields)])


@pytest.mark.parametrize(("line", "title", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_parser(line: int, title: str, text: str, expected: str) -> None:
    got = "\n".join(describe(r) for r in chicago.find(text, chicago.Memory()))
    assert sorted(got.split("\n")) == sorted(expected.split("\n")), f"fixtures/chicago.txt:{line}: {title}"


def test_short_form_takes_the_latest_matching_entry() -> None:
    memory = chicago.Memory()
    chicago.find(
        "Antonio Gramsci, Selections from the Prison Notebooks (London: Lawrence and Wishart, 1971).", memory
    )
    chicago.find(
        "Antonio Gramsci, Selections from Political Writings (London: Lawrence and Wishart, 1978).", memory
    )
    (ref,) = chicago.find("Gramsci, Selections, 161.", memory)
    assert (ref.key, ref.locator) == ("Gramsci1978Selections", "161")
    (ref,) = chicago.find("Gramsci, Prison Notebooks, 5.", memory)
    assert ref.key == "Gramsci1971Selections"


def test_unknown_short_form_is_not_a_citation() -> None:
    assert chicago.find("Gramsci, Selections, 161.", chicago.Memory()) == []
