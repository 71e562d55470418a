"""The source lines on which a piece of a note's (or paragraph's) text is printed.

The converted text joins lines, drops line-end hyphens and page furniture, so an offset into it is not an
offset into the file. Both are reduced to a skeleton (letters and digits, lower case) with every skeleton
character remembering its line; a value is then found in the skeleton of the lines that hold its node, at
or after a given point. A value the skeleton does not hold (an editorial correction changed the line) falls
back to the first line of the node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from apparat.bib.provenance import Place
from apparat.model import Block, Document, Fragment, Note, Role

_KEEP = re.compile(r"[^\W_]", re.UNICODE)


def skeleton(text: str) -> str:
    return "".join(_KEEP.findall(text)).lower()


@dataclass(slots=True)
class Node:
    """The skeleton of one note or block, with the line of each of its characters."""

    file: str
    first: int
    text: str = ""
    lines: list[int] = field(default_factory=list)

    def find(self, value: str, after: int = 0) -> tuple[Place, int] | None:
        """Where `value` is printed, at or after skeleton position `after`; and the position after it."""
        wanted = skeleton(value)
        if not wanted:
            return None
        at = self.text.find(wanted, after)
        if at < 0:
            return None
        end = at + len(wanted)
        return Place(self.file, self.lines[at], self.lines[end - 1]), end

    def place(self, value: str, after: int = 0) -> Place:
        found = self.find(value, after)
        return found[0] if found else Place(self.file, self.first, self.first)

    def position(self, value: str, after: int = 0) -> int:
        """The skeleton position where `value` starts (or `after` when it is not found)."""
        found = self.find(value, after)
        return found[1] - len(skeleton(value)) if found else after


class Locator:
    """Skeletons of a document's notes and blocks, built from the raw source lines on demand."""

    def __init__(self, document: Document, lines: list[str] | None, file: str) -> None:
        self.document = document
        self.lines = lines
        self.file = file
        self._nodes: dict[str, Node] = {}
        self._by_id: dict[str, Note | Block | Fragment] = {}
        for section in document.sections:
            for note in section.notes:
                self._by_id[f"{section.id}-n{note.n}"] = note
            for fragment in section.fragments:
                self._by_id[fragment.target(section.id)] = fragment
            for block in section.blocks:
                self._by_id[block.id] = block

    def node(self, target: str) -> Node:
        if target not in self._nodes:
            self._nodes[target] = self._build(target)
        return self._nodes[target]

    def _build(self, target: str) -> Node:
        item = self._by_id.get(target)
        span = item.lines if item is not None else None
        if span is None or self.lines is None:
            return Node(self.file, span.first if span is not None else 1)
        roles = self.document.roles
        own = Role.NOTE if isinstance(item, Note) else None
        node = Node(self.file, span.first)
        for number in range(span.first, min(span.last, len(self.lines)) + 1):
            role = roles[number - 1] if number - 1 < len(roles) else None
            if own is not None and role is not own:
                continue  # a note continued over a page: skip the body lines between its parts
            if own is None and role in (Role.NOTE, Role.SEPARATOR, Role.RUNNING_HEAD, Role.PAGE_NUMBER):
                continue
            text = skeleton(self.lines[number - 1])
            node.text += text
            node.lines.extend([number] * len(text))
        return node
