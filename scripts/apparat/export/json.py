"""The document model as JSON: deterministic (same input, same bytes) and documented in docs/model.md."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from typing import Any

from apparat.model import Block, Document, Note, NoteStatus, Role, Section

SCHEMA_ID = "apparat-model/1"


def to_data(document: Document) -> dict[str, Any]:
    notes = document.notes()
    return {
        "schema": SCHEMA_ID,
        "work": document.work,
        "source": document.source,
        "profile": document.profile,
        "line_count": document.line_count,
        "front": {
            "title": document.front.title,
            "author": document.front.author,
            "abstract": document.front.abstract,
            "lines": _span(document.front.lines),
        },
        "summary": {
            "sections": len(document.sections),
            "pages": len(document.pages),
            "blocks": dict(sorted(Counter(str(b.kind) for b in document.blocks()).items())),
            "markers": sum(1 for n in notes if n.marker_line is not None),
            "notes": len(notes),
            "notes_present": sum(1 for n in notes if n.status is not NoteStatus.MISSING),
            "notes_missing": sum(1 for n in notes if n.status is NoteStatus.MISSING),
            "notes_truncated": sum(1 for n in notes if n.status is NoteStatus.TRUNCATED),
            "notes_continued": sum(1 for n in notes if n.continued),
            "notes_start_lost": sum(1 for n in notes if n.status is NoteStatus.START_LOST),
            "fragments": sum(len(s.fragments) for s in document.sections),
            "hyphens": dict(sorted(Counter(h.decision for h in document.hyphenation).items())),
        },
        "sections": [_section(s) for s in document.sections],
        "pages": [{"number": p.number, "line": p.line} for p in document.pages],
        "ledger": _ledger(document.roles),
        "hyphenation": [
            {
                "line": h.line,
                "kind": h.kind,
                "left": h.left,
                "right": h.right,
                "decision": h.decision,
                "result": h.result,
                "evidence": h.evidence,
            }
            for h in document.hyphenation
        ],
        "annotations": [
            {
                "kind": str(a.kind),
                "key": a.key,
                "target": a.target,
                "start": a.start,
                "end": a.end,
                "locator": a.locator,
                "evidence": str(a.evidence) if a.evidence is not None else None,
            }
            for a in document.annotations
        ],
        "corrections": [
            {"line": c.line, "find": c.find, "replace": c.replace, "reason": c.reason, "origin": c.origin}
            for c in document.corrections
        ],
    }


def to_json(document: Document) -> str:
    return json.dumps(to_data(document), ensure_ascii=False, indent=1) + "\n"


def schema() -> dict[str, Any]:
    text = resources.files("apparat.export").joinpath("model.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _span(span: Any) -> list[int] | None:
    return None if span is None else [span.first, span.last]


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "label": section.label,
        "title": section.title,
        "start_line": section.lines.first,
        "end_line": section.lines.last,
        "first_page": section.pages.first,
        "last_page": section.pages.last,
        "blocks": [_block(b) for b in section.blocks],
        "notes": [_note(section.id, n) for n in section.notes],
        "fragments": [
            {
                "id": f.target(section.id),
                "text": f.text,
                "lines": _span(f.lines),
                "page": f.page,
                "evidence": f.evidence,
            }
            for f in section.fragments
        ],
    }


def _block(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": block.id,
        "kind": str(block.kind),
        "text": block.text,
        "lines": _span(block.lines),
        "pages": [block.pages.first, block.pages.last],
    }
    if block.level is not None:
        data["level"] = block.level
        data["number"] = block.number
    if block.page_breaks:
        data["page_breaks"] = [
            {"offset": b.offset, "page": b.page, "line": b.line} for b in block.page_breaks
        ]
    return data


def _note(section_id: str, note: Note) -> dict[str, Any]:
    return {
        "id": f"{section_id}-n{note.n}",
        "n": note.n,
        "status": str(note.status),
        "text": note.text,
        "lines": _span(note.lines),
        "pages": None if note.pages is None else [note.pages.first, note.pages.last],
        "marker_line": note.marker_line,
        "continued": note.continued,
        "evidence": note.evidence,
    }


def _ledger(roles: list[Role]) -> dict[str, Any]:
    runs: list[list[Any]] = []
    for number, role in enumerate(roles, 1):
        if runs and runs[-1][2] == role and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number, str(role)])
    return {
        "lines": len(roles),
        "roles": dict(sorted(Counter(str(r) for r in roles).items())),
        "runs": runs,
        "unaccounted": [],
    }
