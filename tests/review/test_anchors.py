"""A published anchor never disappears silently: removed anchors fail the check unless redirected; the
published list carries a fingerprint of each paragraph's passage."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.cli import main
from apparat.review import anchors
from apparat.review.fingerprint import fingerprint

CHAPTER = """<html><body><nav id="nav-x"></nav><article>
<h1 id="ch01">Chapter 1</h1><span class="pb" id="p23"></span>
<p id="ch01-l3">Text<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>
<h2 id="ch01-l5">1.1 Heading</h2>
<div class="footnote"><ol><li id="fn:1">Note.</li></ol><p id="ch01-f9">A note fragment no note owns.</p></div>
</article></body></html>"""


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def test_collect_keeps_published_kinds_only(tmp_path: Path) -> None:
    found = anchors.collect(_site(tmp_path / "site", {"w/02-one.html": CHAPTER, "assets/a.html": CHAPTER}))
    assert found == {
        "w/02-one.html",
        "w/02-one.html#ch01",
        "w/02-one.html#p23",
        "w/02-one.html#ch01-l3",
        "w/02-one.html#ch01-l5",
        "w/02-one.html#fn:1",
        "w/02-one.html#ch01-f9",  # an orphan note fragment: its first source line
    }


def test_removed_and_redirected() -> None:
    published = {"w/a.html#p1", "w/a.html#p2", "w/a.html#ch01-b001", "other/x.html#p9"}
    current = {"w/a.html#p1", "w/b.html#ch01-b001"}
    redirects = [anchors.Redirect("w/a.html#ch01-b001", "w/b.html#ch01-b001", 3)]
    # other/ was not built this time (no sources): not counted as removed
    assert anchors.removed(published, current, redirects) == ["w/a.html#p2"]


def test_merge_keeps_every_anchor_once_published() -> None:
    old, new = fingerprint("Text of the release."), fingerprint("Text of the release, mended.")
    published = {"w/a.html#p1": None, "w/a.html#ch01-b001": old, "w/a.html#ch01-l3": old}
    current = {"w/a.html#p2": None, "w/a.html#ch01-l3": new}
    assert anchors.merge(published, current) == {
        "w/a.html#p1": None,  # gone, but promised: the check keeps asking for it or its redirect
        "w/a.html#p2": None,
        "w/a.html#ch01-b001": old,  # an id of the first release keeps the passage it named then
        "w/a.html#ch01-l3": new,
    }


def test_scan_reads_each_paragraph_as_shown_without_its_note_calls(tmp_path: Path) -> None:
    built = anchors.scan(_site(tmp_path / "site", {"w/02-one.html": CHAPTER}))
    assert built.passages == {"w/02-one.html#ch01-l3": "Text", "w/02-one.html#ch01-l5": "1.1 Heading"}


def test_the_list_round_trips_with_fingerprints(tmp_path: Path) -> None:
    listing = tmp_path / "published.txt"
    published = {"w/a.html": None, "w/a.html#ch01-l3": fingerprint("A passage of the sample, in our words.")}
    anchors.write_list(listing, published)
    assert anchors.read_list(listing) == published
    listing.write_text("w/a.html#ch01-l3 not-a-fingerprint\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"published.txt:1: error: expected a fingerprint"):
        anchors.read_list(listing)


@pytest.mark.parametrize("declared", [False, True])
def test_command_fails_on_a_removed_anchor_unless_redirected(tmp_path: Path, declared: bool) -> None:
    site = _site(tmp_path / "site", {"w/02-one.html": CHAPTER})
    data = tmp_path / "data"
    data.mkdir()
    args = ["anchors", "--site-dir", str(site), "--data", str(data)]
    assert main([*args, "--record"]) == 0
    assert main(args) == 0
    (site / "w/02-one.html").write_text(CHAPTER.replace('id="p23"', 'id="p24"'), encoding="utf-8")
    if declared:
        (data / "redirects.yml").write_text(
            "redirects:\n  - from: w/02-one.html#p23\n    to: w/02-one.html#p24\n", encoding="utf-8"
        )
    assert main(args) == (0 if declared else 1)


def test_every_entry_of_glossary_and_bibliography_pages_is_published(tmp_path: Path) -> None:
    entry = (
        '<html><body><article><h2 id="smychka">smychka</h2><p id="Carr1958">Carr</p></article></body></html>'
    )
    found = anchors.collect(
        _site(tmp_path / "site", {"glossary/terms.html": entry, "w/bibliography.html": entry})
    )
    assert {"glossary/terms.html#smychka", "w/bibliography.html#Carr1958"} <= found
