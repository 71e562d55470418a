"""The sample works' EPUB files, read back from the files (apparat.editions.verify) and checked by Debian's
epubcheck, against what the sample typesetter set (samples/expected.yml)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from editions_support import EPOCH, SAMPLE_WORKS, expected_notes, expected_pages, make

from apparat.editions.annotated import Annotated
from apparat.editions.apparatus import Apparatus
from apparat.editions.verify import epubcheck, read_epub
from apparat.works import load_works


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_epubcheck_finds_nothing(sample_epubs: dict[str, Path], work: str) -> None:
    result = epubcheck(sample_epubs[work])
    assert (result.errors, result.warnings) == (0, 0), result.output


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_page_list_holds_every_printed_page(
    sample_epubs: dict[str, Path], expected: dict[str, Any], work: str
) -> None:
    report = read_epub(sample_epubs[work])
    assert report.page_list == [str(page) for page in expected_pages(expected, work)]
    assert report.page_targets_broken == []
    assert report.pagebreaks == len(report.page_list)


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_every_note_reference_reaches_its_note_and_back(
    sample_epubs: dict[str, Path], expected: dict[str, Any], work: str
) -> None:
    notes = expected_notes(expected, work)
    called = [note for note in notes if note.get("marker_line") is not None]
    report = read_epub(sample_epubs[work])
    assert report.noterefs == len(called)
    assert report.noterefs_to_notes == report.noterefs  # each to an aside with its printed number
    assert report.notes == len(notes)
    assert report.notes_linked_back == len(called)
    assert report.missing_notices == sum(1 for note in notes if note["status"] == "missing")


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_glossary_and_bibliography_are_linked(sample_epubs: dict[str, Path], work: str) -> None:
    report = read_epub(sample_epubs[work])
    assert report.glossaries >= 2  # the terms, the factions and the persons of the sample
    assert report.glossrefs > 0
    assert report.glossrefs_resolved == report.glossrefs
    assert report.bibliographies == 1
    assert report.bibliorefs > 0
    assert report.bibliorefs_resolved == report.bibliorefs


def test_metadata_names_the_work_its_pagination_and_its_accessibility(sample_epubs: dict[str, Path]) -> None:
    work = next(w for w in load_works() if w.id == "sample-book")
    meta = read_epub(sample_epubs["sample-book"]).metadata
    assert meta["dc:title"] == [work.title]
    assert meta["dc:creator"] == [work.author]
    assert meta["dc:publisher"] and meta["dc:language"] == ["en"]
    moment = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    assert meta["dc:date"] == [moment.date().isoformat()]
    assert meta["dcterms:modified"] == [moment.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert work.title in meta["dc:source"][0]
    assert meta["#pagination-source source-of"] == ["pagination"]
    assert meta["schema:accessMode"] == ["textual"]
    assert {"printPageNumbers", "pageNavigation", "tableOfContents"} <= set(
        meta["schema:accessibilityFeature"]
    )
    assert meta["schema:accessibilitySummary"][0]
    assert read_epub(sample_epubs["sample-book"]).cover


def test_reproducible_and_a_valid_container(
    sample_epubs: dict[str, Path],
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = make(apparatus_and_works, "epub", "sample-article", tmp_path)
    assert again.read_bytes() == sample_epubs["sample-article"].read_bytes()
    with zipfile.ZipFile(again) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
    assert len({entry.date_time for entry in entries}) == 1


def test_an_orphan_fragment_is_kept_in_both_editions(
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]], tmp_path: Path
) -> None:
    import copy
    import xml.etree.ElementTree as ET

    from apparat.editions.epub import write_epub
    from apparat.editions.pdf import print_html
    from apparat.model import Fragment, Span

    apparatus, works = apparatus_and_works
    item = works["sample-article"]
    document = copy.deepcopy(item.document)
    section = document.sections[1]
    section.fragments.append(Fragment("a tail of words nobody owns.", Span(1, 1), 4, "test"))
    path = tmp_path / "fragment.epub"
    path.write_bytes(write_epub(item.work, document, apparatus, None))
    with zipfile.ZipFile(path) as archive:
        chapter = archive.read(f"EPUB/{section.id}.xhtml").decode()
    ET.fromstring(chapter)  # still well-formed
    assert 'class="ap-note-fragment"' in chapter and "(p.\u00a04) a tail of words nobody owns." in chapter
    html = print_html(item.work, document, apparatus, dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert '<span class="fn fragment" id=' in html and "a tail of words nobody owns." in html


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_apparatus_prints_typographic_apostrophes(sample_epubs: dict[str, Path], work: str) -> None:
    """The data files are typed with straight quotes ("Stalin's", "Biulleten' oppozitsii"); the EPUB's
    glossary, register and bibliography print ’ as the site does."""
    with zipfile.ZipFile(sample_epubs[work]) as archive:
        pages = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml")]
    kinds = ('epub:type="glossary"', 'epub:type="bibliography"')
    texts = [re.sub(r"<[^>]*>", " ", page) for page in pages if any(kind in page for kind in kinds)]
    assert texts
    straight = [m for text in texts for m in re.findall(r"\w'\w?", text)]
    assert straight == []
    assert any("’" in text for text in texts)
