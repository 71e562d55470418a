"""What a made edition file holds, read back from the file itself rather than from the model that made it.

`read_epub` opens the EPUB as a reading system would (the zip, the navigation document, the XHTML files)
and resolves every page-list entry, note reference, back-link, glossary and bibliography link to the
element it points at. `read_pdf` asks Debian's poppler tools: `pdfinfo` (tagged?), `pdffonts` (embedded?),
`pdftohtml -xml` (the outline) and `pdftotext` on the left margin alone, where the "p. N" labels stand.
`epubcheck` runs Debian's epubcheck. The tests, `apparat epub --check`/`apparat pdf --check` and the
benchmark report these figures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
MARGIN_POINTS = 82.0
"""Width of the left margin strip read for page labels: print.css sets the labels between 4 and 26 mm
from the page edge and the text at 30 mm (85 pt)."""


def _types(element: ET.Element) -> set[str]:
    return set((element.get(EPUB_TYPE) or "").split())


@dataclass(slots=True)
class EpubReport:
    page_list: list[str] = field(default_factory=list)
    """Labels of the page-list entries, in order."""
    page_targets_broken: list[str] = field(default_factory=list)
    """Page-list hrefs that do not lead to a pagebreak element."""
    pagebreaks: int = 0
    noterefs: int = 0
    noterefs_to_notes: int = 0
    """Note references leading to a footnote or endnote aside that carries the reference's number."""
    notes: int = 0
    notes_linked_back: int = 0
    """Notes whose back-link leads to a note reference."""
    missing_notices: int = 0
    glossaries: int = 0
    glossrefs: int = 0
    glossrefs_resolved: int = 0
    bibliographies: int = 0
    bibliorefs: int = 0
    bibliorefs_resolved: int = 0
    metadata: dict[str, list[str]] = field(default_factory=dict)
    """`dc:title`, … and meta properties (`schema:accessMode`, …) → their values."""
    cover: bool = False


def read_epub(path: Path) -> EpubReport:
    report = EpubReport()
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        rootfile = next(e for e in container.iter() if e.tag.endswith("rootfile")).get("full-path", "")
        package = ET.fromstring(archive.read(rootfile))
        base = PurePosixPath(rootfile).parent
        manifest = {
            item.get("id", ""): item for item in package.iter(f"{OPF}item") if item.get("href") is not None
        }
        for element in package.find(f"{OPF}metadata") or []:
            if element.tag == f"{OPF}meta" and not element.get("property"):
                continue  # the EPUB 2 cover pointer
            key = element.get("property") or element.tag.replace(DC, "dc:")
            if element.tag == f"{OPF}meta" and element.get("refines"):
                key = f"{element.get('refines')} {key}"
            report.metadata.setdefault(key, []).append((element.text or "").strip())
        report.cover = any("cover-image" in (i.get("properties") or "").split() for i in manifest.values())
        documents: dict[str, ET.Element] = {}
        for item in manifest.values():
            if item.get("media-type") == "application/xhtml+xml":
                name = str(base / item.get("href", ""))
                if name in names:
                    documents[name] = ET.fromstring(archive.read(name))
    ids: dict[tuple[str, str], ET.Element] = {}
    for name, root in documents.items():
        for element in root.iter():
            if element.get("id"):
                ids[(name, element.get("id", ""))] = element

    def resolve(name: str, href: str) -> ET.Element | None:
        file, _, anchor = href.partition("#")
        target = str(PurePosixPath(name).parent / unquote(file)) if file else name
        return ids.get((_normal(target), unquote(anchor)))

    nav = next((n for n, r in documents.items() if r.find(f".//{XHTML}nav") is not None), None)
    for name, root in documents.items():
        for element in root.iter():
            kinds = _types(element)
            if "pagelist" in kinds or "page-list" in kinds:
                for link in element.iter(f"{XHTML}a"):
                    report.page_list.append("".join(link.itertext()).strip())
                    target = resolve(name, link.get("href", ""))
                    if target is None or "pagebreak" not in _types(target):
                        report.page_targets_broken.append(link.get("href", ""))
            if "pagebreak" in kinds:
                report.pagebreaks += 1
            if element.tag == f"{XHTML}section" and "glossary" in kinds:
                report.glossaries += 1
            if element.tag == f"{XHTML}section" and "bibliography" in kinds:
                report.bibliographies += 1
            if element.tag != f"{XHTML}a" or name == nav:
                continue
            href = element.get("href", "")
            target = resolve(name, href) if href and "://" not in href else None
            if "noteref" in kinds:
                report.noterefs += 1
                number = "".join(element.itertext()).strip()
                if target is not None and _types(target) & {"footnote", "endnote"}:
                    printed = "".join(target.itertext()).strip()
                    if printed.startswith(f"{number}."):
                        report.noterefs_to_notes += 1
            elif "glossref" in kinds:
                report.glossrefs += 1
                report.glossrefs_resolved += target is not None
            elif "biblioref" in kinds:
                report.bibliorefs += 1
                report.bibliorefs_resolved += target is not None
        for aside in root.iter(f"{XHTML}aside"):
            if not _types(aside) & {"footnote", "endnote"}:
                continue
            report.notes += 1
            back = [a for a in aside.iter(f"{XHTML}a") if a.get("role") == "doc-backlink"]
            if back and all(
                (t := resolve(name, a.get("href", ""))) is not None and "noteref" in _types(t) for a in back
            ):
                report.notes_linked_back += 1
            if any("note-missing" in (e.get("class") or "").split() for e in aside.iter()):
                report.missing_notices += 1
    return report


