"""How long rendering the bibliographies takes: `python -m apparat.bib.bench` (target: at most 1 s for both works)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from apparat.bib import publish
from apparat.convert import convert_all
from apparat.diagnostics import Reporter
from apparat.edition import Edition
from apparat.render.markdown import write_chapters
from apparat.works import project, sources_dir


def bench(bib_path: Path | None = None, sources: Path | None = None) -> dict[str, float]:
    """Seconds spent in each step of the bibliography's part of the build (conversion not counted), their
    total, and the process's CPU seconds over the same span (`cpu`, which includes writing the chapters)."""
    bib_path = bib_path or project() / "bibliography.bib"
    converted = convert_all(sources if sources is not None else sources_dir(None))
    timings: dict[str, float] = {}
    cpu = time.process_time()  # reported too: on a busy machine the wall clock says more about the others
    start = time.perf_counter()
    bibliography = publish.load(bib_path, Reporter(str(bib_path)))
    timings["load"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp)
        start = time.perf_counter()
        for item in converted:
            item.document.annotations.extend(publish.annotate(item.document, item.work, bibliography))
        timings["annotate"] = time.perf_counter() - start
        editions = [
            Edition(i.work, i.document, write_chapters(i.document, i.work, content)) for i in converted
        ]
        start = time.perf_counter()
        publish.write_pages(bibliography, editions, content)
        timings["pages"] = time.perf_counter() - start
        start = time.perf_counter()
        publish.tips(bibliography)
        timings["tips"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    timings["cpu"] = time.process_time() - cpu
    return timings


def main() -> int:
    for step, seconds in bench().items():
        print(f"{step:>9}: {seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
