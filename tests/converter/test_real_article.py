"""The article model measured on the real source (skipped without it). Figures from issue 3."""

from __future__ import annotations

import json

import jsonschema

from apparat.export.json import schema, to_json
from apparat.model import BlockKind, Document, NoteStatus


def test_front_matter(article: Document) -> None:
    assert article.front.title and article.front.title.startswith("Revisiting the Gramsci")
    assert article.front.author == "Mark McNally"
    assert article.front.abstract and len(article.front.abstract.split()) > 50


def test_sections_and_headings(article: Document) -> None:
    assert [s.id for s in article.sections] == ["introduction", "part-1", "part-2", "conclusion"]
    assert [s.label for s in article.sections] == ["Introduction", "Part I", "Part II", "Conclusion"]
    assert len([b for b in article.blocks() if b.kind is BlockKind.HEADING]) >= 3


def test_pages(article: Document) -> None:
    assert [p.number for p in article.pages] == list(range(1, 44))


def test_notes(article: Document) -> None:
    notes = article.notes()
    assert [n.n for n in notes] == list(range(1, 121))
    assert sum(1 for n in notes if n.marker_line is not None) == 120
    assert sum(1 for n in notes if n.status is not NoteStatus.MISSING) == 63
    assert sum(1 for n in notes if n.status is NoteStatus.MISSING) == 57


def test_continued_notes_joined(article: Document) -> None:
    continued = [n for n in article.notes() if n.continued]
    assert len(continued) >= 3
    for note in continued:
        assert note.text and note.lines and note.lines.last > note.lines.first
        assert "  " not in note.text


def test_schema_and_determinism(article: Document, sources) -> None:  # type: ignore[no-untyped-def]
    from apparat.pipeline import convert_file

    jsonschema.validate(json.loads(to_json(article)), schema())
    again, _ = convert_file(sources / "gramsci-bukharin.txt", "article", "gramsci-bukharin")
    assert to_json(again) == to_json(article)
