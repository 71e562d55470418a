"""A MkDocs hook for `apparat serve` only: after each (re)build, the search index of the pages served and
the map that sends published paragraph ids to where their passage is now.

`apparat build` writes both itself after `mkdocs build` (site/build.py); `mkdocs serve` builds into its own
folder, so `apparat serve` passes this module as a hook. Pages are re-read for the index only when MkDocs
rewrote them. A problem with the published anchors is reported by `apparat build`, not here: a served
preview only loses the redirect of old links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apparat.site import moved
from apparat.site.contributed import audit_anchors
from apparat.site.layout import Layout
from apparat.site.search import PageCache, write_index

_PAGES: PageCache = {}


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    write_index(site, _PAGES)
    moved.write(site, audit_anchors(site, Layout.default().data).moved)
