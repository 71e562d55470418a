"""The `apparat` command line. Each subcommand is a module in `apparat.commands` with `add_arguments` and `run`.

Exit codes: 0 done, 1 the input has errors (printed as `path:line: error: ... [apparat.code]`), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Collection, Sequence
from pathlib import Path

from apparat import __version__
from apparat.diagnostics import ApparatError
from apparat.works import MANIFEST_NAME, project, use_project

# name → (module, one-line help). Order is the order shown by --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("apparat.commands.build", "convert, annotate and build the website (mkdocs build --strict)"),
    "serve": (
        "apparat.commands.serve",
        "build, serve on localhost, rebuild when content, data or sources change",
    ),
    "bundle": ("apparat.commands.bundle", "build the offline HTML bundle (one zip that works from file://)"),
    "epub": (
        "apparat.commands.epub",
        "make the EPUB 3 edition of each work (printed pages, notes, glossary)",
    ),
    "pdf": ("apparat.commands.pdf", "make the print edition of each work as a tagged PDF (WeasyPrint)"),
    "convert": ("apparat.commands.convert", "convert the works' sources into models and Markdown chapters"),
    "model": ("apparat.commands.model", "convert one source text into its document model (JSON)"),
    "check": (
        "apparat.commands.check",
        "check the editorial data and hand-written pages (and, with --site, a built site)",
    ),
    "bib": (
        "apparat.commands.bib",
        "add and complete bibliography entries from the sources, with provenance",
    ),
    "diff": ("apparat.commands.diff", "compare two built sites: what a change does to the edition"),
    "anchors": ("apparat.commands.anchors", "check that no published anchor disappeared (or record them)"),
}

WITHOUT_PROJECT = {"model", "diff"}
"""Commands that work on the files they are given, outside any project."""

EPILOG = """\
The project (works.yml, content/, bibliography.bib) is --project DIR, else the working directory or the
nearest folder above it that holds works.yml.
Sources are read at run time from --sources DIR, else $APPARAT_SOURCES, else ../shared/sources when it
exists. The project's own sample works (samples/) always build, so a fresh clone works without them.

examples:
  apparat build                          sample edition, plus the real works if their sources are found
  apparat model ../shared/sources/gramsci-bukharin.txt --profile article -o article.json
  apparat convert --work sample-book --strict
  apparat epub --work trotsky-bureaucracy -o book.epub
"""


def build_parser(commands: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command; only the modules of `commands` (None: all) are imported and given their
    options. A run needs its own command only: the others would import the site, the editions and their
    libraries for nothing (about half a second before `apparat model` starts)."""
    parser = argparse.ArgumentParser(
        prog="apparat",
        description="Turn raw text extractions of scholarly works into annotated, citable static editions.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"apparat {__version__}")
    _add_project_option(parser, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        if commands is not None and name not in commands:
            sub.add_parser(name, help=help_text)  # listed in --help; never parsed in this run
            continue
        module = importlib.import_module(module_name)
        command = sub.add_parser(
            name,
            help=help_text,
            description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        _add_project_option(command, argparse.SUPPRESS)
        command.set_defaults(run=module.run)
    return parser


def _add_project_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--project",
        type=Path,
        metavar="DIR",
        default=default,
        help="the project folder (default: the working directory, or the nearest folder above with works.yml)",
    )


def _choose_project(argv: Sequence[str] | None) -> str | None:
    """Read --project before the commands are set up (their defaults are paths inside the project); return
    the command named, if any."""
    early = argparse.ArgumentParser(add_help=False)
    _add_project_option(early, None)
    known, rest = early.parse_known_args(argv)
    if known.project is not None and not known.project.is_dir():
        print(f"apparat: --project {known.project}: expected a folder, found none", file=sys.stderr)
        raise SystemExit(2)
    use_project(known.project)
    return next((word for word in rest if word in COMMANDS), None)


def main(argv: Sequence[str] | None = None) -> int:
    chosen = _choose_project(argv)
    args = build_parser([chosen] if chosen else []).parse_args(argv)
    if args.command not in WITHOUT_PROJECT and not (project() / MANIFEST_NAME).is_file():
        print(
            f"apparat: expected an apparat project ({MANIFEST_NAME}) in {Path.cwd()} or a folder above it, "
            "found none: run inside a project or pass --project DIR",
            file=sys.stderr,
        )
        return 2
    try:
        status: int = args.run(args)
    except ApparatError as error:
        print(error.diagnostic, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("apparat: interrupted; the previous output is left as it was", file=sys.stderr)
        return 130
    return status
