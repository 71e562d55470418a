"""The pages "About this edition" and "Extraction report", generated from the models.

The report is per work and per chapter: printed pages, notes present / missing / truncated / with only
their end (start lost), orphan note fragments, block quotations, line-end hyphens joined or kept, and how
many source lines got each role. A reader can judge from it how far to
trust each chapter of the extraction.
"""

from __future__ import annotations

import html
from collections import Counter

from apparat.edition import Edition
from apparat.model import BlockKind, Document, NoteStatus, Role, Section
from apparat.render.markdown import escape
from apparat.render.notes import note_anchor

_ROLE_COLUMNS = (
    Role.BODY,
    Role.HEADING,
    Role.QUOTE,
    Role.NOTE,
    Role.NOTE_FRAGMENT,
    Role.RUNNING_HEAD,
    Role.PAGE_NUMBER,
)


def _roles(document: Document, section: Section) -> Counter[Role]:
    return Counter(document.roles[section.lines.first - 1 : section.lines.last])


def _hyphens(document: Document, section: Section) -> Counter[str]:
    return Counter(
        d.decision for d in document.hyphenation if section.lines.first <= d.line <= section.lines.last
    )


def _notes(section: Section) -> Counter[NoteStatus]:
    return Counter(note.status for note in section.notes)


def report(editions: list[Edition]) -> str:
    parts = [
        "---\ntitle: Extraction report\n---\n",
        "# Extraction report\n",
        (
            "What the converter found in each source, chapter by chapter. *Missing* notes are notes whose "
            "marker survives in the text but whose text the extraction lost; *truncated* notes stop short; "
            "of a *start lost* note only the end survives (continued on the next page); a *fragment* is such "
            "an end that no note can be shown to own, kept on its page. *Quotations* are block quotations. "
            "Line-end hyphens are either *joined* (a word broken at the end of a line) or *kept* (a real "
            "hyphen: a compound or a range). Lines are counted by the role the converter gave them.\n"
        ),
    ]
    for edition in editions:
        document = edition.document
        parts.append(f"## {escape(edition.work.title)} {{ #{edition.work.id} }}\n")
        parts.append(
            f"Source `{escape(document.source)}`: {document.line_count:,} lines, {len(document.pages):,} printed "
            f"pages, layout profile *{document.profile}*, {_corrections(len(document.corrections))}.\n"
        )
        notes_rows: list[tuple[tuple[str, str], dict[str, int]]] = []
        role_rows: list[tuple[tuple[str, str], dict[str, int]]] = []
        for chapter, section in zip(edition.chapters, document.sections, strict=True):
            notes, hyphens, roles = _notes(section), _hyphens(document, section), _roles(document, section)
            link = f'<a href="../{edition.work.id}/{chapter.path.stem}.html">{html.escape(section.label)}</a>'
            first = (link, _pages(section.pages.first, section.pages.last))
            notes_rows.append(
                (
                    first,
                    {
                        "notes": len(section.notes),
                        "present": notes[NoteStatus.PRESENT],
                        "missing": notes[NoteStatus.MISSING],
                        "truncated": notes[NoteStatus.TRUNCATED],
                        "start lost": notes[NoteStatus.START_LOST],
                        "fragments": len(section.fragments),
                        "quotations": sum(1 for b in section.blocks if b.kind is BlockKind.QUOTE),
                        "hyphens joined": hyphens["join"],
                        "hyphens kept": hyphens["keep"],
                    },
                )
            )
            role_rows.append((first, {role.value.replace("-", " "): roles[role] for role in _ROLE_COLUMNS}))
        parts.append("### Notes, quotations and hyphens\n")
        parts += _table(notes_rows)
        parts += _incomplete_notes(edition)
        parts.append("### Source lines by role\n")
        parts += _table(role_rows)
    return "\n".join(parts)


def _incomplete_notes(edition: Edition) -> list[str]:
    """The notes missing or cut short, by printed number, each a link to the note (closed by default)."""
    rows = []
    for chapter, section in zip(edition.chapters, edition.document.sections, strict=True):
        groups = []
        for status, label in ((NoteStatus.MISSING, "missing"), (NoteStatus.TRUNCATED, "cut short")):
            links = [
                f'<a href="../{edition.work.id}/{chapter.path.stem}.html#{note_anchor(n.n)}">n.&nbsp;{n.n}</a>'
                for n in section.notes
                if n.status is status
            ]
            if links:
                groups.append(f"{label}: {', '.join(links)}")
        if groups:
            rows.append(f"<li>{html.escape(section.label)}: {'; '.join(groups)}</li>")
    if not rows:
        return []
    return [
        '<details class="apparat-report-notes"><summary>Notes missing or cut short, by printed number</summary>',
        f"<ul>{''.join(rows)}</ul></details>\n",
    ]


