"""Editorial corrections: applied to their source line before conversion, recorded, and strict about matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat import corrections
from apparat.diagnostics import ApparatError
from apparat.model import Correction
from apparat.source import SourceText


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """corrections:
  - work: w
    line: 2
    find: "Sovnarkorn"
    replace: "Sovnarkom"
    reason: "rn read as m"

  - work: other
    line: 1
    find: "teh"
    replace: "the"
    reason: "typo"
"""


def test_load_groups_by_work_and_keeps_the_origin(tmp_path: Path) -> None:
    loaded = corrections.load(_write(tmp_path, GOOD))
    assert sorted(loaded) == ["other", "w"]
    (first,) = loaded["w"]
    assert first.line == 2 and first.replace == "Sovnarkom"
    assert first.origin.endswith("corrections.yml:2")
    assert loaded["other"][0].origin.endswith(":8")


def test_missing_file_means_none(tmp_path: Path) -> None:
    assert corrections.load(tmp_path / "absent.yml") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("corrections:\n  - work: w\n    line: 2\n    find: x\n    reason: r\n", "the key 'replace'"),
        (
            "corrections:\n  - work: w\n    line: zero\n    find: x\n    replace: y\n    reason: r\n",
            "line number",
        ),
        (
            "corrections:\n  - work: w\n    line: 1\n    find: ''\n    replace: y\n    reason: r\n",
            "0 characters",
        ),
        (
            (
                "corrections:\n  - work: w\n    line: 1\n    find: x\n    replace: <script>alert(1)</script>\n"
                "    reason: r\n"
            ),
            "HTML tag",
        ),
        ("corrections:\n  - &a {work: w}\n", "anchor"),
        ("fixes: []\n", "unknown key 'fixes'"),
    ],
)
def test_malformed_corrections_are_errors_with_a_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ApparatError) as caught:
        corrections.load(_write(tmp_path, text))
    shown = str(caught.value)
    assert "corrections.yml:" in shown
    assert message in shown


def _source(*lines: str) -> SourceText:
    return SourceText("book.txt", list(lines), sum(len(line) + 1 for line in lines))


def _fix(line: int, find: str, replace: str) -> Correction:
    return Correction(line, find, replace, "test", "content/data/corrections.yml:7")


def test_apply_changes_only_its_line() -> None:
    source = _source("first line", "the Sovnarkorn met", "last")
    fixed = corrections.apply(source, [_fix(2, "Sovnarkorn", "Sovnarkom")])
    assert fixed.lines == ["first line", "the Sovnarkom met", "last"]
    assert source.lines[1] == "the Sovnarkorn met"  # the original is not modified


@pytest.mark.parametrize(
    ("fix", "found"),
    [
        (_fix(2, "absent", "x"), "nowhere"),
        (_fix(2, "e", "x"), "times"),
        (_fix(9, "x", "y"), "a source of 3 lines"),
    ],
)
def test_a_correction_that_does_not_match_is_an_error(fix: Correction, found: str) -> None:
    with pytest.raises(ApparatError) as caught:
        corrections.apply(_source("a", "the Sovnarkorn met", "b"), [fix])
    assert str(caught.value).startswith("content/data/corrections.yml:7:")
    assert found in str(caught.value)


def test_the_project_file_is_valid() -> None:
    corrections.load()
