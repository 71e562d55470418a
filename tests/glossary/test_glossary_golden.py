"""The glossary pages of the sample edition (glossary layer only), compared byte for byte with
tests/glossary/golden/. After an intended change: `pytest tests/glossary --update-golden`, then read the diff."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from apparat.site.build import BuildResult
from apparat.site.layout import Layout

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["terms.md", "factions.md", "persons.md"]


@pytest.mark.parametrize("name", PAGES)
def test_glossary_page_matches_golden(
    glossary_edition: tuple[Layout, BuildResult], golden: Callable[[Path, str], None], name: str
) -> None:
    golden(GOLDEN / name, (glossary_edition[0].content / "glossary" / name).read_text(encoding="utf-8"))


def test_the_sample_exercises_inflections_factions_and_persons(
    glossary_edition: tuple[Layout, BuildResult],
) -> None:
    """The golden pages are only worth their bytes if the samples give each kind something to show."""
    book = next(e for e in glossary_edition[1].editions if e.work.id == "sample-book")
    text = {b.id: b.text for b in book.document.blocks()} | {
        f"{s.id}-n{n.n}": n.text or "" for s in book.document.sections for n in s.notes
    }
    printed = {(a.key, text[a.target][a.start : a.end].lower()) for a in book.document.annotations}
    inflected = {("biurokratiia", "biurokratii"), ("biurokratiia", "biurokratiei"), ("smychka", "smychku")}
    assert inflected | {("glavkokratiia", "glavkokratii")} <= printed
    kinds = {a.kind.value for a in book.document.annotations}
    assert kinds == {"term", "faction", "person"}


_MENTION = re.compile(r'<a href="\.\./([^"#]+)#([^"]+)">(p|n)\.\u00a0(\d+)</a>')


def test_mentions_are_labelled_by_printed_page_or_note(glossary_edition: tuple[Layout, BuildResult]) -> None:
    """A scholar looks for "p. 261" or "n. 58", not "1 2 3": each link of "Mentioned in" names the printed
    page where the span is (read back from the built chapter: the last page marker before the passage, or
    one inside it) or the note's printed number (the anchor it links to)."""
    layout = glossary_edition[0]
    seen = 0
    for name in PAGES:
        text = (layout.content / "glossary" / name).read_text(encoding="utf-8")
        for page, anchor, kind, number in _MENTION.findall(text):
            seen += 1
            if kind == "n":
                assert anchor == f"fn:{number}", (name, page, anchor, number)
                continue
            built = (layout.site / page).read_text(encoding="utf-8")
            at = built.index(f'id="{anchor}"')
            end = built.index("</p>", at)
            before = re.findall(r'data-page="(\d+)"', built[:at])
            inside = re.findall(r'data-page="(\d+)"', built[at:end])
            possible = {int(p) for p in before[-1:] + inside}
            assert int(number) in possible, (name, anchor, number, possible)
    assert seen > 20
    assert "p.\u00a0" in text and "n.\u00a0" in text
