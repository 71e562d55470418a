"""Finding the political groupings a text names, by the shape of the words, without the glossary.

The matcher knows only the names the factions data lists; this detector reads the text for what looks like
the name of a party, faction or tendency:

* a run of capitalised words ending in a word for a grouping (`German Communist Party`, `Left Opposition`,
  `Fourth International`, `Popular Front`, `Right-Center Bloc`, `Social Democrats`);
* an abbreviation in capitals (`KPD`, `SFIO`, `CCP`, `RKP(b)`);
* a capitalised word made with -ist, -ism, -ite, -ian or -vik (`Stalinist`, `Trotskyites`, `Thermidorian`,
  `Mensheviks`), and the Whites of the Civil War;
* a lower-case label of the party struggle (`centrist`, `rightists`, `conciliators`, `party right`,
  `moderates`);
* the party's wings named bare, `the right` and `the centre`, where the sentence is about the party
  struggle (`wings`): never a direction (`a turn to the right`), a right (`the right to elect`) or the
  central authorities (`orders from the centre`);
* a few names found by reading the works that have none of these shapes (`Comintern`, `Guomindang`,
  `the Right`, `Bordigan opposition`).

Much of what it finds is no grouping (`Central Committee`, `USSR`, `Marxist`, `Georgian`): such names are
judged in `not-terms.yml` by reason, like the Russian words. A name found inside a term or person span has
ended in that entry and is not counted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_CAP = r"[A-Z][\w’'\-]*"
_HEAD = (
    r"(?:Party|Parties|Opposition|Oppositions|Oppositionists?|International|Internationals|Front|Bloc|"
    r"Group|Faction|League|Centre|Center|Communists|Socialists|Democrats|Democracy|Revolutionaries|"
    r"Federation|Movement|Committee|Union|Guards?|Guardists)"
)
_PHRASE = re.compile(rf"\b(?:{_CAP}[ \-]){{1,4}}{_HEAD}\b|\b(?:Opposition|Oppositionists?)\b")
_ABBREVIATION = re.compile(r"\b[A-Z][A-Za-z’]*[A-Z](?:\(b\))?(?![\w’])")
_DERIVED = re.compile(
    r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*(?:ists?|isms?|ites?|ians?|ianism|viks?|vism)\b|\bWhites\b"
)
_LABELS = re.compile(
    r"\b(?:centrists?|centrism|rightists?|leftists?|conciliators?|oppositionists?|fascists?|fascism|"
    r"anarchists?|social[ \-]democrats?|social[ \-]democracy|social[ \-]fascis(?:m|ts?)|party right|"
    r"party left|irreconcilables|intransigents|moderates)\b"
)
_READ = re.compile(
    r"\b(?:Comintern|Profintern|Guomindang|Kuomintang|Forty-six|Decemists|Spartacists|Jacobins?|"
    r"Leninbund|Bordigan opposition|Bordigists?|(?<=the )(?:Right|Left))\b"
)
"""Names found by reading the works that have none of the shapes above."""
_LEADING = re.compile(
    r"^(?:(?:The|A|An|At|In|On|By|For|Of|And|But|When|While|Although|Since|Like|Only|Some|"
    r"Former|Fourteen|Another|Leaders|Echoing|Following|Unlike|Thus|Even|Both|All|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)+"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    """The name as normalised for counting: no leading article, possessive or plural (`Stalinists’` →
    `Stalinist`)."""


def normal(name: str) -> str:
    name = _LEADING.sub("", re.sub(r"\s+", " ", name.replace("'", "’")).strip())
    name = re.sub(r"^[A-Z]\w*’s\s+", "", name)  # Wrangel’s White Guards
    for ending in ("’s", "’"):
        name = name.removesuffix(ending)
    if re.search(r"(?:ist|ite|ian|vik|tor|Democrat|rat|able|ent|Communist|Socialist)s$", name):
        name = name[:-1]
    return name


_WING = re.compile(
    r"\bthe (?P<wing>right|centre|center)\b|(?<=, )(?P<listed>centre|center)(?=,? and (?:the )?(?:left|right)\b)"
)
_DIRECTION = frozenset({"to", "toward", "towards", "from", "on", "at", "of"})
"""Before `the right`: a direction or a place (`a turn to the right`, `sat on the right`)."""
_AFTER_NOUN = frozenset({
    "and", "or", "but", "nor", "had", "has", "have", "was", "were", "is", "are", "would", "will", "could",
    "might", "should", "may", "must", "did", "does", "in", "within", "without", "with", "against", "at",
    "by", "for", "from", "on", "into", "over", "under", "as", "than", "that", "which", "who", "whose",
    "itself", "also", "still", "now", "then", "soon", "alone", "too"
})  # fmt: skip
"""Words that may follow `the right` as a noun: where any other word follows, `right` is an adjective or
a noun of its own (`the right wing`, `the right to elect`, `the right track`)."""
_PARTY_STRUGGLE = {
    "right": re.compile(
        r"\b(?:centre|center|centrists?|centrism|Stalinists?|Stalin|Opposition|Oppositionists?|moderates|"
        r"Bukharin|Rykov|Tomskii|Politburo|CC|AUCP|plenum|[Pp]arty|faction)\b"
    ),
    "centre": re.compile(r"\b(?:right|left|rightists?|leftists?|moderates|Opposition)\b"),
}
"""Words that show a sentence to be about the party's wings (another wing, its leaders, its bodies)."""
_SENTENCE_END = re.compile(r"[.!?][’”]?(?:\[\^\d+\])?\s+(?=[A-Z‘“(])")


