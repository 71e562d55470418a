"""Helpers for the browser tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

TOOLTIP = "#apparat-tip"
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
    """Open the edition's search from the header button and type a query (the search runs on `input`)."""
    page.wait_for_load_state("load")
    page.locator("button.apparat-search-button").click()
    field = page.locator("#apparat-search-input")
    field.fill(text)
    page.wait_for_function(
        "() => /passage/i.test(document.querySelector('.apparat-search__status').textContent)", timeout=15000
    )


def results(page: Any) -> list[dict[str, str]]:
    """The search results shown: link, kind (text, note, apparatus, page) and where-line."""
    found: list[dict[str, str]] = page.eval_on_selector_all(
        ".apparat-search__item",
        """items => items.map(item => ({
            href: item.querySelector('a').href,
            kind: [...item.classList].find(c => c.startsWith('apparat-search__item--')).split('--')[1],
            where: item.querySelector('.apparat-search__where').textContent,
        }))""",
    )
    return found


class Session:
    """A fresh context (a colour scheme per context: the palette choice persists in localStorage) that records
    every request and every script error."""

    def __init__(self, browser: Any, scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def foreign(self, origin: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((origin, "data:", "blob:", "about:"))]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path
