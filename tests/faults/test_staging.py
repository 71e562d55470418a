"""A failed or interrupted write leaves the previous output untouched and no temporary files behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from apparat.staging import Interrupted, staged_dir, staged_file


def _previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    return site


def test_success_swaps_the_folder(tmp_path: Path) -> None:
    site = _previous_site(tmp_path)
    with staged_dir(site) as temp:
        (temp / "index.html").write_text("new", encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("error", [RuntimeError("stage failed"), KeyboardInterrupt(), Interrupted("SIGTERM")])
def test_failure_keeps_the_previous_folder(tmp_path: Path, error: BaseException) -> None:
    site = _previous_site(tmp_path)
    with pytest.raises(type(error)), staged_dir(site) as temp:
        (temp / "index.html").write_text("half", encoding="utf-8")
        raise error
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failure_keeps_the_previous_file(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(b"old")
    with pytest.raises(RuntimeError), staged_file(bundle) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("zip failed")
    assert bundle.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.zip"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_build_cleans_up(tmp_path: Path, signum: int) -> None:
    site = _previous_site(tmp_path)
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from apparat.staging import staged_dir
        with staged_dir(Path({str(site)!r})) as temp:
            (temp / "index.html").write_text("half")
            print("ready", flush=True)
            time.sleep(30)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signum)
    started = time.monotonic()
    child.wait(timeout=10)
    assert time.monotonic() - started < 10
    assert child.returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
