"""The offline bundle from file://: navigation, notes, search and tooltips with zero network requests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests_browser_support import TOOLTIP, Session, chapter_with, open_search, results, visible_text

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
    page.wait_for_timeout(300)
    assert visible_text(page, TOOLTIP), "no note preview from file://"
    host = page.locator("article a[data-ap]")
    if host.count():
        host.first.hover()
        page.wait_for_timeout(200)
        assert page.locator("#apparat-tip").is_visible(), "no annotation tooltip from file://"
    open_search(page, "главкократия")  # Cyrillic, found in the transliterated text
    found = results(page)
    assert found and found[0]["kind"] == "text", found[:3]
    session.shot("offline-search")
    # the result lands on the passage, with the word marked, from file:// too
    page.locator(".apparat-search__link").first.click()
    page.wait_for_load_state()
    target = page.evaluate("location.hash")
    assert page.url.startswith("file://") and target and "?hl=" not in page.url
    marked = page.locator(f"[id='{target[1:]}'] mark.apparat-hit")
    assert marked.count() >= 1 and marked.first.inner_text().lower().startswith("glavkokrati")
    session.shot("offline-search-landing")
    assert [
        url for url in session.requests if not url.startswith(("file://", "data:", "blob:", "about:"))
    ] == []
    assert session.errors == []
    print(f"offline bundle of the sample edition: {size:,} bytes")
