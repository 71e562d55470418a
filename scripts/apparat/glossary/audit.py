"""The editorial review on the built site: what a reader gets, read back from the HTML.

`apparat.glossary.review` counts against spans; here the spans come from the links a reader sees in the
built chapter pages (`a.ap-term`, `a.ap-faction`, `a.ap-person`, `a.ap-cite`), not from the annotation
stage. Each paragraph, heading or note of a chapter page's article becomes a `Passage` with the visible text
only: hidden elements (search words), the notes the extraction lost (our own wording), heading anchors and
back-links are left out. Python's own HTML parser is enough for pages we generate.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from apparat.glossary.review import Passage, Span

_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6"})
"""Blocks read as passages. The page title (h1) is the section title, left plain like the table of contents."""
_SKIPPED_CLASSES = frozenset({"note-missing", "headerlink", "footnote-backref", "ap-search"})
_KINDS = {"ap-term": "term", "ap-faction": "faction", "ap-person": "person", "ap-cite": "cite"}
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source"})


@dataclass(slots=True)
class _Open:
    tag: str
    skip: bool
    span: tuple[str, str, int] | None = None
    """(kind, key, start) of a link of the glossary or the bibliography."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.passages: list[Passage] = []
        self.stack: list[_Open] = []
        self.ids: list[str | None] = []
        self.text: list[str] = []
        self.spans: list[Span] = []
        self.in_article = 0
        self.block: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.in_article = len(self.stack) + 1
        skip = "hidden" in values or bool(classes & _SKIPPED_CLASSES)
        span = None
        if tag == "a":
            kind = next((k for c, k in _KINDS.items() if c in classes), None)
            key = (values.get("href") or "").rpartition("#")[2]
            if kind is not None:
                span = (kind, key, len("".join(self.text)))
        self.stack.append(_Open(tag, skip, span))
        self.ids.append(values.get("id"))
        if self.in_article and tag in _BLOCKS and self.block is None:
            self.block = next((i for i in reversed(self.ids) if i), None) or f"?{len(self.passages)}"
            self.text, self.spans = [], []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            opened = self.stack.pop()
            self.ids.pop()
            if opened.span is not None and self.block is not None:
                kind, key, start = opened.span
                self.spans.append(Span(start, len("".join(self.text)), kind, key))
            if (
                opened.tag in _BLOCKS
                and self.block is not None
                and not any(o.tag in _BLOCKS for o in self.stack)
            ):
                self.passages.append(Passage(self.block, "".join(self.text), tuple(self.spans)))
                self.block = None
            if self.in_article and len(self.stack) < self.in_article:
                self.in_article = 0
            if opened.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.block is not None and not any(o.skip for o in self.stack):
            self.text.append(data)


def page_passages(path: Path) -> list[Passage]:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.passages


def site_passages(site: Path, work: str) -> list[Passage]:
    """Every passage of a work's chapter pages in the built site (`site/<work>/NN-*.html`)."""
    found: list[Passage] = []
    for page in sorted((site / work).glob("[0-9][0-9]-*.html")):
        found += page_passages(page)
    return found
