"""The offline bundle from file://: navigation, notes, search and tooltips with zero network requests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests_browser_support import ACTIVE_TOOLTIP, Session, chapter_with, open_search, visible_text

from apparat.site.bundle import write_bundle

pytestmark = pytest.mark.browser


def test_bundle_works_from_file_with_no_request(site: Path, tmp_path: Path, session: Session) -> None:
    size = write_bundle(site, tmp_path / "apparat-offline.zip")
    with zipfile.ZipFile(tmp_path / "apparat-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "apparat-offline"
    page = session.page
    page.goto((root / "index.html").as_uri())
    chapter = chapter_with(root, "a.footnote-ref")
    assert chapter is not None
    page.locator("article a[href$='/index.html']").first.click()  # a work's overview
    page.wait_for_load_state()
    page.locator("article table a").first.click()  # its first chapter
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.locator("article h1").count() == 1
    page.goto((root / chapter).as_uri())
    page.locator("a.footnote-ref").first.hover()
    page.wait_for_timeout(900)
    assert visible_text(page, ACTIVE_TOOLTIP), "no footnote preview from file://"
    host = page.locator("article a[data-ap]")
    if host.count():
        host.first.hover()
        page.wait_for_timeout(200)
        assert page.locator("#apparat-tip").is_visible(), "no annotation tooltip from file://"
    open_search(page, "bureaucracy")
    page.wait_for_selector(".md-search-result__item", timeout=8000)
    assert page.locator(".md-search-result__item").count() >= 1
    session.shot("offline-search")
    assert [
        url for url in session.requests if not url.startswith(("file://", "data:", "blob:", "about:"))
    ] == []
    assert session.errors == []
    print(f"offline bundle of the sample edition: {size:,} bytes")
