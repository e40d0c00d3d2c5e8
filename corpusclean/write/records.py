"""Documents -> JSON records (Dolma's document shape), written and rejected alike, every key of the schema
in every record with its one type (corpusclean/write/schema.py)."""

from __future__ import annotations

import base64
from typing import Any, NamedTuple

from corpusclean.document import Document
from corpusclean.read.sources import READ_ERRORS
from corpusclean.write.schema import RECORD, REJECT, written
from corpusclean.write.sink import json_line


def _values(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "text": doc.clean_text(), "source": doc.source, "added": doc.added,
            "created": doc.created, "metadata": doc.metadata}


def _with_trace(record: dict[str, Any], doc: Document, explain: bool) -> dict[str, Any]:
    if explain:
        record["trace"] = [step._asdict() for step in doc.trace]
    return record


def to_record(doc: Document, explain: bool = False) -> dict[str, Any]:
    return _with_trace(written(RECORD, _values(doc)), doc, explain)


def to_reject(doc: Document, explain: bool = False) -> dict[str, Any]:
    """The record shape plus why it was rejected and where it came from; the input that could not be read
    (an undecodable page, a JSONL line) kept as `raw` when it is UTF-8, else in base64."""
    raw = _utf8(doc.raw) if doc.raw is not None else None
    values = {
        **_values(doc),
        "reject_reason": doc.reject_reason,
        "reject_detail": doc.reject_detail,
        "duplicate_of": doc.reject_detail if doc.reject_reason == "duplicate" else None,
        "location": doc.location,
        "raw": raw,
        "raw_base64": base64.b64encode(doc.raw).decode("ascii") if doc.raw is not None and raw is None else None,
    }
    return _with_trace(written(REJECT, values), doc, explain)


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class Finished(NamedTuple):
    """A document leaving the pipeline, reduced to what the main process writes and counts. Made where the
    document was cleaned (a worker), so the main process neither unpickles nor serialises documents."""

    path: str                   # the input file it was read from, for the report's per-file counts
    reject_reason: str | None
    read_error: str | None      # the stderr line for an input that could not be read
    removals: list[str]         # "stage/reason" of each trace step
    input_bytes: int
    line: bytes | None          # the JSON line: the record, or the reject when rejects are kept


def finish(doc: Document, explain: bool, keep_rejects: bool) -> Finished:
    read_error = None
    if doc.reject_reason is None:
        line: bytes | None = json_line(to_record(doc, explain))
    else:
        line = json_line(to_reject(doc, explain)) if keep_rejects else None
        if doc.reject_reason in READ_ERRORS:
            read_error = f"{doc.location}: {doc.reject_reason}: {doc.reject_detail}"
    removals = [f"{step.stage}/{step.reason}" for step in doc.trace]
    return Finished(doc.input_name, doc.reject_reason, read_error, removals, doc.input_bytes, line)
