"""`apparat build` killed outright (SIGKILL: no handler runs) at several moments: the previous site stays as it
was, no worker process outlives the build, and the next build removes the half-written staging folder."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from apparat.works import project

pytestmark = pytest.mark.slow

PROJECT_PARTS = ("works.yml", "mkdocs.yml", "bibliography.bib", "overrides", "samples", "content/assets")
PROJECT_PARTS += ("content/data", "content/pages")
APPARAT = Path(sys.executable).with_name("apparat")


def _children(pid: int) -> set[int]:
    """Every descendant of `pid` (from /proc), so that a worker cannot hide behind another."""
    found: set[int] = set()
    pending = [pid]
    while pending:
        current = pending.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                text = (task / "children").read_text()
            except OSError:
                continue
            for child in map(int, text.split()):
                if child not in found:
                    found.add(child)
                    pending.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


class Build:
    """`apparat --project P build` in a subprocess, its progress lines readable as they come."""

    def __init__(self, root: Path, site: Path) -> None:
        sources = root / "no-sources"
        sources.mkdir(exist_ok=True)
        env = {**os.environ, "APPARAT_SOURCES": str(sources)}
        command = [str(APPARAT), "--project", str(root), "build", "--site-dir", str(site)]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the build ended before {what}"
            assert time.monotonic() < deadline, f"no {what} within {timeout} s"
            time.sleep(0.005)

    def saw(self, text: str) -> Callable[[], bool]:
        seen: list[str] = []

        def check() -> bool:
            while not self.lines.empty():
                seen.append(self.lines.get())
            return any(text in line for line in seen)

        return check

    def kill(self) -> set[int]:
        """SIGKILL the build; returns its descendants as they were at that moment."""
        workers = _children(self.process.pid)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        return workers


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc (Linux)")
    folder = tmp_path_factory.mktemp("killed-project")
    for part in PROJECT_PARTS:
        source, target = project() / part, folder / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return folder


def test_sigkill_at_several_moments_leaves_no_trace(root: Path) -> None:
    site = root / "site"
    first = Build(root, site)
    assert first.process.wait(timeout=600) == 0, "the first build failed"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    assert "index.html" in before

    moments: list[tuple[str, Callable[[Build], Callable[[], bool]]]] = [
        ("the conversion workers running", lambda b: lambda: bool(_children(b.process.pid))),
        ("MkDocs writing the new site", lambda b: b.saw("mkdocs build --strict")),
        ("the checks of the new site", lambda b: b.saw("checking links")),
    ]
    for name, moment in moments:
        shutil.rmtree(root / "build" / "cache", ignore_errors=True)  # the workers have work to do
        build = Build(root, site)
        build.wait_for(moment(build), name)
        workers = build.kill()
        deadline = time.monotonic() + 10
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _alive(workers) == set(), f"killed during {name}: processes outlived the build"
        now = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
        assert now == before, f"killed during {name}: the previous site changed"

    leftovers = sorted(p.name for p in root.glob(".site.*"))
    assert any(name.startswith(".site.new-") for name in leftovers), leftovers  # killed mid-build
    last = Build(root, site)
    assert last.process.wait(timeout=600) == 0, "the build after the kills failed"
    assert sorted(p.name for p in root.glob(".site.*")) == [], "stale staging folders were not removed"
    assert (site / "index.html").is_file()
