"""BibTeX values as text: LaTeX decoded (`--` → en dash, accents, `\\&`), braces dropped, HTML-escaped."""

from __future__ import annotations

import codecs
import html
import re
from functools import cache

import latexcodec  # noqa: F401  (registers the `ulatex` codec)


@cache
def plain(value: str) -> str:
    """A BibTeX value as text: LaTeX decoded (`--` → en dash, accents), braces dropped.

    Cached: latexcodec is slow, and the list, the tips and the downloads decode the same values."""
    if not re.search(r"[\\{}~`'$-]", value):
        return value
    decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]  # a str-to-str codec
    return decoded.replace("{", "").replace("}", "")


def esc(value: str) -> str:
    return html.escape(plain(value), quote=False)
