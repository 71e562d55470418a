"""The `article` layout: an author's double-spaced manuscript extracted to plain text.

What the extraction looks like (measured on the Gramsci–Bukharin manuscript; see docs/profiles.md):

* An empty line between every two text lines, in the body and inside a note. A line holding only a space
  separates paragraphs and headings.
* A title page: the title, the author, `Abstract` and the abstract, then the first heading
  (`Introduction: ...`). Top-level parts are `Part I` + a title of one or two lines, and `Conclusion`.
* Each page's notes follow a separator of 49 spaces; a line of 145 spaces instead opens the notes of a page
  whose first note text is the rest of the previous page's last note. Notes are numbered 1..N through the
  whole article (a few numbers are glued to their text: `26‘Conditions`).
* The first line of a page usually begins with one space; two page numbers survive as ` 18 ` lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from apparat.diagnostics import Code, fail
from apparat.model import Role
from apparat.profiles._pages import Candidate, choose_page_starts
from apparat.profiles._text import is_blank
from apparat.stages.markers import find_markers
from apparat.state import Heading, PageStart, SectionStart, State

SEPARATOR = 49
"""Width of the all-space line that opens a page's notes."""
CONTINUATION = 145
"""Width of the all-space line that opens notes continuing the previous page's last note."""
NOTE_START = re.compile(r"^ ?(\d{1,3}) ?(?=\S)")
PAGE_NUMBER = re.compile(r"^ (\d{1,3}) $")
PART = re.compile(r"^ ?Part ([IVX]+) ?$")
INTRODUCTION = re.compile(r"^ ?(Introduction)(?::\s*(.*?))? *$")
CONCLUSION = re.compile(r"^ ?(Conclusion) *$")
ABSTRACT = re.compile(r"^ ?Abstract ?$")
HEADING_MAX = 100
"""A heading line is at most this wide; body lines fill ~85–95 characters but end with punctuation."""
SHORT_PAGE = 8
"""Fewer text lines than this on a page (other than the last) makes a page start doubtful."""


def _is_space_only(line: str) -> bool:
    return line != "" and not line.strip() and len(line) < SEPARATOR


def _units(lines: list[str], start: int, end: int) -> list[list[int]]:
    """Groups of text lines between space-only lines and page furniture (double spacing ignored)."""
    units: list[list[int]] = []
    current: list[int] = []
    for index in range(start, end):
        line = lines[index]
        if line == "":
            continue
        if not line.strip() or PAGE_NUMBER.match(line):
            if current:
                units.append(current)
                current = []
            continue
        if line.startswith(" ") and current:  # a page's first line may be a heading: start a new unit
            units.append(current)
            current = []
        current.append(index)
    if current:
        units.append(current)
    return units


def front_matter(state: State) -> None:
    """Title, author and abstract: everything before the first heading (`Introduction`)."""
    lines = state.lines
    state.roles = [None] * len(lines)
    state.hyphen_default = "keep"
    intro = next((i for i, line in enumerate(lines) if INTRODUCTION.match(line)), None)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise fail(Code.SOURCE_EMPTY, state.source.path, 1, "the text of a work", "only blank lines")
    if intro is None:
        raise fail(
            Code.LAYOUT_PROFILE,
            state.source.path,
            first + 1,
            "an article manuscript with an 'Introduction' heading",
            repr(lines[first].strip()[:60]),
        )
    units = _units(lines, 0, intro)
    if not units:
        raise fail(
            Code.LAYOUT_PROFILE,
            state.source.path,
            intro + 1,
            "a title page before the 'Introduction' heading (an article manuscript)",
            f"{lines[intro].strip()[:60]!r} as the first line",
        )
    title_unit = units[0]
    state.front.title = " ".join(lines[i].strip() for i in title_unit)
    for i in title_unit:
        state.set_role(i, Role.TITLE)
    rest = units[1:]
    if rest and not ABSTRACT.match(lines[rest[0][0]]):
        state.front.author = " ".join(lines[i].strip() for i in rest[0])
        for i in rest[0]:
            state.set_role(i, Role.BYLINE)
        rest = rest[1:]
    abstract: list[str] = []
    for unit in rest:
        for i in unit:
            state.set_role(i, Role.ABSTRACT)
            if not ABSTRACT.match(lines[i]):
                abstract.append(lines[i])
    state.front.abstract = " ".join(" ".join(a.split()) for a in abstract) or None
    for i in range(intro):
        if state.roles[i] is None and is_blank(lines[i]):
            state.set_role(i, Role.BLANK)
    from apparat.model import Span  # local: only the front matter needs a bare span here

    state.front.lines = Span(first + 1, intro)
    state.pages.append(PageStart(first, 1, "opening"))
    state.cache["body_start"] = intro


