"""`apparat check --glossary`: the coverage report as diagnostics at the source line of each uncovered word.

Every available work (the samples always, the real works when their sources are there) is converted as
the build converts it, with the editorial corrections, and `candidates.uncovered` is run on each. A word
no entry covers is an error at `<source>:<line>`: the first line, within the paragraph or note where it
first occurs, that contains it (the paragraph's first line when a line break splits the word).
"""

from __future__ import annotations

from pathlib import Path

from apparat.cache import ConversionCache
from apparat.convert import available_works, convert_work
from apparat.corrections import load as load_corrections
from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.glossary.candidates import Candidate, uncovered
from apparat.glossary.entries import Glossary
from apparat.model import Document, Span
from apparat.works import display_path


def _spans(document: Document) -> dict[str, Span | None]:
    spans: dict[str, Span | None] = {}
    for section in document.sections:
        for block in section.blocks:
            spans[block.id] = block.lines
        for note in section.notes:
            spans[f"{section.id}-n{note.n}"] = note.lines
    return spans


def _line(candidate: Candidate, span: Span | None, lines: list[str]) -> int | None:
    if span is None:
        return None
    forms = {candidate.word, candidate.word.replace("’", "'")}
    for number in range(span.first, min(span.last, len(lines)) + 1):
        if any(form in lines[number - 1] for form in forms):
            return number
    return span.first


def diagnostics(document: Document, source: Path, glossary: Glossary) -> list[Diagnostic]:
    """One error per uncovered candidate word of `document`, converted from `source`."""
    found = uncovered([document], glossary)
    if not found:
        return []
    lines = source.read_text(encoding="utf-8").splitlines()
    spans = _spans(document)
    return [
        Diagnostic(
            Code.GLOSSARY_UNCOVERED,
            Severity.ERROR,
            display_path(source),
            _line(candidate, spans.get(candidate.example), lines),
            f"expected an entry in content/data/terms.yml (or a line in not-terms.yml) for the Russian "
            f"word {candidate.word!r}, found none ({candidate.count} occurrence"
            f"{'s' if candidate.count != 1 else ''}, first in {candidate.example})",
        )
        for candidate in found
    ]


def check(
    sources: Path | None, glossary: Glossary, cache: ConversionCache | None = None
) -> tuple[list[Diagnostic], list[str]]:
    """Diagnostics of every available work, and the ids of the works checked."""
    corrections = load_corrections()
    cache = cache or ConversionCache()  # build/cache, shared with `apparat convert`
    problems: list[Diagnostic] = []
    checked: list[str] = []
    for work, path in available_works(sources):
        if not path.is_file():
            continue
        converted = convert_work(work, path, corrections=tuple(corrections.get(work.id, ())), cache=cache)
        if converted.failed:
            problems += converted.diagnostics
            continue
        problems += diagnostics(converted.document, path, glossary)
        checked.append(work.id)
    return problems, checked
