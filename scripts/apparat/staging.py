"""Write a whole output (a site folder, a bundle) beside its final place, then swap it in.

A build that fails at any stage, or is interrupted (Ctrl-C, SIGTERM from CI), leaves the previous output
exactly as it was and no half-written folder behind: the new output is written to a sibling temporary
path and only renamed into place once complete. Renames within one folder are atomic on POSIX; a folder
swap takes two renames, with the old copy removed last.

A build killed outright (SIGKILL, a power cut) cannot clean up, so the temporary paths carry the id of the
process that made them (`.site.new-<pid>-xxxx`), and the next run removes those whose process is gone
(`remove_stale`) before staging its own.
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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def remove_stale(final: Path) -> list[Path]:
    """Remove the staging leftovers of `final` (`.<name>.new-*`, `.<name>.old-*`) whose process has died;
    those of a build still running beside this one are left alone. Returns what was removed."""
    removed: list[Path] = []
    if not final.parent.is_dir():
        return removed
    for kind in ("new", "old"):
        for path in final.parent.glob(f".{final.name}.{kind}-*"):
            owner = path.name.removeprefix(f".{final.name}.{kind}-").split("-", 1)[0]
            if owner.isdigit() and _alive(int(owner)) and int(owner) != os.getpid():
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


FILE_MODE = 0o644
FOLDER_MODE = 0o755
"""Published and exported output is readable by everyone, whatever the umask: a web server or a colleague
reads it as another user."""


def _publishable(path: Path, mode: int) -> None:
    """mkdtemp/mkstemp create private (0700/0600) paths; published output gets the usual permissions."""
    path.chmod(mode)


def publish_modes(root: Path) -> None:
    """Every file under `root` 0644 and every folder 0755 (MkDocs writes with the umask, mkstemp 0600)."""
    for name_of_folder, folders, files in os.walk(root):  # os.walk does not follow symbolic links
        folder = Path(name_of_folder)
        folder.chmod(FOLDER_MODE)
        for name in files:
            if not (folder / name).is_symlink():
                (folder / name).chmod(FILE_MODE)
        folders[:] = [f for f in folders if not (folder / f).is_symlink()]


@contextmanager
def staged_dir(final: Path) -> Iterator[Path]:
    """Yield an empty temporary folder; on success it replaces `final`, on any failure it is removed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(final)
    temp = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-{os.getpid()}-", dir=final.parent))
    _publishable(temp, FOLDER_MODE)
    try:
        with terminate_as_interrupt():
            yield temp
            old = final.with_name(f".{final.name}.old-{os.getpid()}-swap")
            if final.exists():
                final.rename(old)
            temp.rename(final)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that a reader sees the old or the new content, never a half-written one (models,
    exports, cache entries). The file is 0644 (mkstemp makes it 0600): it is meant to be read by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def staged_file(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside `final`; on success it replaces `final` atomically."""
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(final)
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.new-{os.getpid()}-", dir=final.parent)
    os.close(handle)
    temp = Path(name)
    _publishable(temp, FILE_MODE)
    try:
        with terminate_as_interrupt():
            yield temp
            temp.replace(final)
    finally:
        temp.unlink(missing_ok=True)
