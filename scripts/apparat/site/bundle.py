"""The offline bundle: the built site as one zip that opens from file:// (search, notes, tooltips, no network).

The site is already built for that (offline plugin, vendored iframe-worker shim, no remote asset, checked
by `checks.check_site`); the bundle adds a short README and puts everything under one top folder.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from apparat.staging import staged_file

README = """apparat editions: offline copy

Unzip, then open apparat-offline/index.html in a web browser. Everything (search, notes, tooltips,
navigation) works from the local disk; nothing is fetched from the network.
"""


def write_bundle(site: Path, target: Path, folder: str = "apparat-offline") -> int:
    """Zip `site` into `target` (atomically); returns the zip's size in bytes."""
    with staged_file(target) as temp:
        _zip(site, temp, folder)
    return target.stat().st_size


def _zip(site: Path, target: Path, folder: str) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/README.txt", README)
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
