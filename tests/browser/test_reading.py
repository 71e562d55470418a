"""Reading a chapter in the browser: footnote and annotation tooltips by mouse and keyboard, the page jump,
"Cite this passage", search in Latin and Cyrillic, light and dark. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser
from tests_browser_support import (
    ACTIVE_TOOLTIP,
    Session,
    chapter_with,
    open_search,
    visible_text,
)

pytestmark = pytest.mark.browser


def test_footnote_preview_by_mouse_and_keyboard(site: Path, server: str, session: Session) -> None:
    page = session.page
    chapter = chapter_with(site, "a.footnote-ref")
    page.goto(f"{server}/{chapter}")
    ref = page.locator("a.footnote-ref").first
    ref.hover()
    page.wait_for_timeout(900)
    assert visible_text(page, ACTIVE_TOOLTIP), "no footnote preview on hover"
    page.mouse.move(5, 5)
    page.wait_for_timeout(600)
    ref.focus()
    page.wait_for_timeout(900)
    assert visible_text(page, ACTIVE_TOOLTIP), "no footnote preview on keyboard focus"
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not visible_text(page, ACTIVE_TOOLTIP), "Esc does not dismiss the footnote preview"
    session.shot("chapter-footnote-preview")
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
    assert re.search(r"Cite this passage \(p\. \d+", text)
    assert re.search(r"@(inbook|article)\{", text) and re.search(r"TY  - (CHAP|JOUR)", text)
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


@pytest.mark.parametrize("query", ["latin", "cyrillic"])
def test_search(site: Path, server: str, session: Session, query: str) -> None:
    page = session.page
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["title"] + " " + LexborHTMLParser(d["text"] or "<p></p>").text() for d in docs)
    pattern = r"\b[a-z]{9,}\b" if query == "latin" else r"\b[а-яё]{5,}\b"
    words = re.findall(pattern, text, flags=re.IGNORECASE)
    if not words:
        pytest.skip(f"no {query} word in the sample edition's search index")
    # A long word: short frequent ones may be stop words, which the search drops by design.
    word = max(sorted(set(words)), key=len)
    page.goto(f"{server}/index.html")
    open_search(page, word)
    page.wait_for_selector(".md-search-result__item", timeout=8000)
    assert page.locator(".md-search-result__item").count() >= 1
    session.shot(f"search-{query}")


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
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"{server}/{chapter}")
        host = page.locator("article a[data-ap]").first
        host.scroll_into_view_if_needed()
        host.tap()
        page.wait_for_timeout(200)
        assert page.url.endswith(chapter), "the first tap followed the link"
        assert page.locator("#apparat-tip").is_visible(), "no tooltip on tap"
        page.keyboard.press("Escape")
        assert not page.locator("#apparat-tip").is_visible()
        assert blocked == []
    finally:
        context.close()


def test_titles_and_russian_words_show_in_italics(site: Path, server: str, session: Session) -> None:
    """The reader sees the emphasis spans in italics: an italic title holding a name's link, and a term
    link whose text is italic; the rest of the paragraph stays upright."""
    page = session.page
    chapter = chapter_with(site, "article em a[data-ap]")
    assert chapter is not None, "no italic title with a link in it in the sample edition"
    page.goto(f"{server}/{chapter}")
    styles = page.evaluate(
        """() => {
        const style = (el) => getComputedStyle(el).fontStyle;
        const title = document.querySelector("article em a[data-ap]");
        const term = document.querySelector("article a[data-ap^='term:'] > em");
        return {title: style(title), term: term && style(term), paragraph: style(title.closest('p'))};
    }"""
    )
    assert styles == {"title": "italic", "term": "italic", "paragraph": "normal"}, styles
    assert session.errors == []
