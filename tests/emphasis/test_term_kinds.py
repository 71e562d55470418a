"""A term's `kind` in terms.yml: given, checked, and inferred when absent."""

from __future__ import annotations

from pathlib import Path

from apparat.diagnostics import Reporter
from apparat.glossary.data import load_glossary
from apparat.glossary.entries import TermKind

ENTRY = """  - lemma: {lemma}
    cyrillic: {cyrillic}
    gloss: g
    pos: {pos}
    definition: A test entry.
{extra}
"""


def load(tmp_path: Path, *entries: tuple[str, str, str]) -> tuple[dict[str, TermKind], list[str]]:
    text = "terms:\n" + "\n".join(
        ENTRY.format(lemma=l, pos=p, extra=e, cyrillic="абвгдежзик"[i]) for i, (l, p, e) in enumerate(entries)
    )  # each entry its own Cyrillic: a lemma given twice is an error
    (tmp_path / "terms.yml").write_text(text, encoding="utf-8")
    for name in ("factions", "persons"):
        (tmp_path / f"{name}.yml").write_text(f"{name}: []\n", encoding="utf-8")
    reporter = Reporter("test")
    glossary = load_glossary(tmp_path, reporter)
    return {t.lemma: t.kind for t in glossary.terms.values()}, [d.message for d in reporter.items]


def test_kinds_inferred_without_the_field(tmp_path: Path) -> None:
    kinds, problems = load(
        tmp_path,
        ("smychka", "noun", ""),
        ("ves’", "fixed", ""),
        ("TsK", "fixed", ""),
        ("Smol’nyi", "fixed", ""),
    )
    assert problems == []
    assert kinds == {
        "smychka": TermKind.WORD,
        "ves’": TermKind.WORD,
        "TsK": TermKind.ACRONYM,
        "Smol’nyi": TermKind.NAME,
    }


def test_a_given_kind_wins_and_a_wrong_one_is_reported(tmp_path: Path) -> None:
    kinds, problems = load(
        tmp_path, ("Izvestiia", "fixed", "    kind: periodical"), ("glavk", "noun", "    kind: book")
    )
    assert kinds == {"Izvestiia": TermKind.PERIODICAL}
    assert problems == ["expected one of word, acronym, name, institution, periodical, work, found 'book'"]
