"""No hostile input of the suite executes in Chromium: neither in the form we would publish it (sanitised or
escaped), nor raw under the site's Content-Security-Policy (what a page would get if a check were bypassed).

Each case is served as its own page from a fake origin (Playwright routes, no network). Every link and button
is clicked (a `javascript:` address runs on click). A dialog or a script error (the payloads call `alert`,
`steal()` or `x()`) counts as execution.
A control page without the policy proves the harness sees a payload that runs.
"""

from __future__ import annotations

import contextlib
import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apparat import sanitize
from apparat.bib.style import esc
from apparat.untrusted import _MD_CHECK, page_renderer, render_definition

sys.path.insert(0, str(Path(__file__).parents[1] / "untrusted"))
import hostile_cases as cases

pytestmark = pytest.mark.browser

ORIGIN = "http://hostile.test"
POLICY = re.search(
    r'<meta http-equiv="Content-Security-Policy"[^>]*>',
    (Path(__file__).parents[2] / "overrides" / "main.html").read_text(encoding="utf-8"),
)


def _bib_values() -> list[str]:
    values = []
    for text, _ in cases.BAD_BIB.values():
        values += re.findall(r"=\s*\{(.*)\},?$", text, re.MULTILINE) + re.findall(r"@preamble\{(.*)\}", text)
    return values


def _pages() -> Iterator[tuple[str, str, str]]:
    """(case, published form, raw form) of every hostile text that can reach a page."""
    renderer = page_renderer()

    def page(text: str) -> str:
        renderer.reset()
        return str(renderer.convert(text))

    for name, text in cases.BAD_DEFINITIONS.items():
        yield f"definition: {name}", render_definition(text), _MD_CHECK.render(text)
    for name, text in {**cases.BAD_PAGES, **cases.FRONT_MATTER}.items():
        yield f"page: {name}", sanitize.PAGE.clean(page(text)), page(text)
    for value in [*cases.BAD_FIELDS, *_bib_values()]:
        yield f"field: {value[:30]}", f"<p>{esc(value)}</p>", f"<p>{value}</p>"
    for name, (_, entries, _, _) in cases.BAD_DATA.items():
        ident = re.search(r"    id: (.*)", entries)
        if ident:  # the stored XSS: an id in a heading's attribute list
            heading = f"## Entry {{ #{ident.group(1).strip(chr(34))} }}\n"
            yield f"data: {name}", page(f"## Entry {{ #{'entry'} }}\n"), page(heading)
    for name, (_, text) in cases.BAD_CONTENT_FILES.items():
        yield f"file: {name}", f"<pre>{html.escape(text)}</pre>", text


CASES = list(_pages())


PROBE = 'for (const name of ["steal", "x", "msgbox"]) window[name] = () => alert("ran: " + name);'
"""Served as /probe.js (allowed by the policy): the payloads' own functions then show as dialogs too."""


def _document(body: str, policy: bool) -> str:
    head = POLICY.group(0) if policy and POLICY else ""
    head += '<script src="/probe.js"></script>'
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


CLICK = """() => {
    for (const node of document.querySelectorAll("a[href], area[href], button, input[type=submit]")) {
        const address = node.href || node.formAction || "";
        if (node.tagName === "BUTTON" || String(address).toLowerCase().startsWith("javascript:")) node.click();
    }
}"""
"""Click every link whose address is a script (and every button): a javascript: address runs on click."""


class Watch:
    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.executed: list[str] = []
        self.body = ""
        self.context.route("**/*", self._serve)

    def _dialog(self, dialog: Any) -> None:
        self.executed.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def _serve(self, route: Any) -> None:
        if route.request.url.rstrip("/") == ORIGIN + "/case":
            route.fulfill(status=200, content_type="text/html", body=self.body)
        elif route.request.url == ORIGIN + "/probe.js":
            route.fulfill(status=200, content_type="text/javascript", body=PROBE)
        else:  # whatever a payload fetches or a click opens: no network
            route.abort()

    def load(self, body: str, policy: bool) -> list[str]:
        """Open `body`, click what can be clicked; what ran."""
        self.executed = []
        self.body = _document(body, policy)
        # A page of its own per case: a navigation a payload left pending cannot disturb the next case.
        page = self.context.new_page()
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.executed.append(f"script error: {error}"))
        try:
            page.goto(ORIGIN + "/case")
            with contextlib.suppress(Exception):  # a payload navigated away (meta refresh): nothing to click
                page.evaluate(CLICK)
            page.wait_for_timeout(20)
        finally:
            page.close()
        return self.executed


@pytest.fixture(scope="module")
def watch(browser: Any) -> Iterator[Watch]:
    opened = Watch(browser)
    yield opened
    opened.context.close()


def test_the_harness_sees_a_payload_that_runs(watch: Watch) -> None:
    assert watch.load("<img src=x onerror=alert(1)>", policy=False) == ["dialog: 1"]
    assert watch.load('<a href="javascript:alert(2)">x</a>', policy=False) == ["dialog: 2"]
    assert watch.load("<img src=x onerror=steal()>", policy=False) == ["dialog: ran: steal"]
    assert watch.load("<img src=x onerror=steal()>", policy=True) == []


def test_the_policy_is_the_sites() -> None:
    assert POLICY is not None and "script-src 'self';" in POLICY.group(0)


def test_no_hostile_case_executes(watch: Watch) -> None:
    assert len(CASES) >= 70
    executed = {}
    for name, published, raw in CASES:
        found = watch.load(published, policy=True) + watch.load(raw, policy=True)
        if found:
            executed[name] = found
    assert executed == {}
