"""A work as an EPUB 3 file: one XHTML file per part, a navigation document with the table of contents, the
printed page list and landmarks, package metadata (Dublin Core, the pagination source, schema.org
accessibility) and a generated cover.

The file is reproducible: entries in a fixed order with one timestamp, the identifier derived from the work
id, and the modification date from $SOURCE_DATE_EPOCH when it is set (reproducible-builds.org).

The pagination source is declared the way EPUB 3.2 defines it, a `dc:source` refined by
`source-of: pagination`: the `pageBreakSource` property of EPUB Accessibility 1.1 is unknown to Debian's
epubcheck (4.2.6 reports it as an undefined property), and `PAGINATION_SOURCE` is the one place to add it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
import zipfile
from collections.abc import Mapping
from importlib import resources
from io import BytesIO
from types import MappingProxyType

from apparat.editions.apparatus import Apparatus
from apparat.editions.contents import Part, Placement, citation, parts
from apparat.editions.cover import cover_png
from apparat.model import Document
from apparat.render.xhtml import Notes, attr, text
from apparat.works import Work

PUBLISHER = "apparat editions"
LANGUAGE = "en"
_NAMESPACE = uuid.UUID("6f9619ff-8b86-d011-b42d-00c04fc964ff")
"""Fixed namespace of the uuid5 identifiers: the same work always gets the same identifier."""

ACCESSIBILITY: tuple[tuple[str, str], ...] = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "pageNavigation"),
    ("schema:accessibilityFeature", "printPageNumbers"),
    ("schema:accessibilityFeature", "pageBreakMarkers"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
)
SUMMARY = (
    "A text-only edition: headings for every chapter and section, a table of contents, the printed page "
    "numbers of the original as page-break markers with a page list, notes linked to and from their "
    "references, and glossary terms and citations linked to their entries. The cover image has a text "
    "alternative. Notes whose text was lost in the source extraction say so."
)

PAGINATION_SOURCE: tuple[tuple[str, str], ...] = (("source-of", "pagination"),)
"""Refinements of the `dc:source` naming the printed edition whose pages the edition marks."""


def modified() -> dt.datetime:
    """The modification date: $SOURCE_DATE_EPOCH when set, else now (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = int(epoch) if epoch.isdigit() else int(time.time())
    return dt.datetime.fromtimestamp(moment, dt.UTC)


def identifier(work: Work) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'apparat:{work.id}')}"


def file_of(part_id: str) -> str:
    return f"{part_id}.xhtml"


def write_epub(
    work: Work, document: Document, apparatus: Apparatus, when: dt.datetime | None = None
) -> bytes:
    """The EPUB file's bytes."""
    when = when or modified()
    contents = parts(work, document, apparatus, Placement(file_of, Notes.ASIDES))
    files: dict[str, bytes] = {
        "EPUB/style.css": resources.files("apparat.editions").joinpath("epub.css").read_bytes(),
        "EPUB/cover.png": cover_png(work),
        "EPUB/cover.xhtml": _page("Cover", _cover_body(work), "cover").encode(),
        "EPUB/nav.xhtml": _page("Contents", _nav(work, contents), "nav").encode(),
    }
    for part in contents:
        files[f"EPUB/{file_of(part.id)}"] = _page(part.title, part.body, part.id).encode()
    files["EPUB/package.opf"] = _package(work, contents, when).encode()
    return _zip(files, when)


def _page(title: str, body: str, part_id: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{LANGUAGE}" xml:lang="{LANGUAGE}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="style.css"/>\n</head>\n'
        f'<body class="{part_id}">\n{body}\n</body>\n</html>\n'
    )


def _cover_body(work: Work) -> str:
    return (
        '<section class="cover" epub:type="cover" id="cover">'
        f'<img src="cover.png" alt="Cover: {attr(work.title)}, {attr(work.author)}"/></section>'
    )


def _toc_items(contents: list[Part]) -> list[str]:
    items = ['<li><a href="cover.xhtml">Cover</a></li>']
    for part in contents:
        href = file_of(part.id)
        nested = _nested(part, href)
        items.append(f'<li><a href="{href}">{text(part.title)}</a>{nested}</li>')
    return items


