"""`apparat check --glossary`: the independent detectors, the judgments, and uncovered words, groupings and
persons as errors at the source line where they stand (our own sample sentences)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_glossary_matcher import document, glossary

from apparat.cache import ConversionCache
from apparat.cli import main
from apparat.diagnostics import Code, Diagnostic, Reporter, Severity
from apparat.glossary import coverage, review
from apparat.glossary.annotate import _MATCHERS, annotate
from apparat.glossary.coverage import WorkCoverage, check, review_document
from apparat.glossary.entries import Faction, FactionKind, Glossary
from apparat.glossary.groupings import mentions
from apparat.glossary.publish import load
from apparat.glossary.russian import bases, reading
from apparat.model import Document
from apparat.site.layers import load_layers
from apparat.site.layout import Layout
from apparat.works import PROJECT, display_path


def _judged(entries: Glossary, **judgments: str) -> Glossary:
    """The test glossary with the project's judgments (English words that read as Russian: `and`, `in`)."""
    real = load(PROJECT / "content" / "data", Reporter("glossary")).not_terms
    return replace(entries, not_terms={**real, **entries.not_terms, **judgments})


def _reviewed(tmp_path: Path, entries: Glossary, *texts: str, merge: bool = True) -> WorkCoverage:
    _MATCHERS.clear()
    entries = _judged(entries) if merge else entries
    source = tmp_path / "work.txt"
    source.write_text("\n".join(texts) + "\n", encoding="utf-8")
    doc = document(*texts)
    doc.annotations = annotate(doc, entries)
    return review_document(doc, source, entries)


def test_the_dictionary_reads_ala_lc_back_into_cyrillic() -> None:
    assert reading("khoziaistvo") is not None and reading("khoziaistvo").cyrillic == "хозяйство"  # type: ignore[union-attr]
    assert reading("Biulleten’") is not None  # the soft sign
    assert reading("tsentr") is not None  # ts as ц
    assert reading("bureaucracy") is None  # c has no Cyrillic reading


def test_english_endings_and_prefixes_come_off_a_russian_stem() -> None:
    assert "kulak" in bases("kulaks")
    assert "nepman" in bases("nepmen")
    assert "kulak" in bases("dekulakisation")
    assert "bate" not in bases("debate")  # the prefix only with a verbal ending
    found = reading("kulaks")
    assert found is not None and found.base == "kulak"


def test_an_uncovered_word_is_an_error_at_its_line(tmp_path: Path) -> None:
    found = _reviewed(tmp_path, glossary(), "The smychka held.", "They spoke of khoziaistvo and of smychka.")
    errors = [str(d) for d in found.diagnostics if d.code is Code.GLOSSARY_UNCOVERED]
    expected = (
        f"{tmp_path / 'work.txt'}:2: error: expected an entry in content/data/terms.yml (or a line in "
        "not-terms.yml) for the Russian word 'khoziaistvo', found none (1 occurrence, first in ch01-b002) "
        "[apparat.glossary.uncovered]"
    )
    assert errors == [expected]
    assert found.terms.counted == 3 and found.terms.covered == 2


def test_a_loan_that_looks_english_is_still_a_candidate_and_a_judgment_ends_it(tmp_path: Path) -> None:
    text = "The kulaks and the party met in the Soviet town; the local soviets kept out of it."
    entries = _judged(glossary())
    unjudged = {k: v for k, v in entries.not_terms.items() if k not in ("Soviet", "kulak")}
    found = _reviewed(tmp_path, replace(entries, not_terms=unjudged), text, merge=False)
    assert set(found.terms.missing) == {"kulaks", "soviets", "Soviet"}  # 'party', 'and' are judged English
    judged = replace(entries, not_terms={**unjudged, "Soviet": "english", "kulak": "english"})
    found = _reviewed(tmp_path, judged, text, merge=False)
    # a judgment of the stem covers the English plural; a capitalised one only capitalised occurrences
    assert "kulaks" not in found.terms.missing and "Soviet" not in found.terms.missing
    assert "soviets" in found.terms.missing


def test_the_groupings_detector_reads_shapes_not_the_glossary() -> None:
    text = "The German Communist Party and the SFIO met Stalinists, centrists and the Fourth International."
    names = [m.name for m in mentions(text)]
    assert names == ["German Communist Party", "SFIO", "Stalinist", "centrist", "Fourth International"]


