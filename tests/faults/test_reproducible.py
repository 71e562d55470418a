"""Reproducible output: the same inputs and SOURCE_DATE_EPOCH give byte-identical site and bundle."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from apparat.site.build import build_site
from apparat.site.bundle import write_bundle
from apparat.site.layout import Layout


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sites, bundles = [], []
    for name in ("one", "two"):
        layout = Layout.under(tmp_path / name)
        result = build_site(layout, None, ["sample-book", "sample-article"])
        assert not result.failed, [str(d) for d in result.diagnostics][:5]
        sites.append(_files(layout.site))
        bundle = tmp_path / name / "offline.zip"
        write_bundle(layout.site, bundle)
        bundles.append(bundle.read_bytes())
    assert sites[0].keys() == sites[1].keys()
    different = [name for name in sites[0] if sites[0][name] != sites[1][name]]
    assert different == []
    assert bundles[0] == bundles[1]
    # published output is readable by a web server, not private like a temporary file
    assert stat.S_IMODE((tmp_path / "one" / "site").stat().st_mode) & 0o005 == 0o005
    assert stat.S_IMODE((tmp_path / "one" / "offline.zip").stat().st_mode) & 0o004 == 0o004
