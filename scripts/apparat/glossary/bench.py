"""The benchmark figure: how long annotating the works takes (loading the data and building the matcher
included, since a build pays for both)."""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from apparat.diagnostics import Reporter
from apparat.glossary import publish
from apparat.glossary.annotate import _MATCHERS, matcher_for
from apparat.model import Document
from apparat.works import Work, project


def annotate_seconds(documents: list[tuple[Document, Work]], data_dir: Path | None = None) -> float:
    """Seconds to load the glossary and annotate every document, from a cold matcher cache."""
    _MATCHERS.clear()
    started = time.perf_counter()
    glossary = publish.load(data_dir or project() / "content" / "data", Reporter("glossary"))
    for document, work in documents:
        publish.annotate(document, work, glossary)
    return time.perf_counter() - started


def report(documents: list[tuple[Document, Work]]) -> str:
    seconds = annotate_seconds(documents)
    return f"glossary annotation of {len(documents)} work(s): {seconds:.3f} s; " + incremental_report(
        documents
    )


def incremental_seconds(documents: list[tuple[Document, Work]], cache_dir: Path) -> dict[str, float]:
    """Annotating every document: cold (empty cache), then again after a definition and after a spelling of
    one term changed (warm cache): what a rebuild after a glossary edit costs."""
    glossary = publish.load(project() / "content" / "data", Reporter("glossary"))
    key = "smychka" if "smychka" in glossary.terms else next(iter(glossary.terms))
    term = glossary.terms[key]
    edits = {
        "cold": glossary,
        "definition changed": dataclasses.replace(
            glossary, terms={**glossary.terms, key: dataclasses.replace(term, definition="Edited.")}
        ),
        "spelling added": dataclasses.replace(
            glossary,
            terms={**glossary.terms, key: dataclasses.replace(term, variants=(*term.variants, "smychkoi"))},
        ),
    }
    out = {}
    for name, edited in edits.items():
        _MATCHERS.clear()
        matcher_for(edited)  # built once per glossary in any build; not what this measures
        started = time.perf_counter()
        for document, work in documents:
            publish.annotate(document, work, edited, cache_dir=cache_dir)
        out[name] = time.perf_counter() - started
    return out


def incremental_report(documents: list[tuple[Document, Work]]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        times = incremental_seconds(documents, Path(folder))
    cold = times["cold"]
    return "glossary re-annotation after an edit: " + ", ".join(
        f"{name} {seconds:.3f} s" + ("" if name == "cold" else f" ({seconds / cold:.0%} of cold)")
        for name, seconds in times.items()
    )
