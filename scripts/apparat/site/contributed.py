"""Checks of what contributors change by hand, run by every build and by `apparat check`.

* Hand-written pages (`content/pages/*.md`, and any Markdown under `content/assets/`) are built by
  Python-Markdown with attr_list and md_in_html, which would publish `onclick`, `<script>` or a
  `javascript:` link as written. Each is rendered and cleaned by the allow-list sanitiser
  (`apparat.untrusted.page_problems`); anything the cleaning removes fails the build at its line.
* MkDocs copies every other file of `content/` to the site as it is, so an HTML, SVG or XML document there
  would be a page of the edition's origin running whatever script it holds. Such files are refused unless
  they are one of the project's listed assets (`LISTED_ASSETS`) or written by the build itself
  (`GENERATED_DOCUMENTS`); so is a page outside the folders for hand-written pages.
* Published anchors (`content/data/published-anchors.txt`, recorded at each release) must all still exist
  in the new build, or be moved by a redirect declared in `content/data/redirects.yml`; a paragraph id
  must still hold its passage, or its passage must be found elsewhere (`apparat.review.moves`), and the
  moves found are what `apparat.site.moved` ships to readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.review import anchors, moves
from apparat.untrusted import page_problems, page_renderer
from apparat.works import display_path

HAND_WRITTEN = ("pages", "assets")
"""Folders of content/ whose files contributors write (content/data/ is not published)."""
ACTIVE_DOCUMENTS = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt"}
ACTIVE_DOCUMENTS |= {".mht", ".mhtml", ".swf"}
"""Files a browser opens as a document that can run script."""
LISTED_ASSETS: frozenset[str] = frozenset()
"""Active documents under content/ that the project itself ships (paths relative to content/); none yet."""
GENERATED_DOCUMENTS = frozenset({"glossary/factions-timeline.svg"})
"""Active documents the build writes (from escaped data): allowed where the build puts them."""


def check_pages(pages: Path) -> list[Diagnostic]:
    """Every Markdown page under `pages`, rendered and sanitised."""
    found = []
    renderer = page_renderer()
    for page in sorted(pages.rglob("*.md")):
        raw = page.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            message = f"expected UTF-8 text, found the byte 0x{raw[error.start]:02X}, which is not UTF-8"
            found.append(Diagnostic(Code.PAGE_UNSAFE, Severity.ERROR, display_path(page), line, message))
            continue
        for problem in page_problems(text, renderer):
            message = f"expected {problem.expected}, found {problem.found}"
            found.append(
                Diagnostic(Code.PAGE_UNSAFE, Severity.ERROR, display_path(page), problem.line, message)
            )
    return found


def check_content(content: Path) -> list[Diagnostic]:
    """The hand-written pages of `content/`, and no active document anywhere in it, nor a page at its top
    other than the generated home page. (Every other folder of content/ is the build's: see Layout.)"""
    found = [d for folder in HAND_WRITTEN for d in check_pages(content / folder)]
    if not content.is_dir():
        return found
    for path in sorted(content.rglob("*")):
        relative = path.relative_to(content)
        top = relative.parts[0]
        if not path.is_file() or top == "data":
            continue
        shown = display_path(path)
        name = relative.as_posix()
        if path.suffix.lower() in ACTIVE_DOCUMENTS and name not in LISTED_ASSETS | GENERATED_DOCUMENTS:
            found.append(
                Diagnostic(
                    Code.DATA_HTML_FILE,
                    Severity.ERROR,
                    shown,
                    1,
                    f"expected Markdown pages and plain assets, found a {path.suffix.lower()} document "
                    "(published as it is, it could run script on the edition's pages); write a page in "
                    "content/pages/ instead",
                )
            )
        elif path.suffix == ".md" and len(relative.parts) == 1 and name != "index.md":
            found.append(
                Diagnostic(
                    Code.DATA_HTML_FILE,
                    Severity.ERROR,
                    shown,
                    1,
                    "expected hand-written pages in content/pages/, found a page apparat does not generate",
                )
            )
    return found


@dataclass(slots=True)
class AnchorAudit:
    """A built site against the published anchors: each paragraph's outcome, the moves readers can follow
    (`apparat.site.moved`), and what fails the build."""

    moves: list[moves.Move] = field(default_factory=list)
    moved: dict[str, dict[str, str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def figures(self) -> str:
        return moves.figures(self.moves)


def check_anchor_files(data: Path) -> list[Diagnostic]:
    """The form of redirects.yml and published-anchors.txt, without a built site (`apparat check`)."""
    try:
        anchors.read_redirects(data / "redirects.yml")
        anchors.read_list(data / "published-anchors.txt")
    except anchors.ListError as error:
        return [error.diagnostic]
    return []


def audit_anchors(site: Path, data: Path) -> AnchorAudit:
    listing, redirects_file = data / "published-anchors.txt", data / "redirects.yml"
    shown = display_path(listing)
    try:
        redirects = anchors.read_redirects(redirects_file)
        published = anchors.read_list(listing)
    except anchors.ListError as error:
        return AnchorAudit(diagnostics=[error.diagnostic])
    built = anchors.scan(site)
    audit = AnchorAudit(moves.follow(published, built, redirects))
    audit.moved = moves.client_map(audit.moves, redirects, built)
    plain = {anchor for anchor, recorded in published.items() if recorded is None}
    audit.diagnostics += [
        _anchor_error(
            shown,
            None,
            f"expected the published anchor {anchor} in the build (or a redirect), found it removed",
        )
        for anchor in anchors.removed(plain, built.anchors, redirects)
    ]
    for move in audit.moves:
        if move.outcome is moves.Outcome.LOST:
            audit.diagnostics.append(
                _anchor_error(
                    shown,
                    None,
                    f"expected the published paragraph {move.anchor} in the build, its passage elsewhere or a "
                    "redirect, found none of them",
                )
            )
        elif move.outcome is moves.Outcome.REUSED:
            now = f"the passage is now at {move.target}" if move.target else "the passage is not found"
            audit.diagnostics.append(
                Diagnostic(
                    Code.SITE_ANCHOR_REUSED,
                    Severity.ERROR,
                    shown,
                    None,
                    f"expected {move.anchor} to hold the passage it held when published, found another one ({now}); "
                    "a cited id must not be given to other text (or, if it is the same passage rewritten, "
                    "confirm it with a redirect of the id to itself)",
                )
            )
    for redirect in redirects:
        if redirect.old in built.anchors and redirect.new != redirect.old:
            audit.diagnostics.append(
                Diagnostic(
                    Code.SITE_ANCHOR_REUSED,
                    Severity.WARNING,
                    display_path(redirects_file),
                    redirect.line,
                    f"expected a redirect from an anchor the build no longer has, found {redirect.old} in the "
                    "build (readers who follow it stay there)",
                )
            )
    return audit


def _anchor_error(path: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(Code.SITE_ANCHOR_REMOVED, Severity.ERROR, path, line, message)


def check_anchors(site: Path, data: Path) -> list[Diagnostic]:
    return audit_anchors(site, data).diagnostics
