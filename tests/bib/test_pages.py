"""The samples' bibliography pages, downloads and tips; golden files in tests/bib/golden/.

When a change to the styles or the page layout is intended: `pytest tests/bib --update-golden`, read the
diff, commit it with the change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from apparat.bib import audit, publish
from apparat.diagnostics import Reporter
from apparat.edition import Edition
from apparat.pipeline import convert_file
from apparat.render.markdown import write_chapters
from apparat.works import PROJECT, SAMPLES, load_works

GOLDEN = Path(__file__).parent / "golden"
SAMPLES_PROFILES = {"sample-book": "book", "sample-article": "article"}


def _edition(name: str, content: Path) -> Edition:
    work = next(w for w in load_works() if w.id == name)
    document, _ = convert_file(SAMPLES / f"{name}.txt", SAMPLES_PROFILES[name], name)
    bibliography = publish.load(PROJECT / "bibliography.bib", Reporter("bibliography.bib"))
    document.annotations.extend(publish.annotate(document, work, bibliography))
    return Edition(work, document, write_chapters(document, work, content))


@pytest.fixture(scope="module")
def bibliography() -> publish.Bibliography:
    reporter = Reporter("bibliography.bib")
    loaded = publish.load(PROJECT / "bibliography.bib", reporter)
    assert not reporter.items, [str(d) for d in reporter.items]
    return loaded


@pytest.mark.parametrize("name", list(SAMPLES_PROFILES))
def test_pages_golden(
    name: str, samples: Path, tmp_path: Path, golden: Callable[[Path, str], None], bibliography
) -> None:  # type: ignore[no-untyped-def]
    edition = _edition(name, tmp_path)
    written = publish.write_pages(bibliography, [edition], tmp_path)
    assert sorted(p.name for p in written) == sorted(
        ["bibliography.md", "bibliography-status.md", f"{name}.bib", f"{name}.json", f"{name}.ris"]
    )
    for page in ("bibliography.md", "bibliography-status.md"):
        golden(GOLDEN / name / page, (tmp_path / name / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(SAMPLES_PROFILES))
def test_every_sample_citation_is_linked(name: str, samples: Path, tmp_path: Path, bibliography) -> None:  # type: ignore[no-untyped-def]
    edition = _edition(name, tmp_path)
    cites = [a for a in edition.document.annotations if a.kind == "cite"]
    assert len(cites) >= 10
    assert audit.unlinked(edition.document) == []
    page = publish.write_pages(bibliography, [edition], tmp_path)[0].read_text(encoding="utf-8")
    for key in {a.key for a in cites}:
        assert f'id="{key}"' in page
    chapter = edition.chapters[0].path.read_text(encoding="utf-8")
    assert 'class="ap-cite" href="bibliography.html#' in chapter


def test_downloads_are_valid(samples: Path, tmp_path: Path, bibliography) -> None:  # type: ignore[no-untyped-def]
    edition = _edition("sample-article", tmp_path)
    publish.write_pages(bibliography, [edition], tmp_path)
    folder = tmp_path / "sample-article"
    items = json.loads((folder / "sample-article.json").read_text(encoding="utf-8"))
    anderson = next(i for i in items if i["id"] == "Anderson1976Antinomies")
    assert anderson["type"] == "article-journal" and anderson["container-title"] == "New Left Review"
    assert anderson["author"] == [{"family": "Anderson", "given": "Perry"}]
    ris = (folder / "sample-article.ris").read_text(encoding="utf-8")
    assert ris.count("TY  - ") == ris.count("ER  - ") == len(items)
    reporter = Reporter("x")
    again = publish.load(folder / "sample-article.bib", reporter)
    assert not reporter.items and set(again.entries) == {i["id"] for i in items}


def test_tips_are_escaped_html(bibliography) -> None:  # type: ignore[no-untyped-def]
    tips = publish.tips(bibliography)
    assert set(tips) == {f"cite:{k}" for k in bibliography.entries}
    assert tips["cite:Trotsky1937"].startswith("Trotsky, Leon. 1937. <i>The Revolution Betrayed")
    assert "Survey</i> 18, no. 3 (1972): 91–137." in tips["cite:Draper1972Strange"]
    assert all("<script" not in html for html in tips.values())
