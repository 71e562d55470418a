"""The interface the site builds against: load the data, annotate a document, write the pages, give the tips."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apparat.diagnostics import Reporter
from apparat.edition import Edition
from apparat.glossary import annotate as _annotate
from apparat.glossary import data as _data
from apparat.glossary import pages as _pages
from apparat.glossary import search as _search
from apparat.glossary import tips as _tips
from apparat.glossary.entries import Glossary
from apparat.glossary.incremental import AnnotationCache, annotation_key
from apparat.model import Annotation, Document
from apparat.works import Work

__all__ = ["Glossary", "annotate", "load", "search_terms", "tips", "write_pages"]


def load(data_dir: Path, reporter: Reporter) -> Glossary:
    """Read terms.yml, factions.yml and persons.yml from `data_dir`; problems go to `reporter` as errors."""
    return _data.load_glossary(data_dir, reporter)


def annotate(
    document: Document, work: Work, glossary: Glossary, cache_dir: Path | None = None
) -> list[Annotation]:
    """Term, faction and person spans in every block and note, clear of note references and of the
    annotations already in `document.annotations` (citations run first).

    With `cache_dir`, a work is annotated again only when its texts or an entry that can match in it
    changed (apparat.glossary.incremental)."""
    del work  # every work shares one glossary; kept for the common signature
    if cache_dir is None:
        return _annotate.annotate(document, glossary)
    cache = AnnotationCache(cache_dir)
    key = annotation_key(document, glossary, _annotate.matcher_for(glossary), cache)
    found = cache.get(key)
    if found is None:
        found = _annotate.annotate(document, glossary)
        cache.put(key, found)
    return found


def write_pages(glossary: Glossary, editions: list[Edition], content_dir: Path) -> list[Path]:
    """`content/glossary/terms.md`, `factions.md`, `persons.md` and the factions timeline SVG."""
    return _pages.write_pages(glossary, editions, content_dir)


def tips(glossary: Glossary) -> dict[str, str]:
    """`term:<key>` / `faction:<key>` / `person:<key>` → small safe HTML for the tooltip."""
    return _tips.tips(glossary)


def search_terms(glossary: Glossary) -> dict[str, Any]:
    """What the site's search expands a query with: the transliteration table, each term's spellings and
    its glosses (apparat.glossary.search)."""
    return _search.search_terms(glossary)
