"""Published anchors never disappear silently.

Readers cite `…/03-chapter-2.html#p123` and `#ch02-b041`; a rebuild that drops such an anchor breaks their
citations. After each release the list of anchors of the built site is recorded
(`content/data/published-anchors.txt`, one `page.html#anchor` per line, plus `page.html` for each page);
the check compares a new build against it and fails on any removed page, paragraph, note or printed-page
anchor that `content/data/redirects.yml` does not map to a new place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from apparat import datacheck
from apparat.untrusted import LinedDict, load_yaml
from apparat.works import display_path

# Anchors we promise to keep: pages (p123), blocks (ch01-b012, part-1-b003), notes (fn:12), sections,
# and every entry of the glossary and bibliography pages.
_PUBLISHED = re.compile(r"^(p\d+|fn:\d+|[a-z0-9-]+-b\d{3,}|intro|ch\d\d|introduction|part-\d+|conclusion)$")
_SKIP_FOLDERS = {"assets", "search", "generated"}
# Pages whose every id is an entry readers link to (a glossary term, a bibliography key).
_ENTRY_PAGES = re.compile(r"^(glossary/[^/]+|[^/]+/bibliography)\.html$")


@dataclass(frozen=True, slots=True)
class Redirect:
    old: str
    new: str
    line: int


def collect(site: Path) -> set[str]:
    """Every published anchor of a built site, as `folder/page.html#id` (and `folder/page.html`)."""
    found: set[str] = set()
    for page in sorted(site.glob("*/*.html")):
        if page.parent.name in _SKIP_FOLDERS:
            continue
        name = f"{page.parent.name}/{page.name}"
        found.add(name)
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        entries = bool(_ENTRY_PAGES.match(name))
        for node in article.css("[id]"):
            anchor = node.attributes.get("id") or ""
            if _PUBLISHED.match(anchor) or (entries and anchor and not anchor.startswith("fnref")):
                found.add(f"{name}#{anchor}")
    return found


def read_list(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_list(path: Path, anchors: set[str]) -> None:
    header = "# Anchors published by the last release: `apparat anchors --record` rewrites this file.\n"
    path.write_text(header + "".join(f"{anchor}\n" for anchor in sorted(anchors)), encoding="utf-8")


def read_redirects(path: Path) -> list[Redirect]:
    """`redirects: [{from: old/page.html#a, to: new/page.html#b}]`: declared moves of published anchors."""
    if not path.is_file():
        return []
    data = load_yaml(path) or {}
    problems = datacheck.check("redirects", data, display_path(path))
    if problems:
        raise ValueError(str(problems[0]))
    items = data.get("redirects") or [] if isinstance(data, dict) else []
    redirects = []
    for item in items:
        line = item.line if isinstance(item, LinedDict) else 1
        if not isinstance(item, dict) or not {"from", "to"} <= set(item):
            raise ValueError(f"{path}:{line}: expected a mapping with 'from' and 'to', found {item!r}")
        redirects.append(Redirect(str(item["from"]), str(item["to"]), line))
    return redirects


def removed(published: set[str], current: set[str], redirects: list[Redirect]) -> list[str]:
    """Published anchors missing from the current build and not redirected to an anchor that exists.

    Only works present in the current build are compared: building without the real sources must not
    count their pages as removed.
    """
    built_folders = {anchor.split("/", 1)[0] for anchor in current}
    moved = {r.old: r.new for r in redirects}
    lost = []
    for anchor in sorted(published - current):
        if anchor.split("/", 1)[0] not in built_folders:
            continue
        target = moved.get(anchor)
        if target is None or target not in current:
            lost.append(anchor)
    return lost


def merge(published: set[str], current: set[str]) -> set[str]:
    """The new published list: the current build's anchors, plus those of works it did not build."""
    built_folders = {anchor.split("/", 1)[0] for anchor in current}
    kept = {anchor for anchor in published if anchor.split("/", 1)[0] not in built_folders}
    return kept | current
