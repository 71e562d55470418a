"""How an annotated span is written into the Markdown: a table from annotation kind to function.

Each function gets the annotation and the span's text, already escaped for Markdown, and returns the
replacement (inline HTML around the text). The glossary and bibliography packages supply the real
functions; these defaults keep a bare model renderable.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from types import MappingProxyType

from apparat.model import Annotation, AnnotationKind

InlineRender = Callable[[Annotation, str], str]


def _plain(annotation: Annotation, text: str) -> str:
    key = html.escape(annotation.key, quote=True)
    return f'<span class="{annotation.kind}" data-key="{key}">{text}</span>'


def _renderers() -> Mapping[AnnotationKind, InlineRender]:
    table: dict[AnnotationKind, InlineRender] = dict.fromkeys(AnnotationKind, _plain)
    return MappingProxyType(table)


RENDERERS: Mapping[AnnotationKind, InlineRender] = _renderers()
