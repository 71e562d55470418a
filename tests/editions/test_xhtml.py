"""The XHTML renderer's inline cutting (render.xhtml.segments): spans, note markers and page breaks nest."""

from __future__ import annotations

from typing import Any

from apparat.model import Annotation, AnnotationKind
from apparat.render.xhtml import segments


def _cut(value: str, annotations: list[Annotation], breaks: list[tuple[int, int]]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for kind, item in segments(value, annotations, breaks):
        out.append((kind, item.key if isinstance(item, Annotation) else item))
    return out


def test_marker_replaced_and_page_break_moved_out_of_a_span() -> None:
    text = "See Lenin here.[^3] Then"
    cite = Annotation(AnnotationKind.CITE, "lenin", "x", 4, 9)
    assert _cut(text, [cite], [(6, 12)]) == [
        ("text", "See "),
        ("open", "lenin"),
        ("text", "Lenin"),
        ("close", "lenin"),
        ("page", 12),
        ("text", " here."),
        ("note", 3),
        ("text", " Then"),
    ]


def test_markup_nests_with_a_link_and_crossing_links_keep_the_first() -> None:
    text = "The Revolution Betrayed by Trotsky"
    title = Annotation(AnnotationKind.EMPHASIS, "t", "x", 4, 23)
    inner = Annotation(AnnotationKind.TERM, "revolution", "x", 4, 14)
    crossing = Annotation(AnnotationKind.PERSON, "p", "x", 10, 18)
    cut = _cut(text, [title, inner, crossing], [])
    assert cut == [
        ("text", "The "),
        ("open", "t"),
        ("open", "revolution"),
        ("text", "Revolution"),
        ("close", "revolution"),
        ("text", " Betrayed"),
        ("close", "t"),
        ("text", " by Trotsky"),
    ]


def test_a_link_and_italics_over_the_same_words_close_in_reverse_order() -> None:
    # A linked Russian term is also italic: the link (made first) is outside, the italics inside.
    term = Annotation(AnnotationKind.TERM, "smychka", "x", 4, 11)
    italic = Annotation(AnnotationKind.EMPHASIS, "smychka", "x", 4, 11)
    assert _cut("The smychka held", [term, italic], []) == [
        ("text", "The "),
        ("open", "smychka"),
        ("open", "smychka"),
        ("text", "smychka"),
        ("close", "smychka"),
        ("close", "smychka"),
        ("text", " held"),
    ]
    kinds = [item.kind for kind, item in segments("The smychka held", [term, italic], []) if kind != "text"]
    assert kinds == [AnnotationKind.TERM, AnnotationKind.EMPHASIS, AnnotationKind.EMPHASIS, AnnotationKind.TERM]
