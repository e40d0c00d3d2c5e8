"""Whether a decoded reading is plausible text of its script: Chinese mostly in common characters, any
other script without the marks of a misreading, and GBK or Big5 bytes misread as a single-byte codec found."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from corpusclean.text import HAN_RANGES, common_han

CHINESE_CODECS = ("gb18030", "big5hkscs")   # the legacy codecs Chinese pages come in (each the superset)

_SCORED_HAN = 4000            # enough characters to judge a reading; bounds the cost on long pages
_SCORED_PREFIX = 20_000       # look for them here first (an HTML head holds a hundred or so) ...
_ENOUGH_HAN = 100             # ... and scan the whole text only when the prefix has fewer than this
CONCLUSIVE_HAN = 20          # a reading this long that reads as Chinese needs no detector's opinion
# Correct readings of news pages put 58-70% of their Han characters in the common set, wrong-codec
# readings 5-11% (measured on real GBK pages and their Big5 conversion).
_MIN_COMMON_SHARE = 0.25
MIN_HAN = 2

# Marks of a misreading in a text that is not Chinese: characters text of any script rarely holds (symbols,
# box drawing, controls, unassigned or private code points; the usual symbols of news text aside), and letters
# whose case flips inside a word. Real Russian, French, German or Greek text has none; GBK or Big5 read as
# KOI8, CP866, cp1251, Latin-1 or another single-byte codec has them in 12-76% of its non-ASCII characters.
_ODD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs", "Sk", "Sm", "So"})
_USUAL_SYMBOLS = frozenset("©®°±×÷™№´")
_WORD = re.compile(r"[^\W\d_]+")
_MAX_MISREAD_SHARE = 0.05
_MIN_MISREAD = 3  # one or two odd symbols (¤, ¬) in an English page are no evidence
# Single-byte codecs GBK and Big5 bytes get misread with (detectors guess Cyrillic ones for their byte pairs).
_SINGLE_BYTE_CODECS = (
    "cp1252", "latin-1", "cp1251", "koi8-r", "koi8-u", "cp866", "cp1125", "iso8859-5", "mac-cyrillic",
    "cp1250", "iso8859-2",
)
_MIN_MISREAD_RUN = 4  # two Chinese characters
_MIN_MARKED_SHARE = 0.3   # of the characters in runs (mojibake: most runs; Russian text: a few names)
_MIN_MISREAD_HAN = 4
_MIN_MISREAD_COMMON_SHARE = 0.45  # real Cyrillic words' bytes read as Han: 0.2-0.3 common, mojibake 0.6+


@dataclass(frozen=True)
class ChineseScore:
    han: int                  # Han characters looked at
    common_share: float       # share of them in the common set

    @property
    def reads_as_chinese(self) -> bool:
        return self.han >= MIN_HAN and self.common_share >= _MIN_COMMON_SHARE


def chinese_score(text: str) -> ChineseScore:
    han = _han_codes(text[:_SCORED_PREFIX])
    if han.size < _ENOUGH_HAN and len(text) > _SCORED_PREFIX:
        han = _han_codes(text)
    han = han[:_SCORED_HAN]
    if not han.size:
        return ChineseScore(0, 0.0)
    common = int(_common_table().take(han, mode="clip").sum())
    return ChineseScore(han.size, common / han.size)


def _han_codes(text: str):
    """The code points of the text's Han characters (HAN_RANGES), in order, as a numpy array: table lookups,
    7x faster than finding the runs and testing each character on a page of 1,000 (a legacy page is scored
    once or twice as it is decoded)."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return codes[_han_table().take(codes, mode="clip")]


@cache
def _han_table():
    """Code point -> whether it is Han, up to the last Han one, then a False that take(mode="clip") gives every
    code point above."""
    import numpy as np

    table = np.zeros(max(stop for _, stop in HAN_RANGES) + 2, dtype=bool)
    for start, stop in HAN_RANGES:
        table[start:stop + 1] = True
    return table


