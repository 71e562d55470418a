"""Annotate again only what a glossary change can affect: a content-addressed cache of each work's spans.

A work's glossary annotations depend on its texts, the spans already there (citations), the annotation code,
and only those entries that could match in it: an entry none of whose spellings starts with a word of the
work cannot produce a span there (the matcher only starts a match at such a word). The cache key is the
sha256 of exactly that, so

* editing a definition, a description or a see-also link changes no key: pages are rewritten, no work is
  annotated again;
* adding or changing a spelling of an entry re-annotates only the works that contain its first word
  (before or after the change);
* a changed work re-annotates that work only.

The value is the list of annotations as plain JSON data in `build/cache/annotations/`, in the envelope
of `apparat.cachefile` (format, key, sha256): an entry that is not sound is ignored and annotated again.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from apparat import cachefile
from apparat.glossary.annotate import texts
from apparat.glossary.entries import Glossary
from apparat.glossary.matcher import WORD, Matcher
from apparat.model import Annotation, AnnotationKind, BlockKind, Document

PACKAGE = Path(__file__).resolve().parent
FORMAT = b"apparat-annotations/2"
_CODE = ("annotate.py", "matcher.py", "groupings.py", "translit.py", "entries.py", "incremental.py")


@cache
def code_hash() -> str:
    digest = hashlib.sha256(FORMAT)
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (PACKAGE / name).read_bytes() + b"\0")
    # the cached values are Annotations (as JSON, apparat.cachefile): a change of the model's fields must
    # not read old ones back
    digest.update((PACKAGE.parent / "model.py").read_bytes())
    return digest.hexdigest()


def document_words(document: Document) -> set[str]:
    """Every word of the work's annotatable texts, lower-cased, with possessive and final-apostrophe
    readings too (the matcher tries those)."""
    words: set[str] = set()
    for _target, text in texts(document):
        for match in WORD.finditer(text):
            word = match.group().replace("'", "’").lower()
            words.add(word)
            if word.endswith("’s"):
                words.add(word[:-2])
            if word.endswith("’"):
                words.add(word[:-1])
    return words


def relevant_entries(matcher: Matcher, words: set[str]) -> list[tuple[AnnotationKind, str]]:
    found: set[tuple[AnnotationKind, str]] = set()
    for word in words & matcher.by_first.keys():
        found |= matcher.by_first[word]
    return sorted(found)


def text_digest(document: Document) -> str:
    """sha256 of the work's annotatable texts, which of them are headings, and the spans already there."""
    digest = hashlib.sha256(code_hash().encode())
    headings = {b.id for s in document.sections for b in s.blocks if b.kind is BlockKind.HEADING}
    for target, text in texts(document):
        digest.update(f"{target}{'#h' if target in headings else ''}\0{text}\0".encode())
    for a in sorted(document.annotations, key=lambda a: (a.target, a.start, a.end)):
        digest.update(f"{a.target}\0{a.start}\0{a.end}\0".encode())
    return digest.hexdigest()


def annotation_key(
    document: Document, glossary: Glossary, matcher: Matcher, cache: AnnotationCache | None = None
) -> str:
    """sha256 of everything the work's glossary annotations depend on (see the module's docstring).

    The work's word list is the costly part (a pass over every word); with a cache it is kept by the
    texts' digest, so an unchanged work costs one hash of its text."""
    texts_key = text_digest(document)
    words = cache.words(texts_key) if cache is not None else None
    if words is None:
        words = document_words(document)
        if cache is not None:
            cache.put_words(texts_key, words)
    digest = hashlib.sha256(texts_key.encode())
    for kind, key in relevant_entries(matcher, words):
        # only the spellings that can start at a word of this work; the others cannot match here
        spellings = sorted(s for s in matcher.spellings[(kind, key)] if s[0][0].lower() in words)
        digest.update(repr((str(kind), key, spellings)).encode() + b"\0")
        if kind is AnnotationKind.TERM:  # the tooltip and page fields (kept: cheap, and safe)
            term = glossary.terms[key]
            digest.update(repr((term.lemma, term.cyrillic, term.gloss)).encode() + b"\0")
    # links that depend on the sentence: the wings named bare, and spellings that need context words
    for faction in sorted(glossary.factions.values(), key=lambda f: f.key):
        if faction.wing or faction.context:
            digest.update(repr((faction.key, faction.wing, faction.context)).encode() + b"\0")
    return digest.hexdigest()


class AnnotationCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> list[Annotation] | None:
        value = cachefile.load(self.folder / f"{key}.json", FORMAT.decode(), key, list[Annotation])
        return value if isinstance(value, list) else None

    def put(self, key: str, annotations: list[Annotation]) -> None:
        cachefile.write(self.folder / f"{key}.json", FORMAT.decode(), key, cachefile.encode(annotations))

    def words(self, texts_key: str) -> set[str] | None:
        path = self.folder / "words" / f"{texts_key}.json"
        value = cachefile.load(path, FORMAT.decode(), texts_key, set[str])
        return value if isinstance(value, set) else None

    def put_words(self, texts_key: str, words: set[str]) -> None:
        path = self.folder / "words" / f"{texts_key}.json"
        cachefile.write(path, FORMAT.decode(), texts_key, cachefile.encode(words))
