"""The model as Markdown chapters: one file per section, `content/<work>/NN-slug.md`.

Block kinds are rendered through `RENDERERS`, a read-only table from kind to function; annotations through
`render.inline.RENDERERS`. The output is plain Markdown (CommonMark + attribute lists + md_in_html) with a
little inline HTML, so any generator that reads Python-Markdown's dialect can publish it. Note references
and the notes list are HTML written by `render.notes` with the printed numbers (not Markdown footnotes,
whose extension numbers notes in its own order).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from apparat.model import NOTE_MARKER, Annotation, Block, BlockKind, Document, Note, Section
from apparat.render import notes, spans
from apparat.render.inline import RENDERERS as INLINE
from apparat.render.pages import opening_pages
from apparat.works import Work

_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_LIST_START = re.compile(r"^(\d+)([.)])(\s)")
_BLOCK_START = re.compile(r"^([#>+\-=~]|\s)")


@dataclass(frozen=True, slots=True)
class ChapterFile:
    section_id: str
    path: Path
    title: str
    label: str
    first_page: int
    last_page: int


@dataclass(frozen=True, slots=True)
class Context:
    """What a block renderer may need besides the block: its annotations and the page markers it opens."""

    annotations: Mapping[str, list[Annotation]]
    opening_pages: Mapping[str, list[int]]
    """Block id → printed pages that begin with this block (a marker is put before its text)."""


BlockRender = Callable[[Block, Context], str]


def page_marker(page: int) -> str:
    """Where printed page `page` begins: an anchor `#p<page>` the reader can cite."""
    return f'<span class="pb" id="p{page}" data-page="{page}"></span>'


def escape(text: str) -> str:
    """Escape Markdown syntax in reading text; a note marker `[^N]` becomes the reference to note N with
    its printed number (a second reference to the same note is renamed by `render_section`)."""
    out = []
    cursor = 0
    for match in NOTE_MARKER.finditer(text):
        out.append(_escape_plain(text[cursor : match.start()]))
        out.append(notes.reference_html(int(match.group(1))))
        cursor = match.end()
    out.append(_escape_plain(text[cursor:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text).replace("&", "&amp;")


def inline(text: str, annotations: list[Annotation], breaks: list[tuple[int, int]] | None = None) -> str:
    """Text with its annotated spans wrapped (links through `render.inline.RENDERERS`, emphasis as `<em>`),
    its note markers as references and page markers at their offsets, nested by `render.spans`."""
    out: list[list[str]] = [[]]  # the markup so far, one list per open span: a link's renderer gets its text
    for event in spans.events(text, annotations, breaks or []):
        match event:
            case spans.Text(value):
                out[-1].append(_escape_plain(value))
            case spans.NoteCall(n):
                out[-1].append(notes.reference_html(n))
            case spans.Page(page):
                out[-1].append(page_marker(page))
            case spans.Open():
                out.append([])
            case spans.Close(annotation):
                inner = "".join(out.pop())
                if spans.is_emphasis(annotation):
                    out[-1].append(f"<em>{inner}</em>")
                else:
                    out[-1].append(INLINE[annotation.kind](annotation, inner))
    return _LIST_START.sub(r"\1\\\2\3", "".join(out[0]))


def _opening(block: Block, context: Context) -> str:
    return "".join(page_marker(page) for page in context.opening_pages.get(block.id, []))


def render_heading(block: Block, context: Context) -> str:
    level = min((block.level or 2), 6)
    text = inline(block.text, context.annotations.get(block.id, []))
    # The marker of a page that begins here goes inside the heading, so that its margin label stands beside
    # the heading's first line, not above it in an empty paragraph of its own.
    return f"{'#' * level} {_opening(block, context)}{text} {{ #{block.id} }}"


def render_paragraph(block: Block, context: Context) -> str:
    breaks = [(b.offset, b.page) for b in block.page_breaks]
    text = _opening(block, context) + inline(block.text, context.annotations.get(block.id, []), breaks)
    if _BLOCK_START.match(text):
        text = "\\" + text if not text[0].isspace() else text.lstrip()
    return f"{text}\n{{ #{block.id} }}"


def render_quote(block: Block, context: Context) -> str:
    paragraph = render_paragraph(block, context)
    return "\n".join(f"> {line}" for line in paragraph.split("\n"))


RENDERERS: Mapping[BlockKind, BlockRender] = MappingProxyType(
    {
        BlockKind.HEADING: render_heading,
        BlockKind.PARAGRAPH: render_paragraph,
        BlockKind.QUOTE: render_quote,
    }
)


def render_note(section: Section, note: Note, annotations: list[Annotation], references: int) -> str:
    """One entry of the notes list: printed number, notices by status (`render.notes`), return links."""
    shown = notes.parts(note)
    text = inline(shown.text, annotations) if shown.text is not None else ""
    return notes.item_html(note, notes.body_html(shown, text), references, markdown=True)


def render_notes(section: Section, by_target: Mapping[str, list[Annotation]], called: Counter[int]) -> str:
    """The page's notes under a "Notes" heading, numbered as printed (`called` counts each note's
    references), then the orphan fragments of its pages, each with its notice."""
    items = [
        render_note(section, note, by_target.get(f"{section.id}-n{note.n}", []), called[note.n])
        for note in section.notes
    ]
    out = f"## {notes.NOTES_HEADING} {{ #{notes.NOTES_ANCHOR} }}"
    if items:
        out += "\n\n" + notes.list_html(items, section.notes[0].n, markdown=True)
    for fragment in section.fragments:
        target = fragment.target(section.id)
        # the printed page it stands on, as in the EPUB and PDF: a section's notes span many pages
        body = f"(p.\u00a0{fragment.page}) " + inline(fragment.text, by_target.get(target, []))
        out += "\n\n" + notes.fragment_html(body, fragment.page, target, markdown=True)
    return out


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].rstrip("-") or "section"


def chapter_name(position: int, section: Section) -> str:
    return f"{position:02d}-{slug(section.title if section.id.startswith('ch') else section.label)}.md"


def render_section(document: Document, work: Work, section: Section) -> str:
    by_target: dict[str, list[Annotation]] = {}
    for annotation in document.annotations:
        by_target.setdefault(annotation.target, []).append(annotation)
    context = Context(by_target, opening_pages(document, section))
    meta = {
        "title": section.title,
        "work": work.id,
        "work_title": work.title,
        "author": work.author,
        "section": section.id,
        "label": section.label,
        "first_page": section.pages.first,
        "last_page": section.pages.last,
    }
    parts = ["---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---"]
    heading = section.title if section.label == section.title else f"{section.label}: {section.title}"
    parts.append(f"# {escape(heading)} {{ #{section.id} }}")
    parts.extend(RENDERERS[block.kind](block, context) for block in section.blocks)
    trailing = context.opening_pages.get("", [])
    if trailing:
        parts.append("".join(page_marker(p) for p in trailing))
    body, called = notes.number_references("\n\n".join(parts))
    if section.notes or section.fragments:
        body += "\n\n" + render_notes(section, by_target, called)
    return body + "\n"


def write_chapters(document: Document, work: Work, content_dir: Path) -> list[ChapterFile]:
    """Write one Markdown file per section into content_dir/<work id>/; returns what was written."""
    folder = content_dir / work.id
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    keep = set()
    for position, section in enumerate(document.sections, 1):
        name = chapter_name(position, section)
        path = folder / name
        text = render_section(document, work, section)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        keep.add(name)
        written.append(
            ChapterFile(
                section.id, path, section.title, section.label, section.pages.first, section.pages.last
            )
        )
    for stale in folder.glob("[0-9][0-9]-*.md"):
        if stale.name not in keep:
            stale.unlink()
    return written
