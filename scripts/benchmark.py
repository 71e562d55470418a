"""Benchmark the converter: throughput (MB/s) and peak memory (RSS), alone and over growing corpora.

    .venv/bin/python scripts/benchmark.py            # full run (a few minutes on 2 cores)
    .venv/bin/python scripts/benchmark.py --quick    # CI-sized run (under 30 s)
    .venv/bin/python scripts/benchmark.py --json build/bench/latest.json

Every measurement runs in a fresh child process, so its peak RSS is its own (read with os.wait4, which
covers the child and the worker processes it waited for). Measured: the real works when their sources are
present, the sample texts, one synthetic book 20 times the book's size, and corpora of 1, 10 and 100
synthetic book-size works converted by a pool of worker processes that each write their model and drop
it (streaming). Last, the same 100-work corpus is rebuilt through the content-addressed cache after one
work changed; the ratio to the full build is printed (target: at most 10%). Then the editions: the time to
make each real work's EPUB and PDF (targets for the book: 10 s and 90 s), with what the files hold.

When the real sources are present it also builds the book's model in a fresh process and compares it with a
floor measured the same way (read the text, count its words, join its lines, scan for markers): targets
at most 1 s and at most 5x the floor.

Synthetic texts come from `apparat.synthetic` (our own made-up words, seeded) and are kept in
build/bench/corpus/ between runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from apparat.cache import ConversionCache, converter_hash
from apparat.convert import convert_all, convert_tasks, convert_work, work_key
from apparat.export.json import to_json
from apparat.staging import write_atomic
from apparat.synthetic import BOOK_BYTES, write_book
from apparat.works import DEFAULT_SOURCES, PROJECT, SAMPLES, Work

BENCH = PROJECT / "build" / "bench"
"""Where corpora, models, cache and specs go (--workdir): runs in different work directories never meet."""
PINNED_CODE = converter_hash()
"""The converter hash when the run began: cache keys use it throughout, so that another engineer editing
the converter mid-run does not turn the one-changed-work rebuild into a full one."""


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    works: int
    megabytes: float
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float
    """User + system time of the child and its workers: unlike wall time, not inflated by other load."""
    redone: int = 0

    @property
    def cpu_s_per_mb(self) -> float:
        return self.cpu_seconds / self.megabytes if self.megabytes else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    @property
    def s_per_mb(self) -> float:
        return self.seconds / self.megabytes if self.megabytes else 0.0


# --- what a child process measures ---------------------------------------------------------------------


def _synthetic_work(path: Path) -> Work:
    return Work(path.stem, path.stem, "Synthetic", path.name, "book", sample=False)


def _build_one(args: tuple[str, str, str | None, str]) -> tuple[int, bool]:
    """Convert one synthetic work and write its model; skip it when the cache and the model are current.

    Returns (source bytes, True if nothing had to be redone). The document is dropped here, in the worker:
    the parent only ever holds these two numbers, however many works there are.
    """
    source, out_dir, cache_dir, code = Path(args[0]), Path(args[1]), args[2], args[3]
    work = _synthetic_work(source)
    out = out_dir / f"{work.id}.json"
    cache = ConversionCache(Path(cache_dir), code) if cache_dir else None
    data = source.read_bytes()
    if cache is not None:
        key = work_key(work, source, data, code=code)
        if out.exists() and cache.path(key).exists():
            return len(data), True
    result = convert_work(work, source, cache=cache)
    write_atomic(out, to_json(result.document))
    return len(data), False


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement in this process; the parent reads its peak RSS."""
    start = time.perf_counter()
    if spec["kind"] == "file":
        path = Path(spec["path"])
        work = Work(path.stem, path.stem, "-", path.name, spec["profile"], sample=False)
        [result] = convert_tasks([(work, path, False, (), None)])
        to_json(result.document)
        size, redone = path.stat().st_size, 1
    else:
        paths = spec["paths"]
        tasks = [(p, spec["out"], spec.get("cache"), spec["code"]) for p in paths]
        size = redone = 0
        with ProcessPoolExecutor(max_workers=spec["jobs"]) as pool:
            for nbytes, skipped in pool.map(_build_one, tasks, chunksize=1):
                size += nbytes
                redone += 0 if skipped else 1
    return {"seconds": time.perf_counter() - start, "bytes": size, "redone": redone}


