"""A converted work ready to publish: the work, its model and the chapter files written for it.

The annotation and page-writing packages (glossary, bib, site) share this one value, so that every
"mentioned in" or "cited in" back-link is computed from the same chapter file names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apparat.model import ABSTRACT_TARGET, Document, section_of
from apparat.render.markdown import ChapterFile
from apparat.render.notes import note_anchor
from apparat.works import Work


@dataclass(slots=True)
class Edition:
    work: Work
    document: Document
    chapters: list[ChapterFile] = field(default_factory=list)

    def chapter_of(self, target: str) -> ChapterFile | None:
        """The chapter holding a block id (`ch01-l123`), note id (`ch01-n12`) or fragment id (`ch01-f4521`)."""
        section = section_of(target)
        return next((c for c in self.chapters if c.section_id == section), None)

    def url(self, target: str) -> str:
        """The target's address relative to the content root: `<work>/<chapter>.html#<anchor>`.

        Blocks carry their id as anchor; notes the anchor of `render.notes` (`fn:<N>`, N as printed).
        """
        if target == ABSTRACT_TARGET:
            return f"{self.work.id}/index.html#{ABSTRACT_TARGET}"
        chapter = self.chapter_of(target)
        if chapter is None:
            raise KeyError(f"{self.work.id}: no chapter holds {target}")
        page = f"{self.work.id}/{chapter.path.stem}.html"
        section, _, rest = target.rpartition("-n")
        if section == chapter.section_id and rest.isdigit():
            return f"{page}#{note_anchor(int(rest))}"
        return f"{page}#{target}"
