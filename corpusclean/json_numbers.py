"""JSON values in and out with their integers exact, whatever their size.

orjson reads an integer beyond 64 bits as a float (a 20-digit id 20231020000000012345 comes back as
2.0231020000000012e+19, so two such ids become one) and refuses to write one. A value holding such a float
is read again by the standard library, and one holding such an integer written by it: only those records
pay for it.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_BEYOND_INT64 = 2.0**63  # orjson keeps every integer of int64 and uint64; a float this large may be one of those


def _may_have_been_an_integer(value: Any) -> bool:
    """Walked with a stack of its own, not by recursion: orjson reads values nested 1,024 deep."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            if abs(item) >= _BEYOND_INT64 and item.is_integer():
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words, for messages: 'null', 'true', 'an integer', 'an array'..."""
    if value is None or isinstance(value, bool):
        return orjson.dumps(value).decode()
    kinds = {int: "an integer", float: "a number with a fraction or exponent", str: "a string", list: "an array",
             dict: "an object"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def loads(data: bytes | str) -> Any:
    """orjson.loads, with integers beyond 64 bits kept exact. Raises orjson.JSONDecodeError."""
    value = orjson.loads(data)
    return json.loads(data) if _may_have_been_an_integer(value) else value


def dumps(value: Any, option: int = 0) -> bytes:
    """orjson.dumps (with OPT_APPEND_NEWLINE at most), a value holding an integer beyond 64 bits written by
    the standard library. Raises orjson.JSONEncodeError for what JSON cannot hold."""
    try:
        return orjson.dumps(value, option=option)
    except orjson.JSONEncodeError as err:
        if "Integer exceeds 64-bit range" not in str(err):
            raise
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8") + (b"\n" if option & orjson.OPT_APPEND_NEWLINE else b"")