def run_child(name: str, works: int, spec: dict[str, Any]) -> Row:
    """Run `measure(spec)` in a fresh interpreter; its figures with its peak RSS and CPU time."""
    spec = {**spec, "code": PINNED_CODE}
    spec_file = BENCH / f"spec-{os.getpid()}.json"  # a hundred paths make too long a command line
    write_atomic(spec_file, json.dumps(spec))
    child = subprocess.Popen(
        [sys.executable, __file__, "--measure", str(spec_file)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    spec_file.unlink(missing_ok=True)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"benchmark: measurement {name!r} failed (exit {child.returncode})")
    result = json.loads(output)
    row = Row(
        name,
        works,
        result["bytes"] / 1e6,
        result["seconds"],
        usage.ru_maxrss / 1024,  # KiB on Linux
        usage.ru_utime + usage.ru_stime,
        result["redone"],
    )
    print(f"  {name}: {row.seconds:.2f} s", file=sys.stderr, flush=True)
    return row


# --- the plan --------------------------------------------------------------------------------------------


def corpus(count: int, size: int, tag: str, jobs: int) -> list[Path]:
    """`count` synthetic works of `size` bytes (seeds 1..count), generated once and kept."""
    folder = BENCH / "corpus" / tag
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"work-{seed:03d}.txt" for seed in range(1, count + 1)]
    missing = [(p, seed) for seed, p in enumerate(paths, 1) if not p.exists()]
    if missing:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_generate, [(str(p), size, seed) for p, seed in missing]))
    return paths


def _generate(args: tuple[str, int, int]) -> None:
    path, size, seed = Path(args[0]), args[1], args[2]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    write_book(tmp, size, seed)
    tmp.replace(path)


def run_plan(quick: bool, jobs: int, sources: Path | None) -> tuple[list[Row], dict[str, float]]:
    unit = BOOK_BYTES // 8 if quick else BOOK_BYTES
    counts = (1, 4, 8) if quick else (1, 10, 100)
    tag = "quick" if quick else "full"
    rows: list[Row] = []

    def file_row(name: str, path: Path, profile: str) -> None:
        rows.append(run_child(name, 1, {"kind": "file", "path": str(path), "profile": profile}))

    if sources is not None:
        file_row("book (real)", sources / "trotsky-bureaucracy.txt", "book")
        file_row("article (real)", sources / "gramsci-bukharin.txt", "article")
    for sample in sorted(SAMPLES.glob("*.txt")):
        file_row(f"sample {sample.stem}", sample, "article" if "article" in sample.stem else "book")
    big = BENCH / "corpus" / f"{tag}-x20.txt"
    if not big.exists():
        _generate((str(big), 20 * unit, 20))
    file_row("synthetic 20x book, one file", big, "book")

    works = corpus(max(counts), unit, tag, jobs)
    out = BENCH / "models" / tag
    for count in counts:
        shutil.rmtree(out, ignore_errors=True)
        spec = {"kind": "corpus", "paths": [str(p) for p in works[:count]], "out": str(out), "jobs": jobs}
        rows.append(run_child(f"corpus of {count}, {jobs} workers", count, spec))

    # The cache: a full build into an empty cache, then a rebuild after one work changed.
    cache = BENCH / "cache" / tag
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    paths = [str(p) for p in works]
    spec = {"kind": "corpus", "paths": paths, "out": str(out), "jobs": jobs, "cache": str(cache)}
    full = run_child(f"corpus of {len(works)}, full build, empty cache", len(works), spec)
    changed = works[0]
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + b"\n")  # the smallest edit: one more (blank) line at the end
        again = run_child(f"corpus of {len(works)}, rebuild, one work changed", len(works), spec)
    finally:
        changed.write_bytes(original)
    rows += [full, again]
    converter_hash.cache_clear()
    if converter_hash() != PINNED_CODE:
        print(
            "benchmark: the converter's code changed during the run (cache keys stayed pinned)",
            file=sys.stderr,
        )
    cache_figures = {
        "full_seconds": full.seconds,
        "rebuild_seconds": again.seconds,
        "rebuild_ratio": again.seconds / full.seconds,
        "full_cpu_seconds": full.cpu_seconds,
        "rebuild_cpu_seconds": again.cpu_seconds,
        "rebuild_cpu_ratio": again.cpu_seconds / full.cpu_seconds,
        "reconverted": again.redone,
        "cache_megabytes": sum(f.stat().st_size for f in cache.rglob("*.json")) / 1e6,
    }
    return rows, cache_figures


