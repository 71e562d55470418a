"""Check what contributors edit: the editorial data (glossary, factions, persons, bibliography) against
their schemas and the allow-list sanitiser, the hand-written pages and the files under content/; errors as
`path:line: error: … [apparat.…]`.

With --glossary, also convert every available work and report the coverage of Russian terms, political
groupings and persons by the independent count. With --site, also check a built site as `apparat build`
does: links and anchors, note references, tooltip keys, requests to other hosts, published anchors, and
what the pages show against the models in build/models/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from apparat import corrections
from apparat.commands._common import add_strict_option, print_diagnostics
from apparat.commands.build import say
from apparat.diagnostics import ApparatError, Severity
from apparat.site.checks import check_site
from apparat.site.contributed import check_anchor_files, check_anchors, check_content
from apparat.site.fidelity import check_fidelity, load_models
from apparat.site.layers import load_layers
from apparat.site.layout import Layout
from apparat.works import sources_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_strict_option(parser)
    parser.add_argument("--site", type=Path, metavar="DIR", help="also check this built site")
    parser.add_argument(
        "--models",
        type=Path,
        metavar="DIR",
        help="with --site: the models (<work>.json) to compare the pages with (default: build/models)",
    )
    parser.add_argument(
        "--glossary",
        action="store_true",
        help="also convert every available work and report its coverage of Russian terms, political groupings "
        "and persons by the independent count, and what is still uncovered, most frequent first",
    )


def run(args: argparse.Namespace) -> int:
    layout = Layout.default()
    layers, failed = load_layers(layout, say, args.strict)
    tips: dict[str, str] = {}
    for layer in layers:
        print_diagnostics(layer.diagnostics, quiet_info=False)
        tips.update(layer.tips())
        say(f"{layer.name}: checked, {len(layer.diagnostics)} messages")
    glossary = next((layer for layer in layers if layer.name == "glossary"), None)
    if args.glossary and glossary is not None:
        from apparat.glossary.coverage import check as check_coverage  # converts: only when asked

        bibliography = next((layer for layer in layers if layer.name == "bibliography"), None)
        uncovered, checked = check_coverage(
            sources_dir(None), glossary.data, citations=bibliography.annotate if bibliography else None
        )
        print_diagnostics(uncovered)
        failed = failed or any(p.severity is Severity.ERROR for p in uncovered)
        for work in checked:
            for line in work.summary():
                say(f"glossary coverage (independent count): {line}")
        names = ", ".join(work.work for work in checked)
        say(f"glossary coverage of {names}: {len(uncovered)} uncovered words, groupings and persons")
    pages = check_content(layout.content) + check_anchor_files(layout.data)
    try:
        corrections.load(layout.data / "corrections.yml")  # only the conversion read it
    except ApparatError as error:
        pages.append(error.diagnostic)
    print_diagnostics(pages)
    failed = failed or bool(pages)
    say(f"hand-written pages, assets and anchor lists: {len(pages)} problems")
    if args.site:
        problems = check_site(args.site, tips if layers else None) + check_anchors(args.site, layout.data)
        models = load_models(args.models or layout.models)
        if not models:
            say(
                f"no models in {args.models or layout.models}: run `apparat build` or `apparat convert` first"
            )
        fidelity = check_fidelity(args.site, models)
        problems += fidelity.diagnostics
        say(f"rendered fidelity: compared {fidelity.figures}")
        print_diagnostics(problems)
        failed = failed or any(p.severity is Severity.ERROR for p in problems)
        say(f"site {args.site}: {len(problems)} problems")
    return 1 if failed else 0
