"""Assemble the notes of each section: one note per number, joined across lines and pages.

A note whose text the extraction lost is kept as `missing` (its marker stays in the body); a note that
stops mid-sentence is `truncated`. Nothing is invented: only lines tagged as note lines become note text.

A note's rest continued at the top of the next page's notes (a *tail*: note text before any note number)
belongs to the note that ran over, which is the last note *referenced in the body* of the previous page
(notes are printed on the page of their marker, and only the last one can run over):

* if that note's text began on the previous page and is the last printed there, the tail is joined to it
  (`continued`);
* if that note's text is missing, the tail is its end, whose start was lost with it: status `start-lost`;
* otherwise (no marker on the previous page, or its last note ended there) no note can be shown to own the
  tail: it stays where it is as an orphan `Fragment` of its page.

Where the profile finds that the text inside a page's notes resumes after lines the extraction lost
(`State.resumes`), the note above breaks off there and the text from that line on is an orphan `Fragment`
too: the lost lines may have held the end of that note, or the numbers and starts of others.

In every case the evidence is recorded, and a tail is never appended to a note that ended on an earlier
page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apparat.diagnostics import Code
from apparat.model import Fragment, Note, NoteStatus, PageRange, Role, Span
from apparat.stages._lines import PageIndex, section_ranges
from apparat.stages.hyphenation import Lexicon, join_lines, prefetch
from apparat.state import State

_ENDINGS = (".", "?", "!", ")", "’", "”", "]", ";")

Key = tuple[int, int]
"""(scope, note number): the scope is the section in books (numbers restart per chapter), 0 in articles."""


@dataclass(slots=True)
class _Tail:
    lines: list[tuple[int, str]] = field(default_factory=list)
    after: str = ""
    """For text resuming after a gap: what is printed above it (`note 12`, `a fragment`)."""


def build_notes(state: State) -> None:
    lexicon = _lexicon(state)
    pages = PageIndex(state)
    ranges = section_ranges(state)
    per_section = state.profile != "article"  # books number notes per chapter, articles through the work

    def scope(index: int) -> int:
        if not per_section:
            return 0
        return _section_of(ranges, index)

    pieces: dict[Key, list[tuple[int, str]]] = {}
    tails: list[_Tail] = []
    resumed: list[_Tail] = []
    current: list[tuple[int, str]] | None = None
    last_number: int | None = None
    for index, role in enumerate(state.roles):
        if role is not Role.NOTE:
            continue
        if index in state.note_starts:
            last_number = state.note_starts[index]
            current = pieces[(scope(index), last_number)] = []
            current.append((index, state.lines[index][state.note_text_start[index] :]))
        elif index in state.tails:
            if tails and current is tails[-1].lines and current[-1][0] == _previous_note_line(state, index):
                current.append((index, state.lines[index]))
            else:
                tails.append(_Tail())
                current = tails[-1].lines
                current.append((index, state.lines[index]))
        elif index in state.resumes:
            above = "a fragment" if resumed and current is resumed[-1].lines else f"note {last_number}"
            resumed.append(_Tail(after=above if current is not None else "no note"))
            current = resumed[-1].lines
            current.append((index, state.lines[index]))
        elif current is not None:
            current.append((index, state.lines[index]))
        else:
            state.reporter.error(Code.LAYOUT_UNPLACED, index + 1, "expected a note number, found note text")
    markers: dict[Key, int] = {}
    home: dict[Key, int] = {}  # note → section that calls it
    last_on_page: dict[int, Key] = {}  # printed page → the last note referenced in its body
    for k, (a, b) in enumerate(ranges):
        for i in range(a, b):
            for marker in state.markers.get(i, []):
                key = (k if per_section else 0, marker.n)
                markers[key] = i
                home[key] = k
                last_on_page[pages.page_of(i)] = key
    for key, lines in pieces.items():
        if key not in markers:
            home[key] = _section_of(ranges, lines[0][0])
            state.reporter.warn(
                Code.NOTES_ORPHAN, lines[0][0] + 1, f"expected a marker for note {key[1]}, found none"
            )
    evidence: dict[Key, str] = {}
    start_lost: dict[Key, list[tuple[int, str]]] = {}
    fragments: dict[int, list[Fragment]] = {}
    for tail in tails:
        first = tail.lines[0][0]
        page = pages.page_of(first)
        owner = last_on_page.get(page - 1)
        found = _owner(state, pages, pieces, owner, page)
        if found == "continues" and owner is not None:
            pieces[owner].extend(tail.lines)
            evidence[owner] = (
                f"continued on p. {page} (line {first + 1}): the last note referenced on p. {page - 1}"
            )
        elif found == "start-lost" and owner is not None:
            start_lost[owner] = tail.lines
            evidence[owner] = (
                f"only its end survives, at the top of the notes of p. {page} (line {first + 1}): it is the "
                f"last note referenced on p. {page - 1}, and its start is missing there"
            )
            _mark_fragment(state, tail)
        else:
            text, _ = join_lines(state, tail.lines, lexicon)
            fragments.setdefault(_section_of(ranges, first), []).append(
                Fragment(text, Span(first + 1, tail.lines[-1][0] + 1), page, found)
            )
            _mark_fragment(state, tail)
    for gap in resumed:
        first = gap.lines[0][0]
        page = pages.page_of(first)
        text, _ = join_lines(state, gap.lines, lexicon)
        fragments.setdefault(_section_of(ranges, first), []).append(
            Fragment(
                text,
                Span(first + 1, gap.lines[-1][0] + 1),
                page,
                f"the notes of p. {page} resume at line {first + 1} after lines the extraction lost: the "
                f"text does not go on from {gap.after} above it, and no note can be shown to own it",
            )
        )
        _mark_fragment(state, gap)
    for fragment_list in fragments.values():
        fragment_list.sort(key=lambda f: f.lines.first)
    for k, section in enumerate(state.sections):
        keys = sorted(key for key, owner in home.items() if owner == k)
        if per_section and keys:  # every number up to the chapter's highest, so a lost marker still shows
            keys = [(k, n) for n in range(1, keys[-1][1] + 1)]
        notes = []
        for key in keys:
            n = key[1]
            assembled = pieces.get(key) or start_lost.get(key)
            if assembled is None:
                notes.append(Note(n, NoteStatus.MISSING, None, None, None, _line(markers.get(key))))
                continue
            lines = assembled
            text, _ = join_lines(state, lines, lexicon)
            first, last = lines[0][0], lines[-1][0]
            if key in start_lost:
                status = NoteStatus.START_LOST
            elif text.rstrip().endswith(_ENDINGS):
                status = NoteStatus.PRESENT
            else:
                status = NoteStatus.TRUNCATED
            continued = key in pieces and pages.page_of(first) != pages.page_of(last)
            notes.append(
                Note(
                    n,
                    status,
                    text,
                    Span(first + 1, last + 1),
                    PageRange(pages.page_of(first), pages.page_of(last)),
                    _line(markers.get(key)),
                    continued,
                    evidence.get(key),
                )
            )
        state.notes[section.id] = notes
        state.fragments[section.id] = fragments.get(k, [])


def _owner(
    state: State, pages: PageIndex, pieces: dict[Key, list[tuple[int, str]]], owner: Key | None, page: int
) -> str:
    """'continues', 'start-lost', or (for an orphan) the evidence why no note can own a tail on `page`."""
    if owner is None:
        return (
            f"no note is referenced in the body of p. {page - 1}, so no note can have run over to p. {page}"
        )
    if owner not in pieces:
        return "start-lost"
    started = pieces[owner][0][0]
    if pages.page_of(started) != page - 1:
        return (
            f"note {owner[1]}, the last referenced on p. {page - 1}, is printed on p. {pages.page_of(started)}; "
            "a note runs over only from its own page"
        )
    later = [
        lines for lines in pieces.values() if lines[0][0] > started and pages.page_of(lines[0][0]) == page - 1
    ]
    if later:
        return (
            f"note {owner[1]}, the last referenced on p. {page - 1}, is not the last printed there; "
            "only the last note of a page can run over"
        )
    return "continues"


def _previous_note_line(state: State, index: int) -> int:
    """The note line before `index` (skipping the blank lines of double spacing)."""
    for i in range(index - 1, -1, -1):
        if state.roles[i] is Role.NOTE or state.roles[i] is Role.NOTE_FRAGMENT:
            return i
        if state.roles[i] is not Role.BLANK:
            return -1
    return -1


def _mark_fragment(state: State, tail: _Tail) -> None:
    """The ledger shows the lines of a note's surviving end (or an orphan) with their own role."""
    for index, _ in tail.lines:
        state.set_role(index, Role.NOTE_FRAGMENT)


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
