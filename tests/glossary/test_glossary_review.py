"""The built-site audit and the timeline's treatment of undated and open-ended groupings (our own samples)."""

from __future__ import annotations

from pathlib import Path

from apparat.glossary.audit import page_passages
from apparat.glossary.entries import Faction, FactionKind
from apparat.glossary.timeline import dated, svg

PAGE = """<html><body><nav><p>Menu text</p></nav>
<article class="md-content__inner md-typeset">
<h1 id="ch01">Chapter One<a class="headerlink" href="#ch01">¶</a></h1>
<p id="ch01-b001">The <a class="ap-term" href="../glossary/terms.html#kulak" data-ap="term:kulak">kulaks<span
 class="ap-search" hidden> кулак </span></a> met the <a class="ap-faction"
 href="../glossary/factions.html#stalinists">Stalinist</a> officials.<sup><a class="footnote-ref">1</a></sup></p>
<div class="footnote"><ol><li id="fn:1"><p>See <a class="ap-cite" href="bibliography.html#Carr1958">Carr
1958</a>.&#160;<a class="footnote-backref" href="#fnref:1">↩</a></p></li>
<li id="fn:2"><p><span class="note-missing">Note 2: missing.</span></p></li></ol></div>
</article></body></html>"""


def test_the_audit_reads_visible_text_and_links_back_from_a_page(tmp_path: Path) -> None:
    page = tmp_path / "01-chapter.html"
    page.write_text(PAGE, encoding="utf-8")
    first, note, missing = page_passages(page)
    assert first.target == "ch01-b001" and first.text == "The kulaks met the Stalinist officials.1"
    spans = {(first.text[s.start : s.end], s.kind, s.key) for s in first.spans}
    assert spans == {("kulaks", "term", "kulak"), ("Stalinist", "faction", "stalinists")}
    assert note.target == "fn:1" and [s.kind for s in note.spans] == ["cite"]
    assert missing.text == ""  # our own wording of a missing note is no text of the work


def test_the_timeline_leaves_out_undated_groupings_and_runs_open_ones_to_the_edge() -> None:
    factions = [
        Faction("pcf", "French Communist Party", "T.", 1920, None, 1, kind=FactionKind.PARTY),
        Faction("centrists", "Centrists", "T.", None, None, 2, kind=FactionKind.TENDENCY),
        Faction("left-opposition", "Left Opposition", "T.", 1923, 1938, 3),
        Faction("jacobins", "Jacobins", "T.", 1789, 1794, 4, kind=FactionKind.PARTY),
    ]
    assert [f.key for f in dated(factions)] == ["left-opposition", "jacobins", "pcf"]
    assert factions[0].years == "1920–" and factions[1].years == ""
    picture = svg(factions)
    assert "Centrists" not in picture and "French Communist Party 1920–" in picture
    assert "drawn closer together" in picture  # the years before 1900 behind a break
    assert picture.index("Russian party factions") < picture.index("Other parties and movements")


def test_the_audit_leaves_out_the_heading_over_the_notes(tmp_path: Path) -> None:
    """The "Notes" heading is the edition's, not the work's: read as a passage, it was a person named in
    every part of the article."""
    page = tmp_path / "01-part.html"
    page.write_text(
        '<article class="md-content__inner"><p id="b1">Text.</p><h2 id="notes">Notes</h2>'
        '<ol><li id="fn:1"><p>A note.</p></li></ol></article>',
        encoding="utf-8",
    )
    assert [p.target for p in page_passages(page)] == ["b1", "fn:1"]
