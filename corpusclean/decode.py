"""Bytes -> str, never silently: BOM, declared charset, strict UTF-8, line by line, then damaged bytes.

The first steps only accept a reading that decodes strictly. Strict decoding cannot tell GB from Big5 (a
gb18030 decode "succeeds" on almost any Big5 file, with the wrong text), so when legacy Chinese codecs
compete, the reading whose Han characters are mostly very common ones wins. When no reading is strict, a
reading that fails on only a few bytes (a stray byte, a file cut inside a character) is kept, each bad byte
replaced by U+FFFD and counted. A detector's guess is kept only when it reads as text of its script: a
Chinese page read as KOI8 or Latin-1 is mojibake, not text, and is rejected.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from corpusclean.document import Document
from corpusclean.pipeline import DocumentStage
from corpusclean.plausibility import (
    CHINESE_CODECS, CONCLUSIVE_HAN, MIN_HAN, ChineseScore, chinese_score, reads_as_text,
)
from corpusclean.text import compiled_when_used

# Declared labels Python does not know, and codecs replaced by the superset browsers use for them.
_LABEL_ALIASES = {"x-gbk": "gbk", "x-big5": "big5", "x-x-big5": "big5", "x-euc-tw": "big5", "unicode": "utf-8"}
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "cp950": "big5hkscs",
    "ascii": "cp1252", "iso8859-1": "cp1252",
}

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Python codecs a page may name that are no character set: they fail with UnicodeError (not a decode error)
# always (undefined) or on any byte that is not ASCII (host names: idna, punycode), or they read Python's
# backslash escapes in the page's ASCII (unicode-escape, raw-unicode-escape: its 'C:\new' held a line break,
# its '\u4e2d' a 中 the page never had). The codecs that are no text encoding at all (base64, zlib, rot13,
# hex) are left out by their CodecInfo.
_NOT_CHARSETS = frozenset({"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape"})
_WIDE_CODECS = ("utf-16", "utf-32")
# Codecs that read escapes in plain ASCII ('+-' is '+' in UTF-7, '~~' is '~' in HZ, '+ADw-' a '<'): a page
# declaring one is read in it only when that reading is Chinese, its text being in the escapes. No browser
# decodes either (the Encoding Standard leaves UTF-7 out and maps HZ to its replacement encoding).
_ASCII_ESCAPE_CODECS = frozenset({"utf-7", "hz"})
# The byte order marks of UTF-16 and UTF-32, whose text holds NUL bytes (ASCII in UTF-32 is mostly NULs).
WIDE_BOMS = tuple(bom for bom, codec, _ in _BOMS if codec in _WIDE_CODECS)
# How a JSONL file in UTF-16 or UTF-32 opens (Windows PowerShell 5's `>` writes UTF-16): its byte order mark,
# or the '{"' its first record opens with (a UTF-8 file holds no NUL there). UTF-32 first, as in _BOMS.
# Named as iconv takes them: without a byte order mark, with the byte order.
_WIDE_JSONL_OPENINGS = tuple(
    (opening.encode(f"{codec}-{order}"), (codec if opening == "\ufeff" else codec + order).upper())
    for codec in ("utf-32", "utf-16") for order in ("le", "be") for opening in ("\ufeff", '{"')
)


def wide_jsonl(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 ('UTF-16', or 'UTF-16LE' without a byte order mark) the first bytes of a JSONL file
    say it is written in, else None."""
    return next((name for opening, name in _WIDE_JSONL_OPENINGS if head.startswith(opening)), None)


def opens_wide_json(head: bytes) -> bool:
    """Whether the first bytes of a file open a JSON object in UTF-16 or UTF-32 (after its byte order mark and
    blank space): JSON lines, whatever the file is named, as a UTF-8 file opening with '{' is."""
    encoding = wide_jsonl(head)
    if encoding is None:
        return False
    return head[:64].decode(encoding.lower(), "ignore").lstrip("\ufeff \t\r\n").startswith("{")


