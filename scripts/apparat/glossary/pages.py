"""The glossary pages: `content/glossary/terms.md`, `factions.md`, `persons.md` and the timeline SVG.

Entries are alphabetical, each a heading with `id="<key>"` (the address every annotated span links to).
A term's heading holds the transliteration, the Cyrillic and the English gloss, so that search finds the
entry by any of the three. "Mentioned in" lists every paragraph or note that carries an annotation of the
entry, grouped by work and chapter with counts, linked through `Edition.url`. Links are written as HTML,
like the annotated spans, since they point at built pages (`.html`), not at Markdown sources.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import Any

from apparat.edition import Edition
from apparat.glossary.entries import (
    FACTION_KIND_HEADINGS,
    TERM_KIND_HEADINGS,
    Faction,
    Glossary,
    Person,
    Term,
)
from apparat.glossary.review import Coverage
from apparat.glossary.timeline import dated, svg
from apparat.model import ABSTRACT_TARGET, AnnotationKind, Document
from apparat.render.typography import smarten, smarten_html
from apparat.untrusted import render_definition

Mentions = dict[tuple[str, str], list[tuple[Edition, list[tuple[str, str]]]]]
"""(kind, key) → per edition, where the entry is mentioned, in document order and repeated per span: the
target (a block or note id) and how a reader finds it there ("p. 261" for a passage, "n. 58" for a note)."""


def mentions(editions: list[Edition]) -> Mentions:
    found: Mentions = defaultdict(list)
    for edition in editions:
        where = _Places(edition.document)
        per_key: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for annotation in edition.document.annotations:
            if annotation.kind in (AnnotationKind.TERM, AnnotationKind.FACTION, AnnotationKind.PERSON):
                place = (annotation.target, where.label(annotation.target, annotation.start))
                per_key[(annotation.kind.value, annotation.key)].append(place)
        for key, places in per_key.items():
            found[key].append((edition, places))
    return found


class _Places:
    """The printed page of a span in a passage, or the printed number of its note: what a scholar looks for
    in a list of mentions (not "1 2 3")."""

    def __init__(self, document: Document) -> None:
        self.blocks = {block.id: block for block in document.blocks()}
        self.notes = {
            f"{section.id}-n{note.n}": note.n for section in document.sections for note in section.notes
        }
        self.fragments = {
            fragment.target(section.id): fragment.page
            for section in document.sections
            for fragment in section.fragments
        }

    def label(self, target: str, start: int) -> str:
        if target in self.notes:
            return f"n.\u00a0{self.notes[target]}"
        if target in self.fragments:  # note text no note owns, under the notes of its page
            return f"notes, p.\u00a0{self.fragments[target]}"
        block = self.blocks.get(target)
        if block is None:  # the abstract, on the overview page
            return "abstract"
        page = block.pages.first
        for turn in block.page_breaks:
            if turn.offset <= start:
                page = turn.page
        return f"p.\u00a0{page}"


def _mentioned_in(entries: list[tuple[Edition, list[tuple[str, str]]]]) -> list[str]:
    if not entries:
        return ['<p class="ap-mentions">Not mentioned in the published works.</p>', ""]
    lines = ['<div class="ap-mentions" markdown="0">', "<p>Mentioned in:</p>", "<ul>"]
    for edition, places in entries:
        by_chapter: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for target, label in places:
            chapter = edition.chapter_of(target)
            if chapter is not None:
                by_chapter[chapter.section_id].append((target, label))
        parts = []
        abstract = sum(1 for target, _ in places if target == ABSTRACT_TARGET)
        if abstract:  # the abstract is on the work's overview page, before the chapters
            href = html.escape(edition.url(ABSTRACT_TARGET), quote=True)
            parts.append(f'<li><a href="../{href}">Abstract</a> ({abstract})</li>')
        for chapter in edition.chapters:
            hits = by_chapter.get(chapter.section_id)
            if not hits:
                continue
            # one link per page or note, to its first passage that mentions the entry
            first: dict[str, str] = {}
            for target, place in hits:
                first.setdefault(place, target)
            links = ", ".join(
                f'<a href="../{html.escape(edition.url(target), quote=True)}">{place}</a>'
                for place, target in first.items()
            )
            label = chapter.label if chapter.label and chapter.label != chapter.title else ""
            title = html.escape(f"{label}: {chapter.title}" if label else chapter.title)
            parts.append(f"<li>{title} ({len(hits)}): {links}</li>")
        lines.append(
            f"<li><cite>{html.escape(edition.work.title)}</cite> ({len(places)})<ul>{''.join(parts)}</ul></li>"
        )
    lines += ["</ul>", "</div>", ""]
    return lines


def _coverage(counts: tuple[int, int] | None, what: str) -> list[str]:
    """The entry's coverage by the independent count (apparat.glossary.review), for the editors."""
    if counts is None:
        return [
            '<p class="ap-coverage">Independent count: the detectors find no mention outside citations.</p>',
            "",
        ]
    done, counted = counts
    return [
        f'<p class="ap-coverage">Independent count: {what.format(done=done, counted=counted, s="" if counted == 1 else "s")}.</p>',
        "",
    ]