@dataclass(frozen=True, slots=True)
class Wing:
    start: int
    end: int
    wing: str
    """`right` or `centre`: which wing of the party the word names."""


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds the span [start, end) begins and ends (a rough cut at
    sentence ends: a full stop, question or exclamation mark before a capital)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    following = _SENTENCE_END.search(text, end)
    return left, following.start() + 1 if following else len(text)


def wings(text: str) -> Iterator[Wing]:
    """`the right` and `the centre` where they name a wing of the party: a noun (not `the right to`, `the
    right wing`), not a direction (`to the right`), in a sentence about the party struggle (another wing,
    a leader, a party body: `the right had soundly defeated the centre`). `centre` also in a list of the
    wings (`the left, centre, and right`)."""
    for match in _WING.finditer(text):
        word = match.group("wing") or match.group("listed")
        start = match.start("wing") if match.group("wing") else match.start("listed")
        end = start + len(word)
        wing = "right" if word == "right" else "centre"
        if match.group("wing"):
            before = text[: match.start()].split()
            if before and before[-1].lower().strip("‘“([") in _DIRECTION:
                continue
            after = re.match(r"\s*([^\W\d_][\w’'-]*|-)?", text[end:])
            following = after.group(1) if after else None
            if following and (following == "-" or following.lower() not in _AFTER_NOUN):
                continue
        left, right = sentence(text, start, end)
        if _PARTY_STRUGGLE[wing].search(text[left:start] + " " + text[end:right]):
            yield Wing(start, end, wing)


def mentions(text: str) -> Iterator[Mention]:
    """Every grouping-like name in the text, longest first where two overlap."""
    named_wings = {(w.start, w.end): f"the {w.wing}" for w in wings(text)}
    found: list[tuple[int, int]] = list(named_wings)
    for pattern in (_PHRASE, _DERIVED, _LABELS, _READ, _ABBREVIATION):
        for match in pattern.finditer(text):
            start, end = match.span()
            leading = _LEADING.match(text, start)
            if leading:
                start = leading.end()
            if start >= end or any(s <= start < e or start <= s < end for s, e in found):
                continue
            found.append((start, end))
    for start, end in sorted(found):
        name = named_wings.get((start, end)) or normal(text[start:end])
        if name:
            yield Mention(start, end, name)
