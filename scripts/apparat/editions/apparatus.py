"""The editorial apparatus of one edition as XHTML: the glossary of terms, the glossary of factions, the
register of persons and the bibliography.

An edition carries the entries its own text refers to (every annotated span links to one), read through the
glossary and bibliography layers' data (`Glossary`, `Bibliography`) and formatted as on the web pages: the
definitions are the same sanitised Markdown, the references the same Chicago style as the work's
bibliography page. Each kind is one part, with entry ids prefixed by kind (`term-`, `faction-`, `person-`,
`ref-`) so that all of them can share one document (the PDF).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from apparat.bib.database import Bibliography
from apparat.bib.pages import citing_notes, style_for, work_entries
from apparat.edition import Edition
from apparat.glossary.entries import Glossary
from apparat.model import AnnotationKind, Document
from apparat.render.typography import smarten_html
from apparat.render.xhtml import attr, from_html, text
from apparat.untrusted import render_definition
from apparat.works import Work


@dataclass(frozen=True, slots=True)
class Apparatus:
    """The layers' data an edition draws its entries from; a layer left out leaves its spans unlinked."""

    glossary: Glossary | None = None
    bibliography: Bibliography | None = None


@dataclass(frozen=True, slots=True)
class PartKind:
    part: str
    """Part id (and EPUB file stem) holding the entries of this kind."""
    prefix: str
    """Prefix of an entry's id: the key alone could repeat across kinds."""
    title: str


PARTS: Mapping[AnnotationKind, PartKind] = MappingProxyType(
    {
        AnnotationKind.TERM: PartKind("terms", "term-", "Glossary of Russian terms"),
        AnnotationKind.FACTION: PartKind("factions", "faction-", "Glossary of factions"),
        AnnotationKind.PERSON: PartKind("persons", "person-", "Register of persons"),
        AnnotationKind.CITE: PartKind("bibliography", "ref-", "Bibliography"),
    }
)

EntryHref = Callable[[AnnotationKind, str], "str | None"]
"""Where an entry of the edition is (None: the edition does not carry it)."""
TargetHref = Callable[[str], str]
"""Where a block or note of the text is."""


def entry_id(kind: AnnotationKind, key: str) -> str:
    return PARTS[kind].prefix + key


def included(document: Document, work: Work, apparatus: Apparatus) -> dict[AnnotationKind, list[str]]:
    """Kind → the keys of the entries this edition carries, in the order they are listed."""
    used: dict[AnnotationKind, set[str]] = {kind: set() for kind in AnnotationKind}
    for annotation in document.annotations:
        used[annotation.kind].add(annotation.key)
    out: dict[AnnotationKind, list[str]] = {kind: [] for kind in AnnotationKind}
    glossary = apparatus.glossary
    if glossary is not None:
        terms = glossary.terms
        factions = glossary.factions
        persons = glossary.persons
        out[AnnotationKind.TERM] = sorted(
            (k for k in used[AnnotationKind.TERM] if k in terms), key=lambda k: terms[k].lemma.casefold()
        )
        out[AnnotationKind.FACTION] = sorted(
            (k for k in used[AnnotationKind.FACTION] if k in factions),
            key=lambda k: factions[k].name.casefold(),
        )
        out[AnnotationKind.PERSON] = sorted(
            (k for k in used[AnnotationKind.PERSON] if k in persons), key=lambda k: persons[k].name.casefold()
        )
    if apparatus.bibliography is not None:
        out[AnnotationKind.CITE] = list(work_entries(apparatus.bibliography, Edition(work, document)))
    return out


def _header(kind: AnnotationKind, epub_type: str, role: str, intro: str) -> list[str]:
    part = PARTS[kind]
    return [
        (
            f'<section class="apparatus {part.part}" epub:type="{epub_type}" role="{role}" '
            f'aria-labelledby="{part.part}-title">'
        ),
        f'<h1 id="{part.part}-title">{text(part.title)}</h1>',
        f"<p>{text(intro)}</p>",
    ]


def _cross(href: EntryHref, kind: AnnotationKind, key: str, label: str) -> str:
    target = href(kind, key)
    return f'<a href="{attr(target)}">{text(label)}</a>' if target else text(label)


def terms_part(glossary: Glossary, keys: list[str], href: EntryHref) -> str:
    lines = _header(
        AnnotationKind.TERM,
        "glossary",
        "doc-glossary",
        "The Russian words, acronyms and institutions of the text, in ALA-LC transliteration, with the "
        "Cyrillic, an English gloss and a short explanation by the editors.",
    )
    lines.append("<dl>")
    for key in keys:
        term = glossary.terms[key]
        lines.append(
            f'<dt id="{attr(entry_id(AnnotationKind.TERM, key))}"><dfn epub:type="glossterm" lang="ru-Latn" '
            f'xml:lang="ru-Latn">{text(term.lemma)}</dfn> · <span lang="ru" xml:lang="ru">'
            f"{text(term.cyrillic)}</span> · {text(term.gloss)}</dt>"
        )
        parts = []
        if term.expansion:
            parts.append(f'<p><i lang="ru-Latn" xml:lang="ru-Latn">{text(term.expansion)}</i></p>')
        parts.append(from_html(render_definition(term.definition)))
        if term.variants:
            parts.append(f"<p>Also spelled: {text(', '.join(term.variants))}.</p>")
        see = [
            _cross(href, AnnotationKind.TERM, k, glossary.terms[k].lemma)
            for k in term.see_also
            if k in glossary.terms
        ]
        if see:
            parts.append(f"<p>See also: {', '.join(see)}.</p>")
        lines.append(f'<dd epub:type="glossdef">{"".join(parts)}</dd>')
    lines += ["</dl>", "</section>"]
    return smarten_html("\n".join(lines))  # typographic quotes and apostrophes, as the site prints them


