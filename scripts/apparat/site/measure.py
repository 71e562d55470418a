"""Page weight figures of a built site (targets in docs/site.md): how much of a chapter page is template and
navigation, and how the search index compares with the text it indexes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from apparat.site.search import INDEX_SCRIPT, read_index
from apparat.site.visible import visible_text


@dataclass(frozen=True, slots=True)
class PageWeight:
    page: str
    total: int
    content: int

    @property
    def template_share(self) -> float:
        """Share of the page's bytes outside its <article> (navigation, header, footer, scripts)."""
        return 1 - self.content / self.total if self.total else 0.0


def page_weight(site: Path, page: Path) -> PageWeight:
    html = page.read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    content = len((article.html or "").encode()) if article is not None else 0
    return PageWeight(page.relative_to(site).as_posix(), len(html.encode()), content)


def chapter_weights(site: Path) -> list[PageWeight]:
    return [page_weight(site, p) for p in sorted(site.glob("*/[0-9][0-9]-*.html"))]


@dataclass(frozen=True, slots=True)
class IndexWeight:
    index: int
    """Bytes of the search index script (search/apparat-index.js)."""
    text: int
    """Bytes of the visible text of every indexed page's content."""

    @property
    def ratio(self) -> float:
        return self.index / self.text if self.text else 0.0


def index_weight(site: Path) -> IndexWeight:
    index_file = site / INDEX_SCRIPT
    text = 0
    for name in sorted({entry.page for entry in read_index(site)}):
        article = LexborHTMLParser((site / name).read_text(encoding="utf-8")).css_first("article")
        text += len(visible_text(article).encode()) if article is not None else 0
    return IndexWeight(index_file.stat().st_size, text)
