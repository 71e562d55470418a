"""Old links in the browser: every paragraph id the first release published for the samples (ordinal ids,
`ch01-b003`) lands on the block where its passage begins now, over http and from file://, under the strict
Content-Security-Policy; a declared redirect moves the reader to another page; a current id is left alone.

The landing is checked against the release's recorded fingerprint (content/data/published-anchors.txt), not
against the map the build wrote: from the block the browser shows at the new address on, the page holds most
of the passage's sampled words, the block itself some of them, and its opening words if the page has them
anywhere (an editor may have rewritten an opening since)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests_browser_support import Session

from apparat.review import anchors
from apparat.review.fingerprint import Fingerprint, shingles
from apparat.site.layout import Layout

pytestmark = pytest.mark.browser

# The blocks of the page as the reader sees them (without note calls and paragraph tools), and which one the
# address names.
_BLOCKS = """() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const blocks = [...document.querySelectorAll('article [id]')].filter(n => /-l[0-9]+$/.test(n.id));
    return {
        landed: blocks.findIndex(n => n.id === id),
        texts: blocks.map(node => {
            const copy = node.cloneNode(true);
            copy.querySelectorAll('sup, .apparat-tools').forEach(extra => extra.remove());
            return copy.innerText;
        }),
    };
}"""


def _lands_on_its_passage(recorded: Fingerprint, landed: int, texts: list[str]) -> bool:
    held = [set(shingles(text)) for text in texts]
    after = set().union(*held[landed:])
    found = sum(1 for sample in recorded.samples if sample in after)
    opening = recorded.samples[0]
    return (
        landed >= 0
        and found >= len(recorded.samples) / 2
        and any(sample in held[landed] for sample in recorded.samples)
        and (opening in held[landed] or not any(opening in block for block in held))
    )


def _old_paragraphs(work: str) -> dict[str, Fingerprint]:
    published = anchors.read_list(Layout.default().data / "published-anchors.txt")
    return {
        anchor: recorded
        for anchor, recorded in published.items()
        if recorded is not None and anchor.startswith(f"{work}/") and "-b" in anchor.partition("#")[2]
    }


def _follow(page: Any, url: str, first: bool) -> str:
    if first:
        page.goto(url)
    else:  # the same page at another id: only the address's fragment changes
        page.evaluate("hash => { location.hash = hash; }", url.partition("#")[2])
    page.wait_for_function("old => location.hash !== '#' + old", arg=url.partition("#")[2], timeout=5000)
    return str(page.evaluate("location.href"))


@pytest.mark.parametrize("work", ["sample-book", "sample-article"])
def test_every_old_paragraph_link_lands_where_its_passage_begins(
    site: Path, server: str, session: Session, work: str
) -> None:
    old = _old_paragraphs(work)
    assert len(old) >= 10
    page = session.page
    current_page = None
    for anchor, recorded in sorted(old.items()):
        name, _, _ = anchor.partition("#")
        landed = _follow(page, f"{server}/{anchor}", first=name != current_page)
        current_page = name
        assert landed.startswith(f"{server}/{work}/"), (anchor, landed)
        shown = page.evaluate(_BLOCKS)
        assert _lands_on_its_passage(recorded, shown["landed"], shown["texts"]), (
            f"{anchor} landed at {landed}"
        )
        assert "-b" not in landed.partition("#")[2]
    assert session.errors == []


def test_a_declared_redirect_and_a_current_id_from_file(site: Path, session: Session) -> None:
    page = session.page
    redirects = anchors.read_redirects(Layout.default().data / "redirects.yml")
    moved = next(
        r
        for r in redirects
        if r.old.startswith("sample-book/") and r.old.partition("#")[0] != r.new.partition("#")[0]
    )
    page.goto(f"{(site / moved.old.partition('#')[0]).as_uri()}#{moved.old.partition('#')[2]}")
    page.wait_for_url(f"**/{moved.new}")
    assert page.evaluate("document.getElementById(location.hash.slice(1)) !== null")
    # an old paragraph id from file:// too
    anchor = min(_old_paragraphs("sample-book"))
    page.goto(f"{(site / anchor.partition('#')[0]).as_uri()}#{anchor.partition('#')[2]}")
    page.wait_for_function("() => !location.hash.includes('-b')", timeout=5000)
    # an id the page holds is never redirected
    current = page.evaluate("location.href")
    page.reload()
    page.wait_for_timeout(300)
    assert page.evaluate("location.href") == current
    assert [url for url in session.requests if not url.startswith(("file://", "data:", "about:"))] == []
    assert session.errors == []
