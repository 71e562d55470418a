"""Tooltip HTML for every entry: short, escaped, and built from the same safe definition renderer."""

from __future__ import annotations

import html

from apparat.glossary.entries import Faction, Glossary, Person, Term
from apparat.untrusted import render_inline_definition

_MAX_WORDS = 40
"""A tooltip shows the start of a long definition; the entry page has the rest."""


def _short(markdown: str) -> str:
    words = markdown.split()
    return " ".join(words[:_MAX_WORDS]) + (" …" if len(words) > _MAX_WORDS else "")


def term_tip(term: Term) -> str:
    head = (
        f'<b lang="ru-Latn">{html.escape(term.lemma)}</b> <span lang="ru">{html.escape(term.cyrillic)}</span>'
    )
    gloss = f" <i>{html.escape(term.gloss)}</i>"
    return f"<p>{head}{gloss}</p><p>{render_inline_definition(_short(term.definition))}</p>"


def faction_tip(faction: Faction) -> str:
    return (
        f"<p><b>{html.escape(faction.name)}</b> ({faction.years})</p>"
        f"<p>{render_inline_definition(_short(faction.description))}</p>"
    )


def person_tip(person: Person) -> str:
    dates = f" ({person.born or '?'}–{person.died or '?'})" if person.born or person.died else ""
    return f"<p><b>{html.escape(person.name)}</b>{dates}</p><p>{html.escape(person.identification)}</p>"


def tips(glossary: Glossary) -> dict[str, str]:
    result = {f"term:{t.key}": term_tip(t) for t in glossary.terms.values()}
    result.update({f"faction:{f.key}": faction_tip(f) for f in glossary.factions.values()})
    result.update({f"person:{p.key}": person_tip(p) for p in glossary.persons.values()})
    return result
