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

from apparat.edition import Edition
from apparat.glossary.entries import Faction, Glossary, Person, Term
from apparat.glossary.timeline import svg
from apparat.model import ABSTRACT_TARGET, AnnotationKind
from apparat.render.typography import smarten, smarten_html
from apparat.untrusted import render_definition

Mentions = dict[tuple[str, str], list[tuple[Edition, list[str]]]]
"""(kind, key) → per edition, the targets that mention the entry (in document order, repeated per span)."""


def mentions(editions: list[Edition]) -> Mentions:
    found: Mentions = defaultdict(list)
    for edition in editions:
        per_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        for annotation in edition.document.annotations:
            if annotation.kind is not AnnotationKind.CITE:
                per_key[(annotation.kind.value, annotation.key)].append(annotation.target)
        for key, targets in per_key.items():
            found[key].append((edition, targets))
    return found


def _mentioned_in(entries: list[tuple[Edition, list[str]]]) -> list[str]:
    if not entries:
        return ['<p class="ap-mentions">Not mentioned in the published works.</p>', ""]
    lines = ['<div class="ap-mentions" markdown="0">', "<p>Mentioned in:</p>", "<ul>"]
    for edition, targets in entries:
        by_chapter: dict[str, list[str]] = defaultdict(list)
        for target in targets:
            chapter = edition.chapter_of(target)
            if chapter is not None:
                by_chapter[chapter.section_id].append(target)
        parts = []
        abstract = targets.count(ABSTRACT_TARGET)
        if abstract:  # the abstract is on the work's overview page, before the chapters
            href = html.escape(edition.url(ABSTRACT_TARGET), quote=True)
            parts.append(f'<li>Abstract ({abstract}): <a href="../{href}">1</a></li>')
        for chapter in edition.chapters:
            hits = by_chapter.get(chapter.section_id)
            if not hits:
                continue
            distinct = list(dict.fromkeys(hits))
            links = " ".join(
                f'<a href="../{html.escape(edition.url(t), quote=True)}">{i}</a>'
                for i, t in enumerate(distinct, 1)
            )
            label = chapter.label if chapter.label and chapter.label != chapter.title else ""
            title = html.escape(f"{label}: {chapter.title}" if label else chapter.title)
            parts.append(f"<li>{title} ({len(hits)}): {links}</li>")
        lines.append(
            f"<li><cite>{html.escape(edition.work.title)}</cite> ({len(targets)})<ul>{''.join(parts)}</ul></li>"
        )
    lines += ["</ul>", "</div>", ""]
    return lines


def _term(term: Term, found: Mentions, glossary: Glossary) -> list[str]:
    lines = [
        f"## {_md(term.lemma)} · {term.cyrillic} · {_md(term.gloss)} {{ #{term.key} lang=ru-Latn }}",
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
    return lines + _mentioned_in(found.get(("term", term.key), []))


def _faction(faction: Faction, glossary: Glossary, found: Mentions) -> list[str]:
    lines = [f"## {_md(faction.name)} ({faction.years}) {{ #{faction.key} }}", ""]
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
    return lines + _mentioned_in(found.get(("faction", faction.key), []))


def _person(person: Person, found: Mentions) -> list[str]:
    dates = f" ({person.born or '?'}–{person.died or '?'})" if person.born or person.died else ""
    lines = [f"## {_md(person.name)}{dates} {{ #{person.key} }}", ""]
    if person.full_name:
        lines += [f"*{_md(person.full_name)}*", ""]
    lines += [_md(person.identification), ""]
    others = [f for f in person.forms if f not in person.name]
    if others:
        lines += ["Name forms in the works: " + ", ".join(_md(f) for f in others) + ".", ""]
    return lines + _mentioned_in(found.get(("person", person.key), []))


def _md(text: str) -> str:
    """Plain text in Markdown, with typographic quotes: escape what Markdown or HTML would read as markup."""
    escaped = html.escape(smarten(text), quote=False)
    for char in "\\`*_[]{}#<>|":
        escaped = escaped.replace(char, "\\" + char) if char not in "<>" else escaped
    return escaped


def _header(title: str, intro: str) -> list[str]:
    return ["---", f"title: {title}", "---", "", f"# {title}", "", intro, ""]


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
            '<thead><tr><th scope="col">Faction</th><th scope="col">Active</th>'
            '<th scope="col">Successor of</th><th scope="col">Merged into</th></tr></thead>'
        ),
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "",
    ]


def write_pages(glossary: Glossary, editions: list[Edition], content_dir: Path) -> list[Path]:
    folder = content_dir / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    found = mentions(editions)
    terms = sorted(glossary.terms.values(), key=lambda t: t.lemma.casefold())
    factions = sorted(glossary.factions.values(), key=lambda f: f.name.casefold())
    persons = sorted(glossary.persons.values(), key=lambda p: p.name.casefold())
    picture = svg(list(glossary.factions.values()))
    pages = {
        "terms.md": _header(
            "Russian terms",
            "Russian words, acronyms, institutions and titles in the works, in ALA-LC transliteration, with the "
            "Cyrillic, an English gloss and a short explanation.",
        )
        + [line for term in terms for line in _term(term, found, glossary)],
        "factions.md": _header(
            "Factions",
            "The factions and groupings named in the works, with the years they were active and how they "
            "split and merged.",
        )
        + ['<figure class="ap-timeline-figure">', picture, "</figure>", ""]
        + _timeline_table(sorted(factions, key=lambda f: (f.start, f.end)), glossary)
        + [line for faction in factions for line in _faction(faction, glossary, found)],
        "persons.md": _header(
            "Persons", "The historical figures named in the works, with dates and one line each."
        )
        + [line for person in persons for line in _person(person, found)],
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
