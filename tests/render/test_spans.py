"""The nesting of spans, note markers and page breaks (render.spans), and the same nesting in both formats:
the web chapters' Markdown (render.markdown.inline) and the EPUB/PDF's XHTML (render.xhtml.Writer.inline)."""

from __future__ import annotations

import re
from typing import Any

from apparat.model import Annotation, AnnotationKind, Document, Front
from apparat.render import spans
from apparat.render.markdown import inline
from apparat.render.xhtml import Target, Writer


def segments(
    value: str, annotations: list[Annotation], breaks: list[tuple[int, int]]
) -> list[tuple[str, Any]]:
    """The events as (kind, item) pairs: ("text", str), ("open"/"close", Annotation), ("page", N), ("note", N)."""
    out: list[tuple[str, Any]] = []
    for event in spans.events(value, annotations, breaks):
        match event:
            case spans.Text(words):
                out.append(("text", words))
            case spans.Open(annotation):
                out.append(("open", annotation))
            case spans.Close(annotation):
                out.append(("close", annotation))
            case spans.Page(page):
                out.append(("page", page))
            case spans.NoteCall(n):
                out.append(("note", n))
    return out


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
    assert kinds == [
        AnnotationKind.TERM,
        AnnotationKind.EMPHASIS,
        AnnotationKind.EMPHASIS,
        AnnotationKind.TERM,
    ]


TEXT = "He read The Prophet Outcast: Trotsky, 1929 again.[^4] Later"
#       0         1         2         3         4         5
#       012345678901234567890123456789012345678901234567890123456789


def em(start: int, end: int) -> Annotation:
    return Annotation(AnnotationKind.EMPHASIS, "k", "t", start, end)


def link(kind: AnnotationKind, start: int, end: int) -> Annotation:
    return Annotation(kind, "key", "t", start, end)


def test_italics_crossing_a_link_are_cut_at_its_edge() -> None:
    cut = _cut(TEXT, [em(8, 36), link(AnnotationKind.CITE, 29, 48)], [])
    assert cut[:7] == [
        ("text", "He read "),
        ("open", "k"),
        ("text", "The Prophet Outcast: "),
        ("close", "k"),
        ("open", "key"),
        ("open", "k"),
        ("text", "Trotsky"),
    ]


def test_a_note_marker_is_whole() -> None:
    holding = link(AnnotationKind.PERSON, 43, 53)  # "again.[^4]": a link never holds a reference
    cutting = em(46, 51)  # italics ending inside "[^4]"
    around = em(43, 53)  # italics may hold a reference
    assert _cut(TEXT, [holding, cutting], []) == [("text", TEXT[:49]), ("note", 4), ("text", " Later")]
    assert ("open", "k") in _cut(TEXT, [around], [])
    assert _cut(TEXT, [], [(51, 8)])[1:3] == [("note", 4), ("page", 8)]  # a page inside a marker follows it


def test_a_page_inside_italics_stays_there_and_spans_out_of_the_text_are_dropped() -> None:
    cut = _cut(TEXT, [em(8, 27), em(50, 90), link(AnnotationKind.TERM, 5, 5)], [(12, 5), (70, 9)])
    assert cut == [
        ("text", "He read "),
        ("open", "k"),
        ("text", "The "),
        ("page", 5),
        ("text", "Prophet Outcast"),
        ("close", "k"),
        ("text", ": Trotsky, 1929 again."),
        ("note", 4),
        ("text", " Later"),
        ("page", 9),
    ]


def _structure(markup: str) -> list[str]:
    """The links and italics of a rendering, in order: `<a>`, `</a>`, `<em>`, `</em>` (`<i>` read as `<em>`)."""
    return [m[1] + ("a" if m[2] == "a" else "em") for m in re.finditer(r"<(/?)(a|em|i)\b", markup)]


def test_the_web_and_the_editions_nest_alike() -> None:
    words = TEXT[:49]  # without the note marker: each format calls a note in its own way
    cases = [
        [em(8, 42), link(AnnotationKind.PERSON, 29, 36)],
        [em(8, 36), link(AnnotationKind.CITE, 29, 48)],
        [em(8, 20), em(12, 27), link(AnnotationKind.PERSON, 29, 36), link(AnnotationKind.TERM, 33, 40)],
        [em(29, 36), link(AnnotationKind.PERSON, 29, 36), em(20, 31)],
    ]
    for spans_of in cases:
        document = Document("w", "s", "book", 1, Front(), [], [], [], [], spans_of)
        writer = Writer(document, Target({kind: {"key": "#x"} for kind in AnnotationKind}))
        web, book = inline(words, spans_of), writer.inline(None, words, "t", [])
        assert _structure(web) == _structure(book), spans_of
        assert "<em>" in web and "<a " in web