def _normal(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


@dataclass(frozen=True, slots=True)
class EpubcheckResult:
    errors: int
    warnings: int
    output: str


_SUMMARY = re.compile(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?")


def epubcheck(path: Path) -> EpubcheckResult:
    """Debian's epubcheck on the file (run through `java -jar`: its /usr/bin wrapper needs binfmt)."""
    java = shutil.which("java")
    if java is None or not EPUBCHECK_JAR.is_file():
        raise FileNotFoundError(
            "epubcheck needs Debian's epubcheck and a Java runtime (bash scripts/setup.sh --browser)"
        )
    run = subprocess.run(
        [java, "-jar", str(EPUBCHECK_JAR), str(path)], capture_output=True, text=True, check=False
    )
    output = run.stdout + run.stderr
    match = _SUMMARY.search(output)
    if match is None:
        return EpubcheckResult(1 if run.returncode else 0, 0, output)
    fatals, errors, warnings = (int(g) for g in match.groups())
    return EpubcheckResult(fatals + errors, warnings, output)


@dataclass(slots=True)
class PdfReport:
    pages: int = 0
    tagged: bool = False
    labels: list[int] = field(default_factory=list)
    """Printed page numbers found as "p. N" in the left margin, in order."""
    fonts: list[tuple[str, bool]] = field(default_factory=list)
    """(font name, embedded) as pdffonts lists them."""
    outline: list[str] = field(default_factory=list)
    text: str = ""
    info: dict[str, str] = field(default_factory=dict)


_LABEL = re.compile(r"p\.\s*(\d+)")


def _tool(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def read_pdf(path: Path) -> PdfReport:
    report = PdfReport()
    for line in _tool("pdfinfo", str(path)).splitlines():
        key, _, value = line.partition(":")
        report.info[key.strip()] = value.strip()
    report.pages = int(report.info.get("Pages", "0"))
    report.tagged = report.info.get("Tagged") == "yes"
    height = float(re.findall(r"[\d.]+", report.info.get("Page size", "0 x 0"))[1])
    margin = _tool(
        "pdftotext", "-r", "72", "-x", "0", "-y", "0", "-W", str(int(MARGIN_POINTS)), "-H", str(int(height) + 1),
        str(path), "-",
    )  # fmt: skip
    report.labels = [int(n) for n in _LABEL.findall(margin)]
    for line in _tool("pdffonts", str(path)).splitlines()[2:]:
        columns = line.split()
        if len(columns) >= 5:
            embedded = columns[-5] == "yes"
            report.fonts.append((columns[0], embedded))
    outline = ET.fromstring(_tool("pdftohtml", "-xml", "-i", "-stdout", "-q", str(path)).encode())
    report.outline = ["".join(item.itertext()).strip() for item in outline.iter("item")]
    report.text = _tool("pdftotext", str(path), "-")
    return report