def _with_factions() -> Glossary:
    entries = glossary()
    entries.factions["stalinists"] = Faction(
        "stalinists", "Stalinists", "Test.", 1923, 1953, 3, aliases=("Stalinist",), kind=FactionKind.TENDENCY
    )
    return entries


def test_a_grouping_without_entry_and_adjectival_links(tmp_path: Path) -> None:
    found = _reviewed(
        tmp_path,
        _with_factions(),
        "The Stalinist apparatus faced the Left Opposition and the Left Opposition again.",
        "The Fourth International was small.",
    )
    assert found.groupings.keys["Stalinist"] == {"stalinists"}
    assert found.groupings.linked() == 2  # paragraph 1 links both; paragraph 2 has no entry to link
    (error,) = [d for d in found.diagnostics if d.code is Code.GLOSSARY_GROUPING]
    assert error.line == 2 and "'Fourth International', found none" in error.message


def test_a_person_in_two_paragraphs_needs_an_entry_or_a_judgment(tmp_path: Path) -> None:
    texts = (
        "Bukharin wrote to Ustrialov.",
        "Ustrialov answered, and Bukharin waited.",
        "Then Rudzutak spoke.",
    )
    found = _reviewed(tmp_path, glossary(), *texts)
    errors = [d for d in found.diagnostics if d.code is Code.GLOSSARY_PERSON]
    assert [e.line for e in errors] == [1] and "'Ustrialov', named in 2 paragraphs" in errors[0].message
    judged = replace(glossary(), not_terms={"Ustrialov": "passing"})
    assert not [d for d in _reviewed(tmp_path, judged, *texts).diagnostics if d.code is Code.GLOSSARY_PERSON]


def test_the_samples_are_covered_and_a_missing_judgment_is_caught(tmp_path: Path) -> None:
    entries = load(PROJECT / "content" / "data", Reporter("glossary"))
    cache = ConversionCache(tmp_path / "cache")
    layers, _ = load_layers(Layout.default(), lambda _message: None, names=["bibliography"])
    citations = layers[0].annotate  # words inside a citation belong to the bibliography
    problems, checked = check(None, entries, cache, citations)
    assert problems == [] and {"sample-book", "sample-article"} <= {c.work for c in checked}
    assert all(c.terms.share == 1.0 for c in checked)
    lacking = replace(entries, not_terms={k: v for k, v in entries.not_terms.items() if k != "ministry"})
    problems, _ = check(None, lacking, cache, citations)
    _MATCHERS.clear()
    assert [p.code for p in problems] == [Code.GLOSSARY_UNCOVERED]
    path, line = PROJECT / problems[0].path, problems[0].line
    assert line is not None and "ministry" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_check_command_prints_coverage_and_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("APPARAT_SOURCES", str(tmp_path))  # no real sources: the samples only
    assert main(["check", "--glossary"]) == 0
    err = capsys.readouterr().err
    assert "sample-book: Russian terms: 29 of 29 annotated (100.0%)" in err  # kulaks, Pravda, tsarist...
    assert "sample-book: Political groupings named:" in err and "Persons named in 2 or more paragraphs" in err

    original = coverage.review_document

    def one_uncovered(document: Document, source: Path, entries: Glossary) -> WorkCoverage:
        found = original(document, source, entries)
        message = "expected an entry for the Russian word 'khoziaistvo', found none (2 occurrences)"
        found.diagnostics.append(
            Diagnostic(Code.GLOSSARY_UNCOVERED, Severity.ERROR, display_path(source), 1, message)
        )
        return found

    monkeypatch.setattr(coverage, "review_document", one_uncovered)
    assert main(["check", "--glossary"]) == 1
    out = capsys.readouterr()
    assert "samples/sample-book.txt:1: error:" in out.out + out.err
    assert "'khoziaistvo', found none (2 occurrences" in out.out + out.err


def test_passages_carry_the_model_annotations() -> None:
    doc = document("The smychka held.")
    doc.annotations = annotate(doc, glossary())
    (passage,) = review.passages(doc)
    assert passage.inside(passage.text.index("smychka"), frozenset({"term"})) is not None
