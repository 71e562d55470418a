"""The annotation stage: term, faction and person spans over the document model (never the Markdown).

Blocks of every kind (headings, paragraphs, quotations) and note texts are treated alike. A span never
overlaps a note reference `[^N]` (words cannot contain one) or an annotation already made for the same
text: citations run first, and a term inside a citation is part of the citation. Persons are linked at
their first mention in each paragraph or note only; every other occurrence of a term or faction is linked.

Nothing is added for search: the site's search expands a Cyrillic or English query to the term's spellings
(`glossary/search.py` gives it the data), so the pages hold only what the reader sees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from apparat.glossary.entries import Glossary
from apparat.glossary.matcher import Matcher, build
from apparat.model import ABSTRACT_TARGET, Annotation, AnnotationKind, Document


def texts(document: Document) -> Iterator[tuple[str, str]]:
    """(target id, text) of the abstract, every block and every surviving note."""
    if document.front.abstract:
        yield ABSTRACT_TARGET, document.front.abstract
    for section in document.sections:
        for block in section.blocks:
            yield block.id, block.text
        for note in section.notes:
            if note.text:
                yield f"{section.id}-n{note.n}", note.text


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
        persons_seen: set[str] = set()
        for hit in matcher.find(text):
            if any(hit.start < end and start < hit.end for start, end in busy):
                continue
            if hit.kind is AnnotationKind.PERSON:
                if hit.key in persons_seen:
                    continue
                persons_seen.add(hit.key)
            result.append(Annotation(hit.kind, hit.key, target, hit.start, hit.end))
    return result
