"""Turn input files into documents: sniff the format, look through gzip and zstd, split JSONL into records.

Every input record becomes exactly one Document, rejected on the spot when it cannot be read, so the
report can account for all of them.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import re
import stat
import sys
from typing import Any, BinaryIO, Iterator, NamedTuple

from corpusclean.compression import decompressed
from corpusclean.config import Config
from corpusclean.decode import (
    WIDE_BOMS, binary_content, joined_surrogate_pairs, opens_wide_json, tolerant_utf8, wide_jsonl,
)
from corpusclean.document import Document
from corpusclean.json_numbers import plain
from corpusclean.read.ids import input_id
from corpusclean.read.paths import STDIN, InputFile, as_text, inner_suffix
from corpusclean.write.schema import METADATA, Stamp, extra_fields, fits, read_back

# Reasons that mean an input could not be read at all: each gets a line on stderr and exit status 1.
READ_ERRORS = frozenset(
    {"unreadable", "binary", "empty_input", "invalid_json", "invalid_record", "too_large", "too_complex", "undecodable"}
)

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
PAGE_SUFFIXES = HTML_SUFFIXES | {".txt"}  # names that say one page, whatever the content
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 4096
READ_CHUNK = 1 << 16
# Why a binary page, or JSONL file (binary_jsonl), is rejected whole
BINARY = "binary content (NUL bytes), not text"

# A page or record is HTML when it starts as a document does: a doctype or an <html>, <head>, <meta> or <body>
# tag, after a byte order mark, blank space, comments and an XML declaration (a PHP page often prints its <meta
# charset> first, and was text, its markup written). Text that mentions a tag ("文中提到<p>标签的用法", a tutorial
# on <div> and <script>) is text.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|meta|body)[\s>/]", re.I | re.S
)
# A tag, a comment or a doctype, in any encoding a page may be in (UTF-16 and UTF-32 put NULs after the '<'):
# a page named .html without one is text (a server's text/plain saved under the URL's name), whose lines
# HTML would run together into one. So is a record's text under html or raw_html (_MARKUP_TEXT: the same in a str).
_MARKUP = re.compile(rb"<\x00{0,3}[!/?a-zA-Z]")
_MARKUP_TEXT = re.compile(r"<[!/?a-zA-Z]")
# Record fields whose name says they hold a page's HTML (used when the text field is missing).
HTML_FIELDS = ("html", "raw_html")
_WRAPPER = re.compile(rb"\A(\xef\xbb\xbf)?\s*<text\b([^>\n]*)>[ \t\r]*\n?")
_WRAPPER_END = re.compile(rb"</text>\s*\Z")
# A page's closing wrapper line, then another page's opening one: a dump of many pages in one file
_NEXT_WRAPPER = re.compile(rb"(?:^|\r)</text>[ \t]*(?:\r\n?|\n)\s*<text\b([^>\r\n]*)>[ \t]*(?:\r|\n|\Z)", re.M)
_ATTR = re.compile(rb"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes; OSError when the process was started with it closed (`<&-`)."""
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def open_raw(path: str) -> io.BufferedReader:
    """A buffered binary stream of the file (or stdin), as its bytes are. A named pipe is opened without
    waiting for a writer: with none, it reads as empty instead of blocking forever."""
    if path == STDIN:
        raw: BinaryIO = stdin_bytes()
    else:
        no_wait = getattr(os, "O_NONBLOCK", 0)  # POSIX only; elsewhere there are no named pipes to wait on
        fd = os.open(path, os.O_RDONLY | no_wait)
        if no_wait:
            os.set_blocking(fd, True)  # reads then wait for data as usual
        raw = open(fd, "rb")
    stream = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    return stream if _is_regular_file(stream) else _with_head_read(stream)


def _is_regular_file(stream: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError):
        return False


def _with_head_read(stream: io.BufferedReader) -> io.BufferedReader:
    """A pipe's stream (stdin, a named pipe) with its head read before any of it is looked at: a read of a pipe
    gives what its writer has written so far, and compression and format are told from the first bytes (peek):
    JSONL whose blank first line came alone was read as one text page, gzip whose first two bytes did as binary.
    The head ends at its first line of content (or SNIFF_BYTES): records written one at a time are read as they
    come (`check -` prints each finding as its record is written)."""
    head = b""
    while len(head) < SNIFF_BYTES and not _holds_a_line(head):
        chunk = stream.read1(SNIFF_BYTES - len(head))
        if not chunk:
            break
        head += chunk
    return io.BufferedReader(_AfterHead(head, stream))


def _holds_a_line(head: bytes) -> bool:
    """Whether the first bytes of a stream are enough to tell its compression (16) and its format: they hold a
    line break after content (a byte order mark and blank space are none)."""
    return len(head) >= 16 and _LINE_BREAK.search(head.lstrip(b"".join(BOMS) + b" \t\r\n")) is not None


class _AfterHead(io.RawIOBase):
    """The bytes `head`, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: io.BufferedReader) -> None:
        self._head, self._stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if not self._head:
            return self._stream.readinto1(buffer)
        size = min(len(buffer), len(self._head))
        buffer[:size], self._head = self._head[:size], self._head[size:]
        return size

    def close(self) -> None:
        super().close()
        self._stream.close()


def open_binary(path: str) -> BinaryIO:
    """open_raw's stream, decompressed when it is gzip or zstd whatever its name."""
    return decompressed(open_raw(path))[0]


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


# The blank space a document may open with, however long (a template's blank lines before its doctype); in a str
_BLANK = re.compile(rb"(?:\xef\xbb\xbf)?\s*")
_BLANK_TEXT = re.compile(r"[ \t\n\r\f\v]*")


def looks_like_html(head: bytes) -> bool:
    """Whether the content starts as an HTML document (see _HTML_START), looked at from its first byte after
    blank space: a page generated with thousands of blank lines before its doctype (PHP sites print them) was
    looked at in its first 4 KB, all blank, and its markup written as text."""
    start = _BLANK.match(head).end()
    return _HTML_START.match(head, start, start + SNIFF_BYTES) is not None


