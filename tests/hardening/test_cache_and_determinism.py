"""The conversion cache and parallel conversion change nothing: the same bytes out, every time.

Converting twice, serially or in worker processes, with or without the content-addressed cache, gives
byte-identical JSON models and Markdown chapters; the cache key changes with everything a conversion
depends on; a damaged cache entry is a miss, never an error.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from apparat import convert as convert_module
from apparat.cache import ConversionCache, conversion_key, converter_hash
from apparat.convert import Converted, Task, convert_tasks, convert_work, work_key
from apparat.diagnostics import ApparatError
from apparat.export.json import to_json
from apparat.model import Correction
from apparat.render.markdown import write_chapters
from apparat.synthetic import generate_article, generate_book
from apparat.works import Work


def synthetic_work(folder: Path, name: str, profile: str = "book", seed: int = 1) -> tuple[Work, Path]:
    path = folder / f"{name}.txt"
    text = generate_book(20_000, seed)[0] if profile == "book" else generate_article(6, seed)
    path.write_text(text, encoding="utf-8")
    return Work(name, name, "Synthetic", path.name, profile, sample=False), path


def outputs(result: Converted, folder: Path) -> dict[str, bytes]:
    """The model JSON and every chapter file, as bytes."""
    chapters = folder / "content"
    write_chapters(result.document, result.work, chapters)
    files = {p.relative_to(chapters).as_posix(): p.read_bytes() for p in sorted(chapters.rglob("*.md"))}
    return {"model.json": to_json(result.document).encode(), **files}


def test_a_cache_hit_gives_byte_identical_model_and_chapters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, path = synthetic_work(tmp_path, "cached")
    cache = ConversionCache(tmp_path / "cache")
    first = convert_work(work, path, cache=cache)
    assert list((tmp_path / "cache").rglob("*.json")), "the conversion was stored"

    def no_conversion(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cache hit must not convert again")

    monkeypatch.setattr(convert_module, "convert_file", no_conversion)
    second = convert_work(work, path, cache=cache)
    assert outputs(first, tmp_path / "a") == outputs(second, tmp_path / "b")
    assert second.diagnostics == first.diagnostics and second.failed == first.failed


def test_a_hit_takes_the_current_manifest_entry(tmp_path: Path) -> None:
    work, path = synthetic_work(tmp_path, "renamed")
    cache = ConversionCache(tmp_path / "cache")
    convert_work(work, path, cache=cache)
    retitled = replace(work, title="A New Title")
    assert convert_work(retitled, path, cache=cache).work == retitled


def test_changing_one_work_reconverts_only_that_work(tmp_path: Path) -> None:
    cache = ConversionCache(tmp_path / "cache")
    works = [synthetic_work(tmp_path, f"w{i}", seed=i) for i in range(3)]
    for work, path in works:
        convert_work(work, path, cache=cache)
    keys_before = [work_key(w, p, p.read_bytes()) for w, p in works]
    works[1][1].write_text(generate_book(20_000, 99)[0], encoding="utf-8")
    keys_after = [work_key(w, p, p.read_bytes()) for w, p in works]
    assert [a == b for a, b in zip(keys_before, keys_after, strict=True)] == [True, False, True]
    assert [cache.get(k) is not None for k in keys_after] == [True, False, True]


def test_the_key_covers_everything_a_conversion_depends_on() -> None:
    base = conversion_key(b"text", "book", "w", "w.txt")
    fix = Correction(3, "a", "b", "typo", "corrections.yml:4")
    variants = [
        conversion_key(b"text.", "book", "w", "w.txt"),
        conversion_key(b"text", "article", "w", "w.txt"),
        conversion_key(b"text", "book", "v", "w.txt"),
        conversion_key(b"text", "book", "w", "v.txt"),
        conversion_key(b"text", "book", "w", "w.txt", strict=True),
        conversion_key(b"text", "book", "w", "w.txt", corrections=[fix]),
    ]
    assert base == conversion_key(b"text", "book", "w", "w.txt")
    assert len({base, *variants}) == len(variants) + 1
    assert len(converter_hash()) == 64


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    work, path = synthetic_work(tmp_path, "damaged")
    cache = ConversionCache(tmp_path / "cache")
    key = work_key(work, path, path.read_bytes())
    cache.path(key).parent.mkdir(parents=True)
    cache.path(key).write_bytes(b"not an entry")
    assert cache.get(key) is None
    convert_work(work, path, cache=cache)
    assert cache.get(key) is not None


def test_parallel_conversion_equals_serial_and_keeps_order(tmp_path: Path) -> None:
    made = [
        synthetic_work(tmp_path, f"p{i}", profile, seed=i)
        for i, profile in enumerate(["book", "article"] * 2)
    ]
    tasks: list[Task] = [(work, path, False, (), None) for work, path in made]
    serial = list(convert_tasks(tasks, jobs=1))
    parallel = list(convert_tasks(tasks, jobs=2))
    assert [r.work.id for r in parallel] == [w.id for w, _ in made]
    for a, b in zip(serial, parallel, strict=True):
        assert outputs(a, tmp_path / f"s-{a.work.id}") == outputs(b, tmp_path / f"p-{b.work.id}")


def test_an_error_in_a_worker_keeps_its_path_and_line(tmp_path: Path) -> None:
    good, good_path = synthetic_work(tmp_path, "good")
    bad_path = tmp_path / "bad.txt"
    bad_path.write_bytes(b"a line\n\x00binary\n")
    bad = Work("bad", "bad", "x", "bad.txt", "book", sample=False)
    tasks: list[Task] = [(good, good_path, False, (), None), (bad, bad_path, False, (), None)]
    with pytest.raises(ApparatError) as raised:
        list(convert_tasks(tasks, jobs=2))
    assert raised.value.diagnostic.line == 2
    assert str(raised.value).startswith(f"{bad_path}:2: error:")


def test_converting_twice_gives_identical_bytes(tmp_path: Path) -> None:
    for profile in ("book", "article"):
        work, path = synthetic_work(tmp_path, f"twice-{profile}", profile)
        a = convert_work(work, path)
        b = convert_work(work, path)
        assert outputs(a, tmp_path / f"a-{profile}") == outputs(b, tmp_path / f"b-{profile}")


@pytest.mark.real
def test_real_works_identical_serial_parallel_and_cached(sources: Path, tmp_path: Path) -> None:
    works = [
        (
            Work("trotsky-bureaucracy", "t", "a", "trotsky-bureaucracy.txt", "book", sample=False),
            sources / "trotsky-bureaucracy.txt",
        ),
        (
            Work("gramsci-bukharin", "g", "a", "gramsci-bukharin.txt", "article", sample=False),
            sources / "gramsci-bukharin.txt",
        ),
    ]
    cache = ConversionCache(tmp_path / "cache")
    plain: list[Task] = [(w, p, False, (), None) for w, p in works]
    cached: list[Task] = [(w, p, False, (), cache) for w, p in works]
    runs = {
        "serial": list(convert_tasks(plain, jobs=1)),
        "parallel": list(convert_tasks(plain, jobs=2)),
        "parallel-filling-cache": list(convert_tasks(cached, jobs=2)),
        "from-cache": list(convert_tasks(cached, jobs=1)),
    }
    expected = [outputs(r, tmp_path / f"serial-{r.work.id}") for r in runs.pop("serial")]
    for name, results in runs.items():
        assert [outputs(r, tmp_path / f"{name}-{r.work.id}") for r in results] == expected, name


def test_prune_removes_only_other_converter_versions(tmp_path: Path) -> None:
    work, path = synthetic_work(tmp_path, "pruned")
    old = ConversionCache(tmp_path / "cache", code="0" * 64)
    current = ConversionCache(tmp_path / "cache")
    convert_work(work, path, cache=old)
    convert_work(work, path, cache=current)
    assert old.generation != current.generation
    assert current.prune() == 1
    assert not old.generation.exists()
    assert current.get(work_key(work, path, path.read_bytes())) is not None
