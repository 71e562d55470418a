"""The `apparat` command line. Each subcommand is a module in `apparat.commands` with `add_arguments` and `run`.

Exit codes: 0 done, 1 the input has errors (printed as `path:line: error: ... [apparat.code]`), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from apparat import __version__
from apparat.diagnostics import ApparatError

# name → (module, one-line help). Order is the order shown by --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("apparat.commands.build", "convert, annotate and build the website (mkdocs build --strict)"),
    "serve": ("apparat.commands.serve", "build, serve on localhost and rebuild when content/ changes"),
    "bundle": ("apparat.commands.bundle", "build the offline HTML bundle (one zip that works from file://)"),
    "epub": ("apparat.commands.epub", "make the EPUB 3 edition of each work (printed pages, notes, glossary)"),
    "pdf": ("apparat.commands.pdf", "make the print edition of each work as a tagged PDF (WeasyPrint)"),
    "convert": ("apparat.commands.convert", "convert the works' sources into models and Markdown chapters"),
    "model": ("apparat.commands.model", "convert one source text into its document model (JSON)"),
    "check": (
        "apparat.commands.check",
        "check the editorial data: glossary, factions, persons, bibliography",
    ),
    "bib": ("apparat.commands.bib", "regenerate missing bibliography entries from the sources"),
    "diff": ("apparat.commands.diff", "compare two built sites: what a change does to the edition"),
    "anchors": ("apparat.commands.anchors", "check that no published anchor disappeared (or record them)"),
}

EPILOG = """\
Sources are read at run time from --sources DIR, else $APPARAT_SOURCES, else ../shared/sources when it
exists. The project's own sample works (samples/) always build, so a fresh clone works without them.

examples:
  apparat build                          sample edition, plus the real works if their sources are found
  apparat model ../shared/sources/gramsci-bukharin.txt --profile article -o article.json
  apparat convert --work sample-book --strict
  apparat epub --work trotsky-bureaucracy -o book.epub
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apparat",
        description="Turn raw text extractions of scholarly works into annotated, citable static editions.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"apparat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(
            name,
            help=help_text,
            description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ApparatError as error:
        print(error.diagnostic, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("apparat: interrupted; the previous output is left as it was", file=sys.stderr)
        return 130
    return status
