"""Where a published paragraph went: the sample book's first chapter published with the first release's
ordinal ids and blocks cut as its converter cut them, then rebuilt with source-line ids and its blocks
re-segmented (a quotation separated from its lead-in, two paragraphs joined, a lost hyphen mended)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apparat.model import Block, BlockKind, Document
from apparat.pipeline import convert_file
from apparat.review import anchors, moves
from apparat.review.anchors import Redirect
from apparat.review.fingerprint import fingerprint, parse, words
from apparat.review.moves import Outcome

PAGE = "sample-book/02-offices-without-end.html"


_MARKER = re.compile(r"\[\^(\d+)\]")
_CALL = r"<sup>\1</sup>"


def _html(blocks: list[tuple[str, str]]) -> str:
    body = "".join(f'<p id="{anchor}">{_MARKER.sub(_CALL, text)}</p>' for anchor, text in blocks)
    return f'<html><body><article><h1 id="ch01">Chapter 1</h1>{body}</article></body></html>'


def _built(tmp_path: Path, name: str, blocks: list[tuple[str, str]]) -> anchors.Built:
    page = tmp_path / name / PAGE
    page.parent.mkdir(parents=True)
    page.write_text(_html(blocks), encoding="utf-8")
    return anchors.scan(tmp_path / name)


@pytest.fixture(scope="module")
def chapter(samples: Path) -> list[Block]:
    document: Document
    document, _ = convert_file(samples / "sample-book.txt", "book", "sample-book")
    return next(s for s in document.sections if s.id == "ch01").blocks


def _release(chapter: list[Block]) -> list[tuple[str, str]]:
    """The chapter as the first release cut it: lead-in and quotation one block, the two opening paragraphs
    apart, a hyphen the extraction lost not yet mended; numbered in order."""
    texts = [b.text for b in chapter]
    lead_in = next(i for i, b in enumerate(chapter) if b.kind is BlockKind.QUOTE) - 1
    texts[lead_in : lead_in + 2] = [f"{texts[lead_in]} {texts[lead_in + 1]}"]
    texts[-3] = texts[-3].replace("Economic", "Eco nomic", 1)
    return [(f"ch01-b{n:03d}", text) for n, text in enumerate(texts, 1)]


def _now(chapter: list[Block]) -> list[tuple[str, str]]:
    """The chapter now: source-line ids, and the first two paragraphs joined."""
    blocks = [(b.id, b.text) for b in chapter]
    blocks[0:2] = [(blocks[0][0], f"{blocks[0][1]} {blocks[1][1]}")]
    return blocks


def test_every_passage_of_the_release_is_found_where_it_begins_now(
    chapter: list[Block], tmp_path: Path
) -> None:
    release, now = _release(chapter), _now(chapter)
    published = anchors.fingerprints(_built(tmp_path, "release", release))
    built = _built(tmp_path, "now", now)
    found = {m.anchor.partition("#")[2]: m for m in moves.follow(published, built, [])}
    ids = [b.id for b in chapter]
    quote = next(b.id for b in chapter if b.kind is BlockKind.QUOTE)
    lead_in = ids[ids.index(quote) - 1]
    joined = release[ids.index(lead_in)][0]
    expected = {
        "ch01-b001": (Outcome.OVERLAP, ids[0]),  # joined with the next: the passage begins the block
        "ch01-b002": (Outcome.OVERLAP, ids[0]),  # and this one lies inside it
        joined: (Outcome.OVERLAP, lead_in),  # lead-in and quotation apart now: land on the lead-in
        release[-3][0]: (Outcome.OVERLAP, ids[-3]),  # one word mended
    }
    for anchor, move in found.items():
        outcome, target = expected.get(anchor, (Outcome.EXACT, None))
        assert move.outcome is outcome, (anchor, move)
        if target is not None:
            assert move.target == f"{PAGE}#{target}", (anchor, move)
    # the exact moves keep the order of the chapter, each to a block with the same words
    exact = [m for m in found.values() if m.outcome is Outcome.EXACT]
    assert len(exact) == len(release) - len(expected)
    now_text = dict(now)
    release_text = dict(release)
    for move in exact:
        assert move.target is not None
        target_id = move.target.partition("#")[2]
        assert words(now_text[target_id]) == words(release_text[move.anchor.partition("#")[2]])
    assert moves.client_map(list(found.values()), [], built)[PAGE][joined] == f"{PAGE}#{lead_in}"
    assert not any(m.outcome in moves.PROBLEMS for m in found.values())


def test_the_release_recorded_again_keeps_its_ids_and_their_passages(
    chapter: list[Block], tmp_path: Path
) -> None:
    now = _now(chapter)
    built = _built(tmp_path, "now", now)
    published = anchors.fingerprints(built)
    edited = [(anchor, text.replace("theory", "the-ory", 1)) for anchor, text in now]
    again = _built(tmp_path, "again", edited)
    outcomes = {m.outcome for m in moves.follow(published, again, [])}
    assert outcomes <= {Outcome.SAME, Outcome.EDITED} and Outcome.EDITED in outcomes


PASSAGE_A = "The commissariat kept three ledgers of forms, one for each season of the planning year."
PASSAGE_B = "Nobody in the district could say which office had asked for the fourth copy of the report."
PASSAGE_C = "A short note on the calendar used in this chapter and the dates it gives for each congress."


def _one_page(tmp_path: Path, name: str, blocks: list[tuple[str, str]]) -> anchors.Built:
    return _built(tmp_path, name, blocks)


def test_an_id_given_to_another_passage_is_an_error_unless_confirmed(tmp_path: Path) -> None:
    published = anchors.fingerprints(
        _one_page(tmp_path, "release", [("ch01-l3", PASSAGE_A), ("ch01-l5", PASSAGE_B)])
    )
    built = _one_page(tmp_path, "now", [("ch01-l3", PASSAGE_B), ("ch01-l7", PASSAGE_A)])
    found = {m.anchor.partition("#")[2]: m for m in moves.follow(published, built, [])}
    assert found["ch01-l3"].outcome is Outcome.REUSED and found["ch01-l3"].target == f"{PAGE}#ch01-l7"
    assert found["ch01-l5"].outcome is Outcome.EXACT and found["ch01-l5"].target == f"{PAGE}#ch01-l3"
    assert "ch01-l3" not in moves.client_map(list(found.values()), [], built).get(PAGE, {})
    confirm = [Redirect(f"{PAGE}#ch01-l3", f"{PAGE}#ch01-l3", 4)]
    confirmed = {m.anchor.partition("#")[2]: m for m in moves.follow(published, built, confirm)}
    assert confirmed["ch01-l3"].outcome is Outcome.DECLARED


def test_a_passage_found_nowhere_is_lost_unless_redirected(tmp_path: Path) -> None:
    published = anchors.fingerprints(
        _one_page(tmp_path, "release", [("ch01-b001", PASSAGE_A), ("ch01-b002", PASSAGE_C)])
    )
    built = _one_page(tmp_path, "now", [("ch01-l3", PASSAGE_A), ("ch01-l9", PASSAGE_B)])
    found = {m.anchor.partition("#")[2]: m for m in moves.follow(published, built, [])}
    assert found["ch01-b002"].outcome is Outcome.LOST and found["ch01-b002"].target is None
    redirect = [Redirect(f"{PAGE}#ch01-b002", f"{PAGE}#ch01-l9", 3)]
    declared = {m.anchor.partition("#")[2]: m for m in moves.follow(published, built, redirect)}
    assert declared["ch01-b002"].outcome is Outcome.DECLARED
    assert moves.client_map(list(declared.values()), redirect, built)[PAGE] == {
        "ch01-b001": f"{PAGE}#ch01-l3",
        "ch01-b002": f"{PAGE}#ch01-l9",
    }


def test_repeated_words_pair_in_reading_order(tmp_path: Path) -> None:
    heading = "Sources and method"
    release = [
        ("ch01-b001", heading),
        ("ch01-b002", PASSAGE_A),
        ("ch01-b003", heading),
        ("ch01-b004", PASSAGE_B),
    ]
    now = [("ch01-l4", heading), ("ch01-l6", PASSAGE_A), ("ch01-l20", heading), ("ch01-l22", PASSAGE_B)]
    published = anchors.fingerprints(_one_page(tmp_path, "release", release))
    found = moves.follow(published, _one_page(tmp_path, "now", now), [])
    targets = {m.anchor.partition("#")[2]: m.target for m in found}
    assert targets == {
        "ch01-b001": f"{PAGE}#ch01-l4",
        "ch01-b002": f"{PAGE}#ch01-l6",
        "ch01-b003": f"{PAGE}#ch01-l20",
        "ch01-b004": f"{PAGE}#ch01-l22",
    }


def test_a_fingerprint_holds_hashes_only() -> None:
    recorded = fingerprint(f"{PASSAGE_A} {PASSAGE_B}")
    assert len(recorded.samples) == 16 and parse(str(recorded)) == recorded
    assert not set(words(str(recorded))) & set(words(PASSAGE_A))
    # case, punctuation and white space are not wording
    assert (
        fingerprint("The Commissariat — kept  ledgers.").whole
        == fingerprint("the commissariat kept ledgers").whole
    )
