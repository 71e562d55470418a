"""`apparat epub` and `apparat pdf` on the command line: one file per work, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from apparat.cli import main


def test_epub_of_one_work_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "article.epub"
    assert main(["epub", "--work", "sample-article", "-o", str(target)]) == 0
    assert target.read_bytes()[30:58] == b"mimetypeapplication/epub+zip"
    assert "sample-article" in capsys.readouterr().err


def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["epub", "--work", "nope", "-o", str(tmp_path / "x.epub")]) == 2
    assert "expected a work of works.yml" in capsys.readouterr().err
    assert main(["pdf", "-o", str(tmp_path / "x.pdf")]) == 2  # -o names one file: one --work
    assert "choose one work" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
