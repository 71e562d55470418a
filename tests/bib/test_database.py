"""bibliography.bib errors: malformed BibTeX, duplicate keys and unknown cited keys, each at `path:line`."""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.bib import database, regenerate
from apparat.commands import bib as command
from apparat.diagnostics import Code, Reporter
from apparat.pipeline import convert_file
from apparat.works import SAMPLES

GOOD = """@book{Carr1954,
  author = {Carr, E. H.},
  title = {The Interregnum, 1923--1924},
  year = {1954},
  keywords = {trotsky-bureaucracy},
}
"""


def parse(text: str) -> tuple[database.Bibliography, Reporter]:
    reporter = Reporter("bibliography.bib")
    return database.parse(text, Path("bibliography.bib"), reporter), reporter


def test_well_formed() -> None:
    bibliography, reporter = parse(GOOD)
    assert not reporter.items
    assert bibliography.lines == {"Carr1954": 1}
    assert bibliography.cited_by("trotsky-bureaucracy") == ["Carr1954"]
    assert not bibliography.is_stub("Carr1954")


def test_duplicate_key_names_both_lines() -> None:
    _, reporter = parse(GOOD + "\n" + GOOD)
    (item,) = reporter.items
    assert item.code is Code.BIB_DUPLICATE
    assert str(item).startswith("bibliography.bib:8: error: expected a unique key, found 'Carr1954' again")
    assert "first at line 1" in item.message


def test_malformed_bibtex_has_its_line() -> None:
    _, reporter = parse(GOOD + "\n@book{Broken,\n  title = {No closing brace,\n\n@book{Next, year = {1}}\n")
    (item,) = reporter.items
    assert item.code is Code.BIB_SYNTAX
    assert item.line is not None and item.line >= 8
    assert "expected well-formed BibTeX" in item.message


def test_unknown_cited_key_is_an_error_at_the_note(tmp_path: Path) -> None:
    document, _ = convert_file(SAMPLES / "sample-book.txt", "book", "sample-book")
    bibliography, reporter = parse(GOOD)
    missing = regenerate.unknown_keys([document], bibliography, reporter)
    assert missing > 0
    item = reporter.items[0]
    assert item.code is Code.BIB_UNKNOWN and item.line is not None
    assert str(item).startswith(f"{document.source}:{item.line}: error: expected an entry ")


def test_command_fails_on_a_duplicate(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bibliography.bib"
    path.write_text(GOOD + GOOD, encoding="utf-8")
    args = argparse.Namespace(bib=path, sources=None, check=True, work=["sample-book"])
    assert command.run(args) == 1
    assert f"{path}:7: error: expected a unique key" in capsys.readouterr().err
