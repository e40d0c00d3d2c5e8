"""Hashed n-gram shingles of a normalized text, computed with numpy (no Python object per shingle).

A token is one CJK character or one run of other word characters (an English word, a number), so one
rule covers Chinese, English and mixed text: Chinese gets character n-grams, English word n-grams. A text
mostly made of CJK tokens uses ``char_ngram``, any other ``word_ngram``.
"""

from __future__ import annotations

import functools
from typing import Sequence

import numpy as np

_SPACE = np.uint32(0x20)
_FIRST_CJK = np.uint32(0x2E80)    # radicals, kana, CJK ideographs, Hangul and above: one character, one token

_BASE = 0x9E3779B97F4A7C15                      # odd, so invertible modulo 2**64
_BASE_INVERSE = pow(_BASE, -1, 2**64)
# Odd multipliers that place each token of an n-gram; fixed so signatures are stable across runs. They are
# np.random.default_rng(20240605).integers(1, 2**63, 16, dtype=np.uint64) * 2 + 1 (a test checks it), written
# out so that a run does not import numpy.random (25 ms).
_POSITION_MULTIPLIERS = np.array([
    0x90F6056DBB9D61CF, 0x24760536583E270F, 0x59405352AC1D0B25, 0x06F958E77CB94273,
    0x7AED09B84C97C4E3, 0x4F39BDFE9DD2BA05, 0x45FABD41C1F764EF, 0x15D6D2BA7E70FE5F,
    0xB39149F6BAF43A55, 0x9159F8F47BE07A2F, 0x7451C3BD9FD17B2D, 0x3FAA17C2D54AE0B9,
    0x1A37FFD64A47EE83, 0xC2C30C09DFCA8B19, 0xFB435535D3DEAE23, 0xFA74B3D965DC951F,
], dtype=np.uint64)
MAX_NGRAM = len(_POSITION_MULTIPLIERS)