_MIN_WIDE_SNIFF = 32
_SNIFF_BYTES = 8192
_DECLARATION = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9._:-]+)""",
    re.IGNORECASE,
)

# C0 controls that never occur in text; tab, newlines, form feed and ESC (ISO-2022) are left out.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_MAX_CONTROL_SHARE = 0.01

_private_use = compiled_when_used(r"[\ue000-\uf8ff]")  # where wrong legacy readings land (user-defined areas)

# A reading that fails on at most this share of the non-ASCII bytes is the right codec with a few damaged
# bytes; a wrong one fails on most of them (GBK read as UTF-8 or Latin-1 text read as UTF-8: over half).
_MAX_INVALID_SHARE = 0.02
# ... or at most this many, each beside at least this many characters a UTF-8 reading decoded (see _too_many_invalid).
_FEW_INVALID = 3
_UTF8_READ_PER_INVALID = 10
_NOT_ASCII = bytes(range(128))
# While a reading is judged, each byte its codec cannot decode stands as U+DC00 + the byte: strict decoding
# never gives lone surrogates, so they count the bad bytes exactly; U+FFFD replaces them in the result.
_MARKED_CHARS = "".join(map(chr, range(0xDC00, 0xDD00)))
_MARKED = re.compile(f"[{_MARKED_CHARS}]")
# Codecs whose strict reading can give a lone surrogate: UTF-7's base64 escapes name any UTF-16 code unit, and
# '+2AA-' is U+D800 (strict UTF-8, UTF-16, UTF-32 and the legacy codecs never give one)
_SURROGATE_CODECS = frozenset({"utf-7"})
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A character beyond U+FFFF written as the UTF-8 of its two UTF-16 surrogates, three bytes each (CESU-8: Java's
# modified UTF-8, Oracle's UTF8), which strict UTF-8 refuses: a high surrogate (ED A0-AF xx), then a low one.
_SURROGATE_PAIR = re.compile(rb"\xed[\xa0-\xaf][\x80-\xbf]\xed[\xb0-\xbf][\x80-\xbf]")


def _mark_invalid(error: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(chr(0xDC00 + byte) for byte in error.object[error.start:error.end]), error.end


codecs.register_error("corpusclean-mark", _mark_invalid)



@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None      # Python codec name used, normalised; "mixed" when lines used different ones
    method: str               # bom | declared | utf-8 | detector | per-line
    replacement_chars: int    # U+FFFD already present in the decoded text
    invalid_bytes: int        # bytes the codec could not decode, each replaced by U+FFFD
    error: str | None         # why text is None


def canonical_codec(label: str | None) -> str | None:
    """The Python codec for a charset label, widened to the superset browsers use; None if unknown, or
    if it names no character set (base64, rot13, idna: see _NOT_CHARSETS)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(_LABEL_ALIASES.get(label, label))
    except (LookupError, ValueError):  # ValueError: a NUL in it (a crawl wrapper's encoding="gb\x00k")
        return None
    if not info._is_text_encoding or info.name in _NOT_CHARSETS:
        return None
    return _SUPERSETS.get(info.name, info.name)


def sniff_declared_charset(data: bytes) -> str | None:
    """The charset label an HTML or XML page declares in its first few KB, lower-cased, or None."""
    if data.find(b"<", 0, _SNIFF_BYTES) < 0:  # plain text: a memchr instead of a regex scan
        return None
    match = _DECLARATION.search(data, 0, _SNIFF_BYTES)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    if not data:
        return _success("", "utf-8", "utf-8")
    by_bom = _decode_with_bom(data)
    if by_bom is not None:
        return by_bom
    data = data.removeprefix(codecs.BOM_UTF8)  # a UTF-8 BOM before bytes UTF-8 cannot read: text in no reading
    codec = canonical_codec(declared or sniff_declared_charset(data))
    if _looks_binary(data):
        return _decode_wide_without_bom(data, codec) or _failure("binary content")
    if codec is not None and codec.startswith(_WIDE_CODECS):
        codec = None  # bytes that read as ASCII are not UTF-16/32, whatever they declare (as browsers do)
    utf8 = _utf8(data)
    if utf8 is not None and codec not in _ASCII_ESCAPE_CODECS and data.isascii():
        escaped = _escaped_reading(data, codec)
        if escaped is not None:
            return escaped
    if codec == "utf-8" and utf8 is not None:
        return _success(utf8, "utf-8", "declared")
    if codec is not None and codec != "utf-8":
        by_declaration = _decode_declared(data, codec, utf8)
        if by_declaration is not None:
            return by_declaration
    if utf8 is not None:
        return _success(utf8, "utf-8", "utf-8")
    mixed = _mixes_utf8_and_legacy_lines(data)
    if mixed:
        by_line = _decode_per_line(data)
        if by_line is not None:
            return by_line
    # No reading is strict: the bytes are damaged, or in an encoding only a detector can name. A file
    # mixing UTF-8 and legacy lines cannot be read whole in the legacy codec.
    return (
        _decode_damaged(data, None if mixed else codec)
        or _decode_with_detector(data)
        or (None if mixed else _decode_per_line(data))
        or _failure("no encoding gives plausible text for these bytes")
    )


