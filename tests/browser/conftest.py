"""Browser fixtures: Debian's chromium driven by Playwright, the sample edition served over http (axe needs
http, see the field notes) and opened from file:// (the offline bundle)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests_browser_support import Session

from apparat.site.build import build_site
from apparat.site.layout import Layout

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    layout = Layout.under(tmp_path_factory.mktemp("browser-edition"))
    chosen = os.environ.get("APPARAT_TEST_LAYERS")
    names = None if chosen is None else [n for n in chosen.split(",") if n]
    result = build_site(layout, None, ["sample-book", "sample-article"], layer_names=names)
    assert not result.failed, [str(d) for d in result.diagnostics if d.severity == "error"]
    return layout


@pytest.fixture(scope="session")
def site(built: Layout) -> Path:
    return built.site


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed: run `bash scripts/setup.sh --browser`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def session(browser: Any) -> Iterator[Session]:
    opened = Session(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def dark_session(browser: Any) -> Iterator[Session]:
    opened = Session(browser, "dark")
    yield opened
    opened.context.close()


@pytest.fixture(scope="session")
def real_server(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Iterator[str]:
    """The full edition (all four works) built and served, for the measurements on the real works (the
    `sources` fixture skips without them)."""
    layout = Layout.under(tmp_path_factory.mktemp("real-edition"))
    result = build_site(layout, sources)
    assert not result.failed, [str(d) for d in result.diagnostics if d.severity == "error"][:10]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(layout.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
