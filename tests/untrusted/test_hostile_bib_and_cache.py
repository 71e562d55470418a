"""Hostile bibliography fields are rejected at `bibliography.bib:LINE`, and the downloads stay inert even if one
got through; a hostile build cache is ignored and rebuilt, never loaded; no module loads pickles."""

from __future__ import annotations

import ast
import json
import pickle
import re
from pathlib import Path

import pytest
from hostile_cases import BAD_BIB, BAD_BIB_KEYS, BAD_CACHE
from pybtex.database import Entry, Person

from apparat import cachefile
from apparat.bib import exports, publish
from apparat.cache import FORMAT, ConversionCache
from apparat.convert import Converted, convert_work
from apparat.diagnostics import Reporter
from apparat.glossary.incremental import FORMAT as ANNOTATIONS_FORMAT
from apparat.glossary.incremental import AnnotationCache
from apparat.works import load_works

PACKAGE = Path(__file__).parents[2] / "scripts" / "apparat"


@pytest.mark.parametrize("name", sorted(BAD_BIB))
def test_hostile_bibliography_field_is_rejected_at_its_line(tmp_path: Path, name: str) -> None:
    text, line = BAD_BIB[name]
    path = tmp_path / "bibliography.bib"
    path.write_text(text, encoding="utf-8")
    reporter = Reporter("bibliography.bib")
    publish.load(path, reporter)
    shown = [str(d) for d in reporter.items]
    assert any(
        s.startswith(f"bibliography.bib:{line}: error: ") and s.endswith("[apparat.bib.unsafe-field]")
        for s in shown
    ), shown


@pytest.mark.parametrize("name", sorted(BAD_BIB_KEYS))
def test_a_key_that_is_no_anchor_is_rejected_at_its_line(tmp_path: Path, name: str) -> None:
    text, line = BAD_BIB_KEYS[name]
    path = tmp_path / "bibliography.bib"
    path.write_text(text, encoding="utf-8")
    reporter = Reporter("bibliography.bib")
    publish.load(path, reporter)
    shown = [str(d) for d in reporter.items]
    assert [s for s in shown if s.startswith(f"bibliography.bib:{line}: error: expected a key")], shown


def test_the_project_bibliography_is_clean() -> None:
    from apparat.bib.fields import check
    from apparat.works import project

    assert check((project() / "bibliography.bib").read_text(encoding="utf-8")) == []


HOSTILE_ENTRY = Entry(
    "book",
    fields={
        "title": "\\input{/etc/passwd} and ^^5cwrite18{x}",
        "note": "line one\nER  - \nTY  - JOUR",
        "publisher": "</script><script>alert(1)</script>",
        "year": "1990",
    },
    persons={"author": [Person("Smith, J\\'ohn")]},
)


def test_the_bibtex_download_defuses_commands() -> None:
    text = exports.bibtex({"X1": HOSTILE_ENTRY})
    assert not re.search(r"(?<!\\textbackslash\{\})\\(input|write)", text), text
    assert "^^" not in text and "<" not in text
    assert "J\\'ohn" in text  # an allowed accent is kept


def test_the_ris_download_keeps_each_value_on_its_line() -> None:
    text = exports.ris({"X1": HOSTILE_ENTRY})
    records = [line for line in text.splitlines() if line]
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in records), records
    assert sum(1 for line in records if line.startswith("ER  -")) == 1
    assert sum(1 for line in records if line.startswith("TY  -")) == 1


def test_the_json_download_is_inert_in_html() -> None:
    text = exports.csl_json({"X1": HOSTILE_ENTRY})
    assert "<" not in text and ">" not in text
    assert json.loads(text)[0]["publisher"] == "</script><script>alert(1)</script>"


# --- the cache ---------------------------------------------------------------------------------------------


