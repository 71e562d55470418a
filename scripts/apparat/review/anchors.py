"""Published anchors never disappear silently, and a cited paragraph id never lands on another passage.

Readers cite `…/03-chapter-2.html#p123` and `#ch02-l2041`; a rebuild that drops such an anchor, or gives its
id to other text, breaks their citations. After each release the anchors of the built site are recorded
(`content/data/published-anchors.txt`, one `page.html#anchor` per line, plus `page.html` for each page),
each paragraph anchor with a fingerprint of its passage (`apparat.review.fingerprint`). A new build is
compared with that list (`audit`):

* a page, note, printed-page, section or entry anchor must still exist, or be moved by a redirect declared
  in `content/data/redirects.yml`;
* a paragraph anchor must still hold its passage, or, when its id is gone, its passage must be found in the
  build (`apparat.review.moves`) or its move declared; the moves are shipped with the site so that old links
  land on the passage they cited (`apparat.site.moved`). An id that now names another passage is an error:
  no map could tell an old link to it from a new one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from apparat import datacheck
from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.review.fingerprint import Fingerprint, fingerprint, parse
from apparat.site.visible import visible_text
from apparat.untrusted import LinedDict, UntrustedError, load_yaml
from apparat.works import display_path

PASSAGE = re.compile(r"^[a-z0-9-]+-(?:l\d+|b\d{3,})$")
"""Paragraph, heading and quotation ids: `<section>-l<line>`, and `<section>-b<NNN>` of the first release."""
# Anchors we promise to keep: pages (p123), blocks (ch01-l212, part-1-l40, ch01-b012), notes (fn:12),
# orphan note fragments (ch05-f4530, their first source line), sections, and every entry of the glossary
# and bibliography pages.
_PUBLISHED = re.compile(r"^(p\d+|fn:\d+|[a-z0-9-]+-f\d+|intro|ch\d\d|introduction|part-\d+|conclusion)$")
_SKIP_FOLDERS = {"assets", "search", "generated"}
# Pages whose every id is an entry readers link to (a glossary term, a bibliography key).
_ENTRY_PAGES = re.compile(r"^(glossary/[^/]+|[^/]+/bibliography)\.html$")
Published = Mapping[str, Fingerprint | None]
"""The published list: anchor → the fingerprint of its passage (None: not a paragraph, or not recorded)."""


@dataclass(frozen=True, slots=True)
class Redirect:
    old: str
    new: str
    line: int


@dataclass(slots=True)
class Built:
    """What a built site publishes: every anchor, and the text a reader sees of each paragraph anchor."""

    anchors: set[str] = field(default_factory=set)
    passages: dict[str, str] = field(default_factory=dict)
    """Paragraph anchor → its visible text without note calls, in reading order (pages by file name)."""

    @property
    def works(self) -> set[str]:
        return {work_of(anchor) for anchor in self.anchors}


def work_of(anchor: str) -> str:
    return anchor.split("/", 1)[0]


def scan(site: Path) -> Built:
    """Every published anchor of a built site, as `folder/page.html#id` (and `folder/page.html`)."""
    built = Built()
    for page in sorted(site.glob("*/*.html")):
        if page.parent.name in _SKIP_FOLDERS:
            continue
        name = f"{page.parent.name}/{page.name}"
        built.anchors.add(name)
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        entries = bool(_ENTRY_PAGES.match(name))
        for node in article.css("[id]"):
            anchor = node.attributes.get("id") or ""
            if PASSAGE.match(anchor):
                # Note calls are left out: their numbers are the notes' business, not the passage's.
                built.passages[f"{name}#{anchor}"] = visible_text(node, node.css("sup"))
            elif not (_PUBLISHED.match(anchor) or (entries and anchor and not anchor.startswith("fnref"))):
                continue
            built.anchors.add(f"{name}#{anchor}")
    return built


def collect(site: Path) -> set[str]:
    return scan(site).anchors


def fingerprints(built: Built) -> dict[str, Fingerprint | None]:
    """The list to publish for a built site: its anchors, paragraphs with their fingerprints."""
    return {
        anchor: fingerprint(built.passages[anchor]) if anchor in built.passages else None
        for anchor in built.anchors
    }


class ListError(ValueError):
    """A line of the published list or of redirects.yml that is not what they hold (`path:line: error: …`)."""

    def __init__(self, path: Path, line: int | None, message: str, code: Code = Code.DATA_SCHEMA) -> None:
        self.diagnostic = Diagnostic(code, Severity.ERROR, display_path(path), line, message)
        super().__init__(str(self.diagnostic))


LISTED = re.compile(r"[\w./%+~-]+(#[\w.:%+~-]+)?")
"""A listed anchor (`work/03-chapter.html#p41`; a bibliography key may hold any letter): whatever else a line holds
would be echoed into error messages and the readers' redirect map (a terminal escape, markup)."""


