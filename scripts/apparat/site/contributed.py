"""Checks of what contributors change by hand, run by every build and by `apparat check`.

* Hand-written pages (`content/pages/*.md`) are built by Python-Markdown with attr_list and md_in_html,
  which would publish `onclick`, `<script>` or a `javascript:` link as written: such a page fails the build.
* Published anchors (`content/data/published-anchors.txt`, recorded at each release) must all still exist
  in the new build, or be moved by a redirect declared in `content/data/redirects.yml`.
"""

from __future__ import annotations

from pathlib import Path

from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.review import anchors
from apparat.untrusted import UntrustedError, page_problems
from apparat.works import display_path


def check_pages(pages: Path) -> list[Diagnostic]:
    found = []
    for page in sorted(pages.rglob("*.md")):
        for problem in page_problems(page.read_text(encoding="utf-8")):
            message = f"expected {problem.expected}, found {problem.found}"
            found.append(
                Diagnostic(Code.PAGE_UNSAFE, Severity.ERROR, display_path(page), problem.line, message)
            )
    return found


def check_anchors(site: Path, data: Path) -> list[Diagnostic]:
    listing, redirects_file = data / "published-anchors.txt", data / "redirects.yml"
    try:
        redirects = anchors.read_redirects(redirects_file)
    except (UntrustedError, ValueError) as error:
        return [
            Diagnostic(
                Code.SITE_ANCHOR_REMOVED, Severity.ERROR, display_path(redirects_file), None, str(error)
            )
        ]
    lost = anchors.removed(anchors.read_list(listing), anchors.collect(site), redirects)
    return [
        Diagnostic(
            Code.SITE_ANCHOR_REMOVED,
            Severity.ERROR,
            display_path(listing),
            None,
            f"expected the published anchor {anchor} in the build (or a redirect), found it removed",
        )
        for anchor in lost
    ]
