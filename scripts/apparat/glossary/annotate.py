"""The annotation stage: term, faction and person spans over the document model (never the Markdown).

Blocks of every kind (headings, paragraphs, quotations) and note texts are treated alike. A span never
overlaps a note reference `[^N]` (words cannot contain one) or an annotation already made for the same
text: citations run first, and a term inside a citation is part of the citation. Persons and factions are
linked at their first mention in each paragraph or note only; every occurrence of a term is linked.

Two kinds of faction link depend on the sentence, not on a spelling alone: the party's wings named bare
(`the right`, `the centre`: `groupings.wings` decides, and the entry whose `wing` it is gets the link), and
an entry's lower-case spellings when the entry lists `context` words (`united front` links to the
Comintern's tactic only in a sentence naming the workers' parties or the tactic; `United Front` always).

Nothing is added for search: the site's search expands a Cyrillic or English query to the term's spellings
(`glossary/search.py` gives it the data), so the pages hold only what the reader sees.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from apparat.glossary.entries import Glossary
from apparat.glossary.groupings import sentence, wings
from apparat.glossary.matcher import Hit, Matcher, build
from apparat.model import ABSTRACT_TARGET, Annotation, AnnotationKind, Document


def texts(document: Document) -> Iterator[tuple[str, str]]:
    """(target id, text) of the abstract, every block, every surviving note and every orphan fragment."""
    if document.front.abstract:
        yield ABSTRACT_TARGET, document.front.abstract
    for section in document.sections:
        for block in section.blocks:
            yield block.id, block.text
        for note in section.notes:
            if note.text:
                yield f"{section.id}-n{note.n}", note.text
        for fragment in section.fragments:
            yield fragment.target(section.id), fragment.text


_FIRST_ONLY = frozenset({AnnotationKind.PERSON, AnnotationKind.FACTION})
"""Kinds linked at their first mention in each paragraph or note only (a paragraph on the Opposition
would otherwise be a row of links)."""

_MATCHERS: dict[int, tuple[Glossary, Matcher]] = {}
"""Matchers by glossary object. The glossary is kept beside its matcher: alive, its id cannot be reused by
another glossary, which would otherwise be handed a matcher that is not its own."""


def matcher_for(glossary: Glossary) -> Matcher:
    """Built once per glossary object (building derives every inflected form, about 0.2 s)."""
    found = _MATCHERS.get(id(glossary))
    if found is None or found[0] is not glossary:
        found = _MATCHERS[id(glossary)] = (glossary, build(glossary, glossary.not_russian))
    return found[1]


def annotate(document: Document, glossary: Glossary) -> list[Annotation]:
    matcher = matcher_for(glossary)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for existing in document.annotations:
        taken[existing.target].append((existing.start, existing.end))
    result: list[Annotation] = []
    for target, text in texts(document):
        busy = taken.get(target, [])
        names_seen: set[tuple[AnnotationKind, str]] = set()
        for hit in hits(text, matcher, glossary):
            if any(hit.start < end and start < hit.end for start, end in busy):
                continue
            if hit.kind in _FIRST_ONLY:
                if (hit.kind, hit.key) in names_seen:
                    continue
                names_seen.add((hit.kind, hit.key))
            result.append(Annotation(hit.kind, hit.key, target, hit.start, hit.end))
    return result


def hits(text: str, matcher: Matcher, glossary: Glossary) -> list[Hit]:
    """The matcher's hits that their sentence allows, and the party's wings named bare, in text order."""
    found = [hit for hit in matcher.find(text) if _in_context(hit, text, glossary)]
    keys = {faction.wing: faction.key for faction in glossary.factions.values() if faction.wing}
    for wing in wings(text) if keys else ():
        key = keys.get(wing.wing)
        if key is not None and not any(h.start < wing.end and wing.start < h.end for h in found):
            found.append(Hit(AnnotationKind.FACTION, key, wing.start, wing.end))
    return sorted(found, key=lambda h: h.start)


def _in_context(hit: Hit, text: str, glossary: Glossary) -> bool:
    """A lower-case spelling of an entry with `context` words links only where its sentence has one."""
    if hit.kind is not AnnotationKind.FACTION or not text[hit.start : hit.start + 1].islower():
        return True
    faction = glossary.factions.get(hit.key)
    if faction is None or not faction.context:
        return True
    start, end = sentence(text, hit.start, hit.end)
    return (
        _context_pattern(faction.context).search(text[start : hit.start] + " " + text[hit.end : end])
        is not None
    )


_CONTEXTS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _context_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _CONTEXTS.get(words)
    if pattern is None:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = _CONTEXTS[words] = re.compile(rf"(?<![\w’-])(?:{alternatives})(?![\w’-])", re.IGNORECASE)
    return pattern
