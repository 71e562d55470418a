"""Tooltip HTML for every entry: short, escaped, and built from the same safe definition renderer."""

from __future__ import annotations

import html
import re

from apparat.glossary.entries import Faction, Glossary, Person, Term
from apparat.untrusted import render_inline_definition

_MAX_WORDS = 40
"""A tooltip shows the start of a long definition; the entry page has the rest."""


_MIN_WORDS = 12
"""A cut at the end of a sentence keeps at least this many words; else the cut falls between words."""


_ABBREVIATION = re.compile(r"(?:\w\.)+|[A-Z][a-z]{0,2}\.")
"""Initials and short abbreviations ("V.I.", "St."): a full stop that ends no sentence."""


def _ends_sentence(word: str) -> bool:
    bare = word.rstrip("*_)")
    return bare.endswith((".", "?", "!")) and not _ABBREVIATION.fullmatch(bare)


def _short(markdown: str) -> str:
    """The start of a definition, cut at the end of a sentence where one falls late enough (a cut after
    "the" reads as a mistake), else after `_MAX_WORDS` words; "…" says there is more."""
    words = markdown.split()
    if len(words) <= _MAX_WORDS:
        return " ".join(words)
    ends = [i for i in range(_MIN_WORDS, _MAX_WORDS + 1) if _ends_sentence(words[i - 1])]
    keep = ends[-1] if ends else _MAX_WORDS
    return " ".join(words[:keep]) + " …"


def term_tip(term: Term) -> str:
    head = (
        f'<b lang="ru-Latn">{html.escape(term.lemma)}</b> <span lang="ru">{html.escape(term.cyrillic)}</span>'
    )
    gloss = f" <i>{html.escape(term.gloss)}</i>"
    return f"<p>{head}{gloss}</p><p>{render_inline_definition(_short(term.definition))}</p>"


def faction_tip(faction: Faction) -> str:
    years = f" ({faction.years})" if faction.years else ""  # an undated grouping: no empty "()"
    return (
        f"<p><b>{html.escape(faction.name)}</b>{years}</p>"
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
