"""The factions timeline: an SVG drawn at build time, readable without colour.

Each dated faction is one labelled row with a bar from its first to its last year, under a heading row for
its kind (the page's groups); a grouping that outlived the period runs to the right edge and ends in an
arrow. Bars carry a hatch pattern per row (not only a colour) and their years as text, and a successor or
merge is an arrow between rows, also listed in the text alternative table that the page prints beside the
picture. Everything is drawn in `currentColor`, so the picture follows the page's colour scheme; on a
narrow screen the page lets it scroll sideways rather than shrink its labels (apparat.css).
"""

from __future__ import annotations

import html

from apparat.glossary.entries import FACTION_KIND_HEADINGS, Faction

_ROW = 26
_LABEL = 20
"""The left margin: each name stands beside its own bar, so a reader who scrolls the picture sideways on a
phone never loses the names."""
_CHAR = 6.6
"""An estimate of the width of one character at font size 12, to decide on which side of its bar a name fits."""
_WIDTH = 900
_TOP = 40
_PATTERNS = ("diag", "dots", "cross", "vert", "horiz")


_BREAK = 1900
"""Years before this are squeezed into `_SQUEEZED` units at the left (the works' history is of the twentieth
century; a few groupings reach back to the French Revolution), behind a marked break in the axis."""
_SQUEEZED = 70


def _x(year: int, first: int, last: int) -> float:
    right = _WIDTH - 20
    if first >= _BREAK:
        return _LABEL + (year - first) * (right - _LABEL) / max(last - first, 1)
    if year < _BREAK:
        return _LABEL + (year - first) * _SQUEEZED / max(_BREAK - first, 1)
    return _LABEL + _SQUEEZED + (year - _BREAK) * (right - _LABEL - _SQUEEZED) / max(last - _BREAK, 1)


def _axis(first: int, last: int, height: int) -> list[str]:
    """Year lines every five years from 1900 (or the first year), the first year, and the break."""
    years = [first] if first < _BREAK else []
    start = max(first, _BREAK)
    years += [y for y in range(start - start % 5, last + 1, 5) if y >= start]
    parts = [
        f'<line x1="{_x(y, first, last):.1f}" y1="{_TOP - 8}" x2="{_x(y, first, last):.1f}" y2="{height - 20}" '
        f'stroke="currentColor" stroke-opacity="0.2"/><text x="{_x(y, first, last):.1f}" y="{_TOP - 14}" '
        f'font-size="11" text-anchor="middle" fill="currentColor">{y}</text>'
        for y in years
    ]
    if first < _BREAK:
        x = _x(_BREAK, first, last) - 6
        parts.append(
            f'<path d="M{x - 4:.1f},{_TOP - 4} l4,-6 l4,6 l4,-6" fill="none" stroke="currentColor">'
            f"<title>The years before {_BREAK} are drawn closer together</title></path>"
        )
    return parts


def _defs() -> str:
    shapes = {
        "diag": '<path d="M0,6 L6,0" stroke="currentColor" stroke-width="1"/>',
        "dots": '<circle cx="3" cy="3" r="1.2" fill="currentColor"/>',
        "cross": '<path d="M0,0 L6,6 M6,0 L0,6" stroke="currentColor" stroke-width="0.8"/>',
        "vert": '<path d="M3,0 L3,6" stroke="currentColor" stroke-width="1"/>',
        "horiz": '<path d="M0,3 L6,3" stroke="currentColor" stroke-width="1"/>',
    }
    patterns = "".join(
        f'<pattern id="tl-{name}" width="6" height="6" patternUnits="userSpaceOnUse">{shape}</pattern>'
        for name, shape in shapes.items()
    )
    marker = (
        '<marker id="tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker>'
    )
    return f"<defs>{patterns}{marker}</defs>"


_LAST = 1940
"""The right edge when no dated grouping ends later: the works end with Trotsky's death."""


def _end(faction: Faction, last: int) -> int:
    return faction.end if faction.end is not None else last


def dated(factions: list[Faction]) -> list[Faction]:
    """The factions on the timeline, grouped by kind in the page's order, by first year within a kind."""
    order = list(FACTION_KIND_HEADINGS)
    found = [f for f in factions if f.start is not None]
    return sorted(found, key=lambda f: (order.index(f.kind), f.start or 0, f.end or _LAST, f.name))


