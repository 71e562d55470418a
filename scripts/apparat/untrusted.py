"""Reading what contributors write: YAML data, Markdown definitions and pages, BibTeX field values.

Everything here is input from strangers (pull requests), so it is read defensively and either rejected with a
`path:line` error or escaped; it is never published as it came:

* YAML: size and depth limits, no anchors or aliases (the "billion laughs" bomb), no explicit tags (no
  `!!python/object`, no `!!binary`), no duplicate keys (PyYAML would silently keep the last). Every mapping
  remembers its line, so later checks can point at the entry.
* Definitions, descriptions and identifications are a small Markdown subset, and hand-written pages are
  Markdown as the site renders it (Python-Markdown with attr_list and md_in_html, which pass `onclick` and
  `<script>` as they are). Each is rendered to HTML and cleaned by the allow-list sanitiser of
  `apparat.sanitize`; anything the cleaning removes (an element, an attribute, a link address) is an error at
  its line. Published definitions are rendered with raw HTML switched off and cleaned again: defence in depth.
* Plain fields (names, glosses, BibTeX values) hold no markup at all.
* Bidirectional control characters (the "Trojan Source" trick: text that reads differently from what it
  is) are refused everywhere.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import nh3
import yaml
from markdown_it import MarkdownIt

from apparat import sanitize

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
    """A YAML mapping that remembers the line it starts on, and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self) -> None:
        super().__init__()
        self.key_lines = {}


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
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters no page, EPUB or export can hold: C0 controls but tab and line ends, DEL, unpaired surrogates
(a double-quoted `"\\ud800"` makes one, and no UTF-8 writer takes it), U+FFFE and U+FFFF."""


def _construct_scalar(loader: _StrictLoader, node: yaml.ScalarNode) -> Any:
    value = loader.construct_scalar(node)
    if isinstance(value, str) and (found := UNWRITABLE.search(value)):
        raise UntrustedError(
            node.start_mark.line + 1,
            "text",
            f"the character U+{ord(found.group()):04X}, which no page can hold",
        )
    return value


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_scalar)
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
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UntrustedError(
            line, "UTF-8 text", f"the byte 0x{raw[error.start]:02X}, which is not UTF-8"
        ) from None
    return load_yaml_text(text)


# --- the Markdown subset of definitions -------------------------------------------------------------------

_MD = MarkdownIt("commonmark", {"html": True}).disable(["image", "table"], ignoreInvalid=True)
_MD_SAFE = MarkdownIt("commonmark", {"html": False}).disable(["image", "table"], ignoreInvalid=True)
# The check renders every link markdown-it would refuse (javascript:, data:) as a link, so that the
# sanitiser sees the address and names it; images too, so that they are reported rather than kept as text.
_MD_CHECK = MarkdownIt("commonmark", {"html": True}).disable(["table"], ignoreInvalid=True)
_MD_CHECK.validateLink = lambda url: True  # type: ignore[method-assign]


def definition_problems(text: str) -> list[Problem]:
    """What makes a definition unpublishable: raw HTML, and anything the allow-list sanitiser removes from
    its HTML (images, unlisted elements or attributes, links other than http, https, mailto or relative).
    Lines count from 1."""
    problems = [
        Problem(removal.line, "Markdown the definition allow-list keeps", removal.what)
        for removal in sanitize.removals(_MD_CHECK.render(text), sanitize.DEFINITION, text)
    ]
    reported = {problem.line for problem in problems}
    for token in _MD.parse(text):
        line = (token.map[0] + 1) if token.map else 1
        raw = [token.content.strip()] if token.type == "html_block" else []
        raw += [child.content for child in token.children or [] if child.type == "html_inline"]
        if raw and line not in reported:  # allowed tags, but Markdown is the language of definitions
            problems.append(Problem(line, "Markdown without raw HTML", f"HTML {raw[0][:40]!r}"))
    return sorted(set(problems), key=lambda p: (p.line, p.found))


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

_PAGE_EXTENSIONS = [
    "toc",
    "tables",
    "fenced_code",
    "attr_list",
    "md_in_html",
    "footnotes",
    "abbr",
    "def_list",
]
"""What MkDocs always adds to the extensions of mkdocs.yml (toc, tables, fenced_code), and those that let
Markdown carry HTML attributes or raw HTML: a page is checked with them even if mkdocs.yml drops one."""
_FRONT_MATTER = re.compile(r"\A(---\s*\n)(.*?\n)((?:---|\.\.\.)\s*\n)", re.DOTALL)
_FRONT_MATTER_KEYS = {"title", "description", "hide"}
"""`search` (Material's search plugin's key) is refused: the site's own search does not read it."""


