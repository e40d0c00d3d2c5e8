"""Repeated image captions: short lines without end punctuation that recur in a page.

A photo gallery repeats its caption beside every picture, exactly or with a variant (an organisation
name before it, a credit after it, a typo). Only repetition removes: a subheading that appears once
survives, and so does a numbered heading ("一、…", "第二章 …"), which a table of contents may repeat.
The first occurrence of each cluster is kept; later ones get ``caption.repeat``.
"""

from __future__ import annotations

import re

from corpusclean.document import Verdict
from corpusclean.normalize.lang import HAN_RE

REASON = "caption.repeat"

MAX_CHINESE_CHARS = 60
MAX_ENGLISH_CHARS = 120
MIN_CHINESE_CHARS = 8
# Shorter English lines that recur are usually template phrases ("Get it from Amazon for"), not captions.
MIN_ENGLISH_WORDS = 6
# A variant with small edits: at most this many inserted or deleted characters (a substitution is 2).
MAX_EDITS = 2
# A variant with a prefix or suffix contains the caption whole; the caption is at least this share of
# the variant (so "加强队伍建设" is not the caption of a longer heading that happens to contain it).
MIN_CONTAINED_SHARE = 0.5
MIN_CONTAINED_CHARS = 10
MIN_CONTAINED_LATIN_CHARS = 40  # without spaces: about eight words

END_PUNCTUATION = tuple("。！？.!?；;：:，,、…")
CLOSING_QUOTES = "”’」』\"'"
NUMBERED_HEADING_RE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十百零〇\d]+[）)、.．]|第[一二三四五六七八九十百零〇\d]+[章节条部分篇])"
)
# Code, markup and link lists ("docker stop x && docker rm x", "a | b | c") are not captions.
CODE_SYMBOLS_RE = re.compile(r"[{}\[\]<>=&|$#@*_~^\\]")
NUMERALS_RE = re.compile(r"[\d一二三四五六七八九十百千万零〇两]+")
LATIN_RE = re.compile(r"[a-z0-9]+")


def is_caption_candidate(line: str) -> bool:
    """A short line without end punctuation that is not a numbered heading."""
    if line.rstrip(CLOSING_QUOTES).endswith(END_PUNCTUATION) or NUMBERED_HEADING_RE.match(line):
        return False
    if len(CODE_SYMBOLS_RE.findall(line)) >= 2:
        return False
    if len(HAN_RE.findall(line)) >= 4:
        return MIN_CHINESE_CHARS <= len(line) <= MAX_CHINESE_CHARS
    return len(line) <= MAX_ENGLISH_CHARS and len(line.split()) >= MIN_ENGLISH_WORDS


def _numerals(key: str) -> str:
    return "".join(NUMERALS_RE.findall(key))


def _latin(key: str) -> str:
    return "".join(LATIN_RE.findall(key.lower()))


def _differ(np, values: list[str], both_present: bool):
    """Matrix of pairs whose values differ (when both_present: and neither is empty)."""
    value_ids = {value: index for index, value in enumerate(sorted(set(values)))}
    ids = np.array([value_ids[value] for value in values])
    differ = ids[:, None] != ids[None, :]
    if both_present:
        present = np.array([bool(value) for value in values])
        differ &= present[:, None] & present[None, :]
    return differ


def _variant_mask(keys: list[str]) -> list[bool]:
    """For each distinct key (in order of first occurrence), whether it is a variant of an earlier one."""
    import numpy as np
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Indel

    edits = process.cdist(keys, keys, scorer=Indel.distance, dtype=np.uint8,
                          score_cutoff=MAX_EDITS, workers=1)
    contained = process.cdist(keys, keys, scorer=fuzz.partial_ratio, dtype=np.uint8,
                              score_cutoff=100, workers=1) == 100
    lengths = np.array([len(key) for key in keys])
    min_contained = np.array([MIN_CONTAINED_CHARS if HAN_RE.search(key) else MIN_CONTAINED_LATIN_CHARS
                              for key in keys])
    shorter = np.minimum.outer(lengths, lengths)
    longer = np.maximum.outer(lengths, lengths)
    contained &= (shorter >= np.maximum.outer(min_contained, min_contained))
    contained &= shorter >= MIN_CONTAINED_SHARE * longer

    # Lines that differ in their numbers are different captions ("第一季度…" vs "第二季度…"), and a
    # small edit of Latin letters is a different label ("Plan B" vs "Plan C"), not a typo.
    numbers_differ = _differ(np, [_numerals(key) for key in keys], both_present=True)
    latin_differ = _differ(np, [_latin(key) for key in keys], both_present=False)

    same = (((edits <= MAX_EDITS) & ~latin_differ) | contained) & ~numbers_differ
    earlier = np.tril(same, k=-1)  # row j, column i < j
    return earlier.any(axis=1).tolist()


def judge_captions(lines: list[str]) -> list[Verdict]:
    """``caption.repeat`` for every later copy of a short caption-like line, None for the rest."""
    verdicts: list[Verdict] = [None] * len(lines)
    # Exact copies are found by key; only the distinct keys go to fuzzy matching.
    first_position: dict[str, int] = {}
    for i, line in enumerate(lines):
        if is_caption_candidate(line):
            key = "".join(line.split())
            if key in first_position:
                verdicts[i] = REASON
            else:
                first_position[key] = i
    if len(first_position) >= 2:
        keys = list(first_position)
        for key, is_variant in zip(keys, _variant_mask(keys)):
            if is_variant:
                verdicts[first_position[key]] = REASON
    return verdicts


class Captions:
    """Line stage: repeated image captions (exact or fuzzy variants) collapse to the first."""

    name = "captions"
    reasons = ("caption.repeat",)

    def judge(self, lines: list[str]) -> list[Verdict]:
        return judge_captions(lines)
