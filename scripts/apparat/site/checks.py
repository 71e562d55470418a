"""Our own checks of a built site: what `mkdocs build --strict` lets through (see docs/site.md).

* links and anchors: every internal `href`/`src` of every page, including raw HTML in the content, the
  printed-page anchors `#pN` and the footnote links, resolves to a file and an id in it;
* footnotes: no `[^N]` left unrendered (undefined), no definition given twice in a page's Markdown (the
  last one would silently win), no note that no reference calls (unless it says it has no marker:
  `data-uncalled`); the printed numbers are checked against the model by `fidelity.py`;
* tooltips: every `data-ap` key has an entry in the tips script;
* no request to another host: no asset (`script`, `link`, `img`, `iframe`, `source`, CSS `url()`) with an
  absolute http(s) URL; outbound `<a>` links are allowed only in the page content.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from apparat.diagnostics import Code, Diagnostic, Severity

_ASSET_ATTRIBUTES = (
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_CSS_REMOTE = re.compile(
    r"url\(\s*['\"]?(?:https?:)?//|@import\s+(?:url\()?['\"]?(?:https?:)?//", re.IGNORECASE
)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_SKIP_FOLDERS = ("assets/", "search/")
_NOT_FETCHED = {"canonical", "alternate", "author", "license"}


@dataclass(slots=True)
class SiteIndex:
    """What the checks ask of a site many times: whether a path exists, and the ids of a page (parsed once).

    Paths are site-relative POSIX strings, so that thousands of links cost no file-system call each.
    """

    root: Path
    _kinds: dict[str, str] = field(default_factory=dict)
    _ids: dict[str, set[str]] = field(default_factory=dict)

    def kind(self, relative: str) -> str:
        """'file', 'dir' or 'none'."""
        if relative not in self._kinds:
            path = self.root / relative
            self._kinds[relative] = "file" if path.is_file() else "dir" if path.is_dir() else "none"
        return self._kinds[relative]

    def ids(self, relative: str) -> set[str]:
        if relative not in self._ids:
            tree = LexborHTMLParser((self.root / relative).read_text(encoding="utf-8"))
            found = {node.attributes.get("id") or "" for node in tree.css("[id]")}
            found |= {node.attributes.get("name") or "" for node in tree.css("a[name]")}
            self._ids[relative] = found
        return self._ids[relative]


def _problem(code: Code, where: str, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, where, None, message)


def _describe(node: LexborNode) -> str:
    text = (node.text(deep=True) or "").strip()
    return f"<{node.tag}> {text[:40]!r}" if text else f"<{node.tag}>"


def check_site(site: Path, tips: Iterable[str] | None = None, mount: str = "/") -> list[Diagnostic]:
    """Every problem of the built site at `site`; `tips` are the known `data-ap` keys (None: not checked).

    `mount` is the path the site is published under (from site_url): root-relative links start with it.
    """
    site = site.resolve()
    index = SiteIndex(site)
    known_tips = set(tips) if tips is not None else None
    problems: list[Diagnostic] = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if name.startswith(_SKIP_FOLDERS):
            continue
        html = page.read_text(encoding="utf-8")
        tree = LexborHTMLParser(html)
        problems += _check_links(index, name, tree, mount)
        problems += _check_external(name, tree)
        problems += _check_footnotes(name, tree)
        if known_tips is not None:
            problems += _check_tips(name, tree, known_tips)
    for sheet in sorted(site.rglob("*.css")):
        if _CSS_REMOTE.search(sheet.read_text(encoding="utf-8", errors="replace")):
            problems.append(
                _problem(
                    Code.SITE_EXTERNAL, sheet.relative_to(site).as_posix(), "a CSS url() on another host"
                )
            )
    return problems


def _check_links(index: SiteIndex, name: str, tree: LexborHTMLParser, mount: str = "/") -> list[Diagnostic]:
    problems = []
    folder = posixpath.dirname(name)
    for tag, attribute in (("a", "href"), *_ASSET_ATTRIBUTES):
        for node in tree.css(f"{tag}[{attribute}]"):
            url = node.attributes.get(attribute) or ""
            if not url or _EXTERNAL.match(url) or _SCHEME.match(url):
                continue
            path, _, fragment = url.partition("#")
            path = unquote(path.partition("?")[0])
            if not path:
                target = name
            elif path.startswith("/"):  # root-relative: only 404.html, served from anywhere in the site
                inside = path.removeprefix(mount)
                target = posixpath.normpath(inside.lstrip("/") or ".")
            else:
                target = posixpath.normpath(posixpath.join(folder, path))
            kind = index.kind(target)
            if kind == "dir":
                target = posixpath.join(target, "index.html")
                kind = index.kind(target)
            if kind != "file" or target.startswith("../"):
                problems.append(
                    _problem(
                        Code.SITE_LINK, name, f"expected a file for {url!r} in {_describe(node)}, found none"
                    )
                )
                continue
            fragment = unquote(fragment)
            if fragment and target.endswith(".html") and fragment not in index.ids(target):
                problems.append(
                    _problem(
                        Code.SITE_ANCHOR,
                        name,
                        f"expected an element with id {fragment!r} in {target} for {url!r} in {_describe(node)}, "
                        "found none",
                    )
                )
    return problems


def _check_external(name: str, tree: LexborHTMLParser) -> list[Diagnostic]:
    problems = []
    for tag, attribute in _ASSET_ATTRIBUTES:
        for node in tree.css(f"{tag}[{attribute}]"):
            url = node.attributes.get(attribute) or ""
            if tag == "link" and (node.attributes.get("rel") or "") in _NOT_FETCHED:
                continue  # the canonical address (from site_url) names the page; nothing is fetched
            if _EXTERNAL.match(url):
                problems.append(
                    _problem(Code.SITE_EXTERNAL, name, f"expected a local asset, found <{tag}> {url}")
                )
    for node in tree.css("a[href]"):
        url = node.attributes.get("href") or ""
        if _EXTERNAL.match(url) and not _inside_content(node):
            problems.append(
                _problem(Code.SITE_EXTERNAL, name, f"an outbound link outside the content: {url}")
            )
    for node in tree.css("[style], style"):
        text = node.attributes.get("style") or "" if node.tag != "style" else node.text()
        if _CSS_REMOTE.search(text or ""):
            problems.append(
                _problem(Code.SITE_EXTERNAL, name, f"a CSS url() on another host in <{node.tag}>")
            )
    return problems


def _inside_content(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def _check_footnotes(name: str, tree: LexborHTMLParser) -> list[Diagnostic]:
    article = tree.css_first("article")
    if article is None:
        return []
    text = article.text(deep=True) or ""
    problems = [
        _problem(Code.SITE_FOOTNOTE, name, f"expected a definition of footnote [^{label}], found none")
        for label in sorted(set(_FOOTNOTE_REF.findall(text)))
    ]
    called = {(node.attributes.get("href") or "")[1:] for node in article.css("a.footnote-ref[href^='#']")}
    for note in article.css("div.footnote li[id]"):
        note_id = note.attributes.get("id") or ""
        if note_id not in called and "data-uncalled" not in note.attributes:  # orphans have no marker
            problems.append(
                _problem(
                    Code.SITE_FOOTNOTE, name, f"expected a reference to note {note_id}, found none (unused)"
                )
            )
    return problems


def _check_tips(name: str, tree: LexborHTMLParser, tips: set[str]) -> list[Diagnostic]:
    missing = Counter(node.attributes.get("data-ap") or "" for node in tree.css("[data-ap]"))
    return [
        _problem(Code.SITE_TIP, name, f"expected a tooltip for data-ap {key!r} ({count}×), found none")
        for key, count in sorted(missing.items())
        if key not in tips
    ]
