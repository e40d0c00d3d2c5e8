"""Repeated image captions: short lines without end punctuation that recur in a page.

A photo gallery repeats its caption beside every picture, exactly or with a variant (an organisation
name before it, a credit after it, a typo). Only repetition removes: a subheading that appears once
survives, and so does a numbered heading ("一、…", "第二章 …"), which a table of contents may repeat.
The first occurrence of each cluster is kept; later ones get ``caption.repeat``.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from corpusclean.clean.boilerplate import dated_headline_at
from corpusclean.document import DocView, Judged, Verdict
from corpusclean.fields.labels import signs
from corpusclean.pipeline import LineStage
from corpusclean.text import HAN_RE, NUMBERED_HEADING_RE, document_number, han_at_least

REASON = "caption.repeat"

MAX_CHINESE_CHARS = 60
MAX_ENGLISH_CHARS = 120
MIN_CHINESE_CHARS = 8
# Shorter English lines that recur are usually template phrases ("Order it online for"), not captions.
MIN_ENGLISH_WORDS = 6
# A variant with small edits: at most this many inserted or deleted characters (a substitution is 2).
MAX_EDITS = 2
# A variant with a prefix or suffix contains the caption whole; the caption is at least this share of
# the variant (so "加强队伍建设" is not the caption of a longer heading that happens to contain it).
MIN_CONTAINED_SHARE = 0.5
MIN_CONTAINED_CHARS = 10
MIN_CONTAINED_LATIN_CHARS = 40  # without spaces: about eight words

# Fuzzy matching compares every pair of distinct caption-like lines (a page with 1,000 of them: 0.09 s; 10,000
# short headlines of a list page: 14 s). A page with more is a list, not a gallery: its exact copies go, no variants.
MAX_FUZZY_KEYS = 1000

END_PUNCTUATION = tuple("。！？.!?；;：:，,、…")
CLOSING_QUOTES = "”’」』\"'"
# "原标题：…", "（原标题：…）", "Original title: …": the title the article had where it was first published
ORIGINAL_TITLE_RE = re.compile(r"^\s*[（(]?\s*(?:原标题|原题|(?i:original title))\s*[:：]")
# The title of the document a notice issues ("关于印发《X实施方案》的通知"): printed again over the document
ISSUED_TITLE = re.compile(r"(?:印发|转发|颁布|公布)《?(.{4,60}?)》?的(?:通知|决定|批复)")
# Code, markup and link lists ("docker stop x && docker rm x", "a | b | c") are not captions.
CODE_SYMBOLS = r"{}\[\]<>=&|$#@*_~^\\"
TWO_CODE_SYMBOLS_RE = re.compile(f"[{CODE_SYMBOLS}][^{CODE_SYMBOLS}]*[{CODE_SYMBOLS}]")
NUMERALS_RE = re.compile(r"[\d一二三四五六七八九十百千万零〇两]+")
LATIN_RE = re.compile(r"[a-z0-9]+")
# A line with at least four Han characters is judged as Chinese; the match stops at the fourth.
FOUR_HAN_RE = han_at_least(4)


def is_caption_candidate(line: str) -> bool:
    """A short line without end punctuation that is not a numbered heading, an original-title line (it
    repeats the headline on purpose, as part of the article), an organisation's name that signs a notice nor an
    official document's number (a record table above the document may print it too)."""
    size = len(line)
    # too long for either kind (MAX_CHINESE_CHARS is smaller): most lines; or too short for either
    if size > MAX_ENGLISH_CHARS or size < min(MIN_CHINESE_CHARS, 2 * MIN_ENGLISH_WORDS - 1):
        return False
    if line.rstrip(CLOSING_QUOTES).endswith(END_PUNCTUATION) or NUMBERED_HEADING_RE.match(line):
        return False
    if ORIGINAL_TITLE_RE.match(line) or signs(line):    # a notice's signature: its site's header may name it
        return False
    if "号" in line and document_number().search(line):
        return False    # an official document's number: the document's, however often printed
    if TWO_CODE_SYMBOLS_RE.search(line):
        return False
    if not line.isascii() and FOUR_HAN_RE.match(line):
        return MIN_CHINESE_CHARS <= size <= MAX_CHINESE_CHARS
    return len(line.split(None, MIN_ENGLISH_WORDS - 1)) >= MIN_ENGLISH_WORDS


def _numerals(key: str) -> str:
    return "".join(NUMERALS_RE.findall(key))


def _latin(key: str) -> str:
    return "".join(LATIN_RE.findall(key.lower()))


