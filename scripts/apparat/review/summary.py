"""Count what a built site contains, per work, and compare two builds.

Reviewers of a pull request see the rendered effect of a change (a glossary entry that now annotates 40
passages, a correction that turned a missing note into a present one) without reading HTML. The counts are
read from the built pages themselves, so they hold whatever produced them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

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


def count_site(site: Path) -> Counts:
    """Work folder → feature → count, over every HTML page of each work's folder."""
    counts: Counts = {}
    if not site.is_dir():
        return counts
    for page in sorted(site.glob("*/*.html")):
        work = page.parent.name
        if work in {"assets", "search", "glossary", "pages", "generated"}:
            continue
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article") or tree.body
        if article is None:
            continue
        tally = counts.setdefault(work, Counter())
        for feature, selector in FEATURES.items():
            tally[feature] += len(article.css(selector))
    return counts


def compare(base: Counts, head: Counts) -> str:
    """A Markdown report of the differences, for a CI job summary."""
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
            delta = after - before
            changed = changed or delta != 0
            cells.append(f"{after} ({delta:+d})" if delta else str(after))
        lines.append(f"| {work} | " + " | ".join(cells) + " |")
    lines += ["", "Counts after the change (difference from the base branch in brackets)."]
    if not changed:
        lines.append("Nothing counted here changed.")
    return "\n".join(lines) + "\n"
