"""How an annotated span is written into the Markdown: a table from annotation kind to function.

Each function gets the annotation and the span's text, already escaped for Markdown, and returns the
replacement: a plain link to the entry, so the edition reads (and navigates) without JavaScript. The
tooltip content is not repeated inline: the site ships one data file (`tips.js`) keyed by `data-ap`, which
keeps chapter pages light. Chapters live one folder below the content root (`<work>/NN-slug.md`), so the
relative paths below hold for every chapter and note.

Nothing hidden is written: what the page holds is what the reader sees. The site's search finds a term by
its Cyrillic or its English gloss by expanding the reader's query (`site/search.py`), not by hidden words.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from types import MappingProxyType

from apparat.model import Annotation, AnnotationKind

InlineRender = Callable[[Annotation, str], str]

ENTRY_PAGES: Mapping[AnnotationKind, str] = MappingProxyType(
    {
        AnnotationKind.TERM: "../glossary/terms.html",
        AnnotationKind.FACTION: "../glossary/factions.html",
        AnnotationKind.PERSON: "../glossary/persons.html",
        AnnotationKind.CITE: "bibliography.html",  # each work's own bibliography, beside its chapters
    }
)
"""Where each kind's entries are published, relative to a chapter page."""


def tip_key(annotation: Annotation) -> str:
    """The key of the span's tooltip in the site's tip data: `<kind>:<entry key>`."""
    return f"{annotation.kind}:{annotation.key}"


def _link(annotation: Annotation, text: str) -> str:
    key = html.escape(annotation.key, quote=True)
    href = f"{ENTRY_PAGES[annotation.kind]}#{key}"
    tip = html.escape(tip_key(annotation), quote=True)
    locator = ""
    if annotation.locator:
        locator = f' data-locator="{html.escape(annotation.locator, quote=True)}"'
    return f'<a class="ap-{annotation.kind}" href="{href}" data-ap="{tip}"{locator}>{text}</a>'


RENDERERS: Mapping[AnnotationKind, InlineRender] = MappingProxyType(dict.fromkeys(AnnotationKind, _link))
