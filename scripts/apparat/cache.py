"""A content-addressed cache of conversions in `build/cache/`, so a rebuild only reconverts what changed.

The key is the sha256 of everything a conversion depends on: the source bytes, the layout profile, the
work id and the name shown in messages, the editorial corrections, `--strict`, and the converter itself
(apparat's version and the code of the modules that convert), and the glossary's word forms that the
hyphenation decisions may consult (`apparat.glossary.forms.forms_key`: the terms and not-terms files). Change
any of them and the key changes; the annotation and publishing code is not part of the key, so editing a
definition, a faction or a person never reconverts a work.

The value is the pickled `Converted` (document and diagnostics). Pickle is safe here because only this
program writes `build/cache/`; a damaged or unreadable entry is treated as a miss and overwritten. Loading
a pickle can run code, so never restore the directory from an untrusted place (a fork's CI cache): share
the exported JSON models instead.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from apparat import __version__
from apparat.model import Correction
from apparat.works import PROJECT

if TYPE_CHECKING:
    from apparat.convert import Converted

DEFAULT_DIR = PROJECT / "build" / "cache"
PACKAGE = Path(__file__).resolve().parent
CONVERTER_CODE = ("model.py", "state.py", "source.py", "pipeline.py", "corrections.py", "diagnostics.py")
CONVERTER_PACKAGES = ("profiles", "stages")
FORMAT = b"apparat-cache/1"
"""Bump when the pickled value changes shape in a way the code hash would not catch."""


@cache
def converter_hash() -> str:
    """sha256 of apparat's version and the source of every module that takes part in a conversion."""
    digest = hashlib.sha256(FORMAT + __version__.encode())
    files = [PACKAGE / name for name in CONVERTER_CODE]
    for package in CONVERTER_PACKAGES:
        files.extend(sorted((PACKAGE / package).glob("*.py")))
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def conversion_key(
    data: bytes,
    profile: str,
    work: str,
    display: str,
    *,
    strict: bool = False,
    corrections: Sequence[Correction] = (),
    code: str | None = None,
    forms: str = "",
) -> str:
    """The key of one conversion; `code` pins the converter hash (default: the running code's own),
    `forms` is the key of the glossary forms the conversion may consult."""
    digest = hashlib.sha256((code or converter_hash()).encode())
    digest.update(forms.encode() + b"\0")
    for part in (profile, work, display, "strict" if strict else "lenient"):
        digest.update(part.encode() + b"\0")
    for c in corrections:
        digest.update(repr((c.line, c.find, c.replace, c.reason, c.origin)).encode() + b"\0")
    digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ConversionCache:
    root: Path = DEFAULT_DIR
    code: str | None = None
    """Converter hash the entries are keyed by; None: the running code's own. A sharded build can pin one
    value across machines, and the benchmark pins it for a run while others edit the converter."""

    @property
    def generation(self) -> Path:
        """Entries live under the converter's hash: a new converter starts a new folder, and the old
        folders (which can never hit again) are what `prune` removes."""
        return self.root / (self.code or converter_hash())[:16]

    def path(self, key: str) -> Path:
        return self.generation / key[:2] / f"{key}.pickle"

    def prune(self) -> int:
        """Remove the entries of other converter versions; returns how many files were removed."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for folder in self.root.iterdir():
            if folder.is_dir() and folder != self.generation:
                removed += sum(1 for f in folder.rglob("*") if f.is_file())
                shutil.rmtree(folder, ignore_errors=True)
        return removed

    def get(self, key: str) -> Converted | None:
        from apparat.convert import Converted

        try:
            value = pickle.loads(self.path(key).read_bytes())
        except FileNotFoundError:
            return None
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
        ):
            return None  # damaged or from an older layout of the classes: convert again
        return value if isinstance(value, Converted) else None

    def put(self, key: str, value: Converted) -> None:
        """Write beside the final place and rename: parallel writers and readers never see half an entry."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:12]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
