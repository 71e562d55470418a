"""Search finds a term's passages by transliteration, Cyrillic or gloss: hidden words at the first
occurrence of each term in a paragraph or note, and what MkDocs' search index makes of them."""

from __future__ import annotations

import json
from dataclasses import replace

from test_glossary_matcher import document, glossary

from apparat.glossary.annotate import _MATCHERS, annotate
from apparat.model import Annotation, AnnotationKind, BlockKind
from apparat.render.inline import RENDERERS
from apparat.site.build import BuildResult
from apparat.site.layout import Layout


def test_first_occurrence_per_paragraph_carries_cyrillic_gloss_and_lemma() -> None:
    _MATCHERS.clear()
    doc = document("biurokratii and smychka, then biurokratiei again.", "Biurokratiia once more.")
    found = annotate(doc, glossary())
    assert [(a.key, a.search) for a in found] == [
        ("biurokratiia", "biurokratiia бюрократия bureaucracy"),  # inflected: the lemma is added
        ("smychka", "смычка bond"),
        ("biurokratiia", None),  # second in its paragraph
        ("biurokratiia", "бюрократия bureaucracy"),  # a new paragraph; the lemma is printed
    ]


def test_a_lemma_with_soft_signs_is_also_findable_without_them() -> None:
    _MATCHERS.clear()
    found = annotate(document("a plea for kul’turnost’"), glossary())
    assert [a.search for a in found] == ["kulturnost культурность culturedness"]


def test_headings_get_no_hidden_words() -> None:
    _MATCHERS.clear()
    doc = document("smychka")
    doc.sections[0].blocks[0] = replace(doc.sections[0].blocks[0], kind=BlockKind.HEADING, level=2)
    assert [a.search for a in annotate(doc, glossary())] == [None]


def test_renderer_writes_a_hidden_element_with_words_only() -> None:
    plain = Annotation(AnnotationKind.TERM, "smychka", "b1", 0, 7)
    assert "ap-search" not in RENDERERS[AnnotationKind.TERM](plain, "smychku")
    hostile = Annotation(AnnotationKind.TERM, "smychka", "b1", 0, 7, search='смычка <b>*bond*</b> "x" [a](b)')
    rendered = RENDERERS[AnnotationKind.TERM](hostile, "smychku")
    assert rendered.endswith('>smychku<span class="ap-search" hidden> смычка b bond b x a b </span></a>')


def test_the_sample_search_index_finds_chapters_by_cyrillic_and_gloss(
    glossary_edition: tuple[Layout, BuildResult],
) -> None:
    layout, _ = glossary_edition
    docs = json.loads((layout.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    chapters = [d for d in docs if d["location"].startswith("sample-book/0")]
    assert any("бюрократия" in d["text"] for d in chapters)
    assert any("biurokratiia бюрократия bureaucracy" in d["text"] for d in chapters)
