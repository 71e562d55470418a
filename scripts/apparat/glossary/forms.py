"""The glossary's word forms as a plain set of words, for the converter's hyphenation decisions.

A transliterated Russian word is neither English nor, often, elsewhere in the work (`ierarkhiia` occurs
once, broken at a line end), but the glossary knows its forms (pymorphy3). The converter asks for them only
when a decision needs them (`State.forms`). Deriving them loads pymorphy3 and costs about half a second, so
the set is kept in `build/cache/forms/`, keyed by the sha256 of the data files and of this code: an edit of
`terms.yml` or `not-terms.yml` derives them again, nothing else does.
"""

from __future__ import annotations

import contextlib
import hashlib
from functools import cache
from pathlib import Path

from apparat.diagnostics import Reporter
from apparat.staging import write_atomic
from apparat.works import MANIFEST_NAME, project

_FILES = ("terms.yml", "not-terms.yml")
_CODE = ("forms.py", "matcher.py", "translit.py", "entries.py", "data.py")
PACKAGE = Path(__file__).resolve().parent


def forms_key(data_dir: Path | None = None) -> str:
    """sha256 of what the forms depend on: the terms and not-terms files and the code deriving them."""
    data_dir = data_dir or project() / "content" / "data"
    digest = hashlib.sha256(b"apparat-forms/1")
    for name in _FILES:
        path = data_dir / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def glossary_forms(data_dir: Path | None = None, cache_dir: Path | None = None) -> frozenset[str]:
    """Every spelling of every glossary term (lemma, variants, derived inflections), lower case, one word
    per entry (phrases are split into their words). The project's data and cache by default; outside a
    project (`apparat model FILE` run anywhere) there is no glossary, and nothing is written."""
    if data_dir is None:
        root = project()
        if not (root / MANIFEST_NAME).is_file():
            return frozenset()
        data_dir, cache_dir = root / "content" / "data", root / "build" / "cache" / "forms"
    key = forms_key(data_dir)
    stored = cache_dir / f"{key}.txt" if cache_dir is not None else None
    if stored is not None and stored.is_file():
        return frozenset(stored.read_text(encoding="utf-8").split("\n")) - {""}
    from apparat.glossary.data import load_glossary  # pymorphy3 and the YAML checks: only on a miss
    from apparat.glossary.matcher import term_spellings

    glossary = load_glossary(data_dir, Reporter(str(data_dir)))
    words: set[str] = set()
    for term in glossary.terms.values():
        for spelling in term_spellings(term, glossary.not_russian):
            words.update(spelling.lower().split())
    result = frozenset(words)
    if stored is not None:
        with contextlib.suppress(OSError):  # a read-only checkout still converts; it derives them again
            write_atomic(stored, "\n".join(sorted(result)))
    return result
