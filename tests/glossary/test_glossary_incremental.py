"""A glossary change re-annotates only the works it can affect; cached spans equal fresh ones."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from apparat.diagnostics import Reporter
from apparat.glossary import publish
from apparat.glossary.annotate import annotate, matcher_for
from apparat.glossary.entries import Glossary
from apparat.glossary.incremental import annotation_key
from apparat.model import Document
from apparat.pipeline import convert_file
from apparat.works import PROJECT, SAMPLES


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    out = {}
    for name, profile in (("sample-book", "book"), ("sample-article", "article")):
        document, _ = convert_file(SAMPLES / f"{name}.txt", profile, name)
        out[name] = document
    return out


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return publish.load(PROJECT / "content" / "data", Reporter("glossary"))


def _keys(glossary: Glossary, samples: dict[str, Document]) -> dict[str, str]:
    matcher = matcher_for(glossary)
    return {name: annotation_key(document, glossary, matcher) for name, document in samples.items()}


def _with_term(glossary: Glossary, key: str, **changes: object) -> Glossary:
    terms = dict(glossary.terms)
    terms[key] = dataclasses.replace(terms[key], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(glossary, terms=terms)


def test_a_changed_definition_reannotates_nothing(glossary: Glossary, samples: dict[str, Document]) -> None:
    changed = _with_term(glossary, "smychka", definition="A new definition. It has two sentences.")
    assert _keys(changed, samples) == _keys(glossary, samples)


def test_new_spellings_reannotate_only_the_works_that_can_hold_them(
    glossary: Glossary, samples: dict[str, Document]
) -> None:
    before = _keys(glossary, samples)
    # a variant whose first word only the sample book uses
    book_words = {w.lower() for b in samples["sample-book"].blocks() for w in b.text.split()}
    article_words = {w.lower() for b in samples["sample-article"].blocks() for w in b.text.split()}
    only_book = min(w for w in book_words - article_words if w.isalpha() and len(w) > 6)
    changed = _with_term(glossary, "smychka", variants=(*glossary.terms["smychka"].variants, only_book))
    after = _keys(changed, samples)
    assert after["sample-book"] != before["sample-book"]
    assert after["sample-article"] == before["sample-article"]


def test_cached_annotations_equal_fresh_ones(
    glossary: Glossary, samples: dict[str, Document], tmp_path: Path
) -> None:
    for name, document in samples.items():
        fresh = annotate(document, glossary)
        first = publish.annotate(document, None, glossary, cache_dir=tmp_path)  # type: ignore[arg-type]
        again = publish.annotate(document, None, glossary, cache_dir=tmp_path)  # type: ignore[arg-type]
        assert fresh == first == again, name
    assert len(list(tmp_path.glob("*.json"))) == 2
