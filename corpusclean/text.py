"""What the stages know about characters: one home for scripts, punctuation and script-specific sets.

Every stage asks here what a Han character, a sentence end or a Traditional-only character is, instead of
carrying its own copy (as ftfy's chardata.py does for its stages).
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from corpusclean.rules import rule_chars

# Character classes as code point ranges (inclusive); the regexes below are built from them.
# Han: CJK Unified Ideographs with Extension A, the compatibility ideographs, and the supplementary planes.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
KANA_RANGES = ((0x3040, 0x309F), (0x30A0, 0x30FF))
HANGUL_RANGES = ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))
# Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai: a page mostly in one of these is "other".
OTHER_SCRIPT_RANGES = ((0x0370, 0x03FF), (0x0400, 0x04FF), (0x0590, 0x06FF), (0x0900, 0x097F), (0x0E00, 0x0E7F))
LATIN_RANGES = ((0x41, 0x5A), (0x61, 0x7A), (0x00C0, 0x024F))   # the letters of a Latin word


def char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """The ranges as the inside of a regex character class: "a-z0-9"."""
    return "".join(f"{chr(start)}-{chr(stop)}" for start, stop in ranges)




def compiled_when_used(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """The pattern, compiled the first time it is asked for and kept. re's compiler runs at every process
    start, about 1 ms for a class of Han characters, and many patterns never run on a corpus: the English
    ones on Chinese pages, the checks of rare shapes (a tag with thousands of attributes, mojibake)."""
    return functools.cache(lambda: re.compile(pattern, flags))


HAN_CLASS = char_class(HAN_RANGES)
HAN_RE = re.compile(f"[{HAN_CLASS}]")
han_run = compiled_when_used(f"[{HAN_CLASS}]+")    # runs: 4x faster than finding characters one by one
# Han, kana and Hangul syllables: the scripts whose characters each count as a word-sized unit of text.
CJK_RANGES = ((0x3040, 0x30FF), *HAN_RANGES, (0xAC00, 0xD7AF))
CJK_CLASS = char_class(CJK_RANGES)


def has_han(text: str) -> bool:
    return not text.isascii() and HAN_RE.search(text) is not None


@functools.cache
def han_at_least(count: int) -> re.Pattern[str]:
    """Matches a text holding at least ``count`` Han characters; stops at the count-th one. (The run of other
    characters before each is possessive: giving one back could never let a Han character follow, and not
    keeping the ways to try makes the match 1.4x faster.)"""
    return re.compile(f"(?:[^{HAN_CLASS}]*+[{HAN_CLASS}]){{{count}}}")


# A list item's bullet before a line's text, as renderers write them ("* " and, nested, "+ " by inscriptis).
LIST_BULLET = re.compile(r"[*+•·▪●◆■□◇]\s+")


# A Chinese headline's subtitle, on its own line under it: it opens with a long dash ("——记…一线观察")
SUBTITLE = re.compile(r"\s*(?:——|—|－－|--)\s*\S")
# An official document's number ("某监处罚〔2026〕0417号", "国办发[2025]3号")
document_number = compiled_when_used(r"[〔［\[（(]\d{4}[〕］\]）)]\s*第?\s*\d{1,5}\s*号")
# A numbered heading's number: "一、", "（二）", "3.", "第四章"
NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十百零〇\d]+[）)、.．]|第[一二三四五六七八九十百零〇\d]+[章节条部分篇])"
)


COPYRIGHT_SIGN = re.compile(r"©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})", re.I)


def holds_copyright_sign(text: str) -> bool:
    """Whether the text holds a copyright sign: "©", "(c) 2024", "Copyright 2024". Each branch of the regex needs
    one of the marks tested first, which spares most lines the regex. (The letters of "copyr" have no case
    variants besides their upper case, so lower() sees them all.)"""
    if not ("©" in text or "(" in text or (("c" in text or "C" in text) and "copyr" in text.lower())):
        return False
    return COPYRIGHT_SIGN.search(text) is not None


def without_bullet(line: str) -> str:
    """The line without the bullet of a list item at its start."""
    bullet = LIST_BULLET.match(line)
    return line[bullet.end():] if bullet else line


# Punctuation, by what it does in a line. Stages combine these; each says why its set differs.
ZH_TERMINALS = "。！？"           # end a Chinese sentence
LATIN_TERMINALS = ".!?"          # end an English sentence (a full stop only when followed by a space or the end)
SEMICOLONS = "；;"
ELLIPSIS = "…"
CJK_COMMAS = "，、"
CLOSING_QUOTES = "”’」』"
# What may follow a sentence's end at the end of a line: closing quotes and brackets ("……了。”", "(... today.)").
LINE_CLOSERS = CLOSING_QUOTES + "\"')）]】》"
# A line ending with one of these (or holding a 。 anywhere) reads as a sentence, not a label or a menu item.
SENTENCE_END = (*ZH_TERMINALS, "!", "?", ELLIPSIS, *SEMICOLONS)


@functools.cache
def common_han() -> frozenset[str]:
    """The Han characters of everyday Chinese text (rules/common_han.txt): correct readings of news pages
    put most of their Han characters here, wrong-codec readings few."""
    return rule_chars("common_han.txt")


@functools.cache
def traditional_only_chars() -> frozenset[str]:
    """Characters used only in Traditional Chinese (rules/traditional_only.txt): the script probe."""
    return rule_chars("traditional_only.txt")


@functools.cache
def _t2s():  # an OpenCC converter: a C++ object, made once per process (it does not pickle)
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text in Simplified script (OpenCC t2s): the form line stages and dedup compare."""
    return _t2s().convert(text)


