"""A printed page that begins at a heading: its marker stands inside the heading."""

from __future__ import annotations

from apparat.model import Block, BlockKind, PageRange, Span
from apparat.render.markdown import Context, render_heading


def test_a_page_marker_opening_a_heading_stands_inside_it() -> None:
    """Not in an empty paragraph of its own above the heading, whose margin label then floated above it."""
    block = Block("s-l40", BlockKind.HEADING, "Offices and Forms", Span(40, 40), PageRange(7, 7), level=2)
    rendered = render_heading(block, Context(annotations={}, opening_pages={"s-l40": [7]}))
    assert rendered == '## <span class="pb" id="p7" data-page="7"></span>Offices and Forms { #s-l40 }'


def test_a_heading_that_opens_no_page_has_no_marker() -> None:
    block = Block("s-l40", BlockKind.HEADING, "Offices and Forms", Span(40, 40), PageRange(7, 7), level=3)
    assert (
        render_heading(block, Context(annotations={}, opening_pages={})) == "### Offices and Forms { #s-l40 }"
    )
