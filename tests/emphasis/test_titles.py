"""The emphasis layer on fixture paragraphs (fixtures/titles.txt): titles and foreign words, found with
their evidence, and the cases that must stay roman."""

from __future__ import annotations

import sys
from pathlib import Path

import jsonschema
import pytest

from apparat.bib import publish as bib
from apparat.diagnostics import Reporter
from apparat.emphasis import publish as emphasis
from apparat.export.json import schema, to_data
from apparat.glossary import publish as glossary_layer
from apparat.glossary.entries import Faction, Glossary, Person, Pos, Term, TermKind
from apparat.model import (
    AnnotationKind,
    Block,
    BlockKind,
    Document,
    Front,
    Note,
    NoteStatus,
    PageRange,
    Section,
    Span,
)
from apparat.works import Work

sys.path.insert(0, str(Path(__file__).parent.parent / "bib"))
from fixture_format import read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures"
CASES = read_fixture_file(FIXTURES / "titles.txt")


def glossary() -> Glossary:
    def term(key: str, lemma: str, cyrillic: str, pos: Pos, kind: TermKind, line: int) -> Term:
        return Term(
            key, lemma, cyrillic, "gloss", "Test.", pos, line, kind=kind, case_sensitive=lemma[0].isupper()
        )

    return Glossary(
        terms={
            "biurokratiia": term("biurokratiia", "biurokratiia", "бюрократия", Pos.NOUN, TermKind.WORD, 1),
            "oppozitsiia": term("oppozitsiia", "oppozitsiia", "оппозиция", Pos.NOUN, TermKind.WORD, 2),
            "nep": Term(
                "nep", "nep", "НЭП", "New Economic Policy", "T.", Pos.FIXED, 3, ("NEP",), case_sensitive=True
            ),
            "sovnarkom": term("sovnarkom", "Sovnarkom", "Совнарком", Pos.FIXED, TermKind.NAME, 4),
            "izvestiia": term("izvestiia", "Izvestiia", "Известия", Pos.FIXED, TermKind.PERIODICAL, 5),
        },
        factions={"left-opposition": Faction("left-opposition", "Left Opposition", "Test.", 1923, 1927, 1)},
        persons={
            "trotsky": Person("trotsky", "Trotsky, Leon", "Test.", 1, forms=("Trotsky",)),
            "bukharin": Person(
                "bukharin",
                "Bukharin, Nikolai",
                "Test.",
                2,
                forms=("Bukharin",),
                full_name="Nikolai Ivanovich Bukharin",
            ),
        },
    )


def document(text: str, profile: str) -> Document:
    blocks, notes = [], []
    for i, line in enumerate(text.splitlines(), 1):
        if line.startswith("[^"):
            n, _, body = line[2:].partition("]: ")
            notes.append(Note(int(n), NoteStatus.PRESENT, body, Span(i, i), PageRange(1, 1)))
        else:
            blocks.append(Block(f"ch01-b{i:03d}", BlockKind.PARAGRAPH, line, Span(i, i), PageRange(1, 1)))
    section = Section("ch01", "Chapter 1", "Test", Span(1, i), PageRange(1, 1), blocks, notes)
    return Document("fixture", "fixture.txt", profile, i, Front(), [section], [], [], [])


def marked(document: Document) -> str:
    """Every block and note with its emphasis spans as {text|evidence}."""
    lines = []
    for section in document.sections:
        texts = [(b.id, b.text, "") for b in section.blocks]
        texts += [(f"{section.id}-n{n.n}", n.text or "", f"[^{n.n}]: ") for n in section.notes]
        for target, text, prefix in texts:
            spans = sorted(
                (a for a in document.annotations if a.target == target and a.kind is AnnotationKind.EMPHASIS),
                key=lambda a: a.start,
                reverse=True,
            )
            for a in spans:
                text = f"{text[: a.start]}{{{text[a.start : a.end]}|{a.evidence}}}{text[a.end :]}"
            lines.append(prefix + text)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def layers() -> tuple[bib.Bibliography, Glossary, emphasis.Sources]:
    bibliography = bib.load(FIXTURES / "bibliography.bib", Reporter("fixture"))
    terms = glossary()
    return (
        bibliography,
        terms,
        emphasis.load(FIXTURES, Reporter("fixture"), bibliography=bibliography, glossary=terms),
    )


@pytest.mark.parametrize(("line", "title", "text", "expected"), CASES, ids=[f"L{c[0]}" for c in CASES])
def test_emphasis(
    line: int,
    title: str,
    text: str,
    expected: str,
    layers: tuple[bib.Bibliography, Glossary, emphasis.Sources],
) -> None:
    bibliography, terms, sources = layers
    doc = document(text, "article" if "ARTICLE" in title else "book")
    work = Work("fixture", "Fixture", "Test", "fixture.txt", doc.profile, sample=True)
    for layer, data in ((bib, bibliography), (glossary_layer, terms), (emphasis, sources)):
        doc.annotations.extend(layer.annotate(doc, work, data))
    assert marked(doc) == expected, f"fixtures/titles.txt:{line}: {title}"
    annotations = schema()["properties"]["annotations"]  # the fixture is no whole model: its spans only
    jsonschema.validate(to_data(doc)["annotations"], annotations)
