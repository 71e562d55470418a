"""The sample edition with the glossary layer only, built once per session (about 1 s), for the golden
pages and the search index."""

from __future__ import annotations

import pytest

from apparat.site.build import BuildResult, build_site
from apparat.site.layout import Layout


@pytest.fixture(scope="session")
def glossary_edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, BuildResult]:
    layout = Layout.under(tmp_path_factory.mktemp("glossary-edition"))
    # The glossary layer alone: the golden pages must not move when the bibliography layer changes.
    result = build_site(layout, None, ["sample-book", "sample-article"], layer_names=["glossary"])
    assert not result.failed, [str(d) for d in result.diagnostics if d.severity == "error"]
    return layout, result