class Decode(DocumentStage):
    """Document stage: ``doc.raw`` -> ``doc.text``; rejects undecodable bytes, keeping them for the rejects file."""

    name = "decode"
    rejects_with = ("undecodable",)

    def __call__(self, doc: Document) -> Document:
        if doc.raw is None:  # a JSONL record: already text; a record we wrote keeps what it said
            if doc.metadata["encoding"] is None:
                doc.metadata["encoding"] = "utf-8"
            if doc.metadata["replacement_chars"] is None:
                doc.metadata["replacement_chars"] = doc.text.count("\ufffd")
            if doc.metadata["invalid_bytes"] is None:
                doc.metadata["invalid_bytes"] = 0
            return doc
        decoded = decode_bytes(doc.raw, doc.declared_charset)
        if decoded.text is None:
            doc.reject("undecodable", detail=decoded.error)
            return doc
        doc.text = decoded.text
        doc.metadata["encoding"] = decoded.encoding
        doc.metadata["replacement_chars"] = decoded.replacement_chars
        doc.metadata["invalid_bytes"] = decoded.invalid_bytes
        doc.raw = None
        return doc


def _success(text: str, encoding: str, method: str, invalid: int = 0) -> Decoded:
    """A reading; ``invalid`` > 0 when its text still marks the bytes that did not decode (see _MARKED). A lone
    surrogate a UTF-7 reading gives, which UTF-8 cannot hold and the stages cannot encode, is U+FFFD and counted
    with them, as in a JSONL record."""
    replacement = text.count("\ufffd")
    if invalid:
        text = _MARKED.sub("\ufffd", text)
    lone = 0
    if encoding in _SURROGATE_CODECS:
        text, lone = _LONE_SURROGATE.subn("\ufffd", text)
    return Decoded(text, encoding, method, replacement, invalid + lone, None)


def _failure(error: str) -> Decoded:
    return Decoded(None, None, "none", 0, 0, error)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf8(data: bytes) -> str | None:
    """The strict UTF-8 reading of the bytes, a character written as its two surrogates (_SURROGATE_PAIR) read as
    that character; None when they are no UTF-8 so read."""
    text = _strict(data, "utf-8")
    if text is None:
        joined = joined_surrogate_pairs(data)
        text = None if joined is data else _strict(joined, "utf-8")
    return text


def joined_surrogate_pairs(data: bytes) -> bytes:
    """The bytes with each character written as the UTF-8 of its two surrogates (CESU-8) in UTF-8; the same object
    when they hold none."""
    if b"\xed" not in data:
        return data
    joined = _SURROGATE_PAIR.sub(_joined_pair, data)
    return data if joined == data else joined


def _joined_pair(pair: re.Match) -> bytes:
    return pair[0].decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass").decode("utf-16-le").encode()


def _marked_reading(data: bytes, codec: str) -> str:
    """The text with each byte the codec cannot decode marked (see _MARKED). For UTF-8, surrogateescape marks
    exactly so, in C: its bad sequences are made of bytes >= 0x80 only (a page in another encoding calls the
    Python handler once per bad byte, 3x the cost of the decode stage on the benchmark's Big5 pages). The CJK
    codecs report ranges holding ASCII bytes, which surrogateescape would decode instead of marking."""
    if codec == "utf-8":
        return data.decode(codec, "surrogateescape")
    return data.decode(codec, "corpusclean-mark")


def _too_many_invalid(invalid: int, data: bytes, utf8_read: int = 0) -> bool:
    """Whether `invalid` bytes a codec could not decode are too many of the bytes beyond ASCII for the codec to
    be the right one with a few damaged bytes. `utf8_read`: the characters beyond ASCII a UTF-8 reading did
    decode. Bytes of another encoding seldom make valid UTF-8 sequences, so a stray byte among few others
    beyond ASCII (an English page's dozen curly quotes) is a few damaged bytes too."""
    if invalid <= _FEW_INVALID and utf8_read >= _UTF8_READ_PER_INVALID * invalid:
        return False
    return invalid > _MAX_INVALID_SHARE * len(data.translate(None, _NOT_ASCII))


def _utf8_read(marked: str, invalid: int) -> int:
    """The characters beyond ASCII a UTF-8 reading decoded, its `invalid` bad bytes marked in `marked`."""
    return len(marked) - len(marked.encode("ascii", "ignore")) - invalid


