"""site.visible: where marked elements stand in the text a reader sees (white space collapsed, hidden parts
left out), as the built-site audit of the glossary reads its links."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from apparat.site.visible import visible_text, visible_text_and_spans


def test_offsets_follow_the_collapsed_visible_text() -> None:
    html = (
        '<p id="x">  The <a class="t">kulaks<span hidden> кулак </span></a>\n\n   met'
        ' <span style="display: none">unseen</span>the <a class="f">Left\n Opposition</a>.'
        '<a class="headerlink">¶</a> <a class="back">↩</a></p>'
    )
    node = LexborHTMLParser(html).css_first("p")
    assert node is not None
    links = node.css("a.t, a.f")
    text, where = visible_text_and_spans(node, links, without=node.css("a.back"))
    assert text == "The kulaks met the Left Opposition."
    assert [text[start:end] for start, end in where] == ["kulaks", "Left Opposition"]
    assert text == visible_text(node, without=node.css("a.back"))
