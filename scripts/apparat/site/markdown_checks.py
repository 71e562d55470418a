"""Footnote checks on the Markdown itself, read by markdown-it-py with the footnote plugin.

Python-Markdown, which MkDocs uses, lets three footnote mistakes through silently: a reference with no
definition stays as literal `[^N]`, a second definition of the same label replaces the first, and a
definition no reference calls is still listed. Reading the Markdown with a second, independent parser
(markdown-it-py, CommonMark + mdit-py-plugins' footnotes) catches all three at their source line, in the
pages contributors write. Code spans and fenced code are skipped, as a reader of the Markdown would expect.

The chapters we emit write their notes as HTML with the printed numbers (`render/notes.py`), not as
Markdown footnotes; `note_problems` checks those at their source line in the same three ways: a
reference to a note the page does not list, a note listed twice, a listed note no reference calls (unless
it says it has no marker, `data-uncalled`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote import footnote_plugin

from apparat.diagnostics import Code, Diagnostic, Severity

_DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:")
_HTML_REFERENCE = re.compile(r'<a class="footnote-ref" href="#(fn:[^"]+)"')
_HTML_NOTE = re.compile(r'<li id="(fn:[^"]+)"([^>]*)>')
_LEFT_AS_TEXT = re.compile(r"\[\^([^\]\s]+)\]")


def _record_definitions(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Note every footnote definition with its line, then let the footnote plugin parse it."""
    begin = state.bMarks[start] + state.tShift[start]
    match = _DEFINITION.match(state.src, begin)
    if match and not silent:
        state.env.setdefault("apparat_definitions", []).append((match.group(1), start + 1))
    return False


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin)
    md.block.ruler.before(
        "footnote_def", "apparat_definitions", _record_definitions, {"alt": ["paragraph", "reference"]}
    )
    return md


_MD = _parser()


def footnote_problems(text: str) -> list[tuple[int | None, str]]:
    """(line, message) for each undefined, duplicated or unused footnote of a Markdown text."""
    env: dict[str, Any] = {}
    tokens = _MD.parse(text, env)
    problems: list[tuple[int | None, str]] = []
    first: dict[str, int] = {}
    for label, line in env.get("apparat_definitions", []):
        if label in first:
            problems.append(
                (
                    line,
                    f"expected one definition of footnote [^{label}], found a second (first at line {first[label]})",
                )
            )
        first.setdefault(label, line)
    used: set[str] = set()
    for token in tokens:
        if token.type != "inline":
            continue
        line = token.map[0] + 1 if token.map else None
        plain = "".join(child.content for child in token.children or [] if child.type == "text")
        problems.extend(
            (line, f"expected a definition of footnote [^{label}], found none")
            for label in _LEFT_AS_TEXT.findall(plain)
        )
        used.update(child.meta["label"] for child in token.children or [] if child.type == "footnote_ref")
    problems.extend(
        (first[label], f"expected a reference to footnote [^{label}], found none (unused)")
        for label in sorted(set(first) - used, key=lambda label: first[label])
    )
    return problems


def note_problems(text: str) -> list[tuple[int | None, str]]:
    """(line, message) for each note written as HTML that is called but not listed, listed twice, or listed
    but never called."""
    called: dict[str, int] = {}
    listed: dict[str, int] = {}
    uncalled: set[str] = set()
    problems: list[tuple[int | None, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in _HTML_REFERENCE.finditer(line):
            called.setdefault(match.group(1), number)
        for match in _HTML_NOTE.finditer(line):
            note = match.group(1)
            if note in listed:
                problems.append(
                    (number, f"expected one note {note}, found a second (first at line {listed[note]})")
                )
            listed.setdefault(note, number)
            if "data-uncalled" in match.group(2):
                uncalled.add(note)
    problems += [
        (line, f"expected note {note} in the notes list, found none")
        for note, line in called.items()
        if note not in listed
    ]
    problems += [
        (line, f"expected a reference to note {note}, found none (unused)")
        for note, line in listed.items()
        if note not in called and note not in uncalled
    ]
    return sorted(problems, key=lambda p: p[0] or 0)


def check_markdown(paths: Iterable[Path], shown: Path) -> list[Diagnostic]:
    """The footnote and note problems of each Markdown file, as diagnostics at their line."""
    found = []
    for path in paths:
        where = path.relative_to(shown).as_posix() if path.is_relative_to(shown) else str(path)
        text = path.read_text(encoding="utf-8", errors="replace")  # a page that is not UTF-8: check_pages
        for line, message in footnote_problems(text) + note_problems(text):
            found.append(Diagnostic(Code.SITE_FOOTNOTE, Severity.ERROR, where, line, message))
    return found
