"""Make the EPUB 3 edition of each work: build/editions/<work>.epub (or -o FILE for one --work).

One XHTML file per chapter, the printed page numbers as page-break markers with a page list, notes as
footnote asides with their printed numbers and back-links, the glossaries, the register of persons and
the bibliography with every annotated span linked to its entry, Dublin Core and accessibility metadata
and a generated cover. Reproducible: set SOURCE_DATE_EPOCH to fix the date. Check a file with Debian's
epubcheck: `java -jar /usr/share/java/epubcheck.jar FILE`.
"""

from __future__ import annotations

import argparse

from apparat.commands import _editions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    _editions.add_arguments(parser, ".epub")


def run(args: argparse.Namespace) -> int:
    return _editions.run("epub", args)
