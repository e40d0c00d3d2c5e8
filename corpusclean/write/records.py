"""Documents -> JSON records (Dolma's document shape), written and rejected alike."""

from __future__ import annotations

import base64
from typing import Any

from corpusclean.document import Document


def to_record(doc: Document, explain: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": doc.id,
        "text": doc.clean_text(),
        "source": doc.source,
        "created": doc.created,
        "metadata": doc.metadata,
    }
    if explain:
        record["trace"] = doc.trace
    return record


def to_reject(doc: Document, explain: bool = False) -> dict[str, Any]:
    """The record shape plus why it was rejected and where it came from; undecodable bytes kept in base64."""
    record = to_record(doc, explain)
    record["reject_reason"] = doc.reject_reason
    record["reject_detail"] = doc.reject_detail
    record["duplicate_of"] = doc.reject_detail if doc.reject_reason == "duplicate" else None
    record["location"] = doc.location
    record["raw_base64"] = base64.b64encode(doc.raw).decode("ascii") if doc.raw is not None else None
    return record
