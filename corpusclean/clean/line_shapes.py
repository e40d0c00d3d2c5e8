"""The shape of each line of a plain-text page: a sentence, a menu item, a headline, a row of links, data.

A line's kind comes from its own form (length in units, sentence punctuation and where it stands, digits,
separators) and from two page-wide facts: a short line the page repeats (a "Reply" under every post, a
"Buy Now" under every product) separates records, and a line about the site itself (cookies, privacy,
terms of use) is no article text however well it is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from corpusclean.clean.captions import NUMBERED_HEADING_RE
from corpusclean.clean.metadata import RELATIVE_TIME, TIME
from corpusclean.extract.units import units_and_punctuation
from corpusclean.rules import rule_sections
from corpusclean.text import LATIN_TERMINALS, LINE_CLOSERS, ZH_TERMINALS, has_han

# Kinds, in the order of KIND_NAMES.
PROSE = 0      # a sentence
CLAUSE = 1     # a short line ending with punctuation (a verse, a list item, a short answer), a note in parentheses
OPEN = 2       # text without an end mark: a long line, or a line holding clause punctuation (a forum post)
HEADLINE = 3   # a line of a few words without sentence punctuation
ITEM = 4       # a menu item: a word or two
ROW = 5        # many short items on one line
TEASER = 6     # a line cut short with "…"
FIGURES = 7    # a line of data (figures, a "label: value" pair, an address) or a numbered item
DATED = 8      # a short line with a time of day or a relative time: a post's or a teaser's header
REPEAT = 9     # a short line the page repeats: a separator between records
NOTICE = 10    # a line about the site itself: cookies, privacy, terms
KIND_NAMES = ("prose", "clause", "open", "headline", "item", "row", "teaser", "figures", "dated", "repeat",
              "notice")

MIN_PROSE_UNITS = 16      # units as units_and_punctuation counts them: one per Han character, two per word
MAX_ITEM_UNITS = 6
OPEN_UNITS = 24           # a line this long holding clause punctuation is text even without an end mark
LONG_UNITS = 120          # a line this long is text whatever its punctuation
MIN_ROW_ITEMS = 4
MAX_ROW_HAN = 8           # an item of a row: at most 8 characters when it holds Han ones, else 4 words
MAX_ROW_WORDS = 4
MAX_DATED_UNITS = 40
MAX_REPEAT_UNITS = 12     # a separator line is short
MIN_REPEATS = 3

DIGIT = re.compile(r"\d")
# Besides a figure, what makes a short line a row of data in an article ("VIP: 60,000₩", a "label: value"
# pair, an address), not a menu item
DATA_MARK = re.compile("[:：@]")
ROW_SEPARATORS = "|｜丨·•/"
ROW_SPLIT = re.compile(r"\s*[|｜丨·•/]\s*")
CLAUSE_ENDS = "，、；：,;:"
BULLETS = ("- ", "• ", "· ", "* ", "● ", "◆ ", "■ ")
NO_DIGITS = str.maketrans("", "", "0123456789")


class Shape(NamedTuple):
    kind: int
    units: int
    punctuation: int


def line_shapes(lines: list[str]) -> list[Shape]:
    """Each line's shape, site notices marked."""
    notices = notice_phrases()
    return [Shape(NOTICE, *found[1:]) if notices.search(line) else found
            for line, found in zip(lines, map(shape, lines))]


def separators_marked(lines: list[str], shapes: list[Shape]) -> list[Shape]:
    """The shapes with each short line the page repeats MIN_REPEATS times or more (figures aside) marked
    as a separator."""
    keys = [separator_key(line) if item.kind not in TEXT and item.units <= MAX_REPEAT_UNITS else None
            for line, item in zip(lines, shapes)]
    counts = Counter(key for key in keys if key is not None)
    return [Shape(REPEAT, *item[1:]) if key is not None and counts[key] >= MIN_REPEATS else item
            for key, item in zip(keys, shapes)]


def separator_key(line: str) -> str:
    """What two copies of a separator share: the line with its figures blurred ("Forum Posts: 12")."""
    return line.translate(NO_DIGITS)