def tolerant_utf8(data: bytes) -> tuple[str, int] | None:
    """The UTF-8 reading of the bytes, each byte it cannot decode a lone surrogate (U+DC80 + the byte, as
    surrogateescape marks it), and how many, when they are a few damaged bytes; None when there are too many
    for the bytes to be UTF-8."""
    return _tolerant(data, "utf-8")


def _tolerant(data: bytes, codec: str) -> tuple[str, int] | None:
    """(text with its bad bytes marked, how many) when the codec fails on only a few bytes, else None."""
    text = _marked_reading(data, codec)
    invalid = len(_MARKED.findall(text))
    read = _utf8_read(text, invalid) if codec == "utf-8" and invalid <= _FEW_INVALID else 0
    if _too_many_invalid(invalid, data, read):
        return None
    return text, invalid


@cache
def _can_write_chinese(codec: str) -> bool:
    try:
        "中文".encode(codec)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, codec, encoding in _BOMS:
        if data.startswith(bom):
            text = _utf8(data[len(bom):]) if codec == "utf-8-sig" else _strict(data, codec)
            if text is not None:
                return _success(text, encoding, "bom")
            # The BOM names the codec: a few bad bytes (a file cut inside a character) do not change that.
            if codec == "utf-8-sig":
                reading = _tolerant(data[len(bom):], "utf-8")
                return None if reading is None else _success(reading[0], encoding, "bom", reading[1])
            return _damaged_wide(data, codec)   # never the next BOM: UTF-32 LE's opens with UTF-16 LE's
    return None


