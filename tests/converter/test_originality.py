"""No third-party text in the repository: none of our samples, fixtures, goldens or docs shares a run of
eight words with the real sources (read at run time; skipped without them).

Names and titles are facts and may coincide; ALLOWED lists the ones our texts use.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apparat.works import PROJECT

pytestmark = pytest.mark.real

RUN = 8
ALLOWED = (
    "supreme council of the national economy",  # an institution's name
    "selections from the prison notebooks",  # a book's title
)
CHECKED = ("samples", "tests/converter", "docs")
SUFFIXES = {".txt", ".md", ".yml", ".json", ".py"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text.lower().replace("-\n", ""))


def _runs(text: str) -> set[str]:
    words = _words(text)
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_run_of_eight_words_from_the_sources(sources: Path) -> None:
    real: set[str] = set()
    for name in ("trotsky-bureaucracy.txt", "gramsci-bukharin.txt"):
        real |= _runs((sources / name).read_text(encoding="utf-8"))
    shared = {}
    for folder in CHECKED:
        for path in sorted((PROJECT / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            found = {
                run
                for run in _runs(path.read_text(encoding="utf-8")) & real
                if not any(a in run for a in ALLOWED)
            }
            if found:
                shared[str(path.relative_to(PROJECT))] = sorted(found)[:5]
    assert not shared, shared
