"""A work cut into the parts both editions share: title page, chapters, glossaries, bibliography.

Each part is an XHTML `<section>` with what the EPUB needs to list it (title, headings for the table of
contents, printed pages for the page list, a landmark). Where things live is the `Placement`'s business:
the EPUB gives every part a file of its own, the PDF puts all parts into one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from apparat import __version__
from apparat.editions.apparatus import (
    PARTS,
    Apparatus,
    bibliography_part,
    entry_id,
    factions_part,
    included,
    persons_part,
    terms_part,
)
from apparat.model import (
    ABSTRACT_TARGET,
    AnnotationKind,
    BlockKind,
    Document,
    Note,
    NoteStatus,
    Section,
    section_of,
)
from apparat.render.xhtml import Notes, Target, Writer, attr, section_heading, text
from apparat.site import cite
from apparat.works import Work

_PAGE_ID = re.compile(r'epub:type="pagebreak"[^>]*? id="p(\d+)"')
_MARKER = re.compile(r"\s*\[\^\d+\]")
_EMPHASIS = re.compile(r"\*([^*]+)\*")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str
    title: str


@dataclass(slots=True)
class Part:
    id: str
    """Its id, and the EPUB file's stem."""
    title: str
    body: str
    """One XHTML `<section>` (or several)."""
    landmark: str | None = None
    """The EPUB landmark it is (`bodymatter`, `glossary`, `bibliography`), if any."""
    headings: list[Heading] = field(default_factory=list)
    """Headings inside the part, for the table of contents."""
    pages: list[int] = field(default_factory=list)
    """Printed pages that begin in this part, in reading order."""
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    """How parts and notes are laid out: one file per part (EPUB) or one document (PDF)."""

    file: Callable[[str], str]
    """Part id → the file holding it ("" when everything is one document)."""
    notes: Notes
    notices: Mapping[str, Callable[[Note], str]] = field(default_factory=lambda: MappingProxyType({}))
    """Wordings of notices for this format (see `render.xhtml.Target.notices`)."""


def citation(work: Work) -> str:
    """The printed work in the words of a reference list (plain text): what the pagination follows."""
    return _EMPHASIS.sub(r"\1", cite.chicago(work))


def _described(work: Work) -> str:
    """The work in a sentence: "<i>Title</i> by Author (Place: Publisher, Year)", not a reference-list
    entry with the author's name inverted."""
    if work.kind == "article":
        title = f"“{text(work.title)}”"
        if work.container:
            imprint = f"<i>{text(work.container)}</i>" + (f", {work.year}" if work.year else "")
        else:
            imprint = "unpublished manuscript" + (f", {work.year}" if work.year else "")
    else:
        title = f"<i>{text(work.title)}</i>"
        published = ", ".join(text(p) for p in (work.publisher, str(work.year) if work.year else None) if p)
        imprint = f"{text(work.place)}: {published}" if work.place and published else published
    return f"{title} by {text(work.author)}" + (f" ({imprint})" if imprint else "")


def plain_heading(value: str) -> str:
    """A heading's text without note markers, for tables of contents and running heads."""
    return _MARKER.sub("", value)


def parts(work: Work, document: Document, apparatus: Apparatus, placement: Placement) -> list[Part]:
    """The parts of the edition in reading order."""
    keys = included(document, work, apparatus)
    sections = {s.id: s for s in document.sections}

    def entry_href(kind: AnnotationKind, key: str) -> str | None:
        if key not in keys[kind]:
            return None
        return f"{placement.file(PARTS[kind].part)}#{entry_id(kind, key)}"

    def target_href(target: str) -> str:
        section = section_of(target)
        return f"{placement.file(section if section in sections else 'title')}#{target}"

    entries = {kind: {key: str(entry_href(kind, key)) for key in found} for kind, found in keys.items()}
    writer = Writer(document, Target(entries, placement.notes, notices=placement.notices))
    out = [_title_part(work, document, writer), *(_chapter(section, writer) for section in document.sections)]
    glossary, bibliography = apparatus.glossary, apparatus.bibliography
    if glossary is not None:
        makers = (
            (AnnotationKind.TERM, terms_part),
            (AnnotationKind.FACTION, factions_part),
            (AnnotationKind.PERSON, persons_part),
        )
        for kind, make in makers:
            if keys[kind]:
                kind_part = PARTS[kind]
                out.append(
                    Part(kind_part.part, kind_part.title, make(glossary, keys[kind], entry_href), "glossary")
                )
    if bibliography is not None and keys[AnnotationKind.CITE]:
        kind_part = PARTS[AnnotationKind.CITE]
        body = bibliography_part(bibliography, work, document, keys[AnnotationKind.CITE], target_href)
        out.append(Part(kind_part.part, kind_part.title, body, "bibliography"))
    for part in out:
        part.pages = [int(n) for n in _PAGE_ID.findall(part.body)]
    return out


