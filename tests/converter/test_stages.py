"""Fixture files per stage: a small source written by us (`fixtures/<stage>/<case>.txt`) and what the
converter must find in it (`<case>.yml`). One parametrized test per stage directory.

The `.yml` names the profile and lists only what the case is about; every key is optional:

    profile: book | article
    diagnostics: [pages.mismatch]      # the codes expected (default: none at all)
    pages: [[1, 1], [2, 40]]           # every printed page: [number, first line]
    roles: {12: running-head}          # the role of some lines
    sections: [{id: intro, title: Introduction}]
    blocks: {intro-l3: {kind: paragraph, text: ...}}
    notes: {intro-n2: {status: missing}}
    fragments: {intro: [{page: 4, lines: [24, 24]}]}   # orphan note fragments of a section
    hyphenation: [{line: 7, result: bureaucracy, decision: join}]
    front: {title: ...}

Every line must get a role (`unaccounted` empty) whatever the case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from apparat.export.json import to_data
from apparat.pipeline import convert_file

FIXTURES = Path(__file__).parent / "fixtures"


def cases(stage: str) -> list[Any]:
    folder = FIXTURES / stage
    return [pytest.param(path, id=path.stem) for path in sorted(folder.glob("*.txt"))]


def problems(source: Path) -> list[str]:
    """What differs between the converted fixture and its `.yml`, as `path:line`-style lines."""
    expected_path = source.with_suffix(".yml")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    document, reporter = convert_file(source, expected["profile"], source.stem)
    model = to_data(document)
    out: list[str] = []
    codes = sorted(str(item.code) for item in reporter.items)
    if codes != sorted(expected.get("diagnostics", [])):
        out.append(
            f"diagnostics: expected {expected.get('diagnostics', [])}, found {[str(i) for i in reporter.items]}"
        )
    if model["ledger"]["unaccounted"]:
        out.append(f"unaccounted lines: {model['ledger']['unaccounted']}")
    if "pages" in expected:
        found = [[p["number"], p["line"]] for p in model["pages"]]
        if found != expected["pages"]:
            out.append(f"pages: expected {expected['pages']}, found {found}")
    roles = _roles(model)
    for line, role in expected.get("roles", {}).items():
        if roles.get(int(line)) != role:
            out.append(f"{source.name}:{line}: expected role {role}, found {roles.get(int(line))}")
    if "sections" in expected:
        found_sections = model["sections"]
        if len(found_sections) != len(expected["sections"]):
            out.append(
                f"sections: expected {len(expected['sections'])}, found {[s['id'] for s in found_sections]}"
            )
        for want, got in zip(expected["sections"], found_sections, strict=False):
            out += _subset(f"section {want.get('id')}", want, got)
    blocks = {b["id"]: b for s in model["sections"] for b in s["blocks"]}
    notes = {n["id"]: n for s in model["sections"] for n in s["notes"]}
    for kind, table in (("blocks", blocks), ("notes", notes)):
        for key, want in expected.get(kind, {}).items():
            if key not in table:
                out.append(f"{kind}: expected {key}, found only {sorted(table)}")
            else:
                out += _subset(key, want, table[key])
    for section_id, wanted in expected.get("fragments", {}).items():
        got_fragments = next((s["fragments"] for s in model["sections"] if s["id"] == section_id), [])
        if len(got_fragments) != len(wanted):
            out.append(f"fragments of {section_id}: expected {len(wanted)}, found {got_fragments}")
        for want, got in zip(wanted, got_fragments, strict=False):
            out += _subset(f"fragment of {section_id}", want, got)
    if "hyphenation" in expected:
        found_hyphens = model["hyphenation"]
        if len(found_hyphens) != len(expected["hyphenation"]):
            out.append(
                f"hyphenation: expected {len(expected['hyphenation'])} decisions, found {found_hyphens}"
            )
        for want, got in zip(expected["hyphenation"], found_hyphens, strict=False):
            out += _subset(f"{source.name}:{want.get('line')}: hyphen", want, got)
    if "front" in expected:
        out += _subset("front", expected["front"], model["front"])
    return out


def _roles(model: dict[str, Any]) -> dict[int, str]:
    roles = {}
    for first, last, role in model["ledger"]["runs"]:
        for line in range(first, last + 1):
            roles[line] = role
    return roles


def _subset(what: str, want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [
        f"{what} {key}: expected {value!r}, found {got.get(key)!r}"
        for key, value in want.items()
        if got.get(key) != value
    ]


def _check(source: Path) -> None:
    found = problems(source)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("source", cases("running-heads"))
def test_running_heads(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("page-starts"))
def test_page_starts(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("markers"))
def test_markers(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("notes"))
def test_notes(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("hyphenation"))
def test_hyphenation(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("quotations"))
def test_quotations(source: Path) -> None:
    _check(source)


@pytest.mark.parametrize("source", cases("separators"))
def test_article_separators(source: Path) -> None:
    _check(source)


def test_every_stage_has_fixtures() -> None:
    for stage in (
        "running-heads",
        "page-starts",
        "markers",
        "notes",
        "hyphenation",
        "quotations",
        "separators",
    ):
        assert cases(stage), f"tests/converter/fixtures/{stage}/ has no fixture"
        for param in cases(stage):
            assert param.values[0].with_suffix(".yml").is_file(), f"{param.values[0]}: no .yml beside it"


if __name__ == "__main__":  # python tests/converter/test_stages.py: every fixture's problems, for editing
    for path in sorted(FIXTURES.glob("*/*.txt")):
        print(path.relative_to(FIXTURES), *problems(path) or ["ok"], sep="\n  ")
