"""The fidelity check reads HTML as a browser shows it (site/visible.py); here Chromium says whether it does:
for every paragraph, heading, quotation and note of the sample chapters, the text visible.py extracts is
the element's `innerText` (white space collapsed; the reading tools apparat.js adds are left out, they are
not in the built HTML). A note reference's number is part of its paragraph's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from tests_browser_support import Session

from apparat.site.visible import visible_text

pytestmark = pytest.mark.browser

_SHOWN = """
ids => {
  // the reading tools apparat.js adds, and the permalink sign shown on hover (visible.py leaves it out)
  for (const node of document.querySelectorAll('.apparat-tools, #apparat-tip, .apparat-jump, .headerlink')) node.remove();
  return ids.map(id => {
    const node = document.getElementById(id);
    return node ? node.innerText.replace(/[ \\t\\n\\r\\f]+/g, ' ').trim() : null;
  });
}
"""


def test_visible_text_is_what_chromium_shows(site: Path, server: str, session: Session) -> None:
    page = session.page
    compared = 0
    for path in sorted(site.glob("sample-*/[0-9][0-9]-*.html")):
        name = path.relative_to(site).as_posix()
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        nodes = [n for n in tree.css("article [id]") if n.tag in {"p", "h1", "h2", "h3", "li"}]
        ours = {n.attributes.get("id") or "": visible_text(n) for n in nodes}
        page.goto(f"{server}/{name}")
        shown = dict(zip(ours, page.evaluate(_SHOWN, list(ours)), strict=True))
        differing = {i: (ours[i], shown[i]) for i in ours if ours[i] != shown[i]}
        assert differing == {}, f"{name}: {list(differing.items())[:3]}"
        compared += len(ours)
    assert compared > 50
