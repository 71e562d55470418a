"""The annotation layers (bibliography, glossary, emphasis) as the build sees them: optional, loaded by name.

Each layer is a package with a `publish` module exposing `load`, `annotate`, `write_pages` and `tips`, and
optionally `search_terms` (see docs/site.md). A layer that cannot be imported is a broken install, not a
reason to publish the edition without it: the import error stands. Layers run in the order of `SPECS`:
citations before terms (a term is never annotated inside a citation), and both before emphasis, which reads
their spans and, through `needs`, their loaded data.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from apparat.diagnostics import Diagnostic, Reporter
from apparat.edition import Edition
from apparat.model import Annotation, Document
from apparat.site.layout import Layout
from apparat.works import Work, display_path


@dataclass(frozen=True, slots=True)
class LayerSpec:
    name: str
    module: str
    source: Callable[[Layout], Path]
    """The data the layer's `load` reads."""
    needs: tuple[str, ...] = ()
    """Earlier layers whose loaded data `load` gets as keyword arguments (None when left out)."""


SPECS = (
    LayerSpec("bibliography", "apparat.bib.publish", lambda layout: layout.bibliography),
    LayerSpec("glossary", "apparat.glossary.publish", lambda layout: layout.data),
    LayerSpec(
        "emphasis", "apparat.emphasis.publish", lambda layout: layout.data, ("bibliography", "glossary")
    ),
)


@dataclass(slots=True)
class Layer:
    name: str
    module: ModuleType
    data: Any
    diagnostics: list[Diagnostic]
    cache_dir: Path | None = None
    """Where a layer whose `annotate` takes `cache_dir` keeps its per-work results between builds."""

    def annotate(self, document: Document, work: Work) -> list[Annotation]:
        if self.cache_dir is not None and "cache_dir" in inspect.signature(self.module.annotate).parameters:
            cached: list[Annotation] = self.module.annotate(
                document, work, self.data, cache_dir=self.cache_dir
            )
            return cached
        result: list[Annotation] = self.module.annotate(document, work, self.data)
        return result

    def write_pages(self, editions: list[Edition], content: Path) -> list[Path]:
        if (
            self.cache_dir is not None
            and "cache_dir" in inspect.signature(self.module.write_pages).parameters
        ):
            cached: list[Path] = self.module.write_pages(
                self.data, editions, content, cache_dir=self.cache_dir
            )
            return cached
        result: list[Path] = self.module.write_pages(self.data, editions, content)
        return result

    def tips(self) -> dict[str, str]:
        result: dict[str, str] = self.module.tips(self.data)
        return result

    def search_terms(self) -> dict[str, Any] | None:
        """The data with which the site's search expands queries (a layer without it gives None)."""
        function = getattr(self.module, "search_terms", None)
        return None if function is None else dict(function(self.data))


def load_layers(
    layout: Layout, say: Callable[[str], None], strict: bool = False, names: Sequence[str] | None = None
) -> tuple[list[Layer], bool]:
    """The layers with their data loaded; the flag is True when a layer's data has errors.

    `names` limits the layers (`apparat build --layers bibliography`); None means all of them.
    """
    layers: list[Layer] = []
    loaded: dict[str, Any] = {}
    failed = False
    for spec in SPECS:
        if names is not None and spec.name not in names:
            say(f"{spec.name}: left out (--layers)")
            continue
        module = importlib.import_module(spec.module)
        source = spec.source(layout)
        shown = display_path(source)
        reporter = Reporter(shown, strict=strict)
        data = module.load(source, reporter, **{name: loaded.get(name) for name in spec.needs})
        loaded[spec.name] = data
        failed = failed or reporter.failed
        cache_dir = layout.build / "cache" / "annotations" / spec.name
        layers.append(Layer(spec.name, module, data, reporter.items, cache_dir))
    return layers, failed
