"""Set the sample texts in the two source layouts, and write down what we set (samples/expected.yml).

The samples are our own prose (samples/source/*.md). This script plays the part of the typesetter and of
the text extraction: it wraps lines, breaks pages, puts footnotes at the foot of their page, drops the note
texts marked missing, glues running heads to their page numbers, double-spaces the manuscript, and so on,
imitating the layouts of the real sources (see docs/profiles.md). Because it knows where it put every page,
heading, note and broken word, it also writes the ground truth that tests/converter/test_sample.py checks
the converter against. Run it after editing a source: `python samples/typeset.py`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
THIN, NBSP = "\u2009", "\u00a0"
ELLIPSIS = f"{THIN}.{THIN}.{THIN}.{THIN}"
NOTE = re.compile(r"\{\{(.*?)\}\}")


# --- text: notes, markers, forced breaks ------------------------------------------------------------


@dataclass
class NoteSpec:
    n: int
    status: str  # present | missing | truncated
    text: str | None
    continued: bool = False
    glued: bool = False  # the extraction lost the space after the note's number
    marker_line: int | None = None
    lines: tuple[int, int] | None = None
    pages: tuple[int, int] | None = None
    resumes: str | None = None
    """Text the extraction picks up again after losing the note's last lines (and maybe the start of
    another): set below the note, its first line with a leading space. It is no note's text."""


@dataclass
class Token:
    source: str  # as printed
    clean: str  # as the reader should get it
    force_break: bool = False  # the line ends after this token (a word broken at the line end)
    glue: bool = False  # no space before the next token (second half of a broken word follows)
    note: int | None = None  # the token carries this note's marker
    join: str = "hyphen"  # what breaks at the line end after it: a hyphen, a range's dash, or nothing (lost)


def tokens(text: str, notes: list[NoteSpec], first: int) -> list[Token]:
    """Split a paragraph into tokens; `{{...}}` becomes a marker glued to the previous word."""
    specs = NOTE.findall(text)
    text = NOTE.sub("\0", text).replace(" ... ", ELLIPSIS).replace("{nb}", NBSP)
    out: list[Token] = []
    for word in text.split(" "):
        if not word:
            continue
        pieces = []  # word, note, word, note, ...
        for k, piece in enumerate(word.split("\0")):
            if k:
                pieces.append(specs.pop(0))
            pieces.append(piece)
        source = clean = ""
        numbers = []
        for k, piece in enumerate(pieces):
            if k % 2 == 0:
                source += piece
                clean += piece
                continue
            n = len(notes) + 1
            notes.append(_note(n, piece))
            numbers.append(n)
            source += str(n)
            clean += f"[^{n}]"
        clean = clean.replace(THIN, " ").replace(NBSP, " ")
        for sep, keep in (("-/", False), ("=/", True)):
            if sep in source:
                left, right = source.split(sep)
                cleft, cright = clean.split(sep)
                out.append(Token(left + "-", cleft + ("-" if keep else ""), force_break=True, glue=True))
                source, clean = right, cright
        for sep, join in (("–/", "dash"), ("%/", "lost")):
            if sep in source:  # `1926–/7`: a range broken at its dash; `adminis%/tration`: the hyphen lost
                left, right = source.split(sep)
                cleft, cright = clean.split(sep)
                dash = "–" if join == "dash" else ""
                out.append(Token(left + dash, cleft + dash, force_break=True, glue=True, join=join))
                source, clean = right, cright
        out.append(Token(source, clean, note=numbers[-1] if numbers else None))
    return out


def _note(n: int, spec: str) -> NoteSpec:
    if spec == "-":
        return NoteSpec(n, "missing", None)
    if spec.startswith("~"):  # `{{~cut text//resumed text}}`: lines lost between the two
        cut, _, resumed = spec[1:].partition("//")
        return NoteSpec(n, "truncated", cut, resumes=resumed or None)
    if spec.startswith("^"):
        return NoteSpec(n, "present", spec[1:], glued=True)
    if spec.startswith("+"):
        return NoteSpec(n, "present", spec[1:], continued=True)
    if spec.startswith("<"):  # continued onto the next page, its start lost: only the end survives
        return NoteSpec(n, "start-lost", spec[1:])
    return NoteSpec(n, "present", spec)


