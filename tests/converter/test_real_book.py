"""The book model measured on the real source (skipped without it). Figures from issue 3."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from apparat.export.json import schema, to_data, to_json
from apparat.model import BlockKind, Document, NoteStatus, Role


def test_sections(book: Document) -> None:
    assert [s.id for s in book.sections] == ["intro", *[f"ch{n:02d}" for n in range(1, 10)]]
    assert book.sections[0].title == "Introduction"
    assert all(s.title and s.label for s in book.sections)


def test_pages_agree_with_every_running_head(book: Document) -> None:
    assert [p.number for p in book.pages] == list(range(1, 460))
    starts = {p.line: p.number for p in book.pages}
    heads = [i + 1 for i, role in enumerate(book.roles) if role is Role.RUNNING_HEAD]
    assert len(heads) == 25
    for line in heads:
        assert line in starts, f"running head at line {line} does not open a page"


def test_running_head_numbers(book: Document, sources) -> None:  # type: ignore[no-untyped-def]
    text = (sources / "trotsky-bureaucracy.txt").read_text(encoding="utf-8").split("\n")
    starts = {p.line: p.number for p in book.pages}
    for i, role in enumerate(book.roles):
        if role is Role.RUNNING_HEAD:
            printed = int(re.match(r"\s*(\d+)", text[i]).group(1))  # type: ignore[union-attr]
            assert starts[i + 1] == printed


def test_headings(book: Document) -> None:
    headings = [b for b in book.blocks() if b.kind is BlockKind.HEADING]
    assert len(headings) == 105
    for heading in headings:
        assert heading.number and heading.level == heading.number.count(".") + 1
        assert heading.id.split("-")[0] == "ch" + heading.number.split(".")[0].zfill(2)


def test_notes_linked_present_missing(book: Document) -> None:
    notes = book.notes()
    assert sum(1 for n in notes if n.marker_line is not None) == 1948
    assert sum(1 for n in notes if n.status is not NoteStatus.MISSING) == 1139
    assert sum(1 for n in notes if n.status is NoteStatus.MISSING) == 809
    for section in book.sections:
        numbers = [n.n for n in section.notes]
        assert numbers == list(range(1, len(numbers) + 1))
        body = " ".join(b.text for b in section.blocks)
        assert [int(m) for m in re.findall(r"\[\^(\d+)\]", body)] == numbers


def test_continued_notes_stay_joined(book: Document) -> None:
    continued = [n for n in book.notes() if n.continued]
    assert len(continued) == 7
    for note in continued:
        assert note.evidence and note.pages and note.pages.last == note.pages.first + 1
    assert not any(n.status is NoteStatus.START_LOST for n in book.notes())
    # the book's page-top tails all continue a note: its only fragments resume after lost lines
    assert all("resume" in f.evidence for s in book.sections for f in s.fragments)


@pytest.mark.real
def test_notes_resuming_after_lost_lines(book: Document) -> None:
    """Audit: text that resumes inside a page's notes (a leading space) goes on neither the note above it
    (note 211 of ch. 5 breaks off at a hyphen: never `con-199`) nor into the body (p. 430)."""
    fragments = {f.lines.first: f.lines.last for s in book.sections for f in s.fragments}
    assert fragments == {
        2334: 2334,
        8376: 8378,
        9557: 9559,
        11510: 11510,
        11544: 11544,
        14184: 14185,
        14186: 14186,
        16728: 16729,
        16730: 16730,
    }
    for line in range(16728, 16731):
        assert book.roles[line - 1] is Role.NOTE_FRAGMENT
    chapter = next(s for s in book.sections if s.id == "ch05")
    note = next(n for n in chapter.notes if n.n == 211)
    assert note.status is NoteStatus.TRUNCATED and note.text and note.text.endswith("con-")
    assert note.lines and note.lines.last == 9556
    assert {p.number: p.line for p in book.pages}[430] == 16731


def test_missing_notes_are_not_invented(book: Document) -> None:
    for note in book.notes():
        if note.status is NoteStatus.MISSING:
            assert note.text is None and note.lines is None and note.marker_line is not None


def test_quotations_kept(book: Document) -> None:
    quotes = [b for b in book.blocks() if b.kind is BlockKind.QUOTE]
    assert len(quotes) >= 40


def test_no_furniture_in_text(book: Document, sources) -> None:  # type: ignore[no-untyped-def]
    text = (sources / "trotsky-bureaucracy.txt").read_text(encoding="utf-8").split("\n")
    furniture = [text[i].strip() for i, r in enumerate(book.roles) if r is Role.RUNNING_HEAD]
    everything = [b.text for b in book.blocks()] + [n.text for n in book.notes() if n.text]
    for head in furniture:
        assert not any(head in t for t in everything), head


def test_every_line_accounted(book: Document) -> None:
    data = to_data(book)
    assert data["ledger"]["unaccounted"] == []
    assert sum(data["ledger"]["roles"].values()) == book.line_count == 17949


def test_hyphenation_logged_with_evidence(book: Document) -> None:
    decisions = book.hyphenation
    assert len(decisions) >= 2200
    assert all(d.evidence for d in decisions)
    kept = {d.result for d in decisions if d.decision == "keep"}
    assert "petty-bourgeois" in kept
    # a word left broken ("bureau- cracy") never survives; "non- or ex-Marxists" is the author's own
    assert not any(re.search(r"[a-z]- (?!or |and |to )[a-z]", b.text) for b in book.blocks())


def test_schema_and_determinism(book: Document, sources) -> None:  # type: ignore[no-untyped-def]
    from apparat.pipeline import convert_file

    jsonschema.validate(json.loads(to_json(book)), schema())
    again, _ = convert_file(sources / "trotsky-bureaucracy.txt", "book", "trotsky-bureaucracy")
    assert to_json(again) == to_json(book)


def test_hard_hyphen_classes(book: Document) -> None:
    """Issue 11: compounds kept, a broken fragment never a word, lost hyphens joined, ranges closed up."""
    decisions = {d.line: d for d in book.hyphenation}
    for line in (10154, 11882, 14792, 17608):  # compounds whose joined spelling is no word (or typed)
        assert decisions[line].decision == "keep", decisions[line]
    assert decisions[12211].decision == "join"  # 'mid-' + a fragment that is no word of the work
    lost = {d.line for d in book.hyphenation if d.kind == "lost"}
    assert lost == {8143, 9146, 9158, 9477}
    assert {d.line for d in book.hyphenation if d.kind == "dash"} >= {3886, 8826, 11388}
    texts = [b.text for b in book.blocks()] + [n.text for n in book.notes() if n.text]
    assert not any(re.search(r"\d– \d", t) for t in texts)  # no range split by a space


def test_quotations_by_measure(book: Document) -> None:
    """Issue 11: quotations cut by a page break go on as quotations on the next page (p. 16 → 17)."""
    quotes = [b for b in book.blocks() if b.kind is BlockKind.QUOTE]
    assert len(quotes) >= 140
    assert all(book.roles[i - 1] is Role.QUOTE for i in range(648, 652))


@pytest.mark.real
def test_author_text_is_no_quotation(book: Document) -> None:
    """Audit: author paragraphs after a quotation closed by its note marker (8892, 10510, 16303), and a
    sentence running on at a comma across a page (9482, 14981, 17185), are no block quotations."""
    quotes = [b for b in book.blocks() if b.kind is BlockKind.QUOTE]
    assert len(quotes) == 148
    for line in (8892, 9482, 10510, 14981, 16303, 17185):
        assert book.roles[line - 1] is Role.BODY, line
    starts = {b.lines.first for b in book.blocks()}
    assert not {9482, 14981, 17185} & starts  # each continues its paragraph from the page before


def test_page_starts_without_running_heads(book: Document) -> None:
    """Issue 11: a page's indented first line is not swallowed by the notes above it; p. 356 found."""
    starts = {p.number: p.line for p in book.pages}
    expected = {170: 6446, 223: 8522, 245: 9395, 258: 9940, 283: 10973, 304: 11739, 340: 13077}
    expected |= {356: 13742, 364: 14048, 368: 14187, 428: 16647}
    assert {n: starts[n] for n in expected} == expected
