"""Golden files: the JSON model of each sample and its Markdown chapters, compared byte for byte.

A change to the converter or the renderer that alters the output fails here with a diff. When the change
is intended, regenerate with `pytest tests/converter/test_golden.py --update-golden`, read the diff of the
golden files (`git diff tests/converter/golden`) and commit them with the change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from apparat.export.json import schema, to_data, to_json
from apparat.model import Document
from apparat.pipeline import convert_file
from apparat.render.markdown import write_chapters
from apparat.works import SAMPLES, load_works

GOLDEN = Path(__file__).parent / "golden"
SAMPLE_PROFILES = {"sample-book": "book", "sample-article": "article"}


def _document(name: str) -> Document:
    document, reporter = convert_file(SAMPLES / f"{name}.txt", SAMPLE_PROFILES[name], name)
    assert not reporter.items, [str(item) for item in reporter.items]
    return document


@pytest.mark.parametrize("name", list(SAMPLE_PROFILES))
def test_model_json(name: str, samples: Path, golden: Callable[[Path, str], None]) -> None:
    document = _document(name)
    jsonschema.validate(to_data(document), schema())
    golden(GOLDEN / f"{name}.json", to_json(document))


@pytest.mark.parametrize("name", list(SAMPLE_PROFILES))
def test_markdown_chapters(
    name: str, samples: Path, tmp_path: Path, update_golden: bool, golden: Callable[[Path, str], None]
) -> None:
    work = next(w for w in load_works() if w.id == name)
    written = write_chapters(_document(name), work, tmp_path)
    names = sorted(chapter.path.name for chapter in written)
    folder = GOLDEN / "chapters" / name
    if update_golden:
        for stale in folder.glob("*.md") if folder.is_dir() else []:
            if stale.name not in names:
                stale.unlink()
    else:
        assert sorted(p.name for p in folder.glob("*.md")) == names
    for chapter in written:
        golden(folder / chapter.path.name, chapter.path.read_text(encoding="utf-8"))
