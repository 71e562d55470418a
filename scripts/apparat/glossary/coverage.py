"""`apparat check --glossary`: coverage by the independent count, and what is still uncovered, by frequency.

Every available work (the samples always, the real works when their sources are there) is converted and
annotated as the build does it (citations first, with the editorial corrections). The detectors of
`apparat.glossary.review` then count, without the glossary's matcher:

* Russian words (the dictionary detector beside the spelling detector): an occurrence no annotation
  covers, of a word not judged in `not-terms.yml`, is an error `[apparat.glossary.uncovered]`;
* political groupings: a name with no entry, or paragraphs that name a grouping without linking it, is
  an error `[apparat.glossary.grouping]`;
* persons named in two or more paragraphs of a work: one with no entry and no judgment is an error
  `[apparat.glossary.person]`.

Each error stands at `<source>:<line>`: the first line, within the paragraph or note where the word first
goes uncovered, that contains it (the paragraph's first line when a line break splits the word). The
errors come most frequent first, and `summary` gives the coverage figures per work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from apparat.cache import ConversionCache
from apparat.convert import available_works, convert_work
from apparat.corrections import load as load_corrections
from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.glossary import review
from apparat.glossary.annotate import annotate
from apparat.glossary.entries import Glossary
from apparat.model import Annotation, Document, Span
from apparat.works import Work, display_path

Citations = Callable[[Document, Work], list[Annotation]]
"""The bibliography layer's annotation, run before the glossary's as in a build."""


@dataclass(slots=True)
class WorkCoverage:
    work: str
    terms: review.Tally
    groupings: review.NameReview
    persons: review.NameReview
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> list[str]:
        return [
            f"{self.work}: {self.terms.line()}",
            *(f"{self.work}: {line}" for line in self.groupings.lines()),
            *(f"{self.work}: {line}" for line in self.persons.lines(2)),
        ]


def _spans(document: Document) -> dict[str, Span | None]:
    spans: dict[str, Span | None] = {}
    for section in document.sections:
        for block in section.blocks:
            spans[block.id] = block.lines
        for note in section.notes:
            spans[f"{section.id}-n{note.n}"] = note.lines
        for fragment in section.fragments:
            spans[fragment.target(section.id)] = fragment.lines
    return spans


def _line(word: str, span: Span | None, lines: list[str]) -> int | None:
    if span is None:
        return None
    forms = {word, word.replace("’", "'"), word.split()[0]}
    for number in range(span.first, min(span.last, len(lines)) + 1):
        if any(form in lines[number - 1] for form in forms):
            return number
    return span.first


def _plural(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def review_document(document: Document, source: Path, glossary: Glossary) -> WorkCoverage:
    """The coverage of one converted and annotated document, with its errors most frequent first."""
    passages = review.passages(document)
    found = WorkCoverage(
        document.work,
        review.russian_terms(passages, glossary),
        review.groupings(passages, glossary),
        review.persons(passages, glossary),
    )
    spans = _spans(document)
    lines = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
    shown = display_path(source)

    def error(code: Code, word: str, target: str, message: str) -> Diagnostic:
        return Diagnostic(code, Severity.ERROR, shown, _line(word, spans.get(target), lines), message)

    for word, count in found.terms.missing.most_common():
        target = found.terms.first[word]
        found.diagnostics.append(
            error(
                Code.GLOSSARY_UNCOVERED,
                word,
                target,
                f"expected an entry in content/data/terms.yml (or a line in not-terms.yml) for the Russian "
                f"word {word!r}, found none ({_plural(count, 'occurrence')}, first in {target})",
            )
        )
    groupings = found.groupings
    for name, count in groupings.unlinked.most_common():
        target = groupings.first[name]
        message = (
            f"expected an entry in content/data/factions.yml (or a line in not-terms.yml) for the grouping "
            f"{name!r}, found none (named in {_plural(count, 'paragraph')}, first in {target})"
            if not groupings.keys.get(name)
            else f"expected a link to the grouping {name!r} in every paragraph that names it, found "
            f"{_plural(count, 'paragraph')} without one (first {target})"
        )
        found.diagnostics.append(error(Code.GLOSSARY_GROUPING, name, target, message))
    persons = found.persons
    for name in persons.without_entry(2):
        target = persons.first[name]
        found.diagnostics.append(
            error(
                Code.GLOSSARY_PERSON,
                name,
                target,
                f"expected an entry in content/data/persons.yml (or a judgment in not-terms.yml: passing, "
                f"scholars) for {name!r}, named in {_plural(persons.paragraphs[name], 'paragraph')}, found "
                f"none (first in {target})",
            )
        )
    return found


def check(
    sources: Path | None,
    glossary: Glossary,
    cache: ConversionCache | None = None,
    citations: Citations | None = None,
) -> tuple[list[Diagnostic], list[WorkCoverage]]:
    """Errors of every available work, and the coverage of each work checked."""
    corrections = load_corrections()
    cache = cache or ConversionCache()  # build/cache, shared with `apparat convert`
    problems: list[Diagnostic] = []
    checked: list[WorkCoverage] = []
    for work, path in available_works(sources):
        if not path.is_file():
            continue
        converted = convert_work(work, path, corrections=tuple(corrections.get(work.id, ())), cache=cache)
        if converted.failed:
            problems += converted.diagnostics
            continue
        document = converted.document
        if citations is not None:
            document.annotations = [*document.annotations, *citations(document, work)]
        document.annotations = [*document.annotations, *annotate(document, glossary)]
        found = review_document(document, path, glossary)
        problems += found.diagnostics
        checked.append(found)
    return problems, checked