TEXT = frozenset({PROSE, CLAUSE, OPEN})


def shape(line: str) -> Shape:
    """The kind of a line from its own form."""
    units, punctuation = units_and_punctuation(line)
    end = _last_mark(line)
    sentence = end in ZH_TERMINALS or end in LATIN_TERMINALS or "。" in line
    digit = DIGIT.search(line) is not None
    if _is_truncated(line):
        return Shape(TEASER, units, punctuation)
    if digit and (not sentence or units < MIN_PROSE_UNITS) and units <= MAX_DATED_UNITS and _is_dated(line):
        return Shape(DATED, units, punctuation)
    if sentence or _is_parenthetical(line):
        if units < MIN_PROSE_UNITS or not sentence:
            return Shape(CLAUSE, units, punctuation)
        return Shape(HEADLINE if end in "?!" and _is_title_case(line) else PROSE, units, punctuation)
    if end and end in CLAUSE_ENDS:
        return Shape(CLAUSE, units, punctuation)
    if units >= LONG_UNITS or (units >= OPEN_UNITS and punctuation):
        return Shape(OPEN, units, punctuation)
    if _is_row(line):
        return Shape(ROW, units, punctuation)
    if digit or DATA_MARK.search(line) or _is_enumerated(line):
        return Shape(FIGURES, units, punctuation)
    return Shape(ITEM if units <= MAX_ITEM_UNITS else HEADLINE, units, punctuation)


def _last_mark(line: str) -> str:
    """The line's last character that tells how it ends, past closing quotes and brackets and past
    symbols (a smiley, a footnote star)."""
    text = line.rstrip(LINE_CLOSERS)
    while text and unicodedata.category(text[-1])[0] in "SZ" or text[-1:] == "*":
        text = text[:-1].rstrip(LINE_CLOSERS)
    return text[-1:]


def _is_parenthetical(line: str) -> bool:
    """A note in parentheses: "(Reporting by A; Editing by B)", "（记者 王五）"."""
    return line[:1] in "(（" and line[-1:] in ")）"


def _is_truncated(line: str) -> bool:
    """A teaser cut short: "…" or "..." at the end (Chinese prose ends sentences with "……")."""
    return (line.endswith("...") and not line.endswith("....")) or (line.endswith("…") and not line.endswith("……"))


def _is_dated(line: str) -> bool:
    """A time of day or a relative time ("09:01", "3 天前", "2 hours ago")."""
    return ((":" in line or "：" in line) and TIME.search(line) is not None) or RELATIVE_TIME.search(line) is not None


def _is_title_case(line: str) -> bool:
    """Most longer words capitalized: a headline ("Why Breakfast Really Does Matter?"), not a sentence."""
    words = [word for word in line.split() if len(word) >= 4 and word[0].isalpha()]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.75 * len(words)


def _is_enumerated(line: str) -> bool:
    """A numbered heading or a bulleted item ("一、强化组织领导", "(2) 资金", "- a bus pass"): the article's
    own structure, not a menu."""
    return line.startswith(BULLETS) or NUMBERED_HEADING_RE.match(line) is not None


def _is_row(line: str) -> bool:
    """Many short items on one line: a menu or a tool bar. Han items may be split by spaces ("首页 新闻 体育
    财经"); words need a separator between items ("Home | News | Sport"), spaces split a sentence too."""
    if has_han(line):
        text = line
        for separator in ROW_SEPARATORS:
            text = text.replace(separator, " ")
        items = text.split()
    else:
        items = [item for item in ROW_SPLIT.split(line) if item.strip()]
    if len(items) < MIN_ROW_ITEMS:
        return False
    return all(len(item) <= MAX_ROW_HAN if has_han(item) else len(item.split()) <= MAX_ROW_WORDS for item in items)


@functools.cache
def notice_phrases() -> re.Pattern[str]:
    """Any phrase of rules/site_notices.txt, ignoring case."""
    phrases = [phrase for section in rule_sections("site_notices.txt").values() for phrase in section]
    return re.compile("|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)), re.I)