def _term(term: Term, found: Mentions, glossary: Glossary, coverage: Coverage) -> list[str]:
    lines = [
        f"### {_md(term.lemma)} · {term.cyrillic} · {_md(term.gloss)} {{ #{term.key} lang=ru-Latn }}",
        "",
    ]
    if term.expansion:
        lines += [f"*{_md(term.expansion)}*", ""]
    lines += [smarten_html(render_definition(term.definition)), ""]
    if term.variants:
        lines += ["Also spelled: " + ", ".join(_md(v) for v in term.variants) + ".", ""]
    if term.see_also:
        # each entry by the name the reader sees in its heading (the lemma), not its key
        also = (f"[{_md(glossary.terms[k].lemma)}](#{k})" for k in term.see_also if k in glossary.terms)
        lines += ["See also: " + ", ".join(also) + ".", ""]
    lines += _coverage(coverage.get(f"term:{term.key}"), "annotated at {done} of {counted} occurrence{s}")
    return lines + _mentioned_in(found.get(("term", term.key), []))


def _faction(faction: Faction, glossary: Glossary, found: Mentions, coverage: Coverage) -> list[str]:
    years = f" ({faction.years})" if faction.years else ""
    lines = [f"### {_md(faction.name)}{years} {{ #{faction.key} }}", ""]
    if faction.country:
        lines += [f"*{_md(faction.country)}*", ""]
    if faction.aliases:
        lines += ["Also called: " + ", ".join(_md(a) for a in faction.aliases) + ".", ""]
    lines += [smarten_html(render_definition(faction.description)), ""]
    relations = [
        f"successor of [{_md(glossary.factions[k].name)}](#{k})"
        for k in faction.successor_of
        if k in glossary.factions
    ]
    if faction.merged_into in glossary.factions:
        relations.append(
            f"merged into [{_md(glossary.factions[faction.merged_into].name)}](#{faction.merged_into})"
        )
    if relations:
        lines += ["Relations: " + "; ".join(relations) + ".", ""]
    figures = [
        f"[{glossary.persons[k].name}](persons.md#{k})" for k in faction.figures if k in glossary.persons
    ]
    if figures:
        lines += ["Leading figures: " + "; ".join(figures) + ".", ""]
    lines += _coverage(
        coverage.get(f"faction:{faction.key}"), "linked in {done} of {counted} paragraph{s} that name it"
    )
    return lines + _mentioned_in(found.get(("faction", faction.key), []))


def _person(person: Person, found: Mentions, coverage: Coverage) -> list[str]:
    dates = f" ({person.born or '?'}–{person.died or '?'})" if person.born or person.died else ""
    lines = [f"## {_md(person.name)}{dates} {{ #{person.key} }}", ""]
    if person.full_name:
        lines += [f"*{_md(person.full_name)}*", ""]
    lines += [_md(person.identification), ""]
    others = [f for f in person.forms if f not in person.name]
    if others:
        lines += ["Name forms in the works: " + ", ".join(_md(f) for f in others) + ".", ""]
    lines += _coverage(
        coverage.get(f"person:{person.key}"),
        "linked in {done} of {counted} paragraph{s} that name the person",
    )
    return lines + _mentioned_in(found.get(("person", person.key), []))


