"""Bad input through `apparat model`: a `path:line: error: expected ..., found ... [code]` message, a
non-zero exit, no traceback, and an existing output file left as it was.

Each case is built from the samples in a temporary directory and run twice: in-process through
`apparat.cli.main` and once as a real subprocess (what a user sees).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from apparat.cli import main
from apparat.works import SAMPLES

PREVIOUS = '{"previous": "model"}\n'


@dataclass(frozen=True)
class Case:
    name: str
    profile: str
    make: Callable[[], bytes]
    code: str
    line: int | None
    strict: bool = False


def _sample(name: str) -> bytes:
    return (SAMPLES / f"{name}.txt").read_bytes()


def _cut_mid_line(data: bytes) -> bytes:
    """The first 60% of the file, cut inside a line (at a character boundary): a failed copy."""
    text = data.decode("utf-8")
    cut = int(len(text) * 0.6)
    while not (text[cut - 1].isalpha() and text[cut].isalpha()):
        cut += 1  # inside a word: a cut that happens to fall on a sentence end would look whole
    return text[:cut].encode("utf-8")


def _cut_mid_paragraph(data: bytes) -> bytes:
    """Whole lines, ending on a body line that does not end its sentence."""
    lines = data.decode("utf-8").split("\n")
    cut = len(lines) // 2
    # A note marker glued to the end ("ruled.5") does not hide a sentence end.
    while (
        lines[cut - 1].rstrip().rstrip("0123456789").endswith((".", "’", ")")) or not lines[cut - 1].strip()
    ):
        cut += 1
    return "\n".join(lines[:cut]).encode("utf-8") + b"\n"


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


CASES = [
    Case("empty", "book", lambda: b"", "source.empty", 1),
    Case("blank-lines-only", "article", lambda: b"\n   \n\n", "source.empty", 1),
    Case("binary", "book", lambda: b"Introduction\n\x89PNG\x00\x00\x00", "source.binary", 2),
    Case(
        "latin-1",
        "book",
        lambda: "Introduction\n\nA caf\xe9 in 1923.\n".encode("latin-1"),
        "source.encoding",
        3,
    ),
    Case("crlf-strict", "book", lambda: _crlf(_sample("sample-book")), "source.crlf", 1, strict=True),
    Case(
        "book-cut-mid-line", "book", lambda: _cut_mid_line(_sample("sample-book")), "layout.truncated", None
    ),
    Case(
        "article-cut-mid-line",
        "article",
        lambda: _cut_mid_line(_sample("sample-article")),
        "layout.truncated",
        None,
    ),
    Case(
        "book-cut-mid-paragraph",
        "book",
        lambda: _cut_mid_paragraph(_sample("sample-book")),
        "layout.truncated",
        None,
    ),
    Case("article-as-book", "book", lambda: _sample("sample-article"), "layout.wrong-profile", 1),
    Case("book-as-article", "article", lambda: _sample("sample-book"), "layout.wrong-profile", 1),
]


def _prepare(case: Case, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    source = tmp_path / f"{case.name}.txt"
    source.write_bytes(case.make())
    output = tmp_path / "model.json"
    output.write_text(PREVIOUS, encoding="utf-8")
    args = ["model", str(source), "--profile", case.profile, "-o", str(output)]
    return source, output, [*args, "--strict"] if case.strict else args


def _check(case: Case, source: Path, output: Path, status: int, stderr: str) -> None:
    assert status != 0
    assert "Traceback" not in stderr
    line = r"\d+" if case.line is None else str(case.line)
    pattern = rf"^{re.escape(str(source))}:{line}: error: expected .+, found .+ \[apparat\.{re.escape(case.code)}\]$"
    assert re.search(pattern, stderr, re.MULTILINE), stderr
    if case.code == "layout.truncated":  # the line named is the last line of text in the file
        number = int(re.search(rf"{re.escape(str(source))}:(\d+):", stderr).group(1))  # type: ignore[union-attr]
        lines = source.read_text(encoding="utf-8").split("\n")
        assert number == max(i for i, text in enumerate(lines, 1) if text.strip())
    assert output.read_text(encoding="utf-8") == PREVIOUS


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_in_process(case: Case, tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, output, args = _prepare(case, tmp_path)
    status = main(args)
    _check(case, source, output, status, capsys.readouterr().err)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_subprocess(case: Case, tmp_path: Path, samples: Path) -> None:
    source, output, args = _prepare(case, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "apparat", *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout == ""
    _check(case, source, output, done.returncode, done.stderr)


def test_crlf_is_a_coded_warning_without_strict(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CR LF line ends are normalised: the model is written, identical to the LF one, with one warning."""
    source = tmp_path / "crlf.txt"
    source.write_bytes(_crlf(_sample("sample-book")))
    output, plain = tmp_path / "crlf.json", tmp_path / "lf.json"
    assert main(["model", str(source), "--profile", "book", "-o", str(output), "--work", "w"]) == 0
    err = capsys.readouterr().err
    assert (
        err.strip()
        == f"{source}:1: warning: expected LF line ends, found CR LF (normalised) [apparat.source.crlf]"
    )
    lf = SAMPLES / "sample-book.txt"
    assert main(["model", str(lf), "--profile", "book", "-o", str(plain), "--work", "w"]) == 0
    strip = re.compile(r'"source": "[^"]*"')
    assert strip.sub("", output.read_text(encoding="utf-8")) == strip.sub(
        "", plain.read_text(encoding="utf-8")
    )


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "nowhere.txt"
    assert main(["model", str(source), "--profile", "book", "-o", str(tmp_path / "m.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{source}: error: expected a readable text file, found ")
    assert "[apparat.source.missing]" in err and not (tmp_path / "m.json").exists()


@pytest.mark.real
@pytest.mark.parametrize(
    ("name", "profile"), [("trotsky-bureaucracy", "article"), ("gramsci-bukharin", "book")]
)
def test_real_source_with_the_wrong_profile(
    name: str, profile: str, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sources / f"{name}.txt"
    assert main(["model", str(source), "--profile", profile, "-o", str(tmp_path / "m.json")]) == 1
    err = capsys.readouterr().err
    assert re.match(
        rf"{re.escape(str(source))}:1: error: expected .+ \[apparat\.layout\.wrong-profile\]", err
    )
    assert not (tmp_path / "m.json").exists()


def test_model_outside_a_project_writes_only_its_output(tmp_path: Path) -> None:
    """`apparat model` works on the file it is given: run where there is no works.yml, it leaves no build/
    cache behind (and has no glossary to consult)."""
    output = tmp_path / "m.json"
    args = ["model", str(SAMPLES / "sample-book.txt"), "--profile", "book", "-o", str(output)]
    done = subprocess.run(
        [sys.executable, "-m", "apparat", *args],
        cwd=tmp_path,
        env={**os.environ, "APPARAT_PROJECT": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]
