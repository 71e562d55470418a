"""The site offers each work's EPUB and PDF on its overview page, and the offline bundle carries them;
a build without the editions removes the files an earlier one left, so nothing stale is offered."""

from __future__ import annotations

import zipfile
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from apparat.site.build import build_site, generate
from apparat.site.bundle import write_bundle
from apparat.site.layout import Layout


def test_overview_offers_the_editions_and_the_bundle_carries_them(tmp_path: Path) -> None:
    layout = Layout.under(tmp_path / "edition")
    result = build_site(layout, None, ["sample-article"], layer_names=[], with_editions=True)
    assert not result.failed, [str(d) for d in result.diagnostics][:5]
    overview = LexborHTMLParser((layout.site / "sample-article" / "index.html").read_text(encoding="utf-8"))
    offered = {node.attributes.get("href") for node in overview.css("article a")}
    assert {"sample-article.epub", "sample-article.pdf"} <= offered
    epub = layout.site / "sample-article" / "sample-article.epub"
    pdf = layout.site / "sample-article" / "sample-article.pdf"
    assert epub.read_bytes()[30:58] == b"mimetypeapplication/epub+zip"  # the OCF signature
    assert pdf.read_bytes().startswith(b"%PDF-")
    bundle = tmp_path / "offline.zip"
    write_bundle(layout.site, bundle)
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
    assert "apparat-offline/sample-article/sample-article.epub" in names
    assert "apparat-offline/sample-article/sample-article.pdf" in names

    generate(layout, None, ["sample-article"], layer_names=[])
    assert not (layout.content / "sample-article" / "sample-article.epub").exists()
    assert "sample-article.epub" not in (layout.content / "sample-article" / "index.md").read_text(
        encoding="utf-8"
    )
