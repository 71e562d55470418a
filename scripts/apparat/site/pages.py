"""Generated Markdown pages: the home page and one overview page per work.

Everything here is generated into gitignored places (content/index.md, content/<work>/index.md). The
overview of an article shows its abstract (it is part of the work, like the chapters); a book shows its
contents with printed page ranges.
"""

from __future__ import annotations

from pathlib import Path

from apparat.edition import Edition
from apparat.model import ABSTRACT_TARGET, NoteStatus
from apparat.render.markdown import escape, inline
from apparat.site import cite


def write_if_changed(path: Path, text: str) -> Path:
    """Write only when the text differs: `mkdocs serve` then rebuilds only what changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _front(title: str, **extra: str) -> str:
    lines = [f"title: {_yaml_string(title)}"] + [f"{key}: {_yaml_string(v)}" for key, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _pages(first: int, last: int) -> str:
    return f"p.\u00a0{first}" if first == last else f"pp.\u00a0{first}–{last}"


def home(editions: list[Edition], extra_links: list[tuple[str, str]]) -> str:
    parts = [
        # no front-matter title: the home page's title is the site's name alone, not "name - name"
        "# apparat editions\n",
        (
            "Annotated, citable editions of scholarly works: the text divided as printed, with its notes, "
            "its original page numbers, a glossary of Russian terms, factions and persons, and the works it "
            "cites.\n"
        ),
    ]
    published = [e for e in editions if not e.work.sample]
    samples = [e for e in editions if e.work.sample]
    if published and samples:  # the real works are the edition; the samples show what it does
        parts += ["## Editions\n", *map(_listed, published)]
        parts += [
            "\n## Samples\n",
            "Short texts of our own that imitate the two source layouts and exercise every feature.\n",
            *map(_listed, samples),
        ]
    else:
        parts += ["## Editions\n", *map(_listed, editions)]
    if extra_links:
        parts.append("\n## Apparatus\n")
        parts.extend(f"- [{label}]({target})" for label, target in extra_links)
    return "\n".join(parts) + "\n"


def _listed(edition: Edition) -> str:
    work = edition.work
    document = edition.document
    notes = document.notes()
    lost = sum(1 for n in notes if n.status is NoteStatus.MISSING)
    year = f" ({work.year})" if work.year else ""
    sample = " *Sample text written by the apparat editors.*" if work.sample else ""
    return (
        f"- [*{escape(work.title)}*]({work.id}/index.md), {escape(work.author)}{year}: "
        f"{len(edition.chapters)} {'chapters' if work.kind == 'book' else 'parts'}, "
        f"{len(document.pages):,} printed pages, {len(notes):,} notes ({lost:,} lost in the extraction)."
        f"{sample}"
    )


def overview(edition: Edition, books: list[str], data: list[str]) -> str:
    """A work's overview: title, byline, its EPUB and PDF, the page box, the abstract or contents, and how
    to cite it. `books` and `data` are Markdown links to the downloads (the editions; the bibliography and
    the model's data files)."""
    work = edition.work
    document = edition.document
    parts = [
        _front(work.title, work=work.id),
        f"# {escape(work.title)}\n",
        f"**{escape(work.author)}**"
        + (f" · {escape(work.place)}: {escape(work.publisher)}" if work.place and work.publisher else "")
        + (f" · {work.year}" if work.year else "")
        + "\n",
    ]
    if books:
        parts.append("Read it offline: " + " · ".join(books) + "\n")
    # apparat.js puts the "Go to printed page" box here, after the byline rather than between it and the title
    parts.append('<div class="apparat-jump-slot"></div>\n')
    if document.front.abstract:
        annotated = [a for a in document.annotations if a.target == ABSTRACT_TARGET]
        # The anchor is the paragraph's (links to the abstract land on its text; the check compares it).
        parts += [
            "## Abstract { #abstract-heading }\n",
            inline(document.front.abstract, annotated) + f"\n{{ #{ABSTRACT_TARGET} }}\n",
        ]
    # Three columns, the label with its title: the table reads on a phone too (docs/site.md).
    parts += [
        "## Contents\n",
        '<div class="apparat-contents" markdown>\n',
        "| Chapter | Printed pages | Notes |",
        "|---|---|---|",
    ]
    notes_by_section = {s.id: len(s.notes) for s in document.sections}
    for chapter in edition.chapters:
        label = "" if chapter.label == chapter.title else f"{escape(chapter.label)}: "
        parts.append(
            f"| {label}[{escape(chapter.title)}]({chapter.path.name}) "
            f"| {_pages(chapter.first_page, chapter.last_page)} | {notes_by_section.get(chapter.section_id, 0):,} |"
        )
    parts += [
        "\n</div>\n",
        "",
        "## How to cite\n",
        (
            "Cite the printed work with its page numbers: every page of this edition shows where each printed "
            "page begins (the anchor `#p123` goes straight to page 123), and each paragraph has a "
            "*Cite* button that gives the passage with its page.\n"
        ),
        cite.chicago(work) + "\n",
        "BibTeX:\n",
        "```bibtex\n" + cite.bibtex(work) + "\n```\n",
        "RIS:\n",
        "```\n" + cite.ris(work) + "\n```\n",
    ]
    if data:
        parts.append("Works cited: " + " · ".join(data) + "\n")
    return "\n".join(parts)
