"""Repeated image captions: short lines without end punctuation that recur in a page.

A photo gallery repeats its caption beside every picture, exactly or with a variant (an organisation
name before it, a credit after it, a typo). Only repetition removes: a subheading that appears once
survives, and so does a numbered heading ("一、…", "第二章 …"), which a table of contents may repeat.
The first occurrence of each cluster is kept; later ones get ``caption.repeat``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from corpusclean.document import Verdict
from corpusclean.normalize.lang import HAN_CLASS, HAN_RE

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
# A line with at least four Han characters is judged as Chinese; the match stops at the fourth.
FOUR_HAN_RE = re.compile(f"(?:[^{HAN_CLASS}]*[{HAN_CLASS}]){{4}}")


def is_caption_candidate(line: str) -> bool:
    """A short line without end punctuation that is not a numbered heading."""
    if len(line) > MAX_ENGLISH_CHARS:  # too long for either kind (MAX_CHINESE_CHARS is smaller): most lines
        return False
    if line.rstrip(CLOSING_QUOTES).endswith(END_PUNCTUATION) or NUMBERED_HEADING_RE.match(line):
        return False
    if len(CODE_SYMBOLS_RE.findall(line)) >= 2:
        return False
    if FOUR_HAN_RE.match(line):
        return MIN_CHINESE_CHARS <= len(line) <= MAX_CHINESE_CHARS
    return len(line.split()) >= MIN_ENGLISH_WORDS


class _Key(NamedTuple):
    """A candidate's key and what the comparisons read from it, computed once."""

    text: str
    numerals: str
    latin: str
    min_contained: int


def _facts(key: str) -> _Key:
    min_contained = MIN_CONTAINED_CHARS if HAN_RE.search(key) else MIN_CONTAINED_LATIN_CHARS
    return _Key(key, "".join(NUMERALS_RE.findall(key)), "".join(LATIN_RE.findall(key.lower())), min_contained)


def _is_variant(earlier: _Key, later: _Key) -> bool:
    """Whether two keys are the same caption: a small edit, or one contained in the other."""
    # Lines that differ in their numbers are different captions ("第一季度…" vs "第二季度…"), and a
    # small edit of Latin letters is a different label ("Plan B" vs "Plan C"), not a typo.
    if earlier.numerals and later.numerals and earlier.numerals != later.numerals:
        return False
    a, b = earlier.text, later.text
    shorter, longer = sorted((len(a), len(b)))
    # An edit distance is at least the difference in length, so the cheap test goes first.
    if (longer - shorter <= MAX_EDITS and earlier.latin == later.latin
            and Indel.distance(a, b, score_cutoff=MAX_EDITS) <= MAX_EDITS):
        return True
    return (shorter >= MIN_CONTAINED_SHARE * longer
            and shorter >= max(earlier.min_contained, later.min_contained)
            and fuzz.partial_ratio(a, b, score_cutoff=100) == 100)


def _variant_mask(keys: list[str]) -> list[bool]:
    """For each distinct key (in order of first occurrence), whether it is a variant of an earlier one."""
    facts = [_facts(key) for key in keys]
    return [any(_is_variant(earlier, later) for earlier in facts[:j]) for j, later in enumerate(facts)]


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
