"""The editorial review on the built site: what a reader gets, read back from the HTML.

`apparat.glossary.review` counts against spans; here the spans come from the links a reader sees in the
built chapter pages (`a.ap-term`, `a.ap-faction`, `a.ap-person`, `a.ap-cite`), not from the annotation
stage. Each paragraph, heading or note of a chapter page's article becomes a `Passage` with the text a
reader sees (`site.visible`, the rule the rendered-fidelity check reads pages by), less what is not the
work's: the heading over the notes and the wording of a missing note are our own, and a return link is a
sign.
"""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from apparat.glossary.review import Passage, Span
from apparat.site.visible import visible_text_and_spans

_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6")
"""Blocks read as passages. The page title (h1) is the section title, left plain like the table of contents."""
_NOT_THE_WORKS = ".note-missing, .footnote-backref"
_OUR_BLOCKS = frozenset({"notes"})
"""Ids of blocks the edition adds: the "Notes" heading (read as a name, it was a person in the article)."""
_KINDS = {"ap-term": "term", "ap-faction": "faction", "ap-person": "person", "ap-cite": "cite"}
_LINKS = ", ".join(f"a.{name}" for name in _KINDS)


def _target(node: LexborNode, index: int) -> str:
    """The id of the block or of its nearest ancestor that has one (a note's list item)."""
    current: LexborNode | None = node
    while current is not None:
        if current.attributes.get("id"):
            return current.attributes.get("id") or ""
        current = current.parent
    return f"?{index}"


def _passage(node: LexborNode, index: int) -> Passage:
    links = node.css(_LINKS)
    text, where = visible_text_and_spans(node, links, without=node.css(_NOT_THE_WORKS))
    spans = []
    for link, (start, end) in zip(links, where, strict=True):
        classes = (link.attributes.get("class") or "").split()
        kind = next(_KINDS[c] for c in classes if c in _KINDS)
        key = (link.attributes.get("href") or "").rpartition("#")[2]
        spans.append(Span(start, end, kind, key))
    return Passage(_target(node, index), text, tuple(spans))


def page_passages(path: Path) -> list[Passage]:
    article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article.md-content__inner")
    if article is None:
        return []
    blocks = [
        node
        for node in article.css(", ".join(_BLOCKS))
        if not any(_is_block(ancestor) for ancestor in _ancestors(node, article))
        and node.attributes.get("id") not in _OUR_BLOCKS
    ]
    return [_passage(node, index) for index, node in enumerate(blocks)]


def _is_block(node: LexborNode) -> bool:
    return node.tag in _BLOCKS


def _ancestors(node: LexborNode, stop: LexborNode) -> list[LexborNode]:
    found = []
    current = node.parent
    while current is not None and current.mem_id != stop.mem_id:
        found.append(current)
        current = current.parent
    return found


def site_passages(site: Path, work: str) -> list[Passage]:
    """Every passage of a work's chapter pages in the built site (`site/<work>/NN-*.html`)."""
    found: list[Passage] = []
    for page in sorted((site / work).glob("[0-9][0-9]-*.html")):
        found += page_passages(page)
    return found