# The first bytes of a file of unknown name a folder walk looks at (decompressed), when its first SNIFF_BYTES may open
# a page (blank space, or '<' or an HTTP head's 'H' first): room for an HTTP head and blank space before the page.
# Another file (an image, a stylesheet, a script) is read no further than SNIFF_BYTES.
WALK_SNIFF_BYTES = 1 << 16


def opens_as_html_page(path: str) -> bool:
    """Whether a file whose name says nothing of what it holds is an HTML page by its first bytes, looked at as
    read_page looks at a page's (through gzip and zstd, past a crawl wrapper and an HTTP head): a site mirror's
    pages keep the server's suffix (.php, .asp, .jsp, .do, 'index.php?id=3' as wget saves it), and a folder walk
    skipped them all as unknown_type, exit 0. False for a file that cannot be read (it stays skipped)."""
    try:
        with open_binary(path) as stream:
            head = read_at_most(stream, SNIFF_BYTES)
            start = _BLANK.match(head).end()
            if head[start:start + 1] not in (b"", b"<", b"H"):
                return False
            head += read_at_most(stream, WALK_SNIFF_BYTES - len(head))
    except (OSError, EOFError):
        return False
    return looks_like_html(without_http_head(parse_wrapper(head)[0])[0])


# Files that are no page, told by their first bytes. An XML feed or sitemap (after a byte order mark, blank space,
# comments, an XML declaration and stylesheet), read as a page: without a suffix it was text, written as one record
# of its XML markup; named .html (wget saves /feed/ as feed/index.html), HTML: every item's title, link, date and
# text run together into one line, with a stray ']]>' after each CDATA. A page a browser saved as MHTML (.mhtml,
# .mht: a MIME message of the page, quoted-printable, and its images in base64), named on the command line, was
# written as one text record of its MIME headers and encoded markup. Exit 0 each, not a word on stderr.
_XML_NOT_A_PAGE = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]", re.S
)
_XML_KINDS = {b"rss": "an RSS feed", b"feed": "an Atom feed", b"rdf:RDF": "an RSS feed",
              b"urlset": "a sitemap", b"sitemapindex": "a sitemap index"}
# MIME headers (folded lines too) up to the blank line, one of them a multipart/related Content-Type
_MHTML = re.compile(rb"(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related\b",
                    re.I)


def page_of_json(data: bytes) -> str | None:
    """Why a page's bytes are JSON, not a page: JSON lines (its first line of content a JSON object), an array of
    records on one line (json.dump of a list, as not_an_object says), or one JSON document laid out over lines (a
    lone '{' or '[' on its first line, and the whole of it JSON). A file named .txt or .html, or without a suffix
    (an array on one line, which the sniff leaves to pages), holding any was read as one page: one record whose
    text was the JSON, exit 0. No page is any."""
    import orjson

    start = _BLANK.match(data).end()
    if data[start:start + 1] not in (b"{", b"["):
        return None
    end = _LINE_BREAK.search(data, start)
    first = data[start:len(data) if end is None else end.start()]
    try:
        if first.strip() in (b"{", b"["):
            orjson.loads(data[start:])
            return JSON_DOCUMENT
        value = orjson.loads(first)
    except orjson.JSONDecodeError:
        return None
    if isinstance(value, dict):
        return "the file holds JSON lines"
    records = not_an_object(value)
    return records if records.startswith("an array of") else None


def xml_not_a_page(data: bytes | str) -> str | None:
    """What an XML document that is no page is ("an RSS feed"), by its first bytes (or characters: a record's
    HTML); None for anything else."""
    if isinstance(data, str):
        start = _BLANK_TEXT.match(data).end()
        data = data[start:start + SNIFF_BYTES].encode("utf-8", "surrogatepass")
    start = _BLANK.match(data).end()
    found = _XML_NOT_A_PAGE.match(data, start, start + SNIFF_BYTES)
    return None if found is None else f"{_XML_KINDS[found.group(1)]} (XML), not a page"


def not_a_page(data: bytes) -> str | None:
    """Why a page file's bytes are no page (an XML feed or sitemap, an MHTML archive); None for a page."""
    feed = xml_not_a_page(data)
    if feed is not None:
        return f"{feed}: this tool reads pages and JSON lines; give it the pages its links lead to"
    start = _BLANK.match(data).end()
    if _MHTML.match(data, start, start + SNIFF_BYTES):
        return ("a page saved as MHTML (a MIME message of the page and its images), which this tool does not read: "
                "save the page as HTML")
    return None


def parse_wrapper(data: bytes) -> tuple[bytes, dict[str, str]]:
    """Strip a crawl dump's `<text id=... encoding=...>` first line (after a byte order mark, which the body
    keeps); return the body and its attributes."""
    match = _WRAPPER.match(data)
    if not match:
        return data, {}
    return (match.group(1) or b"") + _WRAPPER_END.sub(b"", data[match.end():]), _attributes(match.group(2))


# A page saved with the HTTP response head before it (wget --save-headers, curl -i; curl -iL writes one head for
# each redirect): a status line, header lines, a blank line. Left in, the page was written as text with its
# headers and its markup (a page named .html kept its markup out, but its headers went into the text, and into
# its title); the head's charset is the page's, as a browser takes it. A head has one header line at least,
# but for an interim one ("HTTP/1.1 100 Continue", before the response's own).
_HTTP_HEADER = rb"[!#-'*+.0-9A-Z^_`a-z|~-]+:[^\r\n]*\r?\n"
_HTTP_HEAD = re.compile(rb"HTTP/\d(?:\.\d)? (?:(?P<interim>1)\d\d(?: [^\r\n]*)?\r?\n(?:%s)*|[2-5]\d\d(?: [^\r\n]*)?\r?\n(?:%s)+)\r?\n"
                        % (_HTTP_HEADER, _HTTP_HEADER))
