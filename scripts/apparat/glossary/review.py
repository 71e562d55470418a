"""Editorial accounting: what the independent detectors find, and how much of it the edition annotates.

The detectors (`russian`, `groupings`, `names`) read the text only; this module sets what they find
against two things they do not share with the matcher: the editors' judgments in `not-terms.yml`, and
the spans a reader actually gets (from the model's annotations, or from the built HTML through
`apparat.glossary.audit`). A `Passage` is one paragraph, quotation, heading or note with its spans.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from apparat.glossary.annotate import texts
from apparat.glossary.candidates import is_candidate
from apparat.glossary.entries import Glossary
from apparat.glossary.matcher import WORD
from apparat.glossary.russian import READINGS, Reading, bases, reading
from apparat.glossary.translit import SOFT
from apparat.model import Document
from apparat.staging import write_atomic


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    """`term`, `faction`, `person` or `cite`."""
    key: str


@dataclass(frozen=True, slots=True)
class Passage:
    target: str
    """The block or note id (`ch03-l4521`, `ch03-n57`, `abstract`)."""
    text: str
    spans: tuple[Span, ...] = ()

    def inside(self, start: int, kinds: frozenset[str]) -> Span | None:
        for span in self.spans:
            if span.kind in kinds and span.start <= start < span.end:
                return span
        return None


def passages(document: Document) -> list[Passage]:
    """Every annotatable text of the model with the annotations it carries."""
    by_target: dict[str, list[Span]] = {}
    for a in document.annotations:
        by_target.setdefault(a.target, []).append(Span(a.start, a.end, a.kind.value, a.key))
    return [Passage(target, text, tuple(by_target.get(target, ()))) for target, text in texts(document)]


@dataclass(slots=True)
class Tally:
    """Occurrences the independent detector counted, how many the edition annotates, and the rest by word."""

    what: str
    counted: int = 0
    covered: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    first: dict[str, str] = field(default_factory=dict)
    """Word → target id of its first unannotated occurrence."""

    def miss(self, word: str, target: str) -> None:
        self.missing[word] += 1
        self.first.setdefault(word, target)

    @property
    def share(self) -> float:
        return self.covered / self.counted if self.counted else 1.0

    def line(self) -> str:
        return f"{self.what}: {self.covered} of {self.counted} annotated ({self.share:.1%})"


_ANNOTATED = frozenset({"term", "faction", "person"})
_SENT_HERE = {"person": "names", "faction": "groupings"}
"""The judgment of not-terms.yml that hands a word to the review of this kind instead of deciding it."""
_CITE = frozenset({"cite"})


def judgment(word: str, judgments: dict[str, str]) -> str | None:
    """The reason `not-terms.yml` gives for the word (as written, lower-cased, or one of its bases).
    A judgment written with a capital applies to capitalised occurrences only (`Soviet`, not `soviet`)."""
    capital = word[:1].isupper()
    for written in dict.fromkeys((word, word.rstrip(SOFT))):  # a closing quote is not a soft sign
        if written in judgments:
            return judgments[written]
        for base in bases(written):
            if base in judgments or (capital and base.capitalize() in judgments):
                return judgments[base] if base in judgments else judgments[base.capitalize()]
    return None


def entry_words(glossary: Glossary) -> set[str]:
    """Lower-cased words of person forms and faction names: a candidate among them is counted by the
    persons and groupings reviews, not as a term (Stalin reads as a Russian word, and is a person)."""
    words: set[str] = set()
    spellings = [*(f for p in glossary.persons.values() for f in p.forms)]
    spellings += [n for f in glossary.factions.values() for n in (f.name, *f.aliases)]
    for spelling in spellings:
        words.update(
            m.group().lower().replace("'", SOFT) for m in WORD.finditer(spelling) if len(m.group()) > 2
        )
    return words


def russian_words(passages: Iterable[Passage]) -> Iterator[tuple[Passage, str, int, bool]]:
    """(passage, word, offset, read by the dictionary) for each word either detector takes for Russian,
    outside citations: the dictionary reading first, the spelling detector of `candidates` beside it."""
    for passage in passages:
        for match in WORD.finditer(passage.text):
            if passage.inside(match.start(), _CITE):
                continue
            word = match.group().replace("'", SOFT)
            if word.endswith(SOFT + "s"):
                word = word[:-2]
            if reading(word) is not None:
                yield passage, word, match.start(), True
            elif is_candidate(word.rstrip(SOFT)):
                yield passage, word, match.start(), False


def russian_terms(passages: Iterable[Passage], glossary: Glossary) -> Tally:
    """Occurrences of Russian words that are neither judged in not-terms.yml nor names of persons or
    groupings, and how many of them stand inside an annotation."""
    tally = Tally("Russian terms")
    judgments = judgments_of(glossary)
    names = entry_words(glossary)
    for passage, word, offset, _dictionary in russian_words(passages):
        if (
            judgment(word, judgments) is not None
            or word.lower().rstrip(SOFT) in names
            or word.lower() in names
        ):
            continue
        tally.counted += 1
        if passage.inside(offset, _ANNOTATED):
            tally.covered += 1
        else:
            tally.miss(word, passage.target)
    return tally


def judgments_of(glossary: Glossary) -> dict[str, str]:
    return glossary.not_terms


@dataclass(slots=True)
class NameReview:
    """Names of groupings or persons found by an independent detector, per paragraph, against the links.

    A name has an entry when one of its occurrences anywhere stands inside a link of the kind reviewed
    (the link's entry is then the name's); a paragraph links a name when it holds a link to that entry."""

    what: str
    kind: str
    paragraphs: Counter[str] = field(default_factory=Counter)
    """Name → paragraphs (and notes) that name it."""
    keys: dict[str, set[str]] = field(default_factory=dict)
    """Name → the entries its linked occurrences point to."""
    unlinked: Counter[str] = field(default_factory=Counter)
    """Name → paragraphs that name it without linking it."""
    first: dict[str, str] = field(default_factory=dict)
    """Name → target id of its first unlinked paragraph."""
    judged: Counter[str] = field(default_factory=Counter)
    """Reason → names judged in not-terms.yml."""
    per_key: dict[str, list[int]] = field(default_factory=dict)
    """Entry key → [paragraphs linking it, paragraphs naming it]."""

    def pairs(self, minimum: int = 1) -> int:
        return sum(self.paragraphs[n] for n in self.names(minimum))

    def linked(self, minimum: int = 1) -> int:
        return self.pairs(minimum) - sum(self.unlinked[n] for n in self.names(minimum))

    def names(self, minimum: int = 1) -> list[str]:
        return [n for n, count in self.paragraphs.items() if count >= minimum]

    def without_entry(self, minimum: int = 1) -> list[str]:
        return sorted(
            (n for n in self.names(minimum) if not self.keys.get(n)), key=lambda n: -self.paragraphs[n]
        )

    def lines(self, minimum: int = 1) -> list[str]:
        names = self.names(minimum)
        with_entry = len(names) - len(self.without_entry(minimum))
        share = with_entry / len(names) if names else 1.0
        pairs, linked = self.pairs(minimum), self.linked(minimum)
        scope = f" named in {minimum} or more paragraphs" if minimum > 1 else " named"
        return [
            f"{self.what}{scope}: {with_entry} of {len(names)} have an entry ({share:.1%})",
            (
                f"{self.what}{scope}: {linked} of {pairs} paragraphs naming one link it "
                f"({linked / pairs if pairs else 1.0:.1%})"
            ),
        ]


def review_names(
    passages: list[Passage],
    glossary: Glossary,
    what: str,
    kind: str,
    find: Callable[[str], Iterable[tuple[int, int, str]]],
    skip: frozenset[str],
    listed: dict[str, set[str]],
    taken: frozenset[str] = frozenset(),
) -> NameReview:
    """Run `find` (start, end, name) over every passage outside citations and the spans of `skip`.

    `listed` gives the entries whose data lists a name (as `find` would normalise it): a name that is only
    ever named after its entry was linked in the same paragraph has an entry all the same. `taken` are
    names that other kinds of entry list (a faction's or a term's words): they ended there. The judgment
    that sends a word to this review (`names` for persons, `groupings` for groupings) does not count."""
    review = NameReview(what, kind)
    review.keys = {name: set(keys) for name, keys in listed.items()}
    judgments = judgments_of(glossary)
    found: list[tuple[Passage, dict[str, bool]]] = []
    for passage in passages:
        named: dict[str, bool] = {}
        for start, _end, name in find(passage.text):
            if passage.inside(start, _CITE | skip) or name in taken:
                continue
            # as written (a stem judged for the Russian words is no judgment here); lower case for all cases
            reason = judgments.get(name) or judgments.get(name.lower())
            if reason is not None and reason != _SENT_HERE[kind]:
                review.judged[reason] += 1
                continue
            span = next(
                (s for s in passage.spans if s.kind == kind and s.start < _end and start < s.end), None
            )
            if span is not None:  # a link on any word of the name (`Soviet Opposition`: on `Opposition`)
                review.keys.setdefault(name, set()).add(span.key)
            named.setdefault(name, False)
        if named:
            found.append((passage, named))
    for passage, named in found:
        linked_keys = {s.key for s in passage.spans if s.kind == kind}
        keys_here: set[str] = set()
        for name in named:
            review.paragraphs[name] += 1
            keys = review.keys.get(name, set())
            keys_here |= keys
            if not keys & linked_keys:
                review.unlinked[name] += 1
                review.first.setdefault(name, passage.target)
        for key in keys_here:
            counts = review.per_key.setdefault(key, [0, 0])
            counts[1] += 1
            counts[0] += key in linked_keys
    return review


def groupings(passages: list[Passage], glossary: Glossary) -> NameReview:
    from apparat.glossary.groupings import mentions

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        return ((m.start, m.end, m.name) for m in mentions(text))

    listed: dict[str, set[str]] = {}
    for faction in glossary.factions.values():
        for spelling in (faction.name, *faction.aliases):
            for mention in mentions(spelling):
                listed.setdefault(mention.name, set()).add(faction.key)
        if faction.wing:  # `the right` as `groupings.wings` names it
            listed.setdefault(f"the {faction.wing}", set()).add(faction.key)
    return review_names(
        passages, glossary, "Political groupings", "faction", find, frozenset({"term", "person"}), listed
    )


def persons(passages: list[Passage], glossary: Glossary) -> NameReview:
    from apparat.glossary.names import lower_words, mentions, surname

    lower = lower_words(p.text for p in passages)

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        return ((m.start, m.end, m.name) for m in mentions(text, lower))

    listed: dict[str, set[str]] = {}
    for person in glossary.persons.values():
        for form in person.forms:
            words = [m.group() for m in WORD.finditer(form)]
            if words:
                listed.setdefault(surname(words[-1]), set()).add(person.key)
    taken: set[str] = set()
    spellings = [s for f in glossary.factions.values() for s in (f.name, *f.aliases)]
    spellings += [s for t in glossary.terms.values() for s in (t.lemma, *t.variants)]
    for spelling in spellings:
        taken.update(surname(word) for word in re.findall(r"[^\W\d_][\w’'\-]*", spelling))
    return review_names(
        passages,
        glossary,
        "Persons",
        "person",
        find,
        frozenset({"term", "faction"}),
        listed,
        frozenset(taken),
    )


Coverage = dict[str, tuple[int, int]]
"""`<kind>:<key>` → (annotated, counted): for a term, its occurrences the dictionary detector finds and how
many carry the annotation; for a faction or person, the paragraphs the detectors find naming it and how
many of them link it."""


def entry_coverage(documents: Iterable[Document], glossary: Glossary) -> Coverage:
    """Each entry's coverage by the independent count, over every passage of the documents."""
    all_passages = [p for d in documents for p in passages(d)]
    result: dict[str, list[int]] = {}
    judgments = judgments_of(glossary)
    names = entry_words(glossary)
    lemmas = {_lemma(t.cyrillic): t.key for t in glossary.terms.values()}
    for passage, word, offset, _dictionary in russian_words(all_passages):
        if judgment(word, judgments) is not None or word.lower().rstrip(SOFT) in names:
            continue
        span = passage.inside(offset, frozenset({"term"}))
        found = reading(word)
        key = span.key if span is not None else (lemmas.get(_lemma(found.cyrillic)) if found else None)
        if key is not None:
            counts = result.setdefault(f"term:{key}", [0, 0])
            counts[0] += span is not None
            counts[1] += 1
    for review in (groupings(all_passages, glossary), persons(all_passages, glossary)):
        for key, (linked, named) in review.per_key.items():
            counts = result.setdefault(f"{review.kind}:{key}", [0, 0])
            counts[0] += linked
            counts[1] += named
    return {key: (a, b) for key, (a, b) in result.items()}


