"""Check the editorial data (glossary, factions, persons, bibliography) and, with --site, a built site:
links and anchors, footnotes, tooltip keys and requests to other hosts (the checks `apparat build` runs).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat.commands._common import print_diagnostics
from apparat.commands.build import say
from apparat.diagnostics import Severity
from apparat.site.checks import check_site
from apparat.site.layers import load_layers
from apparat.site.layout import Layout


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--site", type=Path, metavar="DIR", help="also check this built site")


def run(args: argparse.Namespace) -> int:
    layout = Layout.default()
    layers, failed = load_layers(layout, say, args.strict)
    tips: dict[str, str] = {}
    for layer in layers:
        print_diagnostics(layer.diagnostics, quiet_info=False)
        tips.update(layer.tips())
        say(f"{layer.name}: checked, {len(layer.diagnostics)} messages")
    if args.site:
        problems = check_site(args.site, tips if layers else None)
        print_diagnostics(problems)
        failed = failed or any(p.severity is Severity.ERROR for p in problems)
        say(f"site {args.site}: {len(problems)} problems")
    return 1 if failed else 0
