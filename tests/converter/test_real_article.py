"""The article model measured on the real source (skipped without it). Figures from issue 3."""

from __future__ import annotations

import json

import jsonschema

from apparat.export.json import schema, to_json
from apparat.model import BlockKind, Document, NoteStatus, Role


def test_front_matter(article: Document) -> None:
    assert article.front.title and article.front.title.startswith("Revisiting the Gramsci")
    assert article.front.author == "Mark McNally"
    assert article.front.abstract and len(article.front.abstract.split()) > 50


def test_sections_and_headings(article: Document) -> None:
    assert [s.id for s in article.sections] == ["introduction", "part-1", "part-2", "conclusion"]
    assert [s.label for s in article.sections] == ["Introduction", "Part I", "Part II", "Conclusion"]
    assert len([b for b in article.blocks() if b.kind is BlockKind.HEADING]) >= 3
    # Part II opens with its first section (issue 11): the part keeps its own level, the section its own
    part2 = article.sections[2]
    assert part2.title == "Part II"
    headings = [b for b in part2.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) == 4 and headings[0].lines.first == 958 and {h.level for h in headings} == {2}
    assert part2.blocks[0] is headings[0]


def test_pages(article: Document) -> None:
    assert [p.number for p in article.pages] == list(range(1, 44))


def test_notes(article: Document) -> None:
    notes = article.notes()
    assert [n.n for n in notes] == list(range(1, 121))
    assert sum(1 for n in notes if n.marker_line is not None) == 120
    # 63 note texts survive whole or cut short, and two notes only as their end (issue 16)
    assert sum(1 for n in notes if n.status not in (NoteStatus.MISSING, NoteStatus.START_LOST)) == 63
    assert sum(1 for n in notes if n.status is NoteStatus.START_LOST) == 2
    assert sum(1 for n in notes if n.status is NoteStatus.MISSING) == 55


def test_continued_notes_joined(article: Document) -> None:
    continued = [n for n in article.notes() if n.continued]
    assert len(continued) == 2
    for note in continued:
        assert note.text and note.lines and note.lines.last > note.lines.first
        assert "  " not in note.text


def test_schema_and_determinism(article: Document, sources) -> None:  # type: ignore[no-untyped-def]
    from apparat.pipeline import convert_file

    jsonschema.validate(json.loads(to_json(article)), schema())
    again, _ = convert_file(sources / "gramsci-bukharin.txt", "article", "gramsci-bukharin")
    assert to_json(again) == to_json(article)


def test_tails_go_to_the_note_that_was_cut(article: Document) -> None:
    """Issue 16: the two tails whose start was lost go to the last note referenced on the page before
    (itself missing), never to an earlier note; no note spans pages it does not continue to."""
    notes = {n.n: n for n in article.notes()}
    for n, page in ((54, 24), (82, 31)):
        assert notes[n].status is NoteStatus.START_LOST and notes[n].text and notes[n].evidence
        assert notes[n].pages is not None and notes[n].pages.first == notes[n].pages.last == page
    assert notes[49].pages is not None and notes[49].pages.last == notes[49].pages.first
    assert notes[80].pages is not None and notes[80].pages.last == notes[80].pages.first
    for note in article.notes():
        if note.pages is not None and note.pages.last != note.pages.first:
            assert note.continued and note.pages.last == note.pages.first + 1
    roles = [r for r in article.roles if r is Role.NOTE_FRAGMENT]
    assert len(roles) == 3  # line 1192, and lines 1474 and 1476
