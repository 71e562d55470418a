"""The architecture's one-way data flow, read from the package's imports (every `import`, also inside a
function): layout profile → structure stages → model → annotation → render → site / editions.

* the model imports nothing of the package; the JSON export only the model;
* conversion (profiles, stages, pipeline) never knows how it is published: no annotation layer, renderer,
  site, edition or command; of the glossary, only its word forms (the hyphenation lexicon);
* only the profiles know a layout: no stage imports a profile;
* the annotation itself (`<layer>.annotate` and all it imports) writes no page and renders nothing;
* the renderers take the annotated model: no conversion, annotation layer, site or edition;
* the commands are the top: nothing but the command line imports them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import apparat

PACKAGE = Path(apparat.__file__).parent


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, dict[str, int]]:
    """Module → the package's modules it imports → the line of the first such import."""
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    found: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        imported: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]  # fmt: skip
            for target in targets:
                if target.startswith("apparat.") and target != name:
                    imported.setdefault(target, node.lineno)
        found[name] = imported
    return found


IMPORTS = _imports()


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _violations(
    importers: tuple[str, ...], forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()
) -> list[str]:
    return [
        f"{module} imports {target} (line {line})"
        for module, imported in sorted(IMPORTS.items())
        if _within(module, importers)
        for target, line in imported.items()
        if _within(target, forbidden) and not _within(target, allowed)
    ]


PUBLISHING = ("apparat.render", "apparat.site", "apparat.editions", "apparat.edition", "apparat.commands")
LAYERS = ("apparat.bib", "apparat.glossary", "apparat.emphasis")


def test_the_model_imports_nothing_of_the_package() -> None:
    assert IMPORTS["apparat.model"] == {}
    assert _violations(("apparat.export",), ("apparat",), allowed=("apparat.model", "apparat.export")) == []


def test_conversion_never_knows_how_it_is_published() -> None:
    conversion = ("apparat.profiles", "apparat.stages", "apparat.pipeline", "apparat.state", "apparat.source")
    forbidden = (*PUBLISHING, *LAYERS, "apparat.export", "apparat.cli")
    assert _violations(conversion, forbidden, allowed=("apparat.glossary.forms",)) == []


def test_only_the_profiles_know_a_layout() -> None:
    assert _violations(("apparat.stages", "apparat.model", "apparat.state"), ("apparat.profiles",)) == []


def test_annotation_renders_and_publishes_nothing() -> None:
    annotators = [f"{layer}.annotate" for layer in LAYERS]
    reached: set[str] = set()
    todo = list(annotators)
    while todo:
        module = todo.pop()
        for target in IMPORTS.get(module, {}):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    assert sorted(m for m in reached if _within(m, PUBLISHING)) == []


def test_renderers_take_the_annotated_model() -> None:
    forbidden = ("apparat.site", "apparat.editions", "apparat.edition", "apparat.commands", *LAYERS)
    forbidden += ("apparat.pipeline", "apparat.stages", "apparat.profiles", "apparat.convert")
    assert _violations(("apparat.render",), forbidden) == []


def test_nothing_but_the_command_line_imports_a_command() -> None:
    found = [
        f"{module} imports {target} (line {line})"
        for module, imported in sorted(IMPORTS.items())
        if not _within(module, ("apparat.commands", "apparat.cli"))
        for target, line in imported.items()
        if _within(target, ("apparat.commands",))
    ]
    assert found == []


def test_a_command_imports_only_what_it_runs(tmp_path: Path) -> None:
    """`apparat model` converts: it loads neither the site, the editions nor their libraries (the command
    line once imported every command's module to list its options: half a second before conversion)."""
    import subprocess
    import sys

    from apparat.works import SAMPLES

    code = (
        "import sys; from apparat.cli import main; "
        f"status = main(['model', {str(SAMPLES / 'sample-book.txt')!r}, '--profile', 'book', "
        f"'-o', {str(tmp_path / 'm.json')!r}]); "
        "print(status, sorted({m.split('.')[0] if not m.startswith('apparat.') else '.'.join(m.split('.')[:2]) "
        "for m in sys.modules}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    status, loaded = done.stdout.split(" ", 1)
    assert status == "0"
    for heavy in ("apparat.site", "apparat.editions", "apparat.bib", "weasyprint", "citeproc", "selectolax"):
        assert repr(heavy) not in loaded, heavy
