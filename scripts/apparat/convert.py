"""Convert the works of the manifest: the entry point for the commands and the site build.

`convert_all` converts every work whose source is available (the samples always are), reporting progress,
and returns each work with its document and diagnostics. Nothing here knows how the result is published.
`iter_converted` does the same one work at a time, in manifest order, with `jobs` worker processes and an
optional content-addressed cache (`apparat.cache`): a caller that handles each work and drops it keeps
memory bounded however many works there are.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from apparat import corrections as editorial
from apparat.cache import ConversionCache, conversion_key
from apparat.diagnostics import Diagnostic
from apparat.model import Correction, Document
from apparat.pipeline import convert_file
from apparat.works import Work, display_path, load_works

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


def work_key(
    work: Work,
    path: Path,
    data: bytes,
    *,
    strict: bool = False,
    corrections: Sequence[Correction] = (),
    code: str | None = None,
) -> str:
    """The cache key of converting `data` (the bytes of `path`) as `work`."""
    from apparat.glossary.forms import forms_key

    return conversion_key(
        data,
        work.profile,
        work.id,
        display_path(path),
        strict=strict,
        corrections=corrections,
        code=code,
        forms=forms_key(),
    )


def convert_work(
    work: Work,
    path: Path,
    *,
    strict: bool = False,
    corrections: Sequence[Correction] = (),
    cache: ConversionCache | None = None,
) -> Converted:
    shown = display_path(path)
    key = None
    if cache is not None:
        try:
            data = path.read_bytes()
        except OSError:
            data = None  # convert_file reports it with its code
        if data is not None:
            key = work_key(work, path, data, strict=strict, corrections=corrections, code=cache.code)
            hit = cache.get(key)
            if hit is not None:
                return replace(hit, work=work)  # manifest metadata may change without a reconversion
    document, reporter = convert_file(
        path, work.profile, work.id, strict=strict, display=shown, corrections=corrections
    )
    result = Converted(work, document, reporter.items, reporter.failed)
    if cache is not None and key is not None:
        cache.put(key, result)
    return result


def convert_all(
    sources: Path | None,
    only: list[str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    cache: ConversionCache | None = None,
) -> list[Converted]:
    return list(iter_converted(sources, only, strict, progress, jobs=jobs, cache=cache))


def iter_converted(
    sources: Path | None,
    only: list[str] | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    cache: ConversionCache | None = None,
) -> Iterator[Converted]:
    corrections = editorial.load()
    tasks = [
        (work, path, strict, tuple(corrections.get(work.id, ())), cache)
        for work, path in available_works(sources, only)
    ]
    yield from convert_tasks(tasks, jobs=jobs, progress=progress)


Task = tuple[Work, Path, bool, tuple[Correction, ...], ConversionCache | None]


def convert_tasks(
    tasks: Sequence[Task], *, jobs: int = 1, progress: Progress | None = None
) -> Iterator[Converted]:
    """Convert in order; with jobs > 1 in worker processes, at most 2 × jobs results in flight at once."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            if progress:
                progress(f"converting {task[0].id} ({task[1].name})")
            yield _run_task(task)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[Task, Future[Converted]]] = deque()
        queue = iter(tasks)
        for task in queue:
            pending.append((task, pool.submit(_run_task, task)))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            task, future = pending.popleft()
            if progress:
                progress(f"converting {task[0].id} ({task[1].name})")
            result = future.result()  # an ApparatError from the worker is raised here, diagnostic intact
            following = next(queue, None)
            if following is not None:
                pending.append((following, pool.submit(_run_task, following)))
            yield result


def _run_task(task: Task) -> Converted:
    work, path, strict, corrections, cache = task
    return convert_work(work, path, strict=strict, corrections=corrections, cache=cache)
