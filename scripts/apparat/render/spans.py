"""How the annotated spans of one text nest: the rule every format shares (web chapters, EPUB, PDF).

Annotations are offsets into a text and may overlap; markup must nest. `events` turns a text, its
annotations and the printed pages that begin inside it into one well-nested stream, which each renderer
writes in its own markup (`render.markdown.inline`, `render.xhtml.Writer.inline`):

* **Links** (terms, factions, persons, citations) never overlap: of two that do, the one that begins first
  (at one start, the longer) is kept.
* **Emphasis** (italics the extraction lost) merges where spans overlap or touch, and is cut where a link
  crosses its edge, so that each piece lies wholly inside or outside the link:
  `<em>Title with </em><a><em>a name</em> and more</a>`. Over the same words, the link is outside.
* **Note markers** `[^N]` are whole: a link never holds or cuts one (it is dropped: the reference is a link
  of its own), and emphasis that cuts one is dropped.
* **Pages**: a printed page that begins inside a link (or a note marker) is placed right after it, so the
  link's text stays whole; inside emphasis it stays where it is. At one offset a span closes, then a page
  begins, then a span opens, then a note is called.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from apparat.model import NOTE_MARKER, Annotation, AnnotationKind


@dataclass(frozen=True, slots=True)
class Text:
    value: str


@dataclass(frozen=True, slots=True)
class Open:
    annotation: Annotation
    """The link's annotation; for a piece of emphasis, the first emphasis annotation it comes from."""


@dataclass(frozen=True, slots=True)
class Close:
    annotation: Annotation


@dataclass(frozen=True, slots=True)
class Page:
    number: int


@dataclass(frozen=True, slots=True)
class NoteCall:
    n: int
    """The printed number of the note the marker calls."""


Event = Text | Open | Close | Page | NoteCall


def is_emphasis(annotation: Annotation) -> bool:
    return annotation.kind is AnnotationKind.EMPHASIS


@dataclass(slots=True)
class Nested:
    """A node of the nested spans of one text: a link, a piece of emphasis, or the root (no annotation)."""

    start: int
    end: int
    annotation: Annotation | None = None
    children: list[Nested] = field(default_factory=list)

    @property
    def is_link(self) -> bool:
        return self.annotation is not None and not is_emphasis(self.annotation)


def nest(text: str, annotations: list[Annotation]) -> Nested:
    """The annotations of one text as a tree of properly nested spans (see the module's docstring)."""
    markers = [(m.start(), m.end()) for m in NOTE_MARKER.finditer(text)]

    def usable(a: Annotation) -> bool:
        if not 0 <= a.start < a.end <= len(text):
            return False
        for start, end in markers:
            overlaps = a.start < end and start < a.end
            holds = a.start <= start and end <= a.end
            if overlaps and not (holds and is_emphasis(a)):
                return False
        return True

    kept = [a for a in annotations if usable(a)]
    links: list[Nested] = []
    for annotation in sorted((a for a in kept if not is_emphasis(a)), key=lambda a: (a.start, -a.end)):
        if annotation.start >= (links[-1].end if links else 0):
            links.append(Nested(annotation.start, annotation.end, annotation))
    merged: list[Nested] = []
    for a in sorted((a for a in kept if is_emphasis(a)), key=lambda a: (a.start, -a.end)):
        if merged and a.start <= merged[-1].end:
            merged[-1].end = max(merged[-1].end, a.end)
        else:
            merged.append(Nested(a.start, a.end, a))
    pieces: list[Nested] = []
    for span in merged:
        cuts = sorted(
            {link.start for link in links if span.start < link.start < span.end < link.end}
            | {link.end for link in links if link.start < span.start < link.end < span.end}
        )
        bounds = [span.start, *cuts, span.end]
        pieces += [Nested(a, b, span.annotation) for a, b in itertools.pairwise(bounds)]
    root = Nested(0, len(text))
    stack = [root]
    # At one start the longer span is outside; over the same words the link is outside the emphasis.
    for node in sorted([*links, *pieces], key=lambda s: (s.start, -s.end, not s.is_link)):
        while not (stack[-1].start <= node.start and node.end <= stack[-1].end):
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    return root


def events(text: str, annotations: list[Annotation], breaks: list[tuple[int, int]]) -> Iterator[Event]:
    """The text with its spans opened and closed, its note markers called and its pages begun, in order.

    `breaks` are (offset, printed page) of the pages that begin inside the text; one at or past the end
    comes last."""
    walk = _Walk(text, sorted(breaks))
    yield from walk.node(nest(text, annotations), in_link=False)
    yield from walk.pages_before(None)


@dataclass(slots=True)
class _Walk:
    text: str
    pages: list[tuple[int, int]]
    placed: int = 0
    """How many pages are placed so far."""

    def node(self, span: Nested, in_link: bool) -> Iterator[Event]:
        if span.annotation is not None:
            yield Open(span.annotation)
        in_link = in_link or span.is_link
        cursor = span.start
        for child in span.children:
            yield from self.plain(cursor, child.start, in_link, before_span=True)
            yield from self.node(child, in_link)
            cursor = child.end
        yield from self.plain(cursor, span.end, in_link, before_span=span.annotation is None)
        if span.annotation is not None:
            yield Close(span.annotation)
        if span.is_link:
            yield from self.pages_before(span.end)

    def plain(self, start: int, end: int, in_link: bool, before_span: bool) -> Iterator[Event]:
        """The text from start to end, its note markers called, and the pages that begin in it (none inside
        a link: those follow the link). A page at `end` comes here when a span opens there or the text
        ends (`before_span`), else after the span that closes there."""
        cursor = start
        for marker in NOTE_MARKER.finditer(self.text, start, end):
            yield from self.words(cursor, marker.start(), in_link, before_span=True)
            yield NoteCall(int(marker.group(1)))
            cursor = marker.end()
            if not in_link:  # a page that begins inside the marker follows it
                yield from self.pages_before(cursor)
        yield from self.words(cursor, end, in_link, before_span)

    def words(self, start: int, end: int, in_link: bool, before_span: bool) -> Iterator[Event]:
        cursor = start
        while not in_link and self.placed < len(self.pages):
            offset, page = self.pages[self.placed]
            if offset > end or (offset == end and not before_span):
                break
            offset = max(offset, cursor)
            if offset > cursor:
                yield Text(self.text[cursor:offset])
            yield Page(page)
            cursor = offset
            self.placed += 1
        if end > cursor:
            yield Text(self.text[cursor:end])

    def pages_before(self, end: int | None) -> Iterator[Event]:
        """The pages not yet placed that begin before `end` (all of them with None)."""
        while self.placed < len(self.pages) and (end is None or self.pages[self.placed][0] < end):
            yield Page(self.pages[self.placed][1])
            self.placed += 1
