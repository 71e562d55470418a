"""`apparat convert --jobs N` with its cache: the second run reconverts nothing and writes the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.cli import main
from apparat.works import SAMPLES


def run_convert(tmp_path: Path, name: str, *extra: str) -> dict[str, bytes]:
    out = tmp_path / name
    status = main(
        [
            "convert",
            "--work", "sample-book",
            "--work", "sample-article",
            "--content", str(out / "content"),
            "--models", str(out / "models"),
            *extra,
        ]
    )  # fmt: skip
    assert status == 0
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_parallel_cached_and_plain_conversions_write_the_same_files(tmp_path: Path) -> None:
    if not (SAMPLES / "sample-book.txt").is_file():
        pytest.skip("samples/ not written yet")
    cache = tmp_path / "cache"
    plain = run_convert(tmp_path, "plain", "--no-cache")
    filled = run_convert(tmp_path, "filled", "--jobs", "2", "--cache", str(cache))
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 2
    stamps = [p.stat().st_mtime_ns for p in entries]
    again = run_convert(tmp_path, "again", "--jobs", "2", "--cache", str(cache))
    assert [p.stat().st_mtime_ns for p in entries] == stamps, "a hit must not rewrite its entry"
    assert plain == filled == again
    assert any(name.endswith(".md") for name in plain) and any(name.endswith(".json") for name in plain)
