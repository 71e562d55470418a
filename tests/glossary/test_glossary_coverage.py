"""`apparat check --glossary`: uncovered Russian words as errors at the source line where they stand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_glossary_matcher import document, glossary

from apparat.cache import ConversionCache
from apparat.cli import main
from apparat.diagnostics import Code, Reporter
from apparat.glossary import coverage
from apparat.glossary.annotate import _MATCHERS
from apparat.glossary.candidates import Candidate
from apparat.glossary.coverage import check, diagnostics
from apparat.glossary.entries import Glossary
from apparat.glossary.publish import load
from apparat.model import Document
from apparat.works import PROJECT


def test_an_uncovered_word_is_an_error_at_its_line(tmp_path: Path) -> None:
    _MATCHERS.clear()
    source = tmp_path / "work.txt"
    source.write_text("The smychka held.\nThey spoke of khoziaistvo and of smychka.\n", encoding="utf-8")
    doc = document("The smychka held.", "They spoke of khoziaistvo and of smychka.")
    found = [str(d) for d in diagnostics(doc, source, glossary())]
    expected = (
        f"{source}:2: error: expected an entry in content/data/terms.yml (or a line in not-terms.yml) for the "
        "Russian word 'khoziaistvo', found none (1 occurrence, first in ch01-b002) [apparat.glossary.uncovered]"
    )
    assert found == [expected]


def test_the_samples_are_covered_and_a_missing_not_term_is_caught(tmp_path: Path) -> None:
    entries = load(PROJECT / "content" / "data", Reporter("glossary"))
    cache = ConversionCache(tmp_path / "cache")
    problems, checked = check(None, entries, cache)
    assert problems == [] and {"sample-book", "sample-article"} <= set(checked)
    _MATCHERS.clear()
    lacking = replace(entries, not_terms={k: v for k, v in entries.not_terms.items() if k != "ministry"})
    problems, _ = check(None, lacking, cache)
    _MATCHERS.clear()
    assert [p.code for p in problems] == [Code.GLOSSARY_UNCOVERED]
    path, line = PROJECT / problems[0].path, problems[0].line
    assert line is not None and "ministry" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_check_command_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("APPARAT_SOURCES", str(tmp_path))  # no real sources: the samples only
    assert main(["check", "--glossary"]) == 0
    assert "glossary coverage of sample-book, sample-article: 0 uncovered words" in capsys.readouterr().err

    def one_uncovered(documents: list[Document], entries: Glossary) -> list[Candidate]:
        return [Candidate("khoziaistvo", 2, documents[0].sections[0].blocks[0].id)]

    monkeypatch.setattr(coverage, "uncovered", one_uncovered)
    assert main(["check", "--glossary"]) == 1
    out = capsys.readouterr()
    assert "samples/sample-book.txt:" in out.out + out.err
    assert "'khoziaistvo', found none (2 occurrences" in out.out + out.err
