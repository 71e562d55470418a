"""The conversion pipeline: the profile's layout stages, then the layout-independent stages, in order.

Like markdown-it's core chain, the pipeline is data: a list of (name, function) over one `State`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from apparat import corrections as editorial
from apparat.diagnostics import Code, Reporter, fail
from apparat.model import Correction, Document
from apparat.profiles import PROFILES
from apparat.source import SourceText, read_source
from apparat.stages.assemble import build_sections, check_ledger, to_document
from apparat.stages.blocks import build_blocks
from apparat.stages.ending import check_ending
from apparat.stages.notes import build_notes
from apparat.state import State

Stage = Callable[[State], None]

COMMON_STAGES: list[tuple[str, Stage]] = [
    ("notes", build_notes),
    ("blocks", build_blocks),
    ("sections", build_sections),
    ("ledger", check_ledger),
    ("ending", check_ending),
]


def stages_for(profile: str) -> list[tuple[str, Stage]]:
    if profile not in PROFILES:
        raise KeyError(f"Unknown layout profile: {profile!r} (known: {', '.join(PROFILES)})")
    return [*PROFILES[profile], *COMMON_STAGES]


def default_forms() -> frozenset[str]:
    """The project glossary's word forms (derived and cached on first use; see apparat.glossary.forms)."""
    from apparat.glossary.forms import glossary_forms

    return glossary_forms()


def convert_text(
    source: SourceText,
    profile: str,
    work: str,
    reporter: Reporter,
    forms: Callable[[], frozenset[str]] = default_forms,
) -> Document:
    state = State(source, work, profile, reporter, forms=forms)
    for _name, stage in stages_for(profile):
        stage(state)
    return to_document(state)


def convert_file(
    path: Path,
    profile: str,
    work: str | None = None,
    *,
    strict: bool = False,
    display: str | None = None,
    corrections: Sequence[Correction] = (),
    forms: Callable[[], frozenset[str]] = default_forms,
) -> tuple[Document, Reporter]:
    """Convert one source file. Raises ApparatError on bad input; problems found later are in the reporter.

    `corrections` (from content/data/corrections.yml) are applied to their source lines first. `forms`
    gives the glossary's word forms, asked for only when a hyphenation decision needs them.
    """
    shown = display or str(path)
    reporter = Reporter(shown, strict=strict)
    source = editorial.apply(read_source(path, reporter, shown), corrections)
    if profile not in PROFILES:
        raise fail(Code.LAYOUT_PROFILE, shown, None, f"a profile among {', '.join(PROFILES)}", repr(profile))
    document = convert_text(source, profile, work or path.stem, reporter, forms)
    document.corrections = list(corrections)
    return document, reporter
