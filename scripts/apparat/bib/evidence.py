"""Titles the book's own text gives for the works it cites: the evidence that completes a stub.

The book has no reference list, but its text often names a work right before citing it:

- in a list of titles, each followed by its citation in parentheses:
  `… titles include: Name Speaks (Name 1972a); Report of the Delegation (Name 1980a); 1905 (Name 1972b); …`;
- inline, after a cue word: `In The New Course (Name 1923b) he argued …`, `his pamphlet Whither Europe?
  (Name 1926)`, `the essay ‘The Class Nature of the State’ (Name 1972g)`.

A title is the phrase that ends right before the parenthesis holding the citation: a quoted phrase whose
words are capitalised as a title's are, or an unquoted run of title-cased words (the extraction lost the
italics). Every citation in that parenthesis gets the title (`The Writings (Name 1971b; Name 1972f)`: one
series, several volumes). Nothing is guessed: a phrase that is not title-cased, a single word outside a
list of titles, or a work the text names by two different titles gives no evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from apparat.bib import authordate
from apparat.bib.provenance import fold
from apparat.model import Document, NoteStatus

_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "against",
        "after",
        "before",
        "between",
        "under",
        "upon",
        "over",
        "without",
        "within",
        "versus",
        "vs",
        "&",
        "de",
        "del",
        "della",
        "di",
        "la",
        "le",
        "les",
        "du",
        "des",
        "und",
        "der",
        "die",
        "das",
    ]
)
_CUES = frozenset(
    [
        "his",
        "her",
        "their",
        "its",
        "pamphlet",
        "book",
        "article",
        "essay",
        "speech",
        "letter",
        "report",
        "collection",
        "volume",
        "entitled",
        "titled",
        "called",
        "study",
        "memoirs",
    ]
)
"""Words that introduce a title in running text (`in his pamphlet The New Course`). A bare `in` does not:
`a strike wave in France and Germany (…)` names places."""
_DETERMINERS = frozenset(["The", "A", "An", "His", "Her", "Their", "Its"])
_QUOTES = {"’": "‘", "”": "“"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A title the text gives for a cited key, where it stands, and how it was recognised."""

    key: str
    title: str
    target: str
    """The note or block id."""
    start: int
    """Offset of the title in the note's or block's text."""
    quoted: bool
    listed: bool
    """True when the title is an item of a list of titles, each with its citation."""


def _groups(text: str) -> Iterator[tuple[int, int, list[authordate.Citation]]]:
    """Parentheses that hold only citations: (open offset, close offset, the citations)."""
    cites = authordate.find(text)
    i = 0
    while i < len(cites):
        first = cites[i]
        open_at = text.rfind("(", 0, first.start)
        if open_at < 0 or text[open_at + 1 : first.start].strip():
            i += 1
            continue
        group = [first]
        j = i + 1
        while j < len(cites) and re.fullmatch(r";\s*", text[group[-1].end : cites[j].start]):
            group.append(cites[j])
            j += 1
        close = re.match(r"\s*\)", text[group[-1].end :])
        if close:
            yield open_at, group[-1].end + close.end() - 1, group
        i = j


def _title_cased(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL]
    if not significant:
        return False
    capital = [w for w in significant if w[0].isupper() or w[0].isdigit()]
    return len(capital) == len(significant) and (words[0][0].isupper() or words[0][0].isdigit())


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w’'&\-–]+", phrase)


def _quoted_before(text: str, end: int) -> tuple[int, str] | None:
    """A quoted phrase ending at `end` (`‘Title’` or `‘Title,’`): its start and its words."""
    stripped = text[:end].rstrip()
    if not stripped or stripped[-1] not in _QUOTES:
        return None
    opening = stripped.rfind(_QUOTES[stripped[-1]])
    if opening < 0:
        return None
    phrase = stripped[opening + 1 : -1].strip().rstrip(",.")
    return opening, phrase


def _list_item(text: str, end: int) -> tuple[int, str] | None:
    """The list item ending at `end`: from the previous `;` (or, for the first item, the `:` that opens the
    list, or the start) to `end`, when it reads as a title (most of its words capitalised, no sentence end)."""
    before = text[:end].rstrip()
    cut = before.rfind(";")
    colon = before.rfind(":")
    if colon > cut:  # `these editions: Title (…)` opens the list; `My Life: An Attempt (…)` is one title
        ahead = before[cut + 1 : colon]
        if ". " in ahead or not _title_cased(_words(ahead)):
            cut = colon
    phrase = before[cut + 1 :].strip()
    if not phrase or ". " in phrase or not (phrase[0].isupper() or phrase[0].isdigit()):
        return None
    words = _words(re.sub(r"\([^()]*\)", "", phrase))
    significant = [w for w in words if w.lower() not in _SMALL]
    capital = [w for w in significant if w[0].isupper() or w[0].isdigit()]
    if not significant or len(capital) * 3 < len(significant) * 2:
        return None
    return before.index(phrase, cut + 1), phrase


