"""Choose page starts among cues so that the page numbers agree with every surviving printed page number.

Surviving page numbers (running heads, page-number lines) are pins. Between two pins the number of page
starts is known exactly; among the candidate cues in between, a dynamic programme picks that many,
maximising the evidence (a strong cue outweighs a weak one) and penalising pages too short or too long to
be real. After the last pin, every cue is taken that does not make an implausibly short page.

A page is measured by the height of its lines (`height`: a body line 1, a smaller-type note line less). With
`typical` (the work's mean page height: its total height over its printed pages), a page whose height
strays from it by more than TOLERANCE lines costs a little per line: where the cues leave a choice (two
indented lines, one of them a page start), the page that fills like its neighbours wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from apparat.diagnostics import Code, Reporter
from apparat.state import PageStart

WEIGHTS = {"opening": 0.0, "after-notes": 10.0, "indent": 3.0, "page-number": 0.0, "running-head": 0.0}
SHORT_PENALTY = 25.0
LONG_PAGE = 48
LONG_PENALTY = 12.0
TOLERANCE = 3.0
DEVIATION_PENALTY = 0.25
"""Per line of height beyond TOLERANCE from the typical page: less than any cue's weight."""
REACH = 160
"""No page is longer than this many source lines: bounds the search."""


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    evidence: str


def choose_page_starts(
    cues: list[Candidate],
    pins: list[PageStart],
    *,
    first_index: int,
    first_number: int,
    body: list[float],
    short_page: int,
    openings: set[int],
    reporter: Reporter,
    typical: float | None = None,
) -> list[PageStart]:
    fill = [0.0, *accumulate(body)]
    anchors = [PageStart(first_index, first_number, "opening"), *sorted(pins, key=lambda p: p.index)]
    pinned = {p.index for p in anchors}
    # A cue right after a pin (the lines following a running head) is the same page start.
    free = sorted(
        {c.index: c for c in cues if c.index not in pinned and not _near_pin(c.index, pinned)}.values(),
        key=lambda c: c.index,
    )
    result: list[PageStart] = []
    for left, right in zip(anchors, [*anchors[1:], None], strict=True):
        stop = right.index if right is not None else len(body)
        inside = [c for c in free if left.index < c.index < stop]
        if right is None:
            picked = _best(inside, left.index, stop, None, fill, short_page, openings, typical)
        else:
            need = right.number - left.number - 1
            picked = _best(inside, left.index, stop, need, fill, short_page, openings, typical)
            if picked is None:
                reporter.warn(
                    Code.PAGES_MISMATCH,
                    right.index + 1,
                    f"expected {need} page starts between printed pages {left.number} and {right.number}, "
                    f"found {len(inside)} candidates; page numbers in between are approximate",
                )
                picked = _best(inside, left.index, stop, None, fill, short_page, openings, typical) or []
        result.append(left)
        number = left.number
        for cue in picked or []:
            number += 1
            result.append(PageStart(cue.index, number, cue.evidence))
    return result


def _near_pin(index: int, pinned: set[int]) -> bool:
    return any(0 < index - p <= 3 for p in pinned)


def _best(
    inside: list[Candidate],
    start: int,
    stop: int,
    need: int | None,
    fill: list[float],
    short_page: int,
    openings: set[int],
    typical: float | None = None,
) -> list[Candidate] | None:
    """The best subset of `inside` (exactly `need` of them, or any number when need is None)."""
    nodes = [Candidate(start, "pin"), *inside, Candidate(stop, "end")]
    count = len(nodes)
    forced = [i for i, c in enumerate(nodes) if c.index in openings and 0 < i < count - 1]

    def page_cost(a: int, b: int) -> float:
        size = fill[nodes[b].index] - fill[nodes[a].index]
        cost = 0.0
        ends_chapter = nodes[b].index in openings or b == count - 1
        if size < short_page and not ends_chapter:
            cost -= SHORT_PENALTY
        if size > LONG_PAGE:
            cost -= LONG_PENALTY * (size - LONG_PAGE) / 10
        if typical is not None and not ends_chapter:
            cost -= DEVIATION_PENALTY * max(0.0, abs(size - typical) - TOLERANCE)
        return cost

    neg = float("-inf")
    if need is None:
        best = [neg] * count
        back = [-1] * count
        best[0] = 0.0
        for b in range(1, count):
            for a in range(b - 1, -1, -1):
                if any(a < f < b for f in forced):
                    break
                if best[a] == neg:
                    continue
                if nodes[b].index - nodes[a].index > REACH and b != count - 1:
                    break
                score = (
                    best[a] + page_cost(a, b) + (WEIGHTS.get(nodes[b].evidence, 0.0) if b < count - 1 else 0)
                )
                if score > best[b]:
                    best[b], back[b] = score, a
        return _trace(nodes, back, count - 1) if best[-1] != neg else []
    if need < len(forced) or need > count - 2:
        return None
    # table[k][b]: best score with b as the k-th chosen start
    table = [[neg] * count for _ in range(need + 2)]
    back2 = [[-1] * count for _ in range(need + 2)]
    table[0][0] = 0.0
    for k in range(1, need + 2):
        last_layer = k == need + 1
        for b in range(1, count):
            if last_layer != (b == count - 1):
                continue
            for a in range(b - 1, -1, -1):
                if any(a < f < b for f in forced):
                    break
                if nodes[b].index - nodes[a].index > REACH * 2:
                    break
                if table[k - 1][a] == neg:
                    continue
                gain = WEIGHTS.get(nodes[b].evidence, 0.0) if b < count - 1 else 0.0
                score = table[k - 1][a] + page_cost(a, b) + gain
                if score > table[k][b]:
                    table[k][b], back2[k][b] = score, a
    if table[need + 1][count - 1] == neg:
        return None
    picked: list[Candidate] = []
    b, k = count - 1, need + 1
    while k > 0:
        a = back2[k][b]
        if a > 0:
            picked.append(nodes[a])
        b, k = a, k - 1
    return list(reversed(picked))


def _trace(nodes: list[Candidate], back: list[int], end: int) -> list[Candidate]:
    picked = []
    b = back[end]
    while b > 0:
        picked.append(nodes[b])
        b = back[b]
    return list(reversed(picked))
