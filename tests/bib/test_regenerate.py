"""`apparat bib` adds what is missing, completes stubs from the text, records where every field comes from,
and never rewrites what people wrote."""

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
  x-apparat-editorial = {author: given name from the catalogue; title: the catalogue's title},
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
    assert "x-apparat-source = {author, year: sample-book.txt:" in result.text, (
        "where the citation prints them"
    )
    after = database.parse(result.text, path, Reporter("x"))
    assert after.is_stub("Lenin1917") and not after.is_stub("Trotsky1937")
    assert after.entries["Trotsky1928"].type == "book", "a stub the text names takes its title"
    assert str(after.entries["Trotsky1928"].fields["title"]) == "The Real Situation in Russia"
    assert after.is_stub("Serge1963") and "title" not in after.entries["Serge1963"].fields, "nothing guessed"
    assert sorted(result.completed) == [] and "Trotsky1928" in result.added
    assert str(after.entries["Trotsky1937"].fields["title"]) == "The Revolution Betrayed"
    again = regenerate.update(result.text, path, regenerate.harvest_all(documents, after), Reporter("x"))
    assert again.text == result.text, "a second run changes nothing"


def test_chapters_bring_their_volume_and_existing_stubs_take_their_title() -> None:
    article, _ = convert_file(SAMPLES / "sample-article.txt", "article", "sample-article")
    stub = (
        "@misc{Trotsky1925,\n  author = {Trotsky},\n  year = {1925},\n  keywords = {sample-book, stub},\n}\n"
    )
    path = Path("bibliography.bib")
    bibliography = database.parse(stub, path, Reporter("x"))
    result = regenerate.update(
        stub, path, regenerate.harvest_all([*sample_book(), article], bibliography), Reporter("x")
    )
    assert result.completed == {"Trotsky1925": "Literature and Revolution"}
    after = database.parse(result.text, path, Reporter("x"))
    chapter = after.entries["Cohen1977Bolshevism"]
    assert chapter.type == "incollection" and str(chapter.fields["crossref"]) == "Tucker1977Stalinism"
    assert after.entries["Tucker1977Stalinism"].type == "book"
    assert "sample-article" in after.keywords("Tucker1977Stalinism"), "the volume is listed with the work"
    assert str(after.entries["Bukharin1925Historical"].fields.get("related", "")) == ""


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
