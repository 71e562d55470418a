"""The offline bundle: the built site as one zip that opens from file:// (search, notes, tooltips, no network).

The site is already built for that (relative links to `.html` files, a search that loads its index as a
plain script, no remote asset, checked by `checks.check_site`); the bundle adds a short README and puts everything under one top folder.

The zip is reproducible: entries in sorted order, one timestamp for all of them ($SOURCE_DATE_EPOCH when
set, as in reproducible-builds.org, else 1980-01-01, the earliest a zip can hold) and fixed permissions,
so the same site gives the same bytes.
"""

from __future__ import annotations

import os
import time
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


def _timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return (1980, 1, 1, 0, 0, 0)
    moment = time.gmtime(max(int(epoch), 315532800))  # a zip cannot hold a date before 1980
    return (moment.tm_year, moment.tm_mon, moment.tm_mday, moment.tm_hour, moment.tm_min, moment.tm_sec)


def _entry(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _zip(site: Path, target: Path, folder: str) -> None:
    stamp = _timestamp()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(_entry(f"{folder}/README.txt", stamp), README)
        for path in sorted(site.rglob("*")):
            if path.is_file():
                name = f"{folder}/{path.relative_to(site).as_posix()}"
                archive.writestr(_entry(name, stamp), path.read_bytes(), compresslevel=9)