def _damaged_wide(data: bytes, codec: str) -> Decoded:
    """UTF-16 or UTF-32 after its byte order mark that fails strictly: kept, each bad byte U+FFFD and counted,
    when its bad code units are a few (as a damaged page in another encoding is: see _tolerant) or only end
    it (a file cut inside its last character), and the rest reads as text; else an error that says so. Random
    bytes after a BOM fail on about one UTF-16 code unit in thirty, and what they give reads as no text."""
    text = _marked_reading(data, codec)
    invalid = len(_MARKED.findall(text))
    width = 2 if codec == "utf-16" else 4
    if invalid == len(text) - len(text.rstrip(_MARKED_CHARS)) and invalid <= 3:
        return _success(text, codec, "bom", invalid)
    few = max(_FEW_INVALID, _MAX_INVALID_SHARE * (len(data) // width))
    if invalid <= width * few:
        decoded = _MARKED.sub("", text)   # what did decode is judged
        if not _looks_binary(decoded.encode("utf-8")) and reads_as_text(decoded):
            return _success(text, codec, "bom", invalid)
    return _failure(f"{invalid} of its {len(data)} bytes are no {codec}, after its {codec} byte order mark")


def binary_content(data: bytes, declared: str | None = None) -> bool:
    """Whether bytes are no text this module reads: control bytes beyond 1% of the first 8 KB, and neither a
    UTF-16/32 byte order mark, the UTF-16/32 they are declared in (a crawl wrapper's encoding), nor the NULs of
    mostly-ASCII UTF-16 without one. A stray NUL in a page is text."""
    return (not data.startswith(WIDE_BOMS) and _looks_binary(data)
            and _decode_wide_without_bom(data, canonical_codec(declared)) is None)


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _decode_wide_without_bom(data: bytes, declared: str | None) -> Decoded | None:
    """UTF-16/32 without a BOM: as declared, else mostly-ASCII UTF-16 with its NULs on one side of each pair,
    else Chinese UTF-16 (few NULs: _chinese_utf16)."""
    if declared is not None and declared.startswith(_WIDE_CODECS):
        text = _strict(data, declared)
        if text is not None:
            return _success(text, declared[:6], "declared")
    sample = data[:_SNIFF_BYTES]
    if len(sample) < _MIN_WIDE_SNIFF:  # a few bytes with a NUL are no evidence of UTF-16
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if (even + odd) * 5 < len(sample):
        return _chinese_utf16(data)
    if min(even, odd) * 10 > even + odd:
        return None
    text = _wide_text(data, "utf-16-le" if odd > even else "utf-16-be")
    return None if text is None else _success(text, "utf-16", "detector")


def _chinese_utf16(data: bytes) -> Decoded | None:
    """Chinese in UTF-16 without a BOM: few NULs (its ASCII's, U+4E00's), in the order whose reading is Chinese."""
    for codec in ("utf-16-le", "utf-16-be"):
        text = _wide_text(data, codec)
        if text is not None:
            score = chinese_score(text)
            if score.han >= CONCLUSIVE_HAN and score.reads_as_chinese:
                return _success(text, "utf-16", "detector")
    return None


def _wide_text(data: bytes, codec: str) -> str | None:
    """The strict reading of the bytes in a UTF-16 codec when it is text, not control characters."""
    text = _strict(data, codec)
    return None if text is None or _looks_binary(text.encode("utf-8")) else text


def _decode_declared(data: bytes, codec: str, utf8: str | None) -> Decoded | None:
    """The declared reading if the bytes agree with it; None to let the bytes decide (pages lie)."""
    text = _strict(data, codec)
    if text is None:
        return None
    score = chinese_score(text)
    if codec in _ASCII_ESCAPE_CODECS and not score.reads_as_chinese:
        return None
    if utf8 is None and not score.reads_as_chinese:
        damaged = tolerant_utf8(data)   # a UTF-8 page with a stray byte, under a wrong label
        if damaged is not None and reads_as_text(damaged[0]):
            return _success(damaged[0], "utf-8", "utf-8", damaged[1])
    if utf8 is not None and not data.isascii():
        # Legacy text is almost never valid UTF-8 by accident, unless it is very short.
        if not (score.reads_as_chinese and not chinese_score(utf8).reads_as_chinese):
            return None
    if codec in CHINESE_CODECS:
        if _mixes_utf8_and_legacy_lines(data):
            return None
        if not score.reads_as_chinese:
            other = _most_chinese(data, [c for c in CHINESE_CODECS if c != codec])
            if other is not None:
                return _success(other[1], other[0], "detector")
    elif not _can_write_chinese(codec):
        chinese = _most_chinese(data, CHINESE_CODECS) or _most_chinese(data, CHINESE_CODECS, tolerant=True)
        if chinese is not None:
            return _success(chinese[1], chinese[0], "detector", chinese[3])
    if not reads_as_text(text, score):
        return None
    return _success(text, codec, "declared")


# Encodings that write CJK text in ASCII bytes, each with what opens its escapes: HZ (GB2312 between '~{' and '~}',
# Chinese Usenet and mail), ISO-2022-JP-2 (JIS, GB2312 and KS C 5601 after ESC $ designations, Japanese mail). Read
# as ASCII, a page in either was written as its escapes ('~{;aRiV83v#,', '$BEl5~ET$OK'), exit 0.
_ESCAPE_READINGS = ((b"~{", "hz"), (b"\x1b$", "iso2022_jp_2"))


def _escaped_reading(data: bytes, declared: str | None) -> Decoded | None:
    """ASCII bytes in an escape encoding (_ESCAPE_READINGS) whose strict reading is CJK text: for HZ, whose '~{'
    ASCII text may hold, a reading that is Chinese; an ESC, which text never holds, opens any plausible reading,
    in the ISO-2022 codec the page declares (iso2022_jp, iso2022_kr) first."""
    for opening, codec in _ESCAPE_READINGS:
        if opening not in data:
            continue
        own = [declared] if declared is not None and declared.startswith("iso2022") and codec != "hz" else []
        for candidate in [*own, codec]:
            text = _strict(data, candidate)
            if text is None or text.isascii():
                continue
            score = chinese_score(text)
            if score.reads_as_chinese if candidate == "hz" else reads_as_text(text, score):
                return _success(text, candidate, "declared" if candidate == declared else "detector")
    return None


def _decode_damaged(data: bytes, codec: str | None) -> Decoded | None:
    """The declared codec, else UTF-8, when it fails on only a few bytes and gives plausible text; a
    declared Chinese codec whose reading is not Chinese gives way to the other one."""
    for candidate, method in ((codec, "declared"), ("utf-8", "utf-8")):
        if candidate is None or (method == "utf-8" and candidate == codec):
            continue
        reading = _tolerant(data, candidate)
        if reading is None:
            continue
        text, invalid = reading
        if candidate in CHINESE_CODECS and not chinese_score(text).reads_as_chinese:
            other = _most_chinese(data, [c for c in CHINESE_CODECS if c != candidate], tolerant=True)
            if other is not None:
                return _success(other[1], other[0], "detector", other[3])
        if reads_as_text(text):
            return _success(text, candidate, method, invalid)
    return None


def _most_chinese(
    data: bytes, candidates: list[str] | tuple[str, ...], tolerant: bool = False
) -> tuple[str, str, ChineseScore, int] | None:
    """(codec, text, score, bad bytes) of the reading that reads most like Chinese, or None if none does.
    Strict readings only, or with ``tolerant`` those failing on a few bytes (their text marks them)."""
    best: tuple[str, str, ChineseScore, int] | None = None
    for codec in candidates:
        reading = _tolerant(data, codec) if tolerant else (_strict(data, codec), 0)
        if reading is None or reading[0] is None:
            continue
        text, invalid = reading
        score = chinese_score(text)
        if score.reads_as_chinese and (best is None or score.common_share > best[2].common_share):
            best = (codec, text, score, invalid)
    return best


def _decode_with_detector(data: bytes) -> Decoded | None:
    """A conclusive Chinese reading (strict, else with a few bad bytes), else chardet's guess (unless a
    Chinese reading is more plausible) when it reads as text of its script."""
    chinese = _most_chinese(data, CHINESE_CODECS) or _most_chinese(data, CHINESE_CODECS, tolerant=True)
    if chinese is not None and chinese[2].han >= CONCLUSIVE_HAN:
        return _success(chinese[1], chinese[0], "detector", chinese[3])

    import chardet

    guess = canonical_codec(chardet.detect(data)["encoding"])
    guessed_text = _strict(data, guess) if guess else None
    if chinese is not None and (
        guessed_text is None
        or guess in CHINESE_CODECS
        or chinese[2].common_share > chinese_score(guessed_text).common_share
    ):
        return _success(chinese[1], chinese[0], "detector", chinese[3])
    if guess is not None and guessed_text is not None and reads_as_text(guessed_text):
        return _success(guessed_text, guess, "detector")
    # The guess is wrong; a legacy Chinese reading with no Han to judge (English text with a few
    # GB18030 symbols) is still right when it lands outside the user-defined areas.
    for codec in CHINESE_CODECS:
        text = _strict(data, codec)
        if text is not None and chinese_score(text).han < MIN_HAN and not _private_use().search(text):
            return _success(text, codec, "detector")
    return None


def _mixes_utf8_and_legacy_lines(data: bytes) -> bool:
    """True when some lines (ending at LF, CRLF or CR) are UTF-8 Chinese and others are not UTF-8 at all."""
    has_utf8_chinese = has_legacy = False
    for line in data.splitlines():
        if line.isascii():
            continue
        text = _strict(line, "utf-8")
        if text is None:
            has_legacy = True
        elif chinese_score(text).reads_as_chinese:
            has_utf8_chinese = True
        if has_utf8_chinese and has_legacy:
            return True
    return False


def _decode_per_line(data: bytes) -> Decoded | None:
    """Lines that are UTF-8 stay UTF-8; the others use the legacy Chinese codec that reads best. A line ends at
    LF, CRLF or CR (a classic Mac OS page), and keeps its line break."""
    lines = data.splitlines(keepends=True)
    legacy_lines = b"".join(line for line in lines if _strict(line, "utf-8") is None)
    scores = {codec: chinese_score(legacy_lines.decode(codec, errors="replace")) for codec in CHINESE_CODECS}
    legacy = max(CHINESE_CODECS, key=lambda codec: scores[codec].common_share)
    if not scores[legacy].reads_as_chinese:
        return None
    fallbacks = (legacy, *(c for c in CHINESE_CODECS if c != legacy))
    decoded_lines: list[str] = []
    used: set[str] = set()
    for line in lines:
        if line.isascii():
            decoded_lines.append(line.decode("ascii"))
            continue
        reading = _decode_line(line, fallbacks)
        if reading is None:
            return None
        decoded_lines.append(reading[1])
        used.add(reading[0])
    encoding = "mixed" if len(used) > 1 else used.pop()
    return _success("".join(decoded_lines), encoding, "per-line")


def _decode_line(line: bytes, legacy_codecs: tuple[str, ...]) -> tuple[str, str] | None:
    """(codec, text) for one line: UTF-8 unless a legacy reading is Chinese and the UTF-8 one has no Han;
    among legacy readings the most Chinese-looking, ties going to the file's preferred codec."""
    readings = [(codec, text) for codec in legacy_codecs if (text := _strict(line, codec)) is not None]
    legacy = max(readings, key=lambda reading: chinese_score(reading[1]).common_share, default=None)
    utf8 = _strict(line, "utf-8")
    if utf8 is not None and not (
        legacy is not None and chinese_score(legacy[1]).reads_as_chinese and not chinese_score(utf8).han
    ):
        return ("utf-8", utf8)
    return legacy
