"""Printing a chapter from the browser (Chromium's own print to PDF): the text with its printed page numbers
and its notes, without the site's header, navigation, tools or footer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from tests_browser_support import Session

pytestmark = pytest.mark.browser


def test_printed_chapter_keeps_pages_and_notes_and_drops_navigation(
    site: Path, server: str, session: Session, tmp_path: Path
) -> None:
    chapter = "sample-book/02-offices-without-end.html"
    tree = LexborHTMLParser((site / chapter).read_text(encoding="utf-8"))
    pages = [node.attributes["data-page"] for node in tree.css("article .pb")]
    notes = tree.css("article .footnote li")
    assert pages and notes
    page = session.page
    page.goto(f"{server}/{chapter}")
    page.wait_for_load_state("networkidle")
    target = tmp_path / "chapter.pdf"
    page.pdf(path=str(target), format="A4")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert [f"p. {n}" for n in dict.fromkeys(pages)] == list(dict.fromkeys(re.findall(r"p\. \d+", text)))[
        : len(dict.fromkeys(pages))
    ]
    assert len(re.findall(r"^\s*\d+\.\s", text, re.MULTILINE)) >= len(notes)  # the numbered notes list
    for chrome in (
        "Skip to content",
        "Table of contents",
        "Go to printed page",
        "Cite this passage",
        "Editorial",
    ):
        assert chrome not in text, chrome
