"""Turn input files into documents: sniff the format, look through gzip, split JSONL into records.

Every input record becomes exactly one Document, rejected on the spot when it cannot be read, so the
report can account for all of them.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from typing import BinaryIO, Iterator, NamedTuple

from corpusclean.document import Document
from corpusclean.read.ids import input_id
from corpusclean.read.paths import STDIN, InputFile, inner_suffix

# Reasons that mean an input could not be read at all: each gets a line on stderr and exit status 1.
READ_ERRORS = frozenset(
    {"unreadable", "binary", "empty_input", "invalid_json", "invalid_record", "too_large", "too_complex", "undecodable"}
)

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".json"}
PAGE_SUFFIXES = HTML_SUFFIXES | {".txt"}  # names that say one page, whatever the content
GZIP_MAGIC = b"\x1f\x8b"
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 4096
READ_CHUNK = 1 << 16

_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|div|table|title|p)[\s>/]", re.I)
_WRAPPER = re.compile(rb"\A\s*<text\b([^>\n]*)>[ \t\r]*\n?")
_WRAPPER_END = re.compile(rb"</text>\s*\Z")
_ATTR = re.compile(rb"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def open_binary(path: str) -> BinaryIO:
    """A buffered binary stream of the file (or stdin), decompressed when it is gzip whatever its name."""
    raw: BinaryIO = sys.stdin.buffer if path == STDIN else open(path, "rb")
    stream = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    if stream.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(gzip.GzipFile(fileobj=stream))  # type: ignore[arg-type]
    return stream


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The first `limit` bytes of a stream, in 64 KB reads: BufferedReader.read(limit) first reserves
    `limit` bytes, 8 MB for every page at the default max_page_bytes."""
    chunks = []
    while limit > 0:
        chunk = stream.read1(min(limit, READ_CHUNK))  # type: ignore[attr-defined]
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def looks_like_html(head: bytes) -> bool:
    return _HTML_START.search(head[:SNIFF_BYTES]) is not None


def parse_wrapper(data: bytes) -> tuple[bytes, dict[str, str]]:
    """Strip a crawl dump's `<text id=... encoding=...>` first line; return the body and its attributes."""
    match = _WRAPPER.match(data)
    if not match:
        return data, {}
    attrs = {
        m.group(1).decode("ascii", "replace").lower(): (m.group(2) or m.group(3) or m.group(4) or b"").decode(
            "utf-8", "replace"
        )
        for m in _ATTR.finditer(match.group(1))
    }
    return _WRAPPER_END.sub(b"", data[match.end():]), attrs


def _sniff_kind(path: str, head: bytes) -> str:
    suffix = "" if path == STDIN else inner_suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    stripped = head.lstrip(b"".join(BOMS) + b" \t\r\n")
    if suffix != ".txt" and stripped.startswith(b"{"):
        return "jsonl"
    return "page"


def _new_doc(inp: InputFile, line: int | None = None) -> Document:
    """A document of the input file; a JSONL record's id and location also name its line."""
    if line is None:
        doc = Document(id=inp.id_base, source=inp.source, location=inp.shown)
    else:
        doc = Document(id=f"{inp.id_base}#{line}", source=inp.source, location=f"{inp.shown}:{line}")
    doc.metadata["path"] = inp.shown
    doc.metadata["line"] = line
    return doc


def read_page(inp: InputFile, data: bytes, max_bytes: int) -> Document:
    """One file is one page: a text dump or HTML, possibly inside a crawl wrapper."""
    doc = _new_doc(inp)
    if not data.strip():
        doc.reject("empty_input", "the file is empty")
        return doc
    if len(data) > max_bytes:
        doc.reject("too_large", f"{len(data)} bytes, over the {max_bytes}-byte limit (max_page_bytes)")
        return doc
    data, wrapper = parse_wrapper(data)
    if wrapper.get("id", "").startswith(("http://", "https://")):
        doc.metadata["url"] = wrapper["id"]
    doc.declared_charset = wrapper.get("encoding") or None
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith(BOMS[1:]):
        doc.reject("binary", "binary content (NUL bytes), not text")
        return doc
    doc.raw = data
    doc.input_bytes = len(data)
    doc.format = "html" if inner_suffix(inp.path) in HTML_SUFFIXES or looks_like_html(data) else "txt"
    doc.metadata["format"] = doc.format
    return doc


def _record_doc(inp: InputFile, line_no: int, line: bytes, text_key: str) -> Document:
    import orjson

    doc = _new_doc(inp, line_no)
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as err:
        doc.reject("invalid_json", f"invalid JSON: {err}")
        return doc
    if not isinstance(record, dict):
        doc.reject("invalid_record", f"a JSON {type(record).__name__}, not an object")
        return doc
    text = record.get(text_key)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        doc.reject("invalid_record", f"field {text_key!r} is {what}")
        return doc
    given_id = input_id(record.get("id"))
    if given_id is not None:
        doc.id = given_id
    if isinstance(record.get("source"), str):
        doc.source = record["source"]
    if isinstance(record.get("created"), str):
        doc.created = record["created"]
    metadata = record.get("metadata")
    if isinstance(metadata, dict):
        # A record we wrote (it has our keys) is read back as it was, nulls included: runs are idempotent.
        ours = "path" in metadata
        for key, value in metadata.items():
            if key in doc.metadata and (ours or value is not None):
                doc.metadata[key] = value
        if ours:
            doc.preset = frozenset(key for key in metadata if key in doc.metadata)
    for key in ("url", "title"):
        if isinstance(record.get(key), str) and doc.metadata.get(key) is None:
            doc.metadata[key] = record[key]
    doc.text = text
    doc.input_bytes = len(text.encode("utf-8"))
    doc.format = "html" if looks_like_html(text[:SNIFF_BYTES].encode()) else "txt"
    if doc.metadata["format"] is None:
        doc.metadata["format"] = doc.format
    return doc


def read_jsonl(inp: InputFile, stream: BinaryIO, text_key: str) -> Iterator[Document]:
    """One document per non-blank line; lines are split on \\n only (never on U+2028)."""
    seen_any = False
    for line_no, line in enumerate(stream, 1):
        if not line.strip():
            continue
        seen_any = True
        yield _record_doc(inp, line_no, line, text_key)
    if not seen_any:
        doc = _new_doc(inp)
        doc.reject("empty_input", "the file holds no JSON lines")
        yield doc


def read_input(inp: InputFile, text_key: str, max_bytes: int) -> Iterator[Document]:
    """All documents of one input file, streaming JSONL record by record."""
    try:
        stream = open_binary(inp.path)
    except OSError as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", err.strerror or str(err))
        yield doc
        return
    try:
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        if _sniff_kind(inp.path, head) == "jsonl":
            yield from read_jsonl(inp, stream, text_key)
        else:
            yield read_page(inp, read_at_most(stream, max_bytes + 1), max_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", f"read failed: {err}")
        yield doc
    finally:
        if inp.path != STDIN:
            stream.close()


def holds_one_page(inp: InputFile) -> bool:
    """The file's name says it is a single page, never JSONL: read_input gives exactly one document for it."""
    return inp.path != STDIN and inner_suffix(inp.path) in PAGE_SUFFIXES


class PageFile(NamedTuple):
    """A page file named but not yet read: the worker that cleans it reads it, so the main process neither
    reads nor ships its bytes."""

    inp: InputFile
    text_key: str
    max_bytes: int

    def read(self) -> Document:
        [doc] = read_input(*self)
        return doc
