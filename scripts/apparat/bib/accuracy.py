"""Field-level accuracy of the article's references against the hand-checked sets.

Every (entry key, field, value) is compared with an expected set: precision is the share of given fields
that are right, recall the share of expected fields found, F1 their harmonic mean. The entry type counts as
a field. Values are compared after decoding TeX and folding spaces and dashes. What is scored is either the
parser's harvest or what the edition publishes (`published`: the work's entries in bibliography.bib, where
a publisher the editors supplied is not a reading of the notes and is left out). An expected entry whose
key the given set lacks is matched by its title, so a key built another way does not hide a right entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from apparat.bib.database import Bibliography
from apparat.bib.provenance import Kind, fold, origins
from apparat.bib.text import plain

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
    return re.sub(r"\s+", " ", plain(value).replace("–", "-").replace("--", "-")).strip()


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


Entries = dict[str, tuple[str, dict[str, str]]]


def published(bibliography: Bibliography, work: str) -> Entries:
    """The work's entries as bibliography.bib has them, less the publishers the editors supplied."""
    out: Entries = {}
    for key in bibliography.cited_by(work):
        entry = bibliography.entries[key]
        fields = {name.lower(): str(value) for name, value in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role.lower()] = " and ".join(str(p) for p in persons)
        editorial = {name for name, origin in origins(entry).items() if origin.kind is Kind.EDITORIAL}
        if "publisher" in editorial:
            del fields["publisher"]
        out[key] = (entry.type, {k: v for k, v in fields.items() if k in FIELDS})
    return out


def align(given: Entries, expected: Entries) -> Entries:
    """`given` with the keys of `expected` wherever an expected key is missing but its title is there."""
    out = dict(given)
    spare = {fold(v[1].get("title", "")): k for k, v in given.items() if k not in expected}
    for key, (_, fields) in expected.items():
        if key in out:
            continue
        found = spare.pop(fold(fields.get("title", "")), None)
        if found is not None:
            out[key] = out.pop(found)
    return out


def score(parsed: Entries, expected: Entries) -> Score:
    got, want = triples(align(parsed, expected)), triples(expected)
    wrong = sorted(f"{k}.{f}: {v!r}" for k, f, v in got ^ want)
    return Score(len(got & want), len(got), len(want), wrong)
