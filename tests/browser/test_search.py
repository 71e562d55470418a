"""The edition's search in the browser (apparat-search.js on the sample edition, over http; from file:// in
test_offline.py): a term by its Cyrillic, its transliteration and its English gloss, a chapter passage
ranked first, the result landing on the passage with the words marked, and an index that holds only what
the pages show."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests_browser_support import Session, open_search, results

from apparat.diagnostics import Reporter
from apparat.glossary.data import load_glossary
from apparat.glossary.translit import latin
from apparat.site.layout import Layout
from apparat.site.search import Entry, read_index

pytestmark = pytest.mark.browser


def _data(site: Path, name: str) -> Any:
    script = (site / name).read_text(encoding="utf-8")
    return json.loads(script[script.index("=") + 1 :].strip().rstrip(";"))


def _chapter_terms(site: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """(lemma, Cyrillic, forms, glosses) of every glossary term a sample chapter passage spells as its lemma."""
    text = " ".join(e.text.lower() for e in read_index(site) if e.kind == "text")
    terms = {t["key"]: t for t in _data(site, "generated/search-terms.js")["terms"]}
    glossary = load_glossary(Layout.default().data, Reporter("content/data"))
    found = []
    for key, term in sorted(glossary.terms.items()):
        lemma = term.lemma.lower()
        if key in terms and re.search(rf"(?<!\w){re.escape(lemma)}(?!\w)", text):
            found.append((lemma, term.cyrillic, terms[key]["forms"], terms[key]["glosses"]))
    return found


def test_transliteration_is_the_glossary_s(site: Path, server: str, session: Session) -> None:
    page = session.page
    page.goto(f"{server}/index.html")
    glossary = load_glossary(Layout.default().data, Reporter("content/data"))
    words = sorted({t.cyrillic for t in glossary.terms.values()})
    shown = page.evaluate(
        "words => Promise.all(words.map(w => window.apparatSearch.transliterate(w)))", words
    )
    assert dict(zip(words, shown, strict=True)) == {w: latin(w) for w in words}


@pytest.mark.parametrize("script", ["cyrillic", "latin"])
def test_a_term_by_its_cyrillic_or_transliteration_finds_the_chapter(
    site: Path, server: str, session: Session, script: str
) -> None:
    terms = _chapter_terms(site)
    assert terms, "no glossary term in the sample chapters"
    lemma, cyrillic, _, _ = terms[0]
    page = session.page
    page.goto(f"{server}/index.html")
    open_search(page, cyrillic if script == "cyrillic" else lemma)
    found = results(page)
    assert found and found[0]["kind"] == "text", found[:3]
    assert "/sample-" in found[0]["href"], found[0]
    session.shot(f"search-{script}")
    assert session.errors == []


def test_a_gloss_ranks_a_chapter_passage_above_the_glossary_entry(
    site: Path, server: str, session: Session
) -> None:
    phrase = next((g for _, _, _, glosses in _chapter_terms(site) for g in glosses if " " in g), None)
    assert phrase, "no term of the sample chapters has a gloss of several words"
    page = session.page
    page.goto(f"{server}/index.html")
    open_search(page, phrase)
    found = results(page)
    kinds = [r["kind"] for r in found]
    assert kinds[0] == "text", found[:3]
    assert "apparatus" in kinds, "the glossary entry itself is found too, below the passages"
    assert kinds.index("apparatus") > kinds.index("text")
    session.shot("search-gloss")


def test_a_result_lands_on_the_passage_with_the_words_marked(
    site: Path, server: str, session: Session
) -> None:
    lemma = _chapter_terms(site)[0][0]
    page = session.page
    page.goto(f"{server}/index.html")
    open_search(page, lemma)
    page.locator(".apparat-search__link").first.click()
    page.wait_for_load_state()
    target = page.evaluate("location.hash")[1:]
    assert target and "?hl=" not in page.url
    marks = page.locator(f"[id='{target}'] mark.apparat-hit")
    assert marks.count() >= 1 and lemma in marks.first.inner_text().lower()
    assert page.evaluate(f"document.getElementById('{target}').classList.contains('apparat-hit-target')")
    session.shot("search-landing")


def test_every_index_entry_is_text_the_reader_sees(site: Path, server: str, session: Session) -> None:
    """The index holds nothing hidden: each entry's text is in its page at its anchor, as Chromium shows it
    (note references in superscript digits)."""
    by_page: dict[str, list[Entry]] = {}
    for entry in read_index(site):
        by_page.setdefault(entry.page, []).append(entry)
    page = session.page
    missing = []
    for name, entries in by_page.items():
        page.goto(f"{server}/{name}")
        article = page.evaluate(
            """() => {
                // the tools apparat.js adds and the permalink sign shown on hover are not the page's text
                document.querySelectorAll('.apparat-tools, .apparat-jump, .headerlink').forEach(n => n.remove());
                // the index sets a note reference's number in superscript digits, as the page shows it
                document.querySelectorAll('sup a.footnote-ref').forEach(a => {
                    a.textContent = a.textContent.replace(/[0-9]/g, d => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]);
                });
                return document.querySelector('article').innerText.replace(/[ \\t\\n\\r\\f]+/g, ' ');
            }"""
        )
        anchors = page.evaluate(
            "ids => ids.map(id => !id || document.getElementById(id) !== null)", [e.anchor for e in entries]
        )
        for entry, anchored in zip(entries, anchors, strict=True):
            if not anchored or entry.text not in article:
                missing.append(f"{name}#{entry.anchor}: {entry.text[:60]!r}")
    assert missing == [], missing[:5]


@pytest.mark.parametrize(
    "query",
    [
        "?hl=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E#%E0%A4%A",  # a malformed hash threw a URIError
        "?hl=" + "a~" * 3000 + "#x",
        "?hl=%5Cp%7BL%7D(%3F%3D%5B#__proto__",
        "#%2F%2Fevil.example",
    ],
)
def test_a_hostile_search_address_runs_nothing_and_breaks_nothing(
    site: Path, server: str, session: Session, query: str
) -> None:
    """`?hl=` and the hash are anyone's to write into a link to the edition."""
    chapter = min(p.relative_to(site).as_posix() for p in site.glob("sample-book/0*.html"))
    page = session.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/{chapter}{query}")
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert page.url.startswith(f"{server}/{chapter}") and "?hl=" not in page.url
    assert page.evaluate("typeof window.apparatSearch") == "object"
    assert page.locator("article img[src='x']").count() == 0
    assert dialogs == [] and session.errors == []
