"""Cache entries as plain data: JSON in an envelope that names its format, its key and its content hash.

A cache folder can come from anywhere: a restored CI cache, a pull request that commits `build/cache/` with
`git add -f`, a disk error. So an entry is data that cannot execute (JSON, never pickle), and it is trusted
only when all of this holds, else it is ignored and rebuilt:

* the file is at most `MAX_BYTES` and parses as JSON;
* `format` is the format the reader expects (a schema version: a new shape of the value bumps it);
* `key` is the key it was looked up by (an entry copied under another entry's name is foreign);
* `sha256` is the hash of the value as stored (a truncated or edited entry is corrupt);
* the value decodes into the expected type field by field (`decode`): right types, known enum values,
  no missing or extra fields.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import tempfile
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

MAX_BYTES = 512_000_000
"""Largest entry read (the model of the 459-page book is a few MB)."""


class CacheFormatError(ValueError):
    """The stored data does not have the expected shape."""


def encode(value: Any) -> Any:
    """Dataclasses, enums, tuples, sets and paths as JSON-compatible data (sets sorted, for stable bytes)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(encode(item) for item in value)
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a cache entry")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: Any, data: Any) -> Any:
    """`data` (from JSON) as a value of the type `kind`; raises CacheFormatError on any mismatch."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return decode(option, data)
            except CacheFormatError as error:
                errors.append(str(error))
        raise CacheFormatError(" or ".join(errors))
    if origin in (list, tuple, set, frozenset):
        if not isinstance(data, list):
            raise CacheFormatError(f"expected a list, found {type(data).__name__}")
        args = typing.get_args(kind)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(data):
                raise CacheFormatError(f"expected {len(args)} items, found {len(data)}")
            return tuple(decode(arg, item) for arg, item in zip(args, data, strict=True))
        items = [decode(args[0], item) for item in data]
        return items if origin is list else origin(items)
    if origin is dict:
        key_type, value_type = typing.get_args(kind)
        if not isinstance(data, dict):
            raise CacheFormatError(f"expected a mapping, found {type(data).__name__}")
        return {decode(key_type, k): decode(value_type, v) for k, v in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, data)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(data)
        except ValueError:
            raise CacheFormatError(f"expected a {kind.__name__}, found {data!r}") from None
    if kind is Path:
        return Path(_exact(str, data))
    if kind in (str, int, bool):
        return _exact(kind, data)
    if kind is float:
        if type(data) not in (int, float):
            raise CacheFormatError(f"expected a number, found {type(data).__name__}")
        return float(data)
    if kind is type(None) and data is None:
        return None
    raise CacheFormatError(f"cannot read a {kind!r} from a cache entry")


def _exact(kind: type, data: Any) -> Any:
    if type(data) is not kind:  # JSON true is not the integer 1 here
        raise CacheFormatError(f"expected {kind.__name__}, found {type(data).__name__}")
    return data


def _decode_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise CacheFormatError(f"expected a {cls.__name__} mapping, found {type(data).__name__}")
    hints = _hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = {f.name for f in fields}
    if set(data) != names:
        odd = sorted(set(data) ^ names)
        raise CacheFormatError(f"{cls.__name__}: unexpected or missing fields {odd}")
    return cls(**{f.name: decode(hints[f.name], data[f.name]) for f in fields})


def _digest(value: Any) -> str:
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write(path: Path, format_id: str, key: str, value: Any) -> None:
    """Store `value` (already `encode`d) under `key`. Written beside its place and renamed: parallel
    readers and writers never see half an entry."""
    envelope = {"format": format_id, "key": key, "sha256": _digest(value), "value": value}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:12]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(envelope, handle, ensure_ascii=False, separators=(",", ":"))
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read(path: Path, format_id: str, key: str) -> Any | None:
    """The stored value if the entry is sound (see the module's docstring), else None."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        envelope = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(envelope, dict) or set(envelope) != {"format", "key", "sha256", "value"}:
        return None
    if envelope["format"] != format_id or envelope["key"] != key:
        return None
    if envelope["sha256"] != _digest(envelope["value"]):
        return None
    return envelope["value"]


def load(path: Path, format_id: str, key: str, kind: Any) -> Any | None:
    """`read` and `decode` in one: the value as `kind`, or None when the entry is absent or not sound."""
    value = read(path, format_id, key)
    if value is None:
        return None
    try:
        return decode(kind, value)
    except (CacheFormatError, TypeError, ValueError, RecursionError):
        return None
