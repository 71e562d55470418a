"""The sample edition, built once per session into a temporary folder (about 2 s)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apparat.site.build import BuildResult, build_site
from apparat.site.layout import Layout

SAMPLE_WORKS = ["sample-book", "sample-article"]


def layers_for_tests() -> list[str] | None:
    """All layers, unless APPARAT_TEST_LAYERS names some (e.g. '' while a layer is being rewritten)."""
    chosen = os.environ.get("APPARAT_TEST_LAYERS")
    return None if chosen is None else [n for n in chosen.split(",") if n]


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Layout, BuildResult]:
    layout = Layout.under(tmp_path_factory.mktemp("sample-edition"))
    messages: list[str] = []
    result = build_site(layout, None, SAMPLE_WORKS, say=messages.append, layer_names=layers_for_tests())
    assert not result.failed, "\n".join(
        messages + [str(d) for d in result.diagnostics if d.severity == "error"]
    )
    return layout, result


@pytest.fixture(scope="session")
def sample_site(sample_build: tuple[Layout, BuildResult]) -> Path:
    return sample_build[0].site
