"""Where each published paragraph went: the same id, another id (the same words, or most of them), or nowhere.

A passage is looked for in the blocks of its own work, by its fingerprint (`apparat.review.fingerprint`):

1. **exact**: a block with the same words. When several blocks share them (a repeated heading), the k-th
   old anchor of a page with those words goes to the k-th such block, its own page first.
2. **overlap**: the block holding most of the sampled shingles, extended over the blocks next to it that hold
   the samples before and after its own (a passage split into a lead-in and a quotation is one run), found
   when the run holds at least `COVERAGE` of the samples. The target is the run's first block, where the
   passage begins.

A declared redirect (`content/data/redirects.yml`) comes before both. An id that still exists must hold its
passage (the same words, or the run found starts there); if the passage is elsewhere or lost, the id has
been reused for other text, which no map can undo: an error, unless a redirect of the id to itself
confirms that what it holds now is the passage.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from apparat.review.anchors import Built, Published, Redirect, work_of
from apparat.review.fingerprint import Fingerprint, shingles, words_hash

COVERAGE = 0.5
"""Share of a passage's sampled shingles that the blocks found for it must hold."""


class Outcome(StrEnum):
    SAME = "same"
    """The id holds the same words."""
    EDITED = "edited"
    """The id holds the passage, some words changed (a hyphen mended, a block split off its end)."""
    EXACT = "moved-exact"
    """The id is gone; the same words are at the target."""
    OVERLAP = "moved-overlap"
    """The id is gone; most of the passage is in a run of blocks beginning at the target."""
    DECLARED = "declared"
    """content/data/redirects.yml moves the id (or confirms what it holds now: target = the id)."""
    REUSED = "reused"
    """The id holds another passage now: its old links would land on the wrong text. An error."""
    LOST = "lost"
    """The id is gone, its passage is not found and no redirect is declared. An error."""


PROBLEMS = frozenset({Outcome.REUSED, Outcome.LOST})
MOVED = frozenset({Outcome.EXACT, Outcome.OVERLAP, Outcome.DECLARED})


@dataclass(frozen=True, slots=True)
class Move:
    anchor: str
    outcome: Outcome
    target: str | None
    """Where old links to the anchor should land (None: nowhere found)."""
    coverage: float
    """Share of the passage's sampled shingles found at the target's run (1.0 for the same words)."""


@dataclass(frozen=True, slots=True)
class _Found:
    target: str
    coverage: float
    exact: bool


_NUMBER = re.compile(r"(\d+)$")


def _order(anchor: str) -> tuple[str, int]:
    """Page, then the number in the id (a line, or an ordinal of the first release): reading order."""
    page, _, name = anchor.partition("#")
    number = _NUMBER.search(name)
    return page, int(number[1]) if number else 0


class _Blocks:
    """The built paragraphs of one work, indexed by their words and their shingles."""

    def __init__(self, passages: Mapping[str, str]) -> None:
        self.passages = passages
        self.order = list(passages)
        self.whole: dict[str, list[str]] = defaultdict(list)
        for anchor, text in passages.items():
            self.whole[words_hash(text)].append(anchor)
        self._holding: dict[str, set[int]] | None = None

    @property
    def holding(self) -> dict[str, set[int]]:
        """Shingle → the blocks holding it; made on first use (a build where every id holds its words
        never needs it)."""
        if self._holding is None:
            self._holding = defaultdict(set)
            for i, text in enumerate(self.passages.values()):
                for shingle in shingles(text):
                    self._holding[shingle].add(i)
        return self._holding

    def overlap(self, samples: tuple[str, ...]) -> _Found | None:
        if not samples:
            return None
        hits: dict[int, set[int]] = defaultdict(set)
        holding = self.holding
        for k, sample in enumerate(samples):
            for i in holding.get(sample, ()):
                hits[i].add(k)
        if not hits:
            return None
        main = max(hits, key=lambda i: (len(hits[i]), -i))
        found, first, last = set(hits[main]), main, main
        earliest, latest = min(hits[main]), max(hits[main])
        while first - 1 in hits and min(hits[first - 1]) < earliest:  # the passage's earlier part
            first -= 1
            found |= hits[first]
            earliest = min(hits[first])
        while last + 1 in hits and max(hits[last + 1]) > latest:  # and its later part
            last += 1
            found |= hits[last]
            latest = max(hits[last])
        coverage = len(found) / len(samples)
        return _Found(self.order[first], coverage, False) if coverage >= COVERAGE else None


