"""Shared fixtures: the real sources (skipped when absent) and converted documents, converted once."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from apparat.model import Document
from apparat.pipeline import convert_file
from apparat.works import DEFAULT_SOURCES, SAMPLES

TESTS = Path(__file__).parent


def real_sources() -> Path | None:
    chosen = os.environ.get("APPARAT_SOURCES")
    path = Path(chosen) if chosen else DEFAULT_SOURCES
    return path if (path / "trotsky-bureaucracy.txt").is_file() else None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files (tests/**/golden/) from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


Golden = Callable[[Path, str], None]


@pytest.fixture(scope="session")
def golden(update_golden: bool) -> Golden:
    """Compare a whole output with its golden file (a readable diff on failure); --update-golden rewrites it."""

    def compare(path: Path, text: str) -> None:
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"{path}: no golden file yet (run pytest --update-golden)"
        expected = path.read_text(encoding="utf-8")
        if expected != text:
            diff = difflib.unified_diff(
                expected.splitlines(), text.splitlines(), str(path), "now", lineterm="", n=2
            )
            pytest.fail(
                "\n".join(list(diff)[:80]) + "\n(intended? pytest --update-golden, then read the diff)"
            )

    return compare


@pytest.fixture(scope="session")
def sources() -> Path:
    path = real_sources()
    if path is None:
        pytest.skip("the real sources are not present (set APPARAT_SOURCES or put them in ../shared/sources)")
    return path


@pytest.fixture(scope="session")
def book(sources: Path) -> Document:
    document, reporter = convert_file(sources / "trotsky-bureaucracy.txt", "book", "trotsky-bureaucracy")
    assert not reporter.failed, [str(d) for d in reporter.items]
    return document


@pytest.fixture(scope="session")
def article(sources: Path) -> Document:
    document, reporter = convert_file(sources / "gramsci-bukharin.txt", "article", "gramsci-bukharin")
    assert not reporter.failed, [str(d) for d in reporter.items]
    return document


@pytest.fixture(scope="session")
def samples() -> Path:
    if not (SAMPLES / "sample-book.txt").is_file():
        pytest.skip("samples/ not written yet")
    return SAMPLES
