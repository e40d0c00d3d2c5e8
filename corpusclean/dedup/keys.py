"""The normalized form of a text, and its exact-duplicate key.

Two republished copies of a wire story differ in ways nobody reads: full- or half-width punctuation,
whitespace, letter case, Traditional or Simplified script. The normalized form erases exactly those
differences, so the exact key (a hash of the form) matches them, and the MinHash shingles (built from the
same form) see only the words.
"""

from __future__ import annotations

import functools
import re

import numpy as np
import opencc
import xxhash

from corpusclean.normalize.forms import nfkc

# Runs of letters, digits and Han characters: everything else (punctuation, symbols, whitespace,
# underscore) separates them. Joining the runs with spaces costs half a substitution of the separators.
_WORD_RUN = re.compile(r"[^\W_]+")

_CJK_BLOCKS = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2B740))


@functools.cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.cache
def traditional_chars() -> frozenset[str]:
    """Characters that t2s changes when they stand alone: a text without any needs no conversion.

    Derived from the converter itself (one call over the CJK blocks, a few ms) so the probe and the
    conversion can never disagree.
    """
    chars = [chr(c) for start, stop in _CJK_BLOCKS for c in range(start, stop)]
    converted = _to_simplified().convert("\n".join(chars)).split("\n")
    return frozenset(a for a, b in zip(chars, converted) if a != b)


@functools.cache
def _traditional_table() -> np.ndarray:
    """One flag per code point up to the last Traditional character: a lookup table for numpy."""
    codes = [ord(char) for char in traditional_chars()]
    table = np.zeros(max(codes, default=0) + 1, dtype=bool)
    table[codes] = True
    return table


def has_traditional(text: str) -> bool:
    """Whether any character of the text is one t2s changes (a numpy lookup: 7x faster than a set probe)."""
    table = _traditional_table()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return bool(table[codes[codes < table.size]].any())


def normalize(text: str) -> str:
    """NFKC, Traditional folded to Simplified, case folded; every run of non-word characters -> one space."""
    text = nfkc(text)
    if has_traditional(text):
        text = _to_simplified().convert(text)
    return " ".join(_WORD_RUN.findall(text.casefold()))


def exact_key(normalized: str) -> int:
    """xxh3_64 of the normalized form with its spaces removed: spacing never separates two copies."""
    return xxhash.xxh3_64_intdigest(normalized.replace(" ", "").encode("utf-8"))
