"""Make the print edition of each work as a PDF: build/editions/<work>.pdf (or -o FILE for one --work).

Laid out by WeasyPrint: the printed page numbers of the original in the margin ("p. 23" beside the line
where page 23 begins), notes at the foot of the page with their printed numbers, running heads with the
work and the chapter, an outline of chapters and sections, Debian's fonts embedded, tagged for
accessibility (PDF/UA-1). The book takes about a minute. Reproducible: set SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import argparse

from apparat.commands import _editions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _editions.add_arguments(parser, ".pdf")


def run(args: argparse.Namespace) -> int:
    return _editions.run("pdf", args)
