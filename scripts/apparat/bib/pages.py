"""The bibliography pages of each work: the reference list, the completeness page, the downloads.

`content/<work>/bibliography.md` lists every entry the work cites (and every volume its chapters are in),
in the work's Chicago style and in author, year, letter order, each with `id="<key>"` (the inline citation
links point there). Below each reference: the notes that cite it (`Cited in Chapter 1, n. 3`, by printed
note number, linked to the note), the volume's chapters, the other editions of the same work, and which
fields the editors supplied and why. `bibliography-status.md` counts the entries still to complete per
chapter, and gives the completion of the stubs from the text. The downloads `<work>.bib`, `<work>.json`
(CSL-JSON) and `<work>.ris` sit beside them.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

from pybtex.database import Entry

from apparat.bib import completeness, exports, style
from apparat.bib.database import Bibliography
from apparat.bib.editions import same_printing
from apparat.bib.provenance import Kind, ProvenanceError, origins
from apparat.edition import Edition
from apparat.model import AnnotationKind
from apparat.render.typography import smarten_html

FIELD_LABELS = {"address": "place", "booktitle": "book title", "bookauthor": "book author", "note": "note"}


def style_for(edition: Edition) -> style.Style:
    return style.notes_bibliography if edition.work.profile == "article" else style.author_date


def citing_notes(edition: Edition) -> dict[str, list[str]]:
    """Key → the note (or paragraph) ids citing it, in reading order, each once."""
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


def _where(edition: Edition, target: str) -> tuple[str, str] | None:
    """(section id, what to call the place): `n. 12` for a note (its printed number), `text, p. 231` for a
    paragraph of the reading text."""
    section, _, number = target.rpartition("-n")
    if section and number.isdigit():
        return section, f"n.&nbsp;{number}"
    for part in edition.document.sections:
        for block in part.blocks:
            if block.id == target:
                return part.id, f"text, p.&nbsp;{block.pages.first}"
        for fragment in part.fragments:
            if fragment.target(part.id) == target:
                return part.id, f"notes, p.&nbsp;{fragment.page}"
    return None


def back_links(
    edition: Edition, targets: list[str], label: str = "Cited in", css: str = "ap-cited-in"
) -> str:
    """`Cited in Chapter 1, n. 3, n. 12; Chapter 4, n. 7`, each note a link to its footnote."""
    labels = _labels(edition)
    by_section: dict[str, list[str]] = defaultdict(list)
    for target in targets:
        where = _where(edition, target)
        if where is None:
            continue
        try:
            url = "../" + edition.url(target)
        except KeyError:
            continue
        by_section[where[0]].append(f'<a href="{html.escape(url)}">{where[1]}</a>')
    groups = [f"{html.escape(labels.get(s, s))}, {', '.join(links)}" for s, links in by_section.items()]
    return f'<span class="{css}">{label} {"; ".join(groups)}.</span>' if groups else ""


def _short(entry: Entry) -> str:
    """`Moscow: Progress Publishers, 1960–1970` — what tells one edition from another."""
    place = ": ".join(style.esc(str(entry.fields[n])) for n in ("address", "publisher") if n in entry.fields)
    year = style.esc(str(entry.fields.get("year", "")))
    raw = style.esc(str(entry.fields.get("volume", "")))
    volume = (f"vol. {raw}, " if raw.isdigit() else f"{raw}, ") if raw else ""
    return ", ".join(p for p in (place, volume.rstrip(", "), year) if p) or "edition not described"


def _link(key: str, here: dict[str, Entry], homes: dict[str, str]) -> str:
    if key in here:
        return f"#{html.escape(key)}"
    if key in homes:
        return f"../{homes[key]}/bibliography.html#{html.escape(key)}"
    return ""


def other_editions(
    bibliography: Bibliography, key: str, here: dict[str, Entry], homes: dict[str, str]
) -> str:
    """`Other edition: London: Wildwood House, 1974.` for each edition of the same work in the database."""
    entry = bibliography.entries[key]
    parts = []
    for other in [k.strip() for k in str(entry.fields.get("related", "")).split(",") if k.strip()]:
        if other not in bibliography.entries:
            continue
        label = "Same edition" if same_printing(entry, bibliography.entries[other]) else "Other edition"
        text = _short(bibliography.entries[other])
        href = _link(other, here, homes)
        shown = f'<a href="{href}">{text}</a>' if href else text
        parts.append(f"{label}: {shown}.")
    return f'<span class="ap-editions">{" ".join(parts)}</span>' if parts else ""


def chapters(bibliography: Bibliography, key: str, here: dict[str, Entry]) -> str:
    """For a volume: its chapters the work cites, linked to their entries."""
    inside = [k for k, e in here.items() if str(e.fields.get("crossref", "")) == key]
    if not inside:
        return ""
    links = []
    for chapter in inside:
        entry = bibliography.entries[chapter]
        title = style.esc(str(entry.fields.get("title", chapter)))
        links.append(f'<a href="#{html.escape(chapter)}">“{title}”</a>')
    return f'<span class="ap-chapters">Chapters cited: {", ".join(links)}.</span>'


def supplied(entry: Entry) -> str:
    """`Supplied by the editors: place, publisher (library catalogue data for this edition).`"""
    try:
        found = origins(entry)
    except ProvenanceError:
        return ""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for name, origin in found.items():
        if origin.kind in (Kind.EDITORIAL, Kind.COMPLETED) and origin.reason:
            label = FIELD_LABELS.get(name, name)
            by_reason[origin.reason].append(
                f"{label} (completed)" if origin.kind is Kind.COMPLETED else label
            )
    if not by_reason:
        return ""
    groups = "; ".join(
        f"{', '.join(names)}: {html.escape(reason, quote=False)}" for reason, names in by_reason.items()
    )
    return f'<span class="ap-supplied">Supplied by the editors — {groups}.</span>'


def _to_complete(entry: Entry) -> str:
    lacking = completeness.missing(entry)
    if not lacking:
        return ""
    names = ", ".join(FIELD_LABELS.get(n, n) for n in lacking)
    return f' <em class="ap-stub">(entry to be completed: {names})</em>'


def _completeness_sentence(incomplete: int, stubs: int) -> str:
    """How many entries still lack data, in words a reader can read (never "0 have", "1 have")."""
    status = "[what is missing](bibliography-status.md)"
    if not incomplete:
        return (
            "Every entry has the data a full reference needs ([bibliography status](bibliography-status.md))."
        )
    lacking = f"{incomplete} of them still lack part of their data and are marked *to be completed*"
    if incomplete == 1:
        lacking = "1 of them still lacks part of its data and is marked *to be completed*"
    if not stubs:
        return f"{lacking} ({status})."
    have = "has" if stubs == 1 else "have"
    return f"{lacking} ({stubs} {have} only the author and year as the citations print them; {status})."


def bibliography_page(
    bibliography: Bibliography, edition: Edition, homes: dict[str, str] | None = None
) -> str:
    entries = work_entries(bibliography, edition)
    notes = citing_notes(edition)
    render = style_for(edition)
    work = edition.work.id
    homes = homes or {}
    incomplete = sum(1 for e in entries.values() if completeness.missing(e))
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
            f"The {len(entries)} works cited in the notes, in the Chicago {kind} style, by author, year and "
            f"title. {_completeness_sentence(incomplete, stubs)} Each entry links back to the notes that "
            "cite it, names the other editions of the same work, and says which details the editors supplied."
        ),
        "",
        f"Download: [BibTeX]({work}.bib) · [CSL-JSON]({work}.json) · [RIS]({work}.ris)",
        "",
        '<div class="ap-bibliography" markdown="0">',
    ]
    for key, entry in entries.items():
        reference = smarten_html(render(key, entry)) + _to_complete(entry)  # typographic quotes
        extra = [
            back_links(edition, notes.get(key, [])),
            chapters(bibliography, key, entries),
            other_editions(bibliography, key, entries, homes),
            title_from_text(entry, edition),
            supplied(entry),
        ]
        below = "".join(f"<br>{part}" for part in extra if part)
        # a div carries the id: the site's per-paragraph controls (copy link, cite) are for the reading text
        lines.append(f'<div class="ap-ref" id="{html.escape(key)}"><p>{reference}{below}</p></div>')
    lines += ["</div>", ""]
    return "\n".join(lines)


def status_page(bibliography: Bibliography, edition: Edition) -> str:
    notes = citing_notes(edition)
    entries = work_entries(bibliography, edition)
    per_section: dict[str, set[str]] = defaultdict(set)
    for key, targets in notes.items():
        for target in targets:
            where = _where(edition, target)
            if where is not None:
                per_section[where[0]].add(key)
    lines = [
        "---",
        "title: Bibliography status",
        f"work: {edition.work.id}",
        "---",
        "",
        "# Bibliography status { #bibliography-status }",
        "",
        (
            "An entry is complete when it has what a Chicago reference needs: author or editor, title, year, "
            "place and publisher (for a chapter, its book; for an article, its journal and pages). Entries "
            "marked `stub` in `bibliography.bib` have only the author and year as the citations print them. "
            "To complete one, add its fields, say in `x-apparat-editorial` where each came from, and remove "
            "`stub` from its keywords (see CONTRIBUTING)."
        ),
        "",
        "| Section | Works cited | Complete | To be completed |",
        "|---|---:|---:|---:|",
    ]
    total: set[str] = set()
    for section in edition.document.sections:
        keys = per_section.get(section.id, set())
        total |= keys
        lacking = sum(1 for k in keys if completeness.missing(bibliography.entries[k]))
        lines.append(
            f"| {section.label or section.title} | {len(keys)} | {len(keys) - lacking} | {lacking} |"
        )
    everything = set(entries)
    lacking_all = sum(1 for k in everything if completeness.missing(bibliography.entries[k]))
    lines.append(
        f"| **All** | **{len(everything)}** | **{len(everything) - lacking_all}** | **{lacking_all}** |"
    )
    lines.append("")
    if edition.work.profile != "article":
        lines += _stub_completion(bibliography, edition, [k for k in entries if k in notes])
    for section in edition.document.sections:
        missing = sorted(
            k for k in per_section.get(section.id, set()) if completeness.missing(bibliography.entries[k])
        )
        if missing:
            links = ", ".join(f"[{k}](bibliography.md#{k})" for k in missing)
            lines += [f"**{section.label or section.title}**: {links}", ""]
    return "\n".join(lines)


def _stub_completion(bibliography: Bibliography, edition: Edition, cited: list[str]) -> list[str]:
    """The section of the status page on the stubs the text names (none when the work has no stubs)."""
    result = completeness.completion(bibliography, edition.work.id, cited, edition.document.source)
    total = len(result.named) + len(result.remaining)
    if not total:
        return []
    lines = [
        "## Stubs completed from the text { #stubs }",
        "",
        (
            f"Of the {total} entries the citations alone describe (author and year), the text itself names "
            f"{len(result.named)} ({result.rate:.0%}): their title is the one the text gives right before the "
            "citation, and `x-apparat-source` in `bibliography.bib` gives its line. Nothing else is guessed: "
            f"{len(result.remaining)} are named nowhere in the text and stay stubs."
        ),
        "",
    ]
    if result.named:
        lines += [
            f"**Named by the text**: {', '.join(f'[{k}](bibliography.md#{k})' for k in result.named)}",
            "",
        ]
    if result.remaining:
        lines += [
            f"**Still stubs**: {', '.join(f'[{k}](bibliography.md#{k})' for k in result.remaining)}",
            "",
        ]
    return lines


def title_from_text(entry: Entry, edition: Edition) -> str:
    """`Title as given in Introduction, n. 18.` for a title taken from the work's own text."""
    try:
        title = origins(entry).get("title")
    except ProvenanceError:
        return ""
    if title is None or title.kind is not Kind.SOURCE:
        return ""
    lines = [p.first for p in title.places if p.file == edition.document.source]
    for section in edition.document.sections:
        for note in section.notes:
            if lines and note.lines and note.lines.first <= lines[0] <= note.lines.last:
                target = f"{section.id}-n{note.n}"
                return back_links(edition, [target], "Title as given in", "ap-title-source")
    return ""


def write_pages(bibliography: Bibliography, editions: list[Edition], content_dir: Path) -> list[Path]:
    written: list[Path] = []
    homes: dict[str, str] = {}
    listed = {edition.work.id: work_entries(bibliography, edition) for edition in editions}
    for work, entries in listed.items():
        for key in entries:
            homes.setdefault(key, work)
    for edition in editions:
        folder = content_dir / edition.work.id
        folder.mkdir(parents=True, exist_ok=True)
        entries = listed[edition.work.id]
        files = {
            "bibliography.md": bibliography_page(bibliography, edition, homes),
            "bibliography-status.md": status_page(bibliography, edition),
            f"{edition.work.id}.bib": exports.bibtex(entries),
            f"{edition.work.id}.json": exports.csl_json(entries),
            f"{edition.work.id}.ris": exports.ris(entries),
        }
        for name, text in files.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    style.save()
    return written