def _chapter(section: Section, writer: Writer) -> Part:
    heading = section_heading(section)
    headings = [
        Heading(block.level or 2, block.id, plain_heading(block.text))
        for block in section.blocks
        if block.kind is BlockKind.HEADING
    ]
    body = "\n".join(
        [
            (
                f'<section class="chapter" epub:type="chapter" role="doc-chapter" id="{section.id}" '
                f'aria-labelledby="{section.id}-title" data-label="{attr(section.label)}">'
            ),
            f'<h1 id="{section.id}-title">{text(heading)}</h1>',
            writer.section_body(section),
            "</section>",
        ]
    )
    return Part(section.id, heading, body, None, headings)


def _front_pages(document: Document) -> list[int]:
    """Printed pages that begin before the first section (an article's title page)."""
    if not document.sections:
        return [page.number for page in document.pages]
    first = document.sections[0].lines.first
    return [page.number for page in document.pages if page.line < first]


def _title_part(work: Work, document: Document, writer: Writer) -> Part:
    imprint = ", ".join(p for p in (work.publisher, str(work.year) if work.year else None) if p)
    if work.place and work.publisher:
        imprint = f"{work.place}: {imprint}"
    lines = [
        '<section class="titlepage" epub:type="titlepage" id="titlepage" aria-labelledby="title">',
        writer.pages(_front_pages(document)),
        f'<h1 id="title" class="title">{text(work.title)}</h1>',
        f'<p class="author">{text(work.author)}</p>',
    ]
    if imprint:
        lines.append(f'<p class="imprint">{text(imprint)}</p>')
    lines.append("</section>")
    if document.front.abstract:
        abstract = writer.inline(None, document.front.abstract, ABSTRACT_TARGET, [])
        lines += [
            (
                f'<section class="abstract" epub:type="abstract" role="doc-abstract" id="{ABSTRACT_TARGET}" '
                f'aria-labelledby="{ABSTRACT_TARGET}-title">'
            ),
            f'<h2 id="{ABSTRACT_TARGET}-title">Abstract</h2>',
            f"<p>{abstract}</p>",
            "</section>",
        ]
    lines.append(_colophon(work, document))
    return Part("title", work.title, "\n".join(lines), "titlepage")


def _colophon(work: Work, document: Document) -> str:
    notes = document.notes()
    missing = sum(1 for n in notes if n.status is NoteStatus.MISSING)
    cut = sum(1 for n in notes if n.status is NoteStatus.TRUNCATED)
    sample = (
        "<p>The text is a sample written by the apparat editors to exercise the edition; it is not a "
        "historical work.</p>"
        if work.sample
        else ""
    )
    pages = document.pages
    span = f"pp. {pages[0].number}–{pages[-1].number}" if pages else "no printed pages"
    return "\n".join(
        [
            '<section class="colophon" epub:type="colophon" id="colophon" aria-labelledby="colophon-title">',
            '<h2 id="colophon-title">About this edition</h2>',
            (
                f"<p>This edition gives the text of {_described(work)}. Its printed pages ({span}) are "
                "kept: each page of the original is marked where it begins (in the margin of the print edition, "
                "in the page list of the EPUB).</p>"
            ),
            (
                f"<p>The {len(notes):,} notes keep their printed numbers, chapter by chapter. The text of {missing:,} "
                f"of them is missing from the source extraction and {cut} break off early; each is shown where "
                "it belongs, with its marker, and says so.</p>"
            ),
            (
                "<p>The glossaries, the register of persons and the bibliography are the editors’ own work. The "
                f"edition was made from a text extraction of the work by apparat {text(__version__)}.</p>"
            ),
            sample,
            "</section>",
        ]
    )
