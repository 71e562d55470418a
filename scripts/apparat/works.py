"""The works manifest (`works.yml`), the project it belongs to, and where the works' sources are found.

The project (the folder holding `works.yml`, `content/`, `bibliography.bib`) is `--project DIR`, else
`$APPARAT_PROJECT`, else the nearest folder holding `works.yml` from the working directory upwards, else the
working directory: never the folder the package is installed in, so an installed `apparat` works on any
checkout. `PROJECT`, `MANIFEST`, `SAMPLES` and `DEFAULT_SOURCES` are computed when they are read.

Sources are read at run time from a sources directory: `--sources DIR`, else `$APPARAT_SOURCES`, else
`../shared/sources` beside the project when it exists. The sample works ship with the project (`samples/`)
and are always available, so a fresh clone builds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apparat.diagnostics import ApparatError, Code, fail

MANIFEST_NAME = "works.yml"
_chosen: Path | None = None


def find_project(start: Path) -> Path:
    """The nearest folder from `start` upwards that holds works.yml; `start` itself when none does."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / MANIFEST_NAME).is_file():
            return folder
    return start


def use_project(path: Path | None) -> None:
    """Choose the project folder for this process (None: find it again as the module's docstring says).
    Worker processes are forked, so they share the choice."""
    global _chosen
    _chosen = None if path is None else path.resolve()


def project() -> Path:
    """The project folder (see the module's docstring)."""
    if _chosen is not None:
        return _chosen
    chosen = os.environ.get("APPARAT_PROJECT")
    return Path(chosen).resolve() if chosen else find_project(Path.cwd())


def __getattr__(name: str) -> Path:
    # The project's paths, computed when read so that they follow --project and the working directory.
    if name == "PROJECT":
        return project()
    if name == "MANIFEST":
        return project() / MANIFEST_NAME
    if name == "SAMPLES":
        return project() / "samples"
    if name == "DEFAULT_SOURCES":
        return project().parent / "shared" / "sources"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
            return project() / "samples" / self.source
        if sources is None:
            return None
        path = sources / self.source
        return path if path.is_file() else None


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the project when it lies inside it."""
    root = project()
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def sources_dir(option: str | None) -> Path | None:
    """The sources directory from the option, the environment, or the default; None if there is none."""
    chosen = option or os.environ.get("APPARAT_SOURCES")
    if chosen:
        return Path(chosen)
    default = project().parent / "shared" / "sources"
    return default if default.is_dir() else None


def load_works(path: Path | None = None) -> list[Work]:
    path = path or project() / MANIFEST_NAME
    if not path.is_file():
        raise fail(
            Code.MANIFEST,
            display_path(path),
            None,
            f"an apparat project ({MANIFEST_NAME}) in the working directory or above it, or --project DIR",
            "no such file",
        )
    text = path.read_text(encoding="utf-8")
    # The YAML checks (jsonschema, markdown-it) load here only: converting a work never reads the manifest.
    from apparat import datacheck
    from apparat.untrusted import UntrustedError, field_problems, load_yaml_text

    shown = display_path(path)
    try:
        data = load_yaml_text(text)
    except UntrustedError as error:
        raise fail(
            Code.MANIFEST, shown, error.problem.line, error.problem.expected, error.problem.found
        ) from None
    problems = datacheck.check("works", data, shown)
    if problems:
        raise ApparatError(problems[0])
    if not isinstance(data, dict) or not isinstance(data.get("works"), list):
        raise fail(Code.MANIFEST, shown, 1, "a mapping with a 'works' list", type(data).__name__)
    for item in data["works"]:  # titles and names reach pages, citation meta and downloads
        for key, value in item.items():
            found = field_problems(value) if isinstance(value, str) else []
            if found:
                line = item.key_lines.get(key, item.line)
                raise fail(Code.DATA_UNSAFE_MARKUP, shown, line, f"plain text in {key!r}", found[0])
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