def read_list(path: Path) -> dict[str, Fingerprint | None]:
    """The published list: `anchor` or `anchor fingerprint` per line, `#` comments."""
    if not path.is_file():
        return {}
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        found = f"the byte 0x{raw[error.start]:02X}, which is not UTF-8"
        raise ListError(
            path, raw.count(b"\n", 0, error.start) + 1, f"expected UTF-8 text, found {found}"
        ) from None
    published: dict[str, Fingerprint | None] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        anchor, _, recorded = line.strip().partition(" ")
        if not LISTED.fullmatch(anchor):
            shown = ascii(anchor[:80])
            raise ListError(path, number, f"expected an anchor like work/03-chapter.html#p41, found {shown}")
        if anchor in published:
            raise ListError(
                path, number, f"expected each anchor once, found {anchor} again", Code.DATA_DUPLICATE
            )
        try:
            published[anchor] = parse(recorded.strip()) if recorded.strip() else None
        except ValueError as error:
            raise ListError(path, number, str(error)) from None
    return published


def write_list(path: Path, published: Published) -> None:
    header = (
        "# Anchors published by the releases: `apparat anchors --record` adds a release's anchors to this file.\n"
        "# A paragraph anchor carries a fingerprint of its passage (hashes only: see apparat.review.fingerprint).\n"
    )
    lines = [f"{anchor} {recorded}" if recorded else anchor for anchor, recorded in sorted(published.items())]
    path.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")


def read_redirects(path: Path) -> list[Redirect]:
    """`redirects: [{from: old/page.html#a, to: new/page.html#b}]`: declared moves of published anchors."""
    if not path.is_file():
        return []
    try:
        data = load_yaml(path) or {}
    except UntrustedError as error:
        problem = error.problem
        raise ListError(path, problem.line, f"expected {problem.expected}, found {problem.found}") from None
    problems = datacheck.check("redirects", data, display_path(path))
    if problems:
        invalid = ListError(path, problems[0].line, problems[0].message)
        invalid.diagnostic = problems[0]
        raise invalid
    items = data.get("redirects") or [] if isinstance(data, dict) else []
    redirects = []
    for item in items:
        line = item.line if isinstance(item, LinedDict) else 1
        if not isinstance(item, dict) or not {"from", "to"} <= set(item):
            raise ListError(path, line, f"expected a mapping with 'from' and 'to', found {item!r}")
        redirects.append(Redirect(str(item["from"]), str(item["to"]), line))
    return redirects


def removed(published: Published | set[str], current: set[str], redirects: list[Redirect]) -> list[str]:
    """Published anchors missing from the current build and not redirected to an anchor that exists.

    Only works present in the current build are compared: building without the real sources must not
    count their pages as removed.
    """
    built_folders = {work_of(anchor) for anchor in current}
    moved = {r.old: r.new for r in redirects}
    lost = []
    for anchor in sorted(set(published) - current):
        if work_of(anchor) not in built_folders:
            continue
        target = moved.get(anchor)
        if target is None or target not in current:
            lost.append(anchor)
    return lost


def merge(published: Published, current: Published) -> dict[str, Fingerprint | None]:
    """The new published list: every anchor published before (a release's promise does not lapse: its
    moves stay in the map), with the current build's anchors and fingerprints over it."""
    return {**published, **current}
