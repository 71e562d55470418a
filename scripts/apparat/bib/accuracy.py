"""Field-level accuracy of the article's reference parser against the hand-checked set.

Every (entry key, field, value) the parser gives is compared with the expected set: precision is the share
of parsed fields that are right, recall the share of expected fields found, F1 their harmonic mean. The
entry type counts as a field. Values are compared after folding spaces and dashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FIELDS = [
    "type",
    "author",
    "editor",
    "translator",
    "title",
    "booktitle",
    "journal",
    "volume",
    "number",
    "pages",
    "publisher",
    "address",
    "year",
    "edition",
]


@dataclass(frozen=True, slots=True)
class Score:
    true_positive: int
    parsed: int
    expected: int
    wrong: list[str]

    @property
    def precision(self) -> float:
        return self.true_positive / self.parsed if self.parsed else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("–", "-").replace("--", "-")).strip()


def triples(entries: dict[str, tuple[str, dict[str, str]]]) -> set[tuple[str, str, str]]:
    out = set()
    for key, (kind, fields) in entries.items():
        out.add((key, "type", kind))
        out |= {(key, name, _norm(value)) for name, value in fields.items() if name in FIELDS}
    return out


def load_expected(path: Path) -> dict[str, tuple[str, dict[str, str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        key: (str(v["type"]), {k: str(x) for k, x in v.items() if k != "type"}) for key, v in data.items()
    }


def score(
    parsed: dict[str, tuple[str, dict[str, str]]], expected: dict[str, tuple[str, dict[str, str]]]
) -> Score:
    got, want = triples(parsed), triples(expected)
    wrong = sorted(f"{k}.{f}: {v!r}" for k, f, v in got ^ want)
    return Score(len(got & want), len(got), len(want), wrong)
