"""axe-core (bundled with axe-playwright-python, no network) on a chapter, the glossary and a bibliography,
light and dark: no serious or critical violation. Over http: on file:// axe cannot read the CSS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests_browser_support import Session, chapter_with

pytestmark = pytest.mark.browser


def _pages(site: Path) -> dict[str, str | None]:
    bibliography = next(iter(sorted(site.glob("*/bibliography.html"))), None)
    return {
        "chapter": chapter_with(site, "a.footnote-ref"),
        "glossary": "glossary/terms.html" if (site / "glossary" / "terms.html").is_file() else None,
        "factions": "glossary/factions.html" if (site / "glossary" / "factions.html").is_file() else None,
        "bibliography": bibliography.relative_to(site).as_posix() if bibliography else None,
        "home": "index.html",
        "report": "edition/report.html",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["chapter", "glossary", "factions", "bibliography", "home", "report"])
def test_no_serious_violation(site: Path, server: str, browser: Any, scheme: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    target = _pages(site)[name]
    if target is None:
        pytest.skip(f"the sample edition has no {name} page yet")
    session = Session(browser, scheme)
    try:
        session.page.goto(f"{server}/{target}")
        session.page.wait_for_timeout(300)
        expected = "slate" if scheme == "dark" else "default"
        assert session.page.evaluate("document.body.dataset.mdColorScheme") == expected
        results = Axe().run(session.page)
        session.shot(f"{name}-{scheme}")
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], bad
        assert session.csp_violations == []
    finally:
        session.context.close()
