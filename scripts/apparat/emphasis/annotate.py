"""The emphasis annotations of a document: title spans and term spans, one span per stretch of text.

Where two kinds of evidence claim overlapping text, the stronger wins (the order of `PRIORITY`): a
title cited in its own note before a term inside it, a term before a form found inside a citation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from apparat.emphasis import titles as _titles
from apparat.emphasis.titles import TitleIndex
from apparat.emphasis.words import term_spans
from apparat.glossary.annotate import matcher_for, texts
from apparat.glossary.entries import Glossary
from apparat.model import NOTE_MARKER, Annotation, AnnotationKind, Document, Evidence

PRIORITY = (
    Evidence.TITLE_CITED,
    Evidence.GLOSSARY_TITLE,
    Evidence.TITLE_NEAR,
    Evidence.PERIODICAL,
    Evidence.TITLE,
    Evidence.TERM,
    Evidence.FOREIGN,
)
_RANK = {evidence: rank for rank, evidence in enumerate(PRIORITY)}


@dataclass(frozen=True, slots=True)
class Sources:
    """What the layer reads: the bibliography's italic titles and the glossary (either may be absent)."""

    titles: TitleIndex | None
    glossary: Glossary | None


def annotate(document: Document, sources: Sources) -> list[Annotation]:
    text_of = dict(texts(document))
    found: list[Annotation] = []
    if sources.glossary is not None:
        matcher = matcher_for(sources.glossary)
        found += term_spans(sources.glossary, matcher, document.annotations, text_of)
    if sources.titles is not None:
        found += title_spans(document, sources.titles, text_of)
    return without_overlaps(found)


def title_spans(document: Document, index: TitleIndex, text_of: dict[str, str]) -> Iterator[Annotation]:
    cites: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for annotation in document.annotations:
        if annotation.kind is AnnotationKind.CITE:
            cites[annotation.target].append((annotation.start, annotation.end, annotation.key))
    near = _cited_near(document, cites)
    found = {target: list(_titles.matches(text, index)) for target, text in text_of.items()}
    for target, spans in cites.items():  # one-word titles count only inside a citation of their entry
        for start, end, _key in spans:
            for match in _titles.matches(text_of[target][start:end], index, single=True):
                found[target].append(_titles.shifted(match, start))
    used = _titles.Usage(
        phrases={
            _titles.phrase_words(m.form)
            for target, ms in found.items()
            for m in ms
            if m.form.stripped and _titles.after_lowercase_article(text_of[target], m.start)
        },
        lowercase=_lowercase_words(document, index),
    )
    for target, ms in found.items():
        text = text_of[target]
        for match in ms:
            here = next((k for s, e, k in cites.get(target, ()) if s <= match.start and match.end <= e), None)
            reason = _titles.evidence(text, match, index, used, here, near.get(target, set()))
            if reason is not None:
                yield Annotation(
                    AnnotationKind.EMPHASIS, reason[1], target, match.start, match.end, evidence=reason[0]
                )


def _cited_near(document: Document, cites: dict[str, list[tuple[int, int, str]]]) -> dict[str, set[str]]:
    """Target → keys cited in it, or (for a block) in the notes its markers call."""
    near: dict[str, set[str]] = {target: {k for *_, k in found} for target, found in cites.items()}
    for section in document.sections:
        for block in section.blocks:
            keys = set(near.get(block.id, ()))
            for marker in NOTE_MARKER.finditer(block.text):
                keys |= near.get(f"{section.id}-n{marker.group(1)}", set())
            near[block.id] = keys
    return near


def _lowercase_words(document: Document, index: TitleIndex) -> set[str]:
    """The one-word periodical names this work also writes in lower case (an ordinary word here)."""
    singles = {f.folded[0] for f in index.all_forms() if len(f.words) == 1 and f.periodical}
    everything = "\n".join(text for _, text in texts(document))
    return {word for word in singles if _written_lowercase(everything, word)}


def _written_lowercase(text: str, word: str) -> bool:
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not _WORDLIKE.match(text, end) and (at == 0 or not _WORDLIKE.match(text, at - 1)):
            return True
        at = text.find(word, end)
    return False


_WORDLIKE = re.compile(r"[\w’']")


def without_overlaps(spans: list[Annotation]) -> list[Annotation]:
    """The strongest span of each stretch of text, in document order (target, start)."""
    kept: dict[str, list[Annotation]] = defaultdict(list)
    order = sorted(
        spans, key=lambda a: (_RANK[a.evidence] if a.evidence else len(_RANK), a.start, a.start - a.end)
    )
    for span in order:
        taken = kept[span.target]
        if any(span.start < other.end and other.start < span.end for other in taken):
            continue
        taken.append(span)
    return sorted((a for found in kept.values() for a in found), key=lambda a: (a.target, a.start))
