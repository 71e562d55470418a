"""Helpers shared by the stages that turn tagged lines into model nodes."""

from __future__ import annotations

from bisect import bisect_right

from apparat.state import State


def with_markers(state: State, index: int) -> str:
    """The line's text with each note marker written as `[^N]` where it stood."""
    line = state.lines[index]
    markers = state.markers.get(index)
    if not markers:
        return line
    out = []
    cursor = 0
    for marker in markers:
        start = marker.start
        if start > 0 and line[start - 1] == " ":  # "on paper. 173": the marker belongs to the word
            start -= 1
        out.append(line[cursor:start])
        out.append(f"[^{marker.n}]")
        cursor = marker.end
    out.append(line[cursor:])
    return "".join(out)


class PageIndex:
    """Printed page of any line, from the page starts."""

    def __init__(self, state: State) -> None:
        starts = sorted(state.pages, key=lambda p: p.index)
        self._indexes = [p.index for p in starts]
        self._numbers = [p.number for p in starts]

    def page_of(self, index: int) -> int:
        position = bisect_right(self._indexes, index) - 1
        return self._numbers[max(position, 0)] if self._numbers else 1

    def starts_between(self, first: int, last: int) -> list[tuple[int, int]]:
        """(line index, page) of the page starts in (first, last]."""
        lo = bisect_right(self._indexes, first)
        hi = bisect_right(self._indexes, last)
        return list(zip(self._indexes[lo:hi], self._numbers[lo:hi], strict=True))


def section_ranges(state: State) -> list[tuple[int, int]]:
    """[start, end) line indexes of each section."""
    starts = [s.index for s in state.sections]
    return list(zip(starts, [*starts[1:], len(state.lines)], strict=True))
