"""`apparat bib`: bring bibliography.bib up to date with what the works cite, never undoing the editors' work.

For each available work, what its text says of each cited key is harvested, with the source lines of
every field. Then:

- a key missing from the database gets an entry: the article's from the parsed full citation (a chapter
  also brings the volume it is in, which it crossreferences), the book's as a `stub` with the printed
  author and year, plus the title when the text gives one (`evidence.py`);
- an existing entry gains the fields the source prints and it lacks (a stub its title, a chapter its
  `crossref`), and its `keywords`, `x-apparat-source` and `related` are kept in step with the sources;
- nothing else of an existing entry is touched: a field that says something the source does not is an
  editorial field, and `check` reports it unless `x-apparat-editorial` gives the reason.

Edits go through `BibText`, so the comments and the field order of the file stay as people wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import Entry

from apparat.bib import editions
from apparat.bib.annotate import memory_from
from apparat.bib.bibtext import FIELD_ORDER, BibText, EntryText, tex_value
from apparat.bib.database import STUB, Bibliography, keywords_of, parse
from apparat.bib.harvest import Described, Harvest, harvest
from apparat.bib.provenance import (
    EDITORIAL,
    META,
    SOURCE,
    Kind,
    Place,
    ProvenanceError,
    SourceMap,
    Support,
    format_sources,
    origins,
    parse_editorial,
    parse_sources,
    support,
)
from apparat.diagnostics import Code, Diagnostic, Reporter, Severity
from apparat.model import Document

__all__ = ["FIELD_ORDER", "Update", "check", "format_entry", "harvest_all", "unknown_keys", "update"]


@dataclass(slots=True)
class Update:
    """What `apparat bib` did or would do."""

    added: list[str] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    """Existing entries whose work keywords changed."""
    removed: list[str] = field(default_factory=list)
    """Entries no work cites any more and that hold nothing the editors wrote (only with `prune`)."""
    completed: dict[str, str] = field(default_factory=dict)
    """Stubs given the title the text names: key → title."""
    filled: dict[str, list[str]] = field(default_factory=dict)
    """Existing entries given fields the source prints and they lacked: key → field names."""
    sourced: list[str] = field(default_factory=list)
    """Entries whose `x-apparat-source` changed."""
    related: list[str] = field(default_factory=list)
    """Entries whose `related` changed."""
    text: str = ""

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.tagged
            or self.removed
            or self.completed
            or self.filled
            or self.sourced
            or self.related
        )

    def summary(self) -> str:
        return (
            f"{len(self.added)} entries added, {len(self.completed)} stubs completed from the text, "
            f"{len(self.filled)} given fields their source prints, {len(self.tagged)} re-tagged, "
            f"{len(self.sourced)} with new provenance, {len(self.related)} with new edition links, "
            f"{len(self.removed)} uncited entries removed"
        )


def format_entry(key: str, kind: str, fields: dict[str, str]) -> str:
    """One entry in the file's layout, fields in FIELD_ORDER (unknown ones after `note`)."""
    entry = EntryText(kind, key)
    for name, value in fields.items():
        entry.set(name, value)
    return entry.text()


def _keywords(entry: EntryText) -> list[str]:
    return [w.strip() for w in (entry.get("keywords") or "").split(",") if w.strip()]


def update(
    text: str, path: Path, harvests: list[Harvest], reporter: Reporter, *, prune: bool = False
) -> Update:
    """The new text of bibliography.bib given what the works' texts say.

    Each harvested work's id is added to the keywords of the entries it cites (and of the volumes its
    chapters are in) and removed from the others. With `prune` (every work of the manifest was
    harvested), an entry no work cites any more is removed if it holds nothing the editors wrote (a stub,
    or an entry all of whose fields are sourced). Entries the editors completed are never removed.
    """
    bibliography = parse(text, path, reporter)
    result = Update(text=text)
    if reporter.failed:
        return result
    document = BibText.parse(text)
    entries = document.entries()
    harvested = {item.work for item in harvests}
    citing: dict[str, list[str]] = {}
    for item in harvests:
        for key in [*item.keys, *item.entries]:
            if item.work not in citing.setdefault(key, []):
                citing[key].append(item.work)

    for key, entry in list(entries.items()):
        old = _keywords(entry)
        kept = [w for w in old if w not in harvested]
        works = [w for w in old if w in citing.get(key, [])]
        works += [w for w in citing.get(key, []) if w not in works]
        words = [w for w in kept if w != STUB] + works + ([STUB] if STUB in kept else [])
        if prune and not [w for w in words if w != STUB] and _derived(bibliography.entries.get(key)):
            document.remove(key)
            del entries[key]
            result.removed.append(key)
            continue
        if sorted(words) != sorted(old):
            entry.set("keywords", ", ".join(words))
            result.tagged.append(key)

    for item in harvests:
        for key in [*item.keys, *(k for k in item.entries if k not in item.keys)]:
            described = item.entries.get(key)
            if described is None:
                continue
            if key not in entries:
                entries[key] = _new_entry(key, described, citing[key])
                document.append(entries[key])
                result.added.append(key)
            else:
                _complete(entries[key], described, result)

    for key, entry in entries.items():
        if entry.raw is None and _update_sources(entry, key, harvests):
            result.sourced.append(key)

    fresh = parse(document.text(), path, Reporter(str(path)))
    relations = editions.related(fresh)
    for key, entry in entries.items():
        if entry.raw is not None:
            continue
        wanted = ", ".join(relations.get(key, []))
        changed = entry.set("related", wanted) if wanted else entry.remove("related")
        if changed:
            result.related.append(key)
    result.text = document.text()
    return result