def wrap(items: list[Token], width: int) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    used = 0
    for token in items:
        size = len(token.source)
        if lines[-1] and used + 1 + size > width:
            lines.append([])
            used = 0
        used += size + (1 if lines[-1] else 0)
        lines[-1].append(token)
        if token.force_break:
            lines.append([])
            used = 0
    return [line for line in lines if line]


def wrap_even(items: list[Token], width: int, slack: int = 6) -> list[list[Token]]:
    """Wrap at the measure or a little less, whichever leaves no line but the last too short.

    A typesetter spaces words out rather than leave a line half empty before a broken word."""
    best: tuple[int, int, list[list[Token]]] | None = None
    for candidate in range(width, width - slack, -1):
        lines = wrap(items, candidate)
        shortest = min((len(printed(line)) for line in lines[:-1]), default=width)
        score = min(shortest, width - 18)
        if best is None or score > best[0]:
            best = (score, candidate, lines)
    assert best is not None
    return best[2]


def printed(line: list[Token]) -> str:
    return " ".join(t.source for t in line)


def clean_text(items: list[Token]) -> str:
    out = ""
    for token in items:
        out += token.clean
        if not token.glue:
            out += " "
    return out.strip()


def wrap_plain(text: str, width: int) -> list[str]:
    words = text.replace(" ... ", ELLIPSIS).split(" ")
    return [printed(line) for line in wrap([Token(w, w) for w in words if w], width)]


def clean_note(text: str) -> str:
    return " ".join(text.replace(" ... ", ELLIPSIS).replace(THIN, " ").replace(NBSP, " ").split(" "))


# --- the source markup -------------------------------------------------------------------------------


@dataclass
class Item:
    kind: str  # paragraph | quote | heading | page
    text: str = ""
    number: str | None = None
    breakable: bool = False  # a quotation that may be cut by a page break


@dataclass
class Part:
    id: str
    label: str
    title: str
    items: list[Item] = field(default_factory=list)
    breakable: bool = False  # the paragraph being read is a quotation the page break may cut


def parse(path: Path) -> list[Part]:
    parts: list[Part] = []
    para: list[str] = []
    quote = False

    def flush() -> None:
        nonlocal quote
        if para:
            item = Item("quote" if quote else "paragraph", " ".join(para))
            item.breakable = parts[-1].breakable
            parts[-1].items.append(item)
            parts[-1].breakable = False
            para.clear()
        quote = False

    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.rstrip()
        if line.startswith("# ") or line == "#":
            continue
        if not line:
            flush()
        elif line.startswith("= "):
            flush()
            head, _, title = line[2:].partition(" | ")
            words = head.split()
            if words[0] == "intro":
                parts.append(Part("intro", "Introduction", "Introduction"))
            elif words[0] == "chapter":
                parts.append(Part(f"ch{int(words[1]):02d}", f"Chapter {words[1]}", title))
            elif words[0] == "part":
                parts.append(Part(f"part-{_roman(words[1])}", f"Part {words[1]}", title))
            else:
                parts.append(Part(words[0], words[0].capitalize(), title or words[0].capitalize()))
        elif line.startswith("==") and " | " in line:
            flush()
            number, _, title = line.lstrip("= ").partition(" | ")
            parts[-1].items.append(Item("heading", title, number))
        elif line.startswith("## "):
            flush()
            parts[-1].items.append(Item("heading", line[3:]))
        elif line == "!page":
            flush()
            parts[-1].items.append(Item("page"))
        elif line.startswith(">> "):  # a quotation the page break may cut (set where it falls)
            quote = True
            para.append(line[3:])
            parts[-1].breakable = True
        elif line.startswith("> "):
            quote = True
            para.append(line[2:])
        else:
            para.append(line)
    flush()
    return parts


def _roman(numeral: str) -> int:
    return {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}[numeral]


# --- output with ground truth -----------------------------------------------------------------------


@dataclass
class Out:
    lines: list[str] = field(default_factory=list)
    pages: list[dict[str, int]] = field(default_factory=list)
    hyphens: list[dict[str, object]] = field(default_factory=list)

    def add(self, text: str) -> int:
        self.lines.append(text)
        return len(self.lines)  # 1-based number of the line just added

    def page(self, number: int) -> None:
        self.pages.append({"number": number, "line": len(self.lines) + 1})