def table(rows: list[Row], cache: dict[str, float]) -> str:
    head = f"| {'measurement':<46} | works |     MB |  seconds |  MB/s |  s/MB | CPU s/MB | peak RSS MB |"
    lines = [head, "|" + "|".join("-" * (len(cell)) for cell in head.split("|")[1:-1]) + "|"]
    lines.extend(
        f"| {r.name:<46} | {r.works:>5} | {r.megabytes:>6.2f} | {r.seconds:>8.2f} | {r.mb_per_s:>5.2f} "
        f"| {r.s_per_mb:>5.2f} | {r.cpu_s_per_mb:>8.2f} | {r.peak_rss_mb:>11.0f} |"
        for r in rows
    )
    lines.append("")
    lines.append(
        f"cache: full build {cache['full_seconds']:.2f} s, rebuild after one changed work "
        f"{cache['rebuild_seconds']:.2f} s ({cache['reconverted']:.0f} reconverted) = "
        f"{100 * cache['rebuild_ratio']:.1f}% of the full time (target <= 10%), "
        f"{100 * cache['rebuild_cpu_ratio']:.1f}% of its CPU time; "
        f"cache size {cache['cache_megabytes']:.0f} MB"
    )
    return "\n".join(lines)


FLOOR = r"""
import re, sys
from collections import Counter
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\n")
words = Counter(word.lower() for word in re.findall(r"[^\W\d_]+", text))
joined = " ".join(line.strip() for line in lines)
markers = sum(1 for _ in re.finditer(r"(?<=[^\s\d])\d{1,3}(?=[\s,.;:)’”\]]|$)", text, re.M))
print(len(words), len(joined), markers)
"""
"""The floor: what any converter must do with the text at least (read it, count its words, join its lines,
scan it for note markers), in a fresh interpreter."""

MODEL = r"""
import sys
from pathlib import Path
from apparat.pipeline import convert_file
document, _ = convert_file(Path(sys.argv[1]), "book", "trotsky-bureaucracy")
if len(sys.argv) > 2:
    from apparat.export.json import to_json
    to_json(document)
"""
"""The book's model, built in a fresh interpreter (imports, conversion with its lexicon); with a second
argument also written as JSON (the indented export is encoded by json's pure-Python encoder)."""


def model_against_floor(sources: Path | None, runs: int = 5) -> str | None:
    """The real book's model against the floor, each run `runs` times in fresh processes, alternating.

    Both wall time and CPU time (user + system of the child) are the best of the runs: on a machine shared
    with other work the wall time of one run says more about the neighbours than about the converter.
    """
    if sources is None or not (sources / "trotsky-bureaucracy.txt").is_file():
        return None
    book = str(sources / "trotsky-bureaucracy.txt")
    walls: dict[str, list[float]] = {"model": [], "floor": [], "json": []}
    cpus: dict[str, list[float]] = {"model": [], "floor": [], "json": []}
    for _ in range(runs):
        for name, code, extra in (("model", MODEL, []), ("floor", FLOOR, []), ("json", MODEL, ["json"])):
            start = time.perf_counter()
            child = subprocess.Popen([sys.executable, "-c", code, book, *extra], stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            walls[name].append(time.perf_counter() - start)
            cpus[name].append(usage.ru_utime + usage.ru_stime)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"benchmark: the {name} run failed")
    model, floor = min(walls["model"]), min(walls["floor"])
    model_cpu, floor_cpu = min(cpus["model"]), min(cpus["floor"])
    return (
        f"book model in a fresh process: {model:.2f} s wall, {model_cpu:.2f} s CPU (target <= 1 s); "
        f"floor (read, count words, join lines, scan markers): {floor:.2f} s wall, {floor_cpu:.2f} s CPU; "
        f"ratio {model / floor:.1f}x wall, {model_cpu / floor_cpu:.1f}x CPU (target <= 5x); "
        f"with the JSON export {min(walls['json']):.2f} s wall, {min(cpus['json']):.2f} s CPU"
    )


