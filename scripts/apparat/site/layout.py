"""Where the site's inputs and outputs live. One value, so that tests can build into a temporary folder."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from apparat.works import PROJECT

CONTENT = PROJECT / "content"
STATIC_FOLDERS = ("assets", "pages")
"""Hand-written folders of content/ that every content folder needs (copied when building elsewhere)."""
KEPT_FOLDERS = {"assets", "data", "pages"}
"""Folders of content/ that are not generated (everything else under content/ is)."""


@dataclass(frozen=True, slots=True)
class Layout:
    content: Path
    """The MkDocs docs_dir: generated chapters and pages beside the hand-written assets and pages."""
    build: Path
    """Generated configuration and intermediate files (build/mkdocs.yml)."""
    site: Path
    """The final website."""
    data: Path = CONTENT / "data"
    """Editorial data (glossary YAML, corrections); read, never written."""
    bibliography: Path = PROJECT / "bibliography.bib"
    overrides: Path = PROJECT / "overrides"
    base_config: Path = PROJECT / "mkdocs.yml"
    site_url: str | None = None
    """Where the site is published (`https://example.org/edition/`): canonical URLs, `citation_public_url`
    and the sitemap use it. Default: $APPARAT_SITE_URL, else none (every link stays relative)."""

    @classmethod
    def default(cls) -> Layout:
        url = os.environ.get("APPARAT_SITE_URL") or None
        return cls(content=CONTENT, build=PROJECT / "build", site=PROJECT / "site", site_url=url)

    @classmethod
    def under(cls, root: Path) -> Layout:
        """A layout whose generated folders are all inside `root` (tests, benchmarks)."""
        return cls(content=root / "content", build=root / "build", site=root / "site")

    @property
    def models(self) -> Path:
        """The models as JSON (`<work>.json`), as `apparat convert` writes them; the fidelity check reads them."""
        return self.build / "models"

    @property
    def generated(self) -> Path:
        return self.content / "generated"

    def prepare(self) -> None:
        """Make the content folder usable: outside the project it gets a fresh copy of the static folders."""
        self.content.mkdir(parents=True, exist_ok=True)
        self.build.mkdir(parents=True, exist_ok=True)
        if self.content.resolve() == CONTENT.resolve():
            return
        for name in STATIC_FOLDERS:
            source = CONTENT / name
            target = self.content / name
            if target.exists():
                shutil.rmtree(target)
            if source.is_dir():
                shutil.copytree(source, target)
