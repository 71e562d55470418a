"""Our post-build checks find what `mkdocs build --strict` lets through (fixture files, no build)."""

from __future__ import annotations

from pathlib import Path

from apparat.diagnostics import Code
from apparat.site.checks import check_site
from apparat.site.markdown_checks import check_markdown

FIXTURES = Path(__file__).parent / "fixtures"


def _messages(code: Code, problems: list) -> list[str]:  # type: ignore[type-arg]
    return [p.message for p in problems if p.code is code]


def test_links_and_anchors() -> None:
    problems = check_site(FIXTURES / "site", {"term:known"}, mount="/edition/")
    anchors = _messages(Code.SITE_ANCHOR, problems)
    assert len(anchors) == 1 and "'p99'" in anchors[0] and "page.html" in anchors[0]
    links = _messages(Code.SITE_LINK, problems)
    assert len(links) == 1 and "nowhere.html" in links[0]


def test_footnotes_undefined_and_unused() -> None:
    problems = _messages(Code.SITE_FOOTNOTE, check_site(FIXTURES / "site", None))
    assert any("[^7]" in m for m in problems)
    assert any("fn:2" in m and "unused" in m for m in problems)
    assert not any("fn:1" in m for m in problems)


def test_duplicate_and_undefined_footnotes_in_markdown() -> None:
    problems = check_markdown([FIXTURES / "duplicate-note.md"], FIXTURES)
    assert [(p.path, p.line) for p in problems if "second" in p.message] == [("duplicate-note.md", 7)]
    assert any("[^3]" in p.message and "none" in p.message for p in problems)
    assert all(p.code is Code.SITE_FOOTNOTE for p in problems)


def test_unresolved_tooltip_keys() -> None:
    problems = _messages(Code.SITE_TIP, check_site(FIXTURES / "site", {"term:known"}))
    assert problems == ["expected a tooltip for data-ap 'term:unknown' (1×), found none"]


def test_requests_to_other_hosts() -> None:
    problems = check_site(FIXTURES / "site", None)
    external = [(p.path, p.message) for p in problems if p.code is Code.SITE_EXTERNAL]
    assert ("index.html", "expected a local asset, found <script> https://cdn.example.org/lib.js") in external
    assert any("outside the content: https://example.org/outside" in m for _, m in external)
    assert not any('https://example.org/"' in m or m.endswith("https://example.org/") for _, m in external)
    assert any(m.startswith("a CSS url()") and path == "index.html" for path, m in external)
    assert ("assets/site.css", "a CSS url() on another host") in external


def test_canonical_address_is_not_a_request() -> None:
    external = _messages(Code.SITE_EXTERNAL, check_site(FIXTURES / "site", None))
    assert not any("canonical" in m or "example.org/edition" in m for m in external)


def test_root_relative_links_follow_the_published_path() -> None:
    def broken(mount: str) -> list[str]:
        problems = check_site(FIXTURES / "site", None, mount=mount)
        return [p.message for p in problems if p.path == "404.html"]

    assert broken("/edition/") == []
    assert any("/edition/page.html" in m for m in broken("/"))


def test_markdown_footnotes_unused_and_code_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text[^1] and `[^2]` in code.\n\n```\n[^5]: a fence is not a note\n```\n\n[^1]: One.\n\n[^4]: Nobody calls me.\n",
        encoding="utf-8",
    )
    problems = [(p.line, p.message) for p in check_markdown([page], tmp_path)]
    assert problems == [(9, "expected a reference to footnote [^4], found none (unused)")]


def test_notes_written_as_html_called_listed_and_unused(tmp_path: Path) -> None:
    from apparat.model import Note, NoteStatus
    from apparat.render import notes

    def item(n: int) -> str:
        return notes.item_html(Note(n, NoteStatus.PRESENT, "Ours.", None, None), "Ours.", 1)

    page = tmp_path / "chapter.md"
    page.write_text(
        f"Text{notes.reference_html(1)} and{notes.reference_html(3)}.\n\n"
        + "\n".join([item(1), item(1), item(2)])
        + '\n<li id="fn:9" value="9" data-uncalled><p>A fragment no marker calls.</p></li>\n',
        encoding="utf-8",
    )
    problems = [(p.line, p.message) for p in check_markdown([page], tmp_path)]
    assert problems == [
        (1, "expected note fn:3 in the notes list, found none"),
        (4, "expected one note fn:1, found a second (first at line 3)"),
        (5, "expected a reference to note fn:2, found none (unused)"),
    ]
