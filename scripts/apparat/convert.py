"""Convert the works of the manifest: the entry point for the commands and the site build.

`convert_all` converts every work whose source is available (the samples always are), reporting progress,
and returns each work with its document and diagnostics. Nothing here knows how the result is published.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from apparat import corrections as editorial
from apparat.diagnostics import Diagnostic
from apparat.model import Correction, Document
from apparat.pipeline import convert_file
from apparat.works import PROJECT, Work, load_works

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Converted:
    work: Work
    document: Document
    diagnostics: list[Diagnostic]
    failed: bool
    """True when the conversion met errors (or warnings under --strict)."""


def available_works(sources: Path | None, only: list[str] | None = None) -> list[tuple[Work, Path]]:
    """Works of the manifest with their source file, skipping real works whose source is not there."""
    works = load_works()
    if only:
        unknown = sorted(set(only) - {w.id for w in works})
        if unknown:
            raise KeyError(
                f"unknown work {unknown[0]!r}; the manifest lists {', '.join(w.id for w in works)}"
            )
        works = [w for w in works if w.id in only]
    out = []
    for work in works:
        path = work.source_path(sources)
        if path is not None:
            out.append((work, path))
    return out


def convert_work(
    work: Work, path: Path, *, strict: bool = False, corrections: Sequence[Correction] = ()
) -> Converted:
    shown = str(path.relative_to(PROJECT)) if path.is_relative_to(PROJECT) else str(path)
    document, reporter = convert_file(
        path, work.profile, work.id, strict=strict, display=shown, corrections=corrections
    )
    return Converted(work, document, reporter.items, reporter.failed)


def convert_all(
    sources: Path | None,
    only: list[str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> list[Converted]:
    results = []
    corrections = editorial.load()
    for work, path in available_works(sources, only):
        if progress:
            progress(f"converting {work.id} ({path.name})")
        results.append(convert_work(work, path, strict=strict, corrections=corrections.get(work.id, ())))
    return results
