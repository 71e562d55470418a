"""The real works' EPUB (both) and print PDF (the article; the book's PDF takes a minute and is measured by
scripts/benchmark.py), read back from the files. Figures from issue 15; skipped without the sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.editions.annotated import Annotated, annotated_works, apparatus_of
from apparat.editions.apparatus import Apparatus
from apparat.editions.make import FORMATS
from apparat.editions.verify import epubcheck, read_epub, read_pdf
from apparat.site.layers import load_layers
from apparat.site.layout import Layout

pytestmark = pytest.mark.real

PAGES = {"trotsky-bureaucracy": 459, "gramsci-bukharin": 43}
NOTES = {"trotsky-bureaucracy": 1948, "gramsci-bukharin": 120}


@pytest.fixture(scope="module")
def real_works(
    sources: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Apparatus, dict[str, Annotated]]:
    layout = Layout.under(tmp_path_factory.mktemp("real-editions"))
    layers, failed = load_layers(layout, lambda _m: None)
    assert not failed
    works = annotated_works(layout, layers, sources, list(PAGES), False, lambda _m: None)
    return apparatus_of(layers), {item.work.id: item for item in works}


def _make(real_works: tuple[Apparatus, dict[str, Annotated]], name: str, work: str, folder: Path) -> Path:
    apparatus, works = real_works
    item = works[work]
    path = folder / f"{work}{FORMATS[name].suffix}"
    path.write_bytes(FORMATS[name].write(item.work, item.document, apparatus, None))
    return path


@pytest.mark.parametrize("work", list(PAGES))
def test_epub_is_valid_with_every_page_and_every_note(
    real_works: tuple[Apparatus, dict[str, Annotated]], tmp_path: Path, work: str
) -> None:
    path = _make(real_works, "epub", work, tmp_path)
    result = epubcheck(path)
    assert (result.errors, result.warnings) == (0, 0), result.output[-3000:]
    report = read_epub(path)
    assert report.page_list == [str(n) for n in range(1, PAGES[work] + 1)]
    assert report.page_targets_broken == []
    assert report.noterefs == report.noterefs_to_notes == NOTES[work]
    assert report.notes == report.notes_linked_back == NOTES[work]
    document = real_works[1][work].document
    assert report.missing_notices == sum(1 for note in document.notes() if note.text is None)
    assert report.glossrefs == report.glossrefs_resolved > 0
    assert report.bibliorefs == report.bibliorefs_resolved > 0


def test_article_pdf_labels_every_page_and_is_tagged(
    real_works: tuple[Apparatus, dict[str, Annotated]], tmp_path: Path
) -> None:
    report = read_pdf(_make(real_works, "pdf", "gramsci-bukharin", tmp_path))
    assert set(report.labels) == set(range(1, PAGES["gramsci-bukharin"] + 1))
    assert report.tagged
    assert all(embedded for _name, embedded in report.fonts)
