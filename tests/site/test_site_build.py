"""The sample edition, built once (conftest.sample_build): pages, metadata, tips, weight, bundle, staging."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from apparat.glossary.annotate import texts as annotated_texts
from apparat.model import AnnotationKind, Evidence, section_of
from apparat.site.build import BuildResult, build_site
from apparat.site.bundle import write_bundle
from apparat.site.layout import Layout
from apparat.site.measure import chapter_weights, index_weight

TEMPLATE_BYTES_LIMIT = 24_000
"""Template and navigation bytes of one chapter page: 40% of a 60 KB chapter (see docs/site.md)."""


def _tree(site: Path, name: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / name).read_text(encoding="utf-8"))


def test_pages_of_the_edition(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    site = layout.site
    for name in ("index.html", "edition/about.html", "edition/report.html", "generated/tips.js"):
        assert (site / name).is_file(), name
    for edition in result.editions:
        assert (site / edition.work.id / "index.html").is_file()
        for chapter in edition.chapters:
            assert (site / edition.work.id / f"{chapter.path.stem}.html").is_file()
    home = _tree(site, "index.html").css_first("article").text()
    assert all(e.work.title in home for e in result.editions)
    config = (layout.build / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.splitlines()[1].startswith("INHERIT: ")


def test_overview_has_contents_with_pages_and_how_to_cite(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    edition = result.editions[0]
    text = _tree(layout.site, f"{edition.work.id}/index.html").css_first("article").text()
    first = edition.chapters[0]
    assert first.title in text
    assert "How to cite" in text and "@book{" in text and "TY  - BOOK" in text
    assert re.search(rf"pp?\.\u00a0{first.first_page}", text)  # a no-break space: never split


def test_chapter_has_citation_meta_page_anchors_and_notes(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    edition = result.editions[0]
    chapter = edition.chapters[1]
    tree = _tree(layout.site, f"{edition.work.id}/{chapter.path.stem}.html")
    meta = {m.attributes["name"]: m.attributes["content"] for m in tree.css("meta[name^=citation_]")}
    assert meta["citation_title"] == chapter.title
    assert meta["citation_book_title"] == edition.work.title
    assert meta["citation_author"] == edition.work.author
    assert meta["citation_firstpage"] == str(chapter.first_page)
    assert tree.css_first(f"#p{chapter.first_page}") is not None
    cite = json.loads(tree.css_first("#apparat-cite-data").text())
    assert cite["work"]["id"] == edition.work.id and cite["section"] == chapter.section_id
    notes = tree.css("div.footnote li[id^='fn:']")
    section = next(s for s in edition.document.sections if s.id == chapter.section_id)
    assert len(notes) == len(section.notes)
    missing = [n for n in section.notes if n.text is None]
    assert len(tree.css("div.footnote .note-missing")) == len(missing)


def test_report_counts_every_chapter(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    rows = _tree(layout.site, "edition/report.html").css(".apparat-report tbody tr")
    # two tables per work (notes and hyphens, lines by role), each with a total row
    assert len(rows) == sum(2 * (len(e.chapters) + 1) for e in result.editions)


def test_every_annotation_has_a_tip(sample_build: tuple[Layout, BuildResult]) -> None:
    layout, result = sample_build
    script = (layout.site / "generated" / "tips.js").read_text(encoding="utf-8")
    assert script.splitlines()[1].startswith("window.APPARAT_TIPS = {")
    keys = {
        f"{a.kind}:{a.key}"
        for e in result.editions
        for a in e.document.annotations
        if a.kind is not AnnotationKind.EMPHASIS  # italics have no tooltip
    }
    assert keys <= set(result.tips)


def test_italics_in_the_pages_are_the_models(sample_build: tuple[Layout, BuildResult]) -> None:
    """What the reader sees in italics, read from the built HTML, is the text of the model's emphasis spans
    (merged where they touch), chapter by chapter; and every kind of evidence shows in the samples."""
    layout, result = sample_build
    kinds = set()
    for edition in result.editions:
        texts = dict(annotated_texts(edition.document))
        spans: dict[str, list[tuple[int, int]]] = {}
        for a in edition.document.annotations:
            if a.kind is AnnotationKind.EMPHASIS:
                spans.setdefault(a.target, []).append((a.start, a.end))
                kinds.add(a.evidence)
        for chapter in edition.chapters:
            expected = []
            for target, found in spans.items():
                if section_of(target) != chapter.section_id:
                    continue
                merged: list[list[int]] = []
                for start, end in sorted(found):
                    if merged and start <= merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], end)
                    else:
                        merged.append([start, end])
                expected += [texts[target][start:end] for start, end in merged]
            article = _tree(layout.site, f"{edition.work.id}/{chapter.path.stem}.html").css_first("article")
            shown = [" ".join(em.text().split()) for em in article.css("em")]
            # an italic span cut by a link edge shows as neighbouring pieces: compare the words
            assert sorted(" ".join(shown).split()) == sorted(" ".join(expected).split()), chapter.path.name
    assert kinds >= set(Evidence) - {Evidence.FOREIGN}


def test_page_weight_and_search_index(sample_build: tuple[Layout, BuildResult]) -> None:
    site = sample_build[0].site
    for weight in chapter_weights(site):
        assert weight.total - weight.content <= TEMPLATE_BYTES_LIMIT, weight
    index = index_weight(site)
    assert index.ratio <= 1.2, index


def test_bundle_is_one_zip_with_the_site(sample_site: Path, tmp_path: Path) -> None:
    size = write_bundle(sample_site, tmp_path / "offline.zip")
    with zipfile.ZipFile(tmp_path / "offline.zip") as archive:
        names = set(archive.namelist())
    assert "apparat-offline/index.html" in names
    assert "apparat-offline/search/apparat-index.js" in names
    assert "apparat-offline/generated/search-terms.js" in names
    assert 0 < size < 10_000_000


def test_a_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    layout = Layout.under(tmp_path)
    first = build_site(layout, None, ["sample-book"], layer_names=[])
    assert not first.failed, [str(d) for d in first.diagnostics]
    before = sorted(p.relative_to(layout.site) for p in layout.site.rglob("*"))
    stray = layout.content / "edition" / "stray.md"
    stray.write_text("# A page that no nav lists\n", encoding="utf-8")  # --strict: omitted from the nav
    second = build_site(layout, None, ["sample-book"], layer_names=[])
    assert second.failed
    assert any("stray.md" in d.message for d in second.diagnostics)
    assert sorted(p.relative_to(layout.site) for p in layout.site.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


@pytest.mark.parametrize("name", ["404.html"])
def test_no_leftover_template_placeholders(sample_site: Path, name: str) -> None:
    assert "{{" not in (sample_site / name).read_text(encoding="utf-8")


def test_serve_regenerates_only_what_changed(tmp_path: Path) -> None:
    from apparat.site.build import Memo, generate

    layout = Layout.under(tmp_path)
    memo = Memo()
    first = generate(layout, None, ["sample-book", "sample-article"], layer_names=[], memo=memo)
    again = generate(layout, None, ["sample-book", "sample-article"], layer_names=[], memo=memo)
    assert [e.work.id for e in again.editions] == ["sample-book", "sample-article"]
    assert all(a is b for a, b in zip(first.editions, again.editions, strict=True))
    assert "convert" not in again.timings
    other = generate(layout, None, ["sample-book", "sample-article"], layer_names=["glossary"], memo=memo)
    assert all(a is not b for a, b in zip(first.editions, other.editions, strict=True))


def test_a_removed_published_anchor_fails_the_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Layout.default().data, data)
    listing = data / "published-anchors.txt"
    listing.write_text(
        listing.read_text(encoding="utf-8") + "sample-book/01-introduction.html#p999\n", encoding="utf-8"
    )
    layout = dataclasses.replace(Layout.under(tmp_path), data=data)
    result = build_site(layout, None, ["sample-book"])
    removed = [d for d in result.diagnostics if d.code.value == "site.anchor-removed"]
    assert result.failed
    expected = (
        "expected the published anchor sample-book/01-introduction.html#p999 in the build (or a redirect)"
    )
    assert [d.message for d in removed] == [f"{expected}, found it removed"]
    assert not layout.site.exists()  # nothing published


def test_one_page_title_and_one_citation_kind(sample_site: Path) -> None:
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "<title>apparat editions</title>" in home
    # the sample article names no journal: an unpublished manuscript in all three forms
    overview = (sample_site / "sample-article" / "index.html").read_text(encoding="utf-8")
    assert "Unpublished manuscript" in overview and "@unpublished{" in overview and "TY  - UNPB" in overview
    assert "@article{" not in overview and "TY  - JOUR" not in overview


def test_serve_writes_the_search_index_and_moved_anchors_after_each_build(
    sample_build: tuple[Layout, BuildResult], tmp_path: Path
) -> None:
    from apparat.site import serve_hooks
    from apparat.site.moved import MOVED_SCRIPT
    from apparat.site.search import INDEX_SCRIPT, read_index

    layout, _ = sample_build
    sample_site = layout.site
    served = tmp_path / "served"
    shutil.copytree(sample_site, served)
    (served / INDEX_SCRIPT).unlink()
    (served / MOVED_SCRIPT).unlink()
    serve_hooks.on_post_build({"site_dir": str(served)})
    assert read_index(served) == read_index(sample_site)
    # old paragraph links are followed in a served preview as on the built site
    assert (served / MOVED_SCRIPT).read_text() == (sample_site / MOVED_SCRIPT).read_text()


def test_search_excerpts_set_note_references_in_superscript() -> None:
    """A result's excerpt reads `levels.¹² Then`, not `levels.12 Then` (a note number glued to the text)."""
    from apparat.site.search import page_entries

    html = (
        '<article><p id="s-l1">Offices grew at all levels.<sup id="fnref:12"><a class="footnote-ref" '
        'href="#fn:12">12</a></sup> Then came 1921.</p></article>'
    )
    _, entries = page_entries("w/01-a.html", html)
    assert [e.text for e in entries] == ["Offices grew at all levels.¹² Then came 1921."]
