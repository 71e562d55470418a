"""Small text tests shared by the profiles."""

from __future__ import annotations


def is_blank(line: str) -> bool:
    return not line.strip()


def width(line: str) -> int:
    """Length of the line without its trailing spaces: how much of the measure it fills."""
    return len(line.rstrip())


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "?", "!", ".’", ".”", "’.", "”.", ")", ").", ".)"))
