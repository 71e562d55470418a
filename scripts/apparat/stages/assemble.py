"""Check that every line has a role (the ledger) and assemble the `Document`."""

from __future__ import annotations

from apparat.diagnostics import Code
from apparat.model import Document, Page, PageRange, Role, Section, Span
from apparat.stages._lines import PageIndex, section_ranges
from apparat.state import State


def check_ledger(state: State) -> None:
    """A line that no stage could place is an error at its own line: nothing is silently dropped."""
    for index, role in enumerate(state.roles):
        if role is None:
            shown = state.lines[index].strip()[:60]
            state.reporter.error(
                Code.LAYOUT_UNPLACED, index + 1, f"expected a line the layout accounts for, found {shown!r}"
            )


def build_sections(state: State) -> None:
    pages = PageIndex(state)
    for section, (start, end) in zip(state.sections, section_ranges(state), strict=True):
        last = end - 1
        while last > start and state.roles[last] is Role.BLANK:
            last -= 1
        state.built.append(
            Section(
                section.id,
                section.label,
                section.title,
                Span(start + 1, last + 1),
                PageRange(pages.page_of(start), pages.page_of(last)),
                state.blocks.get(section.id, []),
                state.notes.get(section.id, []),
                state.fragments.get(section.id, []),
            )
        )
    state.page_list = [Page(p.number, p.index + 1) for p in sorted(state.pages, key=lambda p: p.index)]


def to_document(state: State) -> Document:
    roles = [role if role is not None else Role.BLANK for role in state.roles]
    return Document(
        work=state.work,
        source=state.source.path.rsplit("/", 1)[-1],
        profile=state.profile,
        line_count=len(state.lines),
        front=state.front,
        sections=state.built,
        pages=state.page_list,
        roles=roles,
        hyphenation=sorted(state.hyphenation, key=lambda d: d.line),
    )
