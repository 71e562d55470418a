"""The sample works' EPUB and PDF, made once per session, and what the sample typesetter says they hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from editions_support import EPOCH, SAMPLE_WORKS, make

from apparat.editions.annotated import Annotated, annotated_works, apparatus_of
from apparat.editions.apparatus import Apparatus
from apparat.site.layers import load_layers
from apparat.site.layout import Layout
from apparat.works import SAMPLES


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    """samples/expected.yml: what was set where, written by samples/typeset.py (not by the converter)."""
    data: dict[str, Any] = yaml.safe_load((SAMPLES / "expected.yml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def editions_layout(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    return Layout.under(tmp_path_factory.mktemp("editions"))


@pytest.fixture(scope="session")
def apparatus_and_works(editions_layout: Layout) -> tuple[Apparatus, dict[str, Annotated]]:
    layers, failed = load_layers(editions_layout, lambda _m: None)
    assert not failed
    works = annotated_works(editions_layout, layers, None, SAMPLE_WORKS, False, lambda _m: None)
    return apparatus_of(layers), {item.work.id: item for item in works}


@pytest.fixture(scope="session")
def sample_epubs(
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("epub")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return {work: make(apparatus_and_works, "epub", work, folder) for work in SAMPLE_WORKS}


@pytest.fixture(scope="session")
def sample_pdfs(
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return {work: make(apparatus_and_works, "pdf", work, folder) for work in SAMPLE_WORKS}
