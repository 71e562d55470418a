"""Reading what contributors write: YAML data, Markdown definitions and pages, BibTeX field values.

Everything here is input from strangers (pull requests), so it is read defensively and either rejected with a
`path:line` error or escaped; it is never published as it came:

* YAML: size and depth limits, no anchors or aliases (the "billion laughs" bomb), no explicit tags (no
  `!!python/object`, no `!!binary`), no duplicate keys (PyYAML would silently keep the last). Every mapping
  remembers its line, so later checks can point at the entry.
* Definitions (glossary, factions, persons) are a small Markdown subset rendered by markdown-it-py with raw
  HTML switched off, then cleaned by nh3 with an allow-list: emphasis, code, links to http(s)/mailto or
  relative targets. Raw HTML or a dangerous link in the source is an error, not silently dropped.
* Hand-written pages (Python-Markdown with attr_list and md_in_html, which pass `onclick` and `<script>` as
  they are) are scanned for script, event handlers, `javascript:` and similar, and styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nh3
import yaml
from markdown_it import MarkdownIt

MAX_BYTES = 2_000_000
"""Largest data file or page accepted (the whole glossary of both works is about 100 kB)."""
MAX_DEPTH = 20

_SAFE_TAGS = {"p", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "br"}
_SAFE_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}}
_SAFE_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong in contributed text, and where (1-based line within the text or file)."""

    line: int
    expected: str
    found: str


class UntrustedError(ValueError):
    def __init__(self, line: int, expected: str, found: str) -> None:
        super().__init__(f"line {line}: expected {expected}, found {found}")
        self.problem = Problem(line, expected, found)


class LinedDict(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on."""

    line: int = 0


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors, aliases, explicit tags or duplicate keys, and with a depth limit."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise UntrustedError(
                line, "plain YAML data", "an alias (*name); anchors and aliases are not allowed"
            )
        if getattr(event, "anchor", None):
            raise UntrustedError(line, "plain YAML data", f"an anchor (&{event.anchor}); not allowed")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise UntrustedError(line, "plain YAML data", f"an explicit tag {tag}; tags are not allowed")
        self._depth = getattr(self, "_depth", 0) + 1
        if self._depth > MAX_DEPTH:
            raise UntrustedError(line, f"data nested at most {MAX_DEPTH} levels deep", "deeper nesting")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LinedDict:
    result = LinedDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise UntrustedError(key_node.start_mark.line + 1, "a text key", f"the key {key!r}")
        if key in result:
            raise UntrustedError(key_node.start_mark.line + 1, "each key once per entry", f"{key!r} again")
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text: a contributor's `1923-04-17` must not turn into a datetime object.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_text(text: str) -> Any:
    """Parse contributed YAML; raises UntrustedError (with a line) on anything but plain data."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise UntrustedError(1, f"at most {MAX_BYTES:,} bytes", f"{len(text.encode('utf-8')):,} bytes")
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise UntrustedError(line, "valid YAML", error.problem or "a syntax error") from None
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Any:
    """Read and parse a contributed YAML file. Errors carry the line; the caller adds the path."""
    if path.stat().st_size > MAX_BYTES:
        raise UntrustedError(1, f"at most {MAX_BYTES:,} bytes", f"{path.stat().st_size:,} bytes")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UntrustedError(1, "UTF-8 text", f"a byte that is not UTF-8 at offset {error.start}") from None
    return load_yaml_text(text)


# --- the Markdown subset of definitions -------------------------------------------------------------------

_MD = MarkdownIt("commonmark", {"html": True}).disable(["image", "table"], ignoreInvalid=True)
_MD_SAFE = MarkdownIt("commonmark", {"html": False}).disable(["image", "table"], ignoreInvalid=True)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def _link_problem(href: str) -> str | None:
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return f"a link to {scheme.group(1)}: (only http, https, mailto and relative links)"
    return None


def definition_problems(text: str) -> list[Problem]:
    """What makes a definition unpublishable: raw HTML, unsafe links, images. Lines count from 1."""
    problems: list[Problem] = []
    for token in _MD.parse(text):
        line = (token.map[0] + 1) if token.map else 1
        if token.type == "html_block":
            problems.append(
                Problem(line, "Markdown without raw HTML", f"HTML {token.content.strip()[:40]!r}")
            )
        for child in token.children or []:
            if child.type == "html_inline":
                problems.append(Problem(line, "Markdown without raw HTML", f"HTML {child.content[:40]!r}"))
            elif child.type == "link_open":
                problem = _link_problem(str(child.attrGet("href") or ""))
                if problem:
                    problems.append(Problem(line, "a safe link", problem))
        if "![" in token.content:
            problems.append(Problem(line, "text without images", "an image"))
    for number, line_text in enumerate(text.splitlines(), 1):
        problem = _link_problem_in_text(line_text)
        if problem:
            problems.append(Problem(number, "a safe link", problem))
    return problems


# Links markdown-it refuses to make (it drops javascript: and the like) stay in the text: still an error.
_LINK_TARGET = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>|\]\(\s*<?([^)\s>]*)")


def _link_problem_in_text(line: str) -> str | None:
    for match in _LINK_TARGET.finditer(line):
        problem = _link_problem(match.group(1) or match.group(2))
        if problem:
            return problem
    return None


def render_definition(text: str) -> str:
    """The definition as safe HTML (raw HTML escaped, then allow-listed by nh3): defence in depth."""
    html = _MD_SAFE.render(text)
    return nh3.clean(
        html,
        tags=_SAFE_TAGS,
        attributes=_SAFE_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def render_inline_definition(text: str) -> str:
    """A one-paragraph definition without its <p> wrapper, for tooltips."""
    html = render_definition(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


# --- hand-written pages and plain fields --------------------------------------------------------------------

_PAGE_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"<\s*(script|iframe|object|embed|style|link|meta|base|form|svg|math)\b", re.IGNORECASE),
        "a <{0}> element",
    ),
    (re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE), "an event-handler attribute"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE), "a {0}: address"),
    (re.compile(r"\b(data):\s*[a-z]+/[a-z0-9.+-]+[;,]", re.IGNORECASE), "a {0}: address"),
    (re.compile(r"\{[^}\n]*\bstyle\s*=", re.IGNORECASE), "a style attribute"),
    (re.compile(r"<[^>]*\bstyle\s*=", re.IGNORECASE), "a style attribute"),
    (re.compile(r"&#(x0*6a|0*106);", re.IGNORECASE), "an encoded 'javascript' address"),
]


def page_problems(text: str) -> list[Problem]:
    """Scan a hand-written Markdown page for anything that would run or restyle in the reader's browser."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return [Problem(1, f"at most {MAX_BYTES:,} bytes", f"{len(text.encode('utf-8')):,} bytes")]
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for rule, what in _PAGE_RULES:
            match = rule.search(line)
            if match:
                found = what.format(match.group(1).lower()) if match.groups() else what
                problems.append(Problem(number, "Markdown that runs no script", found))
    return problems


def field_problems(value: str) -> list[str]:
    """A plain-text field (a BibTeX title, a person's name) must hold no markup at all."""
    found = []
    if re.search(r"<\s*/?\s*[a-zA-Z!]", value):
        found.append("an HTML tag")
    if re.search(r"(javascript|vbscript)\s*:", value, re.IGNORECASE):
        found.append("a script address")
    return found
