"""Tooltip HTML for every entry."""

from __future__ import annotations

from apparat.glossary.entries import Glossary


def tips(glossary: Glossary) -> dict[str, str]:
    del glossary
    return {}
