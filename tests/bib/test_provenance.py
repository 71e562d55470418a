"""Provenance of every field: the grammar of the two fields, how a printed value backs an entry's value,
and `apparat bib --check` failing on a field without source or reason."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pybtex.database import parse_string

from apparat.bib import provenance
from apparat.bib.provenance import Kind, Place, Support, support
from apparat.commands import bib as command


def test_sources_round_trip() -> None:
    text = "author, year: a.txt:12, b.txt:37; title: a.txt:88-89"
    parsed = provenance.parse_sources(text)
    assert parsed["title"] == (Place("a.txt", 88, 89),)
    assert parsed["author"] == (Place("a.txt", 12, 12), Place("b.txt", 37, 37))
    assert provenance.format_sources(parsed, ["author", "title", "year"]) == text


def test_editorial_reasons_and_their_absence() -> None:
    assert provenance.parse_editorial("publisher, address: catalogue data; note: ours") == {
        "publisher": "catalogue data",
        "address": "catalogue data",
        "note": "ours",
    }
    assert provenance.parse_editorial("publisher") == {"publisher": ""}
    with pytest.raises(provenance.ProvenanceError):
        provenance.parse_sources("title: line twelve")


def test_kinds_of_origin() -> None:
    entry = parse_string(
        "@book{K, author = {Name, Given}, title = {T}, publisher = {P}, year = {1990}, address = {X},"
        " x-apparat-source = {author, title, year: a.txt:3},"
        " x-apparat-editorial = {author: given name from the catalogue; publisher: catalogue}}",
        "bibtex",
    ).entries["K"]
    kinds = {name: origin.kind for name, origin in provenance.origins(entry).items()}
    assert kinds == {
        "author": Kind.COMPLETED,
        "title": Kind.SOURCE,
        "year": Kind.SOURCE,
        "publisher": Kind.EDITORIAL,
        "address": Kind.UNEXPLAINED,
    }


@pytest.mark.parametrize(
    ("name", "entry", "printed", "expected"),
    [
        ("author", "Lenin, V. I.", "Lenin, V.I.", Support.EXACT),
        ("author", "Anderson, Perry", "Anderson, P.", Support.PARTIAL),
        ("author", "Anderson, Perry", "Anderson, K.", Support.NONE),
        ("author", "van der Linden, Marcel", "Linden", Support.PARTIAL),
        ("author", "Brou{\\'e}, Pierre", "Broué", Support.PARTIAL),
        ("author", "Viola, L. and Danilov, V.", "Viola and others", Support.PARTIAL),
        ("year", "1960--1970", "1960--70", Support.EXACT),
        ("year", "1925", "1926", Support.NONE),
        (
            "title",
            "The Revolution Betrayed: What Is the Soviet Union",
            "The Revolution Betrayed",
            Support.PARTIAL,
        ),
        ("title", "The Trotsky Papers, 1917--1922", "The Trotsky Papers 1917–1922", Support.EXACT),
        ("address", "Armonk, NY", "Nottingham", Support.NONE),
    ],
)
def test_support(name: str, entry: str, printed: str, expected: Support) -> None:
    assert support(name, entry, printed) is expected


HAND = """@book{Trotsky1937,
  author = {Trotsky, Leon},
  title = {The Revolution Betrayed},
  publisher = {Doubleday, Doran},
  year = {1937},
  keywords = {sample-book},
  x-apparat-editorial = {author: given name from the catalogue; title: catalogue title; publisher},
}
"""


def test_check_fails_on_an_editorial_field_without_reason(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bibliography.bib"
    path.write_text(HAND, encoding="utf-8")
    args = argparse.Namespace(bib=path, sources=None, check=False, work=["sample-book"])
    command.run(args)  # adds the stubs and the source lines
    capsys.readouterr()
    args.check = True
    assert command.run(args) == 1
    err = capsys.readouterr().err
    assert (
        "Trotsky1937: expected a reason for the editorial field publisher, found none [apparat.bib.no-reason]"
        in err
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: catalogue title; publisher}", "title: catalogue title}"
        )
    )
    assert command.run(args) == 1
    assert (
        "Trotsky1937: expected publisher to have a source line or an editorial reason"
        in capsys.readouterr().err
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: catalogue title}", "title, publisher: catalogue}")
    )
    assert command.run(args) == 0, capsys.readouterr().err
