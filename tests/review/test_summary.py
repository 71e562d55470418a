"""The pull-request summary counts features in built pages and reports differences per work."""

from __future__ import annotations

from pathlib import Path

from apparat.cli import main
from apparat.review.summary import compare, count_site, review

PAGE = """<html><body><article>
<p id="intro-b001"><span class="pb" id="p1"></span>Text <a class="ap-term" href="#">smychka</a>
<a class="ap-cite" href="#">Carr 1958</a></p>
<div class="footnote"><ol><li id="fn:1">One.</li><li id="fn:2"><span class="note-missing">x</span></li></ol></div>
</article></body></html>"""


def _site(root: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def test_counts_per_work(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", {"w/01-a.html": PAGE, "assets/x.html": PAGE})
    counts = count_site(site)
    assert list(counts) == ["w"]
    assert counts["w"]["notes"] == 2
    assert counts["w"]["missing notes"] == 1
    assert counts["w"]["terms"] == 1
    assert counts["w"]["citations"] == 1
    assert counts["w"]["printed pages"] == 1


def test_compare_shows_deltas(tmp_path: Path) -> None:
    base = count_site(_site(tmp_path / "base", {"w/01-a.html": PAGE}))
    head = count_site(
        _site(tmp_path / "head", {"w/01-a.html": PAGE.replace("smychka", "x"), "w/02.html": PAGE})
    )
    report = compare(base, head)
    assert "| w |" in report
    assert "2 (+1)" in report  # terms: one more page with one term


def test_missing_base_is_not_an_error(tmp_path: Path, capsys: object) -> None:
    head = _site(tmp_path / "head", {"w/01-a.html": PAGE})
    assert main(["diff", str(tmp_path / "nothing"), str(head)]) == 0


GLOSSARY = """<html><body><article><h1>Terms</h1>
<h2 id="smychka">smychka · смычка · bond</h2><p>The bond of workers and peasants.</p>
<div class="ap-mentions"><p>Mentioned in:</p><ul><li>one</li></ul></div>
<h2 id="nep">NEP</h2><p>The New Economic Policy.</p>
</article></body></html>"""
CONTRIBUTE = "<html><body><article><h1>Contribute</h1><p>How to help.</p></article></body></html>"


def _edition(root: Path, glossary: str = GLOSSARY, contribute: str = CONTRIBUTE) -> Path:
    pages = {"index.html": PAGE, "w/01-a.html": PAGE, "glossary/terms.html": glossary}
    return _site(root, {**pages, "pages/contribute.html": contribute})


def test_definition_glossary_and_page_changes_are_counted(tmp_path: Path) -> None:
    base = _edition(tmp_path / "base")
    reworded = GLOSSARY.replace("The bond of", "The alliance of").replace("<li>one</li>", "<li>two</li>")
    added = reworded.replace("</article>", '<h2 id="kulak">kulak</h2><p>A rich peasant.</p></article>')
    head = _edition(tmp_path / "head", added, CONTRIBUTE.replace("help", "contribute"))
    report = review(base, head)
    assert "| terms | 3 | 1 (kulak) | 0 | 1 (smychka) |" in report  # mentions alone are no change
    assert "changed: 1 (pages/contribute.html)" in report


def test_a_missing_base_build_is_said_plainly_and_nothing_is_a_difference(tmp_path: Path) -> None:
    head = _edition(tmp_path / "head")
    report = review(tmp_path / "nothing", head)
    assert report.startswith("**The base build is missing**")
    assert "(+" not in report
    assert "| terms | 2 | – | – | – |" in report
