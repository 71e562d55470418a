"""The one state that the conversion stages read and write, in order (see `pipeline.py`).

A profile fills the layout facts (roles of lines, page starts, note starts, headings, quotations); the
layout-independent stages then build notes, blocks, hyphenation decisions and sections from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from apparat.diagnostics import Reporter
from apparat.model import Block, Fragment, Front, HyphenDecision, Note, Page, Role, Section
from apparat.source import SourceText


@dataclass(frozen=True, slots=True)
class Marker:
    """A note marker found in a body line: characters [start, end) of the line, calling note `n`."""

    line: int
    start: int
    end: int
    n: int


@dataclass(frozen=True, slots=True)
class PageStart:
    index: int
    """0-based index of the first line of the page."""
    number: int
    evidence: str
    """Why a page begins here: 'opening', 'running-head', 'page-number', 'after-notes', 'indent', ..."""


@dataclass(frozen=True, slots=True)
class SectionStart:
    index: int
    """0-based index of the section's first line (its label or title line)."""
    id: str
    label: str
    title: str


@dataclass(frozen=True, slots=True)
class Heading:
    index: int
    level: int
    number: str | None
    title: str


@dataclass(slots=True)
class State:
    source: SourceText
    work: str
    profile: str
    reporter: Reporter
    roles: list[Role | None] = field(default_factory=list)
    front: Front = field(default_factory=Front)
    sections: list[SectionStart] = field(default_factory=list)
    pages: list[PageStart] = field(default_factory=list)
    markers: dict[int, list[Marker]] = field(default_factory=dict)
    """Markers by line index."""
    note_starts: dict[int, int] = field(default_factory=dict)
    """Line index → note number, for each line where a note text begins."""
    note_text_start: dict[int, int] = field(default_factory=dict)
    """Line index → column where the note text begins (after its number)."""
    tails: set[int] = field(default_factory=set)
    """Line indexes of note text continued from the previous page (the rest of a note, at the top of a
    page's notes, before any note number). The notes stage decides which note, if any, it belongs to."""
    resumes: set[int] = field(default_factory=set)
    """Line indexes inside a page's notes where the text resumes after lines the extraction lost (the
    profile knows the cue): the note text before such a line does not go on in it. The notes stage keeps
    the text from there as an orphan fragment."""
    headings: dict[int, Heading] = field(default_factory=dict)
    spacing: set[int] = field(default_factory=set)
    """Blank lines that are only line spacing (a double-spaced manuscript), not paragraph breaks."""
    hyphen_default: str = "join"
    """What a line-end hyphen with no evidence becomes: 'join' in typeset books (the typesetter broke the
    word), 'keep' in manuscripts (authors type real hyphens)."""
    typed_hyphens: set[int] = field(default_factory=set)
    """Line indexes whose line-end hyphen the layout marks as typed, not inserted at a break (see the
    profile)."""
    forms: Callable[[], frozenset[str]] = frozenset
    """The work's glossary forms (transliterated Russian words), derived only when a decision asks."""
    quotes: set[int] = field(default_factory=set)
    """Line indexes of block-quotation lines."""
    # Built by the layout-independent stages:
    notes: dict[str, list[Note]] = field(default_factory=dict)
    fragments: dict[str, list[Fragment]] = field(default_factory=dict)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    hyphenation: list[HyphenDecision] = field(default_factory=list)
    built: list[Section] = field(default_factory=list)
    page_list: list[Page] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)
    """Values computed once and shared by stages (the work's lexicon)."""

    @property
    def lines(self) -> list[str]:
        return self.source.lines

    def set_role(self, index: int, role: Role) -> None:
        self.roles[index] = role
