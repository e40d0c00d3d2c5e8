"""The normalized form of a text, and its exact-duplicate key.

Two republished copies of a wire story differ in ways nobody reads: full- or half-width punctuation,
whitespace, letter case, Traditional or Simplified script. The normalized form erases exactly those
differences, so the exact key (a hash of the form) matches them, and the MinHash shingles (built from the
same form) see only the words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import opencc
import xxhash

# Anything that is not a letter, digit or Han character: punctuation, symbols, whitespace, underscore.
_NON_WORD = re.compile(r"[\W_]+")

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


def has_traditional(text: str) -> bool:
    return not traditional_chars().isdisjoint(text)


def normalize(text: str) -> str:
    """NFKC, Traditional folded to Simplified, case folded; every run of non-word characters -> one space."""
    text = unicodedata.normalize("NFKC", text)
    if has_traditional(text):
        text = _to_simplified().convert(text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def exact_key(normalized: str) -> int:
    """xxh3_64 of the normalized form with its spaces removed: spacing never separates two copies."""
    return xxhash.xxh3_64_intdigest(normalized.replace(" ", "").encode("utf-8"))
