"""The commands around the build, on the sample site built once (they do not write into content/)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apparat.cli import main
from apparat.site.build import BuildResult
from apparat.site.layout import Layout


def test_check_passes_on_a_good_site(sample_build: tuple[Layout, BuildResult]) -> None:
    layout = sample_build[0]  # its own models: the project's build/models may hold another build's
    assert main(["check", "--site", str(layout.site), "--models", str(layout.models)]) == 0


def test_check_fails_on_a_broken_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "index.html").write_text('<article><a href="missing.html">x</a></article>', encoding="utf-8")
    assert main(["check", "--site", str(tmp_path)]) == 1
    assert "[apparat.site.broken-link]" in capsys.readouterr().err


def test_bundle_of_an_existing_site(
    sample_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "offline.zip"
    assert main(["bundle", "--no-build", "--site-dir", str(sample_site), "-o", str(target)]) == 0
    assert "apparat-offline/index.html" in zipfile.ZipFile(target).namelist()
    assert "bytes" in capsys.readouterr().err
