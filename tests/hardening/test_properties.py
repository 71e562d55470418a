"""Property-based tests: generated and mutated sources of both layouts never crash the converter.

The texts come from `apparat.synthetic` (made-up words in the book and article layouts), then hypothesis
mutates them the way bad extractions and careless edits do: lines deleted, duplicated, joined or cut,
leading spaces added or lost, note separators swapped, numbers changed, pages truncated, random text and
random bytes inserted. For every input the converter either refuses with an `ApparatError` that names
`path:line`, or succeeds with a ledger that gives every source line exactly one role. A per-example time
limit (SIGALRM) turns a loop into a failure instead of a hung test run.
"""

from __future__ import annotations

import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apparat.diagnostics import ApparatError, Code
from apparat.export.json import to_data
from apparat.pipeline import convert_file
from apparat.render.markdown import write_chapters
from apparat.synthetic import ARTICLE_CONTINUATION, ARTICLE_SEPARATOR, generate_article, generate_book
from apparat.works import Work

TIME_LIMIT = 20.0
"""Seconds one conversion of a few kilobytes may take before it counts as a loop (normal: ~20 ms; the
margin keeps a busy machine from failing the test)."""
SETTINGS = settings(
    max_examples=300,
    deadline=None,  # the alarm below bounds each example; hypothesis' deadline is flaky on a busy machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same examples on every run: CI failures reproduce locally
)


