"""Language of a document: "zh", "en" or "other", from character classes and a stopword probe.

Cheap on purpose: it reads a prefix of the text, counts Han characters against Latin letters and other
scripts, and tells English from other Latin-script languages by the share of common English words.
"""

from __future__ import annotations

import functools
import itertools
import re

import numpy as np

from corpusclean.document import Document
from corpusclean.pipeline import DocumentStage
from corpusclean.text import HAN_RANGES, HANGUL_RANGES, KANA_RANGES, LATIN_RANGES, OTHER_SCRIPT_RANGES, char_class

PREFIX_CHARS = 4000

LATIN_WORD_RE = re.compile(f"[{char_class(LATIN_RANGES)}]+(?:'[a-z]+)?")

# Classes counted by one table lookup per character (numpy), in this order after "none" (0). The apostrophe
# has a class of its own: with the letters it makes the runs that hold LATIN_WORD_RE's words.
HAN, KANA_HANGUL, OTHER_SCRIPT, LATIN, APOSTROPHE = 1, 2, 3, 4, 5
_CLASS_RANGES = (
    (HAN, HAN_RANGES), (KANA_HANGUL, KANA_RANGES + HANGUL_RANGES), (OTHER_SCRIPT, OTHER_SCRIPT_RANGES),
    (LATIN, LATIN_RANGES), (APOSTROPHE, ((0x27, 0x27),)),
)
_SPACE = np.uint32(0x20)


@functools.cache
def _class_table() -> np.ndarray:
    """The class of every code point up to the last one any class holds, then one "none" that
    take(mode="clip") gives every code point above."""
    table = np.zeros(max(stop for _, ranges in _CLASS_RANGES for _, stop in ranges) + 2, dtype=np.uint8)
    for klass, ranges in _CLASS_RANGES:
        for start, stop in ranges:
            table[start:stop + 1] = klass
    table.flags.writeable = False
    return table


def _classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(code points, class of each) of the text."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return codes, _class_table().take(codes, mode="clip")


def class_counts(classes: np.ndarray) -> list[int]:
    """How many characters are in each class: [none, HAN, KANA_HANGUL, OTHER_SCRIPT, LATIN, APOSTROPHE]."""
    return np.bincount(classes, minlength=APOSTROPHE + 1).tolist()


def latin_words(codes: np.ndarray, classes: np.ndarray) -> list[str]:
    """The words LATIN_WORD_RE finds in the text of these code points, in another order (detect_lang counts
    them): 2x cheaper than the regex. A word never holds a character outside the runs of Latin letters and
    apostrophes, so each of those becomes a space and the rest is split; a run that holds an apostrophe,
    which may end a word or join two, is handed to the regex."""
    spaced = np.where(classes >= LATIN, codes, _SPACE).tobytes().decode("utf-32-le")
    apostrophe = spaced.find("'")
    if apostrophe < 0:
        return spaced.split()
    words: list[str] = []
    rest: list[str] = []     # the text without the runs holding an apostrophe
    start = 0
    while apostrophe >= 0:
        begin = max(spaced.rfind(" ", start, apostrophe) + 1, start)
        end = spaced.find(" ", apostrophe)
        end = len(spaced) if end < 0 else end
        words += LATIN_WORD_RE.findall(spaced, begin, end)
        rest.append(spaced[start:begin])
        start = end
        apostrophe = spaced.find("'", end)
    rest.append(spaced[start:])
    return words + " ".join(rest).split()


ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by at from it are be this said has have will an not "
    "which his her their its were been they we he she but or who had also more than after about".split()
)
# Frequent words of other Latin-script languages that are not English words.
FOREIGN_STOPWORDS = frozenset(
    "le la les des et est du une dans pour qui pas sur au aux "
    "der die das und ist nicht ein eine mit den dem von zu sich auf "
    "el los las y que del por con una para se es lo "
    "il di che per non della sono ".split()
)


def _any_case(words: frozenset[str]) -> frozenset[str]:
    """Every spelling of the words in upper- and lowercase ASCII. A word LATIN_WORD_RE finds lowers to one
    of the words exactly when it is one of these spellings (no other letter of its class lowers to ASCII
    alone), so it is looked up as found: 2.5x cheaper than lowering every word."""
    return frozenset(
        "".join(letters) for word in words for letters in itertools.product(*({c, c.upper()} for c in word))
    )


_ENGLISH_SPELLINGS = _any_case(ENGLISH_STOPWORDS)
_FOREIGN_SPELLINGS = _any_case(FOREIGN_STOPWORDS)
# What a spelling adds to the count of English stopwords (the low 32 bits) and of foreign ones (the high
# bits): both counted in one pass over the words, and in ints (a sum of bools takes sum's slow path).
_FOREIGN = 1 << 32
_STOPWORD_COUNTS = {spelling: (spelling in _ENGLISH_SPELLINGS) + _FOREIGN * (spelling in _FOREIGN_SPELLINGS)
                    for spelling in _ENGLISH_SPELLINGS | _FOREIGN_SPELLINGS}

# A Latin word counts for about this many Han characters when weighing a mixed text.
HAN_CHARS_PER_WORD = 1.5
# A kana or hangul share of the CJK characters above this makes the text Japanese or Korean.
KANA_HANGUL_SHARE = 0.1


def _is_english(words: list[str]) -> bool:
    counts = sum(map(_STOPWORD_COUNTS.get, words, itertools.repeat(0)))
    english, foreign = counts % _FOREIGN, counts // _FOREIGN
    if foreign * 2 > english:
        return False
    if len(words) < 8:  # a headline has few stopwords; no foreign evidence is enough
        return True
    return english >= 0.12 * len(words)


def detect_lang(text: str) -> str:
    """Return "zh", "en" or "other" for a text, judged on its first few thousand characters."""
    codes, classes = _classes(text[:PREFIX_CHARS])
    _, han, kana_hangul, other, latin_letters, _ = class_counts(classes)
    if kana_hangul >= 3 and kana_hangul > KANA_HANGUL_SHARE * (han + kana_hangul):
        return "other"
    # Every word holds a Latin letter: when the letters cannot outweigh the Han characters, neither can
    # the words, and a Chinese text is told without finding its words (the regex is half the cost).
    if han > 0 and han >= latin_letters * HAN_CHARS_PER_WORD and han >= other:
        return "zh"
    words = latin_words(codes, classes)
    latin_weight = len(words) * HAN_CHARS_PER_WORD
    if han > 0 and han >= latin_weight and han >= other:
        return "zh"
    if words and latin_weight >= other and _is_english(words):
        return "en"
    return "other"


class Lang(DocumentStage):
    """Set doc.metadata["lang"] from the document's lines."""

    name = "lang"

    def __call__(self, doc: Document) -> Document:
        if "lang" not in doc.preset:  # a record read back keeps the language its source had
            doc.metadata["lang"] = detect_lang(_text_prefix(doc))
        return doc


def _text_prefix(doc: Document) -> str:
    kept = doc.kept_lines()
    return "\n".join(kept)[:PREFIX_CHARS] if kept else doc.text[:PREFIX_CHARS]
