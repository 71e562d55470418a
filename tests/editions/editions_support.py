"""Helpers of the edition tests (a module of its own: conftest modules are not importable by name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apparat.editions.annotated import Annotated
from apparat.editions.apparatus import Apparatus
from apparat.editions.make import FORMATS

SAMPLE_WORKS = ["sample-book", "sample-article"]
EPOCH = "1700000000"


def make(
    apparatus_and_works: tuple[Apparatus, dict[str, Annotated]], name: str, work_id: str, folder: Path
) -> Path:
    apparatus, works = apparatus_and_works
    item = works[work_id]
    path = folder / f"{work_id}{FORMATS[name].suffix}"
    path.write_bytes(FORMATS[name].write(item.work, item.document, apparatus, None))
    return path


def expected_pages(expected: dict[str, Any], work: str) -> list[int]:
    return [page["number"] for page in expected[work]["pages"]]


def expected_notes(expected: dict[str, Any], work: str) -> list[dict[str, Any]]:
    return [note for section in expected[work]["sections"] for note in section["notes"]]
