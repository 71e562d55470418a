"""Write a whole output (a site folder, a bundle) beside its final place, then swap it in.

A build that fails at any stage, or is interrupted (Ctrl-C, SIGTERM from CI), leaves the previous output
exactly as it was and no half-written folder behind: the new output is written to a sibling temporary
path and only renamed into place once complete. Renames within one folder are atomic on POSIX; a folder
swap takes two renames, with the old copy removed last.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType


class Interrupted(KeyboardInterrupt):
    """SIGTERM turned into an exception, so that cleanup code runs as it does for Ctrl-C."""


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(f"stopped by signal {signum}")


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises `Interrupted` (only in the main thread, where signals arrive)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publishable(path: Path, mode: int) -> None:
    """mkdtemp/mkstemp create private (0700/0600) paths; published output gets the usual permissions."""
    path.chmod(mode & ~_umask())


@contextmanager
def staged_dir(final: Path) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces `final`, on any failure it is removed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    _publishable(temp, 0o777)
    try:
        with terminate_as_interrupt():
            yield temp
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            if final.exists():
                final.rename(old)
            temp.rename(final)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


@contextmanager
def staged_file(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside `final`; on success it replaces `final` atomically."""
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.new-", dir=final.parent)
    os.close(handle)
    temp = Path(name)
    _publishable(temp, 0o666)
    try:
        with terminate_as_interrupt():
            yield temp
            temp.replace(final)
    finally:
        temp.unlink(missing_ok=True)