def _min_contained(key: str) -> int:
    return MIN_CONTAINED_CHARS if HAN_RE.search(key) else MIN_CONTAINED_LATIN_CHARS


def _is_variant(earlier: str, later: str) -> bool:
    """Whether two keys are the same caption: a small edit, or one contained in the other, and no other
    numbers. The regexes (numbers, Latin letters) go last: they cost more than the rest together."""
    shorter, longer = sorted((earlier, later), key=len)
    # An edit distance is at least the difference in length, so the cheap test goes first. A small edit of
    # Latin letters is a different label ("Plan B" vs "Plan C"), not a typo.
    edited = (len(longer) - len(shorter) <= MAX_EDITS
              and Indel.distance(earlier, later, score_cutoff=MAX_EDITS) <= MAX_EDITS
              and _latin(earlier) == _latin(later))
    # partial_ratio scores 100 only when the shorter key is a substring of the longer one (keys of at
    # most 120 characters leave no rounding that could approach 100), so the substring test goes first.
    if not edited and not (len(shorter) >= MIN_CONTAINED_SHARE * len(longer)
                           and shorter in longer
                           and len(shorter) >= max(_min_contained(earlier), _min_contained(later))
                           and fuzz.partial_ratio(earlier, later, score_cutoff=100) == 100):
        return False
    # Lines that differ in their numbers are different captions ("第一季度…" vs "第二季度…").
    numerals = _numerals(earlier), _numerals(later)
    return not (numerals[0] and numerals[1] and numerals[0] != numerals[1])


def _variant_mask(keys: list[str]) -> list[bool]:
    """For each distinct key (in order of first occurrence), whether it is a variant of an earlier one.

    A variant is within MAX_EDITS of the other key, or one of the two holds the other: only the pairs that
    pass these tests (one in eighty on news pages) are judged in full. (Plain loops: a generator per key
    cost more than the tests.)"""
    distance = Indel.distance
    mask = []
    for j, later in enumerate(keys):
        size = len(later)
        found = False
        for earlier in keys[:j]:
            if (((abs(len(earlier) - size) <= MAX_EDITS and distance(earlier, later, score_cutoff=MAX_EDITS) <= MAX_EDITS)
                 or earlier in later or later in earlier)
                    and _is_variant(earlier, later)):
                found = True
                break
        mask.append(found)
    return mask


def judge_captions(lines: list[str], headline: int | None = None, title: str | None = None) -> list[Verdict]:
    """``caption.repeat`` for every later copy of a short caption-like line, None for the rest; but the
    `headline` line (the article's, over its dateline) stays and its earlier copies and variants go (a list of
    the site's headlines or a breadcrumb above it printed it too); and the title of the document the page's
    `title` (its headline, as the metadata stage found it) says it issues stays (a second run, with no dateline
    left to tell the headline's line, finds the same title)."""
    verdicts: list[Verdict] = [None] * len(lines)
    issued = _issued_title(title) if title else None
    # Exact copies are found by key; only the distinct keys go to fuzzy matching.
    first_position: dict[str, int] = {}
    for i, line in enumerate(lines):
        if not is_caption_candidate(line):
            continue
        key = "".join(line.split())
        if key == issued:
            continue
        if key not in first_position:
            first_position[key] = i
        elif i == headline:
            verdicts[first_position[key]] = REASON
            first_position[key] = i
        else:
            verdicts[i] = REASON
    if 2 <= len(first_position) <= MAX_FUZZY_KEYS:
        keys = list(first_position)
        for number, (key, is_variant) in enumerate(zip(keys, _variant_mask(keys))):
            if is_variant and first_position[key] != headline:
                verdicts[first_position[key]] = REASON
            elif is_variant:    # the headline stays, the earlier variants of it go
                for earlier in keys[:number]:
                    if _is_variant(earlier, key):
                        verdicts[first_position[earlier]] = REASON
    return verdicts


def _issued_title(headline: str) -> str | None:
    """The title of the document a notice issues, as a key, when its headline names one: the document printed
    under the notice opens with it, a copy of part of the headline that is no caption."""
    found = ISSUED_TITLE.search(headline) if "的" in headline else None
    return "".join(found.group(1).split()) if found else None


class Captions(LineStage):
    """Line stage: repeated image captions (exact or fuzzy variants) collapse to the first."""

    name = "captions"
    reasons = ("caption.repeat",)

    def judge(self, lines: list[str], view: DocView) -> Judged:
        return Judged(judge_captions(lines, dated_headline_at(lines, view), view.title))
