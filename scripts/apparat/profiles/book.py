"""The `book` layout: a typeset book extracted to plain text page after page.

What the extraction looks like (measured on the monograph; see docs/profiles.md):

* The work opens with `Introduction`; each chapter opens a new page with ` chapter N`, a blank line and its
  title. Footnotes are numbered from 1 in each chapter.
* Printed page numbers are lost except in a few surviving running heads, which stand after two or three
  blank lines, glued to their page number: `212 chapter 5` or a chapter title: `97the problem of the offices`.
* A page is its body lines, then (after a blank line) its footnotes: `12 Trotsky 1923, p. 4.` Footnotes are
  set smaller, so a full note line is wider (86–100 characters) than a full body line (60–85).
* The first line of a page usually begins with one space, but not always, and a few other lines do too.
  Inside a page's notes, a line that begins with a space (and no note number) is where the extraction
  picks the text up again after losing lines: it never continues the note above it.
* Note markers in the body are bare numbers glued to the text, in strict sequence; every one survives.
  Many note texts do not.

From these cues the profile tags every line, then fixes the page starts: running heads pin page numbers,
and between two pins exactly the right number of page starts is chosen from the candidates, preferring the
strong cues (the end of a page's notes) to the weak one (a leading space) and avoiding implausibly short
pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from apparat.diagnostics import Code, fail
from apparat.model import Role
from apparat.profiles._pages import Candidate, choose_page_starts
from apparat.profiles._text import ends_sentence, is_blank, printed_width, width
from apparat.stages.markers import find_markers, has_glued_marker
from apparat.state import Heading, PageStart, SectionStart, State

INTRODUCTION = re.compile(r"^ ?Introduction ?$")
CHAPTER = re.compile(r"^ ?chapter (\d{1,2}) ?$", re.IGNORECASE)
RUNNING_HEAD = re.compile(r"^ ?(\d{1,3}) ?([A-Za-z’'].*?) ?$")
NOTE_START = re.compile(r"^ ?(\d{1,3}) ?(?=\S)")
SECTION_HEADING = re.compile(r"^ ?(\d{1,2}(?:\.\d{1,2}){1,3}) +([A-Z‘“’'].*?) *$")

FULL_NOTE_LINE = 86
"""A note line at least this wide fills the (smaller-type) note measure: the note goes on."""
FULL_BODY_LINE = (58, 86)
"""A body line that fills the measure is this wide; a paragraph's last line may be shorter."""
NOTE_WINDOW = 30
"""A page never holds more markers than this: a note number must be this close to the last marker."""
SHORT_PAGE = 18
"""Fewer body lines than this on a page (other than a chapter's last) means a page start is doubtful."""
NOTE_HEIGHT = 0.6
"""A note line (smaller type, tighter leading) takes this share of a body line's height: pages between two
surviving page cues hold 34.5 ± 2.4 lines by this measure."""
QUOTE_MARGIN = 0.8
"""A quotation's full lines are on average at least this much (in ems) narrower than the page's body lines;
on the book's judged paragraphs quotations fall short by 1.8 ems (median), body paragraphs by 0.0."""
SHORT_LINE = 0.85
"""A line shorter than this share of the measure does not fill it: a paragraph's last line."""
PAGE_SAMPLE = 8
"""A page with fewer full body lines than this measures against the whole work's median."""
WIDEST_BODY = 35.0
"""No body line prints wider than this many ems (the book's widest print 34.0; full note lines, set smaller,
35 to 40): a wider line among a page's notes is a note line, whatever its leading space."""


