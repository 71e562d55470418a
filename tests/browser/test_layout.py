"""Nothing overprinted, measured: at 390, 1280, 1440 and 1920 px no margin page label, paragraph tool,
tooltip or search panel intersects the text of the navigation or the table of contents (layout_geometry.py);
a phone gets tables that fit its screen; tooltips have a surface of their own in both schemes. A screenshot
of the chapter at each width goes to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from layout_geometry import scan, spacing
from tests_browser_support import ARTIFACTS, chapter_with

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280, 1440, 1920)


def _chapter(site: Path) -> str:
    chapter = chapter_with(site, ".pb[data-page]", minimum=3) or chapter_with(site, ".pb[data-page]")
    assert chapter is not None
    return chapter


@pytest.mark.parametrize("width", WIDTHS)
def test_no_collision_with_the_navigation(site: Path, server: str, browser: Any, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server}/{_chapter(site)}")
        page.wait_for_load_state("load")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        paragraph = page.locator("article p.apparat-anchored").nth(1)
        paragraph.hover()  # its tools shown in the screenshot
        page.screenshot(path=str(ARTIFACTS / f"layout-chapter-{width}.png"))
        found = scan(page)
        print(f"\n{width} px: {found['measured']} boxes of ours measured, {len(found['hits'])} collisions")
        assert found["measured"] > 0
        assert found["hits"] == [], found["hits"][:10]
        even = spacing(page)
        assert even["blank"] == [], f"paragraphs followed by an empty line: {even['blank'][:10]}"
        assert even["spill"] == [], even["spill"]
        assert even["titleGap"] is not None and even["titleGap"] < even["lineHeight"], even
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_figures_and_contents_stay_in_the_text_column(server: str, browser: Any, width: int) -> None:
    """The extraction report's eleven columns and a work's contents fit the text column, or scroll inside
    it: nothing reaches under the table of contents or off the screen."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        for name in ("edition/report.html", "sample-book/index.html", "sample-book/bibliography.html"):
            page.goto(f"{server}/{name}")
            page.wait_for_load_state("load")
            assert spacing(page)["spill"] == [], (name, width)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
    finally:
        context.close()


def test_tables_fit_a_phone(site: Path, server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for name in ("sample-book/index.html", "edition/report.html"):
            page.goto(f"{server}/{name}")
            wide = page.evaluate(
                """() => [...document.querySelectorAll('article table')]
                    .map(t => t.getBoundingClientRect())
                    .filter(r => r.right > document.documentElement.clientWidth + 1 || r.left < -1).length"""
            )
            assert wide == 0, f"{name}: {wide} tables wider than a 390 px screen"
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        page.goto(f"{server}/sample-book/index.html")
        page.screenshot(path=str(ARTIFACTS / "layout-overview-390.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tooltips_stand_out_from_the_page(site: Path, server: str, browser: Any, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{server}/{chapter_with(site, 'a.footnote-ref')}")
        host = page.locator("article a.footnote-ref").first
        host.scroll_into_view_if_needed()
        host.hover()
        page.wait_for_timeout(200)
        colours = page.evaluate(
            """() => [getComputedStyle(document.getElementById('apparat-tip')).backgroundColor,
                      getComputedStyle(document.body).backgroundColor,
                      getComputedStyle(document.getElementById('apparat-tip')).borderTopStyle]"""
        )
        assert colours[0] != colours[1], f"the tooltip has the page's background in the {scheme} scheme"
        assert colours[2] == "solid"
        page.screenshot(path=str(ARTIFACTS / f"layout-tooltip-{scheme}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1440])
def test_timeline_whole_on_a_desktop(server: str, browser: Any, width: int) -> None:
    """The factions timeline is shown whole beside the navigation: its phone minimum width (700 px) was
    wider than the 688 px text column, so the figure clipped its right edge ("Comintern 1919–194") behind
    a sideways scroll."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{server}/glossary/factions.html")
        boxes = page.evaluate(
            """() => {
                const svg = document.querySelector('svg.ap-timeline');
                return [svg.getBoundingClientRect().right, svg.parentElement.getBoundingClientRect().right];
            }"""
        )
        assert boxes[0] <= boxes[1] + 0.5, boxes
    finally:
        context.close()
