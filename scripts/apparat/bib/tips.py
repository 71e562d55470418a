"""Tooltip content: each entry's formatted reference, in the style of the work that cites it."""

from __future__ import annotations

from apparat.bib import completeness, style
from apparat.bib.database import Bibliography
from apparat.works import load_works


def tips(bibliography: Bibliography) -> dict[str, str]:
    """`cite:<key>` → the reference as small safe HTML (values escaped, titles in `<i>` or quotes).

    An entry cited only by article-profile works gets the notes-bibliography form; any other the
    author–date form, whose year matches the book's citations (`1923a`).
    """
    articles = {work.id for work in load_works() if work.profile == "article"}
    out: dict[str, str] = {}
    for key, entry in bibliography.entries.items():
        works = bibliography.keywords(key) - {"stub"}
        render = style.notes_bibliography if works and works <= articles else style.author_date
        suffix = ' <em class="ap-stub">(entry to be completed)</em>' if completeness.missing(entry) else ""
        out[f"cite:{key}"] = render(key, entry) + suffix
    style.save()
    return out
