"""A published anchor never disappears silently: removed anchors fail the check unless redirected."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.cli import main
from apparat.review import anchors

CHAPTER = """<html><body><nav id="nav-x"></nav><article>
<h1 id="ch01">Chapter 1</h1><span class="pb" id="p23"></span>
<p id="ch01-b001">Text<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>
<h2 id="ch01-b002">1.1 Heading</h2>
<div class="footnote"><ol><li id="fn:1">Note.</li></ol></div>
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
        "w/02-one.html#ch01-b001",
        "w/02-one.html#ch01-b002",
        "w/02-one.html#fn:1",
    }


def test_removed_and_redirected() -> None:
    published = {"w/a.html#p1", "w/a.html#p2", "w/a.html#ch01-b001", "other/x.html#p9"}
    current = {"w/a.html#p1", "w/b.html#ch01-b001"}
    redirects = [anchors.Redirect("w/a.html#ch01-b001", "w/b.html#ch01-b001", 3)]
    # other/ was not built this time (no sources): not counted as removed
    assert anchors.removed(published, current, redirects) == ["w/a.html#p2"]


def test_merge_keeps_works_not_built() -> None:
    assert anchors.merge({"w/a.html#p1", "other/x.html#p9"}, {"w/a.html#p2"}) == {
        "w/a.html#p2",
        "other/x.html#p9",
    }


@pytest.mark.parametrize("declared", [False, True])
def test_command_fails_on_a_removed_anchor_unless_redirected(tmp_path: Path, declared: bool) -> None:
    site = _site(tmp_path / "site", {"w/02-one.html": CHAPTER})
    listing = tmp_path / "published.txt"
    redirects = tmp_path / "redirects.yml"
    args = ["anchors", "--site-dir", str(site), "--list", str(listing), "--redirects", str(redirects)]
    assert main([*args, "--record"]) == 0
    assert main(args) == 0
    (site / "w/02-one.html").write_text(CHAPTER.replace('id="ch01-b002"', 'id="ch01-b003"'), encoding="utf-8")
    if declared:
        redirects.write_text(
            "redirects:\n  - from: w/02-one.html#ch01-b002\n    to: w/02-one.html#ch01-b003\n",
            encoding="utf-8",
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
