"""The written record's schema: every key in every record, each with one JSON type, whatever the data.

Arrow-based readers (HF `datasets`, polars, pyarrow) infer a column's type from the values of one file or
block: a key that is null throughout one file and a string in another cannot be read with it ("Couldn't
cast array of type string to null"), and a metadata key that only some files have either fails the same way
or is dropped without a word (polars). So every record holds every key declared here, always of its type: a
string nobody found is "", an integer that does not apply is 0 (`metadata.line` of a page file: lines count
from 1). Input fields the tool does not use are kept in one string key, `metadata.extra` (a JSON object),
whose type is the same whatever they are.

A Document keeps None for "not found". This module is the one place that maps None to the empty value of
its type when a record is written, and back when a run reads a record it wrote, so that running on its own
output changes nothing.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import orjson

from corpusclean import json_numbers


class Stamp:
    """The type of `created`: a date and time, `YYYY-MM-DDTHH:MM:SS` in a Document, written with milliseconds
    (`2024-11-10T09:30:00.000`). pyarrow's JSON reader takes a string column whose every value looks like
    `YYYY-MM-DD[T ]hh:mm:ss` for timestamp[s]: a file where every record is dated was read as timestamps,
    one with an undated record ("") as strings, and HF datasets failed to load the two together (`Failed to
    parse string: '' as a scalar of type timestamp[s]`) or, the other way round, rewrote the dates
    (`2024-11-10 09:30:00`). With milliseconds, which it does not infer, it reads a string in every file."""


STAMP_SHAPE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\Z")
STAMP_MILLISECONDS = ".000"


def is_stamp(value: str) -> bool:
    """Whether a created is a date and time in our shape, one that names a real moment: a record's own
    created stated otherwise ("2020-13-45T99:99:99") is kept as stated, never given milliseconds."""
    if not STAMP_SHAPE.match(value):
        return False
    try:
        datetime.fromisoformat(value)
        return True
    except ValueError:
        return False

class Instant:
    """The type of `added`: an input record's own time of acquisition, written as the record gave it, but that a
    date and time without fractions of a second ("2024-11-11T08:00:00Z", "2024-11-11 08:00") gets milliseconds
    ("2024-11-11T08:00:00.000Z"), the same instant: pyarrow reads such a column as timestamps, as it did
    `created` (see Stamp), and a file whose every record had one failed to load beside a file whose `added` is
    "". A day alone ("2024-11-11") is kept as stated: it names no instant."""


INSTANT_SHAPE = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d)?(Z|[+-]\d\d:\d\d)?\Z")


def with_milliseconds(value: str) -> str:
    """An `added` as written (Instant): a date and time of a real moment with milliseconds, the rest as given."""
    found = INSTANT_SHAPE.match(value)
    if found is None:
        return value
    day, minute, second, zone = found.groups()
    instant = f"{day}T{minute}{second or ':00'}{STAMP_MILLISECONDS}"
    try:
        datetime.fromisoformat(instant + (zone or "").replace("Z", "+00:00"))
    except ValueError:
        return value    # "2024-13-45 99:99": names no moment, kept as stated
    return instant + (zone or "")


METADATA: dict[str, type] = {
    "path": str,               # the input file, relative to the input root (never an absolute local path)
    "line": int,               # the JSONL line of the record; 0 for a page file
    "url": str,
    "title": str,
    "author": str,
    "editor": str,
    "publisher": str,
    "created_precision": str,  # how much of `created` the page stated
    "created_timezone": str,   # the zone the page stated for `created`
    "lang": str,               # zh, en, other
    "script": str,             # hans, hant: the script of the input
    "encoding": str,
    "format": str,             # txt, html
    "replacement_chars": int,  # U+FFFD already in the input
    "invalid_bytes": int,      # bytes that could not be decoded, each replaced by U+FFFD
    "original_id": str,        # the input's own id, when an earlier record had it and this one got another
    "extra": str,              # the input record's fields the tool does not use, as a JSON object
}
RECORD: dict[str, Any] = {
    "id": str, "text": str, "source": str,
    "added": Instant,          # when the input was acquired: an input record's own `added` (Dolma)
    "created": Stamp,          # the publication date, YYYY-MM-DDTHH:MM:SS.000
    "metadata": METADATA,
}
REJECT: dict[str, Any] = {
    **RECORD, "reject_reason": str, "reject_detail": str, "duplicate_of": str, "location": str,
    "raw": str, "raw_base64": str,
}
EMPTY: dict[type, Any] = {str: "", Stamp: "", Instant: "", int: 0}
JSON_TYPES = {str: "string", Stamp: "string", Instant: "string", int: "integer"}


def written(schema: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A record with every key of the schema, in its order: None becomes the empty value of the key's type,
    and a dict under a string key (metadata.extra) its JSON text ("" when it is empty)."""
    record = {}
    for key, kind in schema.items():
        value = values.get(key)
        if isinstance(kind, dict):
            record[key] = written(kind, value or {})
        elif value is None:
            record[key] = EMPTY[kind]
        elif isinstance(value, dict) and kind is str:
            record[key] = json_numbers.dumps(value).decode("utf-8") if value else ""
        elif kind is Stamp and is_stamp(value):
            record[key] = value + STAMP_MILLISECONDS
        elif kind is Instant:
            record[key] = with_milliseconds(value)
        else:
            record[key] = value
    return record


# The integers an integer key may hold: Arrow's int64. A column holding one beyond it is read as doubles (a
# 30-digit line number as 1.2345678901234568e+29) or fails to load beside a file whose column is int64.
INT64 = range(-(2**63), 2**63)


def fits(value: Any, kind: type) -> bool:
    """Whether an input value can stand under a key of this type (None does: nothing found)."""
    if value is None:
        return True
    if kind is int and isinstance(value, int) and value not in INT64:
        return False
    return isinstance(value, str if kind in (Stamp, Instant) else kind) and not isinstance(value, bool)


def read_back(value: Any, kind: type) -> Any:
    """A value of a record this tool wrote, as a Document holds it: "" is None again, a Stamp loses its
    milliseconds. Integers stay: 0 is a count, and `line` is set again by the reader."""
    if kind is Stamp and isinstance(value, str) and is_stamp(value.removesuffix(STAMP_MILLISECONDS)):
        return value.removesuffix(STAMP_MILLISECONDS)
    return None if kind in (str, Stamp, Instant) and value == "" else value


def extra_fields(text: str) -> dict[str, Any]:
    """metadata.extra of a written record, as a dict: {} when empty, {"extra": text} when it is not the
    JSON object this tool writes (edited by hand)."""
    if not text:
        return {}
    try:
        value = json_numbers.loads(text)
    except orjson.JSONDecodeError:
        value = None
    return value if isinstance(value, dict) else {"extra": text}
