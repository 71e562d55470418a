"""Titles of works from bibliography.bib, found in the text with the evidence that they are titles.

A book's title, a collection's `booktitle` and a journal's name are set in italics; an article's or a
chapter's title is not (Chicago sets it in quotation marks), so those fields are never looked for. Each
title gives one or more *forms*: the title as written, its main title (before the colon), the title
without a closing date (`Diary in Exile, 1935` → `Diary in Exile`), and each of these without its
leading article (`Trotsky’s Revolution Betrayed`).

Many titles are also ordinary phrases (`The Russian Revolution`, `Leninism`, `Trotsky`), so a match
counts only with evidence, strongest first:

* `title-cited`: the match lies inside a citation of that entry (any form, even one word);
* `title-near`: the paragraph or note cites the entry (or a note its markers call does), and the form
  is at least two capitalised words, or one word that is no name and never written in lower case here;
* `periodical`: a journal's name, capitalised as written, under the same distinctness test;
* `title`: standing alone, a form of at least three words (or two of 14 letters or more), capitalised as
  the bibliography writes it, that this work never uses as a phrase: a form whose leading article was
  dropped does not count after a lower-case `the` (`the Russian Revolution` is an event), and a form
  seen so even once is not taken alone anywhere in the work.

A match in quotation marks (`‘The State and Revolution’`) is a chapter or an article as the author set
it, and is never italic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from pybtex.database import Entry

from apparat.model import Evidence

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_WORDLIKE = re.compile(r"[\w’']")
_GAP = re.compile(r"\s*[,:;–—\-]\s*|\s+")
"""What may stand between two words of a title: a space, or a comma, colon, dash with spaces."""
_ARTICLES = frozenset(["the", "a", "an"])
_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "de", "del", "della", "di", "e", "for", "from", "in"}
    | {"into", "la", "le", "of", "on", "or", "the", "to", "with"}
)
"""Words a title leaves in lower case; the capitalisation test skips them."""
_CLOSING_DATE = re.compile(r",?\s+\(?\d{4}(?:\s*[-–]+\s*\d{2,4})?\)?$")
_OPENING_QUOTES = "‘“'\""
_CLOSING_QUOTES = "’”'\""
_MIN_ALONE_WORDS = 3
_MIN_ALONE_LETTERS = 14
"""A two-word form stands alone only when it is this long (`Political Undercurrents`, not `New Course`)."""


def fold(word: str) -> str:
    return word.replace("'", "’").casefold()


@dataclass(frozen=True, slots=True)
class Form:
    """One way a title may appear in the text."""

    words: tuple[str, ...]
    """As the bibliography writes them (apostrophes as ’)."""
    keys: tuple[str, ...]
    """Entries with this form, in file order."""
    periodical: bool
    stripped: bool
    """The form lost its leading article (`Revolution Betrayed` of `The Revolution Betrayed`)."""
    ending: str = ""
    """A closing `?` or `!` of the title, included in the span when the text has it."""
    folded: tuple[str, ...] = ()
    """The words folded for comparison (filled in from `words`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", tuple(fold(w) for w in self.words))

    def letters(self) -> int:
        return sum(len(w) for w in self.words)


@dataclass(slots=True)
class TitleIndex:
    """Every form of every italic title, by its first and second word (folded; "" for one-word forms)."""

    forms: dict[str, dict[str, list[Form]]] = field(default_factory=dict)
    _patterns: dict[bool, re.Pattern[str]] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    """Folded spellings of the glossary's persons, factions and terms: a title equal to one of them is
    taken only inside a citation of its entry."""

    def add(self, form: Form) -> None:
        second = form.folded[1] if len(form.folded) > 1 else ""
        found = self.forms.setdefault(form.folded[0], {}).setdefault(second, [])
        for i, other in enumerate(found):
            if other.folded == form.folded:  # the same form from another entry: one form, more keys
                found[i] = Form(
                    other.words,
                    other.keys + tuple(k for k in form.keys if k not in other.keys),
                    other.periodical or form.periodical,
                    other.stripped and form.stripped,
                    other.ending or form.ending,
                )
                return
        found.append(form)
        found.sort(key=lambda f: -len(f.words))
        self._patterns.clear()

    def pattern(self, single: bool) -> re.Pattern[str]:
        """Where a form may start, as one alternation of its first two words, so that the regular
        expression engine skips every other place in C (`Trotsky` alone is everywhere in the book).

        `single`: the one-word titles of books instead, which count only inside a citation of their entry
        (`Trotsky`, `Leninism`): looked for in citations only."""
        found = self._patterns.get(single)
        if found is None:
            seconds: dict[str, set[str]] = {}
            for form in self.all_forms():
                if single == (len(form.words) == 1 and not form.periodical):
                    first = form.words[0][:1].upper() + form.words[0][1:]
                    seconds.setdefault(first, set()).add(form.words[1] if len(form.words) > 1 else "")
            alternatives = []
            for first, words in sorted(seconds.items()):
                rest = "|".join(sorted(map(re.escape, words - {""}), key=lambda w: (-len(w), w)))
                # the second word is only looked at, not consumed: the next form may start right there
                ahead = rf"(?=(?:\s*[,:;–—\-]\s*|\s+)(?i:{rest})(?![\w’']))" if rest else ""
                alone = r"(?![\w’'])"
                alternatives.append(
                    re.escape(first) + (f"(?:{ahead}|{alone})" if rest and "" in words else ahead or alone)
                )
            alternatives.sort(key=lambda a: (-len(a), a))
            found = self._patterns[single] = re.compile("|".join(alternatives) or "(?!)")
        return found

    def all_forms(self) -> Iterator[Form]:
        for by_second in self.forms.values():
            for forms in by_second.values():
                yield from forms


def italic_titles(
    entries: Mapping[str, Entry], plain: Callable[[str], str]
) -> Iterator[tuple[str, str, bool]]:
    """(key, title, is a periodical) for every field the edition sets in italics."""
    for key, entry in entries.items():
        fields = entry.fields
        if entry.type == "book" and "title" in fields:
            yield key, plain(str(fields["title"])), False
        if "booktitle" in fields:
            yield key, plain(str(fields["booktitle"])), False
        if "journal" in fields:
            yield key, plain(str(fields["journal"])), True


def forms_of(key: str, title: str, periodical: bool) -> Iterator[Form]:
    title = " ".join(title.split())
    ending = title[-1] if title.endswith(("?", "!")) else ""
    variants = [title]
    main = title.split(": ")[0]
    if main != title:
        variants.append(main)
    for variant in list(variants):
        undated = _CLOSING_DATE.sub("", variant)
        if undated != variant and undated:
            variants.append(undated)
    for variant in variants:
        words = tuple(w.replace("'", "’") for w in _WORD.findall(variant))
        if not words:
            continue
        end = ending if variant == title else ""
        yield Form(words, (key,), periodical, stripped=False, ending=end)
        if len(words) > 1 and words[0].casefold() in _ARTICLES:
            yield Form(words[1:], (key,), periodical, stripped=True, ending=end)


def build(titles: Iterable[tuple[str, str, bool]], names: Iterable[str] = ()) -> TitleIndex:
    index = TitleIndex(names=frozenset(" ".join(fold(w) for w in _WORD.findall(n)) for n in names))
    for key, title, periodical in titles:
        for form in forms_of(key, title, periodical):
            index.add(form)
    return index


@dataclass(frozen=True, slots=True)
class Match:
    form: Form
    start: int
    end: int
    words: tuple[str, ...]
    """As the text writes them."""


def matches(text: str, index: TitleIndex, single: bool = False) -> Iterator[Match]:
    """Every place a form stands in `text` (longest form first at each word; matches do not overlap).

    `single`: the one-word book titles instead (see `TitleIndex.pattern`)."""
    cursor = 0
    forms = index.forms
    for start in index.pattern(single).finditer(text):
        at = start.start()
        if at < cursor or (at > 0 and _WORDLIKE.match(text, at - 1)):
            continue
        opening = _WORD.match(text, at)
        by_second = forms.get(fold(opening.group())) if opening else None
        if opening is None or by_second is None:
            continue
        second = _next_word(text, opening.end())
        candidates = [*by_second.get(fold(second.group()), ()), *by_second.get("", ())] if second else []
        if not second:
            candidates = list(by_second.get("", ()))
        for form in candidates:
            if single != (len(form.words) == 1 and not form.periodical):
                continue
            found = _match_at(text, opening, form)
            if found is not None:
                yield found
                cursor = found.end
                break


def shifted(match: Match, offset: int) -> Match:
    """A match found in a slice of the text, placed in the whole text."""
    return Match(match.form, match.start + offset, match.end + offset, match.words)


def _next_word(text: str, end: int) -> re.Match[str] | None:
    gap = _GAP.match(text, end)
    return _WORD.match(text, gap.end()) if gap is not None else None


def _match_at(text: str, opening: re.Match[str], form: Form) -> Match | None:
    words = [opening.group()]
    end = opening.end()
    for wanted in form.folded[1:]:
        word = _next_word(text, end)
        if word is None or fold(word.group()) != wanted:
            return None
        words.append(word.group())
        end = word.end()
    if end < len(text) and (text[end].isalnum() or (text[end] in "’'" and text[end + 1 : end + 2].isalpha())):
        return None  # the text's word goes on (`Trotsky’s`, `Trotskyism`)
    if form.ending and text.startswith(form.ending, end):
        end += 1
    return Match(form, opening.start(), end, tuple(words))


def quoted(text: str, start: int, end: int) -> bool:
    """The match is set in quotation marks: `‘Title’`, `‘Title,’`, `“Title.”`."""
    before = text[start - 1 : start]
    after = text[end : end + 2]
    if not before or before not in _OPENING_QUOTES or not after:
        return False
    return after[0] in _CLOSING_QUOTES or (
        after[0] in ",." and after[1:] != "" and after[1:] in _CLOSING_QUOTES
    )


def inside_quotation(text: str, start: int, end: int) -> bool:
    """The match lies within a quoted stretch: in a citation, a chapter's or an article's title
    (`“Bolshevism and Stalinism,”`). A `’` inside a word or after an `s` is taken for an apostrophe."""
    opening = max(text.rfind("‘", 0, start), text.rfind("“", 0, start))
    if opening < 0:
        return False
    for i in range(opening + 1, len(text)):
        char = text[i]
        if char == "”" or (char == "’" and not _apostrophe(text, i)):
            return i >= end
    return False


def _apostrophe(text: str, i: int) -> bool:
    after = text[i + 1 : i + 2]
    return after.isalpha() or (text[i - 1 : i] == "s" and after == " ")


def capitalised_as_written(match: Match) -> bool:
    """Every word the bibliography capitalises is capitalised in the text too (small words aside)."""
    for written, found in zip(match.form.words, match.words, strict=True):
        if written[:1].isupper() and not found[:1].isupper() and written.casefold() not in _SMALL:
            return False
    return True


def capitalised_words(match: Match) -> int:
    return sum(1 for w in match.words if w[:1].isupper() or w[:1].isdigit())


def after_lowercase_article(text: str, start: int) -> bool:
    """`the Russian Revolution`: the title's own article, dropped from the form, stands in lower case."""
    return text[max(0, start - 4) : start] == "the "


def joined_on(text: str, start: int) -> bool:
    """The match continues a word before it (`The Serge-Trotsky Papers`): part of another title."""
    return text[start - 1 : start] in ("-", "–") and text[start - 2 : start - 1].isalnum()


_HEADING_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*)?$")


