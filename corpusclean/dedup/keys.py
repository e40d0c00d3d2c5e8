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
from corpusclean.text import T2S_BLOCKS, in_t2s_blocks, t2s_changed_alone, to_simplified

# Runs of letters, digits and Han characters: everything else (punctuation, symbols, whitespace,
# underscore) separates them. Joining the runs with spaces costs half a substitution of the separators.
_WORD_RUN = re.compile(r"[^\W_]+")


_NOT_ASKED = 2   # a character of the Traditional table no text has held yet: t2s is not asked about it


@functools.cache
def _traditional_table() -> np.ndarray:
    """Whether t2s changes a character alone (1 or 0), one entry per code point up to the end of the t2s
    blocks, each asked the first time a text holds its character (has_traditional). A corpus holds a few
    thousand of the 73K Han characters, and asking t2s about them all cost the first such text 33 ms."""
    return np.full(T2S_BLOCKS[-1][1], _NOT_ASKED, dtype=np.uint8)


def has_traditional(text: str) -> bool:
    """Whether any character of the text is one t2s changes (text.t2s_changes; a numpy lookup: 7x faster
    than a set probe)."""
    table = _traditional_table()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = codes[codes < table.size]
    flags = table[codes]
    if flags.max(initial=0) == _NOT_ASKED:
        new = sorted(set(codes[flags == _NOT_ASKED].tolist()))
        traditional = t2s_changed_alone([chr(code) for code in new if in_t2s_blocks(code)])
        table[new] = [chr(code) in traditional for code in new]
        flags = table[codes]
    return bool(flags.any())


# Planes 0-1 (the Han blocks of everyday text, emoji) are in the fold tables; any code point above maps to
# _SLOW. Plane 2 holds rare ideographs only: a text with one takes the slow path.
_TABLE_LIMIT = 0x20000
_SLOW = 0xFFFFFFFF   # a character the table cannot map on its own: take the string path
_UNSET = 0xFFFFFFFE  # a character no text has held yet: its value is not computed
_SPACE = 0x20


@functools.cache
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """The fold table (_fold_values) and the NFKC fold table (_nfkc_values): one entry per code point, each
    computed the first time a text holds its character (_fill_unset). A corpus holds a few thousand of the
    128K characters, and computing them all cost every run 40 ms. The entry past the end, where
    take(mode="clip") sends every code point above the tables, is _SLOW."""
    fold = np.full(_TABLE_LIMIT + 1, _UNSET, dtype=np.uint32)
    fold[_TABLE_LIMIT] = _SLOW
    return fold, fold.copy()


def _fill_unset(codes: np.ndarray, values: np.ndarray, positions: np.ndarray, nfkc: bool) -> None:
    """Of ``values`` (the table's values of ``codes``), those at ``positions`` still _UNSET: their characters'
    values are computed, kept in the table, and put in."""
    unset = positions[values[positions] == _UNSET]
    if unset.size:
        table = _tables()[nfkc]
        new = sorted(set(codes[unset].tolist()))   # (np.unique would import numpy.ma: 7 ms)
        table[new] = (_nfkc_values if nfkc else _fold_values)(new)
        values[unset] = table[codes[unset]]


def _looked_up(codes: np.ndarray, nfkc: bool) -> np.ndarray:
    """The values of the code points in the NFKC fold table (or the fold table)."""
    values = _tables()[nfkc].take(codes, mode="clip")
    if values.max(initial=0) >= _UNSET:
        _fill_unset(codes, values, np.flatnonzero(values >= _UNSET), nfkc)
    return values


def _fold_values(codes: list[int]) -> list[int]:
    """What each code point becomes in the spaced form: its case fold when that is one word character,
    a space when it is one other character, _SLOW when it is Traditional (the text needs t2s first) or folds
    to several characters (ß -> ss). (For one character str.isalnum() is what the regex [^\\W_] matches:
    CPython's sre uses the same test.)"""
    traditional = t2s_changed_alone([chr(code) for code in codes if in_t2s_blocks(code)])
    values = []
    for code in codes:
        char = chr(code)
        folded = char.casefold()
        if len(folded) != 1 or char in traditional:
            values.append(_SLOW)
        else:
            values.append(ord(folded) if folded.isalnum() else _SPACE)
    return values


# Characters that normalization may move or join to the character before them: combining marks (canonical
# reordering), the second characters of canonical compositions, and the Hangul vowel and final jamo (composed
# by rule, not listed in the decompositions).
_HANGUL_JAMO_JOINING = ((0x1161, 0x1175), (0x11A8, 0x11C2))


