"""A work as a print PDF, laid out by WeasyPrint from one HTML document and `print.css`.

The document holds the same parts as the EPUB, with each note placed where its marker stands: the
stylesheet floats it to the foot of the page (`float: footnote`) and calls it by its printed number. The
PDF is tagged (PDF/UA-1, as far as WeasyPrint implements it), has an outline from the headings (chapters,
sections, apparatus) and embeds the subsets of the fonts it uses.

Reproducible: the creation date comes from $SOURCE_DATE_EPOCH when it is set, and the file identifier
from the work, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from types import MappingProxyType
from typing import Any

from apparat.diagnostics import Code, fail
from apparat.editions.apparatus import Apparatus
from apparat.editions.contents import Part, Placement, parts
from apparat.editions.epub import LANGUAGE, PUBLISHER, modified
from apparat.model import Document, Note
from apparat.render.xhtml import Notes, attr, text
from apparat.works import Work

VARIANT = "pdf/ua-1"


def _one_document(part_id: str) -> str:
    del part_id
    return ""


NOTICES: Mapping[str, Callable[[Note], str]] = MappingProxyType(
    {"missing": lambda note: "[The text of this note is missing from the source extraction.]"}
)
"""Print wordings of `render.notes` notices: the footnote already starts with the note's printed number, and
the book has 809 missing notes, so the notice fits on one line instead of two."""


def print_html(work: Work, document: Document, apparatus: Apparatus, when: dt.datetime) -> str:
    """The whole work as one HTML document for the print stylesheet."""
    contents = parts(work, document, apparatus, Placement(_one_document, Notes.INLINE, NOTICES))
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    head = [
        f"<title>{text(work.title)}</title>",
        f'<meta name="author" content="{attr(work.author)}"/>',
        f'<meta name="description" content="{attr(work.title)}: apparat print edition"/>',
        f'<meta name="generator" content="{PUBLISHER}"/>',
        f'<meta name="dcterms.created" content="{stamp}"/>',
        f'<meta name="dcterms.modified" content="{stamp}"/>',
    ]
    body = "\n".join([contents[0].body, _contents_page(contents[1:]), *(part.body for part in contents[1:])])
    return (
        f'<!DOCTYPE html>\n<html lang="{LANGUAGE}">\n<head>\n<meta charset="utf-8"/>\n'
        + "\n".join(head)
        + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _contents_page(contents: list[Part]) -> str:
    """A printed table of contents: each part with the original's page range and, after a leader, the page
    of this edition it begins on (`target-counter` in print.css)."""
    items = []
    for part in contents:
        printed = ""
        if part.pages and part.landmark is None:
            first, last = min(part.pages), max(part.pages)
            printed = (
                f' <span class="printed">(printed p.\u00a0{first})</span>'
                if first == last
                else (f' <span class="printed">(printed pp.\u00a0{first}–{last})</span>')
            )
        items.append(f'<li><a href="#{part.id}-title">{text(part.title)}</a>{printed}</li>')
    return (
        '<nav class="toc" id="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">Contents</h2><ol>{"".join(items)}</ol></nav>'
    )


def load_weasyprint() -> Any:
    """WeasyPrint, imported only when a PDF is made: it loads Debian's Pango, which nothing else needs."""
    try:
        import weasyprint
    except OSError as error:  # cffi found no Pango library
        raise fail(
            Code.EDITION_TOOLS,
            "weasyprint",
            None,
            "Debian's Pango for the PDF edition (install it with: bash scripts/setup.sh --editions)",
            str(error).splitlines()[0],
        ) from None
    return weasyprint


def stylesheet() -> str:
    return resources.files("apparat.editions").joinpath("print.css").read_text(encoding="utf-8")


def write_pdf(work: Work, document: Document, apparatus: Apparatus, when: dt.datetime | None = None) -> bytes:
    """The PDF file's bytes."""
    weasyprint = load_weasyprint()
    when = when or modified()
    source = print_html(work, document, apparatus, when)
    html = weasyprint.HTML(string=source, base_url=".")
    css = weasyprint.CSS(string=stylesheet())
    identifier = hashlib.sha256(f"apparat:{work.id}".encode()).hexdigest()[:32].encode()
    with _page_references_once():
        data = html.write_pdf(
            stylesheets=[css], pdf_variant=VARIANT, pdf_identifier=identifier, uncompressed_pdf=False
        )
    assert isinstance(data, bytes)
    return data


@contextmanager
def _page_references_once() -> Iterator[None]:
    """Compute pydyf's `PDF.page_references` once per page count instead of at every access.

    WeasyPrint's tagging reads `pdf.page_references[n]` for every tagged element, and pydyf rebuilds the
    whole tuple at each read: for the book that is 36 million string formats, a third of the time spent
    writing the PDF. The values are the same; only the repetition goes.
    """
    import pydyf

    original = pydyf.PDF.page_references

    def cached(pdf: Any) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        memo = pdf.__dict__.get("_apparat_page_references")
        if memo is None or memo[0] != len(kids):
            memo = (len(kids), original.fget(pdf))
            pdf.__dict__["_apparat_page_references"] = memo
        refs: tuple[bytes, ...] = memo[1]
        return refs

    pydyf.PDF.page_references = property(cached)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
