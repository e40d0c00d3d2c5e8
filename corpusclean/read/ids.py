"""Record ids: the input's own id when it has one, else where the record came from, and never one that an
earlier record of the run already has.

An id repeated in the input (two crawls numbered from 1, two folders both named `pages`, a file given
twice) would be written twice. The first record keeps it; each later one gets its location's id, or that
id with `~2`, `~3`... when the location's id is taken too, and keeps the id its input gave it in
metadata.original_id. The run report counts them (`ids_renamed`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import xxhash

from corpusclean.document import Document
from corpusclean.read.paths import InputFile


def input_id(value: Any) -> str | None:
    """The id a JSONL record gives itself: a string with a visible character, or an integer; anything else
    (null, "", true, a list) is no id. Nor is a number with a fraction or exponent, which is no exact name:
    1e2 reads as 100.0, 1.0 (pandas' integers beside a missing value) and 1 are one number, beyond 2**53 two
    ids are one float; check flags it (CC004)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    return text if text.strip() else None


def location_id(inp: InputFile, line: int | None) -> str:
    """The id of a record without one: the file's name in its folder, and the JSONL line."""
    return inp.id_base if line is None else f"{inp.id_base}#{line}"


class Renamed(NamedTuple):
    """A page file whose id was taken by an earlier record: read (in a worker) under a new id."""

    item: Any          # a PageFile
    id: str

    def read(self) -> Document:
        return renamed(self.item.read(), self.id)


def renamed(doc: Document, new_id: str) -> Document:
    doc.metadata["original_id"] = doc.id
    doc.id = new_id
    return doc


class UniqueIds:
    """The ids given out so far, as 64-bit hashes (a million ids of 60 characters: 69 MB, against 135 MB
    as strings), and how many records got a new one."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.renamed = 0

    def _take(self, doc_id: str) -> bool:
        key = xxhash.xxh3_64_intdigest(doc_id.encode("utf-8", "surrogatepass"))
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def note(self, doc_id: str) -> None:
        """An id given out as it is, whether or not an earlier record has it (a datatrove document's own)."""
        self._take(doc_id)

    def claim(self, doc_id: str, base: str) -> str:
        """doc_id when no earlier record has it, else the first free one of base (the record's location id),
        base~2, base~3..."""
        if self._take(doc_id):
            return doc_id
        self.renamed += 1
        if base != doc_id and self._take(base):
            return base
        number = 2
        while not self._take(f"{base}~{number}"):
            number += 1
        return f"{base}~{number}"

    def page(self, page_file: Any) -> Any:
        """A page file (its id is its location's), renamed when that id is taken."""
        new_id = self.claim(page_file.inp.id_base, page_file.inp.id_base)
        return page_file if new_id == page_file.inp.id_base else Renamed(page_file, new_id)

    def document(self, doc: Document, inp: InputFile) -> Document:
        """A document read in this process (a JSONL record), renamed when its id is taken. A document
        rejected on reading is never written: it takes no id."""
        if doc.rejected:
            return doc
        new_id = self.claim(doc.id, location_id(inp, doc.metadata["line"]))
        return doc if new_id == doc.id else renamed(doc, new_id)
