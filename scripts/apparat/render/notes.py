"""Notes as a reader meets them: the printed number, the anchors, and what is said about a note whose text
did not survive whole.

Every edition format uses this module (the site's Markdown chapters, the EPUB and the PDF), so that the
number shown is always `Note.n`, the number printed in the source, and never a counter of some renderer:
Python-Markdown's footnotes extension numbered notes in its own order (a reference inside a quotation came
late; every page of an article restarted at 1). The references, the notes list and the return links are
written here as plain HTML with that number.

`PRESENTATIONS` is the table from note status to how a note of that status is shown: a notice before its
text or instead of it, a notice after it, and whether a marker in the text calls it. A new status adds a
row (a test fails until it does). Notices are plain text with typographic punctuation; each format wraps
them (`notice_html` for HTML).

Anchors are the ones the site has always published: `fn:<N>` for a note, `fnref:<N>` for its (first)
reference, `fnref<k>:<N>` for its k-th.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from apparat.model import Note, NoteStatus

NOTES_HEADING = "Notes"
NOTES_ANCHOR = "notes"
"""The heading above each page's notes list, and its anchor."""

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def note_anchor(n: int) -> str:
    """The id of note `n` in its page's notes list."""
    return f"fn:{n}"


def reference_anchor(n: int, occurrence: int = 1) -> str:
    """The id of the `occurrence`-th reference to note `n` in the text."""
    return f"fnref:{n}" if occurrence == 1 else f"fnref{occurrence}:{n}"


@dataclass(frozen=True, slots=True)
class Notice:
    """What the edition says about a note, beside or instead of its text."""

    kind: str
    """A short name: the CSS class is `note-<kind>`; other formats may style by it."""
    text: str


def _nothing(note: Note) -> Notice | None:
    return None


@dataclass(frozen=True, slots=True)
class Presentation:
    """How a note of one status is shown."""

    before: Callable[[Note], Notice | None] = _nothing
    """A notice before the text, or instead of it when `shows_text` is False."""
    shows_text: bool = True
    after: Callable[[Note], Notice | None] = _nothing
    """A notice after the text."""
    called: bool = True
    """Whether a marker in the text calls the note (a fragment whose number is lost has none)."""


def _missing(note: Note) -> Notice:
    # One line in a notes list where 170 of them may follow one another; bracketed like the other notices.
    # It names the number (copied text keeps it; the list's own numbers are not text), and says nothing of
    # the marker, which the reader came from.
    return Notice("missing", f"[The text of note {note.n} is missing from the source extraction.]")


def _truncated(note: Note) -> Notice:
    return Notice("truncated", "[the note breaks off here in the source extraction]")


def _start_lost(note: Note) -> Notice:
    return Notice(
        "start-lost",
        "[The beginning of this note is missing from the source; only its end, which ran on to the next "
        "printed page, survives:]",
    )


FRAGMENT_NOTICE = Notice(
    "fragment",
    "[Note text whose beginning is missing from the source; the edition cannot tell which note it "
    "belongs to:]",
)
"""Shown before an orphan note fragment, under a page's notes."""


PRESENTATIONS: Mapping[NoteStatus, Presentation] = MappingProxyType(
    {
        NoteStatus.PRESENT: Presentation(),
        NoteStatus.MISSING: Presentation(before=_missing, shows_text=False),
        NoteStatus.TRUNCATED: Presentation(after=_truncated),
        NoteStatus.START_LOST: Presentation(before=_start_lost),
    }
)


@dataclass(frozen=True, slots=True)
class NoteParts:
    """What is shown of one note, in order: a notice, the text, a notice."""

    n: int
    before: Notice | None
    text: str | None
    after: Notice | None


def parts(note: Note) -> NoteParts:
    """The note as shown. A note whose text is absent whatever its status reads as missing: a gap is never
    silent."""
    shown = PRESENTATIONS[note.status]
    if note.text is None and shown.shows_text:
        shown = PRESENTATIONS[NoteStatus.MISSING]
    text = note.text if shown.shows_text else None
    return NoteParts(note.n, shown.before(note), text, shown.after(note))


