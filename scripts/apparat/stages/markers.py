"""Find note markers in body lines: bare numbers glued to the preceding word or punctuation.

Markers are numbered 1, 2, 3 ... in strict sequence (per chapter or per work), and every marker survives in
the extractions. So a candidate is accepted only when it carries the next expected number: that keeps
years ("1923"), ranges ("1926–7") and figures ("2.5") from being taken as markers.
"""

from __future__ import annotations

import re

from apparat.state import Marker

# Digits glued to a letter or closing punctuation ("bureaucracy’.12", "society,4"), or after closing
# punctuation and one space ("on paper. 173"); followed by space, punctuation, a capital or the line end.
_CANDIDATE = re.compile(
    r"(?:(?<=[^\s\d–\-/(\[§$£])|(?<=[.,;:’”?!)] ))(\d{1,3})(?=[\s,.;:)’”\]A-Z‘“]|$)",
)


# "see p. 5", "vol. 2", "ch. 3": a number after an abbreviation and a space is a reference, not a marker.
_REFERENCE = re.compile(
    r"(?:^|[\s(])(?:p|pp|no|nos|vol|vols|ch|chs|sec|fig|art|para|part|pt|n|nn)\. $", re.IGNORECASE
)


def find_markers(line: str, index: int, expected: int) -> list[Marker]:
    """Markers in `line` in sequence, starting with note number `expected`."""
    found: list[Marker] = []
    for match in _CANDIDATE.finditer(line):
        n = int(match.group(1))
        if n == expected and _REFERENCE.search(line, 0, match.start(1)):
            continue
        if n == expected:
            found.append(Marker(index, match.start(1), match.end(1), n))
            expected += 1
    return found


# Only markers glued to the text: "p. 40" in a note must not count as marker 40.
_GLUED = re.compile(r"(?<=[^\s\d–\-/(\[§$£])(\d{1,3})(?=[\s,.;:)’”\]A-Z‘“]|$)")


def has_glued_marker(line: str, expected: int) -> bool:
    """True if the line carries the marker `expected` glued to a word: strong evidence of body text."""
    return any(int(m.group(1)) == expected for m in _GLUED.finditer(line))
