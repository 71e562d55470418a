"""Small text tests shared by the profiles."""

from __future__ import annotations

from itertools import repeat


def is_blank(line: str) -> bool:
    return not line.strip()


def width(line: str) -> int:
    """Length of the line without its trailing spaces: how much of the measure it fills."""
    return len(line.rstrip())


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "?", "!", ".’", ".”", "’.", "”.", ")", ").", ".)"))


# Advance widths of a common book face (Times Roman, in thousandths of an em, from its published font
# metrics): enough to tell how much of the measure a line fills, which a count of characters cannot (an
# ellipsis of thin spaces is seven characters; "illicit" is narrower than "MMMMMMM").
_WIDTHS = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
            444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
            500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
            722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
            722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
        ),
        strict=True,
    )
)  # fmt: skip
_WIDTHS.update(dict.fromkeys("0123456789", 500))
_WIDTHS.update(
    {" ": 250, "\u00a0": 250, "\u2009": 167, ".": 250, ",": 250, ";": 278, ":": 278, "‘": 333, "’": 333,
     "'": 180, "“": 444, "”": 444, '"': 408, "-": 333, "–": 500, "—": 1000, "(": 333, ")": 333, "[": 333,
     "]": 333, "?": 444, "!": 333, "/": 278, "&": 778, "%": 833}
)  # fmt: skip
_DEFAULT_WIDTH = 500


def printed_width(line: str) -> float:
    """How wide the line prints, in ems of a common book face (trailing spaces left out)."""
    return sum(map(_WIDTHS.get, line.rstrip(), repeat(_DEFAULT_WIDTH))) / 1000
