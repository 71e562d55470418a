"""The benchmark script runs in its quick (CI-sized) mode and reports every figure it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "benchmark.py"


def test_quick_benchmark_reports_throughput_memory_and_cache(tmp_path: Path) -> None:
    figures_path = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--json", str(figures_path), "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "MB/s" in done.stdout and "peak RSS" in done.stdout
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    names = [row["name"] for row in figures["rows"]]
    assert "synthetic 20x book, one file" in names
    assert sum(1 for name in names if name.startswith("corpus of")) >= 5
    for row in figures["rows"]:
        assert row["seconds"] > 0 and row["megabytes"] > 0 and row["peak_rss_mb"] > 0, row
    cache = figures["cache"]
    assert cache["reconverted"] == 1  # only the changed work; its time is printed, not asserted under load
    assert cache["rebuild_seconds"] > 0 and cache["full_seconds"] > 0
    editions = figures["editions"]
    assert [line.split(":")[0] for line in editions] == ["EPUB sample-article", "PDF sample-article"], (
        editions
    )
    assert "tagged yes" in editions[1]
