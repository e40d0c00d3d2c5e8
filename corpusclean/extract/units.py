"""Size and sentence punctuation of a line, comparable between Chinese and other scripts."""

from __future__ import annotations

import re

from corpusclean.text import CJK_CLASS

CJK_RUN = re.compile(f"[{CJK_CLASS}]+")            # Han, kana, Hangul: one unit per character
WORD = re.compile(f"[^\\W{CJK_CLASS}]+")          # a word of any other script: two units
# CJK punctuation, or Latin punctuation that ends a word (the two never overlap: what follows the Latin
# mark is no punctuation of either kind)
SENTENCE_PUNCT = re.compile(r"[。，、；！？：۔،]|[.,;!?:](?:\s|$|[\"”’)])")
# Stands for a run of CJK characters: like them it is no word character, no space and no quote.
CJK_PLACEHOLDER = "\x00"


def units_and_punctuation(text: str) -> tuple[int, int]:
    """(text units: one per CJK character, two per word of other scripts; sentence punctuation marks).

    Each run of CJK characters is first replaced by one placeholder character: the words and punctuation
    found in the rest are the same as in the text (the placeholder separates and follows them as the run
    did), and a mostly Chinese line leaves little to scan."""
    rest, runs = CJK_RUN.subn(CJK_PLACEHOLDER, text)
    cjk_chars = len(text) - len(rest) + runs
    units = cjk_chars + 2 * len(WORD.findall(rest))
    punctuation = len(SENTENCE_PUNCT.findall(rest))
    return units, punctuation