def is_called(note: Note) -> bool:
    return PRESENTATIONS[note.status].called


_REFERENCE_ID = re.compile(r'id="fnref:(\d+)"')


def number_references(html_text: str) -> tuple[str, Counter[int]]:
    """A page's text with the second and later references to the same note renamed (`fnref2:N`, …), and
    how many references call each note. `reference_html` writes every reference as the first; the page is
    numbered once it is whole, so renderers need not count."""
    called: Counter[int] = Counter()

    def rename(match: re.Match[str]) -> str:
        n = int(match.group(1))
        called[n] += 1
        return f'id="{reference_anchor(n, called[n])}"'

    return _REFERENCE_ID.sub(rename, html_text), called


# ---- HTML (the site; valid XHTML too) -------------------------------------------------------------------


def reference_html(n: int, occurrence: int = 1) -> str:
    """The superscript number in the text, a link to the note."""
    return (
        f'<sup class="ap-note-ref" id="{reference_anchor(n, occurrence)}">'
        f'<a class="footnote-ref" href="#{note_anchor(n)}" aria-label="Note {n}">{n}</a></sup>'
    )


def notice_html(notice: Notice) -> str:
    return f'<span class="note-{notice.kind}">{html.escape(notice.text, quote=False)}</span>'


def _back_label(n: int, occurrence: int, total: int) -> str:
    if total == 1:
        return f"Back to the text at note {n}"
    which = _ORDINALS[occurrence - 1] if occurrence <= len(_ORDINALS) else "next"
    return f"Back to the {which} reference to note {n}"


def back_links_html(n: int, references: int) -> str:
    """The return links of note `n` to each of its references (none for a note no marker calls)."""
    links = []
    for occurrence in range(1, references + 1):
        label = _back_label(n, occurrence, references)
        links.append(
            f'<a class="footnote-backref" href="#{reference_anchor(n, occurrence)}" title="{label}" '
            f'aria-label="{label}">↩</a>'
        )
    return " ".join(links)


def body_html(shown: NoteParts, text: str) -> str:
    """A note's content: its notices (as HTML) around `text`, the note's text already in the target
    markup (Markdown inline or HTML)."""
    pieces = [notice_html(shown.before)] if shown.before else []
    if shown.text is not None:
        pieces.append(text)
    if shown.after:
        pieces.append(notice_html(shown.after))
    return " ".join(pieces)


def item_html(note: Note, body: str, references: int, markdown: bool = False) -> str:
    """One entry of the notes list, numbered with the printed number whatever its position.

    With `markdown`, the entry carries the attributes with which Python-Markdown's md_in_html reads `body`
    as inline Markdown (the site's chapters); without, `body` is HTML (EPUB).
    """
    back = back_links_html(note.n, references)
    uncalled = "" if is_called(note) else " data-uncalled"
    item, paragraph = (' markdown="1"', ' markdown="span"') if markdown else ("", "")
    return (
        f'<li id="{note_anchor(note.n)}" value="{note.n}" class="ap-note ap-note--{note.status}"{uncalled}{item}>'
        f"<p{paragraph}>{body}{' ' + back if back else ''}</p></li>"
    )


def fragment_html(body: str, page: int, anchor: str, markdown: bool = False) -> str:
    """An orphan fragment under a page's notes: its notice, then its text (`body`, in the target markup).
    `anchor` (`Fragment.target`) is where a citation or mention in it is linked from."""
    inner = ' markdown="span"' if markdown else ""
    return (
        f'<p class="ap-note-fragment" id="{anchor}" data-page="{page}"{inner}>'
        f"{notice_html(FRAGMENT_NOTICE)} {body}</p>"
    )


def list_html(items: list[str], first: int, markdown: bool = False) -> str:
    """The notes list of a page. `start` and each item's `value` are printed numbers, so the list shows
    them even where numbers are missing or a page begins at note 31."""
    inner = ' markdown="1"' if markdown else ""
    return (
        f'<div class="footnote ap-notes"{inner}>\n<ol start="{first}"{inner}>\n'
        + "\n".join(items)
        + "\n</ol>\n</div>"
    )
