"""Compressed files, gzip and zstd: recognised by their first bytes when read (whatever the name says),
chosen by the name's suffix when written (`-o clean.jsonl.zst`). Other compressions (bzip2, xz, zip, ...) are
recognised the same ways, to be refused in words that name them.

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


def decompressed(stream: io.BufferedReader) -> tuple[BinaryIO, str | None]:
    """The stream, decompressed when its first bytes are those of gzip or zstd; and the codec found. OSError
    for a stream of another compression (FOREIGN_FORMATS), naming it."""
    head = stream.peek(10)[:10]
    for opening, name, tool in FOREIGN_FORMATS:
        if opening.match(head):
            raise OSError(f"{name}-compressed, which this tool does not read: {tool} it, or compress it with gzip "
                          "or zstd")
    codec = codec_of_bytes(head[: len(ZSTD_MAGIC)])
    if codec == "gzip":
        return io.BufferedReader(_OnceCompressed(io.BufferedReader(_GzipReader(stream)), codec)), codec
    if codec == "zstd":
        return io.BufferedReader(_OnceCompressed(io.BufferedReader(_ZstdReader(stream), READ_SIZE), codec),
                                 READ_SIZE), codec
    return stream, None


DECOMPRESSORS = {"gzip": "gunzip", "zstd": "unzstd"}


class _OnceCompressed(io.RawIOBase):
    """A decompressed stream, whose first read is an OSError when it is compressed again (gzip inside gzip): read
    as text, such a file was binary, or JSON lines each 'not UTF-8'."""

    def __init__(self, inner: io.BufferedReader, codec: str) -> None:
        self._inner, self._codec, self._checked = inner, codec, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if not self._checked:
            self._checked = True
            head = self._inner.peek(16)[:16]
            nested = codec_of_bytes(head) or next((name for opening, name, _ in FOREIGN_FORMATS if opening.match(head)),
                                                  None)
            if nested is not None:
                raise OSError(f"{nested} inside {self._codec} (compressed twice), which this tool does not read: "
                              f"{DECOMPRESSORS[self._codec]} it once")
        return self._inner.readinto(buffer)


class _GzipReader(io.RawIOBase):
    """gzip members one after another, decompressed as one stream. gzip.GzipFile raises zlib.error, which no
    caller expects from a read, on damaged deflate data; this one raises OSError."""

    def __init__(self, source: BinaryIO) -> None:
        self._file = gzip.GzipFile(fileobj=source)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        try:
            return self._file.readinto(buffer)
        except zlib.error as err:
            raise OSError(f"gzip: {err}") from None


class _ZstdReader(io.RawIOBase):
    """zstd frames one after another (as `cat a.zst b.zst` makes them), decompressed as one stream.
    zstandard's own stream_reader ends quietly on a truncated frame; this one raises EOFError."""

    def __init__(self, source: BinaryIO) -> None:
        import zstandard

        self._source = source
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._frame = self._new()
        self._started = False   # bytes of the current frame were given to it
        self._pending = memoryview(b"")
        self._error = zstandard.ZstdError

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self._pending:
            data = self._source.read(READ_SIZE)
            if not data:
                if self._started and not self._frame.eof:
                    raise EOFError("zstd: the stream ends inside a frame (a truncated file)")
                return 0
            self._pending = memoryview(self._feed(data))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _feed(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._frame.eof:
                self._frame = self._new()
            self._started = True
            try:
                out.append(self._frame.decompress(data))
            except self._error as err:
                raise OSError(f"zstd: {err}") from None
            data = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)


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
