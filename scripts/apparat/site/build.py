"""The whole build: convert → annotate → chapters → pages → `mkdocs build --strict` → search index → our
checks → swap in.

The site is built into a temporary folder beside the site folder and swapped in only when MkDocs and our
checks pass, so a failed build leaves the previous site as it was (`apparat.staging`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from apparat.cache import ConversionCache
from apparat.convert import Task, available_works, convert_tasks
from apparat.corrections import load as load_corrections
from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.edition import Edition
from apparat.editions.annotated import apparatus_of
from apparat.editions.make import FORMATS, file_name, remove_downloads, write_downloads
from apparat.export.json import to_json
from apparat.model import NoteStatus
from apparat.render.markdown import write_chapters
from apparat.site import config, moved, pages, report, search, tips
from apparat.site.checks import check_site
from apparat.site.contributed import audit_anchors, check_content
from apparat.site.fidelity import check_fidelity, load_models
from apparat.site.layers import Layer, load_layers
from apparat.site.layout import Layout
from apparat.site.markdown_checks import check_markdown
from apparat.site.mkdocs_run import mkdocs_build
from apparat.staging import publish_modes, staged_dir
from apparat.works import project

Say = Callable[[str], None]


@dataclass(slots=True)
class BuildResult:
    editions: list[Edition] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    config_file: Path | None = None
    tips: dict[str, str] = field(default_factory=dict)
    fidelity: str = ""
    """What the rendered-fidelity check compared (figures), once it has run."""

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


@dataclass(slots=True)
class _Clock:
    timings: dict[str, float]
    last: float = field(default_factory=time.perf_counter)

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


def _quiet(message: str) -> None:
    pass


@dataclass(slots=True)
class Memo:
    """What `apparat serve` keeps between regenerations: the loaded layers while their data is unchanged,
    and each work's edition while its source, corrections and the layers' data are unchanged. An edit of
    one work's data then re-annotates and rewrites that work only."""

    layers_key: object = None
    layers: tuple[list[Layer], bool] = ([], False)
    works: dict[str, tuple[object, Edition, list[Diagnostic]]] = field(default_factory=dict)


def _stamp(paths: list[Path]) -> tuple[tuple[str, int], ...]:
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(paths) if p.is_file())


def _layers_key(layout: Layout, layer_names: list[str] | None, strict: bool) -> object:
    data = [*layout.data.glob("*"), layout.bibliography] if layout.data.is_dir() else [layout.bibliography]
    return (_stamp(data), tuple(layer_names) if layer_names is not None else None, strict)


def generate(
    layout: Layout,
    sources: Path | None,
    only: list[str] | None = None,
    strict: bool = False,
    say: Say = _quiet,
    layer_names: list[str] | None = None,
    memo: Memo | None = None,
    with_editions: bool = False,
) -> BuildResult:
    """Everything before MkDocs: the models, annotations, chapters, generated pages, tips and config.

    With `with_editions`, each work's EPUB and PDF go into its content folder, for its overview page to offer;
    without, any left there by an earlier build are removed, so that no stale edition is offered."""
    result = BuildResult()
    clock = _Clock(result.timings)
    layout.prepare()
    layers_key = _layers_key(layout, layer_names, strict)
    if memo is not None and memo.layers_key == layers_key:
        layers, layer_failed = memo.layers
    else:
        layers, layer_failed = load_layers(layout, say, strict, layer_names)
        if memo is not None:
            memo.layers_key, memo.layers, memo.works = layers_key, (layers, layer_failed), {}
    for layer in layers:
        result.diagnostics += layer.diagnostics
    clock.lap("load layers")
    cache = ConversionCache(layout.build / "cache")  # content-addressed: a rebuild reconverts what changed
    tasks: list[Task] = []
    order: list[str] = []
    editions: dict[str, Edition] = {}
    corrections = load_corrections()
    for work, path in available_works(sources, only):
        if not path.is_file():
            say(f"{work.id}: skipped, its source {path} is missing")
            continue
        order.append(work.id)
        task: Task = (work, path, strict, tuple(corrections.get(work.id, ())), cache)
        key = (work, _stamp([path]), task[3], strict)
        kept = memo.works.get(work.id) if memo is not None else None
        if kept is not None and kept[0] == key:
            editions[work.id] = kept[1]
            result.diagnostics += kept[2]
        else:
            tasks.append(task)
    # The works convert in worker processes (one per core) while this one annotates and writes chapters.
    for converted in convert_tasks(tasks, jobs=min(len(tasks), os.cpu_count() or 1), progress=say):
        work = converted.work
        result.diagnostics += converted.diagnostics
        clock.lap("convert")
        if converted.failed:
            say(f"{work.id}: conversion failed")
            continue
        document = converted.document
        for layer in layers:
            found = layer.annotate(document, work)
            document.annotations.extend(found)
            say(f"{work.id}: {layer.name}: {len(found)} annotations")
        clock.lap("annotate")
        # The model as JSON is what the rendered-fidelity check compares the built pages with.
        pages.write_if_changed(layout.models / f"{work.id}.json", to_json(document))
        chapters = write_chapters(document, work, layout.content)
        for chapter, section in zip(chapters, document.sections, strict=True):
            lost = sum(1 for n in section.notes if n.status is NoteStatus.MISSING)
            say(
                f"{work.id}: {chapter.path.name}: pp. {chapter.first_page}–{chapter.last_page}, "
                f"{len(section.blocks)} blocks, {len(section.notes)} notes ({lost} missing)"
            )
        clock.lap("chapters")
        folder = layout.content / work.id
        if with_editions:
            cache_dir = layout.build / "cache" / "editions"
            made = write_downloads(work, document, apparatus_of(layers), folder, cache_dir)
            say(f"{work.id}: {', '.join(p.name for p in made)}")
        else:
            remove_downloads(work, folder)
        clock.lap("editions")
        editions[work.id] = Edition(work, document, chapters)
        if memo is not None:
            source = next(t for t in tasks if t[0].id == work.id)
            key = (work, _stamp([source[1]]), source[3], strict)
            memo.works[work.id] = (key, editions[work.id], converted.diagnostics)
    # The published works first, our own samples after them (home page, navigation, mentions, search).
    built = [editions[work_id] for work_id in order if work_id in editions]
    result.editions = sorted(built, key=lambda edition: edition.work.sample)
    _write_pages(layout, layers, result)
    clock.lap("pages")
    if layer_failed:
        say("the editorial data has errors (see above)")
    return result


