"""Golden files of the generated pages of the sample edition (`pytest --update-golden` rewrites them; review
the diff before committing). Pages whose text depends on the annotation layers (the about page counts
annotations) are left out, so that a glossary change does not churn these files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from apparat.site.build import BuildResult
from apparat.site.layout import Layout

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["index.md", "sample-book/index.md", "edition/report.md", "build/mkdocs.yml"]


@pytest.mark.parametrize("name", PAGES)
def test_generated_page(
    sample_build: tuple[Layout, BuildResult], golden: Callable[[Path, str], None], name: str
) -> None:
    layout = sample_build[0]
    root = layout.content.parent
    path = root / name if name.startswith("build/") else layout.content / name
    text = path.read_text(encoding="utf-8").replace(str(root.resolve()), "<root>")
    text = text.replace(str(Path(__file__).parents[2].resolve()), "<project>")
    text = re.sub(r"(?m)^INHERIT: .*$", "INHERIT: <relative path of the top mkdocs.yml>", text)
    golden(GOLDEN / name.replace("/", "--"), text)
