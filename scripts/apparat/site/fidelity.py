"""Rendered fidelity: the built pages against the model, as a reader sees them.

An independent path: this module reads the built HTML (`site/visible.py`: the text a browser shows,
hidden elements and markup left out) and the model as exported JSON (`build/models/<work>.json`), and
shares nothing with the renderer: not its ids, classes or templates. A note reference is any link in a
paragraph to a list item of the same page; the number a list item shows is computed as a browser
numbers an `<ol>` (`start`, `value`, position). It fails, at the page and anchor, when

* a paragraph's (heading's, quotation's, the abstract's) visible text differs from the model's text, whose note markers
  `[^N]` read as the printed number N;
* a note reference shows a number other than the printed one, or leads to a list item numbered otherwise;
* a note of the model is not in its page's notes list under its printed number, or the list shows a number
  the model does not have, or a note's text differs from the model's (a notice beside it may name no other
  number);
* a back-link names a number other than its target's: the return link of a note, and every link anywhere
  in the site whose text is `n. N` (the bibliography's "Cited in … n. N").
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.site.visible import collapse, is_hidden, visible_text

_MARKER = re.compile(r"\[\^(\d+)\]")
_NOTE_LINK_TEXT = re.compile(r"^nn?\.[\s\u00a0]*(\d+)$")
_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d,]|\.\d)")
_SKIP_FOLDERS = ("assets/", "search/")


@dataclass(slots=True)
class Figures:
    """What was compared (printed with the build's timings, and in the tests)."""

    blocks: int = 0
    references: int = 0
    notes: int = 0
    back_links: int = 0
    note_links: int = 0

    def __str__(self) -> str:
        return (
            f"{self.blocks} blocks, {self.references} note references, {self.notes} notes, "
            f"{self.back_links} return links, {self.note_links} 'n. N' links"
        )


@dataclass(slots=True)
class Fidelity:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)

    def problem(self, where: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(Code.SITE_FIDELITY, Severity.ERROR, where, None, message))


@dataclass(slots=True)
class _Page:
    name: str
    by_id: dict[str, LexborNode]
    numbers: dict[int, int]
    """List item (mem_id) → the number the browser shows for it."""

    @classmethod
    def parse(cls, site: Path, name: str) -> _Page:
        tree = LexborHTMLParser((site / name).read_text(encoding="utf-8"))
        by_id = {node.attributes.get("id") or "": node for node in tree.css("[id]")}
        numbers: dict[int, int] = {}
        for ol in tree.css("ol"):
            numbers.update(_ordinals(ol))
        return cls(name, by_id, numbers)

    def number_of(self, node: LexborNode | None) -> int | None:
        return None if node is None else self.numbers.get(node.mem_id)


def _ordinals(ol: LexborNode) -> Iterator[tuple[int, int]]:
    """(list item, shown number) as HTML numbers an ordered list: `start`, then `value` resets the count."""
    number = _int(ol.attributes.get("start"), 1)
    for child in ol.iter():
        if child.tag != "li":
            continue
        number = _int(child.attributes.get("value"), number)
        if not is_hidden(child):
            yield child.mem_id, number
            number += 1


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Site:
    """Pages parsed once, on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[str, _Page | None] = {}

    def page(self, name: str) -> _Page | None:
        if name not in self._pages:
            path = self.root / name
            self._pages[name] = _Page.parse(self.root, name) if path.is_file() else None
        return self._pages[name]

    def resolve(self, page: str, href: str) -> tuple[str, str] | None:
        """(site-relative page, fragment) of a link on `page`, or None when it leaves the site."""
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.IGNORECASE):
            return None
        path, _, fragment = href.partition("#")
        path = unquote(path.partition("?")[0])
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        return target, unquote(fragment)


def _expected(text: str) -> str:
    """The model's text as a reader should see it: each note marker is its printed number."""
    return collapse(_MARKER.sub(lambda m: m.group(1), text))


def _difference(shown: str, expected: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(shown, expected, strict=False)) if a != b), None)
    if at is None:
        at = min(len(shown), len(expected))
    begin = max(0, at - 20)
    return (
        f"at character {at} the page shows {shown[begin : at + 30]!r} where the model has "
        f"{expected[begin : at + 30]!r}"
    )


