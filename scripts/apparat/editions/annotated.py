"""The works as the editions need them: converted (through the conversion cache) and annotated by the same
layers, in the same order, as for the website."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from apparat.cache import ConversionCache
from apparat.convert import Converted, iter_converted
from apparat.editions.apparatus import Apparatus
from apparat.site.layers import Layer
from apparat.site.layout import Layout

Say = Callable[[str], None]


Annotated = Converted
"""A converted work whose document carries the annotation layers' spans (a failed one is left unannotated)."""


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
        if not converted.failed:
            for layer in layers:
                converted.document.annotations.extend(layer.annotate(converted.document, converted.work))
        yield converted