def scan(state: State) -> None:
    """Tag body, notes and furniture; find markers, note starts, headings, sections and page-start cues."""
    lines = state.lines
    start: int = state.cache["body_start"]
    cues: list[Candidate] = []
    pins: list[PageStart] = []
    last_marker = last_note = 0
    in_notes = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line == "":
            state.set_role(index, Role.BLANK)
            state.spacing.add(index)
            continue
        if not line.strip():
            if len(line) == SEPARATOR:
                state.set_role(index, Role.SEPARATOR)
                in_notes = True
            elif len(line) == CONTINUATION:
                state.set_role(index, Role.CONTINUATION_MARK)
                in_notes = True
                state.cache.setdefault("continuations", []).append(index)
            else:
                state.set_role(index, Role.BLANK)
            continue
        page_number = PAGE_NUMBER.match(line)
        if page_number and int(page_number.group(1)) > 1:
            state.set_role(index, Role.PAGE_NUMBER)
            pins.append(PageStart(index, int(page_number.group(1)), "page-number"))
            in_notes = False
            continue
        note = NOTE_START.match(line)
        if note and last_note < int(note.group(1)) <= last_marker and (in_notes or line.startswith(" ")):
            state.note_starts[index] = int(note.group(1))
            state.note_text_start[index] = note.end()
            state.set_role(index, Role.NOTE)
            last_note, in_notes = int(note.group(1)), True
            continue
        if in_notes and (not line.startswith(" ") or _note_follows(lines, index, last_note, last_marker)):
            state.set_role(index, Role.NOTE)
            if _after_continuation_mark(state, index):
                state.tails.add(index)  # the rest of an earlier note: the notes stage finds which
            continue
        if line.startswith(" "):
            cues.append(Candidate(index, "after-notes" if in_notes else "indent"))
        in_notes = False
        state.set_role(index, Role.BODY)
        found = find_markers(line, index, last_marker + 1)
        if found:
            state.markers[index] = found
            last_marker = found[-1].n
    _headings(state, start)
    body = [1.0 if role in (Role.BODY, Role.HEADING, Role.NOTE) else 0.0 for role in state.roles]
    # The title page is a page of its own: a first heading set with a leading space opens page 2, however
    # short the title page is (it holds no body text, so the short-page rule would otherwise drop it).
    title_page_ends = {start} if lines[start].startswith(" ") and start > state.pages[0].index else set()
    state.pages = choose_page_starts(
        cues,
        pins,
        first_index=state.pages[0].index,
        first_number=1,
        body=body,
        short_page=SHORT_PAGE,
        openings=title_page_ends,
        reporter=state.reporter,
    )


def _note_follows(lines: list[str], index: int, last_note: int, last_marker: int) -> bool:
    """A line with a leading space inside the notes is still note text when the next note comes right after."""
    cursor = index + 1
    while cursor < len(lines) and lines[cursor] == "":
        cursor += 1
    match = NOTE_START.match(lines[cursor]) if cursor < len(lines) else None
    return match is not None and last_note < int(match.group(1)) <= last_marker


def _after_continuation_mark(state: State, index: int) -> bool:
    """True for the lines of a note's rest that follow a 145-space mark, up to the next note number."""
    for i in range(index - 1, -1, -1):
        role = state.roles[i]
        if role is Role.CONTINUATION_MARK:
            return True
        if i in state.note_starts or role in (Role.SEPARATOR, Role.BODY):
            return False
    return False


