"""The metadata stage: a text's metadata lines are removed, and the fields they give fill the record.

What a metadata line is, and which of them gives the page's date, authors and title, is decided by
corpusclean/fields, for text pages and HTML pages alike.
"""

from __future__ import annotations

from corpusclean.clean.boilerplate import classify_line, vocabulary
from corpusclean.document import Document
from corpusclean.fields.dates import stamp_of_record
from corpusclean.fields.page import choose, read_lines, record_values


def is_page_chrome(line: str) -> bool:
    """A nav bar or breadcrumb is never the headline (the boilerplate stage removes it later)."""
    reason, _ = classify_line(line, vocabulary())
    return reason is not None


def find_metadata(lines: list[str], url: str | None = None) -> tuple[dict, list[str | None]]:
    """The record values the lines give (title, created and its precision and zone, author, editor,
    publisher), and one verdict per line: a reason for each metadata line, None for the others."""
    found, verdicts = read_lines(lines, is_chrome=is_page_chrome)
    return record_values(choose(found, url=url)), verdicts


class MetadataLines:
    """Document stage: removes metadata lines and fills the fields HTML extraction left empty. A
    ``created`` the input stated in another shape is written in the record's one shape."""

    name = "metadata"
    reasons = ("meta.title", "meta.date", "meta.source", "meta.author", "meta.editor", "meta.label")

    def __call__(self, doc: Document) -> Document:
        kept = doc.kept_indices()
        values, verdicts = find_metadata([doc.lines[i] for i in kept], doc.metadata.get("url"))
        doc.remove_judged(kept, verdicts, self.name)
        if doc.created is not None and doc.metadata["created_precision"] is None:
            stamp = stamp_of_record(doc.created, None, None)
            if stamp is not None:
                doc.created = None
                doc.fill_missing({"created": stamp.created, "created_precision": stamp.precision,
                                  "created_timezone": stamp.timezone})
        doc.fill_missing(values)
        return doc
