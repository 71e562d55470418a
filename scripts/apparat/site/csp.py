"""The Content-Security-Policy of the built pages, checked from the HTML itself.

The policy (a `<meta http-equiv>` in `overrides/main.html`: GitHub Pages sends no headers) allows scripts
from the site's own files only: no `'unsafe-inline'`, no `'unsafe-eval'`. So an injected `<script>`, an
`onerror=` or a `javascript:` link would not run even if some text got past the sanitiser. This check
reads every built page and makes sure that holds on both sides:

* the page carries the policy, and its `script-src` (or `default-src`) allows neither inline script nor
  eval nor another origin;
* the page itself needs neither: no inline `<script>` that would run (JSON data blocks are fine), no
  event-handler attribute, no `javascript:` address. Anything of the kind would be a feature silently
  broken by the policy, or an injection the sanitiser missed.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from apparat.diagnostics import Code, Diagnostic, Severity

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}
_UNSAFE_SOURCES = {
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "*",
    "data:",
    "blob:",
    "http:",
    "https:",
}
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def _problem(name: str, message: str) -> Diagnostic:
    return Diagnostic(Code.SITE_SCRIPT, Severity.ERROR, name, None, message)


def policy(tree: LexborHTMLParser) -> dict[str, list[str]] | None:
    """The page's policy from its meta tag: directive → sources (None when there is none)."""
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").lower() == "content-security-policy":
            directives: dict[str, list[str]] = {}
            for part in (node.attributes.get("content") or "").split(";"):
                words = part.split()
                if words:
                    directives.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
            return directives
    return None


def check_page(name: str, tree: LexborHTMLParser) -> list[Diagnostic]:
    problems = []
    directives = policy(tree)
    if directives is None:
        problems.append(_problem(name, "expected a Content-Security-Policy meta tag, found none"))
    else:
        sources = directives.get("script-src", directives.get("default-src"))
        if sources is None:
            problems.append(
                _problem(name, "expected a script-src (or default-src) in the policy, found none")
            )
        else:
            problems.extend(
                _problem(name, f"expected scripts from 'self' only, found {source} in script-src")
                for source in sources
                if source in _UNSAFE_SOURCES
            )
    for node in tree.css("meta[http-equiv]"):
        # a refresh moves the reader to another site, and no policy stops it; the theme writes no other
        equiv = (node.attributes.get("http-equiv") or "").strip().lower()
        if equiv != "content-security-policy":
            problems.append(_problem(name, f"expected no <meta http-equiv> but the policy, found {equiv!r}"))
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").strip().lower()
        if "src" not in node.attributes and kind not in DATA_SCRIPT_TYPES:
            code = (node.text() or "").strip()
            problems.append(_problem(name, f"expected no inline script, found <script> {code[:40]!r}"))
    for node in tree.root.traverse() if tree.root is not None else []:
        for attribute, value in node.attributes.items():
            if attribute.lower().startswith("on"):
                problems.append(
                    _problem(name, f"expected no event handler, found {attribute} on <{node.tag}>")
                )
            elif attribute.lower() in _URL_ATTRIBUTES and _is_script_address(value or ""):
                problems.append(_problem(name, f"expected no script address, found {attribute}={value!r}"))
    return problems


def _is_script_address(url: str) -> bool:
    cleaned = "".join(ch for ch in url if ch > " ").lower()  # browsers drop tabs, newlines and controls
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg"))
