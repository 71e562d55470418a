"""Convert one source text into its document model and write it as JSON.

The model holds the sections with their blocks and notes, the printed pages, the role of every source line
(the ledger) and every line-end hyphen decision; docs/model.md describes it and model.schema.json validates
it. The output file is replaced only when the conversion succeeds.

example:
  apparat model ../shared/sources/trotsky-bureaucracy.txt --profile book -o build/trotsky.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apparat.commands._common import add_strict_option, print_diagnostics
from apparat.export.json import to_json
from apparat.pipeline import convert_file
from apparat.staging import write_atomic
from apparat.works import PROFILES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="the source text (UTF-8 plain text)")
    parser.add_argument("--profile", required=True, choices=PROFILES, help="the layout of the source")
    parser.add_argument(
        "-o", "--output", type=Path, help="where to write the JSON (default: standard output)"
    )
    parser.add_argument("--work", help="work id recorded in the model (default: the file name)")
    add_strict_option(parser)


def run(args: argparse.Namespace) -> int:
    document, reporter = convert_file(args.source, args.profile, args.work, strict=args.strict)
    print_diagnostics(reporter.items)
    if reporter.failed:
        print(f"apparat model: {args.source}: not written (errors above)", file=sys.stderr)
        return 1
    text = to_json(document)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
