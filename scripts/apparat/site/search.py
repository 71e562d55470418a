"""The edition's own search: an index of what the pages show, passage by passage, and the data to expand
a reader's query. `content/assets/javascripts/apparat-search.js` reads both and runs the search in the page,
from http or from file:// (both files are plain scripts, no fetch, no worker).

* `search/apparat-index.js` (written after MkDocs, from the built HTML): one entry per paragraph,
  quotation, heading, note and glossary or bibliography entry, with the anchor a result links to and the
  text as the reader sees it (`site/visible.py`: nothing hidden is indexed). A chapter's passages carry
  kind `text` (notes `note`), the glossary and bibliographies `apparatus`, other pages `page`: a passage
  outranks the glossary entry that explains its term.
* `generated/search-terms.js` (written before MkDocs, from the layers): the transliteration table and
  each glossary term's spellings and glosses (`glossary/search.py`), so that a Cyrillic or English query
  finds the transliterated term in the text.

Material's own search (per page section, hidden words needed for terms, a minified worker) is not used.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from apparat.site.pages import write_if_changed
from apparat.site.visible import is_hidden, visible_text, visible_text_and_spans

INDEX_SCRIPT = "search/apparat-index.js"
TERMS_SCRIPT = "generated/search-terms.js"

KINDS = ("text", "note", "apparatus", "page")
"""Entry kinds in ranking order (the index stores the position)."""

_LEAVES = frozenset(
    {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "figcaption", "summary"}
)
_HEADINGS = frozenset({"h1", "h2", "h3"})
_CHAPTER = re.compile(r"^[^/]+/\d\d-[^/]+\.html$")
_APPARATUS = re.compile(r"^glossary/|/bibliography[^/]*\.html$")
_SKIPPED = ("assets/", "search/", "generated/")
_NOT_INDEXED = {"404.html"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class Entry:
    page: str
    anchor: str
    heading: str
    kind: str
    text: str


def page_kind(name: str) -> str:
    if _CHAPTER.match(name):
        return "text"
    return "apparatus" if _APPARATUS.search(name) else "page"


def _leaves(node: LexborNode) -> list[LexborNode]:
    """The innermost block elements with text, in document order (a list item holding a paragraph gives
    the paragraph)."""
    found: list[LexborNode] = []
    closed = node.tag == "details" and "open" not in node.attributes
    for child in node.iter():
        if not child.is_element_node or is_hidden(child) or (closed and child.tag != "summary"):
            continue
        inner = _leaves(child)
        if inner:
            found += inner
        elif child.tag in _LEAVES:
            found.append(child)
    return found


def _anchor(node: LexborNode, stop: LexborNode) -> str | None:
    current: LexborNode | None = node
    while current is not None and current.mem_id != stop.mem_id:
        if current.attributes.get("id"):
            return current.attributes.get("id")
        current = current.parent
    return None


def page_entries(name: str, html: str) -> tuple[str, list[Entry]]:
    """The page's title and its entries."""
    tree = LexborHTMLParser(html)
    article = tree.css_first("article")
    title_node = tree.css_first("article h1") or tree.css_first("title")
    title = visible_text(title_node) if title_node is not None else name
    if article is None:
        return title, []
    kind = page_kind(name)
    entries: list[Entry] = []
    heading, heading_anchor = title, ""
    for leaf in _leaves(article):
        text = _text(leaf)
        if not text:
            continue
        own = _anchor(leaf, article)
        if leaf.tag in _HEADINGS:
            heading, heading_anchor = text, own or heading_anchor
        anchor = own or heading_anchor
        entry_kind = "note" if kind == "text" and anchor.startswith("fn:") else kind
        # one entry per block: the blocks under one anchor are not merged, since what stands between
        # them (a figure, a closed table) would make the merged text one the page does not show
        entries.append(Entry(name, anchor, heading, entry_kind, text))
    return title, entries


def _text(leaf: LexborNode) -> str:
    """The leaf's visible text, a note reference's number in superscript digits as the page sets it: a
    result's excerpt then reads `revolution.¹⁷⁴ Trotsky`, not `revolution.174 Trotsky`."""
    refs = [sup for sup in leaf.css("sup") if sup.css_first("a.footnote-ref") is not None]
    if not refs:
        return visible_text(leaf)
    text, spans = visible_text_and_spans(leaf, refs)
    for start, end in spans:
        text = text[:start] + text[start:end].translate(_SUPERSCRIPT) + text[end:]
    return text


