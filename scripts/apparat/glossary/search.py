"""What the site's search needs of the glossary to expand a reader's query (the pages hold no hidden words).

* `letters`: the transliteration table the glossary uses (iuliia's ALA_LC_ALT, read from the library's own
  schema, with the soft sign as ’ and the hard sign as ”), so that a Cyrillic query is transliterated in
  the search exactly as the glossary transliterates its Cyrillic: главкократия finds glavkokratiia.
* `terms`: each term's spellings (every inflected form the matcher knows, lower-cased) and its English
  glosses split into phrases (`red tape, office routine` → `red tape`, `office routine`; `(state) official`
  → `state official`, `official`), so that a gloss query finds the passages that use the term.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import iuliia

from apparat.glossary.annotate import matcher_for
from apparat.glossary.entries import Glossary
from apparat.glossary.translit import latin
from apparat.model import AnnotationKind

_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_SEPARATORS = re.compile(r"[,;/]")


@cache
def letters() -> dict[str, str]:
    """Cyrillic letter (lower and upper case) → Latin, as `translit.latin` spells it."""
    mapping: dict[str, str] = json.loads(Path(iuliia.ALA_LC_ALT.path).read_text(encoding="utf-8"))["mapping"]
    table = {letter: latin(letter) for letter in mapping}
    table |= {letter.upper(): latin(letter.upper()) for letter in mapping}
    return table


def gloss_phrases(gloss: str) -> list[str]:
    """The phrases a reader may type for a gloss: each alternative, with and without what is in brackets."""
    phrases: list[str] = []
    for part in _SEPARATORS.split(gloss):
        inner = " ".join(_PARENTHESIS.findall(part))
        without = _PARENTHESIS.sub(" ", part)
        with_words = _PARENTHESIS.sub(lambda m: m.group(1), part)
        for phrase in (with_words, without, inner):
            phrase = " ".join(phrase.split()).lower()
            phrase = phrase.removeprefix("to ")  # "to become bureaucratised": the verb is what is typed
            if phrase and phrase not in phrases:
                phrases.append(phrase)
    return phrases


def search_terms(glossary: Glossary) -> dict[str, Any]:
    matcher = matcher_for(glossary)
    terms = []
    for key, term in sorted(glossary.terms.items()):
        spellings = matcher.spellings.get((AnnotationKind.TERM, key), [])
        forms = sorted({" ".join(words).lower() for words, _ in spellings})
        terms.append({"key": key, "lemma": term.lemma, "forms": forms, "glosses": gloss_phrases(term.gloss)})
    return {"letters": letters(), "terms": terms}