def _lemma(cyrillic: str) -> str:
    from apparat.glossary.translit import analyzer

    parses = analyzer().parse(cyrillic.split()[0].lower())
    return parses[0].normal_form if parses else cyrillic.lower()


_CODE = ("review.py", "russian.py", "groupings.py", "names.py", "translit.py", "candidates.py")


def cached_coverage(documents: list[Document], glossary: Glossary, cache_dir: Path | None) -> Coverage:
    """`entry_coverage`, kept in `cache_dir/coverage/` by the sha256 of what it depends on: this code, the
    glossary data, and every text with its annotations."""
    if cache_dir is None:
        return entry_coverage(documents, glossary)
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(b"apparat-coverage/1")
    for name in _CODE:
        digest.update((package / name).read_bytes())
    code = digest.hexdigest()
    # what the counts depend on: the entries' spellings and the judgments, not definitions or descriptions
    spellings: list[tuple[str, ...]] = [
        (t.key, t.lemma, t.cyrillic, *t.variants) for t in glossary.terms.values()
    ]
    spellings += [(f.key, f.name, *f.aliases) for f in glossary.factions.values()]
    spellings += [(p.key, *p.forms) for p in glossary.persons.values()]
    digest.update(repr((spellings, sorted(glossary.not_terms.items()))).encode())
    for document in documents:
        digest.update(document.work.encode() + b"\0")
        for target, text in texts(document):
            digest.update(f"{target}\0{text}\0".encode())
        for a in sorted(document.annotations, key=lambda a: (a.target, a.start, a.end, a.kind.value)):
            digest.update(f"{a.kind.value}\0{a.key}\0{a.target}\0{a.start}\0{a.end}\0".encode())
    path = cache_dir / "coverage" / f"{digest.hexdigest()}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {key: (int(pair[0]), int(pair[1])) for key, pair in stored.items()}
    except (OSError, ValueError, TypeError, IndexError, AttributeError):
        pass
    words = cache_dir / "coverage" / f"readings-{code}.json"  # the dictionary's answers, by word
    try:
        known = json.loads(words.read_text(encoding="utf-8"))
        READINGS.update({w: Reading(*r) if r else None for w, r in known.items() if w not in READINGS})
    except (OSError, ValueError, TypeError):
        pass
    found = entry_coverage(documents, glossary)
    stored = {w: [r.base, r.cyrillic] if r else None for w, r in READINGS.items()}
    write_atomic(words, json.dumps(stored, ensure_ascii=False))
    write_atomic(path, json.dumps(found, sort_keys=True))
    return found
