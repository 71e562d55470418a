"""The text of built HTML as a reader's browser shows it, for the checks that compare pages with the model.

This reads HTML only (it knows nothing of how apparat wrote it): text inside `script`, `style` and other
non-rendered elements, elements with the `hidden` attribute or an inline `display: none` /
`visibility: hidden`, and screen-reader-only text (`visually-hidden`, `sr-only`) are left out, as is a
heading's permalink sign (`headerlink`, shown only on hover). Runs of ASCII white space collapse to one
space, as in rendered HTML; no-break and thin spaces are kept, because a reader sees them. Block elements
are separated by a space; a closed `<details>` shows its summary only. CSS generated content (`::before`, the margin page numbers) is not text, as
for the browser's `innerText`. `tests/browser/test_fidelity.py` compares this with Chromium's `innerText`.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

_NOT_RENDERED = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "desc", "meta", "link", "iframe"}
)
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
    }
)  # fmt: skip
_UNSEEN_CLASSES = frozenset(
    {"md-visually-hidden", "apparat-visually-hidden", "visually-hidden", "sr-only", "headerlink"}
)
_HIDDEN_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_ASCII_SPACE_CHARS = " \t\n\r\f"
_ASCII_SPACE = re.compile(f"[{_ASCII_SPACE_CHARS}]+")


def is_hidden(node: LexborNode) -> bool:
    """True when the element itself is not shown (its ancestors are not looked at)."""
    if node.tag in _NOT_RENDERED:
        return True
    attributes = node.attributes
    if "hidden" in attributes:
        return True
    if _HIDDEN_STYLE.search(attributes.get("style") or ""):
        return True
    return bool(_UNSEEN_CLASSES.intersection((attributes.get("class") or "").split()))


def _collect(
    node: LexborNode, out: list[str | LexborNode], skip: frozenset[int], marked: frozenset[int] = frozenset()
) -> None:
    closed = node.tag == "details" and "open" not in node.attributes  # only its summary is shown
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            if not closed:
                out.append(child.text_content or "")
            continue
        if not child.is_element_node or is_hidden(child) or child.mem_id in skip:
            continue
        if closed and child.tag != "summary":
            continue
        block = child.tag in _BLOCKS
        if block:
            out.append(" ")
        if child.mem_id in marked:
            out.append(child)  # where it opens; the same node again where it closes
        _collect(child, out, skip, marked)
        if child.mem_id in marked:
            out.append(child)
        if block:
            out.append(" ")


def collapse(text: str) -> str:
    """White space as rendered: ASCII runs become one space, ends trimmed."""
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def visible_text(node: LexborNode, without: list[LexborNode] | None = None) -> str:
    """What a reader sees of `node`, white space collapsed; the elements in `without` are left out too."""
    if is_hidden(node):
        return ""
    out: list[str | LexborNode] = []
    _collect(node, out, frozenset(n.mem_id for n in without or ()))
    return collapse("".join(piece for piece in out if isinstance(piece, str)))


def visible_text_and_spans(
    node: LexborNode, spans: list[LexborNode], without: list[LexborNode] | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """`visible_text(node, without)`, and where in it each element of `spans` stands: (start, end) offsets,
    in the order given ((0, 0) for one the reader does not see)."""
    if is_hidden(node):
        return "", [(0, 0)] * len(spans)
    out: list[str | LexborNode] = []
    _collect(node, out, frozenset(n.mem_id for n in without or ()), frozenset(n.mem_id for n in spans))
    # White space collapsed as `collapse` does, counting where the marked elements open and close.
    text: list[str] = []
    where: dict[int, list[int]] = {}
    for piece in out:
        if not isinstance(piece, str):
            where.setdefault(piece.mem_id, []).append(len(text))
            continue
        for char in piece:
            if char in _ASCII_SPACE_CHARS:
                if text and text[-1] != " ":
                    text.append(" ")
            else:
                text.append(char)
    if text and text[-1] == " ":
        text.pop()
    length = len(text)
    found = []
    for span in spans:
        start, end = where.get(span.mem_id, [0, 0])
        found.append((min(start, length), min(end, length)))
    return "".join(text), found
