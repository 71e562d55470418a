"""An allow-list sanitiser for everything contributors write: what it removes is an error, not a silent fix.

Each contributed text is rendered to HTML the way the site would render it (definitions with markdown-it,
hand-written pages with Python-Markdown and the site's extensions), then cleaned by nh3 with an explicit
allow-list of tags, attributes and URL schemes (a `Policy`). If cleaning changes anything, the check fails
and names what was removed (an element, an attribute, a link address) and the source line it came from.

Comparing the HTML before and after cleaning, rather than scanning the source for bad words, is what makes
this an allow-list: an event handler split over two lines, an entity-encoded `javascript:` or an element
nobody thought of is caught because it is not on the list, whatever its spelling. Both sides are parsed by
an HTML5 parser (lexbor, via selectolax) so that entities and quoting compare equal.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

_SAFE_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9_:.-]*$")


RESERVED_ID_PREFIXES = ("apparat-",)
"""Ids the edition's scripts and templates give their own elements; a page's heading taking one steals its
label and its `aria-controls` (`{ #apparat-search-input }`)."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What a kind of contributed text may contain once rendered to HTML."""

    name: str
    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]
    """Tag → allowed attributes; "*" applies to every tag."""
    url_schemes: frozenset[str] = frozenset({"http", "https", "mailto"})
    """Relative addresses are always allowed; an absolute one needs one of these schemes."""
    token_attributes: frozenset[str] = field(default_factory=lambda: frozenset({"id", "class"}))
    """Attributes whose value must be plain tokens, and never one of Material's own ids (`__config`…)."""
    attribute_values: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    """Tag → attribute → the only values it may have (the alignment styles of Markdown tables)."""

    def clean(self, markup: str) -> str:
        return str(
            nh3.clean(
                markup,
                tags=set(self.tags),
                attributes={tag: set(names) for tag, names in self.attributes.items()},
                tag_attribute_values={
                    tag: {name: set(values) for name, values in allowed.items()}
                    for tag, allowed in self.attribute_values.items()
                },
                url_schemes=set(self.url_schemes),
                attribute_filter=self._filter,
                link_rel=None,
                strip_comments=True,
            )
        )

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if attribute in self.token_attributes and not all(
            _SAFE_TOKEN.match(token) and not token.startswith("__") for token in value.split()
        ):
            return None  # `id="__config"` would shadow the theme's configuration (DOM clobbering)
        if attribute == "id" and value.startswith(RESERVED_ID_PREFIXES):
            return None  # our scripts' own ids (`apparat-search-input`, `apparat-cite-data`): the same
        return value


DEFINITION = Policy(
    "definition",
    tags=frozenset({"p", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "br"}),
    attributes={"a": frozenset({"href", "title"})},
    token_attributes=frozenset(),
)
"""Definitions, descriptions and identifications: a small Markdown subset, no raw HTML, no images."""

PAGE = Policy(
    "page",
    tags=frozenset(
        {
            *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code"),
            *("em", "strong", "i", "b", "small", "sub", "sup", "kbd", "cite", "q", "abbr", "del", "ins"),
            *("a", "ul", "ol", "li", "dl", "dt", "dd", "div", "span", "figure", "figcaption", "img"),
            *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"),
        }
    ),
    attributes={
        "*": frozenset({"id", "class", "title", "lang"}),
        "a": frozenset({"href"}),
        "img": frozenset({"src", "alt", "width", "height"}),
        "ol": frozenset({"start"}),
        "th": frozenset({"scope", "colspan", "rowspan"}),
        "td": frozenset({"colspan", "rowspan"}),
    },
    attribute_values={
        cell: {"style": frozenset(f"text-align: {side};" for side in ("left", "right", "center"))}
        for cell in ("th", "td")
    },
)
"""Hand-written pages: what Python-Markdown with attr_list, footnotes, toc, tables and abbr produces, plus
plain structural HTML; no script, style, form, frame, object, event handler or unlisted address scheme."""


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing the sanitiser took out, with the source line it most likely came from (1-based)."""

    line: int
    what: str


def _inventory(markup: str) -> tuple[Counter[str], Counter[tuple[str, str, str]], str]:
    """Elements, (element, attribute, value) triples and text of an HTML fragment, as a parser sees them."""
    tree = LexborHTMLParser(f"<body>{markup}</body>")
    elements: Counter[str] = Counter()
    attributes: Counter[tuple[str, str, str]] = Counter()
    body = tree.body
    if body is None:
        return elements, attributes, ""
    for node in body.traverse(include_text=False):
        tag = node.tag if isinstance(node, LexborNode) else None
        if tag is None or tag in ("body", "-comment", "-text"):
            continue
        elements[tag] += 1
        for name, value in node.attributes.items():
            attributes[(tag, name, value or "")] += 1
    return elements, attributes, body.text(deep=True, separator="")


def removals(markup: str, policy: Policy, source: str) -> list[Removal]:
    """What cleaning `markup` (rendered from `source`) with `policy` removes; empty when it changes nothing."""
    before_elements, before_attributes, before_text = _inventory(markup)
    after_elements, after_attributes, after_text = _inventory(policy.clean(markup))
    lost_elements = before_elements - after_elements
    found = [
        Removal(_line_of(source, [f"<{tag}", *_markdown_needles(tag)]), f"a <{tag}> element")
        for tag in sorted(lost_elements)
    ]
    for tag, name, value in sorted(before_attributes - after_attributes):
        if tag in lost_elements:
            continue  # the element itself is reported
        shown = value if len(value) <= 40 else value[:37] + "…"
        if name in ("href", "src") and value:
            what = f"the address {shown!r} in {name} of <{tag}>"
            needles = [value, value.split(":", 1)[0], name]
        elif name.startswith("on"):
            what = f"the event handler {name} on <{tag}>"
            needles = [name]
        elif name in policy.token_attributes or name in policy.attributes.get("*", ()):
            what = f"the attribute {name}={shown!r} on <{tag}>"
            needles = [value, name]
        else:
            what = f"the attribute {name} on <{tag}>"
            needles = [name]
        found.append(Removal(_line_of(source, needles), what))
    if not found and before_text != after_text:
        found.append(Removal(1, "text inside an element the allow-list drops"))
    return found


def _markdown_needles(tag: str) -> list[str]:
    """Markdown that produces an element without writing its tag."""
    return {"img": ["!["], "hr": ["***", "---", "___"], "pre": ["```", "~~~"], "table": ["|"]}.get(tag, [])


def _line_of(source: str, needles: list[str]) -> int:
    """The first line holding a needle, read as written and with HTML entities decoded (`&#74;avascript:`);
    line 1 when none does."""
    lines = source.splitlines() or [""]
    for needle in needles:
        wanted = needle.lower().strip()
        if not wanted:
            continue
        for number, line in enumerate(lines, 1):
            if wanted in line.lower() or wanted in html.unescape(line).lower():
                return number
    return 1
