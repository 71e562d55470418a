"""Hostile or broken contributions are rejected with a line number, or escaped; never published as they came."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_cases import BAD_DEFINITIONS, BAD_FIELDS, BAD_PAGES, BAD_TITLES, BAD_YAML

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


@pytest.mark.parametrize("name", sorted(BAD_PAGES))
def test_bad_page_is_reported_with_its_line(name: str) -> None:
    text = "# About\n\nSome honest text.\n\n" + BAD_PAGES[name]
    problems = page_problems(text)
    assert problems, name
    assert problems[0].line >= 5


@pytest.mark.parametrize("name", sorted(BAD_TITLES))
def test_markup_in_a_page_title_is_reported_at_line_1(name: str) -> None:
    problems = page_problems(BAD_TITLES[name])
    assert [p.line for p in problems if "page title" in p.expected] == [1], problems


def test_honest_page_passes() -> None:
    text = "# About this edition\n\nThe data: pages, notes and terms.\n{ #method .lead }\n\n[Home](../index.md)\n"
    assert page_problems(text) == []


@pytest.mark.parametrize("value", BAD_FIELDS)
def test_markup_in_a_bibtex_field_is_found(value: str) -> None:
    assert field_problems(value)


def test_plain_bibtex_field_passes() -> None:
    assert field_problems("A History of Soviet Russia, volume 4: The Interregnum, 1923–1924") == []
    assert field_problems("pp. 3 < 5") == []


def test_a_hostile_hand_written_page_fails_the_build_checks(tmp_path: Path) -> None:
    from apparat.site.contributed import check_pages

    (tmp_path / "about.md").write_text("# About\n\nFine.\n", encoding="utf-8")
    (tmp_path / "evil.md").write_text('# Evil\n\nClick me\n{: onclick="steal()" }\n', encoding="utf-8")
    problems = check_pages(tmp_path)
    assert [(Path(p.path).name, p.line, p.code.value) for p in problems] == [
        ("evil.md", 4, "data.unsafe-page")
    ]


def test_the_project_pages_are_clean() -> None:
    from apparat.site.contributed import check_pages
    from apparat.works import PROJECT

    assert check_pages(PROJECT / "content" / "pages") == []
