"""Citation annotations for a document: the finder of the work's citation style, then the keys it found.

The book (profile `book`) cites author–date; the article (profile `article`) in Chicago notes. Both finders
give spans into a note's text; a span is annotated when its key is in the bibliography (an unknown key is
reported by `apparat bib` and the audit, not linked to a missing entry).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from apparat.bib import authordate, chicago
from apparat.bib.database import Bibliography
from apparat.model import NOTE_MARKER, Annotation, AnnotationKind, Document, NoteStatus


@dataclass(frozen=True, slots=True)
class Found:
    """A citation found in a note: the note id, its span, its key and locator."""

    target: str
    start: int
    end: int
    key: str
    locator: str | None
    text: str


def note_id(section: str, n: int) -> str:
    return f"{section}-n{n}"


def note_texts(document: Document) -> Iterator[tuple[str, str]]:
    """(target, text) of every present (or truncated) note, then of every orphan fragment: note text no
    note owns still cites, and the reader sees it. Notes come first, so that a key a note cites takes its
    provenance from the note."""
    for section in document.sections:
        for note in section.notes:
            if note.text is not None and note.status is not NoteStatus.MISSING:
                yield note_id(section.id, note.n), note.text
    for section in document.sections:
        for fragment in section.fragments:
            yield fragment.target(section.id), fragment.text


def find_citations(document: Document, memory: chicago.Memory | None = None) -> Iterator[Found]:
    """Every citation in the present (or truncated) notes and the orphan fragments, whatever the
    bibliography holds.

    For the article, `memory` holds the entries known beforehand (from the bibliography) and collects
    the full citations as the notes are read in order, so that later short forms resolve.
    """
    article = document.profile == "article"
    memory = memory if memory is not None else chicago.Memory()
    for target, text in note_texts(document):
        if article:
            for ref in chicago.find(text, memory):
                yield Found(target, ref.start, ref.end, ref.key, ref.locator, text[ref.start : ref.end])
        else:
            for cite in authordate.find(text):
                yield Found(target, cite.start, cite.end, cite.key, cite.locator, text[cite.start : cite.end])


def body_citations(document: Document) -> Iterator[Found]:
    """Author–date citations in the reading text (a few quotations carry one). Only keys the notes also
    cite get an entry, so the body's dates (`the Trials of 1936–8`) are never linked: see `annotate`."""
    for block in document.blocks():
        for cite in authordate.find(block.text):
            yield Found(
                block.id, cite.start, cite.end, cite.key, cite.locator, block.text[cite.start : cite.end]
            )


def memory_from(bibliography: Bibliography, work: str) -> chicago.Memory:
    """The work's entries as a starting memory, so a short form whose full note is lost still resolves."""
    memory = chicago.Memory()
    for key in bibliography.cited_by(work):
        entry = bibliography.entries[key]
        fields = {name: str(value) for name, value in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role] = " and ".join(str(p) for p in persons)
        memory.remember(key, entry.type, fields, seen=False)
    return memory


def _clear_of_refs(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it ends before any `[^N]` reference inside it."""
    ref = NOTE_MARKER.search(text, start, end)
    return (start, ref.start()) if ref else (start, end)


def annotate(document: Document, work: object, bibliography: Bibliography) -> list[Annotation]:
    del work  # the document's profile says which finder applies
    out: list[Annotation] = []
    found_all = list(find_citations(document, memory_from(bibliography, document.work)))
    if document.profile != "article":
        found_all += list(body_citations(document))
    for found in found_all:
        if found.key not in bibliography.entries:
            continue
        start, end = _clear_of_refs(found.text, 0, len(found.text))
        if end <= start:
            continue
        out.append(
            Annotation(
                AnnotationKind.CITE,
                found.key,
                found.target,
                found.start + start,
                found.start + end,
                found.locator,
            )
        )
    return out
