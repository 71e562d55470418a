"""The schema check of the data files: errors name the file and the line of the entry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from apparat.diagnostics import Reporter
from apparat.glossary.publish import load
from apparat.works import PROJECT

FIXTURES = Path(__file__).parent / "fixtures"


def load_terms(tmp_path: Path, fixture: str) -> list[str]:
    shutil.copy(FIXTURES / fixture, tmp_path / "terms.yml")
    (tmp_path / "factions.yml").write_text("factions: []\n", encoding="utf-8")
    (tmp_path / "persons.yml").write_text("persons: []\n", encoding="utf-8")
    reporter = Reporter("glossary")
    load(tmp_path, reporter)
    return [str(d) for d in reporter.items]


@pytest.mark.parametrize(
    ("fixture", "line", "words", "code"),
    [
        ("duplicate-lemma.yml", 8, "each term once", "duplicate"),
        ("missing-field.yml", 2, "the key 'gloss'", "schema"),
        ("raw-html.yml", 8, "a <script> element", "unsafe-markup"),
        ("shared-variant.yml", 9, "claimed by term biurokratizm", "duplicate"),
    ],
)
def test_schema_errors_carry_path_and_line(
    tmp_path: Path, fixture: str, line: int, words: str, code: str
) -> None:
    errors = load_terms(tmp_path, fixture)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{tmp_path / 'terms.yml'}:{line}: error: expected ")
    assert words in errors[0]
    assert errors[0].endswith(f"[apparat.data.{code}]")


def test_the_project_data_is_clean() -> None:
    reporter = Reporter("glossary")
    glossary = load(PROJECT / "content" / "data", reporter)
    assert reporter.items == []
    assert len(glossary.terms) >= 70 and len(glossary.factions) >= 15 and len(glossary.persons) >= 30


def _sentences(text: str) -> int:
    """Sentence ends: a full stop, question or exclamation mark before a space or the end."""
    return len(re.findall(r"[.!?](?=\s|$)", text.strip()))


def test_every_entry_explains_itself_in_two_to_four_sentences() -> None:
    glossary = load(PROJECT / "content" / "data", Reporter("glossary"))
    texts = {f"term {t.key}": t.definition for t in glossary.terms.values()}
    texts.update({f"faction {f.key}": f.description for f in glossary.factions.values()})
    texts.update({f"person {p.key}": p.identification for p in glossary.persons.values()})
    wrong = {name: _sentences(text) for name, text in texts.items() if not 2 <= _sentences(text) <= 4}
    assert wrong == {}
