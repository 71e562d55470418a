"""The real book and article in Chromium (marked `real`: skipped without the sources): no collision with
the navigation in the book's longest chapter at the four widths, and the search on the full edition
(a Cyrillic term, its transliteration and a gloss find chapter passages first). Counts only: no text of
the works is quoted here."""

from __future__ import annotations

from typing import Any

import pytest
from layout_geometry import scan
from tests_browser_support import ARTIFACTS, open_search, results

pytestmark = [pytest.mark.browser, pytest.mark.real]

LONGEST = "trotsky-bureaucracy/07-the-turn-and-the-theoretical-crisis-deepen.html"


@pytest.mark.parametrize("width", [390, 1280, 1440, 1920])
def test_no_collision_in_the_longest_chapter(real_server: str, browser: Any, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{real_server}/{LONGEST}")
        page.wait_for_load_state("load")
        page.screenshot(path=str(ARTIFACTS / f"layout-real-chapter-{width}.png"))
        found = scan(page)
        print(
            f"\nreal book, longest chapter, {width} px: {found['measured']} boxes, {len(found['hits'])} collisions"
        )
        assert found["measured"] > 100 and found["hits"] == [], found["hits"][:10]
    finally:
        context.close()


@pytest.mark.parametrize("query", ["главкократия", "glavkokratiia", "rule of the glavki"])
def test_search_finds_the_passages_of_the_real_works(real_server: str, browser: Any, query: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{real_server}/index.html")
        open_search(page, query)
        found = results(page)
        real = [r for r in found if "/trotsky-bureaucracy/" in r["href"] or "/gramsci-bukharin/" in r["href"]]
        print(f"\n{query!r}: {len(found)} results shown, first kinds {[r['kind'] for r in found[:5]]}")
        assert found[0]["kind"] == "text", found[:3]
        assert len(real) >= 3 and all(r["kind"] in {"text", "note"} for r in real[:3])
    finally:
        context.close()
