"""`apparat bib` adds what is missing and never rewrites what people completed."""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.bib import database, regenerate
from apparat.commands import bib as command
from apparat.diagnostics import Reporter
from apparat.pipeline import convert_file
from apparat.works import SAMPLES

HAND = """% our notes survive
@book{Trotsky1937,
  author = {Trotsky, Leon},
  title = {The Revolution Betrayed},
  year = {1937},
  keywords = {trotsky-bureaucracy},
}
"""


def sample_book() -> list:  # type: ignore[type-arg]
    document, _ = convert_file(SAMPLES / "sample-book.txt", "book", "sample-book")
    return [document]


def test_adds_stubs_tags_and_keeps_completed_entries() -> None:
    documents = sample_book()
    path = Path("bibliography.bib")
    bibliography = database.parse(HAND, path, Reporter("bibliography.bib"))
    result = regenerate.update(HAND, path, regenerate.harvest_all(documents, bibliography), Reporter("x"))
    assert result.tagged == ["Trotsky1937"]
    assert "Lenin1917" in result.added and "Trotsky1937" not in result.added
    assert result.text.startswith("% our notes survive\n@book{Trotsky1937,\n  author = {Trotsky, Leon},\n")
    assert "keywords = {trotsky-bureaucracy, sample-book}," in result.text
    after = database.parse(result.text, path, Reporter("x"))
    assert after.is_stub("Lenin1917") and not after.is_stub("Trotsky1937")
    assert str(after.entries["Trotsky1937"].fields["title"]) == "The Revolution Betrayed"
    again = regenerate.update(result.text, path, regenerate.harvest_all(documents, after), Reporter("x"))
    assert again.text == result.text, "a second run changes nothing"


def test_command_writes_then_checks(tmp_path: Path) -> None:
    path = tmp_path / "bibliography.bib"
    path.write_text(HAND, encoding="utf-8")
    args = argparse.Namespace(bib=path, sources=None, check=True, work=["sample-book"])
    assert command.run(args) == 1, "--check fails while entries are missing"
    args.check = False
    assert command.run(args) == 0
    args.check = True
    assert command.run(args) == 0
    assert path.read_text(encoding="utf-8").startswith(HAND.split("  keywords")[0])


def test_untags_and_prunes_what_no_work_cites_any_more() -> None:
    documents = sample_book()
    text = (
        HAND
        + "\n@misc{Gone1999,\n  author = {Gone},\n  year = {1999},\n  keywords = {sample-book, stub},\n}\n"
        + "\n@book{Kept2000,\n  author = {Kept, A.},\n  title = {Done by hand},\n  year = {2000},\n"
        + "  keywords = {sample-book},\n}\n"
    )
    path = Path("bibliography.bib")
    bibliography = database.parse(text, path, Reporter("x"))
    harvests = regenerate.harvest_all(documents, bibliography)
    kept = regenerate.update(text, path, harvests, Reporter("x"))
    assert kept.removed == [] and "@misc{Gone1999," in kept.text, "no pruning unless every work was read"
    result = regenerate.update(text, path, harvests, Reporter("x"), prune=True)
    assert result.removed == ["Gone1999"] and "Gone1999" not in result.text
    after = database.parse(result.text, path, Reporter("x"))
    assert "sample-book" not in after.keywords("Kept2000"), "a completed entry loses the tag, not its data"
    assert str(after.entries["Kept2000"].fields["title"]) == "Done by hand"
