"""Hostile or broken contributions are rejected with a line number, or escaped; never published as they came."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apparat.untrusted import (
    MAX_BYTES,
    LinedDict,
    UntrustedError,
    definition_problems,
    field_problems,
    load_yaml,
    load_yaml_text,
    page_problems,
    render_definition,
)

# --- YAML -----------------------------------------------------------------------------------------------------

BAD_YAML = {
    "alias bomb": "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "anchor alone": "entry: &e {lemma: smychka}\n",
    "python object tag": "x: !!python/object/apply:os.system ['echo hi']\n",
    "python name tag": "x: !!python/name:os.system\n",
    "binary tag": "x: !!binary aGVsbG8=\n",
    "local tag": "x: !custom value\n",
    "set tag": "x: !!set {a, b}\n",
    "duplicate key": "lemma: smychka\ngloss: alliance\nlemma: biurokratiia\n",
    "non-text key": "1: one\n",
    "unclosed quote": 'lemma: "smychka\n',
    "bad indentation": "terms:\n  - lemma: a\n   gloss: b\n",
    "tab indentation": "terms:\n\t- lemma: a\n",
    "deep nesting": "x: " + "[" * 40 + "]" * 40 + "\n",
    "merge key with alias": "base: &b {gloss: x}\nentry:\n  <<: *b\n",
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_yaml_is_rejected_with_a_line(name: str) -> None:
    with pytest.raises(UntrustedError) as caught:
        load_yaml_text(BAD_YAML[name])
    assert caught.value.problem.line >= 1
    assert "expected" in str(caught.value)


def test_duplicate_key_points_at_the_second_key() -> None:
    with pytest.raises(UntrustedError) as caught:
        load_yaml_text(BAD_YAML["duplicate key"])
    assert caught.value.problem.line == 3


def test_huge_yaml_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    path.write_text("x: " + "a" * (MAX_BYTES + 1), encoding="utf-8")
    with pytest.raises(UntrustedError, match="at most"):
        load_yaml(path)


def test_non_utf8_yaml(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yml"
    path.write_bytes(b"lemma: kul\xe8turnost\n")
    with pytest.raises(UntrustedError, match="UTF-8"):
        load_yaml(path)


def test_plain_data_keeps_lines_and_dates_stay_text() -> None:
    data = load_yaml_text("terms:\n  - lemma: smychka\n    since: 1921-03-15\n\n  - lemma: nep\n")
    first, second = data["terms"]
    assert isinstance(first, LinedDict)
    assert (first.line, second.line) == (2, 5)
    assert first["since"] == "1921-03-15"


# --- definitions (Markdown subset) ---------------------------------------------------------------------------

BAD_DEFINITIONS = {
    "script element": "An alliance <script>alert(1)</script> of classes.",
    "html block": "<div onclick='x()'>text</div>",
    "img onerror": 'See <img src=x onerror="alert(1)">.',
    "javascript link": "See [the entry](javascript:alert(1)).",
    "javascript link, mixed case": "See [it](JaVaScRiPt:alert(1)).",
    "vbscript link": "See [it](vbscript:msgbox(1)).",
    "data link": "See [it](data:text/html;base64,PHNjcmlwdD4=).",
    "autolink javascript": "Go <javascript:alert(1)>.",
    "image": "![x](https://example.org/tracker.png)",
    "iframe": "<iframe src='https://example.org'></iframe>",
    "style element": "<style>body{display:none}</style>",
    "svg onload": "<svg onload=alert(1)>",
}


@pytest.mark.parametrize("name", sorted(BAD_DEFINITIONS))
def test_bad_definition_is_reported(name: str) -> None:
    problems = definition_problems(BAD_DEFINITIONS[name])
    assert problems, name
    assert all(p.line >= 1 for p in problems)


@pytest.mark.parametrize("name", sorted(BAD_DEFINITIONS))
def test_bad_definition_renders_harmless_anyway(name: str) -> None:
    html = render_definition(BAD_DEFINITIONS[name])
    tags = re.findall(r"<[^>]*>", html)
    for tag in tags:
        assert not re.match(r"<\s*(script|iframe|style|img|svg|object)", tag, re.IGNORECASE), (name, html)
        assert not re.search(r"\son[a-z]+\s*=", tag, re.IGNORECASE), (name, html)
        assert not re.search(r"(href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", tag, re.IGNORECASE), (
            name,
            html,
        )


def test_good_definition_passes_and_renders() -> None:
    text = "The *smychka* was the alliance of workers and peasants; see [NEP](https://en.wikipedia.org/wiki/NEP)."
    assert definition_problems(text) == []
    html = render_definition(text)
    assert "<em>smychka</em>" in html
    assert 'href="https://en.wikipedia.org/wiki/NEP"' in html
    assert "noopener" in html


# --- hand-written pages and plain fields -----------------------------------------------------------------------

BAD_PAGES = {
    "attr_list onclick": 'A paragraph.\n{: onclick="alert(1)" }\n',
    "attr_list onmouseover": "# Title { onmouseover=steal() }\n",
    "attr_list style": 'Text\n{: style="position:fixed;top:0" }\n',
    "md_in_html script": '<div markdown="1">\n<script src="https://evil.example/x.js"></script>\n</div>\n',
    "javascript href": '<a href="javascript:alert(1)">click</a>\n',
    "markdown javascript link": "[click](javascript:alert(document.cookie))\n",
    "encoded javascript": '<a href="&#x6A;avascript:alert(1)">x</a>\n',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">\n',
    "form": '<form action="https://evil.example"><input name=p></form>\n',
    "base element": '<base href="https://evil.example/">\n',
    "object": '<object data="x.swf"></object>\n',
    "data html link": "[x](data:text/html;base64,PHNjcmlwdD4=)\n",
}


@pytest.mark.parametrize("name", sorted(BAD_PAGES))
def test_bad_page_is_reported_with_its_line(name: str) -> None:
    text = "# About\n\nSome honest text.\n\n" + BAD_PAGES[name]
    problems = page_problems(text)
    assert problems, name
    assert problems[0].line >= 5


def test_honest_page_passes() -> None:
    text = "# About this edition\n\nThe data: pages, notes and terms.\n{ #method .lead }\n\n[Home](../index.md)\n"
    assert page_problems(text) == []


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "Title <img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "</title><svg/onload=x>",
    ],
)
def test_markup_in_a_bibtex_field_is_found(value: str) -> None:
    assert field_problems(value)


def test_plain_bibtex_field_passes() -> None:
    assert field_problems("A History of Soviet Russia, volume 4: The Interregnum, 1923–1924") == []
    assert field_problems("pp. 3 < 5") == []


def test_a_hostile_hand_written_page_fails_the_build_checks(tmp_path: Path) -> None:
    from apparat.site.contributed import check_pages

    (tmp_path / "about.md").write_text("# About\n\nFine.\n", encoding="utf-8")
    (tmp_path / "evil.md").write_text("# Evil\n\nClick me\n{: onclick=\"steal()\" }\n", encoding="utf-8")
    problems = check_pages(tmp_path)
    assert [(Path(p.path).name, p.line, p.code.value) for p in problems] == [("evil.md", 4, "data.unsafe-page")]


def test_the_project_pages_are_clean() -> None:
    from apparat.site.contributed import check_pages
    from apparat.works import PROJECT

    assert check_pages(PROJECT / "content" / "pages") == []
