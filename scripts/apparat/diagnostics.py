"""Warnings and errors with codes, reported as `path:line: level: message [apparat.code]`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Code(StrEnum):
    """Every diagnostic apparat can emit. The value is the code shown in brackets."""

    SOURCE_MISSING = "source.missing"
    """The source file does not exist or cannot be read."""
    SOURCE_EMPTY = "source.empty"
    """The source file has no text."""
    SOURCE_BINARY = "source.binary"
    """The source file holds NUL bytes or other binary data."""
    SOURCE_ENCODING = "source.encoding"
    """The source file is not valid UTF-8."""
    SOURCE_CRLF = "source.crlf"
    """Windows line ends (CR LF); they are normalised, but the file should be converted."""
    SOURCE_CONTROL = "source.control-char"
    """A stray control or replacement character was removed from a line."""
    LAYOUT_PROFILE = "layout.wrong-profile"
    """The source does not look like the layout profile that was asked for."""
    LAYOUT_UNPLACED = "layout.unplaced-line"
    """A line that the converter could not give a role to."""
    LAYOUT_TRUNCATED = "layout.truncated"
    """The source ends before the structure it started was complete."""
    PAGES_MISMATCH = "pages.mismatch"
    """The computed page number disagrees with a surviving printed page number."""
    NOTES_ORDER = "notes.order"
    """A note number out of sequence."""
    NOTES_ORPHAN = "notes.orphan"
    """A note text whose number no marker in the body calls."""
    NOTES_TRUNCATED = "notes.truncated"
    """A note text that stops short (ends mid-sentence)."""
    MARKERS_ORDER = "markers.order"
    """A note marker out of sequence in the body."""
    MANIFEST = "manifest.invalid"
    """The works manifest is malformed."""
    CORRECTION = "data.correction"
    """An editorial correction that is malformed or does not match its source line."""
    GLOSSARY = "data.glossary"
    """A glossary, factions or persons entry that is malformed (content/data/*.yml)."""
    DATA_UNKNOWN_KEY = "data.unknown-key"
    """A key the file's schema does not know (a misspelling is suggested): it would be silently ignored."""
    DATA_SCHEMA = "data.schema"
    """A value the file's schema refuses: a missing key, a wrong type, a malformed identifier, a text too long."""
    DATA_DUPLICATE = "data.duplicate"
    """Two entries share a key, a Cyrillic lemma or a spelling."""
    DATA_UNSAFE_MARKUP = "data.unsafe-markup"
    """A definition, description or identification holds markup the allow-list sanitiser would remove."""
    DATA_BIDI = "data.bidi-control"
    """A bidirectional control character (text that displays in another order than it is stored)."""
    DATA_HTML_FILE = "data.html-file"
    """An HTML, SVG or other active document under content/ that is not one of the project's listed assets."""
    GLOSSARY_UNCOVERED = "glossary.uncovered"
    """A transliterated Russian word in a source that no glossary entry covers."""
    GLOSSARY_GROUPING = "glossary.grouping"
    """A political grouping named in a source that has no entry, or paragraphs that name it without a link."""
    GLOSSARY_PERSON = "glossary.person"
    """A person named in two or more paragraphs of a work who has no entry and no judgment."""
    SITE_BUILD = "site.build"
    """MkDocs refused the generated site (a warning under --strict, a template or Markdown error)."""
    SITE_LINK = "site.broken-link"
    """A link or asset of the built site points to a file that does not exist."""
    SITE_ANCHOR = "site.broken-anchor"
    """A link points to an anchor (`#p123`, `#fn:4`, a paragraph id) that its page does not have."""
    SITE_FOOTNOTE = "site.footnote"
    """A footnote reference without definition, a definition given twice, or a note nobody calls."""
    SITE_FIDELITY = "site.fidelity"
    """The built page differs from the model: a note number other than the printed one, a paragraph whose
    visible text is not the model's, a back-link naming another note (`site/fidelity.py`)."""
    SITE_TIP = "site.unresolved-tip"
    """An annotated span whose `data-ap` key has no tooltip (no glossary or bibliography entry)."""
    SITE_EXTERNAL = "site.external-request"
    """The built HTML would make the browser contact another host (an asset URL with http(s)://)."""
    SITE_SCRIPT = "site.script"
    """A page without the strict Content-Security-Policy, or with inline script, an event handler or a
    `javascript:` address (which the policy would block)."""
    SITE_ANCHOR_REMOVED = "site.anchor-removed"
    """A published anchor is gone from the build and no redirect is declared (for a paragraph: nor is its
    passage found elsewhere)."""
    SITE_ANCHOR_REUSED = "site.anchor-reused"
    """A published paragraph id holds another passage now (its old links would land on the wrong text), or a
    redirect starts from an anchor the build still has."""
    PAGE_UNSAFE = "data.unsafe-page"
    """A hand-written page holds script, an event handler, a script address or a style."""
    BIB_SYNTAX = "bib.syntax"
    """bibliography.bib is not well-formed BibTeX (or is missing)."""
    BIB_DUPLICATE = "bib.duplicate-key"
    """Two entries of bibliography.bib share a key."""
    BIB_UNKNOWN = "bib.unknown-key"
    """A citation in a work's notes names a key that bibliography.bib does not hold."""
    BIB_UNLINKED = "bib.unlinked"
    """A citation-like string in a note that no citation annotation covers."""
    BIB_UNSOURCED = "bib.unsourced-field"
    """A bibliography field that no source line prints (or that says more than the source) and that the
    editors did not explain in `x-apparat-editorial`."""
    BIB_REASON = "bib.no-reason"
    """An editorial field listed in `x-apparat-editorial` without a reason, or a malformed provenance field."""
    BIB_STALE = "bib.stale-provenance"
    """`x-apparat-source` (or `related`, `crossref`, a stub's title) differs from what the sources give now."""
    BIB_CONFLICT = "bib.source-conflict"
    """A sourced field disagrees with what the source prints, or the text names one work by two titles."""
    BIB_EDITION = "bib.wrong-edition"
    """A citation links to an entry whose year, place or volume differ from what the citation prints."""
    BIB_FIELD = "bib.unsafe-field"
    """A BibTeX field value with a TeX command outside the allow-list of accents and escapes, or markup."""
    EDITION_TOOLS = "edition.tools"
    """A Debian package the EPUB or PDF edition needs is not installed (Pango for WeasyPrint)."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: Code
    severity: Severity
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message} [apparat.{self.code}]"


class ApparatError(Exception):
    """A problem in the input that stops the conversion. Carries its diagnostic for the CLI to print."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[type[ApparatError], tuple[Diagnostic]]:
        # Keep the diagnostic when the error crosses a process boundary (parallel conversion).
        return (type(self), (self.diagnostic,))


def fail(code: Code, path: str, line: int | None, expected: str, found: str) -> ApparatError:
    """Build the error for bad input, worded as 'expected X, found Y'."""
    return ApparatError(Diagnostic(code, Severity.ERROR, path, line, f"expected {expected}, found {found}"))


@dataclass(slots=True)
class Reporter:
    """Collects diagnostics for one run. With `strict`, a warning counts as an error."""

    path: str
    strict: bool = False
    items: list[Diagnostic] = field(default_factory=list)

    def warn(self, code: Code, line: int | None, message: str) -> None:
        # Under --strict a warning is reported as what it then is: an error.
        severity = Severity.ERROR if self.strict else Severity.WARNING
        self.items.append(Diagnostic(code, severity, self.path, line, message))

    def info(self, code: Code, line: int | None, message: str) -> None:
        self.items.append(Diagnostic(code, Severity.INFO, self.path, line, message))

    def error(self, code: Code, line: int | None, message: str) -> None:
        self.items.append(Diagnostic(code, Severity.ERROR, self.path, line, message))

    @property
    def failed(self) -> bool:
        bad = {Severity.ERROR, Severity.WARNING} if self.strict else {Severity.ERROR}
        return any(d.severity in bad for d in self.items)
