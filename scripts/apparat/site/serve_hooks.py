"""A MkDocs hook for `apparat serve` only: after each (re)build, the search index of the pages served.

`apparat build` writes the index itself after `mkdocs build` (site/build.py); `mkdocs serve` builds into
its own folder, so `apparat serve` passes this module as a hook. Pages are re-read only when MkDocs
rewrote them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apparat.site.search import PageCache, write_index

_PAGES: PageCache = {}


def on_post_build(config: Any, **_: Any) -> None:
    write_index(Path(config["site_dir"]), _PAGES)
