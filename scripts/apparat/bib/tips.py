"""Tooltip content: each entry's formatted reference."""

from __future__ import annotations

import html

from apparat.bib.database import Bibliography


def tips(bibliography: Bibliography) -> dict[str, str]:
    return {
        f"cite:{key}": html.escape(str(entry.fields.get("title", key)))
        for key, entry in bibliography.entries.items()
    }
