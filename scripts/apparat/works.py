"""The works manifest (`works.yml`) and where their sources are found.

Sources are read at run time from a sources directory: `--sources DIR`, else `$APPARAT_SOURCES`, else
`../shared/sources` beside the project when it exists. The sample works ship with the project (`samples/`)
and are always available, so a fresh clone builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apparat.diagnostics import Code, fail

PROJECT = Path(__file__).resolve().parents[2]
MANIFEST = PROJECT / "works.yml"
SAMPLES = PROJECT / "samples"
DEFAULT_SOURCES = PROJECT.parent / "shared" / "sources"
PROFILES = ("book", "article")
_REQUIRED = ("id", "title", "author", "source", "profile")


@dataclass(frozen=True, slots=True)
class Work:
    id: str
    title: str
    author: str
    source: str
    """File name of the source text."""
    profile: str
    sample: bool
    """True for the project's own sample texts (in `samples/`)."""
    year: int | None = None
    publisher: str | None = None
    place: str | None = None
    kind: str = "book"
    """'book' or 'article', for citation metadata."""
    container: str | None = None
    """Journal of an article, if known."""
    corporate_author: bool = False
    """The author is a body (an editorial collective), never inverted to "Last, First" in citations."""

    def source_path(self, sources: Path | None) -> Path | None:
        if self.sample:
            return SAMPLES / self.source
        if sources is None:
            return None
        path = sources / self.source
        return path if path.is_file() else None


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the project when it lies inside it."""
    return str(path.relative_to(PROJECT)) if path.is_relative_to(PROJECT) else str(path)


def sources_dir(option: str | None) -> Path | None:
    """The sources directory from the option, the environment, or the default; None if there is none."""
    chosen = option or os.environ.get("APPARAT_SOURCES")
    if chosen:
        return Path(chosen)
    return DEFAULT_SOURCES if DEFAULT_SOURCES.is_dir() else None


def load_works(path: Path = MANIFEST) -> list[Work]:
    text = path.read_text(encoding="utf-8")
    import yaml  # here only: converting a work never reads the manifest

    data = yaml.safe_load(text)
    shown = display_path(path)
    if not isinstance(data, dict) or not isinstance(data.get("works"), list):
        raise fail(Code.MANIFEST, shown, 1, "a mapping with a 'works' list", type(data).__name__)
    works: list[Work] = []
    seen: set[str] = set()
    for item in data["works"]:
        line = _line_of(text, item)
        if not isinstance(item, dict):
            raise fail(Code.MANIFEST, shown, line, "a mapping per work", repr(item))
        missing = [key for key in _REQUIRED if not item.get(key)]
        if missing:
            raise fail(Code.MANIFEST, shown, line, f"the fields {', '.join(_REQUIRED)}", f"no {missing[0]!r}")
        if item["profile"] not in PROFILES:
            raise fail(Code.MANIFEST, shown, line, f"profile {' or '.join(PROFILES)}", repr(item["profile"]))
        if item["id"] in seen:
            raise fail(Code.MANIFEST, shown, line, "a unique id", f"{item['id']!r} twice")
        seen.add(item["id"])
        works.append(Work(**{key: item[key] for key in item if key in Work.__dataclass_fields__}))
    return works


def _line_of(text: str, item: Any) -> int:
    """Best-effort line of a manifest entry, for messages."""
    if isinstance(item, dict) and "id" in item:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip().lstrip("- ").startswith(f"id: {item['id']}"):
                return number
    return 1
