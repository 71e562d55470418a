"""The works as the editions need them: converted (through the conversion cache) and annotated by the same
layers, in the same order, as for the website."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from apparat.cache import ConversionCache
from apparat.convert import iter_converted
from apparat.diagnostics import Diagnostic
from apparat.editions.apparatus import Apparatus
from apparat.model import Document
from apparat.site.layers import Layer
from apparat.site.layout import Layout
from apparat.works import Work

Say = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Annotated:
    work: Work
    document: Document
    diagnostics: list[Diagnostic]
    failed: bool


def apparatus_of(layers: list[Layer]) -> Apparatus:
    """The layers' data as an edition's apparatus."""
    data = {layer.name: layer.data for layer in layers}
    return Apparatus(glossary=data.get("glossary"), bibliography=data.get("bibliography"))


def annotated_works(
    layout: Layout,
    layers: list[Layer],
    sources: Path | None,
    only: list[str] | None,
    strict: bool,
    say: Say,
) -> Iterator[Annotated]:
    """Each available work, converted and annotated; a failed conversion is yielded unannotated."""
    cache = ConversionCache(layout.build / "cache")
    for converted in iter_converted(sources, only, strict, say, cache=cache):
        document = converted.document
        if not converted.failed:
            for layer in layers:
                document.annotations.extend(layer.annotate(document, converted.work))
        yield Annotated(converted.work, document, converted.diagnostics, converted.failed)