def _note_references(page: _Page, node: LexborNode) -> list[tuple[LexborNode, LexborNode]]:
    """(link, target list item) for each link in `node` to a numbered list item of the same page."""
    found = []
    for link in node.css("a[href^='#']"):
        if any(is_hidden(a) for a in _ancestors(link, node)):
            continue
        target = page.by_id.get(unquote((link.attributes.get("href") or "")[1:]))
        if target is not None and page.number_of(target) is not None:
            found.append((link, target))
    return found


def _ancestors(node: LexborNode, stop: LexborNode) -> Iterator[LexborNode]:
    current: LexborNode | None = node
    while current is not None and current.mem_id != stop.mem_id:
        yield current
        current = current.parent


def _anchor_of(node: LexborNode, fallback: str) -> str:
    current: LexborNode | None = node
    for _ in range(3):
        if current is None:
            break
        if current.attributes.get("id"):
            return current.attributes.get("id") or fallback
        current = current.parent
    return fallback


def _check_section(
    result: Fidelity, page: _Page, work: str, section: dict[str, Any], listed: dict[int, LexborNode]
) -> None:
    for block in section["blocks"]:
        node = page.by_id.get(block["id"])
        if node is None:
            result.problem(f"{page.name}#{block['id']}", "expected this block of the model, found no element")
            continue
        result.figures.blocks += 1
        refs = _note_references(page, node)
        printed = [int(n) for n in _MARKER.findall(block["text"])]
        shown = [visible_text(link) for link, _ in refs]
        result.figures.references += len(shown)
        for position, (link, target) in enumerate(refs):
            where = f"{page.name}#{_anchor_of(link, block['id'])}"
            want = str(printed[position]) if position < len(printed) else None
            if shown[position] != want:
                result.problem(
                    where,
                    f"expected note reference {position + 1} of {block['id']} to show the printed number "
                    f"{want}, found {shown[position]!r}",
                )
            target_number = page.number_of(target)
            if shown[position].isdigit() and target_number != int(shown[position]):
                result.problem(
                    where,
                    f"expected the note reference showing {shown[position]} to lead to note "
                    f"{shown[position]} of the notes list, found it leads to the item numbered {target_number}",
                )
        if len(refs) < len(printed):
            result.problem(
                f"{page.name}#{block['id']}",
                f"expected {len(printed)} note references in {block['id']}, found {len(refs)}",
            )
        seen, expected = visible_text(node), _expected(block["text"])
        if seen != expected:
            result.problem(
                f"{page.name}#{block['id']}",
                f"expected the visible text of {block['id']} to be the model's, but {_difference(seen, expected)}",
            )
    for note in section["notes"]:
        _check_note(result, page, note, listed.pop(note["n"], None))
    for number, item in sorted(listed.items()):
        result.problem(
            f"{page.name}#{item.attributes.get('id') or ''}",
            f"the notes list shows a note numbered {number} that section {section['id']} of the model does not have",
        )


def _check_note(result: Fidelity, page: _Page, note: dict[str, Any], item: LexborNode | None) -> None:
    n = note["n"]
    if item is None:
        result.problem(
            f"{page.name}#{note['id']}",
            f"expected note {n} ({note['status']}) in the notes list under its printed number, found none",
        )
        return
    result.figures.notes += 1
    where = f"{page.name}#{item.attributes.get('id') or note['id']}"
    back_links = [link for link in item.css("a[href^='#']") if _is_back_link(page, link, item)]
    for link in back_links:
        result.figures.back_links += 1
        target = page.by_id.get(unquote((link.attributes.get("href") or "")[1:]))
        called = [visible_text(a) for a in (target.css("a[href]") if target is not None else [])]
        label = " ".join(link.attributes.get(a) or "" for a in ("title", "aria-label"))
        named = {int(x) for x in _NUMBER.findall(label + " " + " ".join(called))}
        if named - {n}:
            result.problem(
                where,
                f"expected the return link of note {n} to name note {n} only, found {sorted(named)}",
            )
    seen = visible_text(item, without=back_links).rstrip()  # the space before a return link is its own
    if note["text"] is None:
        extra = seen
    else:
        expected = _expected(note["text"])
        if note["status"] == "present" and seen != expected:
            result.problem(
                where, f"expected note {n} to read as the model's, but {_difference(seen, expected)}"
            )
            return
        if expected not in seen:
            result.problem(where, f"expected note {n} to hold the model's text, found {seen[:80]!r}…")
            return
        extra = seen.replace(expected, " ")
    if note["text"] is None and str(n) not in _NUMBER.findall(seen):
        result.problem(
            where, f"expected the notice of note {n} to name its printed number, found {seen[:80]!r}"
        )
    wrong = sorted({int(x) for x in _NUMBER.findall(extra)} - {n})
    if wrong:
        result.problem(where, f"expected the notice beside note {n} to name no other number, found {wrong}")