class LoopingError(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise LoopingError(f"conversion took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- sources and mutations -----------------------------------------------------------------------------

_BOOKS: dict[int, list[str]] = {}
_ARTICLES: dict[int, list[str]] = {}


def base_lines(profile: str, seed: int) -> list[str]:
    """A small generated source (a few pages), memoised: generation is not what is under test."""
    if profile == "book":
        if seed not in _BOOKS:
            _BOOKS[seed] = generate_book(9_000, seed)[0].split("\n")[:-1]
        return _BOOKS[seed]
    if seed not in _ARTICLES:
        _ARTICLES[seed] = generate_article(5, seed).split("\n")[:-1]
    return _ARTICLES[seed]


OPS = (
    "delete",
    "duplicate",
    "insert",
    "join",
    "cut",
    "indent",
    "dedent",
    "separator",
    "number",
    "truncate",
    "structure",
)
STRUCTURE = (
    "Introduction",
    " chapter 1",
    " chapter 3",
    " chapter 99",
    "3.1 A Heading",
    "12 chapter 2",
    "40Introduction",
    " Part I",
    " Part II",
    "Conclusion",
    "Abstract",
    " 18 ",
    " 1 ",
    ARTICLE_SEPARATOR,
    ARTICLE_CONTINUATION,
    "7 A note text.",
    "1 Note.",
    "word.7",
    "x" * 120,
    "Introduction: A Title",
)
"""Lines that mean something to a layout profile: inserted where they do not belong."""
junk_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


def mutate(lines: list[str], op: str, where: float, text: str) -> list[str]:
    if not lines:
        return lines
    i = min(int(where * len(lines)), len(lines) - 1)
    line = lines[i]
    out = list(lines)
    if op == "delete":
        del out[i]
    elif op == "duplicate":
        out.insert(i, line)
    elif op == "insert":
        out[i:i] = text.split("\n")
    elif op == "join" and i + 1 < len(out):
        out[i : i + 2] = [out[i] + out[i + 1]]
    elif op == "cut":
        out[i] = line[: len(line) // 2]
    elif op == "indent":
        out[i] = " " + line
    elif op == "dedent":
        out[i] = line.lstrip(" ")
    elif op == "separator":
        # swap the layout's separators: blank ↔ space-only ↔ 49 spaces ↔ 145 spaces
        swap = {"": " ", " ": ARTICLE_SEPARATOR, ARTICLE_SEPARATOR: ARTICLE_CONTINUATION}
        out[i] = swap.get(line, "")
    elif op == "number":
        out[i] = re.sub(r"\d+", lambda m: str(int(m.group()) * 7 % 1000), line, count=1)
    elif op == "structure":
        out.insert(i, STRUCTURE[len(text) % len(STRUCTURE)])
    elif op == "truncate":
        out = out[: max(1, i)]
    return out


mutations = st.lists(st.tuples(st.sampled_from(OPS), st.floats(0, 1, allow_nan=False), junk_text), max_size=8)


# --- the property ----------------------------------------------------------------------------------------


def check_conversion(data: bytes, profile: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mutated-{profile}.txt"
        path.write_bytes(data)
        shown = f"src/{path.name}"
        try:
            with time_limit(TIME_LIMIT):
                document, reporter = convert_file(path, profile, "mutated", display=shown)
                exported = to_data(document)
                if not reporter.failed:  # what is published must render too
                    write_chapters(
                        document, Work("mutated", "m", "-", path.name, profile, False), path.parent
                    )
        except ApparatError as error:
            diagnostic = error.diagnostic
            assert diagnostic.path == shown
            assert diagnostic.line is not None, f"an error without a line: {diagnostic}"
            assert str(error).startswith(f"{shown}:{diagnostic.line}: error: "), str(error)
            return
    for item in reporter.items:
        assert item.line is None or item.line >= 1, str(item)
    if reporter.failed:
        assert all(str(d).startswith(f"{shown}") for d in reporter.items)
        return
    # Success: every source line has exactly one role, none was left unplaced.
    expected_lines = len(data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").endswith("\n"):
        expected_lines -= 1
    assert document.line_count == expected_lines
    assert len(document.roles) == document.line_count
    assert exported["ledger"]["lines"] == document.line_count
    assert sum(exported["ledger"]["roles"].values()) == document.line_count
    assert exported["ledger"]["unaccounted"] == []
    assert not [d for d in reporter.items if d.code is Code.LAYOUT_UNPLACED]
    for section in document.sections:
        for block in section.blocks:
            assert block.lines.first <= block.lines.last


def encode(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("profile", ["book", "article"])
@given(seed=st.integers(0, 5), changes=mutations)
@SETTINGS
def test_mutated_sources_never_crash(profile: str, seed: int, changes: list[tuple[str, float, str]]) -> None:
    lines = base_lines(profile, seed)
    for op, where, text in changes:
        lines = mutate(lines, op, where, text)
    check_conversion(encode(lines), profile)


@pytest.mark.parametrize("profile", ["book", "article"])
@given(
    seed=st.integers(0, 5),
    at=st.floats(0, 1, allow_nan=False),
    junk=st.binary(min_size=1, max_size=40),
    crlf=st.booleans(),
)
@settings(SETTINGS, max_examples=60)
def test_random_bytes_never_crash(profile: str, seed: int, at: float, junk: bytes, crlf: bool) -> None:
    data = encode(base_lines(profile, seed))
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    cut = int(at * len(data))
    check_conversion(data[:cut] + junk + data[cut:], profile)


@pytest.mark.parametrize("profile", ["book", "article"])
@given(seed=st.integers(0, 5), at=st.floats(0, 1, allow_nan=False))
@settings(SETTINGS, max_examples=40)
def test_truncated_sources_never_crash(profile: str, seed: int, at: float) -> None:
    """A source cut anywhere, even inside a multi-byte character."""
    data = encode(base_lines(profile, seed))
    check_conversion(data[: max(1, int(at * len(data)))], profile)


@pytest.mark.parametrize("profile", ["book", "article"])
@given(seed=st.integers(0, 5))
@settings(SETTINGS, max_examples=6)
def test_the_wrong_profile_is_refused_or_placed(profile: str, seed: int) -> None:
    other = "article" if profile == "book" else "book"
    check_conversion(encode(base_lines(other, seed)), profile)


@pytest.mark.parametrize("profile", ["book", "article"])
@pytest.mark.parametrize("seed", range(6))
def test_unmutated_sources_convert_cleanly(profile: str, seed: int) -> None:
    """The generator's own texts convert without errors: the mutations start from valid sources."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "source.txt"
        path.write_bytes(encode(base_lines(profile, seed)))
        document, reporter = convert_file(path, profile, "synthetic")
    assert not reporter.failed, [str(d) for d in reporter.items]
    assert document.sections and document.notes()
