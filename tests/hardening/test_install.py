"""The wheel installs into a fresh virtualenv (runtime dependencies only, pinned by requirements.lock) and the
installed `apparat` works on a project found from the working directory or --project, never from where the
package was installed."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from apparat.works import project

pytestmark = pytest.mark.slow

PACKAGE_PARTS = ("pyproject.toml", "README.md", "scripts/apparat")
PROJECT_PARTS = ("works.yml", "mkdocs.yml", "bibliography.bib", "overrides", "samples")
PROJECT_PARTS += ("content/assets", "content/data", "content/pages")


def _copy(parts: tuple[str, ...], target: Path) -> Path:
    for part in parts:
        source = project() / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel of the package and its runtime dependencies; its bin folder."""
    root = tmp_path_factory.mktemp("install")
    source = _copy(PACKAGE_PARTS, root / "source")  # built outside the checkout: no build/ left there
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    built = _run(
        [*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(root / "wheels"), "."], source
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((root / "wheels").glob("apparat-*.whl"))
    venv.create(root / "venv", with_pip=False)  # the test's own pip installs into it: faster than ensurepip
    python = root / "venv" / "bin" / "python"
    lock = project() / "requirements.lock"
    done = _run([*pip, "--python", str(python), "install", "-q", "-c", str(lock), str(wheel)], root)
    assert done.returncode == 0, done.stderr[-2000:]
    return python.parent


def test_help_needs_no_test_dependency(installed: Path, tmp_path: Path) -> None:
    result = _run([str(installed / "apparat"), "--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--project DIR" in result.stdout
    for command in ("build", "check", "model", "diff"):
        assert command in result.stdout


def test_check_and_model_on_a_project_from_the_working_directory(installed: Path, tmp_path: Path) -> None:
    sample = _copy(PROJECT_PARTS, tmp_path / "edition")
    check = _run([str(installed / "apparat"), "check"], sample / "content")  # found upwards from a subfolder
    assert check.returncode == 0, check.stderr
    assert "glossary: checked, 0 messages" in check.stderr
    model = _run(
        [str(installed / "apparat"), "model", "samples/sample-book.txt", "--profile", "book", "-o", "m.json"],
        sample,
    )
    assert model.returncode == 0, model.stderr
    data = json.loads((sample / "m.json").read_text(encoding="utf-8"))
    assert data["schema"] == "apparat-model/1" and data["sections"]
    assert stat.S_IMODE((sample / "m.json").stat().st_mode) == 0o644


def test_project_option_and_no_project(installed: Path, tmp_path: Path) -> None:
    sample = _copy(PROJECT_PARTS, tmp_path / "edition")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    chosen = _run([str(installed / "apparat"), "--project", str(sample), "check"], elsewhere)
    assert chosen.returncode == 0, chosen.stderr
    lost = _run([str(installed / "apparat"), "check"], elsewhere)
    assert lost.returncode == 2
    assert "expected an apparat project (works.yml)" in lost.stderr
