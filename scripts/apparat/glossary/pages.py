"""The glossary pages."""

from __future__ import annotations

from pathlib import Path

from apparat.edition import Edition
from apparat.glossary.entries import Glossary


def write_pages(glossary: Glossary, editions: list[Edition], content_dir: Path) -> list[Path]:
    del glossary, editions
    folder = content_dir / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, title in (("terms", "Russian terms"), ("factions", "Factions"), ("persons", "Persons")):
        path = folder / f"{name}.md"
        path.write_text(f"# {title}\n", encoding="utf-8")
        written.append(path)
    return written
