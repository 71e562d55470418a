"""Reading a chapter in the browser: note and annotation tooltips by mouse and keyboard, the page jump,
"Cite this passage", light and dark (the search: test_search.py). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests_browser_support import TOOLTIP, Session, chapter_with, visible_text

pytestmark = pytest.mark.browser


def test_note_preview_by_mouse_and_keyboard(site: Path, server: str, session: Session) -> None:
    page = session.page
    chapter = chapter_with(site, "a.footnote-ref")
    page.goto(f"{server}/{chapter}")
    ref = page.locator("a.footnote-ref").nth(1)
    number = ref.inner_text().strip()
    ref.scroll_into_view_if_needed()
    ref.hover()
    page.wait_for_timeout(300)
    shown = visible_text(page, TOOLTIP)
    assert shown.startswith(f"Note {number}\n"), f"no preview of note {number} on hover: {shown!r}"
    page.mouse.move(5, 5)
    page.wait_for_timeout(600)
    assert not visible_text(page, TOOLTIP)
    ref.focus()
    page.wait_for_timeout(200)
    assert visible_text(page, TOOLTIP), "no note preview on keyboard focus"
    # Tab goes from the reference into the preview's link to the note, Enter follows it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#apparat-tip') !== null")
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == f"Go to note {number} in the notes"
    )
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert not visible_text(page, TOOLTIP), "Esc does not dismiss the note preview"
    assert page.evaluate("document.activeElement.textContent") == number, (
        "focus does not return to the reference"
    )
    page.evaluate("document.activeElement.blur()")
    ref.focus()
    page.wait_for_timeout(100)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") == f"#fn:{number}"
    ref.hover()
    page.wait_for_timeout(300)
    session.shot("chapter-note-preview")
    assert session.foreign(server) == []
    assert session.errors == []


@pytest.mark.parametrize("kind", ["term", "faction", "person", "cite"])
def test_annotation_tooltip_by_mouse_keyboard_and_esc(
    site: Path, server: str, session: Session, kind: str
) -> None:
    page = session.page
    chapter = chapter_with(site, f"a[data-ap^='{kind}:']")
    if chapter is None:
        pytest.skip(f"no {kind} annotation in the sample edition")
    page.goto(f"{server}/{chapter}")
    host = page.locator(f"article a[data-ap^='{kind}:']").first
    host.scroll_into_view_if_needed()
    host.hover()
    page.wait_for_timeout(200)
    tip = page.locator("#apparat-tip")
    assert tip.is_visible() and tip.inner_text().strip(), f"no {kind} tooltip on hover"
    assert host.get_attribute("aria-describedby") == "apparat-tip"
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    assert not tip.is_visible()
    host.focus()
    page.wait_for_timeout(100)
    assert tip.is_visible(), f"no {kind} tooltip on keyboard focus"
    # the keyboard goes on into the tooltip, and reaches its link to the entry
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "[document.activeElement.closest('#apparat-tip') !== null, document.activeElement.getAttribute('href')]"
            )
        )
        if reached[-1][1] == host.get_attribute("href"):
            break
    assert all(inside for inside, _ in reached), f"Tab left the tooltip before its entry link: {reached}"
    assert reached[-1][1] == host.get_attribute("href"), reached
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Esc does not dismiss the tooltip"
    host.hover()
    page.wait_for_timeout(200)
    session.shot(f"chapter-{kind}-tooltip")
    assert session.errors == []


def test_page_jump_and_cite_this_passage(site: Path, server: str, session: Session) -> None:
    page = session.page
    chapter = chapter_with(site, ".pb[data-page]", minimum=2)
    page.goto(f"{server}/{chapter}")
    markers = page.eval_on_selector_all(".pb[data-page]", "nodes => nodes.map(n => n.dataset.page)")
    target = markers[-1]
    page.fill("#apparat-jump-input", target)
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") == f"#p{target}"
    paragraph = page.locator("article p.apparat-anchored").nth(1)
    paragraph.hover()
    paragraph.locator("button.apparat-cite").click()
    panel = page.locator("#apparat-cite-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert re.search(r"Cite this passage \((p\. \d+|pp\. \d+–\d+)\)", text)
    assert re.search(r"@(inbook|article|unpublished)\{", text) and re.search(r"TY  - (CHAP|JOUR|UNPB)", text)
    assert re.search(r"SP  - \d+", text) and "pages = {" in text
    session.shot("chapter-cite-panel")
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    paragraph.hover()
    paragraph.locator("button.apparat-copy-link").click()
    block_id = paragraph.get_attribute("id")
    assert page.evaluate("location.hash") == f"#{block_id}"
    page.wait_for_timeout(100)
    assert f"#{block_id}" in page.locator(".apparat-live").inner_text()


def test_dark_scheme_chapter(site: Path, server: str, dark_session: Session) -> None:
    page = dark_session.page
    page.goto(f"{server}/{chapter_with(site, 'a.footnote-ref')}")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark_session.shot("chapter-dark")


def test_annotation_tooltip_by_tap(site: Path, server: str, browser: Any) -> None:
    """On a touch screen the first tap shows the tooltip instead of following the link."""
    chapter = chapter_with(site, "a[data-ap]")
    if chapter is None:
        pytest.skip("no annotation in the sample edition")
    context = browser.new_context(viewport={"width": 412, "height": 860}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{server}/{chapter}")
        host = page.locator("article a[data-ap]").first
        host.scroll_into_view_if_needed()
        host.tap()
        page.wait_for_timeout(200)
        assert page.url.endswith(chapter), "the first tap followed the link"
        assert page.locator("#apparat-tip").is_visible(), "no tooltip on tap"
        page.keyboard.press("Escape")
        assert not page.locator("#apparat-tip").is_visible()
    finally:
        context.close()
