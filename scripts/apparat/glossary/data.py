"""Loading `content/data/{terms,factions,persons}.yml` with a schema check (filled in below)."""

from __future__ import annotations

from pathlib import Path

from apparat.diagnostics import Reporter
from apparat.glossary.entries import Glossary


def load_glossary(data_dir: Path, reporter: Reporter) -> Glossary:
    del data_dir, reporter
    return Glossary()