@cache
def _common_table():
    """Code point -> 1 for a character of common_han, up to the last one, then a 0 for every code point above."""
    import numpy as np

    codes = [ord(char) for char in common_han()]
    table = np.zeros(max(codes, default=0) + 2, dtype=np.int64)
    table[codes] = 1
    return table


def misread_marks(text: str) -> tuple[int, int]:
    """(marks of a misreading, non-ASCII characters) in the text's first characters (see _ODD_CATEGORIES)."""
    sample = text[:_SCORED_PREFIX]
    if sample.isascii():
        return 0, 0
    non_ascii = odd = 0
    for char in sample:
        if char > "\x7f":
            non_ascii += 1
            if unicodedata.category(char) in _ODD_CATEGORIES and char not in _USUAL_SYMBOLS:
                odd += 1
    flips = sum(
        sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
        for word in _WORD.findall(sample) if not word.isascii()
    )
    return odd + flips, non_ascii


def reads_as_text(text: str, score: ChineseScore | None = None) -> bool:
    """Whether a reading is plausible text of its script: Chinese (enough Han to judge) mostly in common
    characters; any other script without the marks of a misreading. ``score``: the text's chinese_score."""
    score = score or chinese_score(text)
    if score.han >= CONCLUSIVE_HAN:
        return score.reads_as_chinese
    marks, non_ascii = misread_marks(text)
    return marks < _MIN_MISREAD or marks <= _MAX_MISREAD_SHARE * non_ascii


@cache
def _misread_run() -> re.Pattern:
    """A run of characters that single-byte codecs give for bytes 0x80-0xFF, each maybe followed by one
    ASCII character (the second byte of a GBK or Big5 pair)."""
    high = {char for codec in _SINGLE_BYTE_CODECS for char in bytes(range(0x80, 0x100)).decode(codec, "ignore")}
    chars = "".join(re.escape(char) for char in sorted(high))
    return re.compile(f"(?:[{chars}][!-~]?)+")


def _has_misread_marks(run: str) -> bool:
    """A run that is no word: odd characters (see misread_marks), or non-ASCII letters whose case flips
    once the other characters between them are left out ("±ѕ±ЁС¶")."""
    if misread_marks(run)[0]:
        return True
    letters = [char for char in run if char > "\x7f" and char.isalpha()]
    return any(a.islower() and b.isupper() for a, b in zip(letters, letters[1:]))


def misread_chinese(text: str) -> list[tuple[int, int]]:
    """Spans of the text that are GBK or Big5 bytes misread with a single-byte codec ("ÖÐ¹ú", "ЦР№ъ" for
    中国): runs that carry marks of a misreading, when such runs are a good part of the text's runs and their
    bytes in one of those codecs read as Chinese. A hyphenated Russian name or two words run together carry
    marks too, and the bytes of short Cyrillic words often read as common Han: one run is no evidence."""
    if text.isascii():
        return []
    runs = [match for match in _misread_run().finditer(text) if len(match.group()) >= _MIN_MISREAD_RUN]
    marked = [match for match in runs if _has_misread_marks(match.group())]
    marked_chars = sum(len(match.group()) for match in marked)
    if not marked or marked_chars < _MIN_MARKED_SHARE * sum(len(match.group()) for match in runs):
        return []
    if not _reads_as_chinese_bytes(" ".join(match.group() for match in marked)):
        return []
    return [match.span() for match in marked]


def _reads_as_chinese_bytes(runs: str) -> bool:
    """Whether the bytes of the runs in one of the single-byte codecs read as Chinese, clearly."""
    for codec in _SINGLE_BYTE_CODECS:
        try:
            data = runs.encode(codec)
        except UnicodeEncodeError:
            continue
        for chinese in CHINESE_CODECS:
            score = chinese_score(data.decode(chinese, "replace"))
            if score.han >= _MIN_MISREAD_HAN and score.common_share >= _MIN_MISREAD_COMMON_SHARE:
                return True
    return False
