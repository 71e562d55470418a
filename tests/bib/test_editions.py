"""Which entries are editions of one work (`related`), and which are not."""

from __future__ import annotations

from pathlib import Path

from apparat.bib import database, editions
from apparat.diagnostics import Reporter

BIB = """
@book{Name1925, author = {Name, N.}, title = {Historical Things: A System}, address = {New York}, year = {1925}}
@book{Name1926Historical, author = {Name, N.}, title = {Historical Things}, address = {London}, year = {1926}}
@incollection{Name1987Things, author = {Name, N.}, title = {Historical Things}, booktitle = {Works}, year = {1987}}
@book{Cliff1991, author = {Cliff, T.}, title = {Trotsky: The Rising Night}, year = {1991}}
@book{Cliff1993, author = {Cliff, T.}, title = {Trotsky: The Darker Day}, year = {1993}}
@book{Carr1950, author = {Carr, E.}, title = {History}, volume = {1}, year = {1950}}
@book{Carr1952, author = {Carr, E.}, title = {History}, volume = {2}, year = {1952}}
@book{Series1971, author = {Series}, title = {The Writings}, year = {1971}, x-apparat-source = {title: b.txt:336}}
@book{Series1972, author = {Series}, title = {The Writings}, year = {1972}, x-apparat-source = {title: b.txt:336}}
@book{Other1973, author = {Other, A.}, title = {Historical Things}, year = {1973}}
"""


def test_editions_of_one_work_are_related_and_volumes_are_not() -> None:
    bibliography = database.parse(BIB, Path("x.bib"), Reporter("x.bib"))
    related = editions.related(bibliography)
    assert related == {
        "Name1925": ["Name1926Historical", "Name1987Things"],
        "Name1926Historical": ["Name1925", "Name1987Things"],
        "Name1987Things": ["Name1925", "Name1926Historical"],
    }
    assert not editions.same_printing(
        bibliography.entries["Name1925"], bibliography.entries["Name1926Historical"]
    )