def _is_back_link(page: _Page, link: LexborNode, item: LexborNode) -> bool:
    """A link from a note back into the text: its target (or something in it) links to this note."""
    target = page.by_id.get(unquote((link.attributes.get("href") or "")[1:]))
    item_id = item.attributes.get("id")
    if target is None or not item_id:
        return False
    hrefs = {a.attributes.get("href") for a in [target, *target.css("a[href]")]}
    return f"#{item_id}" in hrefs


def _section_page(site: _Site, pages: list[str], section: dict[str, Any]) -> _Page | None:
    wanted = [b["id"] for b in section["blocks"][:1]] or [section["id"]]
    for name in pages:
        page = site.page(name)
        if page is not None and wanted[0] in page.by_id:
            return page
    return None


def _listed(page: _Page, result: Fidelity) -> dict[int, LexborNode]:
    """Shown number → list item, for the ordered lists of the page's content (the notes lists)."""
    listed: dict[int, LexborNode] = {}
    for node in page.by_id.values():
        number = page.number_of(node)
        if number is None:
            continue
        if number in listed and listed[number].mem_id != node.mem_id:
            result.problem(
                f"{page.name}#{node.attributes.get('id')}", f"two notes are shown as number {number}"
            )
        listed[number] = node
    return listed


def check_work(site: _Site, model: dict[str, Any], result: Fidelity) -> None:
    work = model["work"]
    pages = sorted(p.relative_to(site.root).as_posix() for p in (site.root / work).glob("*.html"))
    abstract = (model.get("front") or {}).get("abstract")
    overview = site.page(f"{work}/index.html")
    if abstract and overview is not None:
        node = overview.by_id.get("abstract")
        seen = visible_text(node) if node is not None else ""
        if seen != _expected(abstract):
            result.problem(
                f"{overview.name}#abstract",
                f"expected the abstract to read as the model's, but {_difference(seen, _expected(abstract))}",
            )
        result.figures.blocks += 1
    for section in model["sections"]:
        page = _section_page(site, pages, section)
        if page is None:
            result.problem(
                f"{work}/", f"expected a page holding section {section['id']} of the model, found none"
            )
            continue
        _check_section(result, page, work, section, _listed(page, result))


def check_note_links(site: _Site, result: Fidelity) -> None:
    """Every `n. N` link of the site leads to a list item that shows N."""
    for path in sorted(site.root.rglob("*.html")):
        name = path.relative_to(site.root).as_posix()
        if name.startswith(_SKIP_FOLDERS):
            continue
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for link in tree.css("a[href]"):
            match = _NOTE_LINK_TEXT.match(visible_text(link))
            if not match:
                continue
            result.figures.note_links += 1
            resolved = site.resolve(name, link.attributes.get("href") or "")
            target_page = site.page(resolved[0]) if resolved else None
            target = target_page.by_id.get(resolved[1]) if target_page and resolved else None
            shown = target_page.number_of(target) if target_page else None
            if shown != int(match.group(1)):
                result.problem(
                    name,
                    f"expected the link 'n. {match.group(1)}' ({link.attributes.get('href')}) to lead to note "
                    f"{match.group(1)}, found "
                    + (f"a note numbered {shown}" if shown is not None else "no numbered note there"),
                )


def load_models(folder: Path, works: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The exported models (`<work>.json`) of the works given (None: every model in the folder)."""
    wanted = None if works is None else set(works)
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
        if wanted is None or path.stem in wanted
    ]


def check_fidelity(site_dir: Path, models: Iterable[dict[str, Any]]) -> Fidelity:
    """Every disagreement between the built site and the models of the works it publishes."""
    site = _Site(site_dir.resolve())
    result = Fidelity()
    built = False
    for model in models:
        if (site.root / model["work"]).is_dir():
            built = True
            check_work(site, model, result)
    if built:
        check_note_links(site, result)
    return result