class _Payload:
    """Unpickling this writes a file: the proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


@pytest.fixture(scope="module")
def converted() -> tuple[Converted, Path]:
    work = next(w for w in load_works() if w.id == "sample-article")
    path = work.source_path(None)
    assert path is not None
    return convert_work(work, path), path


def _key(cache: ConversionCache, value: Converted, path: Path) -> str:
    from apparat.convert import work_key

    return work_key(value.work, path, path.read_bytes(), code=cache.code)


@pytest.mark.parametrize("name", BAD_CACHE)
def test_a_hostile_cache_entry_is_ignored_and_rebuilt(
    tmp_path: Path, name: str, converted: tuple[Converted, Path]
) -> None:
    value, source = converted
    marker = tmp_path / "marker"
    payload = pickle.dumps(_Payload(marker))
    if name == "a pickle in the annotation cache":
        cache = AnnotationCache(tmp_path / "annotations")
        cache.folder.mkdir(parents=True)
        for suffix in (".json", ".pickle"):
            (cache.folder / f"k{suffix}").write_bytes(payload)
        assert cache.get("k") is None and cache.words("k") is None
        cache.put("k", [])
        assert cache.get("k") == []
        assert not marker.exists()
        assert ANNOTATIONS_FORMAT.startswith(b"apparat-annotations/")
        return
    cache = ConversionCache(tmp_path / "cache")
    key = _key(cache, value, source)
    entry = cache.path(key)
    entry.parent.mkdir(parents=True)
    stored = cachefile.encode(value)
    if name == "a pickle in the conversion cache":
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)
    elif name == "an entry stored under another key":
        cachefile.write(entry, FORMAT.decode(), "0" * 64, stored)
    elif name == "an entry whose hash does not match":
        cachefile.write(entry, FORMAT.decode(), key, stored)
        header, _, body = entry.read_bytes().partition(b"\n")
        tampered = json.loads(body)
        tampered["failed"] = True  # the header's sha256 is the old value's
        entry.write_bytes(header + b"\n" + json.dumps(tampered).encode())
    elif name == "an entry of another format version":
        cachefile.write(entry, "apparat-cache/0", key, stored)
    elif name == "an entry with an extra field":
        stored["document"]["script"] = "alert(1)"
        cachefile.write(entry, FORMAT.decode(), key, stored)
    assert cache.get(key) is None
    work = value.work
    again = convert_work(work, source, cache=cache)  # converts, and overwrites the entry
    assert again.document == value.document
    assert cache.get(key) is not None
    assert not marker.exists()


def test_a_sound_entry_gives_back_the_same_conversion(
    tmp_path: Path, converted: tuple[Converted, Path]
) -> None:
    value, source = converted
    cache = ConversionCache(tmp_path / "cache")
    cache.put(_key(cache, value, source), value)
    assert cache.get(_key(cache, value, source)) == value


def test_no_module_loads_pickles() -> None:
    forbidden = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            found += [f"{path.relative_to(PACKAGE)}:{node.lineno}" for name in names if name in forbidden]
    assert found == []


def test_a_hand_made_citation_rendering_is_rendered_again(tmp_path: Path) -> None:
    """`build/cache/bib/<style>.json` maps an item's digest (anyone can compute it) to published HTML: a
    stored rendering with markup the formatter never writes is dropped and the item rendered afresh."""
    from apparat.bib.csl import Renderer, sound

    item = {"id": "X1", "type": "book", "title": "A Title", "author": [{"family": "Smith"}]}
    honest = Renderer("chicago-author-date", tmp_path)
    expected = honest.render(item)
    honest.save()
    assert sound(expected) and "Smith" in expected
    stored = tmp_path / "chicago-author-date.json"
    link = '<a href="https://example.org/">Smith</a> <img src=x onerror=alert(1)>'
    stored.write_text(json.dumps(dict.fromkeys(json.loads(stored.read_text(encoding="utf-8")), link)))
    assert Renderer("chicago-author-date", tmp_path).render(item) == expected
    assert not sound("<i>A</i> <script>x</script>")
    assert sound('<i>A</i> &lt;b&gt; <span style="font-variant:small-caps;">b</span>')