def find_sections(state: State) -> None:
    """The Introduction and the chapter openings: ` chapter N`, blank, title."""
    lines = state.lines
    state.roles = [None] * len(lines)
    first = next((i for i, line in enumerate(lines) if not is_blank(line)), None)
    if first is None:
        raise fail(Code.SOURCE_EMPTY, state.source.path, 1, "the text of a work", "only blank lines")
    if INTRODUCTION.match(lines[first]):
        state.sections.append(SectionStart(first, "intro", "Introduction", "Introduction"))
        state.set_role(first, Role.HEADING)
    for index, line in enumerate(lines):
        match = CHAPTER.match(line)
        if not match:
            continue
        number = int(match.group(1))
        title_lines = []
        cursor = index + 1
        while cursor < len(lines) and is_blank(lines[cursor]):
            cursor += 1
        while cursor < len(lines) and not is_blank(lines[cursor]):
            title_lines.append(cursor)
            cursor += 1
        if not title_lines:
            raise fail(
                Code.LAYOUT_TRUNCATED, state.source.path, index + 1, "a chapter title", "the end of the file"
            )
        title = " ".join(lines[i].strip() for i in title_lines)
        state.sections.append(SectionStart(index, f"ch{number:02d}", f"Chapter {number}", title))
        for i in [index, *title_lines]:
            state.set_role(i, Role.HEADING)
    if not state.sections:
        raise fail(
            Code.LAYOUT_PROFILE,
            state.source.path,
            first + 1,
            "a book opening ('Introduction' or 'chapter 1' on a line of its own)",
            repr(lines[first].strip()[:60]),
        )
    if state.sections[0].index > first:
        raise fail(
            Code.LAYOUT_UNPLACED,
            state.source.path,
            first + 1,
            "the book to open with 'Introduction' or 'chapter 1'",
            repr(lines[first].strip()[:60]),
        )


def find_running_heads(state: State) -> None:
    """Surviving running heads: a page number glued to 'chapter N' or to the chapter title, after blanks."""
    lines = state.lines
    for section, end in _section_ranges(state):
        names = {f"chapter {section.id[2:].lstrip('0')}", section.title.lower(), section.label.lower()}
        for index in range(section.index + 1, end):
            match = RUNNING_HEAD.match(lines[index])
            if not match or index < 2 or index + 1 >= len(lines) or not is_blank(lines[index + 1]):
                continue
            # after blank lines, or at the very top of a page (a leading space) right after the notes
            if not (is_blank(lines[index - 1]) and is_blank(lines[index - 2])) and not lines[
                index
            ].startswith(" "):
                continue
            text = " ".join(match.group(2).lower().split())
            if any(text == name or (len(text) > 6 and name.startswith(text)) for name in names):
                state.set_role(index, Role.RUNNING_HEAD)
                nxt = _next_text(lines, index + 1)
                if nxt is not None:
                    state.pages.append(PageStart(index, int(match.group(1)), "running-head"))


def find_typed_hyphens(state: State) -> None:
    """Line-end hyphens the extraction marks as typed: it ends text lines with a space, except where the
    typesetter broke a word (`bureau-`), so a hyphen with a space after it is one the author wrote
    (`anti- ` + `fascist`). The hyphenation stage still checks that both elements are words."""
    for index, line in enumerate(state.lines):
        if line.endswith("- ") and not line.endswith(" - ") and line.rstrip()[-2:-1].isalpha():
            state.typed_hyphens.add(index)


def scan_regions(state: State) -> None:
    """Tag each line of each chapter as body, heading or note, and find the markers and page-start cues."""
    lines = state.lines
    cues: list[Candidate] = []
    for section, end in _section_ranges(state):
        cues.append(Candidate(section.index, "opening"))
        chapter = section.id[2:].lstrip("0") if section.id.startswith("ch") else None
        last_marker = last_note = 0
        in_notes = False
        prev_blank = True
        note_line_open = False  # the last note line filled the note measure: the note goes on
        heading_numbers: list[str] = []
        for index in range(section.index + 1, end):
            line = lines[index]
            if state.roles[index] is not None:  # title lines, running heads
                if state.roles[index] is Role.RUNNING_HEAD:
                    in_notes, prev_blank = False, True
                continue
            if is_blank(line):
                state.set_role(index, Role.BLANK)
                prev_blank = True
                continue
            heading = _heading(line, chapter, heading_numbers) if prev_blank or line.startswith(" ") else None
            if heading is not None:
                if in_notes:
                    cues.append(Candidate(index, "after-notes"))
                elif line.startswith(" "):
                    cues.append(Candidate(index, "indent"))
                in_notes = False
                heading_numbers.append(heading.number or "")
                state.headings[index] = Heading(index, heading.level, heading.number, heading.title)
                state.set_role(index, Role.HEADING)
                prev_blank = False
                continue
            note = _note_start(line, last_note, last_marker, prev_blank or in_notes or line.startswith(" "))
            if note is not None:
                state.note_starts[index] = note[0]
                state.note_text_start[index] = note[1]
                state.set_role(index, Role.NOTE)
                last_note, in_notes = note[0], True
                note_line_open = width(line) >= FULL_NOTE_LINE
                prev_blank = False
                continue
            if not in_notes and prev_blank and last_note and _continued_note(lines, index):
                # The rest of a note that began on the previous page, set above this page's own notes.
                state.tails.add(index)
                state.set_role(index, Role.NOTE)
                in_notes, note_line_open, prev_blank = True, width(line) >= FULL_NOTE_LINE, False
                continue
            if in_notes and not _leaves_notes(lines, index, last_marker + 1, note_line_open):
                state.set_role(index, Role.NOTE)
                if line.startswith(" "):
                    # Text lost before it: in the book, every such line follows a note that breaks off
                    # (`con-` + ` 199, 233`, `Stalin` + ` oppositional activity’`).
                    state.resumes.add(index)
                note_line_open = width(line) >= FULL_NOTE_LINE
                prev_blank = False
                continue
            if in_notes:
                cues.append(Candidate(index, "after-notes"))
                in_notes = False
            elif line.startswith(" "):
                cues.append(Candidate(index, "indent"))
            state.set_role(index, Role.BODY)
            found = find_markers(line, index, last_marker + 1)
            if found:
                state.markers[index] = found
                last_marker = found[-1].n
            prev_blank = False
    state.pages = _number_pages(state, cues)


