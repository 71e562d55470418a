"""The interface the site builds against: load the database, annotate a document, write the pages, give the tips."""

from __future__ import annotations

from pathlib import Path

from apparat.bib import annotate as _annotate
from apparat.bib import database as _database
from apparat.bib import pages as _pages
from apparat.bib import provenance as _provenance
from apparat.bib import tips as _tips
from apparat.bib.database import Bibliography
from apparat.diagnostics import Reporter
from apparat.edition import Edition
from apparat.model import Annotation, Document
from apparat.works import Work

__all__ = ["Bibliography", "annotate", "load", "tips", "write_pages"]


def load(bib_path: Path, reporter: Reporter) -> Bibliography:
    """Read `bibliography.bib`; malformed BibTeX and duplicate keys go to `reporter` as errors with their line,
    a field without provenance (no source line, no editorial reason) as a warning."""
    bibliography = _database.read(bib_path, reporter)
    _provenance.report(bibliography.entries, bibliography.lines, reporter)
    return bibliography


def annotate(document: Document, work: Work, bibliography: Bibliography) -> list[Annotation]:
    """Citation spans (kind cite, key = BibTeX key, locator = the page locator) in the notes of the work."""
    return _annotate.annotate(document, work, bibliography)


def write_pages(bibliography: Bibliography, editions: list[Edition], content_dir: Path) -> list[Path]:
    """Per work: `<work>/bibliography.md`, `<work>/bibliography-status.md`, `<work>/<work>.bib|.json|.ris`."""
    return _pages.write_pages(bibliography, editions, content_dir)


def tips(bibliography: Bibliography) -> dict[str, str]:
    """`cite:<key>` → the formatted reference as small safe HTML."""
    return _tips.tips(bibliography)
