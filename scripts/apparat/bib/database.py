"""`bibliography.bib`: the one citation database, read with pybtex, with the source line of every entry.

pybtex's own duplicate check names no line, so the entry heads (`@book{key,`) are scanned first: that
gives each key its line for every later message (unknown key, missing field) as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyData, Entry, parse_string
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from apparat.bib import fields
from apparat.diagnostics import Code, Reporter

_HEAD = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s{}]+)\s*,", re.MULTILINE)
STUB = "stub"
"""Keyword of an entry that still needs its bibliographic data; anything else counts as completed."""


@dataclass(slots=True)
class Bibliography:
    """The parsed database: entries by key, the line of each key, and the file it came from."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def keywords(self, key: str) -> set[str]:
        return keywords_of(self.entries[key])

    def is_stub(self, key: str) -> bool:
        return STUB in self.keywords(key)

    def cited_by(self, work: str) -> list[str]:
        """Keys whose `keywords` name the work, in file order."""
        return [key for key, entry in self.entries.items() if work in keywords_of(entry)]

    def shown_path(self) -> str:
        return display(self.path)


def display(path: Path) -> str:
    from apparat.works import display_path

    return display_path(path)


def keywords_of(entry: Entry) -> set[str]:
    raw = entry.fields.get("keywords", "")
    return {word.strip() for word in str(raw).split(",") if word.strip()}


def head_lines(text: str) -> list[tuple[str, int]]:
    """(key, line) of every entry head, in order, duplicates included."""
    return [
        (m.group(2), text.count("\n", 0, m.start(2)) + 1)
        for m in _HEAD.finditer(text)
        if m.group(1).lower() not in ("comment", "string", "preamble")  # no key: `@comment{a, b}` is text
    ]


KEY = re.compile(r"[A-Za-z0-9:_.+-]+")
"""An entry's key is an anchor of the bibliography page, a tooltip's name and a LaTeX `\\cite` argument: a
`"`, `#`, `?` or `&` in it (pybtex takes them) gave an anchor no link could reach."""


def parse(text: str, path: Path, reporter: Reporter) -> Bibliography:
    """Parse BibTeX text; malformed input and duplicate keys are errors with their line."""
    bibliography = Bibliography(path)
    for problem in fields.check(text):  # TeX commands, markup: what the downloads would pass on
        reporter.error(Code.BIB_FIELD, problem.line, f"expected {problem.expected}, found {problem.found}")
    heads = head_lines(text)
    seen: dict[str, int] = {}
    duplicate = False
    for key, line in heads:
        if key in seen:
            reporter.error(
                Code.BIB_DUPLICATE,
                line,
                f"expected a unique key, found {key!r} again (first at line {seen[key]})",
            )
            duplicate = True
        else:
            seen[key] = line
        if not KEY.fullmatch(key):
            shown = ascii(key[:60])
            reporter.error(
                Code.BIB_SYNTAX, line, f"expected a key of letters, digits and : _ . + -, found {shown}"
            )
            duplicate = True
    if duplicate:
        return bibliography
    previous = pybtex.errors.strict
    pybtex.errors.set_strict_mode(True)
    try:
        data: BibliographyData = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        where = getattr(error, "lineno", None)
        reporter.error(
            Code.BIB_SYNTAX,
            where,
            f"expected well-formed BibTeX, found {error.args[0] if error.args else error}",
        )
        return bibliography
    except PybtexError as error:  # bad names, repeated fields: pybtex's other error classes
        reporter.error(Code.BIB_SYNTAX, None, f"expected well-formed BibTeX, found {error}")
        return bibliography
    finally:
        pybtex.errors.set_strict_mode(previous)
    for key, entry in data.entries.items():
        bibliography.entries[key] = entry
        bibliography.lines[key] = seen.get(key, 0)
    return bibliography


def read_text(path: Path, reporter: Reporter) -> str | None:
    """The text of a .bib file; None, with an error at its line, when it is not UTF-8 (a traceback before)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        found = f"the byte 0x{raw[error.start]:02X}, which is not UTF-8"
        reporter.error(Code.BIB_SYNTAX, line, f"expected UTF-8 text, found {found}")
        return None


def read(path: Path, reporter: Reporter) -> Bibliography:
    if not path.is_file():
        reporter.error(Code.BIB_SYNTAX, None, "expected a BibTeX file, found none")
        return Bibliography(path)
    text = read_text(path, reporter)
    if text is None:
        return Bibliography(path)
    return parse(text, path, reporter)
