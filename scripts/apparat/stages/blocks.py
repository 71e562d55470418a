"""Build the blocks of each section: headings, paragraphs and block quotations.

A paragraph is joined across lines, across the notes at the foot of a page and across the page break: the
notes and page furniture between its lines are skipped, and a new page only starts a new paragraph when the
last line before it closed a sentence short of the measure and the next line opens with a capital.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apparat.model import Block, BlockKind, PageBreak, PageRange, Role, Span, block_id
from apparat.stages._lines import PageIndex, section_ranges, with_markers
from apparat.stages.hyphenation import join_lines
from apparat.stages.notes import _lexicon
from apparat.state import State

_TEXT_ROLES = {Role.BODY, Role.QUOTE}
_SHORT_LAST_LINE = 0.8
"""A line shorter than this share of the measure may close a paragraph."""


@dataclass(slots=True)
class _Draft:
    kind: BlockKind
    lines: list[int] = field(default_factory=list)
    level: int | None = None
    number: str | None = None


def build_blocks(state: State) -> None:
    lexicon = _lexicon(state)
    pages = PageIndex(state)
    measure = _measure(state)
    for section, (start, end) in zip(state.sections, section_ranges(state), strict=True):
        drafts: list[_Draft] = []
        current: _Draft | None = None
        gap = False  # a blank line since the current block's last line
        interrupted = False  # notes or page furniture since then
        for index in range(start, end):
            role = state.roles[index]
            if role is Role.HEADING and index in state.headings:
                heading = state.headings[index]
                drafts.append(_Draft(BlockKind.HEADING, [index], heading.level, heading.number))
                current = None
                continue
            if role is Role.BLANK:
                gap = gap or index not in state.spacing
                continue
            if role not in _TEXT_ROLES:
                interrupted = True
                continue
            kind = BlockKind.QUOTE if index in state.quotes else BlockKind.PARAGRAPH
            if (
                current is not None
                and current.kind is kind
                and _continues(state, current, index, gap, interrupted, measure)
            ):
                current.lines.append(index)
            else:
                current = _Draft(kind, [index])
                drafts.append(current)
            gap = interrupted = False
        blocks = []
        for draft in drafts:  # each source line is in one draft at most, so first lines are distinct
            id_ = block_id(section.id, draft.lines[0] + 1)
            if draft.kind is BlockKind.HEADING:
                index = draft.lines[0]
                title = state.headings[index].title
                text = f"{draft.number} {title}" if draft.number else title
                blocks.append(
                    Block(
                        id_,
                        draft.kind,
                        text,
                        Span(index + 1, index + 1),
                        PageRange(pages.page_of(index), pages.page_of(index)),
                        draft.level,
                        draft.number,
                    )
                )
                continue
            pieces = [(i, with_markers(state, i)) for i in draft.lines]
            text, offsets = join_lines(state, pieces, lexicon)
            breaks = []
            for i, page in pages.starts_between(draft.lines[0], draft.lines[-1]):
                # A page may begin on a line outside the block (a running head, a page number): it then
                # begins inside the block at the block's next line.
                at = next(k for k, line in enumerate(draft.lines) if line >= i)
                breaks.append(PageBreak(offsets[at], page, draft.lines[at] + 1))
            first, last = draft.lines[0], draft.lines[-1]
            blocks.append(
                Block(
                    id_,
                    draft.kind,
                    text,
                    Span(first + 1, last + 1),
                    PageRange(pages.page_of(first), pages.page_of(last)),
                    page_breaks=breaks,
                )
            )
        state.blocks[section.id] = blocks


def _continues(state: State, draft: _Draft, index: int, gap: bool, interrupted: bool, measure: int) -> bool:
    """Does line `index` continue the block `draft`?"""
    if not gap and not interrupted:
        return True
    if not interrupted:
        return False  # a blank line between two body lines ends the paragraph
    previous = state.lines[draft.lines[-1]].rstrip()
    nxt = state.lines[index].strip()
    closed = previous.endswith((".", "?", "!", "’", "”", ":")) or previous[-1:].isdigit()
    short = len(previous) < _SHORT_LAST_LINE * measure
    opens = nxt[:1].isupper() or nxt[:1] in "‘“("
    return not (closed and short and opens)


def _measure(state: State) -> int:
    """The usual width of a full body line (the 90th percentile)."""
    widths = sorted(len(state.lines[i].rstrip()) for i, r in enumerate(state.roles) if r is Role.BODY)
    return widths[int(len(widths) * 0.9)] if widths else 80
