"""Helpers for the browser tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

ACTIVE_TOOLTIP = ".md-tooltip2--active"
ARTIFACTS = Path(__file__).parents[1] / "artifacts"


def chapter_with(site: Path, selector: str, minimum: int = 1) -> str | None:
    """The first chapter page (site-relative) with at least `minimum` elements matching `selector`."""
    for page in sorted(site.glob("*/[0-9][0-9]-*.html")):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article")
        if article is not None and len(article.css(selector)) >= minimum:
            return page.relative_to(site).as_posix()
    return None


def visible_text(page: Any, selector: str) -> str:
    """Text of the first visible element matching `selector` ('' if none)."""
    result: str = page.evaluate(
        """selector => {
            for (const node of document.querySelectorAll(selector)) {
                if (node.offsetWidth > 0 && getComputedStyle(node).visibility !== 'hidden') return node.innerText;
            }
            return '';
        }""",
        selector,
    )
    return result.strip()


def open_search(page: Any, text: str) -> None:
    """Open Material's search and type (fill() does not trigger a search, see the field notes)."""
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    if not field.is_visible():  # narrow screens: the field opens from the header button
        page.locator("label.md-header__button[for='__search']").click()
    field.click()
    field.press_sequentially(text, delay=30)
    # Characters off the US layout (Cyrillic) are inserted without key events, and Material's search runs
    # on key events: one real key press makes it read the field.
    field.press("End")
    # Material searches on keyup; Playwright types characters that are not on a US keyboard (Cyrillic) as
    # text input, with no key events, so the query would only run if the worker became ready afterwards.
    # A real key press sends the keyup (a reader with a Russian layout sends one with every letter).
    field.press("End")


class Session:
    """A fresh context (a colour scheme per context: the palette choice persists in localStorage) that records
    every request, every script error and every Content-Security-Policy violation (the pages allow no inline
    script: a feature that needs one is broken, and the fixture fails the test)."""

    def __init__(self, browser: Any, scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.csp_violations: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def foreign(self, origin: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((origin, "data:", "blob:", "about:"))]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path
