"""Hostile editorial data, manifest, corrections, redirects and files under content/: each is rejected at its
`path:line` with a code (`apparat.data.*`)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_cases import (
    BAD_ANCHOR_LISTS,
    BAD_CONTENT_FILES,
    BAD_CORRECTIONS,
    BAD_DATA,
    BAD_MANIFEST,
    BAD_NOT_TERMS,
    BAD_REDIRECTS,
    FRONT_MATTER,
    NOT_UTF8,
    count,
    original_count,
)

from apparat import corrections
from apparat.cli import main
from apparat.diagnostics import ApparatError, Reporter
from apparat.glossary.publish import load
from apparat.review.anchors import ListError, read_list, read_redirects
from apparat.site.contributed import check_content
from apparat.untrusted import page_problems
from apparat.works import load_works, project, use_project

TOPS = {"terms": "terms", "factions": "factions", "persons": "persons"}


def _load(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name in ("terms", "factions", "persons"):
        (tmp_path / f"{name}.yml").write_text(files.get(name, f"{name}: []\n"), encoding="utf-8")
    if "not-terms" in files:
        (tmp_path / "not-terms.yml").write_text(files["not-terms"], encoding="utf-8")
    reporter = Reporter("glossary")
    load(tmp_path, reporter)
    return [str(d) for d in reporter.items]


def test_the_suite_keeps_its_45_original_cases_and_reaches_70() -> None:
    assert original_count() == 45
    assert count() >= 70


@pytest.mark.parametrize("name", sorted(BAD_DATA))
def test_hostile_data_is_rejected_at_its_line(tmp_path: Path, name: str) -> None:
    file, entries, line, code = BAD_DATA[name]
    errors = _load(tmp_path, {file: f"{file}:\n{entries}"})
    expected = f"{tmp_path / (file + '.yml')}:{line}: error: "
    assert any(e.startswith(expected) and e.endswith(f"[apparat.{code}]") for e in errors), errors


def test_a_misspelt_key_is_named_with_its_correction(tmp_path: Path) -> None:
    _, entries, _, _ = BAD_DATA["misspelt optional key (froms)"]
    errors = _load(tmp_path, {"persons": f"persons:\n{entries}"})
    assert errors == [
        f"{tmp_path / 'persons.yml'}:3: error: unknown key 'froms' (did you mean 'forms'?) [apparat.data.unknown-key]"
    ]


def test_the_misspelt_forms_of_a_real_entry_are_reported_at_their_line(tmp_path: Path) -> None:
    """The issue's case: Trotsky's `forms:` renamed `froms:` used to remove every link to him silently."""
    data = project() / "content" / "data"
    for name in ("terms", "factions", "persons", "not-terms"):
        shutil.copy(data / f"{name}.yml", tmp_path / f"{name}.yml")
    persons = tmp_path / "persons.yml"
    lines = persons.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("    forms: [Trotsky"))
    lines[number] = lines[number].replace("forms:", "froms:")
    persons.write_text("".join(lines), encoding="utf-8")
    reporter = Reporter("glossary")
    load(tmp_path, reporter)
    shown = [str(d) for d in reporter.items]
    assert (
        f"{persons}:{number + 1}: error: unknown key 'froms' (did you mean 'forms'?) [apparat.data.unknown-key]"
        in shown
    )


@pytest.mark.parametrize("name", sorted(BAD_NOT_TERMS))
def test_hostile_not_terms(tmp_path: Path, name: str) -> None:
    text, line, code = BAD_NOT_TERMS[name]
    errors = _load(tmp_path, {"not-terms": text})
    assert any(f"not-terms.yml:{line}: error: " in e and e.endswith(f"[apparat.{code}]") for e in errors), (
        errors
    )


@pytest.mark.parametrize("name", sorted(BAD_MANIFEST))
def test_hostile_manifest(tmp_path: Path, name: str) -> None:
    entry = {
        "id": "sample-book",
        "title": "T",
        "author": "A",
        "source": "sample-book.txt",
        "profile": "book",
        "sample": "true",
    }
    key, _, value = BAD_MANIFEST[name].partition(": ")
    entry[key] = value
    lines = ["works:"] + [
        ("  - " if i == 0 else "    ") + f"{k}: {v}" for i, (k, v) in enumerate(entry.items())
    ]
    path = tmp_path / "works.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ApparatError) as caught:
        load_works(path)
    line = next(i for i, text in enumerate(lines, 1) if text.strip(" -").startswith(f"{key}:"))
    assert str(caught.value).startswith(f"{path}:{line}: error: ")
    assert "[apparat.data." in str(caught.value)


@pytest.mark.parametrize("name", sorted(BAD_CORRECTIONS))
def test_hostile_corrections(tmp_path: Path, name: str) -> None:
    text, line = BAD_CORRECTIONS[name]
    path = tmp_path / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ApparatError) as caught:
        corrections.load(path)
    shown = str(caught.value)
    assert shown.startswith(f"{path}:{line}: error: ") and shown.endswith("]"), shown


@pytest.mark.parametrize("name", sorted(BAD_REDIRECTS))
def test_hostile_redirects(tmp_path: Path, name: str) -> None:
    path = tmp_path / "redirects.yml"
    path.write_text(BAD_REDIRECTS[name], encoding="utf-8")
    with pytest.raises(ValueError, match=r"redirects.yml:3: error: .*\[apparat.data.schema\]"):
        read_redirects(path)


@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_hostile_front_matter(name: str) -> None:
    problems = page_problems(FRONT_MATTER[name])
    assert [p.line for p in problems] and all(p.line in (2, 3) for p in problems), problems


@pytest.mark.parametrize("name", sorted(BAD_CONTENT_FILES))
def test_hostile_files_under_content(tmp_path: Path, name: str) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "about.md").write_text("# About\n\nFine.\n", encoding="utf-8")
    relative, text = BAD_CONTENT_FILES[name]
    (content / relative).parent.mkdir(parents=True, exist_ok=True)
    (content / relative).write_text(text, encoding="utf-8")
    problems = check_content(content)
    assert len(problems) == 1, problems
    assert problems[0].path.endswith(relative) and problems[0].line is not None and problems[0].line >= 1
    assert problems[0].code.value in ("data.html-file", "data.unsafe-page")


def test_the_project_content_is_clean() -> None:
    assert [str(d) for d in check_content(project() / "content")] == []


@pytest.fixture
def edition(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's editorial files, for `apparat --project` (the choice is undone afterwards)."""
    for part in (
        "works.yml",
        "mkdocs.yml",
        "bibliography.bib",
        "content/data",
        "content/pages",
        "content/assets",
    ):
        source = project() / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part)
        else:
            (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / part)
    yield tmp_path
    use_project(None)