def record_hyphens(out: Out, line_no: int, line: list[Token], nxt: list[Token] | None) -> None:
    last = line[-1]
    if last.force_break and nxt and last.join != "hyphen":
        pattern = r"\d+" if last.join == "dash" else r"[^\W_]+"
        out.hyphens.append(
            {
                "line": line_no,
                "left": last.source,
                "right": re.match(pattern, nxt[0].source).group(0),  # type: ignore[union-attr]
                "decision": "keep" if last.join == "dash" else "join",
            }
        )
        return
    if last.force_break and nxt:
        keep = last.clean.endswith("-")
        out.hyphens.append(
            {
                "line": line_no,
                "left": last.source.split("-")[-2] + "-" if last.source.count("-") > 1 else last.source,
                "right": re.match(r"[^\W_]+", nxt[0].source).group(0),  # type: ignore[union-attr]
                "decision": "keep" if keep else "join",
            }
        )


# --- the book layout ---------------------------------------------------------------------------------

BOOK_BODY, BOOK_QUOTE, BOOK_NOTE = 81, 70, 95
"""Widths of a full body line, quotation line and (smaller type) note line."""
BOOK_ROWS = 29
"""Body rows (text and blank lines) on a full page."""
BOOK_HEADS = {2, 5, 8}
"""Pages whose running head survives the extraction (the others lost it)."""
BOOK_HEADS_AFTER_NOTES = {8}
"""Of those, the ones set right after the notes of the page before, with a leading space."""
BOOK_STRAY_LEAD = {3: 12}
"""page → body row that begins with a space although no page begins there."""
BOOK_NO_LEAD = {4}
"""Pages whose first line lost its leading space."""


@dataclass
class Row:
    kind: str  # paragraph | quote | heading | blank | page
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    block: int | None = None
    breakable: bool = False  # a quotation line that may end a page
    last: bool = False  # the last line of its block
    owner: int = 0  # the part (section) the row belongs to


def block_rows(
    part: Part, notes: list[NoteSpec], blocks: list[dict[str, object]], widths: dict[str, int]
) -> list[Row]:
    rows: list[Row] = []
    for item in part.items:
        if item.kind == "page":
            rows.append(Row("page"))
            continue
        if item.kind == "heading":
            text = f"{item.number} {item.text}" if item.number else item.text
            heading: dict[str, object] = {
                "kind": "heading",
                "text": text,
                "level": None,
                "number": item.number,
            }
            if item.number:
                heading["level"] = item.number.count(".") + 1
            else:
                heading["level"] = 2
            blocks.append(heading)
            rows += [Row("heading", text, block=len(blocks) - 1, last=True), Row("blank")]
            continue
        items = tokens(item.text, notes, len(notes) + 1)
        blocks.append({"kind": item.kind, "text": clean_text(items)})
        lines = wrap_even(items, widths[item.kind])
        for k, line in enumerate(lines):
            rows.append(
                Row(item.kind, printed(line), line, len(blocks) - 1, item.breakable, k == len(lines) - 1)
            )
        rows.append(Row("blank"))
    return rows


def paginate(rows: list[Row], size: int) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    for k, row in enumerate(rows):
        room = size - len(pages[-1])
        if row.kind == "page" or room <= 0 or (row.kind == "heading" and room < 5):
            pages.append([])
            if row.kind == "page":
                continue
        if row.kind == "quote" and rows[k - 1].kind != "quote" and not row.breakable:
            length = next(j for j in range(k, len(rows)) if rows[j].kind != "quote") - k
            if length > room:
                pages.append([])
        if row.kind == "blank" and not pages[-1]:
            continue
        pages[-1].append(row)
    for page in pages:
        while page and page[-1].kind == "blank":
            page.pop()
    return [page for page in pages if page]


