"""The document model: what a converted work is, independent of how it was laid out or will be published.

The model imports no stage and no renderer. Every node carries the source lines it came from, so any later
step can report `file:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

NOTE_MARKER = re.compile(r"\[\^(\d+)\]")
"""A note marker in a block's or note's text: `[^N]`, N the printed number, where the marker stood."""


@dataclass(frozen=True, slots=True)
class Span:
    """First and last source line (1-based, inclusive)."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class PageRange:
    """First and last printed page number."""

    first: int
    last: int


class Role(StrEnum):
    """What a source line is. Every line of a source gets exactly one role (the ledger)."""

    BODY = "body"
    HEADING = "heading"
    QUOTE = "quote"
    NOTE = "note"
    NOTE_FRAGMENT = "note-fragment"
    """The rest of a note continued from the previous page whose start the extraction lost."""
    TITLE = "title"
    BYLINE = "byline"
    ABSTRACT = "abstract"
    RUNNING_HEAD = "running-head"
    PAGE_NUMBER = "page-number"
    SEPARATOR = "separator"
    CONTINUATION_MARK = "continuation-mark"
    BLANK = "blank"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"


class NoteStatus(StrEnum):
    PRESENT = "present"
    MISSING = "missing"
    TRUNCATED = "truncated"
    START_LOST = "start-lost"
    """Only the note's end survives (continued onto the next page; its start was lost with the page's
    notes): `text` is that end."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A printed page that begins inside a block: `offset` is the character position in the block's text."""

    offset: int
    page: int
    line: int


def block_id(section_id: str, first_line: int) -> str:
    """A block's id: its section and the source line it begins on (`ch03-l4521`).

    Ids are published anchors that readers cite. Numbering blocks by their order (`ch03-b042`, the first release)
    gave a cited id to another passage whenever the converter split or joined a block before it; a block's
    first source line stays its own when blocks around it are re-segmented, and no other passage can begin
    there. See docs/anchors.md.
    """
    return f"{section_id}-l{first_line}"


_TARGET = re.compile(r"^(?P<section>.+)-(?:l\d+|b\d{3,}|n\d+|f\d+)$")


def section_of(target: str) -> str:
    """The section id of a block id (`ch03-l4521`, or `ch03-b042` of earlier releases), a note id
    (`ch03-n57`) or an orphan note fragment's id (`ch03-f4530`, `Fragment.target`); any other target is
    returned as it is."""
    found = _TARGET.match(target)
    return found["section"] if found else target


@dataclass(slots=True)
class Block:
    """A heading, paragraph or block quotation of the reading text."""

    id: str
    """`block_id(section, first source line)`: stable when blocks around it are split or joined."""
    kind: BlockKind
    text: str
    """The text, joined across lines and pages, with each note marker as `[^N]` (`NOTE_MARKER`)."""
    lines: Span
    pages: PageRange
    level: int | None = None
    number: str | None = None
    page_breaks: list[PageBreak] = field(default_factory=list)
    """Pages that begin inside this block (not at its start)."""


@dataclass(slots=True)
class Note:
    """A footnote. `text` is None when the extraction lost it; the marker in the body is kept all the same."""

    n: int
    status: NoteStatus
    text: str | None
    lines: Span | None
    pages: PageRange | None
    marker_line: int | None = None
    """Source line of the marker that calls this note (None if no marker was found)."""
    continued: bool = False
    """True when the note runs over onto the next page and was joined."""
    evidence: str | None = None
    """Why a continued part was given to this note (None for a note found whole under its number)."""


@dataclass(slots=True)
class Fragment:
    """Note text that no note can be shown to own: at the top of a page's notes, continued from the
    previous page, or inside them, where the text resumes after lines the extraction lost. Kept on its own
    page, never appended to a guess."""

    text: str
    lines: Span
    page: int
    evidence: str

    def target(self, section_id: str) -> str:
        """Its annotation target and anchor: `<section>-f<first source line>`, stable while the source is."""
        return f"{section_id}-f{self.lines.first}"


