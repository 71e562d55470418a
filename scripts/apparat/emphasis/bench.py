"""The benchmark figure: what the italics add to a build (`python -m apparat.emphasis.bench`).

The bibliography and glossary layers run first, untimed; then the emphasis layer's load and its
annotation of every work are timed (best of three), and its spans counted by evidence.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from apparat.bib import publish as bib
from apparat.convert import convert_all
from apparat.diagnostics import Reporter
from apparat.emphasis import publish as emphasis
from apparat.glossary import publish as glossary
from apparat.model import Document
from apparat.works import Work, project, sources_dir


def bench(documents: list[tuple[Document, Work]]) -> tuple[float, float, Counter[str]]:
    """(load seconds, annotate seconds for all works, spans by evidence)."""
    bibliography = bib.load(project() / "bibliography.bib", Reporter("bibliography.bib"))
    terms = glossary.load(project() / "content" / "data", Reporter("content/data"))
    for document, work in documents:
        document.annotations = list(bib.annotate(document, work, bibliography))
        document.annotations += glossary.annotate(document, work, terms)
    started = time.perf_counter()
    sources = emphasis.load(
        project() / "content" / "data", Reporter("-"), bibliography=bibliography, glossary=terms
    )
    load = time.perf_counter() - started
    best = float("inf")
    counts: Counter[str] = Counter()
    for _ in range(3):
        started = time.perf_counter()
        found = [span for document, work in documents for span in emphasis.annotate(document, work, sources)]
        best = min(best, time.perf_counter() - started)
        counts = Counter(str(span.evidence) for span in found)
    return load, best, counts


def report(documents: list[tuple[Document, Work]]) -> str:
    load, annotate, counts = bench(documents)
    kinds = ", ".join(f"{kind} {n}" for kind, n in counts.most_common())
    return (
        f"emphasis (italics) of {len(documents)} work(s): load {load * 1000:.0f} ms, "
        f"annotate {annotate * 1000:.0f} ms; {sum(counts.values())} spans ({kinds})"
    )


def main() -> int:
    converted = convert_all(sources_dir(None))
    print(report([(c.document, c.work) for c in converted]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
