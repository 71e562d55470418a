"""Join the lines of a block or note into reading text, deciding every line join with evidence.

Three things can happen where a line ends inside a word or a figure:

* a hyphen (`bureau-` + `cracy`): a word broken by the typesetter (join) or a real hyphen that fell at the
  line end (`Left-` + `Opposition`, `collective-` + `farm`: keep);
* an en dash between two figures (`300–` + `400`, `pp. 344–` + `7`): a range; it is closed up, never spaced;
* no mark at all where the extraction lost a broken word's hyphen (`pos` + `sibility`): two pieces that are
  not words of the work but make one when joined.

The evidence comes in this order, and the decision names it (`HyphenDecision.evidence`):

1. the layout: figures on both sides; a hyphen the extraction marks as typed (a space after it, where the
   profile says broken words end without one), when both elements are words;
2. the work's own usage: how often the joined and the hyphenated spellings occur unbroken elsewhere in it
   (the fragments at line ends and line starts never count as words);
3. the lexicon: the joined form as an English word (wordfreq's Zipf frequency) or as a form of the work's
   glossary (transliterated Russian), against its parts;
4. the profile's default for a hyphen with no evidence at all (typeset books: join; manuscripts: keep).

There are no lists of prefixes or suffixes: a compound is recognised because its joined spelling is not a
word while both of its elements are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from apparat.model import HyphenDecision, Role
from apparat.stages.english import English
from apparat.state import State

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*(?:-[^\W\d_]+(?:[’'][^\W\d_]+)*)*")
_TAIL = re.compile(r"([^\W_]+(?:[’'-][^\W_]+)*)([’'”]?)-$")
_HEAD = re.compile(r"^([^\W_]+(?:[’'][^\W_]+)*)")
_RANGE = re.compile(r"(?<![\s–])\d–$")
_SPACES = re.compile(r"[ \u00a0\u2009\u202f\u2002-\u2008]+")
_EDGE_HEAD = re.compile(r"^\s*[^\W\d_][^\s]*")

ENGLISH_WORD = 1.0
"""A Zipf frequency at least this high makes a string an English word (wordfreq lists nothing rarer)."""

_TEXT_STREAMS = {Role.BODY: "text", Role.QUOTE: "text", Role.NOTE: "note"}


@dataclass(slots=True)
class Lexicon:
    """What the converter knows about words: the work's own usage, its glossary's forms and English.

    `words` counts the words of the whole work as they occur unbroken (lower case); the pieces of a word
    broken at a line end (`bureau-` and the `cracy` that opens the next line) are left out, so a fragment
    never counts as a word. `forms` returns the glossary's word forms (called only when a decision needs
    them: deriving them takes time). English frequencies are read on first use.
    """

    words: Counter[str]
    forms: Callable[[], frozenset[str]] = field(default=frozenset)
    english: English = field(default_factory=English)

    @classmethod
    def build(
        cls,
        lines: list[str],
        roles: list[Role | None] | None = None,
        forms: Callable[[], frozenset[str]] = frozenset,
    ) -> Lexicon:
        """Count the words of `lines`; with `roles`, a line continues the previous line of its own stream
        (body text runs on after the notes of a page, a note after the next page's body)."""
        counts = Counter(_WORD.findall("\n".join(lines).lower()))
        # Then take the pieces of broken words back out: the last token of a line ending in a hyphen, and
        # the first token of the line of its stream that continues it.
        following = _following_lines(lines, roles)
        for index, line in enumerate(lines):
            if not line.rstrip().endswith("-") or (roles is not None and roles[index] not in _TEXT_STREAMS):
                continue
            tail = line.rstrip()
            counts.subtract(_WORD.findall(tail[tail.rfind(" ") + 1 :].lower()))
            nxt = following[index]
            if nxt is not None:
                head = _EDGE_HEAD.match(lines[nxt])
                if head:
                    counts.subtract(_WORD.findall(head.group().lower()))
        return cls(+counts, forms)

    def in_work(self, word: str) -> int:
        return self.words[word.lower()]

    def in_glossary(self, word: str) -> bool:
        return word.lower() in self.forms()

    def zipf(self, word: str) -> float:
        return self.english.zipf(word)

    def is_word(self, word: str, *, seen_here: int = 0) -> str | None:
        """Where `word` is known as a word (for the evidence), or None. `seen_here` discounts occurrences
        at the place being decided."""
        if self.in_work(word) > seen_here:
            return f"'{word.lower()}' occurs {self.in_work(word) - seen_here}× in the work"
        zipf = self.zipf(word)
        if zipf >= ENGLISH_WORD:
            return f"'{word.lower()}' is English (Zipf {zipf:.2f})"
        if self.in_glossary(word):
            return f"'{word.lower()}' is a glossary form"
        return None


def decide(
    left: str, right: str, lexicon: Lexicon, default: str = "join", *, typed: bool = False
) -> tuple[str, str]:
    """(decision, evidence) for `left-` at a line end followed by `right` on the next line.

    `left` is the whole hyphenated token before the line end (`semi-anar`), `right` the word that opens
    the next line. `typed` says the layout marks this hyphen as typed rather than inserted at a break.
    """
    if left[-1:].isdigit() or right[:1].isdigit():
        return "keep", "figures on both sides (a range or a compound with a number)"
    element = left.rsplit("-", 1)[-1]  # the broken element: `anar` in `semi-anar`
    if typed:
        known_left, known_right = lexicon.is_word(element), lexicon.is_word(right)
        if known_left and known_right:
            return (
                "keep",
                f"a typed hyphen (the extraction kept a space after it); {known_left}, {known_right}",
            )
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    n_joined, n_hyph = lexicon.in_work(joined), lexicon.in_work(hyphenated)
    if n_hyph > n_joined:
        return "keep", f"'{hyphenated}' occurs {n_hyph}× elsewhere in the work, '{joined}' {n_joined}×"
    if n_joined:
        return "join", f"'{joined}' occurs {n_joined}× elsewhere in the work, '{hyphenated}' {n_hyph}×"
    if element != left:  # `semi-anar` + `chist`: the last element decides
        whole, part = (element + right).lower(), f"{element}-{right}".lower()
        n_whole, n_part = lexicon.in_work(whole), lexicon.in_work(part)
        if n_part > n_whole:
            return "keep", f"'{part}' occurs {n_part}× elsewhere in the work, '{whole}' {n_whole}×"
        if n_whole:
            return "join", f"'{whole}' occurs {n_whole}× elsewhere in the work"
    if right[:1].isupper():
        return "keep", "capitalised second element (a compound with a name)"
    whole = element + right
    zipf = lexicon.zipf(whole)
    if zipf >= ENGLISH_WORD:
        return "join", f"'{whole.lower()}' is English (Zipf {zipf:.2f}); not found in the work"
    if lexicon.in_glossary(whole):
        return "join", f"'{whole.lower()}' is a form of a glossary term"
    known_left, known_right = lexicon.is_word(element), lexicon.is_word(right)
    if known_left and known_right:
        return "keep", f"'{whole.lower()}' is no word, but both elements are: {known_left}, {known_right}"
    if default == "keep":
        return "keep", "no evidence either way; a manuscript's line-end hyphen is the author's own"
    return "join", "no evidence either way; a line-end hyphen in typeset text is most often a break"


def lost_hyphen(left: str, right: str, lexicon: Lexicon) -> str | None:
    """Evidence that `left` + `right` at a line join is one word whose hyphen the extraction lost.

    Both pieces stand at a line edge here, so each has one occurrence that does not count. The line-start
    piece must be no word of the work, and the joined form a word: either both pieces are otherwise
    unknown to the work (`pos` + `sibility`), or the line-start piece is no word anywhere and the joined
    form is the work's own (`biuro` + `kratiia`).
    """
    if lexicon.in_work(right) > 1:  # the fast exit: most line-start words are words of the work
        return None
    whole = left + right
    if lexicon.in_work(left) <= 1:
        if lexicon.in_work(whole):
            return (
                f"neither '{left.lower()}' nor '{right.lower()}' occurs elsewhere in the work; "
                f"'{whole.lower()}' occurs {lexicon.in_work(whole)}× in it"
            )
        if lexicon.in_glossary(whole):
            return f"neither '{left.lower()}' nor '{right.lower()}' is a word of the work; '{whole.lower()}' is a glossary form"
        # Known only as English: the joined word must be commoner than either piece (`rubber` + `stamp`
        # are two words that happen to occur once each, and `rubberstamp` a rare spelling).
        zipf, pieces = lexicon.zipf(whole), max(lexicon.zipf(left), lexicon.zipf(right))
        if zipf >= ENGLISH_WORD and zipf >= pieces:
            return (
                f"neither '{left.lower()}' nor '{right.lower()}' occurs elsewhere in the work; "
                f"'{whole.lower()}' is commoner English (Zipf {zipf:.2f}) than either piece ({pieces:.2f})"
            )
        return None
    if lexicon.zipf(right) >= ENGLISH_WORD or lexicon.in_glossary(right):
        return None
    if lexicon.in_work(whole):
        return (
            f"'{right.lower()}' is no word (not in the work, English or the glossary); "
            f"'{whole.lower()}' occurs {lexicon.in_work(whole)}× in the work"
        )
    if lexicon.in_glossary(whole):
        return f"'{right.lower()}' is no word; '{whole.lower()}' is a glossary form"
    return None


def prefetch(state: State, lexicon: Lexicon) -> None:
    """Ask wordfreq about every word the line joins may need, in one pass (cheaper than one by one)."""
    words: set[str] = set()
    lines = state.lines
    following_lines = _following_lines(lines, state.roles)
    for index, line in enumerate(lines):
        body = line.rstrip()
        last = body[-1:]
        if last != "-" and not last.isalpha():
            continue
        follower = following_lines[index]
        if follower is None:
            continue
        following = lines[follower].lstrip()
        if last == "-":
            tail, head = _tail(body), _HEAD.match(following)
            if tail and head:
                element = tail.group(1).rsplit("-", 1)[-1]
                words.update((element + head.group(1), element, head.group(1)))
        elif following[:1].islower():
            pair = _edge_words(body, following)
            if pair and lexicon.in_work(pair[1]) <= 1:
                words.update((pair[0] + pair[1], pair[0], pair[1]))
    lexicon.english.prefetch(words)


def _following_lines(lines: list[str], roles: list[Role | None] | None) -> list[int | None]:
    """For each text line, the next line of its own stream (body or notes), or None; None for other lines.

    One pass from the end: the stream's next line is remembered as the lines are walked backwards.
    """
    result: list[int | None] = [None] * len(lines)
    if roles is None:
        for index in range(len(lines) - 1):
            result[index] = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        return result
    upcoming: dict[str, int | None] = {"text": None, "note": None}
    for index in range(len(lines) - 1, -1, -1):
        role = roles[index]
        stream = _TEXT_STREAMS.get(role) if role is not None else None
        if stream is None:
            continue
        result[index] = upcoming[stream]
        upcoming[stream] = index
    return result


def join_lines(state: State, pieces: list[tuple[int, str]], lexicon: Lexicon) -> tuple[str, list[int]]:
    """Join line pieces (index, text) into one clean string; also return each piece's start offset."""
    out = ""
    starts: list[int] = []
    for position, (_index, raw) in enumerate(pieces):
        text = " ".join(raw.split())  # every width of space (thin, no-break) becomes one plain space
        if not out:
            starts.append(0)
            out = text
            continue
        previous_line = pieces[position - 1][0]
        glue = _glue(state, out, text, previous_line, lexicon)
        if glue is None:
            out += " "
        elif glue == "drop-hyphen":
            out = out[:-1]
        starts.append(len(out))
        out += text
    return out, starts


def _glue(state: State, out: str, text: str, previous_line: int, lexicon: Lexicon) -> str | None:
    """How `out` and the next line's `text` meet: None (a space), '' (closed up) or 'drop-hyphen'.

    Only a line ending in one hyphen or a dash, or in a letter before a lower-case letter, can hold a
    broken word; test that before any search (this runs at every line join).
    """
    last, first = out[-1:], text[:1]
    if last == "-" and not out.endswith("--"):
        tail = _tail(out)
        head = _HEAD.match(text)
        if not (tail and head):
            return None
        left, quote, right = tail.group(1), tail.group(2), head.group(1)
        if quote:  # `‘bureaucratic’-` + `authoritarian`: a quotation mark never breaks a word
            decision, evidence = "keep", "a quotation mark before the hyphen: a compound"
        else:
            typed = previous_line in state.typed_hyphens
            decision, evidence = decide(left, right, lexicon, state.hyphen_default, typed=typed)
        result = f"{left}{quote}{right}" if decision == "join" else f"{left}{quote}-{right}"
        state.hyphenation.append(
            HyphenDecision(previous_line + 1, f"{left}{quote}-", right, decision, result, evidence)
        )
        return "drop-hyphen" if decision == "join" else ""
    if last == "–" and first.isdigit() and _RANGE.search(out[-3:]):
        left = out[out.rfind(" ") + 1 :]
        right = text[: len(text) - len(text.lstrip("0123456789"))]
        state.hyphenation.append(
            HyphenDecision(
                previous_line + 1,
                left,
                right,
                "keep",
                f"{left}{right}",
                "an en dash between figures (a range): closed up",
                kind="dash",
            )
        )
        return ""
    if last.isalpha() and first.islower():
        pair = _edge_words(out, text)
        if pair:
            left, right = pair
            lost = lost_hyphen(left, right, lexicon)
            if lost:
                state.hyphenation.append(
                    HyphenDecision(previous_line + 1, left, right, "join", left + right, lost, kind="lost")
                )
                return ""
    return None


def _tail(text: str) -> re.Match[str] | None:
    """The hyphenated word at the end of `text` (searched in its last token only: this runs often)."""
    return _TAIL.search(text, max(text.rfind(" ") + 1, len(text) - 120))


def _edge_words(before: str, after: str) -> tuple[str, str] | None:
    """The last word of `before` and the first of `after`, when both are plain words of letters."""
    left = before[before.rfind(" ") + 1 :].lstrip("‘“([")
    space = after.find(" ")
    right = after if space < 0 else after[:space]
    right = right.rstrip(".,;:!?’”)]")
    if left.isalpha() and right.isalpha():
        return left, right
    return None


def normalise(text: str) -> str:
    """Spaces of every width become one plain space."""
    return _SPACES.sub(" ", text).strip()
