"""Search finds a term's passages by transliteration, Cyrillic or gloss without hidden words in the pages:
the glossary gives the search its spellings, glosses and transliteration table (glossary/search.py), and
the search index holds only what the pages show (the browser tests run the queries)."""

from __future__ import annotations

from test_glossary_matcher import document, glossary

from apparat.glossary.annotate import _MATCHERS, annotate
from apparat.glossary.search import gloss_phrases, letters, search_terms
from apparat.glossary.translit import latin
from apparat.render.inline import RENDERERS
from apparat.site.build import BuildResult
from apparat.site.layout import Layout
from apparat.site.search import read_index


def test_annotations_carry_no_hidden_words() -> None:
    _MATCHERS.clear()
    found = annotate(document("biurokratii and smychka"), glossary())
    rendered = [RENDERERS[a.kind](a, "x") for a in found]
    assert [a.key for a in found] == ["biurokratiia", "smychka"]
    assert all("hidden" not in r and "ap-search" not in r for r in rendered)
    assert rendered[0] == (
        '<a class="ap-term" href="../glossary/terms.html#biurokratiia" data-ap="term:biurokratiia">x</a>'
    )


def test_gloss_phrases_are_what_a_reader_types() -> None:
    assert gloss_phrases("red tape, office routine") == ["red tape", "office routine"]
    assert gloss_phrases("(state) official") == ["state official", "official", "state"]
    assert gloss_phrases("to become bureaucratised") == ["become bureaucratised"]
    assert gloss_phrases("alliance, bond (of workers and peasants)") == [
        "alliance",
        "bond of workers and peasants",
        "bond",
        "of workers and peasants",
    ]


def test_search_terms_give_every_spelling_and_the_glossary_transliteration() -> None:
    _MATCHERS.clear()
    data = search_terms(glossary())
    terms = {t["key"]: t for t in data["terms"]}
    assert {"biurokratiia", "biurokratii", "biurokratiei"} <= set(terms["biurokratiia"]["forms"])
    assert terms["kulturnost"]["forms"][0].startswith("kul’turnost")
    assert terms["smychka"]["glosses"] == ["bond"]
    table = data["letters"]
    assert table["ь"] == "’" and table["щ"] == "shch" and table["Я"] == "Ia"
    word = "главкократия"
    assert "".join(table[c] for c in word) == latin(word) == "glavkokratiia"
    assert letters() is letters()  # read once from iuliia's schema


def test_the_sample_index_holds_only_what_the_pages_show(
    glossary_edition: tuple[Layout, BuildResult],
) -> None:
    layout, _ = glossary_edition
    chapters = [e.text for e in read_index(layout.site) if e.kind == "text"]
    assert chapters and not any("бюрократия" in text for text in chapters)  # the Cyrillic is not in the text
    assert any("glavkokratiia" in text for text in chapters)
    terms = (layout.site / "generated" / "search-terms.js").read_text(encoding="utf-8")
    assert '"glavkokratiia"' in terms and '"rule of the glavki"' in terms
