"""A glossary term in a chapter of the sample book: the tooltip shows the entry (Latin, Cyrillic, gloss) on
hover and on keyboard focus, Esc hides it, and the page holds no hidden words; search finds the chapter by
the Cyrillic lemma and by the English gloss. Fixtures: tests/browser/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_browser_support import Session, open_search, results

pytestmark = pytest.mark.browser

CHAPTER = "sample-book/01-introduction.html"
TERM = "article a[data-ap='term:biurokratiia']"


def test_term_tooltip_by_hover_and_focus_esc_hides(site: Path, server: str, session: Session) -> None:
    if not (site / CHAPTER).is_file():
        pytest.skip(f"{CHAPTER} is not in the sample edition")
    page = session.page
    page.goto(f"{server}/{CHAPTER}")
    host = page.locator(TERM).first
    host.scroll_into_view_if_needed()
    # The link holds what the reader sees, nothing hidden.
    assert host.inner_text().strip() == "biurokratiia"
    assert host.evaluate("node => node.textContent") == "biurokratiia"
    host.hover()
    page.wait_for_timeout(200)
    tip = page.locator("#apparat-tip")
    assert tip.is_visible(), "no tooltip on hover"
    shown = tip.inner_text()
    assert "biurokratiia" in shown and "бюрократия" in shown and "bureaucracy" in shown, shown
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    assert not tip.is_visible(), "the tooltip stays after the pointer left"
    host.focus()
    page.wait_for_timeout(100)
    assert tip.is_visible(), "no tooltip on keyboard focus"
    assert host.get_attribute("aria-describedby") == "apparat-tip"
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Esc does not dismiss the tooltip"
    session.shot("glossary-term-tooltip")
    assert session.errors == []


@pytest.mark.parametrize("query", ["бюрократия", "bureaucracy"])
def test_search_finds_the_chapter_by_cyrillic_and_gloss(
    site: Path, server: str, session: Session, query: str
) -> None:
    page = session.page
    page.goto(f"{server}/index.html")
    open_search(page, query)
    links = [r["href"] for r in results(page)]
    assert any("/sample-book/0" in link for link in links), links
