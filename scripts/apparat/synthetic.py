"""A seeded generator of synthetic book-layout sources, for benchmarks and property tests.

Everything here is made up: words are built from syllables, titles and notes from those words. Nothing is
derived from the real sources; only the *layout* of the `book` profile is imitated (see
`profiles/book.py`): an `Introduction` and ` chapter N` openings, pages of body lines whose first line starts
with a space, per-chapter notes at the foot of each page (some missing, some long), running heads glued to
their page number after blank lines, numbered section headings, block quotations after a colon, words
broken at line ends and real hyphenated compounds.

The same `seed` and size always give the same text, so a benchmark run is repeatable.
"""

from __future__ import annotations

import random
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from apparat.profiles._text import printed_width

ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "pr", "kl")
VOWELS = ("a", "e", "i", "o", "u", "ou", "ia")
CODAS = ("", "", "n", "r", "s", "m", "k", "st")
SMALL = ("the", "of", "and", "a", "in", "to", "was", "as", "by", "on", "for", "its", "that", "with")
AUTHORS = ("Brask", "Dolmen", "Fenn", "Garrow", "Holm", "Kestrel", "Larch", "Morrow", "Pell", "Quill")

BOOK_BYTES = 1_230_000
"""About the size of the book-layout work the benchmark compares against (a 459-page monograph)."""
PAGE_BODY_LINES = 36
LINE_WIDTH = (70, 84)
"""Body lines fill this much of the measure (the profile expects 58–85)."""
WIDEST_BODY = 33.5
"""No body line prints wider than this many ems: the book's widest prints 34.0, and the book profile takes a
wider line among a page's notes for a note line (the generator's letters are wider than English ones)."""
NOTE_WIDTH = 96
"""Notes are set smaller: a full note line is wider than any body line (the profile expects ≥ 86)."""
MAX_CHAPTERS = 99
"""` chapter N` takes at most two digits."""
MAX_PRINTED_PAGE = 999
"""Running heads carry at most three digits; past this page none are printed."""


@dataclass(slots=True)
class Shape:
    """What a generated text contains, to compare with the model the converter builds."""

    sections: int = 0
    pages: int = 0
    markers: int = 0
    notes_present: int = 0
    headings: int = 0
    lines: int = 0
    running_heads: int = 0
    quotes: int = 0


@dataclass(slots=True)
class _Writer:
    rng: random.Random
    lexicon: list[str]
    compounds: list[str]
    out: list[str] = field(default_factory=list)
    shape: Shape = field(default_factory=Shape)

    def word(self) -> str:
        roll = self.rng.random()
        if roll < 0.3:
            return self.rng.choice(SMALL)
        if roll < 0.33:
            return self.rng.choice(self.compounds)
        return self.rng.choice(self.lexicon)

    def sentence(self) -> list[str]:
        words = [self.word() for _ in range(self.rng.randint(6, 18))]
        words[0] = words[0].capitalize()
        if self.rng.random() < 0.1:
            words.insert(self.rng.randint(1, len(words) - 1), str(self.rng.randint(1890, 1940)))
        words[-1] += "."
        return words


def _lexicon(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        parts = [
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(1, 4))
        ]
        words.add("".join(parts))
    return sorted(words)


def _wrap(
    words: list[str], rng: random.Random, widths: tuple[int, int], hyphenate: bool, widest: float = 99.0
) -> list[str]:
    """Lines of a paragraph, of `widths` characters and at most `widest` ems; a long word at a line end may
    be broken with a hyphen, like a typesetter."""
    lines: list[str] = []
    current = ""
    target = rng.randint(*widths)
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= target and printed_width(candidate) <= widest:
            current = candidate
            continue
        room = target - len(current) - 2
        if hyphenate and word.isalpha() and len(word) >= 7 and room >= 3 and rng.random() < 0.5:
            cut = min(room, len(word) - 3)
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
        else:
            lines.append(current + " ")
            current = word
        target = rng.randint(*widths)
    if current:
        lines.append(current)
    return lines


def generate_book(target_bytes: int = BOOK_BYTES, seed: int = 0) -> tuple[str, Shape]:
    """A book-layout source of about `target_bytes` (UTF-8), and what it contains."""
    lines = list(iter_book(target_bytes, seed, shape := Shape()))
    return "\n".join(lines) + "\n", shape


