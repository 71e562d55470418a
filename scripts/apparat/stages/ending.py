"""Refuse a source that stops in mid-text: a file cut short by a failed download or copy.

A complete work ends on a closed sentence: its last line of text, in the body or in the notes, ends with
sentence punctuation (a note marker may follow). An extraction can truncate a note anywhere, but not the
last line of the whole file, so a final line that stops mid-sentence means the file itself was cut.
"""

from __future__ import annotations

import re

from apparat.diagnostics import Code
from apparat.state import State

_CLOSED = (".", "?", "!", "’", "”", ")", "]")
_GLUED_MARKER = re.compile(r"(?<=[^\s\d])\d{1,3}$")


def check_ending(state: State) -> None:
    lines = state.lines
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        return
    text = lines[last].rstrip()
    if _GLUED_MARKER.sub("", text).endswith(_CLOSED):
        return
    state.reporter.error(
        Code.LAYOUT_TRUNCATED,
        last + 1,
        f"expected the work to end on a complete sentence, found {text.strip()[-50:]!r} "
        "(the file seems to be cut short)",
    )