def find_quotations(state: State) -> None:
    """Block quotations: paragraphs set in a narrower measure than the page's own body lines.

    The extraction drops the indentation, but an indented quotation fills less of the measure. Lines are
    measured as printed (`printed_width`: a count of characters varies with the letters used), and the
    yardstick is the page's own: the upper quartile of the widths of its paragraphs' full lines. A paragraph
    whose full lines fall QUOTE_MARGIN short of it on average, introduced by a line ending in a colon or a
    comma, is a quotation. A quotation cut by a page break goes on at the top of the next page (after the
    notes): the first paragraph there continues it unless it fills the body measure.

    Narrow author paragraphs happen too (a paragraph's lines vary by an em or two), so the cues that a
    quotation is over or never began are checked first: a quotation paragraph that closes a sentence with
    a note marker has ended (the marker cites it), so neither the next page's first paragraph nor the next
    paragraph continues it; and a lead-in is no lead-in where the sentence runs on across the page (see
    `_leads_in`).
    """
    lines = state.lines
    starts = sorted(p.index for p in state.pages)
    units = _split_at(_paragraphs(state), starts)
    measured = {i: printed_width(lines[i]) for start, end in units for i in range(start, end)}
    page_of = {start: bisect_right(starts, start) for start, _ in units}
    yardstick = _page_measures(measured, units, page_of)
    previous: tuple[int, int] | None = None
    previous_quote = False
    for start, end in units:
        page = page_of[start]
        measure = yardstick.get(page) or yardstick[0]
        widths = [measured[i] for i in range(start, end)]
        full = widths[:-1] if widths[-1] < measure * SHORT_LINE else widths
        short_by = measure - sum(full) / len(full) if full else 0.0
        crossed = previous is not None and page_of[previous[0]] != page
        narrow = short_by >= QUOTE_MARGIN
        open_quote = previous_quote and previous is not None and not _closes_quotation(state, previous[1] - 1)
        carried = (
            open_quote
            and crossed
            and previous is not None
            and not _ends_paragraph(lines[previous[1] - 1], measure)
        )
        before = _previous_body_line(state, start)
        introduced = before is not None and _leads_in(
            lines[before], lines[start], crossed, yardstick.get(bisect_right(starts, before)) or yardstick[0]
        )
        # A quotation of several paragraphs: the next one follows on its page without a lead-in; with
        # no lead-in to go by, it must be clearly narrow, over several lines.
        following = open_quote and not crossed and short_by >= 2 * QUOTE_MARGIN and len(full) >= 3
        # one full line is too few to measure against a lead-in alone (justified lines vary by an em)
        is_quote = (narrow and (carried or (introduced and len(full) >= 2))) or following
        if is_quote:
            for i in range(start, end):
                state.quotes.add(i)
                state.set_role(i, Role.QUOTE)
        previous, previous_quote = (start, end), is_quote


def _closes_quotation(state: State, index: int) -> bool:
    """Does line `index` end a quotation: a sentence closed, then the marker of the note that cites it?"""
    markers = state.markers.get(index)
    if not markers:
        return False
    line = state.lines[index]
    last = markers[-1]
    return not line[last.end :].strip() and ends_sentence(line[: last.start])