@dataclass(slots=True)
class Section:
    """A chapter (book) or top-level part (article)."""

    id: str
    label: str
    title: str
    lines: Span
    pages: PageRange
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    """Orphan note fragments on this section's pages (see `Fragment`)."""


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    line: int
    """First source line of the page."""


@dataclass(frozen=True, slots=True)
class HyphenDecision:
    """What was done where a line ends inside a word or a range, and why."""

    line: int
    left: str
    right: str
    decision: str
    """'join' (a word broken at the line end) or 'keep' (a real hyphen: compound or range)."""
    result: str
    evidence: str
    kind: str = "hyphen"
    """'hyphen' (the line ends in a hyphen), 'dash' (in an en dash between figures: a range, closed up) or
    'lost' (in a word whose hyphen the extraction lost: `pos` + `sibility`)."""


class AnnotationKind(StrEnum):
    TERM = "term"
    FACTION = "faction"
    PERSON = "person"
    CITE = "cite"
    EMPHASIS = "emphasis"
    """Italics the extraction lost: a title of a work or a foreign word (see `Evidence`)."""


class Evidence(StrEnum):
    """Why a span is set in italics (an `EMPHASIS` annotation). The key names the entry that says so."""

    TITLE_CITED = "title-cited"
    """A book's or journal's title from bibliography.bib inside a citation of that entry (key: BibTeX key)."""
    TITLE_NEAR = "title-near"
    """Such a title in a paragraph or note that cites its entry elsewhere (key: BibTeX key)."""
    TITLE = "title"
    """Such a title standing alone: long and capitalised enough not to be an ordinary phrase (key: BibTeX key)."""
    PERIODICAL = "periodical"
    """The name of a journal or newspaper of bibliography.bib (key: BibTeX key of an entry in it)."""
    GLOSSARY_TITLE = "glossary-title"
    """A Russian title of a work or periodical that the glossary lists (key: term key)."""
    TERM = "term"
    """A transliterated Russian glossary term, linked at this span (key: term key)."""
    FOREIGN = "foreign"
    """A form of a glossary term where it is not linked, e.g. inside a citation (key: term key)."""


ABSTRACT_TARGET = "abstract"
"""The annotation target of the front matter's abstract (shown on the work's overview page, anchor `#abstract`)."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A span of a block's or note's text that refers to an editorial entry (glossary, register, bibliography).

    Annotations never change the text; renderers wrap the span. `target` is a block id or a note id
    (`<section id>-n<N>`); `start`/`end` are character offsets into that text.
    """

    kind: AnnotationKind
    key: str
    """Entry id (glossary lemma slug, faction slug, person slug) or BibTeX key."""
    target: str
    start: int
    end: int
    locator: str | None = None
    """For citations: the page locator as printed ("p. 12", "pp. 4–15")."""
    evidence: Evidence | None = None
    """For emphasis: why the span is italic."""


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's correction of the source extraction, applied to one source line before conversion."""

    line: int
    find: str
    replace: str
    reason: str
    origin: str
    """Where the correction was declared: `content/data/corrections.yml:12`."""


@dataclass(slots=True)
class Front:
    """Front matter found in the source (article title page)."""

    title: str | None = None
    author: str | None = None
    abstract: str | None = None
    lines: Span | None = None


@dataclass(slots=True)
class Document:
    """One converted work."""

    work: str
    source: str
    profile: str
    line_count: int
    front: Front
    sections: list[Section]
    pages: list[Page]
    roles: list[Role]
    """Role of every source line; index 0 is line 1."""
    hyphenation: list[HyphenDecision]
    annotations: list[Annotation] = field(default_factory=list)
    """Filled by the annotation stages, after conversion; empty in a bare model."""
    corrections: list[Correction] = field(default_factory=list)
    """Editorial corrections applied to the source lines (content/data/corrections.yml)."""

    def notes(self) -> list[Note]:
        return [note for section in self.sections for note in section.notes]

    def blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]
