"""Compressed files, gzip and zstd: recognised by their first bytes when read (whatever the name says),
chosen by the name's suffix when written (`-o clean.jsonl.zst`). Other compressions (bzip2, xz, zip, ...) and
archives (tar, WARC) are recognised the same ways, to be refused in words that name them.

A stream cut short (a truncated download, a full disk while it was written) is an error when read, never a
silently shorter input: gzip raises EOFError itself, and the zstd reader below checks that its last frame
ended. Damaged data inside a stream is an OSError from either codec, as any other read that fails.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b\x08"    # the magic and deflate, the one method gzip defines (RFC 1952)
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# A zstd skippable frame (magic 0x184D2A50-0x184D2A5F, little-endian): pzstd opens its files with one (it
# holds the size of the frame after it), and the decompressor steps over it.
ZSTD_SKIPPABLE = re.compile(rb"[\x50-\x5f]\x2a\x4d\x18")
SUFFIXES = {".gz": "gzip", ".zst": "zstd"}
GZIP_LEVEL = 6   # gzip's own default: python's 9 writes 2-3x slower for 1-2% smaller files
ZSTD_LEVEL = 3   # zstd's own default
READ_SIZE = 1 << 17
PIECE = 1 << 12   # compressed bytes decompressed at a time (gzip: 4 MB out at most); an error loses their bytes


def codec_of_name(name: str) -> str | None:
    """The codec a file name's suffix asks for: 'out.jsonl.gz' -> 'gzip'; None for a plain name."""
    lowered = name.lower()
    return next((codec for suffix, codec in SUFFIXES.items() if lowered.endswith(suffix)), None)


# Suffixes of compression formats this tool does not write: an output so named held plain JSONL, which a
# reader going by the name (HF datasets, bzcat, xzcat) fails on.
FOREIGN_SUFFIXES = (".bz2", ".xz", ".lzma", ".lz4", ".lz", ".br", ".zip", ".7z")


def foreign_codec_suffix(name: str) -> str | None:
    """The suffix of a compression format other than gzip and zstd a file name ends in: 'out.jsonl.bz2' -> '.bz2'."""
    lowered = name.lower()
    return next((suffix for suffix in FOREIGN_SUFFIXES if lowered.endswith(suffix)), None)


def without_codec_suffix(name: str) -> str:
    """The name without a compression suffix: 'a.jsonl.zst' -> 'a.jsonl'."""
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def codec_of_bytes(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC) or ZSTD_SKIPPABLE.match(head):
        return "zstd"
    return None


# Compression formats this tool does not read: how their files open, their name, what decompresses them. Read
# as text, each was rejected as binary, or as JSONL split on its 0a bytes into invalid lines ('str is not valid
# UTF-8'): 27 for a bzip2 file of 2,000 records.
FOREIGN_FORMATS = (
    (re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)"), "bzip2", "bunzip2"),
    (re.compile(rb"\xfd7zXZ\x00"), "xz", "unxz"),
    (re.compile(rb"PK\x03\x04"), "zip", "unzip"),
    (re.compile(rb"7z\xbc\xaf\x27\x1c"), "7z", "7z x"),
    (re.compile(rb"\x04\x22\x4d\x18"), "lz4", "unlz4"),
)

# Archives of many files or pages, which this tool does not read; read as JSON lines or as one page each lost or
# garbled data. A tar archive (POSIX or GNU: "ustar" and its version at byte 257 of each file's header) as JSON
# lines had each file's first line glued to the 512-byte header before it, rejected as invalid_json in JSON's words
# ('unexpected character'), its record lost, and its padding was one more: `tar cf - *.jsonl | corpusclean run -`
# wrote 118 of 120 records with three such rejects; as a page it was 'binary content (NUL bytes)'. A WARC file
# (a crawl's archive: each page's WARC and HTTP headers, then its HTML, one after another) named on the command
# line was written as one text record of every page's headers and markup, exit 0.
TAR_MAGIC = (b"ustar\x0000", b"ustar  \x00")
TAR_MAGIC_AT = 257
ARCHIVE_HEAD = TAR_MAGIC_AT + 8   # the bytes to look at
WARC_START = re.compile(rb"WARC/\d+\.\d+\r?\n")