def _headings(state: State, start: int) -> None:
    """Headings are short units between space-only lines; Introduction, Part N and Conclusion open sections."""
    lines = state.lines
    units = _units(lines, start, len(lines))
    pending_part: tuple[int, str] | None = None
    part_titles: dict[int, list[int]] = {}  # a part's label line → the lines of the unit after it
    for unit in units:
        if any(state.roles[i] is not Role.BODY for i in unit):
            continue
        text = " ".join(lines[i].strip() for i in unit)
        if pending_part is not None:
            index, label = pending_part
            numeral = label.split()[1]
            state.sections.append(SectionStart(index, f"part-{_roman(numeral)}", label, text))
            part_titles[index] = unit
            for i in unit:
                state.set_role(i, Role.HEADING)
            pending_part = None
            continue
        first = unit[0]
        part, intro, conclusion = PART.match(text), INTRODUCTION.match(text), CONCLUSION.match(text)
        opener = bool(part or intro or conclusion)
        if not _looks_like_heading(lines, unit, text, opener):
            continue
        for i in unit:
            state.set_role(i, Role.HEADING)
            state.markers.pop(i, None)
        if part:
            pending_part = (first, f"Part {part.group(1)}")
        elif intro:
            state.sections.append(
                SectionStart(first, "introduction", "Introduction", intro.group(2) or "Introduction")
            )
        elif conclusion:
            state.sections.append(SectionStart(first, "conclusion", "Conclusion", "Conclusion"))
        else:
            state.headings[first] = Heading(first, 2, None, text)
            for i in unit[1:]:
                state.set_role(i, Role.HEADING)
    state.sections.sort(key=lambda section: section.index)
    _parts_with_sections(state, part_titles)
    if not state.sections:
        raise fail(Code.LAYOUT_PROFILE, state.source.path, start + 1, "an 'Introduction' heading", "none")


def _parts_with_sections(state: State, part_titles: dict[int, list[int]]) -> None:
    """A part with section headings of its own opens with its first section: the heading after `Part N`
    is that section's heading, at the level of its sister sections, and the part is titled by its label.
    (A part without sections is titled by the heading after its label.)"""
    ends = [s.index for s in state.sections[1:]] + [len(state.lines)]
    for k, (section, end) in enumerate(zip(state.sections, ends, strict=True)):
        unit = part_titles.get(section.index)
        if not unit or not any(unit[-1] < i < end for i in state.headings):
            continue
        text = " ".join(state.lines[i].strip() for i in unit)
        state.headings[unit[0]] = Heading(unit[0], 2, None, text)
        state.sections[k] = SectionStart(section.index, section.id, section.label, section.label)


def _looks_like_heading(lines: list[str], unit: list[int], text: str, opener: bool) -> bool:
    if len(unit) > 2 or any(len(lines[i].rstrip()) > HEADING_MAX for i in unit):
        return False
    if text.rstrip().endswith((".", ",", ";", ":", "-", "–")) or any(ch.isdigit() for ch in text[-4:]):
        return False
    if text[:1].islower():
        return False
    # A heading is followed by a space-only line, and preceded by one unless it opens a page or a part:
    # a short unit at a page's foot or top is the end or the start of a paragraph.
    before = opener or lines[unit[0]].startswith(" ") or _neighbour_is_space_only(lines, unit[0], -1)
    return before and _neighbour_is_space_only(lines, unit[-1], 1)


def _neighbour_is_space_only(lines: list[str], index: int, step: int) -> bool:
    index += step
    while 0 <= index < len(lines) and lines[index] == "":
        index += step
    return not (0 <= index < len(lines)) or _is_space_only(lines[index])


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for ch, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[ch]
        total += -value if nxt and values[nxt] > value else value
    return total


STAGES: list[tuple[str, Callable[[State], None]]] = [
    ("front-matter", front_matter),
    ("regions", scan),
]