def _inline(text: str, end: int) -> tuple[int, str] | None:
    """A run of title-cased words ending at `end`, introduced by a cue word (`in his`, `pamphlet`, `In The`)."""
    tokens = list(re.finditer(r"\S+", text[:end]))
    taken: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        bare = word.rstrip(":,?!")
        if taken and word[-1] in ".;)" and not word.endswith("?"):
            break
        if bare and (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _SMALL):
            taken.insert(0, token)
            continue
        break
    if taken and taken[-1].group(0).lower() in _SMALL:
        return None
    cue_before = None
    if taken and taken[0].group(0) in ("In", "See") and len(taken) > 1 and taken[1].group(0) in _DETERMINERS:
        taken = taken[1:]  # `In The New Course (…)`: `In` begins the sentence, `The` the title
        cue_before = "in"
    while taken and taken[0].group(0).lower() in _SMALL and taken[0].group(0) not in _DETERMINERS:
        taken = taken[1:]
    if len(taken) < 2:
        return None
    index = tokens.index(taken[0])
    previous = tokens[index - 1].group(0).lower().strip(",") if index > 0 else ""
    if cue_before is None and previous not in _CUES:
        return None
    phrase = text[taken[0].start() : end].strip().rstrip(",:")
    if not _title_cased(_words(phrase)) or re.search(r",\s(?!\d)", phrase):
        return None  # `France, Germany, Italy`: a list of names, not a title
    return taken[0].start(), phrase


def _names_only(phrase: str, cites: list[authordate.Citation]) -> bool:
    """`Trotsky (Trotsky 1937)`: the phrase is only the author's name, not a title."""
    names = {fold(w) for c in cites for w in c.authors.replace(" and ", " ").split()}
    return all(fold(w) in names for w in _words(phrase))


def in_text(text: str, target: str) -> list[Evidence]:
    """The titles given right before parenthesised citations in one note or paragraph."""
    out: list[Evidence] = []
    groups = list(_groups(text))
    for index, (open_at, close_at, cites) in enumerate(groups):
        end = open_at
        quoted = _quoted_before(text, end)
        found: tuple[int, str] | None = None
        listed = False
        if quoted and _title_cased(_words(quoted[1])) and len(_words(quoted[1])) >= 2:
            found = quoted
        elif not quoted:
            neighbours = [g for g in (groups[index - 1] if index else None,) if g is not None]
            after = re.match(r"\s*;\s*\S", text[close_at + 1 :])
            in_list = after is not None or any(
                re.fullmatch(r"\s*;\s*", text[g[1] + 1 : g[1] + 3]) for g in neighbours
            )
            subtitle = re.search(r"\s\(([^()]*)\)\s*$", text[:end])
            if subtitle and not _title_cased(_words(subtitle.group(1))):
                subtitle = None
            item = _list_item(text, end) if in_list else None
            if item and (len(_words(item[1])) >= 1):
                found, listed = item, True
            else:
                found = _inline(text, subtitle.start() if subtitle else end)
                if found and subtitle:
                    found = (found[0], text[found[0] : end].strip())
        if found is None or _names_only(found[1], cites):
            continue
        out.extend(Evidence(cite.key, found[1], target, found[0], bool(quoted), listed) for cite in cites)
    return out


def gather(document: Document) -> list[Evidence]:
    """Every title the book's notes and paragraphs give for a citation, in reading order."""
    out: list[Evidence] = []
    for section in document.sections:
        for block in section.blocks:
            out.extend(in_text(block.text, block.id))
        for note in section.notes:
            if note.text is not None and note.status is not NoteStatus.MISSING:
                out.extend(in_text(note.text, f"{section.id}-n{note.n}"))
    return out


def titles(evidence: list[Evidence]) -> tuple[dict[str, Evidence], dict[str, list[Evidence]]]:
    """Per key, the one title the text gives; and the keys the text names by different titles (left alone)."""
    by_key: dict[str, list[Evidence]] = {}
    for item in evidence:
        by_key.setdefault(item.key, []).append(item)
    chosen: dict[str, Evidence] = {}
    conflicts: dict[str, list[Evidence]] = {}
    for key, items in by_key.items():
        distinct = {fold(i.title) for i in items}
        if len(distinct) == 1:
            chosen[key] = items[0]
        else:
            conflicts[key] = items
    return chosen, conflicts
