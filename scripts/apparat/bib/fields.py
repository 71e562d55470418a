"""What a BibTeX field may hold, and each export format's escaping.

`bibliography.bib` is published as downloads (`.bib`, `.ris`, CSL `.json`), and whoever cites our `.bib` in
LaTeX runs the TeX in its fields: `title = {\\input{/etc/passwd}}` would read a file on their machine, and
`\\write18` could run a program. So a field is plain text plus a short allow-list of TeX accents, special
letters and escapes (`ALLOWED_WORDS`, `ALLOWED_SYMBOLS`); any other command, TeX's `^^` character notation,
an `@preamble` (copied verbatim into every document that cites the file), HTML markup, a script address or a
bidirectional control character is an error at its line of `bibliography.bib` (`check`).

The exports then escape each value for its format, as defence in depth (`bibtex_value`, `ris_value`,
`json_text`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from apparat.untrusted import BIDI, field_problems

ALLOWED_SYMBOLS = frozenset("'`^\"~=.&%$#_{} -,/")
"""`\\'` `\\`` `\\^` `\\"` `\\~` `\\=` `\\.` (accents), `\\&` `\\%` `\\$` `\\#` `\\_` `\\{` `\\}` (escaped
specials), `\\ ` (a space), `\\-` (a hyphenation point), `\\,` (a thin space), `\\/` (italic correction)."""
ALLOWED_WORDS = frozenset(
    {
        *("u", "v", "H", "c", "d", "b", "k", "r", "t"),  # accents: breve, caron, long umlaut, cedilla, ...
        *("o", "O", "l", "L", "i", "j", "ss", "ae", "AE", "oe", "OE", "aa", "AA"),  # special letters
    }
)
_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)?", re.DOTALL)
_FIELD_NAME = re.compile(r"([A-Za-z][\w-]*)\s*=\s*[{\"]?[^=]*\Z", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class FieldProblem:
    line: int
    expected: str
    found: str


def check(text: str) -> list[FieldProblem]:
    """Every disallowed command, `^^`, markup or control character inside the entries of a .bib text."""
    problems: list[FieldProblem] = []
    for kind, start, end in _entries(text):
        line = text.count("\n", 0, start) + 1
        if kind == "preamble":
            problems.append(
                FieldProblem(
                    line, "bibliographic entries", "an @preamble (TeX run by every document citing us)"
                )
            )
            continue
        if kind == "comment":
            continue
        problems += _body_problems(text, start, end)
    return problems


def _entries(text: str) -> Iterator[tuple[str, int, int]]:
    """(entry type in lower case, start, end) of each `@type{...}` or `@type(...)`, braces matched."""
    position = 0
    while match := _HEAD.search(text, position):
        close = "}" if match.group(2) == "{" else ")"
        depth, index = 0, match.end()
        while index < len(text):
            char = text[index]
            if char == "{":
                depth += 1
            elif char == "}" and depth > 0:
                depth -= 1
            elif char == close and depth == 0:
                break
            index += 1
        yield match.group(1).lower(), match.start(), index
        position = max(index, match.end())


def _body_problems(text: str, start: int, end: int) -> list[FieldProblem]:
    body = text[start:end]
    problems: list[FieldProblem] = []

    def add(offset: int, found: str) -> None:
        where = start + offset
        name = _FIELD_NAME.search(body[:offset])
        field = f" in {name.group(1)!r}" if name else ""
        problems.append(
            FieldProblem(
                text.count("\n", 0, where) + 1,
                f"plain text{field} with TeX accents and escapes only",
                found,
            )
        )

    for match in _COMMAND.finditer(body):
        command = match.group(1)
        if command is None:
            add(match.start(), "a backslash at the end of the entry")
        elif command.isalpha() and command not in ALLOWED_WORDS:
            add(match.start(), f"the TeX command \\{command}")
        elif not command.isalpha() and command not in ALLOWED_SYMBOLS:
            add(match.start(), f"the TeX control symbol \\{command}")
    for match in re.finditer(r"\^\^", body):
        add(match.start(), "TeX's ^^ character notation")
    for match in _CONTROL.finditer(body):
        add(match.start(), f"the control character U+{ord(match.group()):04X}")
    for match in BIDI.finditer(body):
        add(match.start(), f"the bidirectional control U+{ord(match.group()):04X}")
    for line in re.finditer(r"[^\n]+", body):
        for found in field_problems(line.group()):
            add(line.end(), found)
    return sorted(problems, key=lambda p: p.line)


# --- escaping per export format -------------------------------------------------------------------------------


def bibtex_value(value: str) -> str:
    """A value for our `.bib` download: any command off the allow-list loses its power (the backslash is
    printed, not run), and `^^`, `<` and `>` are spelled as text."""

    def defuse(match: re.Match[str]) -> str:
        command = match.group(1)
        allowed = command is not None and (
            command in ALLOWED_WORDS if command.isalpha() else command in ALLOWED_SYMBOLS
        )
        return match.group(0) if allowed else "\\textbackslash{}" + (command or "")

    value = _COMMAND.sub(defuse, value)
    value = value.replace("^^", "\\^{}\\^{}").replace("<", "\\textless{}").replace(">", "\\textgreater{}")
    return _CONTROL.sub(" ", BIDI.sub("", value))


def ris_value(value: str) -> str:
    """A value for RIS, whose records are lines (`TI  - ...`): one line, no control characters, so that a
    value can never start a tag or end the record."""
    return " ".join(_CONTROL.sub(" ", BIDI.sub("", value)).split())


def json_text(data: Any) -> str:
    """CSL-JSON that stays inert even if pasted into an HTML page: `<`, `>` and `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return BIDI.sub("", text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")) + "\n"