def svg(factions: list[Faction]) -> str:
    ordered = dated(factions)
    first = min((f.start for f in ordered if f.start is not None), default=1900)
    last = max([_LAST, *(f.end for f in ordered if f.end is not None)])
    kinds = list(dict.fromkeys(f.kind for f in ordered))
    height = _TOP + _ROW * (len(ordered) + len(kinds)) + 20
    row: dict[str, int] = {}
    for f in ordered:  # one heading row before each kind
        row[f.key] = len(row) + kinds.index(f.kind) + 1
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" role="img" '
            f'aria-labelledby="tl-title tl-desc" class="ap-timeline" style="color:currentColor">'
        ),
        '<title id="tl-title">Timeline of the factions</title>',
        (
            f'<desc id="tl-desc">Years in which each of {len(ordered)} dated political groupings was active, '
            f"{first} to {last}, grouped by kind; the years before {_BREAK} are drawn closer together, and a "
            f"bar that ends in an arrowhead runs on past {last}. "
            "Dashed arrows lead from a grouping to its successor or to the bloc it merged into. "
            "The table below the picture gives the same information.</desc>"
        ),
        _defs(),
    ]
    parts += _axis(first, last, height)
    for kind in kinds:
        y = _TOP + (row[next(f.key for f in ordered if f.kind is kind)] - 1) * _ROW
        parts.append(
            f'<text x="8" y="{y + 17}" font-size="12" font-weight="bold" fill="currentColor">'
            f"{html.escape(FACTION_KIND_HEADINGS[kind])}</text>"
        )
    for faction in ordered:
        i = row[faction.key]
        y = _TOP + i * _ROW
        start = faction.start if faction.start is not None else first
        x1, x2 = _x(start, first, last), _x(_end(faction, last) + 1, first, last)
        pattern = _PATTERNS[i % len(_PATTERNS)]
        name = html.escape(faction.name)
        label = f"{faction.name} {faction.years}"
        after = x2 + (14 if faction.end is None else 6)
        top, tall, baseline = y + 4, _ROW - 10, y + 15
        if after + len(label) * _CHAR <= _WIDTH - 4:
            where = f'x="{after:.1f}" text-anchor="start"'
        elif x1 - 6 - len(label) * _CHAR >= 0:
            where = f'x="{x1 - 6:.1f}" text-anchor="end"'
        else:  # a long bar: the name above a thinner bar
            where, top, tall, baseline = f'x="{x1 + 2:.1f}" text-anchor="start"', y + 15, 7, y + 12
        parts.append(
            f'<g><text {where} y="{baseline}" font-size="12" fill="currentColor">{html.escape(label)}</text>'
            f'<rect x="{x1:.1f}" y="{top}" width="{x2 - x1:.1f}" height="{tall}" '
            f'fill="url(#tl-{pattern})" stroke="currentColor"><title>{name}, {faction.years}'
            f"</title></rect>{_open_end(x2, top, tall) if faction.end is None else ''}</g>"
        )
    edges = {(f.key, f.merged_into) for f in ordered if f.merged_into}
    edges |= {(before, f.key) for f in ordered for before in f.successor_of}
    by_key = {f.key: f for f in ordered}
    parts.extend(
        _arrow(by_key[a], by_key[b], row[a], row[b], first, last)
        for a, b in sorted(edges)
        if a in row and b in row
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _open_end(x: float, top: float, tall: float) -> str:
    """The arrowhead of a grouping that outlived the period."""
    return f'<path d="M{x:.1f},{top} l8,{tall / 2:.1f} l-8,{tall / 2:.1f} z" fill="currentColor"/>'


def _arrow(source: Faction, target: Faction, i: int, j: int, first: int, last: int) -> str:
    x = _x(min(_end(source, last) + 1, target.start or first), first, last)
    y1 = _TOP + i * _ROW + _ROW / 2
    y2 = _TOP + j * _ROW + (4 if j > i else _ROW - 6)
    return (
        f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="currentColor" '
        f'stroke-dasharray="3 2" marker-end="url(#tl-arrow)"><title>{html.escape(source.name)} led into '
        f"{html.escape(target.name)}</title></line>"
    )
