"""bibliography.bib as editable text: entries of one field per line, with the comments between them kept.

`apparat bib` changes a few fields of a few entries (keywords, provenance, a stub's title); rewriting the
whole file through pybtex would lose the comments and the hand-chosen field order, so the file is held as
its parts: the text between entries, verbatim, and each entry as its type, key and `(name, value)` lines.
The file's layout (`  name = {value},`, one field per line) is what `format_entry` writes; an entry laid
out otherwise is kept verbatim and cannot be edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEAD = re.compile(r"@(?P<kind>\w+)\s*\{\s*(?P<key>[^,\s{}]+)\s*,\s*$")
_FIELD = re.compile(r"\s+(?P<name>[\w-]+)\s*=\s*\{(?P<value>.*)\},?\s*$")

FIELD_ORDER = [
    "author",
    "editor",
    "translator",
    "title",
    "bookauthor",
    "booktitle",
    "journal",
    "volume",
    "number",
    "pages",
    "edition",
    "series",
    "publisher",
    "address",
    "year",
    "note",
    "crossref",
    "related",
    "keywords",
    "x-apparat-source",
    "x-apparat-editorial",
]
"""The order `format_entry` writes fields in, and where `apparat bib` inserts a field it adds."""


@dataclass(slots=True)
class EntryText:
    kind: str
    key: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    raw: str | None = None
    """The entry's text when it is not in the one-field-per-line layout (then it cannot be edited)."""

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key.lower() == name), None)

    def set(self, name: str, value: str) -> bool:
        """Set a field (added at its place in FIELD_ORDER); True when the text changed."""
        for i, (key, old) in enumerate(self.fields):
            if key.lower() == name:
                if old == value:
                    return False
                self.fields[i] = (key, value)
                return True
        rank = FIELD_ORDER.index(name) if name in FIELD_ORDER else FIELD_ORDER.index("note")
        at = len(self.fields)
        for i, (key, _) in enumerate(self.fields):
            if key.lower() in FIELD_ORDER and FIELD_ORDER.index(key.lower()) > rank:
                at = i
                break
        self.fields.insert(at, (name, value))
        return True

    def remove(self, name: str) -> bool:
        before = len(self.fields)
        self.fields = [(k, v) for k, v in self.fields if k.lower() != name]
        return len(self.fields) != before

    def text(self) -> str:
        if self.raw is not None:
            return self.raw
        lines = [f"@{self.kind}{{{self.key},"]
        lines += [f"  {name} = {{{value}}}," for name, value in self.fields]
        lines.append("}")
        return "\n".join(lines)


@dataclass(slots=True)
class BibText:
    parts: list[str | EntryText] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> BibText:
        lines = text.split("\n")
        out = cls()
        loose: list[str] = []
        i = 0
        while i < len(lines):
            head = _HEAD.match(lines[i])
            if not head:
                loose.append(lines[i])
                i += 1
                continue
            end = _entry_end(lines, i)
            if loose:
                out.parts.append("\n".join(loose))
                loose = []
            entry = EntryText(head["kind"], head["key"])
            for line in lines[i + 1 : end]:
                match = _FIELD.fullmatch(line)
                if not match or match["value"].count("{") != match["value"].count("}"):
                    entry.raw = "\n".join(lines[i : end + 1])
                    entry.fields = []
                    break
                entry.fields.append((match["name"], match["value"]))
            if entry.raw is None and lines[end].strip() != "}":
                entry.raw = "\n".join(lines[i : end + 1])
            out.parts.append(entry)
            i = end + 1
        if loose:
            out.parts.append("\n".join(loose))
        return out

    def entries(self) -> dict[str, EntryText]:
        return {part.key: part for part in self.parts if isinstance(part, EntryText)}

    def append(self, entry: EntryText) -> None:
        last = self.parts[-1] if self.parts else None
        if isinstance(last, str):
            self.parts[-1] = last.rstrip("\n")
            if self.parts[-1] == "":
                self.parts.pop()
        self.parts.append("")
        self.parts.append(entry)
        self.parts.append("")

    def remove(self, key: str) -> None:
        """Drop an entry and one blank line after it."""
        for i, part in enumerate(self.parts):
            if isinstance(part, EntryText) and part.key == key:
                del self.parts[i]
                if i < len(self.parts) and isinstance(self.parts[i], str):
                    rest = str(self.parts[i])
                    self.parts[i] = rest.removeprefix("\n")
                    if self.parts[i] == "" and i > 0 and isinstance(self.parts[i - 1], str):
                        del self.parts[i]
                return

    def text(self) -> str:
        return "\n".join(part.text() if isinstance(part, EntryText) else part for part in self.parts)


def _entry_end(lines: list[str], first: int) -> int:
    depth = 0
    for i in range(first, len(lines)):
        depth += lines[i].count("{") - lines[i].count("}")
        if depth <= 0 and i > first:
            return i
    return len(lines) - 1


def tex_value(value: str) -> str:
    """A value as BibTeX text: TeX's special characters escaped (`&` → `\\&`), braces balanced or dropped."""
    value = re.sub(r"(?<!\\)([&%$#_])", r"\\\1", value)
    if value.count("{") != value.count("}"):
        value = value.replace("{", "").replace("}", "")
    return value
