"""The note markup shared by every edition format (render/notes.py): printed numbers, anchors, notices."""

from __future__ import annotations

import re

import pytest

from apparat.model import Note, NoteStatus
from apparat.render import notes


def _note(n: int, status: NoteStatus, text: str | None = "A note of our own.") -> Note:
    return Note(n=n, status=status, text=text, lines=None, pages=None)


@pytest.mark.parametrize("status", list(NoteStatus))
def test_every_status_has_a_presentation(status: NoteStatus) -> None:
    assert status in notes.PRESENTATIONS, f"add a row for {status} to render.notes.PRESENTATIONS"


def test_reference_shows_the_printed_number_with_the_published_anchors() -> None:
    html = notes.reference_html(85)
    assert 'id="fnref:85"' in html and 'href="#fn:85"' in html
    assert re.search(r">85</a></sup>$", html)
    assert 'id="fnref2:85"' in notes.reference_html(85, 2)


def test_missing_note_names_its_printed_number() -> None:
    shown = notes.parts(_note(85, NoteStatus.MISSING, None))
    assert shown.text is None and shown.before is not None and "note 85 " in shown.before.text
    # a note whose text is absent reads as missing whatever its status says
    assert notes.parts(_note(7, NoteStatus.PRESENT, None)).before is not None


def test_truncated_note_keeps_its_text_and_says_so() -> None:
    shown = notes.parts(_note(3, NoteStatus.TRUNCATED))
    assert shown.text == "A note of our own." and shown.after is not None and shown.after.kind == "truncated"


def test_list_numbers_from_the_printed_number() -> None:
    note = _note(31, NoteStatus.PRESENT)
    item = notes.item_html(note, "A note of our own.", references=1)
    assert item.startswith('<li id="fn:31" value="31"')
    assert 'href="#fnref:31"' in item and "note 31" in item
    listing = notes.list_html([item], first=31)
    assert '<ol start="31">' in listing


def test_return_links_name_only_their_note() -> None:
    links = notes.back_links_html(12, 2)
    assert 'href="#fnref:12"' in links and 'href="#fnref2:12"' in links
    assert set(re.findall(r"\d+", re.sub(r'href="[^"]*"', "", links))) == {"12"}


def test_references_are_counted_and_repeats_renamed() -> None:
    page = f"a{notes.reference_html(4)} b{notes.reference_html(5)} c{notes.reference_html(4)}"
    renamed, called = notes.number_references(page)
    assert re.findall(r'id="([^"]+)"', renamed) == ["fnref:4", "fnref:5", "fnref2:4"]
    assert called[4] == 2 and called[5] == 1 and called[9] == 0
