"""Assemble the notes of each section: one note per number, joined across lines and pages.

A note whose text the extraction lost is kept as `missing` (its marker stays in the body); a note that
stops mid-sentence is `truncated`. Nothing is invented: only lines tagged as note lines become note text.
"""

from __future__ import annotations

from apparat.diagnostics import Code
from apparat.model import Note, NoteStatus, PageRange, Role, Span
from apparat.stages._lines import PageIndex, section_ranges
from apparat.stages.hyphenation import Lexicon, join_lines, prefetch
from apparat.state import State

_ENDINGS = (".", "?", "!", ")", "’", "”", "]", ";")


def build_notes(state: State) -> None:
    lexicon = _lexicon(state)
    pages = PageIndex(state)
    ranges = section_ranges(state)
    per_section = state.profile != "article"  # books number notes per chapter, articles through the work

    def scope(index: int) -> int:
        if not per_section:
            return 0
        return _section_of(ranges, index)

    pieces: dict[tuple[int, int], list[tuple[int, str]]] = {}
    current: tuple[int, int] | None = None
    for index, role in enumerate(state.roles):
        if role is not Role.NOTE:
            continue
        if index in state.note_starts:
            current = (scope(index), state.note_starts[index])
            pieces[current] = [(index, state.lines[index][state.note_text_start[index] :])]
        elif index in state.continued:
            current = (scope(index), state.note_starts[state.continued[index]])
            pieces[current].append((index, state.lines[index]))
        elif current is not None:
            pieces[current].append((index, state.lines[index]))
        else:
            state.reporter.error(Code.LAYOUT_UNPLACED, index + 1, "expected a note number, found note text")
    markers: dict[tuple[int, int], int] = {}
    home: dict[tuple[int, int], int] = {}  # note → section that calls it
    for k, (a, b) in enumerate(ranges):
        for i in range(a, b):
            for marker in state.markers.get(i, []):
                key = (k if per_section else 0, marker.n)
                markers[key] = i
                home[key] = k
    for key, lines in pieces.items():
        if key not in markers:
            home[key] = _section_of(ranges, lines[0][0])
            state.reporter.warn(
                Code.NOTES_ORPHAN, lines[0][0] + 1, f"expected a marker for note {key[1]}, found none"
            )
    for k, section in enumerate(state.sections):
        keys = sorted(key for key, owner in home.items() if owner == k)
        if per_section and keys:  # every number up to the chapter's highest, so a lost marker still shows
            keys = [(k, n) for n in range(1, keys[-1][1] + 1)]
        notes = []
        for key in keys:
            n = key[1]
            if key not in pieces:
                notes.append(Note(n, NoteStatus.MISSING, None, None, None, _line(markers.get(key))))
                continue
            text, _ = join_lines(state, pieces[key], lexicon)
            first, last = pieces[key][0][0], pieces[key][-1][0]
            status = NoteStatus.PRESENT if text.rstrip().endswith(_ENDINGS) else NoteStatus.TRUNCATED
            continued = any(i in state.continued for i, _ in pieces[key]) or pages.page_of(
                first
            ) != pages.page_of(last)
            notes.append(
                Note(
                    n,
                    status,
                    text,
                    Span(first + 1, last + 1),
                    PageRange(pages.page_of(first), pages.page_of(last)),
                    _line(markers.get(key)),
                    continued,
                )
            )
        state.notes[section.id] = notes


def _section_of(ranges: list[tuple[int, int]], index: int) -> int:
    """The section holding line `index`; a line before the first section (a damaged source's front
    matter) belongs to the first, so an orphan note there is still reported, never a crash."""
    return max((k for k, (a, _) in enumerate(ranges) if a <= index), default=0)


def _line(index: int | None) -> int | None:
    return None if index is None else index + 1


def _lexicon(state: State) -> Lexicon:
    lexicon = state.cache.get("lexicon")
    if not isinstance(lexicon, Lexicon):
        lexicon = state.cache["lexicon"] = Lexicon.build(state.lines, state.roles, state.forms)
        prefetch(state, lexicon)
    return lexicon
