"""Typographic quotes and apostrophes for text the edition generates from editorial data.

The data files are typed on ordinary keyboards (`Stalin's`, `Biulleten' oppozitsii`, `"paper much-writing"`);
the pages print what the books print: ’ for an apostrophe and a soft sign, ‘ ’ and “ ” for quotation
marks. The source texts are never changed: they already print typographic marks.
"""

from __future__ import annotations

import re

_APOSTROPHE = re.compile(r"(?<=\w)'")
"""After a letter: an apostrophe (Stalin's, workers'), a soft sign (Fel'shtinskii) or a closing quote."""
_OPENING_SINGLE = re.compile(r"'(?=\w)")
_OPENING_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
_TAG = re.compile(r"(<[^>]*>)")


def smarten(text: str) -> str:
    """Straight quotes and apostrophes of plain text made typographic."""
    text = _APOSTROPHE.sub("’", text)
    text = _OPENING_SINGLE.sub("‘", text)
    text = text.replace("'", "’")
    text = _OPENING_DOUBLE.sub(lambda m: m.group(1) + "“", text)
    return text.replace('"', "”")


def _text(part: str) -> str:
    # html.escape writes quotes as references; in text (not in attributes) they need none
    return smarten(part.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", '"'))


def smarten_html(fragment: str) -> str:
    """`smarten` on the text of an HTML fragment, leaving tags and their attributes alone."""
    return "".join(part if part.startswith("<") else _text(part) for part in _TAG.split(fragment))
