"""The full edition from the real sources: all four works, built and checked, with the figures reported
(time, page weight, search index). Skipped without the sources."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from apparat.site.build import build_site
from apparat.site.layout import Layout
from apparat.site.measure import chapter_weights, index_weight

pytestmark = pytest.mark.real


def layers_for_tests() -> list[str] | None:
    chosen = os.environ.get("APPARAT_TEST_LAYERS")
    return None if chosen is None else [n for n in chosen.split(",") if n]


def test_full_build_of_both_editions(sources: Path, tmp_path: Path) -> None:
    layout = Layout.under(tmp_path)
    started = time.perf_counter()
    result = build_site(layout, sources, layer_names=layers_for_tests())
    seconds = time.perf_counter() - started
    errors = [str(d) for d in result.diagnostics if d.severity == "error"]
    assert not result.failed, errors[:20]
    assert {e.work.id for e in result.editions} == {
        "sample-book",
        "sample-article",
        "trotsky-bureaucracy",
        "gramsci-bukharin",
    }
    weights = chapter_weights(layout.site)
    template = sum(w.total - w.content for w in weights) / sum(w.total for w in weights)
    index = index_weight(layout.site)
    print(
        f"\nfull build: {seconds:.2f} s ("
        + ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items())
        + f"); {len(weights)} chapter pages, template share {template:.1%} of all chapter bytes, median "
        f"{statistics.median(w.template_share for w in weights):.1%}, largest "
        f"{max(w.template_share for w in weights):.1%}; search index {index.index:,} bytes for "
        f"{index.text:,} bytes of text ({index.ratio:.2f}×); rendered fidelity: 0 differences in {result.fidelity}"
    )
    assert result.fidelity  # every build compares its pages with the models (a difference fails it)
    assert template <= 0.40
    assert index.ratio <= 1.20
