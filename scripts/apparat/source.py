"""Read a source text and refuse what is not one: missing, empty, binary or non-UTF-8 files.

Normalisation that does not change the text's meaning happens here, once: CR LF line ends become LF (with a
warning), and stray control characters are dropped with a warning naming the line. Everything else (thin
spaces, no-break spaces, typographic quotes) is kept for the profiles to interpret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from apparat.diagnostics import Code, Reporter, fail

# Characters that never belong in reading text; the extraction leaves a few behind: C0/C1 controls (but
# tab), byte-order marks, replacement characters, soft hyphens and zero-width spaces.
_STRAY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffd\u00ad\u200b-\u200d\u2060]")


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    """The path as given, used in every message."""
    lines: list[str]
    """Line i+1 of the file is lines[i]; a final newline does not make an extra line."""
    size: int
    """Size in bytes."""


def read_source(path: Path, reporter: Reporter, display: str | None = None) -> SourceText:
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise fail(
            Code.SOURCE_MISSING, shown, None, "a readable text file", error.strerror or str(error)
        ) from None
    if not data.strip():
        raise fail(Code.SOURCE_EMPTY, shown, 1, "the text of a work", "an empty file")
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise fail(Code.SOURCE_BINARY, shown, line, "UTF-8 text", "binary data (a NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        raise fail(
            Code.SOURCE_ENCODING, shown, line, "UTF-8 text", f"the byte 0x{byte}, not valid UTF-8"
        ) from None
    if "\r" in text:
        first = text[: text.index("\r")].count("\n") + 1
        reporter.warn(Code.SOURCE_CRLF, first, "expected LF line ends, found CR LF (normalised)")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if _STRAY.search(text):
        for number, raw in enumerate(lines, 1):
            if _STRAY.search(raw):
                lines[number - 1] = _STRAY.sub("", raw)
                reporter.warn(Code.SOURCE_CONTROL, number, "removed a stray control or replacement character")
    return SourceText(shown, lines, len(data))
