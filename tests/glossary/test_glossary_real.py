"""Coverage, annotation rate and speed on the real sources (read at run time; skipped without them)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from apparat.diagnostics import Reporter
from apparat.glossary.annotate import matcher_for, texts
from apparat.glossary.candidates import is_candidate
from apparat.glossary.entries import Glossary
from apparat.glossary.matcher import WORD, term_spellings
from apparat.glossary.publish import annotate, load
from apparat.glossary.translit import SOFT
from apparat.model import AnnotationKind, Document
from apparat.works import PROJECT, load_works

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    reporter = Reporter("glossary")
    found = load(PROJECT / "content" / "data", reporter)
    assert reporter.items == []
    return found


def works() -> dict[str, object]:
    return {w.id: w for w in load_works()}


_BRACKETS = re.compile(r"\[(?!\^)([^\]]+)\]")


def _bare(word: str) -> str:
    word = word.replace("'", SOFT)
    if word.endswith(SOFT + "s"):
        return word[:-2]
    return word.rstrip(SOFT) if not re.search(r"[bcdfgklmnprstvz]’$", word) else word


def uncovered(documents: list[Document], glossary: Glossary) -> list[tuple[str, str]]:
    """(word, target id of its first occurrence) for each word the spelling detector takes for Russian
    (`candidates.is_candidate`) that the matcher does not match where it stands and `not-terms.yml` does
    not list."""
    matcher = matcher_for(glossary)
    found: dict[str, str] = {}
    for document in documents:
        for target, text in texts(document):
            covered = [(hit.start, hit.end) for hit in matcher.find(text)]
            bracketed = [(m.start(1), m.end(1)) for m in _BRACKETS.finditer(text)]
            for match in WORD.finditer(text):
                if any(start <= match.start() < end for start, end in covered):
                    continue
                word = _bare(match.group())
                judged = (word, word.rstrip(SOFT), word.lower(), word.lower().rstrip(SOFT))
                if any(form in glossary.not_terms for form in judged):  # `Soviet` is judged as written
                    continue
                inside = any(start <= match.start() < end for start, end in bracketed)
                if is_candidate(word, inside):
                    found.setdefault(word, target)
    return sorted(found.items())


def test_every_russian_word_is_covered(book: Document, article: Document, glossary: Glossary) -> None:
    assert uncovered([book, article], glossary) == []


def _independent_count(raw: str, glossary: Glossary) -> int:
    """Occurrences of every term spelling in the raw source, normalised otherwise than the converter does:
    every line-end hyphen joined, all whitespace collapsed, one regular expression per term."""
    text = re.sub(r"\s+", " ", re.sub(r"-\n\s*", "", raw)).replace("'", "’")
    # One alternation, longest spelling first, so a title is counted once and not again for its words.
    forms = sorted(
        ((form, term.case_sensitive) for term in glossary.terms.values() for form in term_spellings(term)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    alternation = "|".join(re.escape(f) if exact else f"(?i:{re.escape(f)})" for f, exact in forms)
    return len(re.findall(rf"(?<![\w’])(?:{alternation})(?![\w])", text))


def test_at_least_99_percent_of_term_occurrences_annotated(
    book: Document, article: Document, sources: Path, glossary: Glossary
) -> None:
    """Both works together: the article alone has too few terms (about 30) for a 1% margin."""
    expected = found = 0
    for document in (book, article):
        raw = (sources / f"{document.work}.txt").read_text(encoding="utf-8")
        expected += _independent_count(raw, glossary)
        annotations = annotate(document, works()[document.work], glossary)  # type: ignore[arg-type]
        found += Counter(a.kind for a in annotations)[AnnotationKind.TERM]
    print(f"terms annotated {found} of {expected} counted independently")
    assert expected > 400
    assert found >= 0.99 * expected, (found, expected)


def test_independent_counts_meet_the_goals(book: Document, article: Document, glossary: Glossary) -> None:
    """The goals of the editorial review, by the detectors that read the text without the glossary: at least
    99% of Russian-term occurrences annotated, 95% of groupings named with an entry, 95% of the paragraphs
    naming one linking it, every person named in two or more paragraphs with an entry or a judgment."""
    from apparat.glossary import review
    from apparat.site.layers import load_layers
    from apparat.site.layout import Layout

    (bibliography,), _ = load_layers(Layout.default(), lambda _message: None, names=["bibliography"])
    for document in (book, article):
        work = works()[document.work]
        cited = replace(document, annotations=bibliography.annotate(document, work))  # type: ignore[arg-type]
        found = annotate(cited, work, glossary)  # type: ignore[arg-type]
        document = replace(cited, annotations=[*cited.annotations, *found])
        passages = review.passages(document)
        terms = review.russian_terms(passages, glossary)
        groupings = review.groupings(passages, glossary)
        persons = review.persons(passages, glossary)
        print(document.work, terms.line(), *groupings.lines(), *persons.lines(2), sep="\n  ")
        assert terms.counted > 30 and terms.share >= 0.99, terms.missing.most_common(10)
        names = groupings.names()
        assert len(names) > 10 and len(names) - len(groupings.without_entry()) >= 0.95 * len(names)
        assert groupings.linked() >= 0.95 * groupings.pairs(), groupings.unlinked.most_common(10)
        assert persons.without_entry(2) == []


def _links_at(document: Document, glossary: Glossary, line: int) -> list[tuple[str, str]]:
    """(key, linked text) of the glossary's links in the block that holds source line `line`."""
    block = next(b for b in document.blocks() if b.lines.first <= line <= b.lines.last)
    found = annotate(document, works()[document.work], glossary)  # type: ignore[arg-type]
    return [(a.key, block.text[a.start : a.end]) for a in found if a.target == block.id]


def test_audit_misses_are_linked(book: Document, article: Document, glossary: Glossary) -> None:
    """The independent audit's misses: three institutions and a currency, derived English forms, the
    lower-case labels of the party struggle, and the Italian left; and the generic `united front`
    (Stalin's coalition from Chamberlain to Trotsky) no longer links to the Comintern's tactic."""
    assert ("glavpolitput", "Glavpolitput’") in _links_at(book, glossary, 1899)
    assert ("istpart", "Istpart") in _links_at(book, glossary, 2680)
    assert ("chervonets", "chervonetz") in _links_at(book, glossary, 13577)
    assert ("glavk", "glavkism") in _links_at(book, glossary, 3121)
    assert ("right-opposition", "moderates") in _links_at(book, glossary, 8219)
    assert ("right-opposition", "right") in _links_at(book, glossary, 8273)
    assert {"right-opposition", "centrists"} <= {key for key, _ in _links_at(book, glossary, 8464)}
    assert ("bordigists", "Bordigan opposition") in _links_at(article, glossary, 1070)
    for line in (5938, 6235):
        assert not any(key == "united-front" for key, _ in _links_at(book, glossary, line))
    tsar = [a for a in annotate(book, works()[book.work], glossary) if a.key == "tsar"]  # type: ignore[arg-type]
    assert len(tsar) >= 20
