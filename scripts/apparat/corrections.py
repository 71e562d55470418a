"""Editorial corrections of the source extractions: `content/data/corrections.yml`.

The sources are not in the repository, so a contributor cannot fix a misread word in them. Instead a
correction names the work, the source line, the exact characters found there and their replacement. It is
applied to that line before conversion, so every stage (hyphenation, notes, annotation) sees the corrected
text, and it is recorded in the model and on the extraction report. A correction that no longer matches its
line (the source changed) is an error, never silently skipped.

    corrections:
      - work: sample-book
        line: 41
        find: "Sovnarkorn"
        replace: "Sovnarkom"
        reason: "rn misread as m by the text recognition"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as replaced
from pathlib import Path
from typing import Any

from apparat.diagnostics import ApparatError, Code, fail
from apparat.model import NOTE_MARKER, Correction
from apparat.source import SourceText
from apparat.works import display_path, project

_FIELDS = ("work", "line", "find", "replace", "reason")


def load(path: Path | None = None) -> dict[str, list[Correction]]:
    """Work id → its corrections, in file order. A missing file means no corrections."""
    # The YAML checks (jsonschema, markdown-it) load only here: converting with corrections in hand needs neither.
    from apparat import datacheck
    from apparat.untrusted import LinedDict, UntrustedError, load_yaml

    path = path or project() / "content" / "data" / "corrections.yml"
    if not path.is_file():
        return {}
    shown = display_path(path)
    try:
        data = load_yaml(path)
    except UntrustedError as error:
        problem = error.problem
        raise fail(Code.CORRECTION, shown, problem.line, problem.expected, problem.found) from None
    if data is None:
        return {}
    problems = datacheck.check("corrections", data, shown)
    if problems:
        raise ApparatError(problems[0])
    if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
        raise fail(Code.CORRECTION, shown, 1, "a mapping with a 'corrections' list", type(data).__name__)
    result: dict[str, list[Correction]] = {}
    for item in data["corrections"]:
        line = item.line if isinstance(item, LinedDict) else 1
        result.setdefault(_work(item, shown, line), []).append(_correction(item, shown, line))
    return result


def _work(item: Any, shown: str, line: int) -> str:
    if not isinstance(item, dict):
        raise fail(Code.CORRECTION, shown, line, "a mapping per correction", repr(item))
    missing = [name for name in _FIELDS if name not in item]
    if missing:
        raise fail(Code.CORRECTION, shown, line, f"the fields {', '.join(_FIELDS)}", f"no {missing[0]!r}")
    return str(item["work"])


def _correction(item: dict[str, Any], shown: str, line: int) -> Correction:
    from apparat.untrusted import field_problems

    source_line = item["line"]
    if not isinstance(source_line, int) or isinstance(source_line, bool) or source_line < 1:
        raise fail(Code.CORRECTION, shown, line, "a source line number (1 or more)", repr(source_line))
    texts = {name: item[name] for name in ("find", "replace", "reason")}
    for name, value in texts.items():
        if not isinstance(value, str):
            raise fail(Code.CORRECTION, shown, line, f"text in {name!r}", repr(value))
        problems = field_problems(value)
        if problems:
            raise fail(Code.CORRECTION, shown, line, f"plain text in {name!r}", problems[0])
    if not texts["find"]:
        raise fail(Code.CORRECTION, shown, line, "the characters to replace in 'find'", "an empty string")
    marker = NOTE_MARKER.search(texts["replace"])
    if marker:  # the model's own note marker: it made a call to a note that the page does not print
        expected = "a replacement without the model's note marker (the profile finds note calls)"
        raise fail(Code.CORRECTION, shown, line, expected, repr(marker.group()))
    return Correction(source_line, texts["find"], texts["replace"], texts["reason"], f"{shown}:{line}")


def apply(source: SourceText, corrections: Sequence[Correction]) -> SourceText:
    """The source with each correction applied to its line; the find text must occur there exactly once."""
    if not corrections:
        return source
    lines = list(source.lines)
    for correction in corrections:
        path, _, line = correction.origin.rpartition(":")
        where = f"line {correction.line} of {source.path}"
        if correction.line > len(lines):
            raise fail(Code.CORRECTION, path, int(line), where, f"a source of {len(lines)} lines")
        text = lines[correction.line - 1]
        count = text.count(correction.find)
        if count != 1:
            found = "it nowhere on the line" if count == 0 else f"it {count} times"
            raise fail(Code.CORRECTION, path, int(line), f"{correction.find!r} once on {where}", found)
        lines[correction.line - 1] = text.replace(correction.find, correction.replace)
    return replaced(source, lines=lines)