def _write_pages(layout: Layout, layers: list[Layer], result: BuildResult) -> None:
    editions = result.editions
    content = layout.content
    terms = None
    for layer in layers:
        layer.write_pages(editions, content)
        result.tips.update(layer.tips())
        terms = layer.search_terms() or terms
    tips.write(content, result.tips)
    search.write_terms(content, terms)
    links = [
        (label, f"glossary/{name}.md")
        for label, name in (("Terms", "terms"), ("Factions", "factions"), ("Persons", "persons"))
        if (content / "glossary" / f"{name}.md").is_file()
    ]
    links += [("About this edition", "edition/about.md"), ("Extraction report", "edition/report.md")]
    pages.write_if_changed(content / "index.md", pages.home(editions, links))
    for edition in editions:
        work_id = edition.work.id
        # the works the text cites, as a page and as data (not this work's own citation, given above them)
        data = [
            f"[{label}]({work_id}.{suffix})"
            for suffix, label in (("bib", "BibTeX"), ("json", "CSL-JSON"), ("ris", "RIS"))
            if (content / work_id / f"{work_id}.{suffix}").is_file()
        ]
        if (content / work_id / "bibliography.md").is_file():
            data.insert(0, "[the bibliography](bibliography.md)")
        books = [
            f"[{fmt.label}]({file_name(edition.work, fmt)})"
            for fmt in FORMATS.values()
            if (content / work_id / file_name(edition.work, fmt)).is_file()
        ]
        pages.write_if_changed(content / work_id / "index.md", pages.overview(edition, books, data))
    pages.write_if_changed(content / "edition" / "about.md", report.about(editions))
    pages.write_if_changed(content / "edition" / "report.md", report.report(editions))
    result.config_file = config.write(layout, editions)


def build_site(
    layout: Layout,
    sources: Path | None,
    only: list[str] | None = None,
    strict: bool = False,
    say: Say = _quiet,
    layer_names: list[str] | None = None,
    with_editions: bool = False,
) -> BuildResult:
    """Generate, build with MkDocs, check, and swap the new site in (only if all of that passed)."""
    started = time.perf_counter()
    result = generate(layout, sources, only, strict, say, layer_names, with_editions=with_editions)
    clock = _Clock(result.timings)
    if not result.editions and not result.failed:
        result.diagnostics.append(
            Diagnostic(
                Code.SITE_BUILD, Severity.ERROR, "works.yml", None, "expected a work to build, found none"
            )
        )
    if result.failed or result.config_file is None:
        return result
    chapter_files = [c.path for e in result.editions for c in e.chapters]
    pages = sorted((layout.content / "pages").rglob("*.md"))
    result.diagnostics += check_markdown([*chapter_files, *pages], project())
    result.diagnostics += check_content(layout.content)
    if result.failed:  # MkDocs would publish a hostile page, or crash on one that is not UTF-8
        return result
    try:
        with staged_dir(layout.site) as temp:
            say(f"mkdocs build --strict → {layout.site}")
            result.diagnostics += mkdocs_build(result.config_file, temp)
            publish_modes(temp)
            clock.lap("mkdocs")
            if not result.failed:
                search.write_index(temp)  # from the built pages: the index holds what they show
                clock.lap("search index")
                # from the built pages too: where each published paragraph's passage is now
                anchor_audit = audit_anchors(temp, layout.data)
                moved.write(temp, anchor_audit.moved)
                say(f"anchors: {anchor_audit.figures}")
                clock.lap("anchors")
            if not result.failed:
                say("checking links, anchors, footnotes, tooltips and hosts")
                result.diagnostics += check_site(
                    temp, result.tips, mount=urlsplit(layout.site_url or "/").path
                )
                if layer_names is None:  # a build without some layers lacks their pages by design
                    result.diagnostics += anchor_audit.diagnostics
                say("checking what the pages show against the models (note numbers, text, back-links)")
                fidelity = check_fidelity(
                    temp, load_models(layout.models, [e.work.id for e in result.editions])
                )
                result.diagnostics += fidelity.diagnostics
                result.fidelity = str(fidelity.figures)
                clock.lap("checks")
            if result.failed:
                raise _FailedError
    except _FailedError:
        say("build failed: the previous site is left as it was")
    result.timings["total"] = time.perf_counter() - started
    return result


class _FailedError(Exception):
    """Raised inside the staging block so that the new site is discarded."""
