"""Loading `content/data/{terms,factions,persons,not-terms}.yml` with a schema check.

Contributors edit these files in pull requests, so they are read with the strict loader of
`apparat.untrusted`, checked against their JSON Schema (`apparat/schemas/*.json`, via `apparat.datacheck`:
unknown keys with a did-you-mean, types, identifiers, length limits), and then for what a schema cannot
say: markup the allow-list sanitiser would remove from a definition (`data.unsafe-markup`), a key, Cyrillic
lemma or spelling claimed by two entries (`data.duplicate`), references to entries that do not exist, and
bidirectional control characters (`data.bidi-control`). Every problem is reported at its line. Entries
with problems are left out; the others still load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from apparat import datacheck
from apparat.diagnostics import Code, Diagnostic, Reporter, Severity
from apparat.glossary.entries import (
    REASONS,
    Faction,
    FactionKind,
    Glossary,
    Person,
    Pos,
    Term,
    TermKind,
    slug,
)
from apparat.glossary.translit import SOFT
from apparat.untrusted import (
    LinedDict,
    UntrustedError,
    bidi_problems,
    definition_problems,
    field_problems,
    load_yaml,
)
from apparat.works import display_path

T = TypeVar("T")

_TERM_FIELDS = ("lemma", "cyrillic", "gloss", "pos", "definition")
_FACTION_FIELDS = ("name", "kind", "description")
_PERSON_FIELDS = ("name", "forms", "identification")
_PROSE = ("definition", "description", "identification")
"""Fields in the Markdown subset of definitions; every other text field is plain text."""


class _File:
    """One data file being checked: reports go to the shared reporter with this file's path."""

    def __init__(self, path: Path, reporter: Reporter) -> None:
        self.path = path
        self.shown = display_path(path)
        self.reporter = reporter

    def problem(self, line: int, expected: str, found: str, code: Code = Code.GLOSSARY) -> None:
        self.reporter.items.append(_diagnostic(self.shown, line, f"expected {expected}, found {found}", code))


def _diagnostic(path: str, line: int, message: str, code: Code = Code.GLOSSARY) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, path, line, message)


def _load(file: _File, schema: str) -> Any:
    """The file's data after the strict loader, the bidi scan and the schema check (None if unreadable)."""
    if not file.path.is_file():
        file.problem(1, f"a data file ({schema})", "no such file")
        return None
    try:
        data = load_yaml(file.path)
    except UntrustedError as error:
        file.problem(error.problem.line, error.problem.expected, error.problem.found)
        return None
    for problem in bidi_problems(file.path.read_text(encoding="utf-8")):
        file.problem(problem.line, problem.expected, problem.found, Code.DATA_BIDI)
    file.reporter.items.extend(datacheck.check(schema, data, file.shown))
    return data


def _read_list(file: _File, top: str) -> list[LinedDict]:
    data = _load(file, top)
    if not isinstance(data, dict) or not isinstance(data.get(top), list):
        return []
    bad = datacheck.bad_entries(top, data)
    return [item for index, item in enumerate(data[top]) if index not in bad and isinstance(item, LinedDict)]


