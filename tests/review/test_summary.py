"""The pull-request summary counts features in built pages and reports differences per work."""

from __future__ import annotations

from pathlib import Path

from apparat.cli import main
from apparat.review.summary import compare, count_site

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
