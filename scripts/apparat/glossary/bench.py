"""The benchmark figure: how long annotating the works takes (loading the data and building the matcher
included, since a build pays for both)."""

from __future__ import annotations

import time
from pathlib import Path

from apparat.diagnostics import Reporter
from apparat.glossary import publish
from apparat.glossary.annotate import _MATCHERS
from apparat.model import Document
from apparat.works import PROJECT, Work


def annotate_seconds(documents: list[tuple[Document, Work]], data_dir: Path | None = None) -> float:
    """Seconds to load the glossary and annotate every document, from a cold matcher cache."""
    _MATCHERS.clear()
    started = time.perf_counter()
    glossary = publish.load(data_dir or PROJECT / "content" / "data", Reporter("glossary"))
    for document, work in documents:
        publish.annotate(document, work, glossary)
    return time.perf_counter() - started


def report(documents: list[tuple[Document, Work]]) -> str:
    seconds = annotate_seconds(documents)
    return f"glossary annotation of {len(documents)} work(s): {seconds:.3f} s"