def archive_of(head: bytes) -> tuple[str, str] | None:
    """The archive the first bytes of a stream open, and what to do with it; None for none."""
    if head[TAR_MAGIC_AT:ARCHIVE_HEAD] in TAR_MAGIC:
        return "a tar archive", "extract it (tar xf) and give the folder of its files"
    if WARC_START.match(head):
        return ("a WARC archive", "extract its pages first (as files, or as JSON lines: HTML under html, a WET file's "
                "text under text)")
    return None


def decompressed(stream: io.BufferedReader) -> tuple[BinaryIO, str | None]:
    """The stream, decompressed when its first bytes are those of gzip or zstd; and the codec found. OSError
    for a stream of another compression (FOREIGN_FORMATS) or an archive (archive_of), naming it."""
    head = stream.peek(ARCHIVE_HEAD)[:ARCHIVE_HEAD]
    for opening, name, tool in FOREIGN_FORMATS:
        if opening.match(head):
            raise OSError(f"{name}-compressed, which this tool does not read: {tool} it, or compress it with gzip "
                          "or zstd")
    archive = archive_of(head)
    if archive is not None:
        raise OSError(f"{archive[0]}, which this tool does not read: {archive[1]}")
    codec = codec_of_bytes(head[: len(ZSTD_MAGIC)])
    if codec is None:
        return stream, None
    frames = _GzipReader(stream) if codec == "gzip" else _ZstdReader(stream)
    return io.BufferedReader(_OnceCompressed(io.BufferedReader(frames, READ_SIZE), codec, frames), READ_SIZE), codec


DECOMPRESSORS = {"gzip": "gunzip", "zstd": "unzstd"}


class _OnceCompressed(io.RawIOBase):
    """A decompressed stream, whose first read is an OSError when it is compressed again (gzip inside gzip): read
    as text, such a file was binary, or JSON lines each 'not UTF-8'. At the end of the data a broken stream
    gave, its error is raised (OSError, or EOFError for one cut short), and raised again at every read after."""

    def __init__(self, inner: io.BufferedReader, codec: str, frames: _Frames) -> None:
        self._inner, self._codec, self._checked, self._frames = inner, codec, False, frames

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if not self._checked:
            self._checked = True
            head = self._inner.peek(ARCHIVE_HEAD)[:ARCHIVE_HEAD]
            nested = codec_of_bytes(head) or next((name for opening, name, _ in FOREIGN_FORMATS if opening.match(head)),
                                                  None)
            if nested is not None:
                raise OSError(f"{nested} inside {self._codec} (compressed twice), which this tool does not read: "
                              f"{DECOMPRESSORS[self._codec]} it once")
            archive = archive_of(head)
            if archive is not None:
                raise OSError(f"{archive[0]} inside {self._codec}, which this tool does not read: {archive[1]}")
        size = self._inner.readinto(buffer)
        if not size and self._frames.failure is not None:
            raise self._frames.failure
        return size


