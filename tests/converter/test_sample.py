"""The samples converted and checked against the ground truth written when they were set (samples/expected.yml).

samples/typeset.py sets our own prose in each layout and records where it put every page, heading, block,
note and broken word; the converter has to find exactly that, with no diagnostics at all.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from apparat.export.json import to_data
from apparat.pipeline import convert_file
from apparat.works import SAMPLES

SAMPLE_PROFILES = {"sample-book": "book", "sample-article": "article"}


def _expected() -> dict[str, Any]:
    path = SAMPLES / "expected.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _convert(name: str) -> tuple[dict[str, Any], list[str]]:
    document, reporter = convert_file(SAMPLES / f"{name}.txt", SAMPLE_PROFILES[name], name)
    return to_data(document), [str(item) for item in reporter.items]


def differences(name: str) -> list[str]:
    """Every way in which the converted sample differs from the truth, as readable lines."""
    truth = _expected()[name]
    model, diagnostics = _convert(name)
    out = [f"diagnostic: {d}" for d in diagnostics]  # a sample converts with no diagnostic at all
    if model["ledger"]["unaccounted"]:
        out.append(f"unaccounted lines: {model['ledger']['unaccounted']}")
    if model["pages"] != truth["pages"]:
        got = {p["number"]: p["line"] for p in model["pages"]}
        want = {p["number"]: p["line"] for p in truth["pages"]}
        out.append(f"pages: expected {want}, found {got}")
    front = truth.get("front", {})
    out += [
        f"front {key}: expected {value!r}, found {model['front'][key]!r}"
        for key, value in front.items()
        if model["front"][key] != value
    ]
    sections: dict[str, dict[str, Any]] = {s["id"]: s for s in model["sections"]}
    if list(sections) != [s["id"] for s in truth["sections"]]:
        out.append(f"sections: expected {[s['id'] for s in truth['sections']]}, found {list(sections)}")
    for want in truth["sections"]:
        if want["id"] not in sections:
            continue
        got = sections[want["id"]]
        where = want["id"]
        out += [
            f"{where} {key}: expected {want[key]!r}, found {got[key]!r}"
            for key in ("label", "title", "start_line")
            if got[key] != want[key]
        ]
        if [got["first_page"], got["last_page"]] != want["pages"]:
            out.append(
                f"{where} pages: expected {want['pages']}, found {[got['first_page'], got['last_page']]}"
            )
        blocks = [
            {**b, "breaks": [[p["page"], p["line"]] for p in b.get("page_breaks", [])]} for b in got["blocks"]
        ]
        out += _compare_list(f"{where} block", blocks, [{"breaks": [], **b} for b in want["blocks"]])
        out += _compare_list(f"{where} note", got["notes"], want["notes"])
        if "fragments" in want:  # the book's setter records the text it set after lost note lines
            out += _compare_list(f"{where} fragment", got["fragments"], want["fragments"])
    hyphens = [{k: h[k] for k in ("line", "left", "right", "decision")} for h in model["hyphenation"]]
    if hyphens != truth["hyphenation"]:
        out.append(f"hyphenation: expected {truth['hyphenation']}, found {hyphens}")
    return out


def _compare_list(what: str, got: list[dict[str, Any]], want: list[dict[str, Any]]) -> list[str]:
    out = []
    if len(got) != len(want):
        out.append(f"{what}s: expected {len(want)}, found {len(got)}")
    for k, (g, w) in enumerate(zip(got, want, strict=False), 1):
        out += [
            f"{what} {k} {key}: expected {value!r}, found {g.get(key)!r}"
            for key, value in w.items()
            if g.get(key) != value
        ]
    return out


def test_samples_are_set_from_their_sources(samples: Path) -> None:
    """The committed texts and expected.yml are what samples/typeset.py makes of samples/source/ now."""
    spec = importlib.util.spec_from_file_location("typeset", samples / "typeset.py")
    assert spec is not None and spec.loader is not None
    typeset = importlib.util.module_from_spec(spec)
    sys.modules["typeset"] = typeset  # dataclasses look their module up there
    try:
        spec.loader.exec_module(typeset)
    finally:
        del sys.modules["typeset"]
    for name, text in typeset.typeset().items():
        assert (samples / name).read_text(encoding="utf-8") == text, (
            f"samples/{name}: run python samples/typeset.py"
        )


@pytest.mark.parametrize("name", list(SAMPLE_PROFILES))
def test_sample_matches_what_was_set(name: str, samples: Path) -> None:
    problems = differences(name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(SAMPLE_PROFILES))
def test_sample_exercises_every_difficulty(name: str, samples: Path) -> None:
    """The sample keeps what makes the real layouts hard (see ../shared/sources/README.md)."""
    model, _ = _convert(name)
    notes = [n for s in model["sections"] for n in s["notes"]]
    statuses = {n["status"] for n in notes}
    assert {"present", "missing"} <= statuses
    assert any(n["continued"] for n in notes)
    decisions = {h["decision"] for h in model["hyphenation"]}
    assert decisions == {"join", "keep"}
    kinds_of_join = {h["kind"] for h in model["hyphenation"]}
    if name == "sample-book":
        assert "truncated" in statuses
        assert any(s["fragments"] for s in model["sections"])  # note text resuming after lost lines
        assert kinds_of_join == {"hyphen", "dash", "lost"}  # a range at a line end, a lost hyphen
        quotes = [b for s in model["sections"] for b in s["blocks"] if b["kind"] == "quote"]
        assert any(b["page_breaks"] for b in quotes if "page_breaks" in b)  # a quotation across a page
        page_lines = {p["line"] for p in model["pages"]}
        assert any(b["lines"][0] - 2 in page_lines for b in quotes)  # one opening a page (after its head)
        assert model["ledger"]["roles"].get("running-head", 0) >= 2
        kinds = {b["kind"] for s in model["sections"] for b in s["blocks"]}
        assert kinds == {"heading", "paragraph", "quote"}
        assert {b.get("level") for s in model["sections"] for b in s["blocks"] if b.get("level")} == {2, 3}
        text = (samples / f"{name}.txt").read_text(encoding="utf-8")
        assert "\u2009" in text and "\u00a0" in text and "’" in text
    else:
        assert "start-lost" in statuses  # a continued note whose start the extraction lost
        assert model["ledger"]["roles"].get("note-fragment", 0) >= 1
        part = next(s for s in model["sections"] if s["title"] == s["label"] and s["id"].startswith("part"))
        assert part["blocks"][0]["kind"] == "heading"  # a part that opens with its first section
        assert model["ledger"]["roles"].get("continuation-mark", 0) >= 1
        assert model["ledger"]["roles"].get("page-number", 0) >= 1
        assert model["front"]["title"] and model["front"]["author"] and model["front"]["abstract"]


if __name__ == "__main__":  # python tests/converter/test_sample.py: the differences, for editing the samples
    for sample in SAMPLE_PROFILES:
        if (SAMPLES / f"{sample}.txt").is_file():
            print(sample, *differences(sample) or ["ok"], sep="\n  ")
