"""Emphasis in the Markdown: nested with links, cut where a link crosses it, page markers kept in place."""

from __future__ import annotations

from apparat.model import Annotation, AnnotationKind, Evidence
from apparat.render.markdown import inline

TEXT = "He read The Prophet Outcast: Trotsky, 1929 again."
#       0         1         2         3         4
#       0123456789012345678901234567890123456789012345678


def em(start: int, end: int) -> Annotation:
    return Annotation(AnnotationKind.EMPHASIS, "k", "t", start, end, evidence=Evidence.TITLE)


def link(kind: AnnotationKind, start: int, end: int) -> Annotation:
    return Annotation(kind, "key", "t", start, end)


def bare(rendered: str) -> str:
    """Links reduced to <a>…</a>, so the expected strings stay readable."""
    import re

    return re.sub(r"<a [^>]*>", "<a>", rendered)


def test_a_link_inside_an_italic_title() -> None:
    found = inline(TEXT, [em(8, 42), link(AnnotationKind.PERSON, 29, 36)])
    assert bare(found) == "He read <em>The Prophet Outcast: <a>Trotsky</a>, 1929</em> again."


def test_a_term_link_over_the_same_span_holds_the_italics() -> None:
    found = inline("the biurokratiia grew", [em(4, 16), link(AnnotationKind.TERM, 4, 16)])
    assert bare(found) == "the <a><em>biurokratiia</em></a> grew"


def test_italics_crossing_a_link_edge_are_cut_at_it() -> None:
    found = inline(TEXT, [em(8, 36), link(AnnotationKind.CITE, 29, 48)])
    assert bare(found) == "He read <em>The Prophet Outcast: </em><a><em>Trotsky</em>, 1929 again</a>."


def test_overlapping_italics_merge_and_overlapping_links_keep_the_first() -> None:
    spans = [em(8, 20), em(12, 27), link(AnnotationKind.PERSON, 29, 36), link(AnnotationKind.TERM, 33, 40)]
    assert bare(inline(TEXT, spans)) == "He read <em>The Prophet Outcast</em>: <a>Trotsky</a>, 1929 again."


def test_page_markers_inside_italics_stay_inside_and_inside_links_follow_the_link() -> None:
    found = inline(TEXT, [em(8, 27), link(AnnotationKind.PERSON, 29, 36)], [(12, 5), (31, 6), (49, 7)])
    marker = '<span class="pb" id="p{0}" data-page="{0}"></span>'
    assert bare(found) == (
        f"He read <em>The {marker.format(5)}Prophet Outcast</em>: <a>Trotsky</a>{marker.format(6)}, 1929 again."
        + marker.format(7)
    )


def test_markdown_inside_italics_is_escaped() -> None:
    assert inline("a *b* c", [em(2, 5)]) == r"a <em>\*b\*</em> c"