def page_renderer(config: Path | None = None) -> markdown.Markdown:
    """Python-Markdown with the extensions of the site's mkdocs.yml (default: the project's) as MkDocs
    would load them, plus those of `_PAGE_EXTENSIONS`."""
    from apparat.works import project

    config = config or project() / "mkdocs.yml"
    extensions: list[str] = list(_PAGE_EXTENSIONS)
    settings: dict[str, dict[str, Any]] = {}
    if config.is_file():
        try:
            listed = load_yaml(config).get("markdown_extensions") or []
        except (UntrustedError, AttributeError):
            listed = []
        for item in listed:
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            if name not in extensions:
                extensions.append(str(name))
            if isinstance(options, dict):
                settings[str(name)] = dict(options)
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def page_problems(text: str, renderer: markdown.Markdown | None = None) -> list[Problem]:
    """Render a hand-written page as the site would and report what the allow-list sanitiser removes from
    it, at its line; also front-matter fields other than plain text, and bidirectional controls."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return [Problem(1, f"at most {MAX_BYTES:,} bytes", f"{len(text.encode('utf-8')):,} bytes")]
    problems = bidi_problems(text)
    body = text
    front = _FRONT_MATTER.match(text)
    if front:
        problems += _front_matter_problems(front.group(2))
        # blank lines in place of the front matter: the page's line numbers stay those of the file
        body = "\n" * front.group(0).count("\n") + text[front.end() :]
    title = page_title(text)
    if title is not None:
        problems.extend(
            Problem(
                title[0],
                "a page title in plain text (the navigation of every page shows it as written)",
                found,
            )
            for found in field_problems(title[1])
        )
    renderer = renderer or page_renderer()
    renderer.reset()
    rendered = renderer.convert(body)
    for removal in sanitize.removals(rendered, sanitize.PAGE, body):
        problems.append(Problem(removal.line, "Markdown and HTML the page allow-list keeps", removal.what))
    return problems


def page_title(text: str) -> tuple[int, str] | None:
    """(line, title) of a hand-written page: its first `# ` line, which the site's navigation prints as it
    is written, markup included (a code span's `<img onerror>` would run on every page)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("# "):
            return number, line[2:].strip()
    return None


def _front_matter_problems(text: str) -> list[Problem]:
    try:
        data = load_yaml_text(text)
    except UntrustedError as error:
        return [Problem(error.problem.line + 1, error.problem.expected, error.problem.found)]
    if not isinstance(data, LinedDict):
        return [Problem(2, "front matter as a mapping", type(data).__name__)]
    problems = []
    for key, value in data.items():
        line = data.key_lines.get(key, 0) + 1
        if key not in _FRONT_MATTER_KEYS:
            allowed = ", ".join(sorted(_FRONT_MATTER_KEYS))
            problems.append(Problem(line, f"a front-matter key among {allowed}", repr(key)))
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        problems.extend(
            Problem(line, f"plain text in {key!r}", found)
            for text_value in values
            for found in field_problems(str(text_value))
        )
        # the theme prints `description` into an attribute unescaped: a straight quote ends it
        # (`content="0;url=https://evil.example/" http-equiv="refresh"` sent readers away)
        problems.extend(
            Problem(
                line, f"plain text in {key!r} (typographic quotes “ ” for quotations)", 'a straight quote (")'
            )
            for text_value in values
            if '"' in str(text_value)
        )
    return problems


def field_problems(value: str) -> list[str]:
    """A plain-text field (a BibTeX title, a person's name) must hold no markup at all."""
    found = []
    if re.search(r"<\s*/?\s*[a-zA-Z!?]", value):
        found.append("an HTML tag")
    if re.search(r"(javascript|vbscript)\s*:", html.unescape(value), re.IGNORECASE):
        found.append("a script address")
    return found


BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Bidirectional formatting characters: they make text display in another order than it is stored."""


def _bidi_found(text: str) -> str:
    match = BIDI.search(text)
    return f"the bidirectional control U+{ord(match.group()):04X}" if match else ""


def bidi_problems(text: str) -> list[Problem]:
    """Every line holding a bidirectional control character."""
    return [
        Problem(number, "text without bidirectional control characters", _bidi_found(line))
        for number, line in enumerate(text.splitlines(), 1)
        if BIDI.search(line)
    ]