def _nested(part: Part, href: str) -> str:
    """The part's headings as nested lists: a level-3 heading under the level-2 one before it."""
    top: list[tuple[str, list[str]]] = []
    for heading in part.headings:
        link = f'<a href="{href}#{heading.id}">{text(heading.title)}</a>'
        if heading.level >= 3 and top:
            top[-1][1].append(f"<li>{link}</li>")
        else:
            top.append((link, []))
    if not top:
        return ""
    items = "".join(f"<li>{link}{f'<ol>{chr(10).join(sub)}</ol>' if sub else ''}</li>" for link, sub in top)
    return f"<ol>{items}</ol>"


LANDMARKS: Mapping[str, str] = MappingProxyType(
    {
        "cover": "Cover",
        "titlepage": "Title page",
        "toc": "Contents",
        "bodymatter": "Start of the text",
        "glossary": "Glossary",
        "bibliography": "Bibliography",
    }
)


def _nav(work: Work, contents: list[Part]) -> str:
    pages = [(page, file_of(part.id)) for part in contents for page in part.pages]
    landmarks = [("cover", "cover.xhtml"), ("titlepage", file_of(contents[0].id)), ("toc", "nav.xhtml#toc")]
    chapters = [p for p in contents if p.id not in ("title",) and p.landmark is None]
    if chapters:
        landmarks.append(("bodymatter", file_of(chapters[0].id)))
    for kind in ("glossary", "bibliography"):
        first = next((p for p in contents if p.landmark == kind), None)
        if first is not None:
            landmarks.append((kind, file_of(first.id)))
    return "\n".join(
        [
            '<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">',
            '<h1 id="toc-title">Contents</h1>',
            f"<ol>{''.join(_toc_items(contents))}</ol>",
            "</nav>",
            (
                '<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-title" '
                'hidden="hidden">'
            ),
            f'<h2 id="page-list-title">Pages of the printed edition ({text(citation(work))})</h2>',
            "<ol>"
            + "".join(f'<li><a href="{href}#p{page}">{page}</a></li>' for page, href in pages)
            + "</ol>",
            "</nav>",
            '<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">',
            '<h2 id="landmarks-title">Landmarks</h2>',
            "<ol>"
            + "".join(
                f'<li><a epub:type="{kind}" href="{href}">{LANDMARKS[kind]}</a></li>'
                for kind, href in landmarks
            )
            + "</ol>",
            "</nav>",
        ]
    )


def _package(work: Work, contents: list[Part], when: dt.datetime) -> str:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    meta = [
        f'<dc:identifier id="uid">{identifier(work)}</dc:identifier>',
        f"<dc:title>{text(work.title)}</dc:title>",
        f'<dc:creator id="creator">{text(work.author)}</dc:creator>',
        '<meta refines="#creator" property="role" scheme="marc:relators">aut</meta>',
        f"<dc:publisher>{PUBLISHER}</dc:publisher>",
        f"<dc:date>{when.date().isoformat()}</dc:date>",
        f"<dc:language>{LANGUAGE}</dc:language>",
        f'<dc:source id="pagination-source">{text(citation(work))}</dc:source>',
        *(f'<meta refines="#pagination-source" property="{p}">{v}</meta>' for p, v in PAGINATION_SOURCE),
        f'<meta property="dcterms:modified">{stamp}</meta>',
        *(f'<meta property="{p}">{v}</meta>' for p, v in ACCESSIBILITY),
        f'<meta property="schema:accessibilitySummary">{text(SUMMARY)}</meta>',
        '<meta name="cover" content="cover-image"/>',
    ]
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="style" href="style.css" media-type="text/css"/>',
        '<item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>',
        '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
        *(
            f'<item id="x-{part.id}" href="{file_of(part.id)}" media-type="application/xhtml+xml"/>'
            for part in contents
        ),
    ]
    spine = [
        '<itemref idref="cover" linear="yes"/>',
        f'<itemref idref="x-{contents[0].id}"/>',
        '<itemref idref="nav"/>',
        *(f'<itemref idref="x-{part.id}"/>' for part in contents[1:]),
    ]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            (
                '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" '
                f'xml:lang="{LANGUAGE}">'
            ),
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
            *meta,
            "</metadata>",
            "<manifest>",
            *manifest,
            "</manifest>",
            "<spine>",
            *spine,
            "</spine>",
            "</package>",
            "",
        ]
    )


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def _zip(files: dict[str, bytes], when: dt.datetime) -> bytes:
    """The OCF container: `mimetype` first and stored, then everything else in a fixed order."""
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entries = [("mimetype", b"application/epub+zip"), ("META-INF/container.xml", CONTAINER.encode())]
        entries += sorted(files.items())
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9 if name != "mimetype" else None)
    return buffer.getvalue()
