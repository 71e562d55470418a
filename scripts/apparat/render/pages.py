"""Where the printed pages begin, as every format places them: inside a block's text (`Block.page_breaks`,
placed by `render.spans`) or at a block's start (`opening_pages`)."""

from __future__ import annotations

from apparat.model import Document, Section


def opening_pages(document: Document, section: Section) -> dict[str, list[int]]:
    """Pages of this section that begin at a block's start (or between blocks): block id → pages."""
    inside = {b.page for block in section.blocks for b in block.page_breaks}
    result: dict[str, list[int]] = {}
    for page in document.pages:
        if not (section.lines.first <= page.line <= section.lines.last) or page.number in inside:
            continue
        target = next((b.id for b in section.blocks if b.lines.last >= page.line), "")
        result.setdefault(target, []).append(page.number)
    if (
        section.pages.first not in {p for pages in result.values() for p in pages}
        and section.pages.first not in inside
    ):
        first = section.blocks[0].id if section.blocks else ""
        result.setdefault(first, []).insert(0, section.pages.first)
    return result
