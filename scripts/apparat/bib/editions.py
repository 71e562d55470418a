"""Editions: which entries are editions of one work, and whether each citation links to the one it cites.

Two entries are editions of one work when they have the same author (or editor) surnames and the same main
title (before a colon; the same subtitle too when both have one), and are not two volumes of one series:
not two different volume numbers, and not two titles the text gives in one breath (`The Writings (Name 1971b; Name 1972f)`, one series). `apparat bib`
writes the relation into each entry's `related` field; the page shows it as "Other edition" (or "Same
edition", when year and place agree: one printing cited under two keys by two works).

A citation links to the edition it cites when the entry's year (and, for the article, place and volume)
agree with what the citation prints: `link_errors` lists those that do not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pybtex.database import Entry

from apparat.bib import authordate
from apparat.bib.database import Bibliography
from apparat.bib.harvest import Harvest
from apparat.bib.provenance import SOURCE, Support, fold, parse_sources, support


def _surnames(entry: Entry) -> tuple[str, ...]:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    return tuple(fold(" ".join(p.prelast_names + p.last_names)) for p in persons if str(p) != "others")


def _main_title(entry: Entry) -> str:
    return fold(str(entry.fields.get("title", "")).split(":")[0])


def _title_places(entry: Entry) -> tuple[object, ...]:
    try:
        return parse_sources(str(entry.fields.get(SOURCE, ""))).get("title", ())
    except ValueError:
        return ()


def related(bibliography: Bibliography) -> dict[str, list[str]]:
    """Key → the keys of the other editions of the same work, in key order."""
    groups: dict[tuple[tuple[str, ...], str], list[str]] = defaultdict(list)
    for key, entry in bibliography.entries.items():
        title, names = _main_title(entry), _surnames(entry)
        if title and names and entry.type != "article":
            groups[(names, title)].append(key)
    out: dict[str, list[str]] = {}
    for keys in groups.values():
        for key in keys:
            others = [
                k for k in keys if k != key and _editions(bibliography.entries[key], bibliography.entries[k])
            ]
            if others:
                out[key] = sorted(others)
    return out


def _editions(one: Entry, other: Entry) -> bool:
    volumes = (one.fields.get("volume"), other.fields.get("volume"))
    if all(volumes) and volumes[0] != volumes[1]:
        return False
    subtitles = [fold(str(e.fields.get("title", "")).partition(":")[2]) for e in (one, other)]
    if all(subtitles) and subtitles[0] != subtitles[1]:
        return False  # `Trotsky: Fighting …` and `Trotsky: The Darker …`: two volumes of one biography
    shared = set(_title_places(one)) & set(_title_places(other))
    return not shared  # two volumes the text names together under one series title


def same_printing(one: Entry, other: Entry) -> bool:
    """Year and place agree: the same edition, cited under two keys."""
    return all(
        fold(str(one.fields.get(name, ""))) == fold(str(other.fields.get(name, "")))
        for name in ("year", "address")
    )


# -- does each citation link to the edition it cites? ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkError:
    target: str
    key: str
    field: str
    printed: str
    entry: str


def link_errors(harvest: Harvest, bibliography: Bibliography, profile: str) -> list[LinkError]:
    """Citations whose entry disagrees with what they print: year for the book (and the names); year,
    place and volume for the article's full citations; short forms take their full citation's edition."""
    out: list[LinkError] = []
    for found in harvest.citations:
        entry = bibliography.entries.get(found.key)
        if entry is None:
            continue
        if profile != "article":
            out.extend(_book_errors(found.target, found.key, found.text, entry))
            continue
        described = harvest.entries.get(found.key)
        if described is None:
            continue
        for name in ("year", "address", "volume"):
            printed = described.fields.get(name)
            have = str(entry.fields.get(name, ""))
            if printed and support(name, have, printed) is Support.NONE:
                out.append(LinkError(found.target, found.key, name, printed, have))
    return out


def _book_errors(target: str, key: str, text: str, entry: Entry) -> list[LinkError]:
    out = []
    for cite in authordate.find(text) or []:
        if cite.key != key:
            continue
        year = cite.year.rstrip("abcdefghijklmnopqr")
        have = str(entry.fields.get("year", ""))
        if support("year", have, year) is Support.NONE:
            out.append(LinkError(target, key, "year", cite.year, have))
    return out