def _derived(entry: Entry | None) -> bool:
    """An entry that holds nothing the editors wrote: a stub, or one whose every field has its source."""
    if entry is None:
        return False
    if STUB in keywords_of(entry):
        return True
    try:
        found = origins(entry)
    except ProvenanceError:
        return False
    return bool(found) and all(origin.kind is Kind.SOURCE for origin in found.values())


def _new_entry(key: str, described: Described, works: list[str]) -> EntryText:
    kind = described.kind
    fields = dict(described.fields)
    stub = kind == "misc" and "title" not in fields
    if (
        kind == "misc"
        and "title" in fields
        and described.evidence is not None
        and not described.evidence.quoted
    ):
        kind = "book"  # a title the text sets like a book's (not in quotation marks)
    entry = EntryText(kind, key)
    for name, value in fields.items():
        entry.set(name, tex_value(value))
    if described.crossref:
        entry.set("crossref", described.crossref)
    entry.set("keywords", ", ".join(works + ([STUB] if stub else [])))
    return entry


def _complete(entry: EntryText, described: Described, result: Update) -> None:
    """Give an existing entry what its source prints and it lacks: a stub's title, a chapter's volume."""
    if entry.raw is not None:
        return
    added = []
    for name, value in described.fields.items():
        if entry.get(name) is None:
            entry.set(name, tex_value(value))
            added.append(name)
    if described.crossref and entry.get("crossref") is None:
        entry.set("crossref", described.crossref)
        added.append("crossref")
    words = _keywords(entry)
    if "title" in added and STUB in words:
        result.completed[entry.key] = described.fields["title"]
        entry.set("keywords", ", ".join(w for w in words if w != STUB))
        if entry.kind == "misc" and described.evidence is not None and not described.evidence.quoted:
            entry.kind = "book"
        added.remove("title")
    if added:
        result.filled[entry.key] = added


def _values(entry: EntryText) -> dict[str, str]:
    return {name.lower(): value for name, value in entry.fields if name.lower() not in META}


def entry_values(entry: Entry) -> dict[str, str]:
    """A parsed entry's described fields as text, persons joined as BibTeX writes them."""
    out = {name.lower(): str(value) for name, value in entry.fields.items() if name.lower() not in META}
    for role, persons in entry.persons.items():
        out[role.lower()] = " and ".join(str(p) for p in persons)
    return out


def supports(
    entry_values: dict[str, str], key: str, harvests: list[Harvest]
) -> dict[str, dict[str, Support]]:
    """Field → {file: how well that file's text backs the entry's value}, for the harvested files."""
    out: dict[str, dict[str, Support]] = {}
    for item in harvests:
        described = item.entries.get(key)
        if described is None:
            continue
        for name, value in entry_values.items():
            printed = described.fields.get(name)
            if printed is not None:
                out.setdefault(name, {})[item.file] = support(name, value, printed)
    return out


def computed_sources(entry: EntryText, key: str, harvests: list[Harvest]) -> SourceMap:
    """`x-apparat-source` as it should be: the stored places of files not harvested, fresh ones for the others."""
    files = {item.file for item in harvests}
    try:
        stored = parse_sources(entry.get(SOURCE) or "")
    except ProvenanceError:
        stored = {}
    values = _values(entry)
    out: SourceMap = {}
    for name, stored_places in stored.items():
        kept = tuple(p for p in stored_places if p.file not in files)
        if kept and name in values:
            out[name] = kept
    backing = supports(values, key, harvests)
    for item in harvests:
        described = item.entries.get(key)
        if described is None:
            continue
        for name in values:
            if backing.get(name, {}).get(item.file) in (Support.EXACT, Support.PARTIAL):
                places: tuple[Place, ...] = described.places.get(name, ())
                out[name] = tuple(sorted(set(out.get(name, ()) + places)))
    return out