# The blocks of the characters t2s may change alone: the Han blocks.
T2S_BLOCKS = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2B740))


def in_t2s_blocks(code: int) -> bool:
    return any(start <= code < stop for start, stop in T2S_BLOCKS)


@functools.cache
def t2s_changes() -> frozenset[str]:
    """Characters that OpenCC's t2s changes when they stand alone: a text without any needs no conversion.
    Derived from the converter itself (one call over the Han blocks) so a probe and the conversion can never
    disagree."""
    return t2s_changed_alone([chr(code) for start, stop in T2S_BLOCKS for code in range(start, stop)])


def t2s_changed_alone(chars: list[str]) -> frozenset[str]:
    """Those of the characters that t2s changes when they stand alone: one call for them all, one character a
    line (no phrase across two), so the answer for one never depends on the others."""
    converted = to_simplified("\n".join(chars)).split("\n")
    return frozenset(a for a, b in zip(chars, converted) if a != b)


@functools.cache
def simplified_only_chars() -> frozenset[str]:
    """Characters that s2t changes and t2s leaves alone: used only in Simplified Chinese."""
    import opencc

    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("s2t").convert("\n".join(chars)).split("\n")
    return frozenset(a for a, b in zip(chars, converted) if a != b) - t2s_changes()


# Flags of a character for stages that read a whole page at once (numpy), one bit each: what the
# regexes of this module and of extract/units.py match, so both ways of reading agree.
CJK_FLAG = 1          # [CJK_CLASS]
WORD_FLAG = 2         # \w outside CJK_CLASS: a character of a word of another script
DIGIT_FLAG = 4        # \d
SPACE_FLAG = 8        # \s
TRAILING_FLAG = 16    # may follow a sentence's end at the end of a line: LINE_CLOSERS, symbols, spaces, "*"


# The general categories of symbols (S*) and separators (Z*): they may trail a sentence's end.
SYMBOL_AND_SEPARATOR_CATEGORIES = frozenset({"Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp"})


def _flags_of(chars: str):
    """The flags of each character of a string, as a numpy array (each test mapped over the string in C:
    the BMP's table takes half the time of a Python loop per test)."""
    import unicodedata

    import numpy as np

    count = len(chars)
    codes = np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cjk = np.zeros(count, dtype=bool)
    for start, stop in CJK_RANGES:
        cjk |= (codes >= start) & (codes <= stop)

    def each(test) -> np.ndarray:
        return np.fromiter(map(test, chars), dtype=bool, count=count)

    word = (each(str.isalnum) | (codes == ord("_"))) & ~cjk
    digit = each(str.isdecimal)
    space = each(str.isspace)
    trailing = (np.fromiter(map(SYMBOL_AND_SEPARATOR_CATEGORIES.__contains__, map(unicodedata.category, chars)),
                            dtype=bool, count=count)
                | np.isin(codes, [ord(char) for char in LINE_CLOSERS + "*"]))
    return (cjk * CJK_FLAG | word * WORD_FLAG | digit * DIGIT_FLAG | space * SPACE_FLAG
            | trailing * TRAILING_FLAG).astype(np.uint8)


@functools.cache
def _bmp_flags():
    import numpy as np

    flags = np.full(0x10000, CJK_FLAG, dtype=np.uint8)     # the Han and Hangul blocks: nothing else to ask
    rest = np.ones(0x10000, dtype=bool)
    for start, stop in (*HAN_RANGES[:2], (0xAC00, 0xD7AF)):
        rest[start:stop + 1] = False
    codes = rest.nonzero()[0].astype(np.uint32)
    flags[codes] = _flags_of(codes.tobytes().decode("utf-32-le", "surrogatepass"))
    return flags


def char_flags(codes):
    """The flags of each code point of a numpy array of them (uint32)."""
    flags = _bmp_flags().take(codes, mode="clip")
    if len(codes) and codes.max() > 0xFFFF:     # emoji and rare ideographs: few pages, few per page
        astral = (codes > 0xFFFF).nonzero()[0]
        flags[astral] = _flags_of("".join(map(chr, codes[astral].tolist())))
    return flags
