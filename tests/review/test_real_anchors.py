"""The real works' published paragraphs (first release, ordinal ids) are all found in today's conversion.

The chapters are written as bare HTML pages from the models (the page names the site gives them, each block
under its id, note markers as note calls), which is all the audit reads; the full build runs the same audit
on the real pages (tests/site/test_real_site.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from apparat.model import Document
from apparat.render.markdown import chapter_name
from apparat.review import anchors, moves
from apparat.site.layout import Layout

pytestmark = pytest.mark.real

_MARKER = re.compile(r"\[\^(\d+)\]")
_CALL = r"<sup>\1</sup>"


def _site(root: Path, work: str, document: Document) -> Path:
    for position, section in enumerate(document.sections, 1):
        page = root / work / chapter_name(position, section).replace(".md", ".html")
        page.parent.mkdir(parents=True, exist_ok=True)
        blocks = "".join(
            f'<p id="{b.id}">{_MARKER.sub(_CALL, html.escape(b.text))}</p>' for b in section.blocks
        )
        page.write_text(f"<html><body><article>{blocks}</article></body></html>", encoding="utf-8")
    return root


def test_every_published_paragraph_of_the_real_works_is_found(
    book: Document, article: Document, tmp_path: Path
) -> None:
    _site(tmp_path, "trotsky-bureaucracy", book)
    _site(tmp_path, "gramsci-bukharin", article)
    data = Layout.default().data
    published = anchors.read_list(data / "published-anchors.txt")
    found = moves.follow(published, anchors.scan(tmp_path), anchors.read_redirects(data / "redirects.yml"))
    for work in ("trotsky-bureaucracy", "gramsci-bukharin"):
        mine = [m for m in found if m.anchor.startswith(f"{work}/")]
        recorded = [a for a, fp in published.items() if fp is not None and a.startswith(f"{work}/")]
        print(f"\n{work}: {moves.figures(mine)}")
        assert len(mine) == len(recorded) > 0
        assert [m for m in mine if m.outcome in moves.PROBLEMS] == []
