"""Run `mkdocs build --strict` in-process on the generated configuration, capturing its warnings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from apparat.diagnostics import Code, Diagnostic, Severity

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner: noise in every log


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def mkdocs_build(config_file: Path, site_dir: Path, *, dirty: bool = False) -> list[Diagnostic]:
    """Build the site into `site_dir`; returns MkDocs' warnings and errors (empty means it built)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    shown = config_file.name
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        build(config, dirty=dirty)
    except (Abort, ConfigurationError) as error:
        if not collect.records:
            return [Diagnostic(Code.SITE_BUILD, Severity.ERROR, shown, None, str(error))]
    finally:
        logger.removeHandler(collect)
    return [
        Diagnostic(Code.SITE_BUILD, Severity.ERROR, shown, None, record.getMessage())
        for record in collect.records
    ]
