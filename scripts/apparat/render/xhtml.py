"""The model (with its annotations) as XHTML: the reading text of the EPUB and PDF editions.

The same text as the web chapters, written as markup that is well-formed XML *and* parses the same as HTML
(no self-closed non-void element, only the five XML entities), so the EPUB takes it as XHTML and WeasyPrint
as HTML. Three tables decide what is written:

* `BLOCKS`: block kind → function (heading, paragraph, quotation);
* `LINKS`: annotation kind → the semantics of its link (`glossref` for the glossary, `biblioref` for citations);
* `render.notes.PRESENTATIONS`: note status → the notices shown with or instead of the note's text (the
  same table, and the same printed numbers, as on the web pages).

Where a span links to and how notes are placed is the `Target`'s business: the EPUB puts notes after each
chapter as footnote asides reached by `noteref` links; the PDF puts each note where its marker stands, for
the print stylesheet to float it to the foot of the page.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser
from types import MappingProxyType

from apparat.model import Annotation, AnnotationKind, Block, BlockKind, Document, Fragment, Note, Section
from apparat.render import notes, spans
from apparat.render.pages import opening_pages

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
    notices: Mapping[str, Callable[[Note], str]] = field(default_factory=lambda: MappingProxyType({}))
    """Notice kind → a wording of its own for this target (the print edition's shorter ones); the notices
    themselves, and which note gets which, come from `render.notes.PRESENTATIONS`."""


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


WRAPS: Mapping[AnnotationKind, str] = MappingProxyType({AnnotationKind.EMPHASIS: "i"})
"""Annotation kinds shown by markup rather than linked: italics the extraction lost (nested with the links
by `render.spans`)."""


def note_id(section_id: str, n: int) -> str:
    """The note's id, as on the site's chapter pages: `<section>-n<N>` (N as printed)."""
    return f"{section_id}-n{n}"


def ref_id(section_id: str, n: int, occurrence: int = 1) -> str:
    """The id of the (`occurrence`-th) reference to the note in the text: the note's back-links go there."""
    return f"{section_id}-r{n}" if occurrence == 1 else f"{section_id}-r{n}-{occurrence}"


def page_break(page: int) -> str:
    """Where printed page `page` begins; empty, so it adds nothing to the text it stands in."""
    return (
        f'<span class="pb" epub:type="pagebreak" role="doc-pagebreak" id="p{page}" '
        f'aria-label="{page}" data-page="{page}"></span>'
    )


def page_continued(page: int) -> str:
    """A section that begins inside printed page `page` repeats it at its start (as the web chapters do), as
    a reminder only: the page break itself stands where the page begins, once."""
    return f'<span class="pb-continued" data-page="{page}"></span>'


@dataclass(slots=True)
class Writer:
    """Renders the blocks of one document for one target; collects the notes each section refers to."""

    document: Document
    target: Target
    by_target: dict[str, list[Annotation]] = field(default_factory=dict)
    references: dict[str, Counter[int]] = field(default_factory=dict)
    """Section id → how often each of its notes was called so far (back-links go to every call)."""
    notes_of: dict[str, dict[int, Note]] = field(default_factory=dict)
    pages_marked: set[int] = field(default_factory=set)

    def page(self, page: int) -> str:
        """The page break of `page` the first time; a reminder of it after that."""
        if page in self.pages_marked:
            return page_continued(page)
        self.pages_marked.add(page)
        return page_break(page)

    def pages(self, pages: list[int]) -> str:
        return "".join(self.page(page) for page in pages)

    def __post_init__(self) -> None:
        for annotation in self.document.annotations:
            self.by_target.setdefault(annotation.target, []).append(annotation)

    # --- inline -----------------------------------------------------------------------------------------

    def inline(self, section: Section | None, value: str, target: str, breaks: list[tuple[int, int]]) -> str:
        """Text with its annotated spans linked, its note markers as references, page breaks at their offsets,
        nested as on the web pages (`render.spans`)."""
        out: list[str] = []
        for event in spans.events(value, self.by_target.get(target, []), breaks):
            match event:
                case spans.Text(words):
                    out.append(text(words))
                case spans.Page(page):
                    out.append(self.page(page))
                    if self.target.notes is Notes.INLINE:
                        # print: a hairline where, inside the line, the page turns
                        out.append('<span class="pb-at" aria-hidden="true"></span>')
                case spans.NoteCall(n):
                    out.append(self._note_call(section, n))
                case spans.Open(annotation):
                    out.append(self._span(annotation, opening=True))
                case spans.Close(annotation):
                    out.append(self._span(annotation, opening=False))
        return "".join(out)

    def _span(self, annotation: Annotation, opening: bool) -> str:
        wrap = WRAPS.get(annotation.kind)
        if wrap is not None:
            return f"<{wrap}>" if opening else f"</{wrap}>"
        href = self.target.entries.get(annotation.kind, {}).get(annotation.key)
        lang = self.target.lang.get(annotation.kind)
        link = LINKS.get(annotation.kind)
        if href is None or link is None:
            if lang is None:
                return ""
            return f'<span lang="{lang}" xml:lang="{lang}">' if opening else "</span>"
        if not opening:
            return "</a>"
        language = f' lang="{lang}" xml:lang="{lang}"' if lang else ""
        return (
            f'<a class="ap-{annotation.kind}" epub:type="{link.epub_type}" role="{link.role}" '
            f'href="{attr(href)}"{language}>'
        )

    def _note_call(self, section: Section | None, n: int) -> str:
        note = self._note(section, n)
        if section is None or note is None:
            # A marker without its note cannot be linked; it stays visible as printed.
            return f'<sup class="ap-unlinked">{n}</sup>'
        nid = note_id(section.id, n)
        counter = self.references.setdefault(section.id, Counter())
        counter[n] += 1
        occurrence = counter[n]
        if self.target.notes is Notes.INLINE:
            if occurrence > 1:  # the note is printed once, at its first call
                return f'<sup class="fn-again">{n}</sup>'
            # U+2060 WORD JOINER: the call stays on the line of the word it follows.
            return f'\u2060<span class="fn" id="{nid}" data-n="{n}">{self.note_text(section, note)}</span>'
        rid = ref_id(section.id, n, occurrence)
        return f'<a class="noteref" epub:type="noteref" role="doc-noteref" id="{rid}" href="#{nid}">{n}</a>'

    def _note(self, section: Section | None, n: int) -> Note | None:
        if section is None:
            return None
        if section.id not in self.notes_of:
            self.notes_of[section.id] = {note.n: note for note in section.notes}
        return self.notes_of[section.id].get(n)

    def note_text(self, section: Section, note: Note) -> str:
        """The note's text (linked like the body) with the notices its status calls for (`render.notes`)."""
        shown = notes.parts(note)
        if self.target.notices:
            before, after = self._reword(shown.before, note), self._reword(shown.after, note)
            shown = notes.NoteParts(shown.n, before, shown.text, after)
        body = ""
        if shown.text is not None:
            body = self.inline(None, shown.text, note_id(section.id, note.n), [])
        return notes.body_html(shown, body)

    def _reword(self, notice: notes.Notice | None, note: Note) -> notes.Notice | None:
        if notice is None or notice.kind not in self.target.notices:
            return notice
        return notes.Notice(notice.kind, self.target.notices[notice.kind](note))

    def _called(self, section: Section, note: Note) -> int:
        """How many references in the text call the note (0 for a note no marker calls)."""
        return self.references.get(section.id, Counter())[note.n]

    # --- blocks -----------------------------------------------------------------------------------------

    def section_body(self, section: Section) -> str:
        """The section's blocks, then its notes: as footnote asides (EPUB), or those no marker called (PDF)."""
        opening = opening_pages(self.document, section)
        parts = [
            BLOCKS[block.kind](self, section, block, opening.get(block.id, [])) for block in section.blocks
        ]
        trailing = opening.get("", [])
        if trailing:
            parts.append(f"<div>{self.pages(trailing)}</div>")
        if self.target.notes is Notes.ASIDES and (section.notes or section.fragments):
            parts.append(self.asides(section))
        elif self.target.notes is Notes.INLINE:
            uncalled = [note for note in section.notes if not self._called(section, note)]
            if uncalled or section.fragments:
                parts.append(self._uncalled(section, uncalled))
        return "\n".join(parts)

    def asides(self, section: Section) -> str:
        lines = [
            f'<section class="notes" epub:type="footnotes" aria-labelledby="{section.id}-notes">',
            f'<h2 id="{section.id}-notes">{notes.NOTES_HEADING}</h2>',
        ]
        for note in section.notes:
            back = " ".join(
                f'<a href="#{ref_id(section.id, note.n, k)}" role="doc-backlink">'
                f"{note.n}.{'' if k == 1 else f' ({k})'}</a>"
                for k in range(1, self._called(section, note) + 1)
            )
            lines.append(
                f'<aside class="note" epub:type="footnote" role="doc-footnote" id="{note_id(section.id, note.n)}">'
                f'<p><span class="note-n">{back or f"{note.n}."}</span> {self.note_text(section, note)}</p></aside>'
            )
        lines += [self._fragment(fragment, section) for fragment in section.fragments]
        lines.append("</section>")
        return "\n".join(lines)

    def _fragment_body(self, fragment: Fragment, section: Section) -> str:
        """An orphan note fragment's text, after the printed page it stands on."""
        return (
            f"(p.\u00a0{fragment.page}) {self.inline(None, fragment.text, fragment.target(section.id), [])}"
        )

    def _fragment(self, fragment: Fragment, section: Section) -> str:
        """An orphan note fragment under its notice (`render.notes`), as a paragraph of the notes section."""
        return notes.fragment_html(
            self._fragment_body(fragment, section), fragment.page, fragment.target(section.id)
        )

    def _uncalled(self, section: Section, uncalled: list[Note]) -> str:
        """Notes no marker calls and orphan fragments, at the end of the section: each still goes to the foot
        of a page."""
        items = "".join(
            f'<span class="fn uncalled" id="{note_id(section.id, note.n)}" data-n="{note.n}">'
            f"{self.note_text(section, note)}</span>"
            for note in uncalled
        )
        items += "".join(
            f'<span class="fn fragment" id="{fragment.target(section.id)}">'
            f"{notes.notice_html(notes.FRAGMENT_NOTICE)} "
            f"{self._fragment_body(fragment, section)}</span>"
            for fragment in section.fragments
        )
        return f'<p class="uncalled-notes">{items}</p>'


BlockRender = Callable[[Writer, Section, Block, list[int]], str]


def render_heading(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    # The chapter title is h1; the book's numbered sections are h2, their subsections h3.
    level = min((block.level or 2), 6)
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<h{level} id="{block.id}">{writer.pages(pages)}{content}</h{level}>'


def render_paragraph(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<p id="{block.id}">{writer.pages(pages)}{content}</p>'


def render_quote(writer: Writer, section: Section, block: Block, pages: list[int]) -> str:
    content = writer.inline(section, block.text, block.id, [(b.offset, b.page) for b in block.page_breaks])
    return f'<blockquote id="{block.id}"><p>{writer.pages(pages)}{content}</p></blockquote>'


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
