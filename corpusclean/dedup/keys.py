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
from typing import Sequence

import numpy as np
import xxhash

from corpusclean.normalize.forms import nfkc
from corpusclean.text import bmp_t2s_changes, t2s_changes, to_simplified

# Runs of letters, digits and Han characters: everything else (punctuation, symbols, whitespace,
# underscore) separates them. Joining the runs with spaces costs half a substitution of the separators.
_WORD_RUN = re.compile(r"[^\W_]+")


@functools.cache
def _traditional_table() -> np.ndarray:
    """One flag per code point up to the last Traditional character: a lookup table for numpy."""
    codes = [ord(char) for char in t2s_changes()]
    table = np.zeros(max(codes, default=0) + 1, dtype=bool)
    table[codes] = True
    return table


def has_traditional(text: str) -> bool:
    """Whether any character of the text is one t2s changes (a numpy lookup: 7x faster than a set probe)."""
    table = _traditional_table()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return bool(table[codes[codes < table.size]].any())


# Planes 0-1 (the Han blocks of everyday text, emoji) are in the fold table; any code point above maps to
# _SLOW. Plane 2 holds rare ideographs only: a text with one takes the slow path, and every run builds the
# tables 40% faster (50 ms less, with the Traditional probe they need).
_TABLE_LIMIT = 0x20000
_SLOW = 0xFFFFFFFF   # a character the table cannot map on its own: take the string path
_SPACE = 0x20


@functools.cache
def _fold_table() -> np.ndarray:
    """What every code point becomes in the spaced form: its case fold when that is one word character,
    a space when it is one other character, _SLOW when it is Traditional (the text needs t2s first) or folds
    to several characters (ß -> ss)."""
    codes = np.arange(_TABLE_LIMIT, dtype=np.uint32)
    chars = codes.tobytes().decode("utf-32-le", "surrogatepass")
    folded = codes.copy()
    # For one character str.isalnum() is what the regex [^\W_] matches (CPython's sre uses the same test).
    is_word = np.ones(_TABLE_LIMIT, dtype=bool)
    # Case folding changes few blocks, and every character of many blocks (Han, Hangul) is a word character:
    # one call on a whole block of 256 tells either.
    for start in range(0, _TABLE_LIMIT, 256):
        block = chars[start:start + 256]
        if block.casefold() != block:
            folded[start:start + 256] = [ord(f) if len(f) == 1 else _SLOW for f in map(str.casefold, block)]
        if not block.isalnum():
            is_word[start:start + 256] = list(map(str.isalnum, block))
    single = folded != _SLOW
    table = np.full(_TABLE_LIMIT + 1, _SLOW, dtype=np.uint32)
    table[:-1][single] = np.where(is_word[folded[single]], folded[single], _SPACE)
    table[[ord(char) for char in bmp_t2s_changes()]] = _SLOW     # plane 1 holds no Han character
    table.flags.writeable = False
    return table


# Characters that normalization may move or join to the character before them: combining marks (canonical
# reordering), the second characters of canonical compositions, and the Hangul vowel and final jamo (composed
# by rule, not listed in the decompositions).
_HANGUL_JAMO_JOINING = ((0x1161, 0x1175), (0x11A8, 0x11C2))


