"""Layout profiles: the only code that knows how a kind of source is laid out.

A profile is a list of named stages that fill the layout facts of the `State` (line roles, sections, pages,
note starts, headings, quotations). Everything after them is layout-independent.
"""

from __future__ import annotations

from collections.abc import Callable

from apparat.profiles import article, book
from apparat.state import State

Stage = Callable[[State], None]

PROFILES: dict[str, list[tuple[str, Stage]]] = {
    "book": book.STAGES,
    "article": article.STAGES,
}
