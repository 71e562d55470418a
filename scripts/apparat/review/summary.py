"""Count what a built site contains, per work, and compare two builds.

Reviewers of a pull request see the rendered effect of a change (a glossary entry that now annotates 40
passages, a correction that turned a missing note into a present one, a definition reworded, a hand-written
page edited) without reading HTML. The counts are read from the built pages themselves, so they hold
whatever produced them:

* per work, the features of its chapter pages (`FEATURES`);
* per glossary page (terms, factions, persons), its entries: added, removed, and those whose text
  (heading, definition, relations; not the "Mentioned in" list) changed;
* the hand-written pages (`site/pages/`): added, removed, changed.

When the base build is missing (the base branch failed to build, or was not built), `review` says so at
the top and shows the change's own counts, never a difference from nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

# what is counted → CSS selector in a chapter page
FEATURES: dict[str, str] = {
    "printed pages": "span.pb",
    "paragraphs": "p[id]",
    "notes": ".footnote li",
    "missing notes": ".note-missing",
    "terms": "a.ap-term",
    "factions": "a.ap-faction",
    "persons": "a.ap-person",
    "citations": "a.ap-cite",
}

Counts = dict[str, Counter[str]]
Digests = dict[str, str]
"""Name (a glossary entry `terms#smychka`, a page `pages/contribute.html`) → sha256 of its visible text."""
GLOSSARY_PAGES = ("terms", "factions", "persons")


def count_site(site: Path) -> Counts:
    """Work folder → feature → count, over every HTML page of each work's folder."""
    counts: Counts = {}
    if not site.is_dir():
        return counts
    for page in sorted(site.glob("*/*.html")):
        work = page.parent.name
        if work in {"assets", "search", "glossary", "pages", "generated", "edition"}:
            continue
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article") or tree.body
        if article is None:
            continue
        tally = counts.setdefault(work, Counter())
        for feature, selector in FEATURES.items():
            tally[feature] += len(article.css(selector))
    return counts


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def glossary_entries(site: Path) -> Digests:
    """`terms#<id>` → digest of the entry: its heading and what follows up to the next entry, without the
    list of mentions (counted per work already)."""
    found: Digests = {}
    for name in GLOSSARY_PAGES:
        page = site / "glossary" / f"{name}.html"
        if not page.is_file():
            continue
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        key, parts = "", list[str]()
        for node in article.iter():
            if node.tag == "h2" and node.attributes.get("id"):
                if key:
                    found[f"{name}#{key}"] = _digest(" ".join(parts))
                key, parts = node.attributes.get("id") or "", [_text(node)]
            elif key and "ap-mentions" not in (node.attributes.get("class") or ""):
                parts.append(_text(node))
        if key:
            found[f"{name}#{key}"] = _digest(" ".join(parts))
    return found


def _text(node: LexborNode) -> str:
    return node.text(deep=True, separator=" ") or ""


def hand_written_pages(site: Path) -> Digests:
    """`pages/<name>.html` → digest of the page's article text."""
    found: Digests = {}
    for page in sorted((site / "pages").rglob("*.html")) if (site / "pages").is_dir() else []:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article") or tree.body
        found[page.relative_to(site).as_posix()] = _digest(_text(article) if article is not None else "")
    return found


def changes(base: Digests, head: Digests) -> tuple[list[str], list[str], list[str]]:
    """(added, removed, changed) names."""
    added = sorted(set(head) - set(base))
    removed = sorted(set(base) - set(head))
    changed = sorted(name for name in set(base) & set(head) if base[name] != head[name])
    return added, removed, changed


def present(site: Path) -> bool:
    return (site / "index.html").is_file()


def review(base_site: Path, head_site: Path) -> str:
    """The whole report of `apparat diff`: per-work counts, glossary entries and hand-written pages."""
    missing = not present(base_site)
    lines = []
    if missing:
        lines += [
            (
                f"**The base build is missing** (no built site in `{base_site}`): the counts below are this "
                "change's own; nothing is compared."
            ),
            "",
        ]
    report = compare({} if missing else count_site(base_site), count_site(head_site), base_missing=missing)
    lines += report.rstrip("\n").split("\n")
    head_entries, head_pages = glossary_entries(head_site), hand_written_pages(head_site)
    base_entries = {} if missing else glossary_entries(base_site)
    base_pages = {} if missing else hand_written_pages(base_site)
    lines += ["", "### Glossary entries", ""]
    lines += ["| page | entries | added | removed | text changed |", "|---|---|---|---|---|"]
    for name in GLOSSARY_PAGES:
        head = {k: v for k, v in head_entries.items() if k.startswith(f"{name}#")}
        base = {k: v for k, v in base_entries.items() if k.startswith(f"{name}#")}
        if not head and not base:
            continue
        if missing:
            lines.append(f"| {name} | {len(head)} | – | – | – |")
            continue
        added, removed, changed = changes(base, head)
        lines.append(f"| {name} | {len(head)} | {_names(added)} | {_names(removed)} | {_names(changed)} |")
    lines += ["", "### Hand-written pages", ""]
    if missing:
        lines.append(f"{len(head_pages)} pages: {', '.join(sorted(head_pages)) or 'none'}.")
    else:
        added, removed, changed = changes(base_pages, head_pages)
        lines.append(
            f"{len(head_pages)} pages; added: {_names(added)}; removed: {_names(removed)}; "
            f"changed: {_names(changed)}."
        )
    return "\n".join(lines) + "\n"


def _names(names: list[str], shown: int = 8) -> str:
    if not names:
        return "0"
    listed = ", ".join(n.split("#")[-1] for n in names[:shown])
    return f"{len(names)} ({listed}{', …' if len(names) > shown else ''})"


def compare(base: Counts, head: Counts, *, base_missing: bool = False) -> str:
    """A Markdown report of the per-work differences, for a CI job summary. With `base_missing` the
    counts are shown as they are, without differences."""
    lines = ["## What this change does to the rendered edition", ""]
    works = sorted(set(base) | set(head))
    if not works:
        return "\n".join([*lines, "No built site to compare.", ""])
    lines += ["| work | " + " | ".join(FEATURES) + " |", "|---" * (len(FEATURES) + 1) + "|"]
    changed = False
    for work in works:
        cells = []
        for feature in FEATURES:
            before = base.get(work, Counter())[feature]
            after = head.get(work, Counter())[feature]
            delta = 0 if base_missing else after - before
            changed = changed or delta != 0
            cells.append(f"{after} ({delta:+d})" if delta else str(after))
        lines.append(f"| {work} | " + " | ".join(cells) + " |")
    if base_missing:
        lines += ["", "Counts of this change's build (no base build to compare with)."]
        return "\n".join(lines) + "\n"
    lines += ["", "Counts after the change (difference from the base branch in brackets)."]
    if not changed:
        lines.append("Nothing counted here changed.")
    return "\n".join(lines) + "\n"