def write_book(path: Path, target_bytes: int = BOOK_BYTES, seed: int = 0) -> Shape:
    """Write a synthetic book to `path` line by line (a 25 MB text is never held as one string)."""
    shape = Shape()
    with path.open("w", encoding="utf-8") as out:
        for line in iter_book(target_bytes, seed, shape):
            out.write(line + "\n")
    return shape


def iter_book(target_bytes: int, seed: int, shape: Shape) -> Iterator[str]:
    rng = random.Random(seed)
    lexicon = _lexicon(rng, 4000)
    compounds = [f"{a}-{b}" for a, b in zip(lexicon[::97], lexicon[13::89], strict=False)]
    page_bytes = 2_480
    pages = max(2, target_bytes // page_bytes)
    chapters = min(MAX_CHAPTERS, max(1, round(pages / 46)))
    per_chapter = max(2, pages // (chapters + 1))
    page = 1
    for number in range(chapters + 1):
        writer = _Writer(rng, lexicon, compounds)
        title = " ".join(writer.rng.choice(lexicon).capitalize() for _ in range(rng.randint(2, 5)))
        opening = ["Introduction", ""] if number == 0 else [f" chapter {number}", "", title, ""]
        running = "Introduction" if number == 0 else f"chapter {number}"
        page = yield from _chapter(writer, number, opening, running, page, per_chapter)
        shape.sections += 1
        for name in ("pages", "markers", "notes_present", "headings", "lines", "running_heads", "quotes"):
            setattr(shape, name, getattr(shape, name) + getattr(writer.shape, name))


def _chapter(
    writer: _Writer, number: int, opening: list[str], running: str, page: int, count: int
) -> Generator[str, None, int]:
    """The pages of one chapter; returns the next printed page number."""
    rng = writer.rng
    body = list(_body_lines(writer, number, count * PAGE_BODY_LINES))
    marker = 0
    for k in range(count):
        chunk = (
            body[k * PAGE_BODY_LINES : (k + 1) * PAGE_BODY_LINES]
            if k < count - 1
            else body[k * PAGE_BODY_LINES :]
        )
        if k > 0 and chunk and not chunk[0]:
            chunk = chunk[1:]  # a paragraph break at a page turn leaves no trace in the extraction
        head: list[str] = []
        if k == 0:
            head = opening
        elif rng.random() < 0.08 and page <= MAX_PRINTED_PAGE:
            head = ["", "", f"{page} {running}", ""]
            writer.shape.running_heads += 1
        elif chunk and chunk[0]:
            chunk = [" " + chunk[0], *chunk[1:]]
        page_markers = [int(t) for line in chunk for t in _markers_in(line)]
        marker = page_markers[-1] if page_markers else marker
        notes: list[str] = []
        for n in page_markers:
            if rng.random() < 0.4:
                continue  # the extraction lost this note
            writer.shape.notes_present += 1
            notes.extend(_note(writer, n))
        chunk = [line.replace("\x00", "") for line in chunk]
        page_lines = [*head, *chunk, *(["", *notes] if notes else [])]
        writer.shape.pages += 1
        writer.shape.lines += len(page_lines)
        yield from page_lines
        page += 1
    return page


def _markers_in(line: str) -> list[str]:
    """The marker numbers that _body_lines glued to sentence ends (`word.12`), tagged with \\x00 there."""
    return [part.split(" ", 1)[0].rstrip(".") for part in line.split("\x00")[1:]]


def _note(writer: _Writer, n: int) -> list[str]:
    rng = writer.rng
    cite = f"{rng.choice(AUTHORS)} {rng.randint(1900, 1990)}, p. {rng.randint(1, 400)}."
    if rng.random() < 0.7:
        return [f"{n} {cite}"]
    words = [w for _ in range(rng.randint(2, 4)) for w in writer.sentence()]
    lines = _wrap([cite, *words], rng, (NOTE_WIDTH - 4, NOTE_WIDTH + 4), hyphenate=False)
    return [f"{n} {lines[0]}", *lines[1:]]


def _body_lines(writer: _Writer, chapter: int, total: int) -> Iterator[str]:
    """Body lines of a chapter (paragraphs, headings and quotations), markers tagged for the page writer."""
    rng = writer.rng
    emitted = 0
    marker = 0
    heading = 0
    while emitted < total:
        if chapter and emitted > 0 and rng.random() < 0.06:
            heading += 1
            title = " ".join(rng.choice(writer.lexicon).capitalize() for _ in range(rng.randint(2, 6)))
            block = [f"{chapter}.{heading} {title}", ""]
            writer.shape.headings += 1
        else:
            words: list[str] = []
            quote = rng.random() < 0.04
            count = rng.randint(2, 9)
            for k in range(count):
                sentence = writer.sentence()
                if quote and k == count - 1:
                    sentence[-1] = sentence[-1].rstrip(".") + ":"
                elif rng.random() < 0.18 and marker < 998:
                    marker += 1
                    writer.shape.markers += 1
                    sentence[-1] += f"\x00{marker}"
                words.extend(sentence)
            block = [*_wrap(words, rng, LINE_WIDTH, hyphenate=True, widest=WIDEST_BODY), ""]
            if quote:
                quoted = [w for _ in range(rng.randint(1, 3)) for w in writer.sentence()]
                block += [*_wrap(quoted, rng, (60, 72), hyphenate=False), ""]
                writer.shape.quotes += 1
        for line in block:
            yield line
            emitted += 1


# --- the article layout -----------------------------------------------------------------------------------

ARTICLE_SEPARATOR = " " * 49
"""Opens a page's notes in the `article` layout."""
ARTICLE_CONTINUATION = " " * 145
"""Opens a page's notes whose first text is the rest of the previous page's last note."""


def generate_article(pages: int = 6, seed: int = 0) -> str:
    """A double-spaced manuscript: title page, abstract, Introduction, a Part, Conclusion; notes per page."""
    rng = random.Random(seed)
    lexicon = _lexicon(rng, 600)
    writer = _Writer(rng, lexicon, [f"{a}-{b}" for a, b in zip(lexicon[::37], lexicon[5::41], strict=False)])
    out: list[str] = []

    def unit(text_lines: list[str]) -> None:
        for line in text_lines:
            out.extend([line, ""])

    def words(count: int) -> list[str]:
        return [w for _ in range(count) for w in writer.sentence()]

    title = " ".join(rng.choice(writer.lexicon).capitalize() for _ in range(4))
    out.extend([f" {title}", " ", ""])
    unit(["Ada Quill", " "])
    unit(["Abstract", " "])
    unit(_wrap(words(3), rng, (80, 92), hyphenate=False))
    out.extend([" ", ""])
    marker = 0
    openings = [f"Introduction: {title}", "Part I", "Conclusion"]
    carry: list[str] = []
    for page in range(pages):
        body: list[str] = []
        if page % max(1, pages // 3) == 0 and openings:
            heading = openings.pop(0)
            body += [heading, " "]
            if heading.startswith("Part"):
                body += [" ".join(rng.choice(writer.lexicon).capitalize() for _ in range(3)), " "]
        page_markers: list[int] = []
        for _ in range(rng.randint(2, 3)):
            sentence_words: list[str] = []
            for _ in range(rng.randint(2, 4)):
                sentence = writer.sentence()
                if rng.random() < 0.4:
                    marker += 1
                    page_markers.append(marker)
                    sentence[-1] += str(marker)
                sentence_words.extend(sentence)
            body += [*_wrap(sentence_words, rng, (80, 92), hyphenate=False), " "]
        body[0] = " " + body[0]
        for line in body:
            out.extend([line, ""])
        notes: list[str] = []
        for n in page_markers:
            if rng.random() < 0.5:
                continue
            text = _wrap([f"{n}", *words(1)], rng, (84, 96), hyphenate=False)
            notes.extend(text)
        if carry:
            out.append(ARTICLE_CONTINUATION)
            unit(carry)
            carry = []
        elif notes:
            out.append(ARTICLE_SEPARATOR)
        if notes and rng.random() < 0.3 and len(notes) > 1:
            carry = notes[-1:]  # the last note runs over onto the next page
            notes = notes[:-1]
        unit(notes)
    if carry:
        out.append(ARTICLE_CONTINUATION)
        unit(carry)
    return "\n".join(out) + "\n"
