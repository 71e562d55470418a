"""The YAML data checked against its JSON Schema (`apparat/schemas/*.json`), with errors at the key's own line.

Every schema is strict: `additionalProperties: false` everywhere, so a misspelt key is an error rather than
a field silently dropped (a person whose `forms:` became `froms:` would lose every link to them). A key the
schema does not know is reported with the closest known key:

    content/data/persons.yml:12: error: unknown key 'froms' (did you mean 'forms'?) [apparat.data.unknown-key]

Other violations (a missing key, a wrong type, an identifier that is not `lower-case-with-hyphens`, a text
over its length limit) are `data.schema` errors worded `expected X, found Y`, X taken from the schema's
`description`. Lines come from the strict loader (`apparat.untrusted.LinedDict`): each mapping knows the
line of every key.

Adding a field is one line in the schema; the loader of the file then reads it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from apparat.diagnostics import Code, Diagnostic, Severity
from apparat.untrusted import LinedDict


@cache
def schema(name: str) -> dict[str, Any]:
    """The schema of one data file (`terms`, `factions`, `persons`, `not-terms`, `corrections`, ...)."""
    text = resources.files("apparat.schemas").joinpath(f"{name}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(loaded)
    return loaded


@cache
def _pattern_regex(pattern: str) -> re.Pattern[str]:
    # A schema's `$` ends the text, as in JSON Schema's (ECMA-262) regular expressions; Python's `$` also
    # matches before a final line end, which let `id: "chervonets\n"` through to break its heading.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _pattern_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_integer(checker: Any, instance: Any) -> bool:
    # JSON Schema counts 1879.0 as an integer; YAML reads it as a float, and the pages printed "1879.0"
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    {"pattern": _pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@cache
def _validator(name: str) -> Any:
    return _Validator(schema(name))


def check(name: str, data: Any, shown: str) -> list[Diagnostic]:
    """Every violation of schema `name` in `data` (as loaded by the strict loader), in file order.

    The diagnostics' `path` is `shown`; entries of a top-level list that have errors can be found with
    `bad_entries`."""
    found: list[Diagnostic] = []
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    suggested: set[tuple[int, str]] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, LinedDict):
            found += _unknown_keys(error, shown, suggested)
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, LinedDict):
            continue
        diagnostic = _diagnostic(error, data, shown, suggested)
        if diagnostic is not None:
            found.append(diagnostic)
    return sorted(found, key=lambda d: (d.line or 0, d.code is not Code.DATA_UNKNOWN_KEY, d.message))


def bad_entries(name: str, data: Any) -> set[int]:
    """Indexes of the entries of the top-level list that violate the schema (they are left out)."""
    return {
        error.absolute_path[1]
        for error in _validator(name).iter_errors(data)
        if len(error.absolute_path) >= 2 and isinstance(error.absolute_path[1], int)
    }


def _known_keys(error: ValidationError) -> list[str]:
    return sorted(error.schema.get("properties", {}))


def _unknown_keys(error: ValidationError, shown: str, suggested: set[tuple[int, str]]) -> list[Diagnostic]:
    mapping: LinedDict = error.instance
    known = _known_keys(error)
    found = []
    for key in sorted(set(mapping) - set(known), key=lambda k: mapping.key_lines.get(k, 0)):
        line = mapping.key_lines.get(key, mapping.line)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(known)}"
        if close:
            suggested.add((mapping.line, close[0]))
        found.append(_error(Code.DATA_UNKNOWN_KEY, shown, line, f"unknown key {key!r}{hint}"))
    return found


def _diagnostic(
    error: ValidationError, data: Any, shown: str, suggested: set[tuple[int, str]]
) -> Diagnostic | None:
    line = line_of(data, error.absolute_path)
    expected = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [key for key in error.validator_value if key not in error.instance]
        line = getattr(error.instance, "line", line)
        if all((line, key) in suggested for key in missing):
            return None  # the misspelt key was reported with this suggestion
        return _error(
            Code.DATA_SCHEMA, shown, line, f"expected the key {missing[0]!r} in this entry, found none"
        )
    if "propertyNames" in error.schema_path:  # the key itself is refused (reported at the mapping's path)
        key = error.instance
        parent = _at(data, error.absolute_path)
        line = parent.key_lines.get(key, line) if isinstance(parent, LinedDict) else line
        allowed = error.validator_value if error.validator == "enum" else []
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(allowed)}"
        return _error(Code.DATA_UNKNOWN_KEY, shown, line, f"unknown key {key!r}{hint}")
    if error.validator in ("maxLength", "minLength") and isinstance(error.instance, str):
        found = f"{len(error.instance):,} characters"
    elif error.validator in ("maxItems", "minItems") and isinstance(error.instance, list):
        found = f"{len(error.instance)} items"
    else:
        found = _shown(error.instance)
    if not expected or error.validator == "type":
        expected = expected or _expected(error)
    return _error(Code.DATA_SCHEMA, shown, line, f"expected {expected}, found {found}")


def _expected(error: ValidationError) -> str:
    if error.validator == "type":
        return f"a value of type {error.validator_value}"
    return str(error.message)


def _shown(value: Any) -> str:
    text = repr(value)
    kind = {dict: "a mapping ", list: "a list ", bool: "", int: "", str: ""}.get(type(value), "")
    if isinstance(value, LinedDict):
        kind = "a mapping "
    return kind + (text if len(text) <= 50 else text[:47] + "…")


def _at(data: Any, path: Iterable[Any]) -> Any:
    for part in path:
        data = data[part]
    return data


def line_of(data: Any, path: Iterable[Any]) -> int:
    """The line of the value at `path`: the line of its key, or of the list item's mapping."""
    line = getattr(data, "line", 1) or 1
    for part in path:
        if isinstance(data, LinedDict) and isinstance(part, str):
            line = data.key_lines.get(part, line)
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
            line = getattr(data, "line", line) or line
        else:
            break
    return line


def _error(code: Code, shown: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, shown, line, message)