def _table(rows: list[tuple[tuple[str, str], dict[str, int]]]) -> list[str]:
    """An HTML table with a total row: figures right-aligned; on a phone each row is a block of
    `label: value` pairs (the cells carry their column's name), so that eight columns fit a narrow screen."""
    keys = list(rows[0][1]) if rows else []
    header = ["Chapter", "Pages", *(name.capitalize() for name in keys)]
    totals: Counter[str] = Counter()
    body = []
    for (link, pages), values in rows:
        totals.update(values)
        cells = [link, pages, *(f"{v:,}" for v in values.values())]
        body.append(
            "<tr>" + "".join(_cell(name, cell) for name, cell in zip(header, cells, strict=True)) + "</tr>"
        )
    total = ["<strong>All</strong>", "", *(f"<strong>{totals[key]:,}</strong>" for key in keys)]
    body.append(
        "<tr>" + "".join(_cell(name, cell) for name, cell in zip(header, total, strict=True)) + "</tr>"
    )
    head = "<tr>" + "".join(f'<th scope="col">{name}</th>' for name in header) + "</tr>"
    table = f"<thead>{head}</thead><tbody>{''.join(body)}</tbody>"
    return [f'<div class="apparat-report"><table class="apparat-figures">{table}</table></div>\n']


def _pages(first: int, last: int) -> str:
    """A chapter's printed pages, never broken between the two numbers."""
    return str(first) if first == last else f'<span class="apparat-nowrap">{first}–{last}</span>'


def _cell(name: str, content: str) -> str:
    return f'<td data-label="{name}">{content}</td>'


def about(editions: list[Edition]) -> str:
    works = "\n".join(
        f"- *{escape(e.work.title)}* ({escape(e.work.author)}): {len(e.document.sections)} sections, "
        f"{len(e.document.notes()):,} notes, {len(e.document.annotations):,} annotated spans."
        for e in editions
    )
    return f"""---
title: About this edition
---

# About this edition

## What is published

{works}

## Editorial method

**Text.** Each work is converted from a plain-text extraction of the printed book or manuscript. The
converter gives every source line one role (reading text, heading, quotation, note, running head, page
number, blank) and keeps a ledger, so no line is silently dropped; the [extraction report](report.md)
counts them per chapter. Paragraphs broken across lines and pages are joined. A hyphen at the end of a
line is removed when it breaks a word and kept when it belongs to a compound or a range; each decision is
recorded with its evidence.

**Pages.** The printed page numbers are kept: a small marker shows where each printed page begins, and
every page has its own anchor (`#p123`), so that the edition can be cited by the printed page. The page
box at the top of each chapter jumps to any page of the work.

**Notes.** Notes keep their printed numbers and are linked both ways with the text; hovering or focusing
a note number shows the note. Where the extraction lost the text of a note, its number stays in the text
and the notes list says so: a gap is never silent. A note that breaks off in the source is marked.

**Corrections.** Editorial corrections of the extraction are declared in `content/data/corrections.yml`,
each with its reason, and applied to the source line before conversion; nothing else is changed.

**Apparatus.** Russian terms, factions, persons and citations are linked to the glossary, the register
and the bibliography; hovering or focusing them shows a short entry. These links are the editors’ work,
not the author’s.

**Identifiers.** Chapters, paragraphs (`#ch03-l4521`: the source line a paragraph begins on), notes
(`#fn:57`) and printed pages (`#p123`) have stable anchors. A build fails if it would remove a published
anchor without a redirect, or give a cited paragraph id to other text. A link to a paragraph id of an
earlier release (`#ch03-b042`) is taken to where that passage is now.

## Offline copy

The whole edition is also published as one zip file that works from the local disk with search, notes,
tooltips and navigation, and makes no network request.
"""


def _corrections(count: int) -> str:
    """`no editorial corrections`, `1 editorial correction applied`, `3 editorial corrections applied`."""
    if not count:
        return "no editorial corrections"
    return f"{count:,} editorial correction{'' if count == 1 else 's'} applied"
