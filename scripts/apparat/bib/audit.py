"""The audit: citation-like strings in present notes that no citation annotation covers.

It looks for the shapes of a citation independently of the finders: in the book, a capitalised name
directly followed by a year and a citation's punctuation (`Name 1923a,` `Name 1923;`), months and seasons
excepted (`December 1934,` is a date); in the article, a publication parenthesis (`(London, 1974)`,
`(New York: Knopf, 1973)`) or a journal year (`(1972), 91-137`, `(1970): 436–57`). Every hit outside an
annotation is a citation that is not linked; the target is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from apparat.bib.authordate import _MONTHS
from apparat.model import AnnotationKind, Document, NoteStatus

_BOOK = re.compile(
    r"(?<![\w’])(?P<name>[A-Z][\w’'\-]+),?\s(?:1[5-9]|20)\d\d(?:[–-]\d{1,4})?[a-r]?(?=[,;)]|\.?$)"
)
_ARTICLE = re.compile(r"\([A-Z][^()]*,\s\d{4}\)|\(\d{4}\)(?=:?,?\s\d)")


@dataclass(frozen=True, slots=True)
class Unlinked:
    target: str
    start: int
    end: int
    text: str


def unlinked(document: Document) -> list[Unlinked]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for a in document.annotations:
        if a.kind is AnnotationKind.CITE:
            spans.setdefault(a.target, []).append((a.start, a.end))
    pattern = _ARTICLE if document.profile == "article" else _BOOK
    out = []
    for section in document.sections:
        for note in section.notes:
            if note.text is None or note.status is NoteStatus.MISSING:
                continue
            target = f"{section.id}-n{note.n}"
            for match in pattern.finditer(note.text):
                if match.groupdict().get("name") in _MONTHS:
                    continue
                if not any(a <= match.start() < b for a, b in spans.get(target, [])):
                    out.append(Unlinked(target, match.start(), match.end(), match.group(0)))
    return out
