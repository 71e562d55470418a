"""Foreign words from the glossary: the terms it links, and its terms' forms where nothing links them.

A term of kind `word` (transliterated Russian) is italic wherever it stands; a `work` or `periodical` term (a
Russian title) is italic as a title; acronyms, names and institutions (`VSNKh`, `Sovnarkom`) stay roman.
An abbreviation printed in capitals (`NEP`, `RKI`) stays roman whatever the entry says.

Terms are linked by the glossary layer everywhere except inside citations (a citation is linked as a
whole), so the forms inside citations are looked for here with the glossary's own matcher.
"""

from __future__ import annotations

from collections.abc import Iterator

from apparat.emphasis.titles import quoted
from apparat.glossary.entries import Glossary, TermKind
from apparat.glossary.matcher import WORD, Matcher
from apparat.glossary.translit import SOFT
from apparat.model import Annotation, AnnotationKind, Evidence


def printed_as_acronym(text: str) -> bool:
    """`NEP`, `TsK`, `RKI`: a word with two capitals or more is an abbreviation, set roman."""
    return any(sum(c.isupper() for c in w) >= 2 for w in WORD.findall(text))


def evidence_for(
    glossary: Glossary, key: str, text: str, start: int, end: int, linked: bool
) -> Evidence | None:
    term = glossary.terms.get(key)
    if term is None:
        return None
    printed = text[start:end]
    if term.kind.is_title:
        # in quotation marks the author made it an article or a series (`‘Russkie voprosy’`)
        return None if quoted(text, start, end) else Evidence.GLOSSARY_TITLE
    if term.kind is TermKind.WORD and not printed_as_acronym(printed):
        return Evidence.TERM if linked else Evidence.FOREIGN
    return None


def term_spans(
    glossary: Glossary, matcher: Matcher, annotations: list[Annotation], text_of: dict[str, str]
) -> Iterator[Annotation]:
    """Emphasis over every linked term, and over the glossary's term forms inside citations."""
    for annotation in annotations:
        if annotation.kind is AnnotationKind.TERM:
            text = text_of[annotation.target]
            found = evidence_for(
                glossary, annotation.key, text, annotation.start, annotation.end, linked=True
            )
            if found is not None:
                end = with_soft_sign(glossary, annotation.key, text, annotation.start, annotation.end)
                yield _span(annotation.key, annotation.target, annotation.start, end, found)
        elif annotation.kind is AnnotationKind.CITE:
            text = text_of[annotation.target]
            for hit in matcher.find(text[annotation.start : annotation.end]):
                if hit.kind is not AnnotationKind.TERM:
                    continue
                start, end = annotation.start + hit.start, annotation.start + hit.end
                found = evidence_for(glossary, hit.key, text, start, end, linked=False)
                if found is not None:
                    yield _span(
                        hit.key,
                        annotation.target,
                        start,
                        with_soft_sign(glossary, hit.key, text, start, end),
                        found,
                    )


def _span(key: str, target: str, start: int, end: int, evidence: Evidence) -> Annotation:
    return Annotation(AnnotationKind.EMPHASIS, key, target, start, end, evidence=evidence)


def with_soft_sign(glossary: Glossary, key: str, text: str, start: int, end: int) -> int:
    """The span's end, past a closing soft sign the matcher left out (`Biulleten’` read as a word and a
    closing quote) when the entry spells the word with it."""
    term = glossary.terms.get(key)
    if term is None or text[end : end + 1] != SOFT or text[end + 1 : end + 2].isalpha():
        return end
    words = WORD.findall(text[start:end])
    spelled = {w for spelling in (term.lemma, *term.variants) for w in WORD.findall(spelling)}
    return end + 1 if words and words[-1] + SOFT in spelled else end
