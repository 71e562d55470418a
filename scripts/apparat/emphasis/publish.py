"""The interface the site builds against: load the data, annotate a document, write the pages, give the tips."""

from __future__ import annotations

from pathlib import Path

from apparat.bib.database import Bibliography
from apparat.bib.style import plain
from apparat.diagnostics import Reporter
from apparat.edition import Edition
from apparat.emphasis import annotate as _annotate
from apparat.emphasis import titles as _titles
from apparat.emphasis.annotate import Sources
from apparat.glossary.entries import Glossary
from apparat.model import Annotation, Document
from apparat.works import Work

__all__ = ["Sources", "annotate", "load", "tips", "write_pages"]


def load(
    data_dir: Path,
    reporter: Reporter,
    *,
    bibliography: Bibliography | None = None,
    glossary: Glossary | None = None,
) -> Sources:
    """The italic titles of the bibliography and the glossary, as the other two layers loaded them (this
    layer reads no file of its own: `data_dir` and `reporter` keep the common signature)."""
    del data_dir, reporter
    names: list[str] = []
    if glossary is not None:
        for person in glossary.persons.values():
            surname, _, given = person.name.partition(", ")
            names += [person.name, f"{given} {surname}", person.full_name or "", *person.forms]
        names += [spelling for f in glossary.factions.values() for spelling in (f.name, *f.aliases)]
        names += [term.lemma for term in glossary.terms.values()]
    index = None
    if bibliography is not None:
        index = _titles.build(_titles.italic_titles(bibliography.entries, plain), names)
    return Sources(index, glossary)


def annotate(document: Document, work: Work, sources: Sources) -> list[Annotation]:
    """Emphasis spans (kind `emphasis`, with their evidence) over the document's blocks and notes; reads
    the citation and term spans already in `document.annotations`."""
    del work
    return _annotate.annotate(document, sources)


def write_pages(sources: Sources, editions: list[Edition], content_dir: Path) -> list[Path]:
    """No pages of its own."""
    del sources, editions, content_dir
    return []


def tips(sources: Sources) -> dict[str, str]:
    """No tooltips: italics explain themselves."""
    del sources
    return {}