def _leads_in(lead: str, first: str, crossed: bool, measure: float) -> bool:
    """Does the line `lead` introduce a quotation whose first line is `first`?

    A lead-in ends in a colon or a comma. Within a page a blank line shows that its paragraph ended; across
    a page turn nothing does, and a comma at the end of a line that fills the measure, before a word in
    lower case, is the sentence running on to the next page (`In March,` + `thousands of ...`).
    """
    text = lead.rstrip()
    if not text.endswith((":", ",")):
        return False
    runs_on = (
        crossed
        and text.endswith(",")
        and printed_width(lead) >= measure * SHORT_LINE
        and first.strip()[:1].islower()
    )
    return not runs_on


def _split_at(units: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """Runs of body lines cut where a printed page begins inside them (a quotation may end with its page)."""
    out = []
    for start, end in units:
        cuts = starts[bisect_right(starts, start) : bisect_right(starts, end - 1)]
        for left, right in zip([start, *cuts], [*cuts, end], strict=True):
            out.append((left, right))
    return out


def _page_measures(
    measured: dict[int, float], units: list[tuple[int, int]], page_of: dict[int, int]
) -> dict[int, float]:
    """Page → the body measure of its paragraphs' full lines (0 → the whole work's)."""
    per_page: dict[int, list[float]] = {}
    for start, end in units:
        if end - start < 2:
            continue
        per_page.setdefault(page_of[start], []).extend(measured[i] for i in range(start, end - 1))
    everything = [w for widths in per_page.values() for w in widths]
    result = {page: _upper(widths) for page, widths in per_page.items() if len(widths) >= PAGE_SAMPLE}
    result[0] = _upper(everything) if everything else 30.0
    return result


def _upper(widths: list[float]) -> float:
    """The body measure of a set of full lines: their upper quartile (a page may hold more quotation lines
    than body lines, so the median would be the quotation's measure)."""
    ordered = sorted(widths)
    return ordered[(3 * len(ordered)) // 4]


def _ends_paragraph(line: str, measure: float) -> bool:
    """A line that closes a paragraph: short of the measure and ending a sentence (or a marker after it)."""
    text = line.rstrip()
    return printed_width(line) < measure * SHORT_LINE and (ends_sentence(text) or text[-1:].isdigit())


STAGES: list[tuple[str, Callable[[State], None]]] = [
    ("sections", find_sections),
    ("running-heads", find_running_heads),
    ("typed-hyphens", find_typed_hyphens),
    ("regions", scan_regions),
    ("quotations", find_quotations),
]


# --- helpers -----------------------------------------------------------------------------------------


def _section_ranges(state: State) -> list[tuple[SectionStart, int]]:
    starts = state.sections
    ends = [s.index for s in starts[1:]] + [len(state.lines)]
    return list(zip(starts, ends, strict=True))


def _next_text(lines: list[str], index: int) -> int | None:
    while index < len(lines):
        if not is_blank(lines[index]):
            return index
        index += 1
    return None


def _heading(line: str, chapter: str | None, seen: list[str]) -> Heading | None:
    match = SECTION_HEADING.match(line)
    if not match or chapter is None:
        return None
    number, title = match.group(1), match.group(2).strip()
    if number.split(".")[0] != chapter or len(title) > 90 or number in seen:
        return None
    if seen and _number_key(number) < _number_key(seen[-1]):
        return None
    return Heading(0, number.count(".") + 1, number, title)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _note_start(line: str, last_note: int, last_marker: int, may_start: bool) -> tuple[int, int] | None:
    """(note number, column of its text) if a note text begins on this line."""
    if not may_start:
        return None
    match = NOTE_START.match(line)
    if not match:
        return None
    n = int(match.group(1))
    if not (last_note < n <= last_marker and n > last_marker - NOTE_WINDOW):
        return None
    rest = line[match.end() :]
    if rest[:1].isdigit() and not rest[:4].isdigit():  # "12 3.4 ..." is not a note, "1 1923" may be
        return None
    return n, match.end()


def _leaves_notes(lines: list[str], index: int, next_marker: int, note_line_open: bool) -> bool:
    """In a page's notes, does this line start the next page's body rather than continue a note?"""
    line = lines[index]
    if printed_width(line) > WIDEST_BODY:
        return False
    if has_glued_marker(line, next_marker) and width(line) <= FULL_BODY_LINE[1]:
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if not line.startswith(" ") and following.startswith(" ") and not NOTE_START.match(following):
        return False  # the next line, with its leading space, is where the page turns
    run = _run(lines, index)
    body_like = len(run) >= 3 and all(
        FULL_BODY_LINE[0] <= width(lines[i]) <= FULL_BODY_LINE[1] for i in run[:-1]
    )
    if line.startswith(" "):
        # A note that filled its measure goes on, even onto a line that starts with a space, as long as
        # that line does not open a run of body-width lines. A line that more text of its own follows is
        # not a note's last line, so as a note line it would fill the (smaller-type) note measure: one
        # narrower than that, whose paragraph goes on in lines narrower than the note measure with no
        # other leading space (no later page start) before a blank line, opens the next page's body.
        if _opens_short_body_run(lines, index):
            return True
        if following.startswith(" ") and not NOTE_START.match(following) and not is_blank(following):
            return False  # two page starts cannot follow each other: the page turns at the next line
        return not (note_line_open and not body_like)
    return body_like and not note_line_open


def _opens_short_body_run(lines: list[str], index: int) -> bool:
    following = lines[index + 1 : index + 6]
    if not following or not following[0].strip() or NOTE_START.match(following[0]):
        return False
    if width(lines[index]) > FULL_NOTE_LINE:
        return False
    for line in following:
        if is_blank(line):
            return True
        if line.startswith(" ") or width(line) >= FULL_NOTE_LINE:
            return False
    return False


def _continued_note(lines: list[str], index: int) -> bool:
    """After a blank line in the body: is this the rest of an earlier page's note rather than body text?"""
    run = []
    cursor = index
    while cursor < len(lines) and not is_blank(lines[cursor]) and not NOTE_START.match(lines[cursor]):
        run.append(cursor)
        cursor += 1
    if not run:
        return False
    if len(run) >= 2:
        # mostly note-width lines (one or two narrower ones happen where a line ends early)
        widths = [width(lines[i]) for i in run[:-1]]
        wide = sum(1 for w in widths if w >= FULL_NOTE_LINE)
        return wide / len(widths) >= 0.6 and sum(widths) / len(widths) >= FULL_NOTE_LINE
    after = _next_text(lines, cursor)
    return (
        width(lines[index]) >= FULL_NOTE_LINE
        and after is not None
        and NOTE_START.match(lines[after]) is not None
    )


def _run(lines: list[str], index: int) -> list[int]:
    """Consecutive non-blank lines from index on."""
    run = []
    while index < len(lines) and not is_blank(lines[index]) and not NOTE_START.match(lines[index]):
        run.append(index)
        index += 1
        if len(run) >= 4:
            break
    return run


def _paragraphs(state: State) -> list[tuple[int, int]]:
    """Runs of consecutive BODY lines, as [start, end) line indexes."""
    out = []
    start = None
    for i, role in enumerate(state.roles):
        is_body = role is Role.BODY
        if is_body and start is None:
            start = i
        elif not is_body and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(state.roles)))
    return out


def _previous_body_line(state: State, index: int) -> int | None:
    """The text line before `index` (body or quotation), across notes and page furniture."""
    for i in range(index - 1, max(index - 40, -1), -1):
        if state.roles[i] is Role.BODY or state.roles[i] is Role.QUOTE:
            return i
        if state.roles[i] is Role.HEADING:
            return None
    return None


def _number_pages(state: State, cues: list[Candidate]) -> list[PageStart]:
    pins = sorted(state.pages, key=lambda p: p.index)
    first = state.sections[0].index
    height = {Role.BODY: 1.0, Role.QUOTE: 1.0, Role.HEADING: 1.0, Role.NOTE: NOTE_HEIGHT}
    body = [height.get(role, 0.0) if role is not None else 0.0 for role in state.roles]
    openings = {c.index for c in cues if c.evidence == "opening"}
    last = max(pins, key=lambda p: p.number, default=None)
    typical = sum(body[first : last.index]) / (last.number - 1) if last and last.number > 1 else None
    chosen = choose_page_starts(
        cues,
        pins,
        first_index=first,
        first_number=1,
        body=body,
        short_page=SHORT_PAGE,
        openings=openings,
        reporter=state.reporter,
        typical=typical,
    )
    return chosen
