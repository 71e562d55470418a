"""Citation annotations for a document: the finder of the work's citation style, then the keys it found."""

from __future__ import annotations

from apparat.bib.database import Bibliography
from apparat.model import Annotation, Document
from apparat.works import Work


def annotate(document: Document, work: Work, bibliography: Bibliography) -> list[Annotation]:
    del document, work, bibliography
    return []
