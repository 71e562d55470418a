"""The rendered-fidelity check (site/fidelity.py): the built pages against the exported models.

The sample edition passes it; a number broken on purpose (in the renderer, or in the built HTML) fails the
build or the check at the page and anchor. The real works are checked in test_real_site.py (every build
runs the check)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from apparat.render import notes
from apparat.site.build import BuildResult, build_site
from apparat.site.fidelity import check_fidelity, load_models
from apparat.site.layout import Layout


def test_the_sample_edition_agrees_with_its_models(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    fidelity = check_fidelity(layout.site, load_models(layout.models))
    assert fidelity.diagnostics == []
    figures = fidelity.figures
    assert figures.references == figures.notes == 40  # 22 in the book, 18 in the article
    assert figures.blocks > 30 and figures.back_links == 40 and figures.note_links > 0
    assert result.fidelity == str(figures)


def test_a_wrong_number_in_the_renderer_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = notes.reference_html

    def off_by_one(n: int, occurrence: int = 1) -> str:
        html = shown(n, occurrence)
        return html.replace(f">{n}</a>", f">{n + 1}</a>") if n == 3 else html

    monkeypatch.setattr(notes, "reference_html", off_by_one)
    layout = Layout.under(tmp_path)
    result = build_site(layout, None, ["sample-book"], layer_names=[])
    assert result.failed
    wrong = [str(d) for d in result.diagnostics if d.code.value == "site.fidelity"]
    assert any(
        "sample-book/01-introduction.html#fnref:3" in d and "printed number 3, found '4'" in d for d in wrong
    ), wrong
    assert not layout.site.exists()  # nothing published


def _broken_copy(site: Path, tmp_path: Path, page: str, old: str, new: str) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    path = copy / page
    html = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, html, count=1)
    assert changed != html, f"{old!r} not found in {page}"
    path.write_text(changed, encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("page", "old", "new", "expected"),
    [
        # the notes list numbers note 2 as 3
        ("sample-book/01-introduction.html", r'value="2"', 'value="3"', "lead to note 2 of the notes list"),
        # a missing-note notice names another note
        ("sample-book/01-introduction.html", r"of note 2 is", "of note 7 is", "to name no other number, found [7]"),
        # the bibliography's "Cited in … n. 1" names note 1 but links to note 3
        ("sample-book/bibliography.html", r'(01-introduction\.html#fn:)1(">n\.&nbsp;1<)', r"\g<1>3\2", "n. 1"),
        # a return link named after another note
        ("sample-book/01-introduction.html", r'title="Back to the text at note 1"', 'title="Back to note 4"',
         "return link of note 1"),
        # words in a paragraph that the model does not have
        ("sample-book/01-introduction.html", r'(<p id="intro-l3">)', r"\1Hidden words? No: shown words. ",
         "#intro-l3: error: expected the visible text"),
    ],
)  # fmt: skip
def test_a_broken_page_fails_the_check(
    sample_build: tuple[Layout, BuildResult], tmp_path: Path, page: str, old: str, new: str, expected: str
) -> None:
    layout = sample_build[0]
    site = _broken_copy(layout.site, tmp_path, page, old, new)
    problems = [str(d) for d in check_fidelity(site, load_models(layout.models)).diagnostics]
    assert any(expected in p for p in problems), problems


def test_hidden_text_is_not_what_the_reader_sees(
    sample_build: tuple[Layout, BuildResult], tmp_path: Path
) -> None:
    layout = sample_build[0]
    site = _broken_copy(
        layout.site, tmp_path, "sample-book/01-introduction.html", r'(<p id="intro-l3">)',
        r'\1<span hidden>hidden words</span><span style="display: none">more</span>',
    )  # fmt: skip
    assert check_fidelity(site, load_models(layout.models)).diagnostics == []