_SHIFT_1, _SHIFT_2, _SHIFT_3 = np.uint64(30), np.uint64(27), np.uint64(31)
_MULTIPLIER_1, _MULTIPLIER_2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads polynomial hashes over all 64 bits. In place after the first step,
    which copies: half the temporary arrays."""
    values = values ^ (values >> _SHIFT_1)
    values *= _MULTIPLIER_1
    values ^= values >> _SHIFT_2
    values *= _MULTIPLIER_2
    values ^= values >> _SHIFT_3
    return values


_POWER_TABLE_SIZE = 1 << 18    # covers most batches of documents (2 MB a table); a longer text computes its own


def _compute_powers(base: int, count: int) -> np.ndarray:
    powers = np.full(count, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers, dtype=np.uint64)   # wraps modulo 2**64, as intended


@functools.cache
def _power_table(base: int) -> np.ndarray:
    table = _compute_powers(base, _POWER_TABLE_SIZE)
    table.flags.writeable = False
    return table


def _powers(base: int, count: int) -> np.ndarray:
    """base**0 .. base**(count-1) modulo 2**64."""
    if count <= _POWER_TABLE_SIZE:
        return _power_table(base)[:count]
    return _compute_powers(base, count)


def token_hashes(normalized: str) -> tuple[np.ndarray, int]:
    """One 64-bit hash per token, in text order, and how many of the tokens are CJK characters.
    Spaces only separate tokens: any number of them may stand between two."""
    hashes, _, is_cjk = _tokens(_codes(normalized))
    return hashes, int(np.count_nonzero(is_cjk))


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _tokens(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The hash of each token of these code points, in order, where each token starts, and which code
    points are CJK (each of them a token)."""
    if codes.size == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    is_cjk = codes >= _FIRST_CJK
    breaks = codes == _SPACE
    in_token = ~breaks
    breaks |= is_cjk
    # cut[i]: no token spans characters i-1 and i (cut[0] and cut[-1] are the text's ends)
    cut = np.empty(codes.size + 1, dtype=bool)
    cut[0] = cut[-1] = True
    np.logical_or(breaks[1:], breaks[:-1], out=cut[1:-1])
    [starts] = np.nonzero(cut[:-1] & in_token)
    [ends] = np.nonzero(cut[1:] & in_token)
    ends += 1
    # Polynomial hash of each token from prefix sums: (P[end] - P[start]) / BASE**start, mod 2**64.
    prefix = np.zeros(codes.size + 1, dtype=np.uint64)
    np.multiply(codes, _powers(_BASE, codes.size), out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    hashes = prefix.take(ends)
    hashes -= prefix.take(starts)
    hashes *= _powers(_BASE_INVERSE, codes.size).take(starts)
    return mix64(hashes), starts, is_cjk


def ngram_hashes(tokens: np.ndarray, n: int) -> np.ndarray:
    """One hash per window of n consecutive tokens; a text shorter than n is one shingle."""
    if not 1 <= n <= MAX_NGRAM:
        raise ValueError(f"n-gram size must be in 1..{MAX_NGRAM}, not {n}")
    n = min(n, tokens.size)
    if n == 0:
        return tokens
    # window k: sum over offsets o of tokens[k + o] * _POSITION_MULTIPLIERS[o], modulo 2**64, one offset at a
    # time: 2-3x faster than np.correlate, whose integer loop is not vectorized (the same sums: they wrap alike)
    count = tokens.size - n + 1
    windows = tokens[:count] * _POSITION_MULTIPLIERS[0]
    for offset in range(1, n):
        windows += tokens[offset:offset + count] * _POSITION_MULTIPLIERS[offset]
    return mix64(windows)


def shingle_hashes(normalized: str, char_ngram: int, word_ngram: int) -> np.ndarray:
    return shingle_hashes_each([normalized], char_ngram, word_ngram)[0]


def shingle_hashes_each(texts: Sequence[str], char_ngram: int, word_ngram: int) -> tuple[np.ndarray, np.ndarray]:
    """The shingles of each text, all in one flat array, and where each text's shingles start: those of
    texts[i] are flat[offsets[i]:offsets[i + 1]]. A text mostly of CJK tokens takes char_ngram, any other word_ngram.

    One numpy pass over the texts joined by spaces (a space only separates tokens, and a token's hash does not
    depend on where it stands), so a batch of documents costs a few numpy calls, not a few per document: the
    calls on a document's 2,000 characters cost more than their work."""
    for n in (char_ngram, word_ngram):
        if not 1 <= n <= MAX_NGRAM:
            raise ValueError(f"n-gram size must be in 1..{MAX_NGRAM}, not {n}")
    codes = _codes(" ".join(texts))
    hashes, token_starts, is_cjk = _tokens(codes)
    text_starts = np.zeros(len(texts) + 1, dtype=np.int64)   # where each text starts in the joined text
    np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1, out=text_starts[1:])
    first_tokens = np.searchsorted(token_starts, text_starts)
    token_counts = np.diff(first_tokens)
    cjk_before = np.zeros(codes.size + 1, dtype=np.int64)
    np.cumsum(is_cjk, out=cjk_before[1:])
    cjk_counts = np.diff(cjk_before.take(np.minimum(text_starts, codes.size)))
    sizes = np.minimum(np.where(2 * cjk_counts >= token_counts, char_ngram, word_ngram), token_counts)
    windows = np.where(token_counts > 0, token_counts - sizes + 1, 0)   # a text shorter than n is one shingle
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(windows, out=offsets[1:])
    flat = np.empty(offsets[-1], dtype=np.uint64)
    for n in set(sizes[windows > 0].tolist()):
        chosen = np.flatnonzero((sizes == n) & (windows > 0))   # the windows across two texts are left out
        every_window = ngram_hashes(hashes, n)
        wanted = _ranges(first_tokens[chosen], windows[chosen])
        flat[_ranges(offsets[chosen], windows[chosen])] = every_window[wanted]
    return flat, offsets


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices starts[i], starts[i] + 1, ... starts[i] + counts[i] - 1 of every i, in order."""
    ends = np.cumsum(counts)
    return np.arange(ends[-1] if ends.size else 0) + np.repeat(starts - (ends - counts), counts)
