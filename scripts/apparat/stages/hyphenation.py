"""Join the lines of a block or note into reading text, deciding every line-end hyphen with evidence.

A hyphen at the end of a line is either a word broken by the typesetter (`bureau-` + `cracy`: join) or a
real hyphen that happened to fall there (`Left-` + `Opposition`, `non-` + `Marxists`, `1926-` + `7`: keep).
The evidence comes from the whole work: how often the joined spelling and the hyphenated spelling occur
unbroken elsewhere. Every decision is logged with that evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from apparat.model import HyphenDecision
from apparat.state import State

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*(?:-[^\W\d_]+(?:[’'][^\W\d_]+)*)*")
_TAIL = re.compile(r"([^\W_]+(?:[’'-][^\W_]+)*)-$")
_HEAD = re.compile(r"^([^\W_]+(?:[’'][^\W_]+)*)")
_SPACES = re.compile(r"[ \u00a0\u2009\u202f\u2002-\u2008]+")

# First elements that English keeps hyphenated before a word (no joined spelling exists to find) ...
_PREFIXES = frozenset(
    {
        "non",
        "anti",
        "ex",
        "self",
        "semi",
        "quasi",
        "post",
        "neo",
        "pro",
        "counter",
        "ultra",
        "pseudo",
        "petty",
        "half",
        "all",
        "well",
        "mid",
        "high",
        "low",
        "large",
        "small",
        "medium",
        "long",
        "short",
        "full",
        "far",
        "one",
        "two",
        "three",
        "four",
        "five",
        "first",
        "second",
        "third",
        "so",
        "re",
    }
)
# ... and second elements that only make compounds ("worker-dominated", "large-scale", "panic-stricken").
_SECOND = frozenset(
    {
        "dominated",
        "scale",
        "pressure",
        "stricken",
        "revolutionary",
        "wing",
        "based",
        "led",
        "oriented",
        "like",
        "minded",
        "type",
        "style",
        "level",
        "term",
        "called",
        "defined",
        "century",
        "year",
        "day",
        "class",
        "bourgeois",
        "democratic",
        "interest",
        "ranking",
        "speaking",
        "making",
        "taking",
        "building",
    }
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Counts of the words of a whole work, as they occur unbroken (lower case)."""

    words: Counter[str]

    @classmethod
    def build(cls, lines: list[str]) -> Lexicon:
        counts: Counter[str] = Counter()
        for line in lines:
            body = line.rstrip()
            if body.endswith("-"):  # the broken fragment at the end is not a word
                body = body[: body.rfind(" ") + 1] if " " in body else ""
            counts.update(word.lower() for word in _WORD.findall(body))
        return cls(counts)


def decide(left: str, right: str, lexicon: Lexicon, default: str = "join") -> tuple[str, str]:
    """(decision, evidence) for `left-` at a line end followed by `right` on the next line."""
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    n_joined, n_hyph = lexicon.words[joined], lexicon.words[hyphenated]
    if left[-1:].isdigit() or right[:1].isdigit():
        return "keep", "number or range"
    if n_hyph > n_joined:
        return "keep", f"'{hyphenated}' occurs {n_hyph}× elsewhere, '{joined}' {n_joined}×"
    if n_joined:
        return "join", f"'{joined}' occurs {n_joined}× elsewhere, '{hyphenated}' {n_hyph}×"
    if "-" in left:  # "semi-anar-" + "chist": decide on the last element alone
        last = left.rsplit("-", 1)[1]
        if lexicon.words[(last + right).lower()]:
            return (
                "join",
                f"'{(last + right).lower()}' occurs {lexicon.words[(last + right).lower()]}× elsewhere",
            )
        return (
            "keep",
            f"'{left}' is already a hyphenated compound and '{last}{right}' is not a word of the work",
        )
    if right[:1].isupper():
        return "keep", "capitalised second element (compound with a name)"
    if left.lower() in _PREFIXES and lexicon.words[right.lower()] > 0:
        return (
            "keep",
            f"first element '{left}-' before the word '{right}' (occurs {lexicon.words[right.lower()]}×)",
        )
    if right.lower() in _SECOND and lexicon.words[left.lower()] > 0:
        return "keep", f"'{left}' (a word of the work) before the compound element '-{right}'"
    if default == "keep":
        return "keep", "no spelling found elsewhere; a manuscript's line-end hyphen is the author's own"
    return "join", "no spelling found elsewhere; a line-end hyphen in typeset text is most often a break"


def join_lines(state: State, pieces: list[tuple[int, str]], lexicon: Lexicon) -> tuple[str, list[int]]:
    """Join line pieces (index, text) into one clean string; also return each piece's start offset."""
    out = ""
    starts: list[int] = []
    for position, (_index, raw) in enumerate(pieces):
        text = _SPACES.sub(" ", raw).strip()
        if not out:
            starts.append(0)
            out = text
            continue
        # Only a line ending in one hyphen can hold a broken word; test that before the (backtracking)
        # search, which otherwise runs at every line join. Only the end matters: search the last 120.
        hyphen = out.endswith("-") and not out.endswith("--")
        tail = _TAIL.search(out[-120:]) if hyphen else None
        head = _HEAD.match(text) if tail else None
        if tail and head:
            left, right = tail.group(1), head.group(1)
            decision, evidence = decide(left, right, lexicon, state.hyphen_default)
            result = f"{left}{right}" if decision == "join" else f"{left}-{right}"
            previous_line = pieces[position - 1][0]
            state.hyphenation.append(
                HyphenDecision(previous_line + 1, f"{left}-", right, decision, result, evidence)
            )
            if decision == "join":
                out = out[:-1]
            starts.append(len(out))
            out += text
        else:
            out += " "
            starts.append(len(out))
            out += text
    return out, starts


def normalise(text: str) -> str:
    """Spaces of every width become one plain space."""
    return _SPACES.sub(" ", text).strip()
