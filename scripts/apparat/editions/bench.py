"""The editions' benchmark (called by scripts/benchmark.py): the time to make each work's EPUB and PDF, and
what the files hold, read back from them (`verify`).

Each work is converted (without the cache) and annotated, then written; the time of each step is wall
time and the process's CPU time (WeasyPrint runs in one thread, so CPU time is what a quiet machine would
take). Targets (issue 15): the book's EPUB in at most 10 s, its PDF in at most 90 s on 2 cores.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from apparat.convert import available_works, convert_work
from apparat.editions.annotated import apparatus_of
from apparat.editions.make import FORMATS
from apparat.editions.verify import epubcheck, read_epub, read_pdf
from apparat.site.layers import load_layers
from apparat.site.layout import Layout

REAL = ("trotsky-bureaucracy", "gramsci-bukharin")
SAMPLE = ("sample-book", "sample-article")


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def report(sources: Path | None, quick: bool = False) -> list[str]:
    """One line per work and format; the real works when their sources are present (else the samples)."""
    wanted = list(SAMPLE if quick or sources is None else REAL)
    if quick:
        wanted = ["sample-article"]
    layout = Layout.default()
    layers, _failed = load_layers(layout, lambda _m: None)
    apparatus = apparatus_of(layers)
    lines = []
    with tempfile.TemporaryDirectory(prefix="apparat-editions-") as folder:
        for work, source in available_works(sources, wanted):
            for name in ("epub", "pdf"):
                start = _clock()
                document = convert_work(work, source).document  # no cache: the whole way from the source
                for layer in layers:
                    document.annotations.extend(layer.annotate(document, work))
                prepared = _since(start)
                begun = _clock()
                fmt = FORMATS[name]
                data = fmt.write(work, document, apparatus, None)
                written = _since(begun)
                path = Path(folder) / f"{work.id}{fmt.suffix}"
                path.write_bytes(data)
                total = prepared[0] + written[0], prepared[1] + written[1]
                timing = (
                    f"{total[0]:.1f} s (CPU {total[1]:.1f} s; convert and annotate {prepared[0]:.1f} s, "
                    f"write {written[0]:.1f} s), {len(data) / 1e6:.2f} MB"
                )
                lines.append(f"{name.upper()} {work.id}: {timing}; {_facts(name, path, quick)}")
    return lines


def _facts(name: str, path: Path, quick: bool) -> str:
    if name == "epub":
        epub = read_epub(path)
        checked = ""
        if not quick:
            result = epubcheck(path)
            checked = f"epubcheck {result.errors} errors, {result.warnings} warnings; "
        return (
            f"{checked}page list {len(epub.page_list)} pages ({len(epub.page_targets_broken)} broken); "
            f"{epub.noterefs} note references, {epub.noterefs_to_notes} reach a note with their number; "
            f"{epub.notes} notes, {epub.notes_linked_back} linked back, {epub.missing_notices} say they are missing"
        )
    pdf = read_pdf(path)
    embedded = sum(1 for _name, yes in pdf.fonts if yes)
    return (
        f"{pdf.pages} PDF pages; 'p. N' margin labels for {len(set(pdf.labels))} printed pages; "
        f"tagged {'yes' if pdf.tagged else 'no'}; {embedded} of {len(pdf.fonts)} fonts embedded; "
        f"{len(pdf.outline)} outline entries"
    )