@functools.cache
def _composition_seconds() -> frozenset[int]:
    """The second characters of the two-character canonical decompositions of the tables' characters."""
    chars = np.arange(_TABLE_LIMIT, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    seconds = set()
    for start in range(0, _TABLE_LIMIT, 256):   # only a block that NFD changes holds a canonical decomposition
        block = chars[start:start + 256]
        if not unicodedata.is_normalized("NFD", block):
            for decomposition in map(unicodedata.decomposition, block):
                if decomposition and not decomposition.startswith("<"):
                    parts = decomposition.split()
                    if len(parts) == 2:
                        seconds.add(int(parts[1], 16))
    return frozenset(seconds)


def _joins(code: int) -> bool:
    """Whether normalization may move the character or join it to the one before it (a character above the
    tables counts as one: the tables cannot map it)."""
    return (code >= _TABLE_LIMIT or unicodedata.combining(chr(code)) != 0 or code in _composition_seconds()
            or any(start <= code <= stop for start, stop in _HANGUL_JAMO_JOINING))


def _nfkc_values(codes: list[int]) -> list[int]:
    """The fold values with NFKC done too: what each code point becomes in the spaced form. A character that
    NFKD leaves alone keeps its fold value; one it changes takes the value of what it becomes, or a space
    when that is several characters all mapped to a space ("…" is "...": the spaced form's spacing counts
    nowhere); _SLOW when that is several characters, or when the character or what it becomes may move or
    join a neighbour. A text without any such character is NFKC once each character is decomposed (nothing
    to reorder, nothing composes), so one lookup per character makes its spaced form. (A Hangul syllable has
    no decomposition listed: NFKD makes jamo of it by rule, which NFC joins again unless a joining jamo
    follows.)"""
    decomposed = {code: [ord(char) for char in unicodedata.normalize("NFKD", chr(code))]
                  for code in codes if unicodedata.decomposition(chr(code))}
    wanted = sorted({*codes, *(part for parts in decomposed.values() for part in parts if part < _TABLE_LIMIT)})
    fold = dict(zip(wanted, _looked_up(np.array(wanted, dtype=np.uint32), nfkc=False).tolist()))
    values = []
    for code in codes:
        if _joins(code):
            values.append(_SLOW)
        elif code not in decomposed:
            values.append(fold[code])
        else:
            each = [_SLOW if _joins(part) else fold[part] for part in decomposed[code]]
            if len(each) == 1:
                values.append(each[0])
            else:
                values.append(_SPACE if all(value == _SPACE for value in each) else _SLOW)
    return values


def spaced_form(text: str) -> str:
    """The normalized form up to its spacing (each non-word character one space, or a few that NFKD makes of
    one character a single space): exact_key and shingle_hashes ignore spacing, so they take it as is.

    Case folding maps each character on its own (no context), and so does NFKC on most text (see
    _nfkc_values): one numpy lookup per character does NFKC, the case fold and the word test; 4x cheaper
    than casefold() plus the regex, and NFKC was half of it. Any other text takes NFKC first, and a text with a
    character the tables cannot map alone takes the way normalize() is defined.
    """
    folded = _looked_up(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), nfkc=True)
    if folded.max(initial=0) != _SLOW:
        return folded.tobytes().decode("utf-32-le")
    text = nfkc(text)
    folded = _looked_up(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), nfkc=False)
    if folded.max(initial=0) == _SLOW:
        return _normalize_nfkc(text)
    return folded.tobytes().decode("utf-32-le")


def spaced_forms(texts: Sequence[str]) -> list[str]:
    """spaced_form of each text, with one table lookup for all of them (a batch of documents): the texts
    joined by a line break, which the table makes a space like any separator. A text with a character the
    table cannot map alone takes spaced_form's other ways."""
    starts = np.cumsum([0, *(len(text) + 1 for text in texts[:-1])])
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    folded = _tables()[True].take(codes, mode="clip")
    unmapped = np.flatnonzero(folded >= _UNSET)
    _fill_unset(codes, folded, unmapped, nfkc=True)
    unmapped = unmapped[folded[unmapped] == _SLOW]
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


def text_key(text: str, spaced: str) -> int | None:
    """The exact key of a text whose spaced form is `spaced`. A text without a word character (punctuation,
    emoji, arrows only) has an empty normalized form, which made it a copy of every other such text ('👍👍👍'
    rejected as a duplicate of '！！！'): it is keyed by its own characters (NFKC, white space left out), so it
    is a copy of an equal text only. None for white space alone."""
    if not spaced.isspace() and spaced:
        return exact_key(spaced)
    own = "".join(nfkc(text).split())
    return xxhash.xxh3_64_intdigest(b"\x00" + own.encode("utf-8", "surrogatepass")) if own else None