def set_book(parts: list[Part]) -> tuple[str, dict[str, object]]:
    out = Out()
    sections = []
    page_no = 0
    widths = {"paragraph": BOOK_BODY, "quote": BOOK_QUOTE}
    for part in parts:
        notes: list[NoteSpec] = []
        blocks: list[dict[str, object]] = []
        pages = paginate(block_rows(part, notes, blocks, widths), BOOK_ROWS)
        first_page = page_no + 1
        start_line = len(out.lines) + 1
        carried: list[str] = []
        carried_note: NoteSpec | None = None
        fragments: list[dict[str, object]] = []
        for k, page in enumerate(pages):
            page_no += 1
            lead = " "
            if k == 0:
                out.page(page_no)
                if part.id == "intro":
                    out.add(" Introduction")
                    out.add("")
                else:
                    out.add(f" chapter {part.id[2:].lstrip('0')}")
                    out.add("")
                    out.add(part.title)
                    out.add("")
                lead = ""
            elif page_no in BOOK_HEADS:
                inline = page_no in BOOK_HEADS_AFTER_NOTES
                for _ in range(0 if inline else 3):
                    out.add("")
                out.page(page_no)
                if part.id == "intro":
                    head = f"{page_no}Introduction"
                elif page_no % 2 == 0:
                    head = f"{page_no} chapter {part.id[2:].lstrip('0')}"
                else:
                    head = f"{page_no}{part.title.lower()}"
                out.add(f" {head}" if inline else head)
                out.add("")
                lead = ""
            else:
                out.page(page_no)
                if page_no in BOOK_NO_LEAD:
                    lead = ""
            on_page: list[NoteSpec] = []
            for j, row in enumerate(page):
                if row.kind == "blank":
                    out.add("")
                    continue
                text = row.text
                if not text.endswith("-") and not (row.last and (row.block or 0) % 2 == 0):
                    text += " "
                stray = " " if BOOK_STRAY_LEAD.get(page_no) == j and row.kind == "paragraph" else ""
                line_no = out.add((lead if j == 0 else stray) + text)
                nxt = page[j + 1].tokens if j + 1 < len(page) else None
                if nxt is None and k + 1 < len(pages):
                    nxt = pages[k + 1][0].tokens
                if row.tokens:
                    record_hyphens(out, line_no, row.tokens, nxt)
                block = blocks[row.block]  # type: ignore[index]
                if "pages" in block and block["pages"][1] != page_no:  # type: ignore[index]
                    block.setdefault("breaks", []).append([page_no, line_no])  # type: ignore[attr-defined]
                block.setdefault("lines", [line_no, line_no])
                block.setdefault("pages", [page_no, page_no])
                block["lines"][1] = line_no  # type: ignore[index]
                block["pages"][1] = page_no  # type: ignore[index]
                for token in row.tokens:
                    if token.note:
                        notes[token.note - 1].marker_line = line_no
                        on_page.append(notes[token.note - 1])
            texts = [note for note in on_page if note.text is not None]
            if carried or texts:
                out.add("")
            if carried and carried_note is not None:
                for line in carried:
                    end = out.add(line)
                carried_note.lines = (carried_note.lines[0], end)  # type: ignore[index]
                carried_note.pages = (carried_note.pages[0], page_no)  # type: ignore[index]
                carried, carried_note = [], None
                if texts:
                    out.add("")
            assert all(not n.continued for n in texts[:-1]), (
                f"page {page_no}: only the last note can continue"
            )
            for note in texts:
                lines = wrap_plain(f"{note.n} {note.text}", BOOK_NOTE)
                here = lines
                if note.continued:
                    split = max(2, len(lines) // 2)
                    here, carried, carried_note = lines[:split], lines[split:], note
                first = out.add(here[0])
                for line in here[1:]:
                    out.add(line)
                note.lines = (first, len(out.lines))
                note.pages = (page_no, page_no)
                if note.resumes:
                    resumed = wrap_plain(note.resumes, BOOK_NOTE)
                    start = out.add(" " + resumed[0])
                    for line in resumed[1:]:
                        out.add(line)
                    fragments.append(
                        {"page": page_no, "lines": [start, len(out.lines)], "text": clean_note(note.resumes)}
                    )
        assert not carried, f"{part.id}: the last note of a chapter cannot continue"
        sections.append(
            {
                "id": part.id,
                "label": part.label,
                "title": part.title,
                "start_line": start_line,
                "pages": [first_page, page_no],
                "blocks": blocks,
                "notes": [_note_truth(note) for note in notes],
                "fragments": fragments,
            }
        )
    truth: dict[str, object] = {
        "profile": "book",
        "sections": sections,
        "pages": out.pages,
        "hyphenation": out.hyphens,
    }
    return "\n".join(out.lines) + "\n", truth


def _note_truth(note: NoteSpec) -> dict[str, object]:
    data: dict[str, object] = {"n": note.n, "status": note.status, "marker_line": note.marker_line}
    if note.text is not None:
        data["text"] = clean_note(note.text)
        data["lines"] = list(note.lines or ())
        data["pages"] = list(note.pages or ())
        data["continued"] = note.continued
    return data


# --- the article layout ------------------------------------------------------------------------------

ART_BODY, ART_NOTE = 92, 100
"""Widths of a full manuscript line and note line."""
ART_ROWS = 17
"""Text rows (lines and space-only separators) on a full manuscript page."""
ART_PAGE_NUMBERS = {4}
"""Pages whose page number survives the extraction, as a line of its own at the top."""
SEPARATOR, CONTINUATION = " " * 49, " " * 145


def paginate_manuscript(rows: list[Row], size: int) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    for row in rows:
        room = size - len(pages[-1])
        if row.kind == "blank" and pages[-1] and room <= 0:
            pages[-1].append(row)  # a separator stays at the foot of the page it closes
            continue
        if room <= 0 or (row.kind in ("heading", "opening") and room < 5 and pages[-1][-1].kind == "blank"):
            pages.append([])
        pages[-1].append(row)
    return [page for page in pages if page]


def set_article(parts: list[Part]) -> tuple[str, dict[str, object]]:
    out = Out()
    by_id = {part.id: part for part in parts}
    title, author = by_id["title"].title, by_id["author"].title
    abstract = " ".join(item.text for item in by_id["abstract"].items)
    out.page(1)
    for line in (
        f" {title} ",
        " ",
        "",
        " ",
        "",
        f"{author} ",
        "",
        " ",
        "",
        " ",
        "",
        "Abstract ",
        "",
        " ",
        "",
    ):
        out.add(line)
    lines = wrap_plain(abstract, ART_BODY)
    for k, line in enumerate(lines):
        out.add(line + " ")
        if k + 1 < len(lines):
            out.add("")
    notes: list[NoteSpec] = []
    rows: list[Row] = []
    owners: list[int] = []  # the part of each row
    blocks_of: list[list[dict[str, object]]] = []
    body = [part for part in parts if part.id not in ("title", "author", "abstract")]
    for number, part in enumerate(body):
        blocks: list[dict[str, object]] = []
        blocks_of.append(blocks)
        if part.id == "introduction":
            opening = [Row("opening", f"Introduction: {part.title}"), Row("blank")]
        elif part.id == "conclusion":
            opening = [Row("opening", "Conclusion"), Row("blank")]
        elif any(item.kind == "heading" for item in part.items):
            # A part with sections opens with its first section: the heading after `Part N` is that
            # section's (a level-2 heading block), and the part is titled by its label.
            part.items.insert(0, Item("heading", part.title))
            part.title = part.label
            opening = [Row("opening", part.label), Row("blank")]
        else:
            opening = [Row("opening", part.label), Row("blank"), Row("opening", part.title), Row("blank")]
        part_rows = opening + block_rows(part, notes, blocks, {"paragraph": ART_BODY, "quote": ART_BODY})
        rows += part_rows
        owners += [number] * len(part_rows)
    for row, owner in zip(rows, owners, strict=True):
        row.owner = owner
    pages = paginate_manuscript(rows, ART_ROWS)
    starts: list[int] = []
    ends: dict[int, int] = {}
    section_pages: dict[int, list[int]] = {}
    note_owner: dict[int, int] = {}
    carried: list[str] = []
    carried_note: NoteSpec | None = None
    for k, page in enumerate(pages):
        page_no = k + 2
        lead = " "
        if page_no in ART_PAGE_NUMBERS:
            for _ in range(3):
                out.add("")
            out.page(page_no)
            out.add(f" {page_no} ")
            out.add("")
            lead = ""
        else:
            out.page(page_no)
        on_page: list[NoteSpec] = []
        text_rows = [row for row in page if row.kind != "blank"]
        for j, row in enumerate(page):
            owner = row.owner
            section_pages.setdefault(owner, [page_no, page_no])[1] = page_no
            if row.kind == "blank":
                out.add(" ")
                out.add("")
                continue
            line_no = out.add((lead if j == 0 else "") + row.text + ("" if row.text.endswith("-") else " "))
            out.add("")
            if row.kind == "opening" and (len(starts) == owner):
                starts.append(line_no)
            ends[owner] = line_no
            if row.block is None:
                continue
            later = text_rows[text_rows.index(row) + 1 :]
            if not later and k + 1 < len(pages):
                later = [r for r in pages[k + 1] if r.kind != "blank"]
            if row.tokens:
                record_hyphens(out, line_no, row.tokens, later[0].tokens if later else None)
            block = blocks_of[owner][row.block]
            if "pages" in block and block["pages"][1] != page_no:  # type: ignore[index]
                block.setdefault("breaks", []).append([page_no, line_no])  # type: ignore[attr-defined]
            block.setdefault("lines", [line_no, line_no])
            block.setdefault("pages", [page_no, page_no])
            block["lines"][1] = line_no  # type: ignore[index]
            block["pages"][1] = page_no  # type: ignore[index]
            for token in row.tokens:
                if token.note:
                    notes[token.note - 1].marker_line = line_no
                    note_owner[token.note] = owner
                    on_page.append(notes[token.note - 1])
        texts = [note for note in on_page if note.text is not None and note.status != "start-lost"]
        if carried or texts:
            out.add(CONTINUATION if carried else SEPARATOR)
        if carried and carried_note is not None:
            for m, line in enumerate(carried):
                if m:
                    out.add("")
                end = out.add(line + " ")
                if not m and carried_note.status == "start-lost":
                    carried_note.lines = (end, end)
                    carried_note.pages = (page_no, page_no)
            carried_note.lines = (carried_note.lines[0], end)  # type: ignore[index]
            carried_note.pages = (carried_note.pages[0], page_no)  # type: ignore[index]
            carried, carried_note = [], None
        lost = [note for note in on_page if note.status == "start-lost"]
        if lost:
            # The note ran over onto the next page and its start was lost with this page's notes: only
            # the part set on the next page survives.
            note = lost[-1]
            assert note is on_page[-1], f"page {page_no}: only the last note can continue"
            lines = wrap_plain(f"{note.n} {note.text}", ART_NOTE)
            carried, carried_note = lines[max(1, len(lines) // 2) :], note
            note.text = " ".join(carried)
        assert all(not n.continued for n in texts[:-1]), f"page {page_no}: only the last note can continue"
        for note in texts:
            lines = wrap_plain(f"{note.n}{'' if note.glued else ' '}{note.text}", ART_NOTE)
            here = lines
            if note.continued:
                split = max(1, len(lines) // 2)
                here, carried, carried_note = lines[:split], lines[split:], note
            first = out.add(here[0] + " ")
            for line in here[1:]:
                out.add("")
                out.add(line + " ")
            note.lines = (first, len(out.lines))
            note.pages = (page_no, page_no)
    assert not carried, "the last note of the article cannot continue"
    sections = []
    for number, part in enumerate(body):
        sections.append(
            {
                "id": part.id,
                "label": part.label,
                "title": part.title,
                "start_line": starts[number],
                "pages": section_pages[number],
                "blocks": blocks_of[number],
                "notes": [_note_truth(n) for n in notes if note_owner.get(n.n) == number],
            }
        )
    front = {"title": title, "author": author, "abstract": " ".join(abstract.split())}
    truth: dict[str, object] = {
        "profile": "article",
        "front": front,
        "sections": sections,
        "pages": out.pages,
        "hyphenation": out.hyphens,
    }
    return "\n".join(out.lines) + "\n", truth


def typeset() -> dict[str, str]:
    """Every file this script writes (name in samples/ → text), computed from samples/source/."""
    import yaml

    files: dict[str, str] = {}
    expected = {}
    for name, setter in (("sample-book", set_book), ("sample-article", set_article)):
        text, truth = setter(parse(HERE / "source" / f"{name}.md"))
        files[f"{name}.txt"] = text
        expected[name] = truth
    header = (
        "# Ground truth for the samples, written by samples/typeset.py from samples/source/*.md: what was\n"
        "# set where. tests/converter/test_sample.py checks the converted models against it. Do not edit.\n"
    )
    files["expected.yml"] = header + yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=110)
    return files


def main() -> int:
    for name, text in typeset().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"samples/{name}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