def _md(text: str) -> str:
    """Plain text in Markdown, with typographic quotes: escape what Markdown or HTML would read as markup."""
    escaped = html.escape(smarten(text), quote=False)
    for char in "\\`*_[]{}#<>|":
        escaped = escaped.replace(char, "\\" + char) if char not in "<>" else escaped
    return escaped


def _header(title: str, intro: str, anchor: str | None = None) -> list[str]:
    """The page's front matter, heading and introduction; `anchor` keeps a published heading id."""
    heading = f"# {title}" + (f" {{ #{anchor} }}" if anchor else "")
    return ["---", f"title: {title}", "---", "", heading, "", intro, ""]


def _grouped(headings: dict[Any, str], members: dict[Any, list[str]]) -> list[str]:
    """One `##` section per kind that has entries, in the headings' order."""
    lines: list[str] = []
    for kind, heading in headings.items():
        if members.get(kind):
            lines += [f"## {heading} {{ #kind-{kind} }}", "", *members[kind]]
    return lines


def _timeline_table(factions: list[Faction], glossary: Glossary) -> list[str]:
    rows = []
    for f in factions:
        before = ", ".join(
            html.escape(glossary.factions[k].name) for k in f.successor_of if k in glossary.factions
        )
        after = (
            html.escape(glossary.factions[f.merged_into].name) if f.merged_into in glossary.factions else ""
        )
        rows.append(
            f'<tr><th scope="row"><a href="#{f.key}">{html.escape(f.name)}</a></th><td>{f.years}</td>'
            f"<td>{before}</td><td>{after}</td></tr>"
        )
    return [
        '<table class="ap-timeline-table">',
        "<caption>The timeline as a table</caption>",
        (
            '<thead><tr><th scope="col">Grouping</th><th scope="col">Active</th>'
            '<th scope="col">Successor of</th><th scope="col">Merged into</th></tr></thead>'
        ),
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "",
    ]


def write_pages(
    glossary: Glossary, editions: list[Edition], content_dir: Path, coverage: Coverage | None = None
) -> list[Path]:
    folder = content_dir / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    found = mentions(editions)
    coverage = coverage or {}
    terms: dict[Any, list[str]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=lambda t: t.lemma.casefold()):
        terms[term.kind] += _term(term, found, glossary, coverage)
    factions: dict[Any, list[str]] = defaultdict(list)
    for faction in sorted(glossary.factions.values(), key=lambda f: f.name.casefold()):
        factions[faction.kind] += _faction(faction, glossary, found, coverage)
    persons = sorted(glossary.persons.values(), key=lambda p: p.name.casefold())
    picture = svg(list(glossary.factions.values()))
    note = (
        "Each entry lists where the works mention it, by printed page (p.) or note (n.), and gives its "
        "coverage by an independent count: how often the editors’ detectors, which read the text without "
        "the glossary, find it, and how often it is annotated there."
    )
    pages = {
        "terms.md": [
            *_header(
                "Russian terms",
                "Russian words, acronyms, institutions, periodicals and titles in the works, in ALA-LC "
                "transliteration, with the Cyrillic, an English gloss and a short explanation. " + note,
            ),
            *_grouped(TERM_KIND_HEADINGS, terms),
        ],
        "factions.md": [
            *_header(
                "Factions, parties and tendencies",
                "The political groupings named in the works, grouped by kind, with the years they were active "
                "and how they split and merged. In the text, the first mention of a grouping in each paragraph "
                "links here. " + note,
                anchor="factions",  # the page's published heading id from before it covered every grouping
            ),
            '<figure class="ap-timeline-figure" tabindex="0">',
            picture,
            "</figure>",
            "",
            *_timeline_table(dated(list(glossary.factions.values())), glossary),
            *_grouped(FACTION_KIND_HEADINGS, factions),
        ],
        "persons.md": [
            *_header(
                "Persons", "The historical figures named in the works, with dates and one line each. " + note
            ),
            *(line for person in persons for line in _person(person, found, coverage)),
        ],
    }
    written = []
    for name, lines in pages.items():
        path = folder / name
        path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
        written.append(path)
    timeline = folder / "factions-timeline.svg"
    timeline.write_text(picture + "\n", encoding="utf-8")
    written.append(timeline)
    return written
