"""The bibliography pages of each work: the reference list, the completeness page, the downloads.

`content/<work>/bibliography.md` lists every entry the work cites, formatted in the work's style, each
with `id="<key>"` (the inline citation links point there) and back-links to every note that cites it.
`bibliography-status.md` counts complete and stub entries per chapter, so contributors see what to fill.
The downloads `<work>.bib`, `<work>.json` (CSL-JSON) and `<work>.ris` sit beside them.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

from pybtex.database import Entry

from apparat.bib import exports, style
from apparat.bib.database import Bibliography
from apparat.edition import Edition
from apparat.model import AnnotationKind
from apparat.render.typography import smarten_html


def style_for(edition: Edition) -> style.Style:
    return style.notes_bibliography if edition.work.profile == "article" else style.author_date


def citing_notes(edition: Edition) -> dict[str, list[str]]:
    """Key → the note ids citing it, in reading order, each once."""
    out: dict[str, list[str]] = defaultdict(list)
    for annotation in edition.document.annotations:
        if annotation.kind is AnnotationKind.CITE and annotation.target not in out[annotation.key]:
            out[annotation.key].append(annotation.target)
    return out


def work_entries(bibliography: Bibliography, edition: Edition) -> dict[str, Entry]:
    """The entries this work cites (by keyword, or by a citation in its notes), sorted for the list."""
    cited = set(bibliography.cited_by(edition.work.id)) | set(citing_notes(edition))
    keys = [k for k in bibliography.entries if k in cited]
    keys.sort(key=lambda k: style.sort_key(k, bibliography.entries[k]))
    return {k: bibliography.entries[k] for k in keys}


def _labels(edition: Edition) -> dict[str, str]:
    return {section.id: section.label or section.title for section in edition.document.sections}


def back_links(edition: Edition, targets: list[str]) -> str:
    """`Cited in Chapter 1, n. 3, n. 12; Chapter 4, n. 7`, each note a link to its footnote."""
    labels = _labels(edition)
    by_section: dict[str, list[str]] = defaultdict(list)
    for target in targets:
        section, _, number = target.rpartition("-n")
        try:
            url = "../" + edition.url(target)
        except KeyError:
            continue
        by_section[section].append(f'<a href="{html.escape(url)}">n.&nbsp;{number}</a>')
    groups = [f"{html.escape(labels.get(s, s))}, {', '.join(links)}" for s, links in by_section.items()]
    return f'<span class="ap-cited-in">Cited in {"; ".join(groups)}.</span>' if groups else ""


def bibliography_page(bibliography: Bibliography, edition: Edition) -> str:
    entries = work_entries(bibliography, edition)
    notes = citing_notes(edition)
    render = style_for(edition)
    work = edition.work.id
    stubs = sum(1 for k in entries if bibliography.is_stub(k))
    kind = "author–date" if edition.work.profile != "article" else "notes and bibliography"
    lines = [
        "---",
        "title: Bibliography",
        f"work: {work}",
        "---",
        "",
        "# Bibliography { #bibliography }",
        "",
        (
            f"The {len(entries)} works cited in the notes, in the Chicago {kind} style; {stubs} entries still "
            "lack their full data and are marked *to be completed* "
            "([what is missing](bibliography-status.md)). Each entry links back to the notes that cite it."
        ),
        "",
        f"Download: [BibTeX]({work}.bib) · [CSL-JSON]({work}.json) · [RIS]({work}.ris)",
        "",
        '<div class="ap-bibliography" markdown="0">',
    ]
    for key, entry in entries.items():
        reference = smarten_html(render(key, entry))  # typographic quotes (render/typography.py)
        stub = ' <em class="ap-stub">(entry to be completed)</em>' if bibliography.is_stub(key) else ""
        cited = back_links(edition, notes.get(key, []))
        # a div carries the id: the site's per-paragraph controls (copy link, cite) are for the reading text
        lines.append(f'<div class="ap-ref" id="{html.escape(key)}"><p>{reference}{stub}<br>{cited}</p></div>')
    lines += ["</div>", ""]
    return "\n".join(lines)


def status_page(bibliography: Bibliography, edition: Edition) -> str:
    notes = citing_notes(edition)
    per_section: dict[str, set[str]] = defaultdict(set)
    for key, targets in notes.items():
        for target in targets:
            per_section[target.rpartition("-n")[0]].add(key)
    lines = [
        "---",
        "title: Bibliography status",
        f"work: {edition.work.id}",
        "---",
        "",
        "# Bibliography status { #bibliography-status }",
        "",
        (
            "Entries marked `stub` in `bibliography.bib` have only the author and year as the notes print them. "
            "To complete one, add its fields and remove `stub` from its keywords (see CONTRIBUTING)."
        ),
        "",
        "| Section | Works cited | Complete | To be completed |",
        "|---|---:|---:|---:|",
    ]
    total: set[str] = set()
    for section in edition.document.sections:
        keys = per_section.get(section.id, set())
        total |= keys
        stubs = sum(1 for k in keys if bibliography.is_stub(k))
        lines.append(f"| {section.label or section.title} | {len(keys)} | {len(keys) - stubs} | {stubs} |")
    stubs_total = sum(1 for k in total if bibliography.is_stub(k))
    lines.append(f"| **All** | **{len(total)}** | **{len(total) - stubs_total}** | **{stubs_total}** |")
    lines.append("")
    for section in edition.document.sections:
        missing = sorted(k for k in per_section.get(section.id, set()) if bibliography.is_stub(k))
        if missing:
            links = ", ".join(f"[{k}](bibliography.md#{k})" for k in missing)
            lines += [f"**{section.label or section.title}**: {links}", ""]
    return "\n".join(lines)


def write_pages(bibliography: Bibliography, editions: list[Edition], content_dir: Path) -> list[Path]:
    written: list[Path] = []
    for edition in editions:
        folder = content_dir / edition.work.id
        folder.mkdir(parents=True, exist_ok=True)
        entries = work_entries(bibliography, edition)
        files = {
            "bibliography.md": bibliography_page(bibliography, edition),
            "bibliography-status.md": status_page(bibliography, edition),
            f"{edition.work.id}.bib": exports.bibtex(entries),
            f"{edition.work.id}.json": exports.csl_json(entries),
            f"{edition.work.id}.ris": exports.ris(entries),
        }
        for name, text in files.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
