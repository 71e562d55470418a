"""The CI workflows: actions pinned by commit SHA, write permissions only where deploying, and no secret
within reach of code from a pull request."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).parents[2] / ".github" / "workflows"
PULL_REQUEST_EVENTS = {"pull_request", "pull_request_target", "issue_comment", "workflow_run"}


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return dict(data)


def _events(workflow: dict[str, Any]) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


FILES = sorted(WORKFLOWS.glob("*.yml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_action_is_pinned_by_commit_sha(path: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert uses
    assert [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u)] == []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_write_permissions_only_for_the_deploy_job(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        if writes:
            assert name == "deploy", f"{path.name}: job {name} may write {writes}"
            assert all("run" not in step for step in job["steps"]), "the deploy job runs no code of ours"
            assert not any("checkout" in step.get("uses", "") for step in job["steps"])


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_secret_reaches_pull_request_code(path: Path) -> None:
    workflow = _load(path)
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in _events(workflow)
    if _events(workflow) & PULL_REQUEST_EVENTS:
        assert "secrets." not in text, f"{path.name} runs pull-request code and names a secret"
        return
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "secrets." in str(step):
                assert step.get("if") == "github.ref == 'refs/heads/main'", step


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_checkouts_keep_no_credentials(path: Path) -> None:
    for job in _load(path)["jobs"].values():
        for step in job["steps"]:
            if "actions/checkout@" in step.get("uses", ""):
                assert step.get("with", {}).get("persist-credentials") is False
