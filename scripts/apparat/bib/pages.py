"""The bibliography pages of each work: the reference list, the completeness page, the downloads."""

from __future__ import annotations

from pathlib import Path

from apparat.bib.database import Bibliography
from apparat.edition import Edition


def write_pages(bibliography: Bibliography, editions: list[Edition], content_dir: Path) -> list[Path]:
    written: list[Path] = []
    for edition in editions:
        path = content_dir / edition.work.id / "bibliography.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"# Bibliography\n\n{len(bibliography.cited_by(edition.work.id))} entries.\n", encoding="utf-8"
        )
        written.append(path)
    return written