class _Frames(io.RawIOBase):
    """Compressed members or frames one after another (as `cat a.gz b.gz` makes them), decompressed as one
    stream. A read gives every byte decompressed before a failure (damaged data, a stream cut short), then
    reads end there and `failure` holds the error: raised from under a buffered reader, it lost the bytes the
    reader had gathered in that call, whole lines before the cut (69 of a cut file's 85)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._started = False   # bytes of the current member were given to it
        self._input = memoryview(b"")   # compressed bytes read and not yet given to the codec
        self._pending = memoryview(b"")
        self.failure: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        # One piece at a time, until it gives bytes: a read's whole 128 KB of zstd held 1 GB of blank lines,
        # decompressed at once (2 GB resident for the first line of a 31 KB file).
        while not self._pending and self.failure is None:
            if not self._input:
                self._input = memoryview(self._source.read(READ_SIZE))
                if not self._input:
                    if self._started and not self._ended():
                        self.failure = EOFError(f"{self.codec}: the stream ends inside a {self.unit} (a truncated "
                                                "file)")
                        break
                    return 0
            piece, self._input = self._input[:self.piece], self._input[self.piece:]
            # damaged data loses what its piece decompresses to, no more
            self._pending = memoryview(self._feed(bytes(piece)))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    codec, unit, piece = "", "", PIECE

    def _feed(self, data: bytes) -> bytes:
        """The bytes `data` decompresses to (given every byte before it); for damaged data, those decompressed
        before it, with `failure` set (an OSError)."""
        raise NotImplementedError

    def _ended(self) -> bool:
        """Whether the last member or frame begun has ended."""
        raise NotImplementedError


class _GzipReader(_Frames):
    """gzip members, read with zlib (its checks of each member's CRC and length included): gzip.GzipFile raised
    zlib.error, which no caller expects from a read, on damaged data, and under its own buffered reader lost
    what it had decompressed in the read that failed. Zero bytes after a member are padding, as gzip reads
    them; other bytes that open no member are damage (one byte too: only 1f may be a next member cut short)."""

    codec, unit = "gzip", "member"

    def __init__(self, source: BinaryIO) -> None:
        super().__init__(source)
        self._member = zlib.decompressobj(31)
        self._between = b""   # bytes after a member's end, before the next one's magic is known

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._member.eof:
                data = (self._between + data).lstrip(b"\0")
                if len(data) < 2 and GZIP_MAGIC.startswith(data):   # the next member's first byte, or none
                    self._between = data
                    break
                if not data.startswith(GZIP_MAGIC[:2]):
                    self.failure = OSError(f"Not a gzipped file ({data[:2]!r})")
                    break
                self._member, self._between = zlib.decompressobj(31), b""
            self._started = True
            try:  # at most PIECE bytes out a call: damaged data loses what its call decompressed
                out.append(self._member.decompress(data, PIECE))
            except zlib.error as err:
                self.failure = OSError(f"gzip: {err}")
                break
            data = self._member.unused_data if self._member.eof else self._member.unconsumed_tail
        return b"".join(out)

    def _ended(self) -> bool:
        return self._member.eof and not self._between


# The largest window a zstd frame may ask for (zstd's own default limit, 128 MB): streaming decompression holds a
# buffer of the window's size for each stream read, and a frame of `zstd --long=31` asks for 2 GB.
ZSTD_MAX_WINDOW = 1 << 27
ZSTD_HEADER_MAX = 18   # the bytes of the longest frame header


def zstd_window_too_large(header: bytes) -> str | None:
    """Why a zstd frame of this header is not decompressed (its window is over ZSTD_MAX_WINDOW, as `zstd --long`
    writes it), with the command that decompresses it; None for one that is not so."""
    import math

    import zstandard

    try:
        window = zstandard.get_frame_parameters(header).window_size
    except zstandard.ZstdError:
        return None
    if window <= ZSTD_MAX_WINDOW:
        return None
    long = max(27, math.ceil(math.log2(window)))
    return (f"zstd: the file was compressed with a {window >> 20} MB window (zstd --long={long}), over the "
            f"{ZSTD_MAX_WINDOW >> 20} MB this tool decompresses with to bound its memory: decompress it first with "
            f"zstd -d --long={long}")


class _ZstdReader(_Frames):
    """zstd frames; zstandard's own stream_reader ends quietly on a truncated frame, this one fails."""

    # A byte of zstd gives at most 32 KB (a 4-byte block repeating one byte 128 KB times): a piece of 256, 8 MB.
    codec, unit, piece = "zstd", "frame", 256

    def __init__(self, source: BinaryIO) -> None:
        import zstandard

        super().__init__(source)
        self._new = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW).decompressobj
        self._frame = self._new()
        self._header = b""   # the current frame's first bytes, to say why it is refused
        self._error = zstandard.ZstdError

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._frame.eof:
                self._frame, self._header = self._new(), b""
            self._started = True
            self._header += data[:ZSTD_HEADER_MAX - len(self._header)]
            try:
                out.append(self._frame.decompress(data))
            except self._error as err:
                self.failure = OSError(zstd_window_too_large(self._header) or f"zstd: {err}")
                break
            data = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)

    def _ended(self) -> bool:
        return self._frame.eof


class Compressed:
    """A writable stream that compresses into `target`; finish() ends the compressed stream and leaves
    `target` open (the caller renames or flushes it)."""

    def __init__(self, target: BinaryIO, codec: str) -> None:
        if codec == "gzip":
            # No name and no time in the header: the same records give the same bytes.
            self._stream: BinaryIO = gzip.GzipFile(filename="", mode="wb", fileobj=target,  # type: ignore[assignment]
                                                   compresslevel=GZIP_LEVEL, mtime=0)
        else:
            import zstandard

            self._stream = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).stream_writer(
                target, closefd=False
            )

    def write(self, data: bytes) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def finish(self) -> None:
        self._stream.close()