def _update_sources(entry: EntryText, key: str, harvests: list[Harvest]) -> bool:
    wanted = format_sources(computed_sources(entry, key, harvests), FIELD_ORDER)
    return entry.set(SOURCE, wanted) if wanted else entry.remove(SOURCE)


def harvest_all(
    documents: list[Document], bibliography: Bibliography, lines: dict[str, list[str]] | None = None
) -> list[Harvest]:
    """Each document's harvest; `lines` (work id → raw source lines) place every field on its lines."""
    return [
        harvest(
            doc,
            memory_from(bibliography, doc.work) if doc.profile == "article" else None,
            (lines or {}).get(doc.work),
        )
        for doc in documents
    ]


# -- the checks of `apparat bib --check` (and of loading the database) -------------------------------------


def check(bibliography: Bibliography, harvests: list[Harvest], reporter: Reporter) -> int:
    """Report every field without provenance (error), every editorial field without a reason (error), every
    completion beyond the source without a reason, and every title conflict the text holds; returns the
    number of errors."""
    errors = 0
    for key, entry in bibliography.entries.items():
        line = bibliography.lines.get(key)
        try:
            found = origins(entry)
        except ProvenanceError as error:
            reporter.error(
                Code.BIB_REASON, line, f"{key}: expected well-formed provenance fields, found {error}"
            )
            errors += 1
            continue
        editorial = parse_editorial(str(entry.fields.get(EDITORIAL, "")))
        for name, reason in editorial.items():
            if not reason:
                reporter.error(
                    Code.BIB_REASON,
                    line,
                    f"{key}: expected a reason for the editorial field {name}, found none",
                )
                errors += 1
            elif name not in found:
                reporter.warn(
                    Code.BIB_REASON,
                    line,
                    f"{key}: x-apparat-editorial explains {name}, which the entry lacks",
                )
        backing = supports(entry_values(entry), key, harvests)
        for name, origin in found.items():
            if origin.kind is Kind.UNEXPLAINED:
                printed = _printed(key, name, harvests)
                also = f" (the source prints {printed})" if printed else ""
                reporter.error(
                    Code.BIB_UNSOURCED,
                    line,
                    f"{key}: expected {name} to have a source line or an editorial reason, found neither{also}",
                )
                errors += 1
            elif (
                origin.reason is None
                and backing.get(name)
                and all(s is Support.PARTIAL for s in backing[name].values())
            ):
                reporter.error(
                    Code.BIB_UNSOURCED,
                    line,
                    f"{key}: {name} says more than the source prints ({_printed(key, name, harvests)}); "
                    "expected a reason in x-apparat-editorial",
                )
                errors += 1
    for item in harvests:
        for key, items in item.title_conflicts.items():
            titles = "; ".join(sorted({f"{i.title!r} ({i.target})" for i in items}))
            reporter.warn(
                Code.BIB_CONFLICT,
                bibliography.lines.get(key),
                f"{key}: the text names it by different titles: {titles}",
            )
    return errors


def _printed(key: str, name: str, harvests: list[Harvest]) -> str:
    for item in harvests:
        described = item.entries.get(key)
        if described and name in described.fields:
            places = ", ".join(str(p) for p in described.places.get(name, ()))
            return f"{described.fields[name]!r} at {places}" if places else repr(described.fields[name])
    return ""


def unknown_keys(
    documents: list[Document],
    bibliography: Bibliography,
    reporter: Reporter,
    shown: dict[str, str] | None = None,
    harvests: list[Harvest] | None = None,
) -> int:
    """Report every cited key that the database lacks, at the note's source line; returns how many.

    `shown` gives each work's source path as the messages should name it (default: the file name)."""
    count = 0
    harvests = harvests if harvests is not None else harvest_all(documents, bibliography)
    for document, item in zip(documents, harvests, strict=True):
        where = (shown or {}).get(document.work, document.source)
        lines = {
            f"{s.id}-n{n.n}": (n.lines.first if n.lines else None) for s in document.sections for n in s.notes
        }
        for cite in item.citations:
            if cite.key not in bibliography.entries:
                message = f"expected an entry {cite.key!r} in {bibliography.shown_path()} for {cite.target}, found none"
                reporter.items.append(
                    Diagnostic(Code.BIB_UNKNOWN, Severity.ERROR, where, lines.get(cite.target), message)
                )
                count += 1
    return count
