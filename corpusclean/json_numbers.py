"""JSON values in and out with their integers exact, whatever their size.

orjson reads an integer beyond 64 bits as a float (a 20-digit id 20231020000000012345 comes back as
2.0231020000000012e+19, so two such ids become one) and refuses to write one. A value holding such a float
is read again by the standard library, and one holding such an integer written by it: only those records
pay for it.

JSON's grammar has no bound on a number, a double has: orjson refuses a value holding one beyond it (1e400,
-1e400, a 400-digit integer: 'number is infinity when parsed as double'). Such a value is read again by the
standard library, such a number kept as an OutOfRange (a float, infinite, as the standard library reads it,
that remembers how it was written) and written back as it was written.
"""

from __future__ import annotations

import json
import math
import sys
from datetime import date
from typing import Any, Iterator

import orjson

_BEYOND_INT64 = 2.0**63  # orjson keeps every integer of int64 and uint64; a float this large may be one of those


def _scalars(value: Any, keys: bool = False) -> Iterator[Any]:
    """Every value a JSON value holds that is no object or array (and, with `keys`, its objects' keys), walked
    with a stack of its own, not by recursion: orjson reads values nested 1,024 deep."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if keys:
                stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        else:
            yield item


def _may_have_been_an_integer(value: Any) -> bool:
    return any(isinstance(item, float) and abs(item) >= _BEYOND_INT64 and item.is_integer()
               for item in _scalars(value))


def json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words, for messages: 'null', 'true', 'an integer', 'an array'..."""
    if value is None or isinstance(value, bool):
        return orjson.dumps(value).decode()
    kinds = {int: "an integer", float: "a number with a fraction or exponent", str: "a string", list: "an array",
             dict: "an object"}
    return next((kind for known, kind in kinds.items() if isinstance(value, known)), f"a {type(value).__name__}")


class OutOfRange(float):
    """A JSON number beyond a double's range, as read: infinite, and its text as written."""

    written: str

    def __new__(cls, written: str) -> "OutOfRange":
        number = super().__new__(cls, written)
        number.written = written
        return number

    def __reduce__(self) -> tuple:  # to worker processes and back, its text with it
        return OutOfRange, (self.written,)

    def __repr__(self) -> str:  # explain shows it as written, not as inf
        return self.written


_OUT_OF_RANGE = "number is infinity when parsed as double"  # orjson's words


def _number(written: str) -> float:
    number = float(written)
    return OutOfRange(written) if number in (_INFINITY, -_INFINITY) else number


_INFINITY = float("inf")


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def standard_loads(text: bytes | str) -> Any:
    """json.loads, but for JSON only (NaN and Infinity refused, as orjson refuses them) and a number beyond a
    double's range an OutOfRange. Lone surrogates are kept. Raises ValueError or RecursionError."""
    return json.loads(text, parse_float=_number, parse_constant=_not_json)


def loads(data: bytes | str) -> Any:
    """orjson.loads, with integers beyond 64 bits kept exact, and numbers beyond a double's range read as
    OutOfRange. Raises orjson.JSONDecodeError."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as err:
        if _OUT_OF_RANGE not in str(err):
            raise
        return _loads_out_of_range(data, err)
    return json.loads(data) if _may_have_been_an_integer(value) else value


def _loads_out_of_range(data: bytes | str, refused: orjson.JSONDecodeError) -> Any:
    """The value orjson refused for a number beyond a double's range, read by the standard library, which
    raises orjson's error for what orjson would refuse after it: a line with a lone surrogate too goes to
    the reader that replaces them."""
    try:
        value = standard_loads(data)
    except (ValueError, RecursionError):
        raise refused from None
    if _holds_lone_surrogate(value):
        raise refused
    return value


def _holds_lone_surrogate(value: Any) -> bool:
    return any(isinstance(item, str) and not item.isascii() and any("\ud800" <= char <= "\udfff" for char in item)
               for item in _scalars(value, keys=True))


def non_finite(value: Any) -> float | None:
    """The first NaN or infinity a value holds (a float handed to the Python API), which JSON has no number for
    and orjson writes as null; None when it holds none. A number read beyond a double's range (OutOfRange) is
    not one: it is written as it was written."""
    return next((item for item in map(plain, _scalars(value)) if isinstance(item, float)
                 and not isinstance(item, OutOfRange) and not math.isfinite(item)), None)


def plain(value: Any) -> Any:
    """A value handed to the Python API as the JSON value it stands for: a numpy scalar (np.float32(0.5),
    np.int64(3), np.bool_(True), as datatrove's and pandas' readers give metadata) the Python value it holds,
    which orjson writes; a date or a moment (datetime, pandas' Timestamp, as a timestamp column gives) its ISO
    8601 text, as orjson writes a datetime (pandas' NaT, no moment, null); any other value as it is. An array
    stays an array, which JSON cannot hold."""
    numpy = sys.modules.get("numpy")  # not imported: no value is one of its scalars
    if numpy is not None and isinstance(value, numpy.generic):
        value = value.item()
    if isinstance(value, date):
        return value.isoformat() if value == value else None  # NaT is unequal to itself, as a NaN
    return value


def _as_written(value: Any) -> Any:
    if isinstance(value, OutOfRange):
        return orjson.Fragment(value.written.encode("ascii"))
    written = plain(value)
    if written is not value and not isinstance(written, bytes):  # np.bytes_ holds bytes, which JSON cannot hold
        return written
    raise TypeError


def dumps(value: Any, option: int = 0) -> bytes:
    """orjson.dumps (with OPT_APPEND_NEWLINE at most), a value holding an integer beyond 64 bits written by
    the standard library, an OutOfRange as it was written. Raises orjson.JSONEncodeError (a TypeError) for
    what JSON cannot hold."""
    try:
        return orjson.dumps(value, default=_as_written, option=option)
    except orjson.JSONEncodeError as err:
        if "Integer exceeds 64-bit range" not in str(err):
            raise
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:  # an OutOfRange beside the integer: orjson writes it, given the integers as written
        return orjson.dumps(_integers_as_written(value), default=_as_written, option=option)
    return text.encode("utf-8") + (b"\n" if option & orjson.OPT_APPEND_NEWLINE else b"")


def _integers_as_written(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**64:
        return orjson.Fragment(str(value).encode("ascii"))
    if isinstance(value, dict):
        return {key: _integers_as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integers_as_written(item) for item in value]
    return value