def _exact_targets(published: Published, blocks: _Blocks) -> dict[str, str]:
    """Old anchor → block with the same words; several of them paired in reading order, own page first."""
    groups: dict[str, list[str]] = defaultdict(list)
    for anchor, recorded in published.items():
        if recorded is not None and recorded.whole in blocks.whole:
            groups[recorded.whole].append(anchor)
    targets = {}
    for whole, olds in groups.items():
        candidates = blocks.whole[whole]
        by_page: dict[str, list[str]] = defaultdict(list)
        for old in sorted(olds, key=_order):
            by_page[old.partition("#")[0]].append(old)
        for page, page_olds in by_page.items():
            here = [c for c in candidates if c.partition("#")[0] == page] or candidates
            for rank, old in enumerate(page_olds):
                targets[old] = old if old in candidates else here[min(rank, len(here) - 1)]
    return targets


def follow(published: Published, built: Built, redirects: list[Redirect]) -> list[Move]:
    """The outcome of every published paragraph anchor with a fingerprint, in the works built now."""
    declared = {r.old: r.new for r in redirects}
    moves = []
    for work in sorted(built.works):
        recorded = {
            anchor: fp for anchor, fp in published.items() if fp is not None and work_of(anchor) == work
        }
        if not recorded:
            continue
        blocks = _Blocks({a: t for a, t in built.passages.items() if work_of(a) == work})
        exact = _exact_targets(recorded, blocks)
        moves += [
            _follow(a, recorded[a], built, blocks, exact, declared) for a in sorted(recorded, key=_order)
        ]
    return moves


def _follow(
    anchor: str,
    recorded: Fingerprint,
    built: Built,
    blocks: _Blocks,
    exact: dict[str, str],
    declared: dict[str, str],
) -> Move:
    exists = anchor in built.anchors
    if anchor in declared:
        target = declared[anchor]
        if target in built.anchors and (target == anchor or not exists):
            return Move(anchor, Outcome.DECLARED, target, 0.0)
    if anchor in exact:
        found: _Found | None = _Found(exact[anchor], 1.0, True)
    else:
        found = blocks.overlap(recorded.samples)
    if exists:
        if found is not None and found.target == anchor:
            return Move(anchor, Outcome.SAME if found.exact else Outcome.EDITED, anchor, found.coverage)
        return Move(anchor, Outcome.REUSED, found.target if found else None, found.coverage if found else 0.0)
    if found is None:
        return Move(anchor, Outcome.LOST, None, 0.0)
    return Move(anchor, Outcome.EXACT if found.exact else Outcome.OVERLAP, found.target, found.coverage)


def client_map(moves: list[Move], redirects: list[Redirect], built: Built) -> dict[str, dict[str, str]]:
    """Page → {old id: new `page.html#id`} for every published id gone from the build that readers can still
    follow: paragraphs found elsewhere, and declared redirects of anchors (pages, notes, printed pages)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    pairs = [(r.old, r.new) for r in redirects if "#" in r.old]
    pairs += [(m.anchor, m.target) for m in moves if m.outcome in MOVED and m.target is not None]
    for old, new in pairs:
        if old not in built.anchors and new in built.anchors:
            page, _, name = old.partition("#")
            found[page][name] = new
    return {page: dict(sorted(ids.items())) for page, ids in sorted(found.items())}


def figures(moves: list[Move]) -> str:
    counts = {outcome: sum(1 for m in moves if m.outcome is outcome) for outcome in Outcome}
    return (
        f"{len(moves):,} published paragraph anchors: {counts[Outcome.SAME]:,} unchanged, "
        f"{counts[Outcome.EDITED]:,} edited in place; moved {counts[Outcome.EXACT]:,} exact, "
        f"{counts[Outcome.OVERLAP]:,} by overlap, {counts[Outcome.DECLARED]:,} declared; "
        f"{counts[Outcome.REUSED]:,} reused, {counts[Outcome.LOST]:,} lost"
    )
