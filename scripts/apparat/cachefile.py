"""Cache entries as plain data: JSON in an envelope that names its format, its key and its content hash.

A cache folder can come from anywhere: a restored CI cache, a pull request that commits `build/cache/` with
`git add -f`, a disk error. So an entry is data that cannot execute (JSON, never pickle): a header line
`{"format": ..., "key": ..., "sha256": ...}` and the value as JSON. It is trusted only when all of this
holds, else it is ignored and rebuilt:

* the file is at most `MAX_BYTES`, and header and value parse as JSON;
* `format` is the format the reader expects (a schema version: a new shape of the value bumps it);
* `key` is the key it was looked up by (an entry copied under another entry's name is foreign);
* `sha256` is the hash of the value's bytes (a truncated or edited entry is corrupt);
* the value decodes into the expected type field by field (`decode`): right types, known enum values,
  no missing or extra fields.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from apparat.staging import write_atomic

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


def decode(kind: Any, data: Any) -> Any:
    """`data` (from JSON) as a value of the type `kind`; raises CacheFormatError on any mismatch."""
    return _decoder(kind)(data)


Decoder = Callable[[Any], Any]


@cache
def _decoder(kind: Any) -> Decoder:
    """A function reading one type from JSON data, made once per type (a book's model has ~80,000 values)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(
            [_decoder(option) for option in typing.get_args(kind) if option is not type(None)],
            type(None) in typing.get_args(kind),
        )
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(kind)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return _fixed_tuple([_decoder(arg) for arg in args])
        return _sequence(_decoder(args[0]), origin)
    if origin is dict:
        key_type, value_type = typing.get_args(kind)
        return _mapping(_decoder(key_type), _decoder(value_type))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum(kind)
    if kind is Path:
        exact = _exact(str)
        return lambda data: Path(exact(data))
    if kind in (str, int, bool):
        return _exact(kind)
    if kind is float:
        return _number
    raise CacheFormatError(f"cannot read a {kind!r} from a cache entry")


def _union(options: list[Decoder], optional: bool) -> Decoder:
    def read(data: Any) -> Any:
        if data is None and optional:
            return None
        errors = []
        for option in options:
            try:
                return option(data)
            except CacheFormatError as error:
                errors.append(str(error))
        raise CacheFormatError(" or ".join(errors) or "expected a value, found null")

    return read


def _fixed_tuple(items: list[Decoder]) -> Decoder:
    def read(data: Any) -> Any:
        if type(data) is not list or len(data) != len(items):
            raise CacheFormatError(f"expected a list of {len(items)} items")
        return tuple(item(value) for item, value in zip(items, data, strict=True))

    return read


def _sequence(item: Decoder, origin: type) -> Decoder:
    def read(data: Any) -> Any:
        if type(data) is not list:
            raise CacheFormatError(f"expected a list, found {type(data).__name__}")
        values = [item(value) for value in data]
        return values if origin is list else origin(values)

    return read


def _mapping(key: Decoder, value: Decoder) -> Decoder:
    def read(data: Any) -> Any:
        if type(data) is not dict:
            raise CacheFormatError(f"expected a mapping, found {type(data).__name__}")
        return {key(k): value(v) for k, v in data.items()}

    return read


def _dataclass(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _Lazy(hints[f.name])) for f in dataclasses.fields(cls) if f.init]
    names = {name for name, _ in fields}

    def read(data: Any) -> Any:
        if type(data) is not dict:
            raise CacheFormatError(f"expected a {cls.__name__} mapping, found {type(data).__name__}")
        if data.keys() != names:
            odd = sorted(set(data) ^ names)
            raise CacheFormatError(f"{cls.__name__}: unexpected or missing fields {odd}")
        return cls(**{name: field(data[name]) for name, field in fields})

    return read


class _Lazy:
    """A field's decoder, made when first needed (a dataclass may refer to itself)."""

    __slots__ = ("kind", "made")

    def __init__(self, kind: Any) -> None:
        self.kind = kind
        self.made: Decoder | None = None

    def __call__(self, data: Any) -> Any:
        if self.made is None:
            self.made = _decoder(self.kind)
        return self.made(data)


def _enum(kind: type[enum.Enum]) -> Decoder:
    def read(data: Any) -> Any:
        try:
            return kind(data)
        except ValueError:
            raise CacheFormatError(f"expected a {kind.__name__}, found {data!r}") from None

    return read


def _exact(kind: type) -> Decoder:
    def read(data: Any) -> Any:
        if type(data) is not kind:  # JSON true is not the integer 1 here
            raise CacheFormatError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data

    return read


def _number(data: Any) -> float:
    if type(data) not in (int, float):
        raise CacheFormatError(f"expected a number, found {type(data).__name__}")
    return float(data)


def write(path: Path, format_id: str, key: str, value: Any) -> None:
    """Store `value` (already `encode`d) under `key`: a header line (format, key, sha256 of the rest), then
    the value. Written beside its place and renamed: parallel readers and writers never see half an entry."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {"format": format_id, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
    write_atomic(path, json.dumps(header).encode("ascii") + b"\n" + body)


def read(path: Path, format_id: str, key: str) -> Any | None:
    """The stored value if the entry is sound (see the module's docstring), else None."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        first, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(first)
        if not isinstance(header, dict) or header != {
            "format": format_id,
            "key": key,
            "sha256": hashlib.sha256(body).hexdigest(),
        }:
            return None
        return json.loads(body)
    except (OSError, ValueError, RecursionError):
        return None


def load(path: Path, format_id: str, key: str, kind: Any) -> Any | None:
    """`read` and `decode` in one: the value as `kind`, or None when the entry is absent or not sound."""
    value = read(path, format_id, key)
    if value is None:
        return None
    try:
        return decode(kind, value)
    except (CacheFormatError, TypeError, ValueError, RecursionError):
        return None