def test_apparat_check_refuses_the_stored_xss_and_the_raw_html_page(
    edition: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's first and third findings, end to end through the command line."""
    terms = edition / "content" / "data" / "terms.yml"
    text = terms.read_text(encoding="utf-8")
    text = text.replace(
        "  - lemma: biurokratiia\n",
        "  - lemma: biurokratiia\n    id: x onfocus=alert(1) autofocus tabindex=0\n",
        1,
    )
    terms.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    id: x onfocus=alert(1) autofocus tabindex=0") + 1
    (edition / "content" / "pages" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert main(["--project", str(edition), "check"]) == 1
    errors = capsys.readouterr().err
    assert f"content/data/terms.yml:{line}: error: expected an identifier" in errors
    assert "[apparat.data.schema]" in errors
    assert "content/pages/x.html:1: error: " in errors and "[apparat.data.html-file]" in errors


def test_a_front_matter_key_the_site_ignores_is_refused() -> None:
    """`search: {exclude: true}` was Material's search plugin's; our index does not read it, so a page must
    not look excluded when it is not."""
    problems = page_problems("---\ntitle: Fine\nsearch:\n  exclude: true\n---\n\n# Page\n")
    assert [p.line for p in problems] == [3], problems


@pytest.mark.parametrize("name", sorted(NOT_UTF8))
def test_a_file_that_is_not_utf8_is_an_error_at_its_line(
    edition: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`apparat check` ended in a UnicodeDecodeError traceback."""
    data, line = NOT_UTF8[name]
    (edition / name).write_bytes(data)
    assert main(["--project", str(edition), "check"]) == 1
    errors = capsys.readouterr().err
    assert f"{name}:{line}: error: expected UTF-8 text, found the byte 0x" in errors, errors


@pytest.mark.parametrize("name", sorted(BAD_ANCHOR_LISTS))
def test_hostile_published_anchor_lines(tmp_path: Path, name: str) -> None:
    text, line = BAD_ANCHOR_LISTS[name]
    path = tmp_path / "published-anchors.txt"
    path.write_text("# Anchors\nw/a.html\n" + text, encoding="utf-8")
    with pytest.raises(ListError) as caught:
        read_list(path)
    shown = str(caught.value)
    assert shown.startswith(f"{path}:{line}: error: ") and "[apparat.data." in shown, shown
    assert "\x1b" not in shown  # shown escaped, not sent to the terminal
    assert shown.count(str(path)) == 1


def test_apparat_check_reads_the_redirects(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the build read redirects.yml: a malformed one passed `apparat check`."""
    (edition / "content" / "data" / "redirects.yml").write_text(
        BAD_REDIRECTS["javascript: redirect target"], encoding="utf-8"
    )
    assert main(["--project", str(edition), "check"]) == 1
    assert "content/data/redirects.yml:3: error: " in capsys.readouterr().err


def test_apparat_check_reads_the_corrections(edition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the conversion read corrections.yml: an HTML tag in a replacement passed `apparat check`."""
    text, line = BAD_CORRECTIONS["unknown key in a correction"]
    (edition / "content" / "data" / "corrections.yml").write_text(text, encoding="utf-8")
    assert main(["--project", str(edition), "check"]) == 1
    assert f"content/data/corrections.yml:{line}: error: " in capsys.readouterr().err


def test_a_meta_refresh_in_a_built_page_fails_the_site_check() -> None:
    """Defence in depth: the built pages carry no <meta http-equiv> but the Content-Security-Policy."""
    from selectolax.lexbor import LexborHTMLParser

    from apparat.site.csp import check_page

    page = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
        '<meta name="description" content="0;url=https://evil.example/" http-equiv="refresh"></head></html>'
    )
    problems = [d.message for d in check_page("x.html", LexborHTMLParser(page))]
    assert problems == ["expected no <meta http-equiv> but the policy, found 'refresh'"]