_HTTP_CHARSET = re.compile(rb"^content-type:[^\r\n]*?charset\s*=\s*[\"']?([^\s\"';,]+)", re.I | re.M)


def without_http_head(data: bytes) -> tuple[bytes, str | None]:
    """A page's bytes without the HTTP response heads saved before it (after a byte order mark, which the page
    keeps), and the charset the last head states (None when none does)."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    start = end = len(bom)
    charset = None
    while (head := _HTTP_HEAD.match(data, start)) is not None:
        start = head.end()
        if not head.group("interim"):  # a response's own head, not an interim one (a text may open with one)
            stated = _HTTP_CHARSET.search(head.group())
            charset, end = (stated.group(1).decode("ascii", "replace") if stated else None), start
    return (data if end == len(bom) else bom + data[end:]), charset


def _attributes(tag: bytes) -> dict[str, str]:
    return {
        m.group(1).decode("ascii", "replace").lower(): (m.group(2) or m.group(3) or m.group(4) or b"").decode(
            "utf-8", "replace"
        )
        for m in _ATTR.finditer(tag)
    }


def more_wrapped_pages(body: bytes, wrapper: dict[str, str]) -> int:
    """How many more pages a wrapped page's body holds: a `</text>` line, then a wrapper line of the first's
    shape (an SVG's <text> elements have other attributes, and no URL for an id)."""
    shape = _wrapper_shape(wrapper)
    return sum(_wrapper_shape(_attributes(m.group(1))) == shape for m in _NEXT_WRAPPER.finditer(body))


def _wrapper_shape(wrapper: dict[str, str]) -> tuple[frozenset[str], bool]:
    return frozenset(wrapper), _is_url(wrapper.get("id", ""))


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _sniff_kind(path: str, head: bytes) -> str:
    suffix = "" if path == STDIN else inner_suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES or looks_like_html(head):  # a page of any name that opens as HTML is no JSON lines
        return "html"
    stripped = head.lstrip(b"".join(BOMS) + b" \t\r\n")
    if suffix != ".txt" and (stripped.startswith(b"{") or opens_wide_json(head) or opens_json_document(head)
                             or _objects_follow(stripped)):
        return "jsonl"
    return "page"


def _objects_follow(head: bytes) -> bool:
    """Whether most lines of content after the first open a JSON object: JSON lines whose first line is no record
    (a header, a null, the end of a record cut by `split -b`, as its parts after the first open), which read as
    one text page were written as one record of their JSON."""
    lines = [line for line in _LINE_BREAK.split(head)[1:] if line.strip()]
    return 2 * sum(line.lstrip().startswith(b"{") for line in lines) > len(lines) > 0


def _new_doc(inp: InputFile, line: int | None = None) -> Document:
    """A document of the input file; a JSONL record's id and location also name its line."""
    if line is None:
        doc = Document(id=inp.id_base, source=inp.source, location=inp.shown, input_name=inp.counted, site=inp.site)
    else:
        doc = Document(id=f"{inp.id_base}#{line}", source=inp.source, location=f"{inp.shown}:{line}",
                       input_name=inp.counted, site=inp.site)
    doc.metadata["path"] = inp.name
    doc.metadata["line"] = line
    return doc


def reject_too_large(doc: Document, size: int, max_bytes: int, setting: str) -> Document:
    """The one too_large of every entry point: a page file, a JSONL line, a record or page given as a value."""
    doc.reject("too_large", f"{size} bytes, over the {max_bytes}-byte limit ({setting})")
    return doc


def size_past(stream: BinaryIO) -> int:
    """The bytes left in a stream, read past in chunks, never held."""
    size = 0
    while chunk := stream.read1(READ_CHUNK):  # type: ignore[attr-defined]
        size += len(chunk)
    return size


def holds_no_text(data: bytes) -> bool:
    """Whether a page's bytes are empty: nothing, or white space, after its byte order mark if any (UTF-16's and
    UTF-32's white space holds NUL bytes)."""
    for bom in WIDE_BOMS:
        if data.startswith(bom):
            return not data[len(bom):].strip(b" \t\n\r\x0b\x0c\x00")
    return not data.removeprefix(codecs.BOM_UTF8).strip()


def read_page(inp: InputFile, data: bytes, max_bytes: int, size: int | None = None) -> Document:
    """One file is one page: a text dump or HTML, possibly inside a crawl wrapper. `size`: the file's, when
    `data` is only its first bytes."""
    doc = _new_doc(inp)
    if len(data) > max_bytes:
        return reject_too_large(doc, len(data) if size is None else size, max_bytes, "max_page_bytes")
    data, wrapper = parse_wrapper(data)
    data, http_charset = without_http_head(data)
    if holds_no_text(data):
        doc.reject("empty_input", "the crawl wrapper holds no page" if wrapper else "the file is empty")
        return doc
    more = more_wrapped_pages(data, wrapper) if wrapper else 0
    if more:  # read as one page, its pages' texts and fields ran together
        doc.reject("unreadable", f"the file holds {more + 1} pages in crawl wrappers, and a page file is one page: "
                                 "csplit -z -f page- -b '%03d.txt' FILE '/^<text /' '{*}' splits it")
        return doc
    why = unreadable_page(data, inp.path)
    if why is not None:
        doc.reject("unreadable", why)
        return doc
    if _is_url(wrapper.get("id", "")):
        doc.metadata["url"] = wrapper["id"]
    doc.declared_charset = wrapper.get("encoding") or http_charset
    if b"\x00" in data[:SNIFF_BYTES] and binary_content(data, doc.declared_charset):
        doc.reject("binary", BINARY)
        return doc
    doc.raw = data
    doc.input_bytes = len(data)
    named_html = inner_suffix(inp.path) in HTML_SUFFIXES and holds_markup(data)
    doc.format = "html" if named_html or looks_like_html(data) else "txt"
    doc.metadata["format"] = doc.format
    return doc


def unreadable_page(data: bytes, path: str) -> str | None:
    """Why a page's bytes (past a crawl wrapper and an HTTP head) are no page (a feed, a sitemap, MHTML, JSON lines
    or a JSON document), for the file at `path`; None for a page."""
    why = not_a_page(data)
    if why is not None:
        return why
    json_kind = page_of_json(data)
    if json_kind is not None and json_kind.startswith("the file holds JSON lines"):
        suffix = inner_suffix(path)
        json_kind += (f", and a file named {suffix} is one page: rename it with .jsonl in place of {suffix}"
                      if suffix in PAGE_SUFFIXES else ", not a page: give them as records")
    return json_kind


def page_of_str(text: str, data: bytes, path: str) -> tuple[str, str | None]:
    """A page given as a str (by the Python API) without the HTTP heads saved before it, and why it is no page
    (unreadable_page), as read_page reads a page's bytes: a str page kept its head in its text and title, and a
    feed, an MHTML archive or JSON lines given so were written as a page. `data`: the text in UTF-8 (lone
    surrogates passed), which the caller has already made to weigh the page."""
    page, _ = without_http_head(data)
    if page is not data:
        text = page.decode("utf-8", "surrogatepass")
    return text, unreadable_page(page, path)


def holds_markup(data: bytes) -> bool:
    """Whether a page's bytes hold a tag, a comment or a doctype (in any encoding a page is in): one said to be
    HTML that holds none is text, whose lines HTML would run together into one."""
    return _MARKUP.search(data) is not None


def read_page_stream(inp: InputFile, stream: BinaryIO, max_bytes: int) -> Document:
    """One page read from a stream: its bytes, or for a page over max_bytes its first ones and its size."""
    data = read_at_most(stream, max_bytes + 1)
    return read_page(inp, data, max_bytes, len(data) + (size_past(stream) if len(data) > max_bytes else 0))


def read_page_bytes(inp: InputFile, data: bytes, max_bytes: int) -> Document:
    """A page given as bytes (by the Python API), read as read_input reads a page file holding them:
    decompressed when they are gzip or zstd."""
    try:
        stream, _ = decompressed(io.BufferedReader(io.BytesIO(data)))
    except OSError as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", str(err))
        return doc
    try:
        return read_page_stream(inp, stream, max_bytes)
    except (OSError, EOFError) as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", f"read failed: {err}")
        return doc


class NotUtf8Line(ValueError):
    """A JSONL line in a legacy encoding (GBK, Big5): too many of its bytes beyond ASCII are not UTF-8 for a few
    damaged ones, which are replaced and counted."""


def parse_json_line(line: bytes) -> tuple[Any, int]:
    """The value of a JSONL line and how many bad characters its strings held: bytes that are not UTF-8 and
    lone surrogates (``\\ud800``), each replaced by U+FFFD. Raises as load_json_line."""
    value, damaged = load_json_line(line)
    return replace_surrogates(value) if damaged else (value, 0)


def load_json_line(line: bytes) -> tuple[Any, bool]:
    """The value of a JSONL line, its bad characters left in its strings as lone surrogates (a byte that is not
    UTF-8 as U+DC80-U+DCFF), and whether it holds any; a character written as its two surrogates (CESU-8) is that
    character, as in a page. Raises orjson.JSONDecodeError for a line that is not
    JSON (the damage of a bad byte is in the text, not the record), NotUtf8Line for one in a legacy encoding:
    replaced, its text would be all U+FFFD."""
    import orjson

    from corpusclean import json_numbers

    try:
        return json_numbers.loads(line), False
    except orjson.JSONDecodeError as err:
        error = err
    joined = joined_surrogate_pairs(line)   # characters written as their two surrogates (CESU-8), in UTF-8
    if joined is not line:
        try:
            return json_numbers.loads(joined), False
        except orjson.JSONDecodeError:
            line = joined
    reading = tolerant_utf8(line)   # each byte that is not UTF-8 as a lone surrogate
    if reading is None:
        raise NotUtf8Line(_not_utf8_line(line))
    marked = reading[0]
    try:  # the standard library keeps lone surrogates, and takes bad bytes marked as such
        value = json_numbers.standard_loads(marked)
        replaced = replace_surrogates(value)[1]
    except (ValueError, RecursionError):
        raise _error_past_bad_characters(marked) or error from None
    if not replaced:  # orjson refused the line for another reason (NaN, ...)
        raise error
    return value, True


_SURROGATE = re.compile("[\ud800-\udfff]")
# A \u escape of a surrogate in a JSON string (after an even run of backslashes: not itself escaped)
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _error_past_bad_characters(marked: str) -> Exception | None:
    """orjson's error for a line that is not JSON but for its bad characters too (a NaN after a lone surrogate):
    the error of the line with each replaced by a character of the same length, so that it names what run
    cannot replace, where that is."""
    import orjson

    from corpusclean import json_numbers

    neutral = _SURROGATE_ESCAPE.sub(r"\1\\ufffd", _SURROGATE.sub("?", marked))
    try:
        json_numbers.loads(neutral.encode("utf-8"))
    except orjson.JSONDecodeError as err:
        return err
    return None


def _not_utf8_line(line: bytes) -> str:
    """Why a JSONL line in a legacy encoding is rejected, with the iconv that converts its file."""
    from corpusclean.decode import decode_bytes

    encoding = decode_bytes(line).encoding
    if encoding in (None, "utf-8", "mixed"):
        return "the line is not UTF-8, and JSONL must be UTF-8 (iconv converts it from its encoding)"
    return f"the line is {encoding.upper()}, and JSONL must be UTF-8 (iconv -f {encoding.upper()} -t UTF-8 converts it)"


def replace_surrogates(value: Any) -> tuple[Any, int]:
    """The value with every lone surrogate in its strings (keys too) replaced by U+FFFD, and how many."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        items = [replace_surrogates(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, dict):
        replaced = 0
        clean = {}
        for key, item in value.items():
            (key, key_count), (item, item_count) = replace_surrogates(key), replace_surrogates(item)
            clean[key] = item
            replaced += key_count + item_count
        return clean, replaced
    return value, 0


def text_field(record: dict, text_key: str) -> str:
    """The field that holds a record's text: `text_key`, or for a record without a `text` (none, or an empty one,
    as a scraper writes when its extraction found nothing) one of HTML_FIELDS."""
    stated = record.get(text_key)
    if text_key == "text" and (stated is None or isinstance(stated, str) and not stated.strip()):
        for field in HTML_FIELDS:
            if isinstance(record.get(field), str):
                return field
    return text_key


def record_text(record: dict, text_key: str, text_format: str) -> tuple[Any, bool]:
    """The record's text and whether it is HTML. Text is text unless the record says it is HTML (its text is
    under a field named html or raw_html) or ``text_format`` does: "html", or "auto" for a text that starts
    as an HTML document. Said to be HTML (under html or raw_html, or by "html"), a text that holds no tag, comment
    or doctype is text, as a page named .html that holds none is."""
    field = text_field(record, text_key)
    text = record.get(field)
    if not isinstance(text, str):
        return text, False
    if field in HTML_FIELDS or text_format == "html":  # without a tag, comment or doctype: text, whose lines HTML
        return text, _MARKUP_TEXT.search(text) is not None  # would run together into one
    if text_format != "auto":
        return text, False
    start = _BLANK_TEXT.match(text).end()
    return text, looks_like_html(text[start:start + SNIFF_BYTES].encode("utf-8", "surrogatepass"))


def _record_doc(inp: InputFile, line_no: int, line: bytes, text_key: str, text_format: str = "text") -> Document:
    import orjson

    doc = _new_doc(inp, line_no)
    try:
        record, damaged = load_json_line(line)
    except orjson.JSONDecodeError as err:
        doc.reject("invalid_json", f"invalid JSON: {err}")
    except NotUtf8Line as err:
        doc.reject("invalid_json", str(err))
    else:
        fill_from_record(doc, record, text_key, text_format, damaged)
    if doc.rejected:
        doc.raw = line.rstrip(b"\r\n")  # kept for the rejects file: a line read from stdin is not lost
    return doc


def record_doc(
    inp: InputFile, position: int | None, record: Any, text_key: str, text_format: str = "text",
    max_record_bytes: int | None = None,
) -> Document:
    """The document of an input record given as a value (a dict handed to the Python API), as if it were
    line `position` of the file `inp` (or the whole file: None). Lone surrogates in its strings are replaced and counted, as in a JSONL
    line; a record longer than max_record_bytes as that line (record_bytes) is too_large, as the line is (its
    id, which run cannot read from a line it reads past, kept)."""
    doc = fill_from_record(_new_doc(inp, position), record, text_key, text_format)
    size = record_bytes(record) if max_record_bytes is not None else None
    if size is not None and size > max_record_bytes:  # type: ignore[operator]
        doc.text, doc.raw, doc.metadata["extra"] = "", None, None  # nothing of it held, as of a line read past
        return reject_too_large(doc, size, max_record_bytes, "max_record_bytes")  # type: ignore[arg-type]
    return doc


def record_bytes(record: Any) -> int | None:
    """The bytes of a record written as a JSON line, its newline too (a lone surrogate as U+FFFD's three, a
    value JSON has no word for as its repr); None for one nested too deep to write (an invalid_record)."""
    import json

    import orjson

    try:
        return len(orjson.dumps(record, default=repr, option=orjson.OPT_NON_STR_KEYS)) + 1
    except orjson.JSONEncodeError:  # a lone surrogate, an integer beyond 64 bits: the slower writer takes them
        try:
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=repr)
        except (TypeError, ValueError, RecursionError):
            return None
        return len(line.encode("utf-8", "surrogatepass")) + 1


def not_an_object(value: Any) -> str:
    """Why a JSON line's value is no record: 'an array, not an object'; for an array of objects, the records of
    a JSON file written on one line (json.dump of a list), which are not JSON lines, and how to make them so."""
    from corpusclean.json_numbers import json_kind

    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return (f"an array of {len(value)} objects, not an object: a JSON array of records on one line, not JSON "
                "lines (jq -c '.[]' converts it)")
    return f"{json_kind(value)}, not an object"


_JQ_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def missing_text(record: dict, text_key: str, text: Any) -> str:
    """Why a record's text cannot be read (invalid_record; check's CC003): the field missing or not a string. For an
    object that wraps an array of records ({"data": [...]}, an API's answer saved as one line), what it holds and
    the jq that converts it, as not_an_object says of an array of them: 'field is missing' said neither."""
    import json

    from corpusclean.json_numbers import json_kind

    why = f"field {text_key!r} is {'missing' if text is None else f'{json_kind(text)}, not a string'}"
    if text is not None:
        return why
    for key, value in record.items():
        if (isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
                and any(isinstance(item.get(text_field(item, text_key)), str) for item in value)):
            path = f".{key}" if _JQ_NAME.fullmatch(key) else f".[{json.dumps(key, ensure_ascii=False)}]"
            records = f"{len(value)} record" + ("s" if len(value) > 1 else "")
            return (f"{why}: the object wraps an array of {records} under {key!r}, one JSON document, not JSON lines "
                    f"(jq -c '{path}[]' converts it)")
    return why


def fill_from_record(
    doc: Document, record: Any, text_key: str, text_format: str, damaged: bool = True
) -> Document:
    """The document filled from an input record: its text, and its id, source, date and metadata when it has
    them; rejected as invalid_record unless it is an object with a string text. Lone surrogates in its strings
    (a JSONL line's bad bytes, read as such), which only a `damaged` one holds, are replaced by U+FFFD and
    counted in invalid_bytes; the U+FFFD its text held already are its replacement_chars."""
    invalid = bad_in_text = 0
    if damaged:
        stated = record.get(text_field(record, text_key)) if isinstance(record, dict) else None
        bad_in_text = len(_SURROGATE.findall(stated)) if isinstance(stated, str) else 0
        record, invalid = replace_surrogates(record)
    if not isinstance(record, dict):
        doc.reject("invalid_record", not_an_object(record))
        return doc
    text, is_html = record_text(record, text_key, text_format)
    if not isinstance(text, str):
        doc.reject("invalid_record", missing_text(record, text_key, text))
        return doc
    take_record_fields(doc, record, text_key)
    unwritable = unwritable_field(doc.metadata["extra"])
    if unwritable is not None:
        doc.metadata["extra"] = None
        doc.reject("invalid_record", unwritable)
        return doc
    if doc.created is not None:
        _created_in_shape(doc)
    previous = doc.metadata["invalid_bytes"]
    doc.metadata["invalid_bytes"] = (previous if isinstance(previous, int) else 0) + invalid
    if doc.metadata["replacement_chars"] is None:  # a record we wrote keeps what it said
        doc.metadata["replacement_chars"] = text.count("\ufffd") - bad_in_text
    doc.text = text
    doc.input_bytes = len(text.encode("utf-8"))
    doc.format = "html" if is_html else "txt"
    if doc.metadata["format"] is None:
        doc.metadata["format"] = doc.format
    return doc


# Top-level fields of an input record the tool uses, each when it has this type: Dolma's document fields
# besides the text (`id` when read/ids.py takes it for one; null says nothing). Any other field, or one of these of another
# type, is kept in metadata.extra; --explain's `trace` of a record read back is made again, not kept.
USED_FIELDS: dict[str, type | None] = {"id": None, "source": str, "added": str, "created": str, "metadata": dict}
OWN_FIELDS = ("trace",)
# Top-level fields that give the metadata key of the same name when the record's metadata does not.
METADATA_FIELDS = ("url", "title")


def take_record_fields(doc: Document, record: dict, text_key: str) -> None:
    """The fields of an input record the tool uses, into the document; every other field into
    metadata.extra, so that nothing of the input is lost. A record this tool wrote (its metadata has `path`)
    is read back as it was: "" is None again (write/schema.py), metadata.extra a dict again."""
    extra: dict[str, Any] = {}
    skipped = {text_field(record, text_key), *OWN_FIELDS}
    for key, value in record.items():
        if key in skipped:
            continue
        kind = USED_FIELDS.get(key, False)
        if kind is not False:
            value = plain(value)  # np.int64(5), a Timestamp: the id, the date it stands for (a value, not a line)
        if kind is not False and value is None:
            continue  # a field the tool uses, saying nothing
        if kind is False or (kind is not None and not isinstance(value, kind)):
            extra[key] = value
        elif key == "id":
            given = input_id(value)
            if given is not None:
                doc.id = given
            elif not (isinstance(value, str) and not value.strip()):
                extra[key] = value  # not an id (true, a list): kept, and the record gets its location's
        elif key == "source" and value:
            doc.source = doc.site = value
        elif key == "added":
            doc.added = read_back(value, str)
        elif key == "created":
            doc.created = read_back(value, Stamp)
    if isinstance(record.get("metadata"), dict):
        _take_metadata(doc, record["metadata"], extra)
    for key in METADATA_FIELDS:
        if isinstance(extra.get(key), str) and extra[key] and doc.metadata[key] is None:
            doc.metadata[key] = extra.pop(key)
    doc.metadata["extra"] = extra or None


def unwritable_record(record: dict, text_key: str) -> str | None:
    """Why fill_from_record rejects a record that has its text as invalid_record, or None: a field it would
    keep in metadata.extra that cannot be written as JSON (asked by check, which does not read the record
    into a document)."""
    doc = Document(id="", source="", location="")
    take_record_fields(doc, record, text_key)
    return unwritable_field(doc.metadata["extra"])


def unwritable_field(fields: dict[str, Any] | None) -> str | None:
    """Why a field kept in metadata.extra cannot be written as JSON, or None: a value handed to the Python
    API that JSON cannot hold (a set, bytes, a key that is no string, a NaN or an infinity), or one nested
    deeper than orjson writes (254 levels with metadata.extra's own; it reads 1,024)."""
    from corpusclean import json_numbers

    if not fields:
        return None
    try:
        if b"null" not in json_numbers.dumps(fields):  # orjson writes a NaN or an infinity as null
            return None
    except TypeError:
        pass
    for key, value in fields.items():
        try:
            json_numbers.dumps({key: value})
        except TypeError as err:
            why = "nested more than 253 levels deep" if str(err) == "Recursion limit reached" else err
            return f"field {key!r} cannot be written as JSON: {why}"
        number = json_numbers.non_finite(value)
        if number is not None:
            return f"field {key!r} cannot be written as JSON: it holds {number}, which JSON has no number for"
    return None


def _take_metadata(doc: Document, metadata: dict, extra: dict[str, Any]) -> None:
    """A record's metadata: our keys into the document when their type fits, the others into `extra` (a key
    a top-level field already gave there as `metadata.<key>`)."""
    ours = "path" in metadata
    for key, value in metadata.items():
        kind = METADATA.get(key)
        if kind is not None:
            value = plain(value)
        if key == "extra" and ours and isinstance(value, str):
            extra.update(extra_fields(value))
        elif kind is None or key == "extra" or not fits(value, kind):
            if key not in extra or extra[key] != value:  # the same field twice (a top-level copy) is kept once
                extra[f"metadata.{key}" if key in extra else key] = value
        elif value not in (None, "") or (ours and key != "path"):  # a record always has its file's path
            doc.metadata[key] = read_back(value, kind)
    if ours:
        # What the record states: a value, kept (lang, script, the byline's names, created's precision); a key
        # stated empty ("" or null) states nothing, and is found in the text as for any record, but the title and
        # the script: a record this tool wrote states "" where its text gave none, and a second run, on the text
        # the first one left, must not find one there. Stated empty, the others lost what the text gave: the
        # byline, editor, source and date lines were removed and their values dropped, and a Japanese text
        # without its lang was taken for Chinese and its kanji converted (築地 written 筑地).
        doc.preset = frozenset(key for key in metadata if key in doc.metadata
                               and (doc.metadata[key] is not None or key in ("title", "script")))


def _created_in_shape(doc: Document) -> None:
    """A created the record states in another shape ("2018-01-08", "...Z") in the one shape of our records,
    with its precision and zone; ours read back as they were; one that names no date is kept as stated."""
    from corpusclean.fields.dates import stamp_of_record

    metadata = doc.metadata
    stamp = stamp_of_record(doc.created, metadata["created_precision"], metadata["created_timezone"])
    if stamp is not None:
        doc.created, metadata["created_precision"], metadata["created_timezone"] = (
            stamp.created, stamp.precision, stamp.timezone)


# A line break of classic Mac OS files (CR), of Windows files (CRLF), or LF; a CR alone.
_LINE_BREAK = re.compile(rb"\r\n?|\n")
_BARE_CR = re.compile(rb"\r(?!\n)")


def jsonl_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """Each line of the stream, its line break kept, or for a line over max_bytes its size: it is read past in
    chunks, never held whole. Lines end at LF; in a file whose first line holds a bare CR and no LF (a classic
    Mac OS file) at CR, CRLF or LF: JSON escapes a CR inside a string, so a raw one is a line break."""
    limit = max_bytes + 1
    line = stream.readline(limit)
    if line and not line.endswith(b"\n"):  # cut at the limit, or the only line: does a bare CR end it first?
        past, held = _to_first_break(line, stream, max_bytes)
        if _BARE_CR.search(held):
            yield from _lines_at_any_break(held, stream, max_bytes, past)
            return
        size = past + len(held) - held.endswith(b"\n")
        yield size if size > max_bytes else held
        line = stream.readline(limit)
    while line:
        if len(line) < limit or line.endswith(b"\n"):
            yield line
        else:
            size = len(line)
            while chunk := stream.readline(READ_CHUNK):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    size -= 1
                    break
            yield size
        line = stream.readline(limit)


def _to_first_break(line: bytes, stream: BinaryIO, max_bytes: int) -> tuple[int, bytes]:
    """Read on from a first line that readline ended before any LF to its first line break, an LF or a bare CR
    (a CR last is told from CRLF's by the byte after it), or to the end, holding no more than max_bytes and a
    chunk: (the bytes read past and dropped, the bytes held)."""
    past, held = 0, line
    while not held.endswith(b"\n") and not _BARE_CR.search(held, 0, len(held) - held.endswith(b"\r")):
        more = stream.readline(READ_CHUNK)
        if not more:
            break
        if len(held) - held.endswith(b"\r") > max_bytes:  # over the limit: only its size counts
            past, held = past + len(held) - 1, held[-1:]  # a CR last may be CRLF's
        held += more
    return past, held


def _lines_at_any_break(start: bytes, stream: BinaryIO, max_bytes: int, past: int = 0) -> Iterator[bytes | int]:
    """The lines of `start` and then of the stream, each ending at CR, CRLF or LF (kept), or for a line over
    max_bytes its size, read past without holding more than max_bytes and a chunk. `past`: the bytes of the
    first line already read past."""
    buffer = start
    while True:
        end = _LINE_BREAK.search(buffer)
        if end is not None and (end.end() < len(buffer) or buffer[-1:] == b"\n"):  # a CR last may be CRLF's
            size = past + end.start()
            yield size if size > max_bytes else buffer[:end.end()]
            buffer, past = buffer[end.end():], 0
            continue
        chunk = stream.read1(READ_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            break
        if end is None and len(buffer) > max_bytes:
            buffer, past = b"", past + len(buffer)
        buffer += chunk
    if buffer or past:
        size = past + len(buffer.rstrip(b"\r"))
        yield size if size > max_bytes else buffer


def not_utf8_jsonl(encoding: str) -> str:
    """Why a JSONL file in UTF-16 or UTF-32 (decode.wide_jsonl) is not read: JSON between programs is UTF-8
    (RFC 8259), and so is every reader of JSONL downstream."""
    return f"the file is {encoding}, and JSONL must be UTF-8 (iconv -f {encoding} -t UTF-8 converts it)"


def opens_json_document(head: bytes) -> bool:
    """Whether a JSONL file's first non-blank line is a lone '{' or '[' (json.dump with an indent, Scrapy's .json
    feed, a crawler's file per article), or opens an array and ends with a comma: an array of records one a line
    ('[{...},' ... '{...}]', as a script joining records with ',\\n' writes it), whose every line was an
    invalid_json in JSON's words. One JSON document laid out over lines, which no JSON line is (none ends with a
    comma)."""
    lines = _LINE_BREAK.split(head.removeprefix(codecs.BOM_UTF8).lstrip(), 1)
    first = lines[0].strip()
    return len(lines) == 2 and (first in (b"{", b"[") or first.startswith(b"[") and first.endswith(b","))


def binary_jsonl(head: bytes) -> bool:
    """Whether a JSONL file's first bytes are binary, not text (NULs, and control bytes beyond decode's share):
    an image, an archive, a parquet file so named, each piece of which between 0a bytes was one more invalid line
    (told to iconv it from its encoding). A file whose first line alone was damaged (zeroed) opens its other lines
    as JSON objects do, and is read."""
    if b"\x00" not in head or not binary_content(head):
        return False
    return not any(line.lstrip().startswith(b"{") for line in head.split(b"\n")[1:])


def whole_file_reject(head: bytes) -> tuple[str, str] | None:
    """(reason, detail) of a JSONL file rejected whole from its first bytes, or None: one in UTF-16 or UTF-32
    (split on its 0a bytes), one JSON document over many lines, binary content; each piece or line of it would
    be one more invalid line. run rejects it so and check reports it once."""
    wide = wide_jsonl(head)
    if wide is not None:
        return "invalid_json", not_utf8_jsonl(wide)
    if opens_json_document(head):
        return "invalid_json", JSON_DOCUMENT
    if binary_jsonl(head):
        return "binary", BINARY
    return None


# Why such a file is rejected whole: each of its lines was one more invalid_json, in JSON's words.
JSON_DOCUMENT = ("the file is one JSON document over many lines, not JSON lines (jq -c '.[]' converts an array, "
                 "jq -c . an object)")


# Why a JSONL file without a non-blank line is rejected (empty_input).
EMPTY_JSONL = "the file holds no JSON lines"


def read_jsonl(
    inp: InputFile, stream: BinaryIO, text_key: str, text_format: str = "text",
    max_record_bytes: int = Config.max_record_bytes,
) -> Iterator[Document]:
    """One document per non-blank line; lines are split on \\n only (never on U+2028), a byte order mark at the
    start of a line is dropped, and a line over max_record_bytes is rejected as too_large."""
    seen_any, line_no = False, 0
    try:
        for line_no, line in enumerate(jsonl_lines(stream, max_record_bytes), 1):
            if isinstance(line, int):
                seen_any = True
                yield reject_too_large(_new_doc(inp, line_no), line, max_record_bytes, "max_record_bytes")
                continue
            line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            seen_any = True
            yield _record_doc(inp, line_no, line, text_key, text_format)
    except (OSError, EOFError) as err:  # a compressed stream cut short or damaged: its lines before were read
        doc = _new_doc(inp, line_no + 1) if line_no else _new_doc(inp)
        read = f"; its first {line_no} line(s) were read, the rest of the file is lost" if line_no else ""
        doc.reject("unreadable", f"read failed: {err}{read}")
        yield doc
        return
    if not seen_any:
        doc = _new_doc(inp)
        doc.reject("empty_input", EMPTY_JSONL)
        yield doc


def read_input(
    inp: InputFile, text_key: str, max_bytes: int, text_format: str = "text",
    max_record_bytes: int = Config.max_record_bytes,
) -> Iterator[Document]:
    """All documents of one input file, streaming JSONL record by record."""
    try:
        stream = open_binary(inp.path)
    except OSError as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", err.strerror or str(err))
        yield doc
        return
    try:
        kind, head, stream = sniffed(inp.path, stream, max_bytes)
        if kind == "jsonl":
            rejected = whole_file_reject(head)
            if rejected is not None:
                doc = _new_doc(inp)
                doc.reject(*rejected)
                yield doc
                return
            yield from read_jsonl(inp, stream, text_key, text_format, max_record_bytes)
        else:
            yield read_page_stream(inp, stream, max_bytes)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        doc = _new_doc(inp)
        doc.reject("unreadable", f"read failed: {err}")
        yield doc
    finally:
        if inp.path != STDIN:
            stream.close()


def reads_as_jsonl(path: str) -> bool:
    """Whether read_input reads the file as JSON lines: by its name, else by its first bytes (decompressed).
    True for a file that cannot be read, so that a reader of JSON lines reports it."""
    suffix = inner_suffix(path)
    if suffix in JSONL_SUFFIXES or suffix in PAGE_SUFFIXES:
        return suffix in JSONL_SUFFIXES
    try:
        with open_binary(path) as stream:
            return sniffed(path, stream, Config.max_page_bytes)[0] == "jsonl"
    except (OSError, EOFError):
        return True


def sniffed(path: str, stream: BinaryIO, max_bytes: int) -> tuple[str, bytes, BinaryIO]:
    """What the stream of the file at `path` holds ("jsonl", "html" or "page"), the head the sniff told it from,
    and the stream to read it from. When neither the name nor the first 4 KB say JSON lines, a page's bytes
    (max_bytes and one) are read and its first line of content and 4 KB past it looked at: a first line longer
    than 4 KB (the end of a record cut by `split -b`) or blank space before it hid the JSON lines after it."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
    kind = _sniff_kind(path, head)
    if kind == "jsonl" or (path != STDIN and inner_suffix(path) in PAGE_SUFFIXES):
        return kind, head, stream
    data = read_at_most(stream, max_bytes + 1)
    start = _BLANK.match(data).end()
    first = _LINE_BREAK.search(data, start)
    head = data[start:(len(data) if first is None else first.end()) + SNIFF_BYTES]
    return _sniff_kind(path, head), head, io.BufferedReader(_AfterHead(data, stream))  # type: ignore[arg-type]


def page_not_json_lines(path: str, stream: BinaryIO, max_bytes: int) -> tuple[str | None, BinaryIO]:
    """What run makes of a file it reads as a page, not as JSON lines, by read_input's rule (sniffed: its name,
    else its first bytes), or None for JSON lines (and for an empty file: no JSON line, as for one named .jsonl);
    and the stream to read on from. check lints JSON lines: given a page (a .txt, an .html, a page's bytes), it
    linted its lines, or read a .txt of JSON lines that run rejects."""
    kind, _, stream = sniffed(path, stream, max_bytes)
    if kind == "jsonl":
        return None, stream
    data = read_at_most(stream, max_bytes + 1)
    stream = io.BufferedReader(_AfterHead(data, stream))  # type: ignore[arg-type]
    doc = read_page(InputFile(path, as_text(path), ""), data, max_bytes, len(data))
    if doc.reject_reason == "empty_input":
        return None, stream
    if doc.rejected:
        return f"{doc.reject_detail}: run rejects it as {doc.reject_reason}", stream
    return f"run reads the file as one page ({doc.format}), not as JSON lines: check lints JSON lines", stream


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
