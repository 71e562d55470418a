"""How to cite a work of the edition (overview pages). The same rules as "Cite this passage" in apparat.js.

A work is one kind in every format: an article published in a journal (Chicago article, BibTeX @article,
RIS JOUR), an article not yet published (Chicago "Unpublished manuscript", @unpublished, UNPB), a book
(@book, BOOK)."""

from __future__ import annotations

import re

from apparat.works import Work


def inverted(name: str, corporate: bool = False) -> str:
    """ "First Last" → "Last, First" (bibliography order); a corporate author stays as it is."""
    parts = name.split()
    if corporate:
        return name
    return name if len(parts) < 2 else f"{parts[-1]}, {' '.join(parts[:-1])}"


def chicago(work: Work, url: str | None = None) -> str:
    author = inverted(work.author, work.corporate_author).rstrip(".")
    if work.kind == "article":  # citation_kind: article, or manuscript when no journal published it
        text = f"{author}. “{work.title}.”"
        if work.container:
            text += f" *{work.container}*" + (f" ({work.year})" if work.year else "") + "."
        else:  # not (yet) published in a journal
            text += " Unpublished manuscript" + (f", {work.year}" if work.year else "") + "."
    else:
        imprint = ", ".join(p for p in (work.publisher, str(work.year) if work.year else None) if p)
        if work.place and imprint:
            imprint = f"{work.place}: {imprint}"
        text = f"{author}. *{work.title}*." + (f" {imprint}." if imprint else "")
    if url:
        text += f" Digital edition: {url}."
    return text


def bibtex_key(work: Work) -> str:
    name = work.author.split()[0 if work.corporate_author else -1]
    last = re.sub(r"[^a-z0-9]", "", name.lower())
    word = next(iter(re.findall(r"[a-z]{4,}", work.title.lower())), "work")
    return f"{last}{work.year or ''}{word}"


def citation_kind(work: Work) -> str:
    """`article`, `manuscript` (an article with no journal) or `book`."""
    if work.kind == "article":
        return "article" if work.container else "manuscript"
    return "book"


_BIBTEX = {"article": "article", "manuscript": "unpublished", "book": "book"}
_RIS = {"article": "JOUR", "manuscript": "UNPB", "book": "BOOK"}


def bibtex(work: Work) -> str:
    kind = citation_kind(work)
    book = kind == "book"
    fields = [
        ("author", f"{{{work.author}}}" if work.corporate_author else work.author),  # braces: one name
        ("title", work.title),
        ("journal", work.container if kind == "article" else None),
        ("publisher", work.publisher if book else None),
        ("address", work.place if book else None),
        ("year", str(work.year) if work.year else None),
        ("note", "Unpublished manuscript" if kind == "manuscript" else None),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{_BIBTEX[kind]}{{{bibtex_key(work)},\n{body}}}"


def ris(work: Work) -> str:
    article = work.kind == "article"
    lines = [
        f"TY  - {_RIS[citation_kind(work)]}",
        f"AU  - {inverted(work.author, work.corporate_author)}",
        f"TI  - {work.title}",
    ]
    if article and work.container:
        lines.append(f"JO  - {work.container}")
    if not article and work.publisher:
        lines.append(f"PB  - {work.publisher}")
    if not article and work.place:
        lines.append(f"CY  - {work.place}")
    if work.year:
        lines.append(f"PY  - {work.year}")
    lines.append("ER  - ")
    return "\n".join(lines)
