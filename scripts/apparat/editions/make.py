"""Making the edition files: the table of formats, the per-work file names, and a cache for the slow one.

`FORMATS` maps a format name to its writer, so the commands, the site build and the benchmark make the
files the same way. The PDF takes about a minute for the book, so `cached` keeps the last PDF of each
work under `build/cache/editions/`, keyed by everything that goes into it (the print document, the
stylesheet, the WeasyPrint version and the date), and a rebuild that changed nothing reuses it; the EPUB
takes well under a second and is always made afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from apparat.editions.apparatus import Apparatus
from apparat.editions.epub import modified, write_epub
from apparat.editions.pdf import load_weasyprint, print_html, stylesheet, write_pdf
from apparat.model import Document
from apparat.works import Work

Writer = Callable[[Work, Document, Apparatus, "dt.datetime | None"], bytes]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffix: str
    write: Writer
    label: str
    """How the overview page offers it."""


FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        "epub": Format("epub", ".epub", write_epub, "EPUB"),
        "pdf": Format("pdf", ".pdf", write_pdf, "PDF"),
    }
)


def file_name(work: Work, fmt: Format) -> str:
    return f"{work.id}{fmt.suffix}"


def _pdf_key(work: Work, document: Document, apparatus: Apparatus, when: dt.datetime) -> str:
    digest = hashlib.sha256(str(load_weasyprint().__version__).encode())
    digest.update(stylesheet().encode())
    digest.update(print_html(work, document, apparatus, when).encode())
    return digest.hexdigest()[:24]


def cached(
    fmt: Format, work: Work, document: Document, apparatus: Apparatus, cache_dir: Path | None
) -> tuple[bytes, bool]:
    """The file's bytes, and whether they came from the cache. Without $SOURCE_DATE_EPOCH the date is
    left out of the key: a file made earlier from the same content is as good as a new one."""
    when = modified()
    if cache_dir is None or fmt.name != "pdf":
        return fmt.write(work, document, apparatus, when), False
    pinned = "SOURCE_DATE_EPOCH" in os.environ
    key = _pdf_key(work, document, apparatus, when if pinned else dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    folder = cache_dir / work.id
    path = folder / f"{key}{fmt.suffix}"
    if path.is_file():
        return path.read_bytes(), True
    data = fmt.write(work, document, apparatus, when)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"*{fmt.suffix}"):
        old.unlink()  # one cached file per work and format
    temp = path.with_suffix(".tmp")
    temp.write_bytes(data)
    temp.replace(path)
    return data, False


def write_downloads(
    work: Work, document: Document, apparatus: Apparatus, folder: Path, cache_dir: Path | None
) -> list[Path]:
    """Every format of the work into `folder` (the work's content folder, so the site offers them)."""
    written = []
    for fmt in FORMATS.values():
        data, _ = cached(fmt, work, document, apparatus, cache_dir)
        path = folder / file_name(work, fmt)
        if not path.is_file() or path.read_bytes() != data:
            folder.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.tmp")
            temp.write_bytes(data)
            temp.replace(path)
        written.append(path)
    return written


def remove_downloads(work: Work, folder: Path) -> None:
    """Remove the files of an earlier build that made them: the site must not offer stale editions."""
    for fmt in FORMATS.values():
        (folder / file_name(work, fmt)).unlink(missing_ok=True)
