"""Finding the political groupings a text names, by the shape of the words, without the glossary.

The matcher knows only the names the factions data lists; this detector reads the text for what looks like
the name of a party, faction or tendency:

* a run of capitalised words ending in a word for a grouping (`German Communist Party`, `Left Opposition`,
  `Fourth International`, `Popular Front`, `Right-Center Bloc`, `Social Democrats`);
* an abbreviation in capitals (`KPD`, `SFIO`, `CCP`, `RKP(b)`);
* a capitalised word made with -ist, -ism, -ite, -ian or -vik (`Stalinist`, `Trotskyites`, `Thermidorian`,
  `Mensheviks`), and the Whites of the Civil War;
* a lower-case label of the party struggle (`centrist`, `rightists`, `conciliators`, `party right`);
* a few names found by reading the works that have none of these shapes (`Comintern`, `Guomindang`,
  `the Right`).

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
    r"party left|irreconcilables|intransigents)\b"
)
_READ = re.compile(
    r"\b(?:Comintern|Profintern|Guomindang|Kuomintang|Forty-six|Decemists|Spartacists|Jacobins?|"
    r"Leninbund|(?<=the )(?:Right|Left))\b"
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


def mentions(text: str) -> Iterator[Mention]:
    """Every grouping-like name in the text, longest first where two overlap."""
    found: list[tuple[int, int]] = []
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
        name = normal(text[start:end])
        if name:
            yield Mention(start, end, name)
