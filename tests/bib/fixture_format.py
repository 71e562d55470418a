"""markdown-it's fixture file format, shared by the fixture tests of several packages."""

from __future__ import annotations

from pathlib import Path


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """markdown-it's fixture format: title line, `.`, input, `.`, expected, `.`; returns (line, title, in, out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i].strip():
            title, start = lines[i], i + 1
            i += 2
            block: list[list[str]] = [[], []]
            for part in (0, 1):
                while lines[i] != ".":
                    block[part].append(lines[i])
                    i += 1
                i += 1
            cases.append((start, title, "\n".join(block[0]), "\n".join(block[1])))
        else:
            i += 1
    return cases
