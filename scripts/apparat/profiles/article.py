"""The `article` layout: a double-spaced author's manuscript (placeholder until written)."""

from __future__ import annotations

from collections.abc import Callable

from apparat.state import State

STAGES: list[tuple[str, Callable[[State], None]]] = []