@functools.cache
def _nfkc_fold_table() -> np.ndarray:
    """_fold_table with NFKC done too: what every code point becomes in the spaced form. A character that NFKD
    leaves alone keeps its _fold_table value; one it changes takes the value of what it becomes, or a space
    when that is several characters all mapped to a space ("…" is "...": the spaced form's spacing counts
    nowhere); _SLOW when that is several characters, or when the character or what it becomes may move or
    join a neighbour. A text without any such character is NFKC once each character is decomposed (nothing
    to reorder, nothing composes), so one lookup per character makes its spaced form."""
    fold = _fold_table()
    # (A Hangul syllable has no decomposition listed: NFKD makes jamo of it by rule, which NFC joins again
    # unless a joining jamo follows.)
    chars = np.arange(_TABLE_LIMIT, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    # Only a block that NFKD changes can hold a character with a decomposition (NFKD leaves none in a text):
    # 115 blocks of 512 to look at character by character.
    decompositions: dict[int, str] = {}
    for start in range(0, _TABLE_LIMIT, 256):
        block = chars[start:start + 256]
        if not unicodedata.is_normalized("NFKD", block):
            decompositions.update((start + offset, decomposition)
                                  for offset, decomposition in enumerate(map(unicodedata.decomposition, block))
                                  if decomposition)
    combining = np.fromiter(map(unicodedata.combining, chars), dtype=np.uint8, count=_TABLE_LIMIT)
    joining = set(np.flatnonzero(combining).tolist())
    joining.update(code for start, stop in _HANGUL_JAMO_JOINING for code in range(start, stop + 1))
    changed = list(decompositions)
    for code in changed:
        parts = decompositions[code].split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            joining.add(int(parts[1], 16))
    table = fold.copy()
    for code in changed:
        decomposed = [ord(char) for char in unicodedata.normalize("NFKD", chars[code])]
        values = [_SLOW if part in joining or part >= _TABLE_LIMIT else int(fold[part]) for part in decomposed]
        if len(values) == 1:
            table[code] = values[0]
        else:
            table[code] = _SPACE if all(value == _SPACE for value in values) else _SLOW
    table[[code for code in joining if code < _TABLE_LIMIT]] = _SLOW
    table.flags.writeable = False
    return table


def spaced_form(text: str) -> str:
    """The normalized form up to its spacing (each non-word character one space, or a few that NFKD makes of
    one character a single space): exact_key and shingle_hashes ignore spacing, so they take it as is.

    Case folding maps each character on its own (no context), and so does NFKC on most text (see
    _nfkc_fold_table): one numpy lookup per character does NFKC, the case fold and the word test; 4x cheaper
    than casefold() plus the regex, and NFKC was half of it. Any other text takes NFKC first, and a text with a
    character the tables cannot map alone takes the way normalize() is defined.
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    folded = _nfkc_fold_table().take(codes, mode="clip")
    if folded.max(initial=0) != _SLOW:
        return folded.tobytes().decode("utf-32-le")
    text = nfkc(text)
    folded = _fold_table().take(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), mode="clip")
    if folded.max(initial=0) == _SLOW:
        return _normalize_nfkc(text)
    return folded.tobytes().decode("utf-32-le")


def spaced_forms(texts: Sequence[str]) -> list[str]:
    """spaced_form of each text, with one table lookup for all of them (a batch of documents): the texts
    joined by a line break, which the table makes a space like any separator. A text with a character the
    table cannot map alone takes spaced_form's other ways."""
    starts = np.cumsum([0, *(len(text) + 1 for text in texts[:-1])])
    folded = _nfkc_fold_table().take(np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32), mode="clip")
    unmapped = np.flatnonzero(folded == _SLOW)
    slow = set(np.searchsorted(starts, unmapped, side="right").tolist())   # 1 + the index of each one's text
    folded[unmapped] = _SPACE   # those texts are not taken from here
    joined = folded.tobytes().decode("utf-32-le")
    return [spaced_form(text) if index + 1 in slow else joined[start:start + len(text)]
            for index, (text, start) in enumerate(zip(texts, starts.tolist()))]


def _normalize_nfkc(text: str) -> str:
    if has_traditional(text):
        text = to_simplified(text)
    return " ".join(_WORD_RUN.findall(text.casefold()))


def normalize(text: str) -> str:
    """NFKC, Traditional folded to Simplified, case folded; every run of non-word characters -> one space."""
    return " ".join(spaced_form(text).split())


def exact_key(normalized: str) -> int:
    """xxh3_64 of the normalized (or spaced) form with its spaces removed: spacing never separates two copies."""
    return xxhash.xxh3_64_intdigest(normalized.replace(" ", "").encode("utf-8"))
