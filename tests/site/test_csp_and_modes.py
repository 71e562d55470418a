"""The built pages carry the strict Content-Security-Policy and need nothing it forbids; published files are
0644 whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from apparat.site import csp
from apparat.staging import write_atomic

POLICY = (
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'\">"
)


def test_every_built_page_has_the_strict_policy(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        policy = csp.policy(tree)
        assert policy is not None, page
        assert policy["script-src"] == ["'self'"], page
        assert csp.check_page(page.name, tree) == [], page


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<script>alert(1)</script>", "inline script"),
        ("<img src=x onerror=alert(1)>", "event handler"),
        ('<a href=" java&#09;script:alert(1)">x</a>', "script address"),
        ('<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', "script address"),
    ],
)
def test_the_policy_check_finds_what_the_policy_would_block(body: str, found: str) -> None:
    problems = csp.check_page(
        "x.html", LexborHTMLParser(f"<html><head>{POLICY}</head><body>{body}</body></html>")
    )
    assert [p for p in problems if found in p.message], problems


@pytest.mark.parametrize(
    "head",
    ["", "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'unsafe-inline'\">"],
)
def test_a_missing_or_lax_policy_is_an_error(head: str) -> None:
    problems = csp.check_page("x.html", LexborHTMLParser(f"<html><head>{head}</head><body></body></html>"))
    assert problems and all(p.code.value == "site.script" for p in problems)


def test_the_json_data_blocks_are_allowed() -> None:
    html = (
        f'<html><head>{POLICY}</head><body><script type="application/json" id="d">{{}}</script></body></html>'
    )
    assert csp.check_page("x.html", LexborHTMLParser(html)) == []


def test_published_files_are_0644(sample_site: Path) -> None:
    odd = [
        (p.relative_to(sample_site).as_posix(), oct(stat.S_IMODE(p.stat().st_mode)))
        for p in sample_site.rglob("*")
        if stat.S_IMODE(p.stat().st_mode) != (0o755 if p.is_dir() else 0o644)
    ]
    assert odd == []


def test_exported_files_are_0644_even_under_a_private_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomic(tmp_path / "model.json", "{}\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "model.json").stat().st_mode) == 0o644
