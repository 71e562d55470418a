"""The model (with its annotations) as XHTML: the reading text of the EPUB and PDF editions.

The same text as the web chapters, written as markup that is well-formed XML *and* parses the same as HTML
(no self-closed non-void element, only the five XML entities), so the EPUB takes it as XHTML and WeasyPrint
as HTML. Three tables decide what is written:

* `BLOCKS`: block kind → function (heading, paragraph, quotation);
* `LINKS`: annotation kind → the semantics of its link (`glossref` for the glossary, `biblioref` for citations);
* `NOTE_BODIES`: note status → the note's text with the notice its status calls for.

Where a span links to and how notes are placed is the `Target`'s business: the EPUB puts notes after each
chapter as footnote asides reached by `noteref` links; the PDF puts each note where its marker stands, for
the print stylesheet to float it to the foot of the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser
from types import MappingProxyType

from apparat.model import Annotation, AnnotationKind, Block, BlockKind, Document, Note, NoteStatus, Section
from apparat.render.markdown import opening_pages

_MARKER = re.compile(r"\[\^(\d+)\]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value: str) -> str:
    """Plain text as XML character data; a character XML cannot hold becomes U+FFFD, so it stays visible."""
    return html.escape(_NOT_XML.sub("\ufffd", value), quote=False)


def attr(value: str) -> str:
    return html.escape(_NOT_XML.sub("\ufffd", value), quote=True)


class Notes(StrEnum):
    """Where a note goes."""

    ASIDES = "asides"
    """After the section, each an `<aside epub:type="footnote">`, called by a `noteref` link (EPUB)."""
    INLINE = "inline"
    """At its marker, as `<span class="fn">`: the print stylesheet floats it to the foot of the page (PDF)."""


@dataclass(frozen=True, slots=True)
class Target:
    """What differs between the editions: where entries live and where notes go."""

    entries: Mapping[AnnotationKind, Mapping[str, str]]
    """Kind → entry key → href. A span whose entry is not in the edition is written as plain text."""
    notes: Notes = Notes.ASIDES
    lang: Mapping[AnnotationKind, str] = field(
        default_factory=lambda: MappingProxyType({AnnotationKind.TERM: "ru-Latn"})
    )
    """Language of the spans of a kind: a term is a transliterated Russian word."""


@dataclass(frozen=True, slots=True)
class Link:
    epub_type: str
    role: str


LINKS: Mapping[AnnotationKind, Link] = MappingProxyType(
    {
        AnnotationKind.TERM: Link("glossref", "doc-glossref"),
        AnnotationKind.FACTION: Link("glossref", "doc-glossref"),
        AnnotationKind.PERSON: Link("glossref", "doc-glossref"),
        AnnotationKind.CITE: Link("biblioref", "doc-biblioref"),
    }
)


def note_id(section_id: str, n: int) -> str:
    """The note's id, as on the site's chapter pages: `<section>-n<N>` (N as printed)."""
    return f"{section_id}-n{n}"


def ref_id(section_id: str, n: int) -> str:
    """The id of the reference to the note in the text (the note's back-link points there)."""
    return f"{section_id}-r{n}"


def page_break(page: int) -> str:
    """Where printed page `page` begins; empty, so it adds nothing to the text it stands in."""
    return (
        f'<span class="pb" epub:type="pagebreak" role="doc-pagebreak" id="p{page}" '
        f'aria-label="{page}" data-page="{page}"></span>'
    )


@dataclass(slots=True)
class Writer:
    """Renders the blocks of one document for one target; collects the notes each section refers to."""

    document: Document
    target: Target
    by_target: dict[str, list[Annotation]] = field(default_factory=dict)
    referred: set[str] = field(default_factory=set)
    """Ids of the notes a reference was written for (a note nobody refers to gets no back-link)."""

    def __post_init__(self) -> None:
        for annotation in self.document.annotations:
            self.by_target.setdefault(annotation.target, []).append(annotation)

    # --- inline -----------------------------------------------------------------------------------------

    def inline(self, section: Section | None, value: str, target: str, breaks: list[tuple[int, int]]) -> str:
        """Text with its annotated spans linked, its note markers as references, page breaks at their offsets."""
        out: list[str] = []
        for kind, item in segments(value, self.by_target.get(target, []), breaks):
            if kind == "text":
                out.append(text(str(item)))
            elif kind == "page":
                out.append(page_break(int(str(item))))
            elif kind == "note":
                out.append(self._note_call(section, int(str(item))))
            elif isinstance(item, Annotation):
                out.append(self._span(item, kind == "open"))
        return "".join(out)

    def _span(self, annotation: Annotation, opening: bool) -> str:
        href = self.target.entries.get(annotation.kind, {}).get(annotation.key)
        lang = self.target.lang.get(annotation.kind)
        if href is None:
            if lang is None:
                return ""
            return f'<span lang="{lang}" xml:lang="{lang}">' if opening else "</span>"
        if not opening:
            return "</a>"
        link = LINKS[annotation.kind]
        language = f' lang="{lang}" xml:lang="{lang}"' if lang else ""
        return (
            f'<a class="ap-{annotation.kind}" epub:type="{link.epub_type}" role="{link.role}" '
            f'href="{attr(href)}"{language}>'
        )

    def _note_call(self, section: Section | None, n: int) -> str:
        note = _find_note(section, n)
        if section is None or note is None:
            # A marker without its note cannot be linked; it stays visible as printed.
            return f'<sup class="ap-unlinked">{n}</sup>'
        nid = note_id(section.id, n)
        if self.target.notes is Notes.INLINE:
            # U+2060 WORD JOINER: the call stays on the line of the word it follows.
            return f'\u2060<span class="fn" id="{nid}" data-n="{n}">{self.note_text(section, note)}</span>'
        rid = ref_id(section.id, n) if nid not in self.referred else f"{ref_id(section.id, n)}-again"
        self.referred.add(nid)
        return f'<a class="noteref" epub:type="noteref" role="doc-noteref" id="{rid}" href="#{nid}">{n}</a>'

    def note_text(self, section: Section, note: Note) -> str:
        """The note's text (linked like the body) with the notices its status calls for."""
        nid = note_id(section.id, note.n)
        body = self.inline(None, note.text, nid, []) if note.text is not None else None
        return NOTE_BODIES[note.status](note, body)

    # --- blocks -----------------------------------------------------------------------------------------

    def section_body(self, section: Section) -> str:
        """The section's blocks; with `Notes.ASIDES`, followed by its notes."""
        opening = opening_pages(self.document, section)
        parts = [
            BLOCKS[block.kind](self, section, block, opening.get(block.id, [])) for block in section.blocks
        ]
        trailing = opening.get("", [])
        if trailing:
            parts.append(f"<div>{''.join(page_break(p) for p in trailing)}</div>")
        if self.target.notes is Notes.ASIDES and section.notes:
            parts.append(self.asides(section))
        return "\n".join(parts)

    def asides(self, section: Section) -> str:
        lines = [
            f'<section class="notes" epub:type="footnotes" aria-labelledby="{section.id}-notes">',
            f'<h2 id="{section.id}-notes">Notes</h2>',
        ]
        for note in section.notes:
            nid = note_id(section.id, note.n)
            number = f"{note.n}."
            if nid in self.referred:
                number = f'<a href="#{ref_id(section.id, note.n)}" role="doc-backlink">{note.n}.</a>'
            lines.append(
                f'<aside class="note" epub:type="footnote" role="doc-footnote" id="{nid}">'
                f'<p><span class="note-n">{number}</span> {self.note_text(section, note)}</p></aside>'
            )
        lines.append("</section>")
        return "\n".join(lines)


def _find_note(section: Section | None, n: int) -> Note | None:
    if section is None:
        return None
    return next((note for note in section.notes if note.n == n), None)


Segment = tuple[str, "str | int | Annotation"]
_ORDER = {"close": 0, "page": 1, "open": 2, "note": 3}
"""At one offset: a span closes, then a page begins, then a span opens, then a note is called."""


def segments(value: str, annotations: list[Annotation], breaks: list[tuple[int, int]]) -> Iterator[Segment]:
    """The text cut at every event, in order: ("text", str), ("open"/"close", Annotation), ("page", N),
    ("note", N); a note marker `[^N]` is replaced by its event. Of overlapping spans the first wins (as on
    the web pages); a page that begins inside a span or a marker is placed after it, so markup nests."""
    markers = [(m.start(), m.end(), int(m.group(1))) for m in _MARKER.finditer(value)]
    spans: list[Annotation] = []
    cursor = 0
    for span in sorted(annotations, key=lambda a: (a.start, -a.end)):
        clashes = any(start < span.end and span.start < end for start, end, _n in markers)
        if span.start < cursor or span.end > len(value) or clashes:
            continue
        spans.append(span)
        cursor = span.end
    events: list[tuple[int, int, Segment]] = []
    for span in spans:
        events += [(span.start, _ORDER["open"], ("open", span)), (span.end, _ORDER["close"], ("close", span))]
    skip = {start: end for start, end, _n in markers}
    events += [(start, _ORDER["note"], ("note", n)) for start, _end, n in markers]
    covers = [(s.start, s.end) for s in spans] + [(start, end) for start, end, _n in markers]
    for offset, page in breaks:
        offset = next((end for start, end in covers if start < offset < end), offset)
        events.append((offset, _ORDER["page"], ("page", page)))
    position = 0
    for offset, _order, segment in sorted(events, key=lambda e: (e[0], e[1])):
        if offset > position:
            yield ("text", value[position:offset])
            position = offset
        yield segment
        if segment[0] == "note":
            position = skip[offset]
    if position < len(value):
        yield ("text", value[position:])


NoteBody = Callable[[Note, "str | None"], str]


def _present(note: Note, body: str | None) -> str:
    return body if body is not None else _missing(note, body)


def _missing(note: Note, body: str | None) -> str:
    return (
        f'<span class="note-missing">The text of note {note.n} is missing from the source extraction; its '
        "marker is kept where it stood.</span>"
    )


def _truncated(note: Note, body: str | None) -> str:
    notice = '<span class="note-truncated">[the note breaks off here in the source extraction]</span>'
    return f"{_present(note, body)} {notice}"


NOTE_BODIES: Mapping[NoteStatus, NoteBody] = MappingProxyType(
    {
        NoteStatus.PRESENT: _present,
        NoteStatus.MISSING: _missing,
        NoteStatus.TRUNCATED: _truncated,
    }
)
"""Note status → its text with the notice the status calls for (XHTML); a missing text says so."""


BlockRender = Callable[[Writer, Section, Block, list[int]], str]


def _opening(pages: list[int]) -> str:
    return "".join(page_break(page) for page in pages)


def render_heading(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    # The chapter title is h1; the book's numbered sections are h2, their subsections h3.
    level = min((block.level or 2), 6)
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<h{level} id="{block.id}">{_opening(pages)}{content}</h{level}>'


def render_paragraph(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<p id="{block.id}">{_opening(pages)}{content}</p>'


def render_quote(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<blockquote id="{block.id}"><p>{_opening(pages)}{content}</p></blockquote>'


BLOCKS: Mapping[BlockKind, BlockRender] = MappingProxyType(
    {
        BlockKind.HEADING: render_heading,
        BlockKind.PARAGRAPH: render_paragraph,
        BlockKind.QUOTE: render_quote,
    }
)


def section_heading(section: Section) -> str:
    """The chapter's heading as the web chapters show it: `Chapter 1: Title`, or the title alone."""
    return section.title if section.label == section.title else f"{section.label}: {section.title}"


_VOID = frozenset({"br", "hr", "img", "wbr"})
_EXTERNAL = re.compile(r"^(https?|mailto):", re.IGNORECASE)


class _Fragment(HTMLParser):
    """Re-serialises a small, already sanitised HTML fragment as XML. Links that leave the site's pages
    (relative links) would dangle in a book, so only absolute ones stay links; the others keep their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            keep = bool(_EXTERNAL.match(href))
            self.dropped.append(not keep)
            if not keep:
                return
            attrs = [(name, value) for name, value in attrs if name in ("href", "title")]
        values = "".join(f' {name}="{attr(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{values}/>" if tag in _VOID else f"<{tag}{values}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "a" and self.dropped and self.dropped.pop():
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(text(data))


def from_html(fragment: str) -> str:
    """An HTML fragment (a glossary definition, a formatted reference) as well-formed XHTML."""
    parser = _Fragment()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)