def sentence_start(text: str, start: int) -> bool:
    """The match opens its block, a heading's words (`3.3 The New Course …`) or a sentence."""
    before = text[:start].rstrip(" ‘“")
    return _HEADING_NUMBER.fullmatch(before) is not None or before.endswith((".", "!", "?", ":", "]"))


def article_marks_title(text: str, match: Match) -> bool:
    """`in The New Course`: a capitalised article inside a sentence is the title's own."""
    return (
        not match.form.stripped
        and match.form.words[0].casefold() in _ARTICLES
        and match.words[0][:1].isupper()
        and not sentence_start(text, match.start)
    )


def phrase_words(form: Form) -> tuple[str, ...]:
    """The form's words without a leading article: what `the …` in lower case makes a phrase."""
    folded = form.folded
    return folded[1:] if len(folded) > 1 and folded[0] in _ARTICLES else folded


@dataclass(slots=True)
class Usage:
    """How the work uses the forms: those it also writes as a phrase after a lower-case `the` (the
    Russian Revolution as an event), and the one-word forms it also writes in lower case."""

    phrases: set[tuple[str, ...]] = field(default_factory=set)
    lowercase: set[str] = field(default_factory=set)


def evidence(
    text: str, match: Match, index: TitleIndex, used: Usage, cited_here: str | None, cited_near: set[str]
) -> tuple[Evidence, str] | None:
    """Why this match is a title (and which entry), or None when the evidence is too weak.

    `cited_here` is the key of the citation the match lies in; `cited_near` the keys cited in the same
    paragraph or note (or in the notes its markers call)."""
    form = match.form
    if quoted(text, match.start, match.end) or joined_on(text, match.start):
        return None
    if cited_here is not None and cited_here in form.keys:
        if inside_quotation(text, match.start, match.end):
            return None
        return Evidence.TITLE_CITED, cited_here
    if form.stripped and after_lowercase_article(text, match.start):
        return None
    if not capitalised_as_written(match) or " ".join(form.folded) in index.names:
        return None
    several = len(form.words) >= 2 and capitalised_words(match) >= 2
    # A title this work also writes as a phrase counts only where its capitalised article marks it.
    phrase = phrase_words(form) in used.phrases and not article_marks_title(text, match)
    if form.periodical:
        distinct = len(form.words) > 1 or (
            len(form.words[0]) >= 4 and form.folded[0] not in used.lowercase and not form.words[0].isdigit()
        )
        return (Evidence.PERIODICAL, form.keys[0]) if distinct and not phrase else None
    near = [k for k in form.keys if k in cited_near]
    if near and several and not phrase:
        return Evidence.TITLE_NEAR, near[0]
    long_enough = len(form.words) >= _MIN_ALONE_WORDS or (
        len(form.words) == 2 and form.letters() >= _MIN_ALONE_LETTERS and not _possessive(form.words[0])
    )
    if long_enough and several and not phrase:
        return Evidence.TITLE, form.keys[0]
    return None


def _possessive(word: str) -> bool:
    """`Stalin’s Russia`: two words opening with a possessive read as a phrase, not a title."""
    return word.endswith(("’s", "’"))
