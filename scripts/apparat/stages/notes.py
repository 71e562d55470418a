"""Assemble the notes of each section: one note per number, joined across lines and pages.

A note whose text the extraction lost is kept as `missing` (its marker stays in the body); a note that
stops mid-sentence is `truncated`. Nothing is invented: only lines tagged as note lines become note text.
"""

from __future__ import annotations

from apparat.diagnostics import Code
from apparat.model import Note, NoteStatus, PageRange, Role, Span
from apparat.stages._lines import PageIndex, section_ranges
from apparat.stages.hyphenation import Lexicon, join_lines
from apparat.state import State

_ENDINGS = (".", "?", "!", ")", "’", "”", "]", ";")


def build_notes(state: State) -> None:
    lexicon = _lexicon(state)
    pages = PageIndex(state)
    for section, (start, end) in zip(state.sections, section_ranges(state), strict=True):
        pieces: dict[int, list[tuple[int, str]]] = {}
        origin_of: dict[int, int] = {}
        current: int | None = None
        for index in range(start, end):
            if state.roles[index] is not Role.NOTE:
                continue
            if index in state.note_starts:
                current = state.note_starts[index]
                origin_of[current] = index
                pieces[current] = [(index, state.lines[index][state.note_text_start[index] :])]
            elif index in state.continued:
                current = state.note_starts[state.continued[index]]
                pieces[current].append((index, state.lines[index]))
            elif current is not None:
                pieces[current].append((index, state.lines[index]))
            else:
                state.reporter.error(Code.LAYOUT_UNPLACED, index + 1, "expected a note number, found note text")
        marker_lines = {m.n: i for i, ms in state.markers.items() if start <= i < end for m in ms}
        highest = max([*marker_lines, *pieces], default=0)
        notes = []
        for n in range(1, highest + 1):
            if n not in pieces:
                notes.append(Note(n, NoteStatus.MISSING, None, None, None, marker_lines.get(n)))
                continue
            text, _ = join_lines(state, pieces[n], lexicon)
            first, last = pieces[n][0][0], pieces[n][-1][0]
            truncated = not text.rstrip().endswith(_ENDINGS)
            status = NoteStatus.TRUNCATED if truncated else NoteStatus.PRESENT
            continued = any(i in state.continued for i, _ in pieces[n]) or pages.page_of(first) != pages.page_of(last)
            notes.append(
                Note(n, status, text, Span(first + 1, last + 1), PageRange(pages.page_of(first), pages.page_of(last)),
                     marker_lines.get(n), continued)
            )
            if n not in marker_lines:
                state.reporter.warn(Code.NOTES_ORPHAN, first + 1, f"expected a marker for note {n}, found none")
        state.notes[section.id] = notes


def _lexicon(state: State) -> Lexicon:
    lexicon = state.cache.get("lexicon")
    if not isinstance(lexicon, Lexicon):
        lexicon = state.cache["lexicon"] = Lexicon.build(state.lines)
    return lexicon
