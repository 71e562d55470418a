"""Chicago through citeproc-py: en dashes in ranges, single quotes inside double, names as given, the
printed year of the book's citations, editors and anonymous chapters, and the order of the list."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, parse_string

from apparat.bib import csl, style


def entry(text: str) -> tuple[str, Entry]:
    ((key, parsed),) = parse_string(text, "bibtex").entries.items()
    return key, parsed


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPARAT_NO_BIB_CACHE", "1")
    csl.renderer.cache_clear()


def test_chapter_in_notes_bibliography_style() -> None:
    key, chapter = entry(
        "@incollection{Name1990Chapter, author = {Name, E.}, title = {“Oddism” in the Party},"
        " booktitle = {A Volume 1917-1923}, editor = {Editor, N. and Other, E.D.}, address = {New York},"
        " year = {1990}, pages = {91-137}}"
    )
    html = style.notes_bibliography(key, chapter)
    assert html == (
        "Name, E. “‘Oddism’ in the Party.” In <i>A Volume 1917–1923</i>, edited by N. Editor and E.D. Other, "
        "91–137. New York, 1990."
    )


def test_author_date_keeps_the_printed_year_and_the_names() -> None:
    key, book = entry("@book{Name1960-70, author = {Name, V.I.}, title = {Works}, year = {1960--1970}}")
    assert style.author_date(key, book).startswith("Name, V.I. 1960–70. <i>Works</i>.")
    key, book = entry("@book{Name1923b, author = {Name}, title = {Why Not?}, year = {1923}, address = {X}}")
    assert style.author_date(key, book) == "Name. 1923b. <i>Why Not?</i> X."


def test_editors_lead_a_volume_and_a_title_leads_an_anonymous_chapter() -> None:
    key, volume = entry(
        "@book{Ed1971Docs, editor = {Ed, J.}, title = {Documents}, address = {London}, year = {1971}}"
    )
    assert style.notes_bibliography(key, volume) == "Ed, J., ed. <i>Documents</i>. London, 1971."
    key, chapter = entry(
        "@incollection{Theses1971, editor = {Ed, J.}, title = {Theses}, booktitle = {Documents},"
        " address = {London}, year = {1971}}"
    )
    assert style.notes_bibliography(key, chapter).startswith(
        "“Theses.” In <i>Documents</i>, edited by J. Ed."
    )


def test_values_are_escaped() -> None:
    key, book = entry("@book{X1, author = {X}, title = {<script>alert(1)</script> \\& more}, year = {2000}}")
    assert style.author_date(key, book) == "X. 2000. <i>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</i>."


def test_order_is_author_year_letter() -> None:
    entries = dict(
        entry(text)
        for text in (
            "@misc{Trotsky1994, author = {Trotsky}, year = {1994}}",
            "@book{Trotsky1919, author = {Trotsky, Leon}, title = {B}, year = {1919}}",
            "@misc{Trotsky1923b, author = {Trotsky}, year = {1923}}",
            "@book{Trotsky1923a, author = {Trotsky, Leon}, title = {A}, year = {1923}}",
            "@book{Serge-Trotsky1924, author = {Serge and Trotsky}, year = {1924}}",
            "@book{Tucker1977, editor = {Tucker, Robert C.}, title = {S}, year = {1977}}",
        )
    )
    order = sorted(entries, key=lambda k: style.sort_key(k, entries[k]))
    assert order == [
        "Serge-Trotsky1924",
        "Trotsky1919",
        "Trotsky1923a",
        "Trotsky1923b",
        "Trotsky1994",
        "Tucker1977",
    ]