PageCache = dict[str, tuple[tuple[int, int], tuple[str, list[Entry]]]]
"""Page → ((mtime, size), its title and entries): `apparat serve` re-reads only the pages MkDocs rewrote."""


def build_index(site: Path, cache: PageCache | None = None) -> tuple[dict[str, tuple[str, str]], list[Entry]]:
    """Page → (title, kind), and every entry of the site, pages in path order."""
    pages: dict[str, tuple[str, str]] = {}
    entries: list[Entry] = []
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        if name.startswith(_SKIPPED) or name in _NOT_INDEXED:
            continue
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = cache.get(name) if cache is not None else None
        if kept is not None and kept[0] == stamp:
            title, found = kept[1]
        else:
            title, found = page_entries(name, path.read_text(encoding="utf-8"))
            if cache is not None:
                cache[name] = (stamp, (title, found))
        pages[name] = (title, page_kind(name))
        entries += found
    return pages, entries


def _script(variable: str, data: Any, what: str) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"/* Generated by apparat build: {what}. */\nwindow.{variable} = {text};\n"


def index_script(pages: dict[str, tuple[str, str]], entries: list[Entry]) -> str:
    """Compact, so that the index stays close to the size of the text it holds: pages are listed once; an
    entry's heading is the position of the heading's own entry (-1: none); an anchor that repeats the
    previous entry's is left empty."""
    order = {name: i for i, name in enumerate(pages)}
    works = {name.split("/")[0]: title for name, (title, _) in pages.items() if name.endswith("/index.html")}
    rows: list[list[Any]] = []
    heading_entry: dict[tuple[str, str], int] = {}
    previous = ("", "")
    for position, e in enumerate(entries):
        key = (e.page, e.heading)
        if e.text == e.heading:
            heading_entry.setdefault(key, position)
        anchor = "" if (e.page, e.anchor) == previous else e.anchor
        previous = (e.page, e.anchor)
        rows.append([order[e.page], anchor, heading_entry.get(key, -1), e.text])
    data = {
        "kinds": list(KINDS),
        # page, title, the work it belongs to (the title of its folder's overview, shown with a result),
        # and its kind; a chapter's notes (anchors `fn:N`) are of kind `note`
        "pages": [
            [
                name,
                title,
                works.get(name.split("/")[0], "") if "/" in name and not name.endswith("/index.html") else "",
                KINDS.index(kind),
            ]
            for name, (title, kind) in pages.items()
        ],
        "entries": rows,
    }
    return _script("APPARAT_SEARCH_INDEX", data, "the search index, one entry per passage")


def read_index(site: Path) -> list[Entry]:
    """The entries of a built site's index, expanded as the search reads them (tests, measurements)."""
    script = (site / INDEX_SCRIPT).read_text(encoding="utf-8")
    data = json.loads(script[script.index("=") + 1 :].strip().rstrip(";"))
    entries: list[Entry] = []
    for page, anchor, heading, text in data["entries"]:
        name, _title, _work, kind = data["pages"][page]
        if not anchor and entries and entries[-1].page == name:
            anchor = entries[-1].anchor
        shown = KINDS[kind]
        if shown == "text" and anchor.startswith("fn:"):
            shown = "note"
        title = text if heading == len(entries) else entries[heading].text if heading >= 0 else ""
        entries.append(Entry(name, anchor, title, shown, text))
    return entries


def write_index(site: Path, cache: PageCache | None = None) -> Path:
    pages, entries = build_index(site, cache)
    path = site / INDEX_SCRIPT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(index_script(pages, entries), encoding="utf-8")
    return path


def write_terms(content: Path, terms: dict[str, Any] | None) -> Path:
    """The query-expansion data (an empty table without a glossary layer)."""
    data = terms or {"letters": {}, "terms": []}
    return write_if_changed(
        content / TERMS_SCRIPT, _script("APPARAT_SEARCH_TERMS", data, "query expansion for the search")
    )