def _texts(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _soft(text: str) -> str:
    """Contributors may type the soft sign as an ASCII apostrophe; the sources print U+2019."""
    return text.replace("'", SOFT)


class _Checker:
    """Checks shared by all three files: required fields, plain-text fields, definitions, unique keys and spellings."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.keys: dict[tuple[str, str], str] = {}
        self.spellings: dict[str, str] = {}
        self.cyrillic: dict[str, str] = {}

    def fields(self, file: _File, item: LinedDict, required: tuple[str, ...]) -> bool:
        missing = [name for name in required if item.get(name) in (None, "", [])]
        if missing:
            file.problem(
                item.line, f"the field {missing[0]!r}", "no such field in this entry", Code.DATA_SCHEMA
            )
            return False
        for name, value in item.items():
            if name in _PROSE:
                continue
            for text in _texts(value) or ():
                for found in field_problems(text):
                    line = item.key_lines.get(name, item.line)
                    file.problem(line, f"plain text in {name!r}", found, Code.DATA_UNSAFE_MARKUP)
                    return False
        return True

    def markdown(self, file: _File, item: LinedDict, name: str) -> bool:
        text = item[name]
        if not isinstance(text, str):
            file.problem(item.line, f"text in {name!r}", type(text).__name__, Code.DATA_SCHEMA)
            return False
        problems = definition_problems(text)
        for problem in problems:
            line = self._line_of(file, item, name, text, problem.line)
            file.problem(line, problem.expected, problem.found, Code.DATA_UNSAFE_MARKUP)
        return not problems

    @staticmethod
    def _line_of(file: _File, item: LinedDict, name: str, text: str, line: int) -> int:
        """The file line of a definition's problem: the field's own line, plus the problem's line within
        the text (a block scalar starts on the line after the key)."""
        lines = file.path.read_text(encoding="utf-8").splitlines()
        for number in range(item.line - 1, len(lines)):
            stripped = lines[number].lstrip(" -")
            if stripped.startswith(f"{name}:"):
                block = stripped.rstrip().endswith((">", "|", ">-", "|-"))
                wanted = text.splitlines()[line - 1].strip() if line <= len(text.splitlines()) else ""
                start = number + 1 + (1 if block else 0)
                for offset in range(start, min(start + len(text.splitlines()) + 2, len(lines))):
                    if wanted and wanted[:30] in lines[offset]:
                        return offset + 1
                return start + line - 1
        return item.line

    def key(self, file: _File, item: LinedDict, kind: str, key: str) -> bool:
        if not key:
            file.problem(item.line, "a name with letters or digits", "an empty key")
            return False
        where = self.keys.get((kind, key))
        if where:
            file.problem(
                item.line, f"each {kind} once", f"{key!r} again (first at {where})", Code.DATA_DUPLICATE
            )
            return False
        self.keys[(kind, key)] = f"{file.shown}:{item.line}"
        return True

    def claim(self, file: _File, item: LinedDict, owner: str, spellings: tuple[str, ...]) -> bool:
        fine = True
        for spelling in spellings:
            folded = _soft(spelling).lower()
            holder = self.spellings.get(folded)
            if holder and holder != owner:
                file.problem(
                    item.line,
                    f"the spelling {spelling!r} in one entry",
                    f"it is claimed by {holder} too",
                    Code.DATA_DUPLICATE,
                )
                fine = False
            self.spellings[folded] = owner
        return fine

    def claim_cyrillic(self, file: _File, item: LinedDict, owner: str, cyrillic: str) -> bool:
        """One entry per Cyrillic lemma: a second would split the term's links and its search words."""
        folded = cyrillic.strip().lower().replace("ё", "е")
        holder = self.cyrillic.get(folded)
        if holder and holder != owner:
            line = item.key_lines.get("cyrillic", item.line)
            file.problem(
                line,
                f"the Cyrillic {cyrillic!r} in one entry",
                f"it is the lemma of {holder} too",
                Code.DATA_DUPLICATE,
            )
            return False
        self.cyrillic[folded] = owner
        return True


def _strings(file: _File, item: LinedDict, name: str) -> tuple[str, ...] | None:
    values = _texts(item.get(name))
    if values is None:
        file.problem(item.line, f"text or a list of texts in {name!r}", repr(item.get(name))[:40])
    return values


def _term(file: _File, item: LinedDict, checker: _Checker) -> Term | None:
    if not checker.fields(file, item, _TERM_FIELDS) or not checker.markdown(file, item, "definition"):
        return None
    try:
        pos = Pos(str(item["pos"]))
    except ValueError:
        file.problem(item.line, f"pos one of {', '.join(p.value for p in Pos)}", repr(item["pos"]))
        return None
    variants = _strings(file, item, "variants")
    see_also = _strings(file, item, "see_also")
    if variants is None or see_also is None:
        return None
    lemma = _soft(str(item["lemma"]))
    try:
        kind = TermKind(str(item["kind"])) if item.get("kind") else _default_kind(lemma, pos)
    except ValueError:
        file.problem(item.line, f"kind one of {', '.join(k.value for k in TermKind)}", repr(item["kind"]))
        return None
    key = str(item.get("id") or slug(lemma))
    if (
        not checker.key(file, item, "term", key)
        or not checker.claim(file, item, f"term {key}", (lemma, *variants))
        or not checker.claim_cyrillic(file, item, f"term {key}", str(item["cyrillic"]))
    ):
        return None
    expansion = item.get("expansion")
    return Term(
        key=key,
        lemma=lemma,
        cyrillic=str(item["cyrillic"]),
        gloss=str(item["gloss"]),
        definition=str(item["definition"]).strip(),
        pos=pos,
        line=item.line,
        variants=tuple(_soft(v) for v in variants),
        see_also=see_also,
        expansion=str(expansion) if expansion else None,
        case_sensitive=bool(item.get("case_sensitive", pos is Pos.FIXED and lemma[:1].isupper())),
        kind=kind,
    )


def _default_kind(lemma: str, pos: Pos) -> TermKind:
    """Without a `kind`: a fixed capitalised lemma names something (an acronym with two capitals or more)."""
    if pos is not Pos.FIXED or not lemma[:1].isupper():
        return TermKind.WORD
    return TermKind.ACRONYM if sum(c.isupper() for c in lemma) >= 2 else TermKind.NAME


def _years(file: _File, item: LinedDict) -> tuple[int | None, int | None] | None:
    """[first, last], [first] (outlived the period), or no field (dates not certain)."""
    years = item.get("years")
    if years is None:
        return None, None
    if (
        isinstance(years, list)
        and len(years) in (1, 2)
        and all(isinstance(y, int) for y in years)
        and 1700 <= years[0] <= years[-1] <= 2000
    ):
        return years[0], (years[1] if len(years) == 2 else None)
    file.problem(
        item.line, "years as [first, last] or [first], e.g. [1923, 1927]", repr(years)[:40], Code.DATA_SCHEMA
    )
    return None


def _faction(file: _File, item: LinedDict, checker: _Checker) -> Faction | None:
    if not checker.fields(file, item, _FACTION_FIELDS) or not checker.markdown(file, item, "description"):
        return None
    years = _years(file, item)
    try:
        kind = FactionKind(str(item["kind"]))
    except ValueError:
        file.problem(item.line, f"kind one of {', '.join(k.value for k in FactionKind)}", repr(item["kind"]))
        return None
    aliases = _strings(file, item, "aliases")
    successor_of = _strings(file, item, "successor_of")
    figures = _strings(file, item, "figures")
    context = _strings(file, item, "context")
    if years is None or aliases is None or successor_of is None or figures is None or context is None:
        return None
    name = str(item["name"])
    key = str(item.get("id") or slug(name))
    if not checker.key(file, item, "faction", key) or not checker.claim(
        file, item, f"faction {key}", (name, *aliases)
    ):
        return None
    merged = item.get("merged_into")
    return Faction(
        key=key,
        name=name,
        description=str(item["description"]).strip(),
        start=years[0],
        end=years[1],
        line=item.line,
        aliases=aliases,
        successor_of=successor_of,
        merged_into=str(merged) if merged else None,
        figures=figures,
        kind=kind,
        country=str(item["country"]) if item.get("country") else None,
        wing=str(item["wing"]) if item.get("wing") else None,
        context=context,
    )


def _person(file: _File, item: LinedDict, checker: _Checker) -> Person | None:
    if not checker.fields(file, item, _PERSON_FIELDS) or not checker.markdown(file, item, "identification"):
        return None
    forms = _strings(file, item, "forms")
    if forms is None:
        return None
    name = str(item["name"])
    key = str(item.get("id") or slug(name.split(",")[0]))
    if not checker.key(file, item, "person", key) or not checker.claim(
        file, item, f"person {key}", tuple(_soft(f) for f in forms)
    ):
        return None
    born, died = item.get("born"), item.get("died")
    return Person(
        key=key,
        name=name,
        identification=str(item["identification"]).strip(),
        line=item.line,
        forms=tuple(_soft(f) for f in forms),
        born=born if isinstance(born, int) else None,
        died=died if isinstance(died, int) else None,
        full_name=str(item["full_name"]) if item.get("full_name") else None,
    )


def _each(
    path: Path,
    top: str,
    reporter: Reporter,
    checker: _Checker,
    build: Callable[[_File, LinedDict, _Checker], T | None],
) -> list[T]:
    file = _File(path, reporter)
    return [entry for item in _read_list(file, top) if (entry := build(file, item, checker)) is not None]


def _references(glossary: Glossary, paths: dict[str, Path], reporter: Reporter) -> None:
    """see_also, successor_of, merged_into and figures must name existing entries."""

    def missing(path: Path, line: int, what: str, key: str) -> None:
        reporter.items.append(
            _diagnostic(display_path(path), line, f"expected an existing {what}, found {key!r}")
        )

    for term in glossary.terms.values():
        for other in term.see_also:
            if other not in glossary.terms:
                missing(paths["terms"], term.line, "term key in see_also", other)
    for faction in glossary.factions.values():
        for other in (*faction.successor_of, *([faction.merged_into] if faction.merged_into else [])):
            if other not in glossary.factions:
                missing(paths["factions"], faction.line, "faction key", other)
        for person in faction.figures:
            if person not in glossary.persons:
                missing(paths["factions"], faction.line, "person key in figures", person)


def load_glossary(data_dir: Path, reporter: Reporter) -> Glossary:
    checker = _Checker(reporter)
    paths = {name: data_dir / f"{name}.yml" for name in ("terms", "factions", "persons")}
    glossary = Glossary(
        terms={t.key: t for t in _each(paths["terms"], "terms", reporter, checker, _term)},
        factions={f.key: f for f in _each(paths["factions"], "factions", reporter, checker, _faction)},
        persons={p.key: p for p in _each(paths["persons"], "persons", reporter, checker, _person)},
    )
    glossary.not_terms = _not_terms(data_dir / "not-terms.yml", reporter)
    _references(glossary, paths, reporter)
    return glossary


def _not_terms(path: Path, reporter: Reporter) -> dict[str, str]:
    """`reason: |` with one word or phrase per line (or `reason: [words]`) → word → reason, the word in lower
    case unless it was judged with a capital. The file is optional."""
    if not path.is_file():
        return {}
    file = _File(path, reporter)
    data = _load(file, "not-terms")
    if not isinstance(data, dict) or datacheck.check("not-terms", data, ""):
        return {}
    result: dict[str, str] = {}
    for reason, words in data.items():
        if reason not in REASONS:
            file.problem(getattr(data, "line", 1), f"a reason one of {', '.join(REASONS)}", repr(reason)[:40])
            continue
        # one word or phrase per line of a block (quick to parse, one judgment per line in a diff), or a list
        values = (
            tuple(filter(None, map(str.strip, words.splitlines())))
            if isinstance(words, str)
            else _texts(words)
        )
        if values is None:
            file.problem(getattr(data, "line", 1), f"a list of words under {reason!r}", repr(words)[:40])
            continue
        # a judgment written with a capital applies to capitalised occurrences only (`Soviet`, the state)
        result.update((_judged(_soft(word)), reason) for word in values)
    return result


def _judged(word: str) -> str:
    return word if word[:1].isupper() else word.lower()