def factions_part(glossary: Glossary, keys: list[str], href: EntryHref) -> str:
    lines = _header(
        AnnotationKind.FACTION,
        "glossary",
        "doc-glossary",
        "The factions and groupings named in the text, with the years they were active and how they split "
        "and merged.",
    )
    lines.append("<dl>")
    for key in keys:
        faction = glossary.factions[key]
        lines.append(
            f'<dt id="{attr(entry_id(AnnotationKind.FACTION, key))}"><dfn epub:type="glossterm">'
            f"{text(faction.name)}</dfn>{f' ({faction.years})' if faction.years else ''}</dt>"
        )
        parts = []
        if faction.aliases:
            parts.append(f"<p>Also called: {text(', '.join(faction.aliases))}.</p>")
        parts.append(from_html(render_definition(faction.description)))
        relations = [
            "successor of " + _cross(href, AnnotationKind.FACTION, k, glossary.factions[k].name)
            for k in faction.successor_of
            if k in glossary.factions
        ]
        if faction.merged_into in glossary.factions:
            merged = glossary.factions[faction.merged_into]
            relations.append("merged into " + _cross(href, AnnotationKind.FACTION, merged.key, merged.name))
        if relations:
            parts.append(f"<p>Relations: {'; '.join(relations)}.</p>")
        figures = [
            _cross(href, AnnotationKind.PERSON, k, glossary.persons[k].name)
            for k in faction.figures
            if k in glossary.persons
        ]
        if figures:
            parts.append(f"<p>Leading figures: {'; '.join(figures)}.</p>")
        lines.append(f'<dd epub:type="glossdef">{"".join(parts)}</dd>')
    lines += ["</dl>", "</section>"]
    return smarten_html("\n".join(lines))  # typographic quotes and apostrophes, as the site prints them


def persons_part(glossary: Glossary, keys: list[str], href: EntryHref) -> str:
    del href  # persons refer to nothing further
    lines = _header(
        AnnotationKind.PERSON,
        "glossary",
        "doc-glossary",
        "The historical figures named in the text, with their dates and one line each.",
    )
    lines.append("<dl>")
    for key in keys:
        person = glossary.persons[key]
        dates = f" ({person.born or '?'}–{person.died or '?'})" if person.born or person.died else ""
        lines.append(
            f'<dt id="{attr(entry_id(AnnotationKind.PERSON, key))}"><dfn epub:type="glossterm">'
            f"{text(person.name)}</dfn>{dates}</dt>"
        )
        parts = []
        if person.full_name:
            parts.append(f"<i>{text(person.full_name)}</i>. ")
        parts.append(text(person.identification))
        others = [f for f in person.forms if f not in person.name]
        if others:
            parts.append(f" Name forms in the text: {text(', '.join(others))}.")
        lines.append(f'<dd epub:type="glossdef"><p>{"".join(parts)}</p></dd>')
    lines += ["</dl>", "</section>"]
    return smarten_html("\n".join(lines))  # typographic quotes and apostrophes, as the site prints them


def bibliography_part(
    bibliography: Bibliography,
    work: Work,
    document: Document,
    keys: list[str],
    target_href: TargetHref,
) -> str:
    edition = Edition(work, document)
    render = style_for(edition)
    notes = citing_notes(edition)
    labels = {section.id: section.label or section.title for section in document.sections}
    lines = _header(
        AnnotationKind.CITE,
        "bibliography",
        "doc-bibliography",
        "The works cited in the notes, compiled by the editors; each entry lists the notes that cite it.",
    )
    lines.append("<ul>")
    for key in keys:
        reference = from_html(render(key, bibliography.entries[key]))
        stub = " <em>(entry to be completed)</em>" if bibliography.is_stub(key) else ""
        cited = _cited_in(notes.get(key, []), labels, target_href)
        lines.append(
            f'<li epub:type="biblioentry" id="{attr(entry_id(AnnotationKind.CITE, key))}">'
            f"{reference}{stub}{cited}</li>"
        )
    lines += ["</ul>", "</section>"]
    return smarten_html("\n".join(lines))  # typographic quotes and apostrophes, as the site prints them


def _cited_in(targets: list[str], labels: dict[str, str], target_href: TargetHref) -> str:
    groups: dict[str, list[str]] = {}
    for target in targets:
        section, _, number = target.rpartition("-n")
        if section not in labels or not number.isdigit():
            continue  # the abstract: no note to go back to
        groups.setdefault(section, []).append(f'<a href="{attr(target_href(target))}">n.\u00a0{number}</a>')
    if not groups:
        return ""
    listed = "; ".join(f"{text(labels[s])}, {', '.join(links)}" for s, links in groups.items())
    return f' <span class="cited-in">Cited in {listed}.</span>'
