"""The synthetic corpus is what the benchmark claims: seeded, of the size asked, and read back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.model import BlockKind, NoteStatus
from apparat.pipeline import convert_file
from apparat.synthetic import BOOK_BYTES, generate_article, generate_book, write_book


def test_the_same_seed_gives_the_same_text() -> None:
    assert generate_book(30_000, 4) == generate_book(30_000, 4)
    assert generate_book(30_000, 4)[0] != generate_book(30_000, 5)[0]
    assert generate_article(4, 2) == generate_article(4, 2)


def test_write_book_streams_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    shape = write_book(path, 30_000, 8)
    text, expected = generate_book(30_000, 8)
    assert path.read_text(encoding="utf-8") == text
    assert shape == expected
    assert shape.lines == len(text.splitlines())


@pytest.mark.parametrize("size", [BOOK_BYTES // 10, BOOK_BYTES // 2])
def test_size_is_close_to_the_target(size: int) -> None:
    text, _ = generate_book(size, 1)
    assert 0.85 * size <= len(text.encode("utf-8")) <= 1.15 * size


@pytest.mark.parametrize("seed", [1, 2])
def test_the_converter_finds_what_was_generated(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "book.txt"
    shape = write_book(path, BOOK_BYTES // 3, seed)
    document, reporter = convert_file(path, "book", "synthetic")
    assert not reporter.failed, [str(d) for d in reporter.items]
    notes = document.notes()
    assert len(document.sections) == shape.sections
    assert len(document.pages) == shape.pages
    assert sum(1 for n in notes if n.marker_line is not None) == shape.markers
    assert sum(1 for b in document.blocks() if b.kind is BlockKind.HEADING) == shape.headings
    present = sum(1 for n in notes if n.status is not NoteStatus.MISSING)
    assert abs(present - shape.notes_present) <= max(2, shape.notes_present // 100)
