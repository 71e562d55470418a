"""The sample works' print PDF, read back with Debian's poppler tools (apparat.editions.verify) against what
the sample typesetter set (samples/expected.yml)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from editions_support import EPOCH, SAMPLE_WORKS, expected_notes, expected_pages, make

from apparat.editions.annotated import Annotated
from apparat.editions.apparatus import Apparatus
from apparat.editions.verify import read_pdf


def _flat(text: str) -> str:
    """pdftotext's text as one line: words hyphenated at a line end joined, runs of spaces made one."""
    return re.sub(r"\s+", " ", re.sub("[\u2010-]\n", "", text))


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_every_printed_page_is_labelled_in_the_margin(
    sample_pdfs: dict[str, Path], expected: dict[str, Any], work: str
) -> None:
    report = read_pdf(sample_pdfs[work])
    pages = expected_pages(expected, work)
    first_seen = list(dict.fromkeys(report.labels))  # a chapter opening inside a page recalls it: "(p. 3)"
    assert first_seen == pages


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_tagged_with_embedded_fonts_and_an_outline(
    sample_pdfs: dict[str, Path], expected: dict[str, Any], work: str
) -> None:
    report = read_pdf(sample_pdfs[work])
    assert report.tagged
    assert report.fonts and all(embedded for _name, embedded in report.fonts)
    assert any("Libertine" in name for name, _embedded in report.fonts)
    for section in expected[work]["sections"]:
        heading = section["title"] if section["label"] == section["title"] else section["label"]
        assert any(entry.startswith(heading) for entry in report.outline), (heading, report.outline)
    assert "Bibliography" in report.outline


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_notes_at_the_foot_with_their_printed_numbers(
    sample_pdfs: dict[str, Path], expected: dict[str, Any], work: str
) -> None:
    text = _flat(read_pdf(sample_pdfs[work]).text)
    for note in expected_notes(expected, work):
        opening = " ".join((note.get("text") or "").split()[:4])
        if note["status"] == "missing":
            assert f"{note['n']}. [The text of this note is missing from the source extraction.]" in text
        elif note["status"] == "start-lost":  # its notice, then the end that survives
            assert (
                f"{note['n']}. [The beginning of this note is missing from the source; only its end" in text
            )
            assert f"survives:] {opening}" in text, note
        else:
            assert f"{note['n']}. {opening}" in text, note


@pytest.mark.parametrize("work", SAMPLE_WORKS)
def test_running_heads_one_line_each(sample_pdfs: dict[str, Path], work: str) -> None:
    """The work's title on a left-hand page, the chapter on a right-hand one: each whole, on one line (side
    by side, the real book's title and chapter each broke onto two lines, one of them hyphenated)."""
    report = read_pdf(sample_pdfs[work])
    title = report.info["Title"]
    heads = subprocess.run(
        ["pdftotext", "-layout", "-x", "0", "-y", "0", "-W", "1000", "-H", "50", str(sample_pdfs[work]), "-"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\f")  # fmt: skip
    shown = [[line.strip() for line in page.splitlines() if line.strip()] for page in heads]
    with_head = [lines for lines in shown if lines and not lines[0].isdigit()]
    assert len(with_head) >= report.pages // 2, shown[:6]
    for lines in with_head:
        assert len(lines) == 1, lines
        assert lines[0] == title or lines[0] in report.outline, (lines[0], report.outline)
    assert any(lines[0] == title for lines in with_head)
    assert any(lines[0] != title for lines in with_head)


def test_reproducible(
    sample_pdfs: dict[str, Path],
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = make(apparatus_and_works, "pdf", "sample-article", tmp_path)
    assert again.read_bytes() == sample_pdfs["sample-article"].read_bytes()