def other_benchmarks(sources: Path | None) -> list[str]:
    """The glossary's and bibliography's own benchmarks, when those packages provide one.

    They belong to other parts of the build; a failure there is reported in the table, not raised.
    """
    out: list[str] = []
    if importlib.util.find_spec("apparat.glossary.bench") is not None:
        try:
            glossary_bench = importlib.import_module("apparat.glossary.bench")
            converted = convert_all(sources)
            out.append(str(glossary_bench.report([(c.document, c.work) for c in converted])))
        except Exception as error:  # noqa: BLE001 -- another package's figure must not sink this one's
            out.append(f"glossary benchmark failed: {type(error).__name__}: {error}")
    if importlib.util.find_spec("apparat.emphasis.bench") is not None:
        try:
            emphasis_bench = importlib.import_module("apparat.emphasis.bench")
            converted = convert_all(sources)
            out.append(str(emphasis_bench.report([(c.document, c.work) for c in converted])))
        except Exception as error:  # noqa: BLE001
            out.append(f"emphasis benchmark failed: {type(error).__name__}: {error}")
    if importlib.util.find_spec("apparat.bib.bench") is not None:
        try:
            bib_bench = importlib.import_module("apparat.bib.bench")
            timings = bib_bench.bench(sources=sources)
            steps = ", ".join(f"{step} {seconds * 1000:.0f} ms" for step, seconds in timings.items())
            out.append(f"bibliography: {steps}")
        except Exception as error:  # noqa: BLE001
            out.append(f"bibliography benchmark failed: {type(error).__name__}: {error}")
    return out


def editions_benchmark(sources: Path | None, quick: bool) -> list[str]:
    """The time to make the EPUB and the PDF of each work, and what the files hold (apparat.editions.bench).

    Quick: the sample article alone, without epubcheck."""
    try:
        from apparat.editions import bench as editions_bench

        return editions_bench.report(sources, quick)
    except Exception as error:  # noqa: BLE001 -- like the other packages' figures
        return [f"editions benchmark failed: {type(error).__name__}: {error}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI (under 30 s)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    parser.add_argument("--sources", type=Path, help="real sources directory (default: ../shared/sources)")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--workdir", type=Path, help="corpora, models and cache (default: build/bench)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global BENCH  # one setting read by every step of the plan
    BENCH = (args.workdir or BENCH).resolve()
    # On SIGTERM, unwind (finally blocks restore the corpus file the cache figure changes).
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if args.measure:
        print(json.dumps(measure(json.loads(Path(args.measure).read_text(encoding="utf-8")))))
        return 0
    sources = args.sources or (
        DEFAULT_SOURCES if (DEFAULT_SOURCES / "trotsky-bureaucracy.txt").is_file() else None
    )
    print(f"apparat benchmark ({'quick' if args.quick else 'full'}, {args.jobs} workers)", file=sys.stderr)
    floor_line = model_against_floor(sources)
    rows, cache = run_plan(args.quick, args.jobs, sources)
    print(table(rows, cache))
    if floor_line:
        print(floor_line)
    for line in other_benchmarks(sources):
        print(line)
    editions = editions_benchmark(sources, args.quick)
    for line in editions:
        print(line)
    if args.json:
        figures = {
            "rows": [asdict(r) | {"mb_per_s": r.mb_per_s, "cpu_s_per_mb": r.cpu_s_per_mb} for r in rows],
            "cache": cache,
            "editions": editions,
        }
        write_atomic(args.json, json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
