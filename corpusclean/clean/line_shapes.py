"""The shape of each line of a plain-text page: a sentence, a menu item, a headline, a row of links, data.

A line's kind comes from its own form (length in units, sentence punctuation and where it stands, digits,
separators) and from three page-wide facts: a short line the page repeats (a "Reply" under every post, a
"Buy Now" under every product) separates records, a line about the site itself (cookies, privacy, terms of
use) is no article text however well it is written, and lines of code one under the other (commands, their
comments between) are a program listing, not a menu.

A page is read at once: its lines joined, one numpy pass over the code points gives each line's size,
punctuation, digits and last mark; the few lines whose kind hangs on more (a time of day, a row of
items, a numbered heading, a title-case question) are then asked one by one.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from corpusclean.extract.units import units_and_punctuation_of_lines
from corpusclean.fields.dates import TIME, find_dates
from corpusclean.fields.labels import relative_time
from corpusclean.memo import per_line
from corpusclean.rules import rule_sections
from corpusclean.text import (
    CJK_FLAG, DIGIT_FLAG, LATIN_TERMINALS, LINE_CLOSERS, NUMBERED_HEADING_RE, TRAILING_FLAG, ZH_TERMINALS, char_flags,
    compiled_when_used, has_han,
)

# Kinds, in the order of KIND_NAMES.
PROSE = 0      # a sentence
CLAUSE = 1     # a short line ending with punctuation (a verse, a list item, a short answer), a note in parentheses
OPEN = 2       # text without an end mark: a long line, or a line holding sentence punctuation (a forum post)
HEADLINE = 3   # a line of a few words without sentence punctuation
ITEM = 4       # a menu item: a word or two
ROW = 5        # many short items on one line
TEASER = 6     # a line cut short with "…"
FIGURES = 7    # a line of data (figures, a "label: value" pair, an address) or a numbered item
DATED = 8      # a short line with a time of day or a relative time: a post's or a teaser's header
REPEAT = 9     # a short line the page repeats: a separator between records
NOTICE = 10    # a line about the site itself: cookies, privacy, terms
CODE = 11      # a line of a program listing or a shell session, among others of its kind
KIND_NAMES = ("prose", "clause", "open", "headline", "item", "row", "teaser", "figures", "dated", "repeat",
              "notice", "code")
TEXT = frozenset({PROSE, CLAUSE, OPEN})

MIN_PROSE_UNITS = 16      # units as units_and_punctuation counts them: one per Han character, two per word
MAX_ITEM_UNITS = 6
MAX_FIGURE_UNITS = 8      # a line with one number is data up to this many units ("Page 3 of 12", "2026年4月")
OPEN_UNITS = 24           # a line this long holding sentence punctuation is text even without an end mark
LONG_UNITS = 120          # a line this long is text whatever its punctuation...
UNITS_PER_MARK = 60       # ...unless it holds fewer marks than one per this many units: a list run together
MIN_ROW_ITEMS = 4
MAX_ROW_HAN = 8           # an item of a row: at most 8 characters when it holds Han ones, else 4 words
MAX_ROW_WORDS = 4
MAX_DATED_UNITS = 40
MAX_CUT_TITLE_CHARS = 40  # a title cut short with ".." is no longer than this
MAX_TITLE_UNITS = 40      # a question or an exclamation this long is a sentence, however it is capitalized
MAX_REPEAT_UNITS = 12     # a separator line is short
MIN_REPEATS = 3
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")
MIN_MARKUP_CHARS = 120    # a line of HTML source shown as text: this long at least, with at least
MIN_TAGS = 5              # this many tags...
MARKUP_SHARE = 0.25       # ...covering this share of it
MIN_QUESTION_RUN = 4      # lone questions in a row: a list of questions
MAX_COUNT_UNITS = 4       # a line of figures this short is a count or a rank: "26", "3 answers", "2.", "3. 3"
LIST_NUMBER = re.compile(r"\s*\d{1,2}[.、．]\s*")      # an item's number in a numbered list: "2. ", "3、"
LONE_QUESTION_BREAK = re.compile(r"[?？!！。]|\.\s")
MAX_RECORD_LINES = 20     # separators in a row: more than this, with copies of one among them, are a list
ROW_NUMBER = re.compile(r"(\d{1,3})\s")    # a table row's number before its cells: "3 赵喆 下坪村 勤劳致富"
MIN_NUMBERED_ROWS = 3     # rows numbered one after another, this many or more: a table's rows, data
# a number standing as an item of a row: "27", "0.5", "-0.6", "+3", "12%", "1,024"
NUMBER_ITEM = re.compile(r"[-+−]?\d[\d,]*(?:\.\d+)?%?")
MIN_TABLE_CELLS = 3       # a table's row splits into this many cells at least (at white space)
MIN_DATA_NUMBERS = 3      # a row of data holds this many numbers at least ("已有 2,316 人评价，好评率 98.9%" holds two)

# Besides a figure, what makes a short line a row of data in an article ("VIP: 60,000₩", a "label: value"
# pair, an address), not a menu item
DATA_MARKS = ":：@"
ROW_SEPARATORS = "|｜丨·•/"
ROW_SPLIT = re.compile(r"\s*[|｜丨·•/]\s*")
# a list item's day after its title, without the year ("…注销公告03-21", "… [05/18]"): the line's only figures
_item_day = compiled_when_used(r"^\D*[^\d:：]\s*[\[(（【]?(?:0?[1-9]|1[0-2])[-/.](?:0[1-9]|[12]\d|3[01])[\])）】]?\s*$")
CLAUSE_ENDS = "，、；：,;:"
SENTENCE_MARKS = ZH_TERMINALS + LATIN_TERMINALS
QUESTION_ENDS = "?!？！"
# a mark inside a Han question, or kana (Japanese asks without commas): no title
_han_title_break = compiled_when_used(r"[，、；：。？！,;:.?!“”\"《》（）()\u3040-\u30ff]")
BULLETS = ("- ", "• ", "· ", "* ", "● ", "◆ ", "■ ")
# A numbered heading or a bulleted item starts with one of these (NUMBERED_HEADING_RE, BULLETS).
ENUMERATION_STARTS = "0123456789０１２３４５６７８９一二三四五六七八九十百零〇（(第-•·*●◆■"
NO_DIGITS = str.maketrans("", "", "0123456789")
NOTICE_SECTIONS = ("cookies", "privacy", "terms", "consent", "browser")   # of rules/site_notices.txt


class Shape(NamedTuple):
    kind: int
    units: int
    punctuation: int


@dataclass(frozen=True)
class Shapes:
    """The shapes of a page's lines, one array entry per line."""

    kinds: np.ndarray
    units: np.ndarray
    punctuation: np.ndarray
    figures: np.ndarray     # whether the line holds a digit
    dates: np.ndarray       # whether a short line that is no text holds a date or a time ("2019-11-20", "3小时前")

    def __len__(self) -> int:
        return len(self.kinds)

    def __getitem__(self, index: slice) -> Shapes:
        return Shapes(self.kinds[index], self.units[index], self.punctuation[index], self.figures[index],
                      self.dates[index])

    def at(self, index: int) -> Shape:
        return Shape(int(self.kinds[index]), int(self.units[index]), int(self.punctuation[index]))


def shape(line: str) -> Shape:
    """The shape of one line, read as a page of its own."""
    return line_shapes([line]).at(0)


def line_shapes(lines: list[str]) -> Shapes:
    """Each line's shape by its own form, site notices marked."""
    if not lines:
        empty = np.zeros(0, dtype=np.int64)
        return Shapes(empty.astype(np.int8), empty, empty, empty.astype(bool), empty.astype(bool))
    text = "\n".join(lines) + "\n"
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    flags = char_flags(codes)
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    ends = (lengths + 1).cumsum() - 1          # where each line's "\n" stands
    starts = ends - lengths
    units, punctuation = units_and_punctuation_of_lines(codes, starts)
    table = _mark_table()
    marks = table.take(codes, mode="clip")
    held = np.bitwise_or.reduceat(marks, starts)        # the marks each line holds somewhere
    holds = np.bitwise_or.reduceat(flags, starts)       # the kinds of characters each line holds
    digit = (holds & DIGIT_FLAG) != 0
    digits = (flags & DIGIT_FLAG) != 0
    digits[1:] &= ~digits[:-1]
    numbers = np.add.reduceat(digits, starts)           # runs of digits: "28.41 +3.8%" holds four
    data = (held & _DATA) != 0
    first, last, before_last = _edge_chars(codes, starts, ends, lengths)
    end = table.take(_last_marks(lines, last, flags.take(ends - 1)), mode="clip")
    lowered = text.encode("utf-8", "surrogatepass").lower()     # bytes.lower: ASCII letters only

    sentence = ((end & _TERMINAL) != 0) | ((held & _FULL_STOP) != 0)
    two_dots = (last == ord(".")) & (before_last == ord("."))
    # a post ends a sentence with ".." too: a title cut so is told by its twin in a headline list
    dots = _asked(lines, two_dots, _is_cut_short) | _paired(_asked(lines, two_dots, _is_cut_title))
    truncated = dots | (last == ord("…")) & (before_last != ord("…"))
    opening, closing = table.take(first, mode="clip"), table.take(last, mode="clip")
    parenthetical = ((opening & _OPENING) != 0) & ((closing & _CLOSING) != 0)
    short = units < MIN_PROSE_UNITS
    timed = ((held & (_COLON | _BEFORE)) != 0) | _holding(lowered, ("ago",), len(lines))
    dated = _asked(lines, digit & timed & (~sentence | short) & (units <= MAX_DATED_UNITS) & ~truncated, _is_dated)
    clause = (sentence | parenthetical) & (short | ~sentence)
    title_case = _asked(lines, sentence & ~short & (units <= MAX_TITLE_UNITS) & ((end & _QUESTION) != 0),
                        _is_title_case)
    prose = sentence & ~clause & ~title_case
    # a menu, a tag cloud or a list of archive months rendered as one line: long, next to no punctuation
    run_together = (units >= LONG_UNITS) & (units > (punctuation + 1) * UNITS_PER_MARK)
    open_text = ((units >= LONG_UNITS) | ((units >= OPEN_UNITS) & (punctuation > 0))) & ~run_together
    clause_end = (end & _CLAUSE_END) != 0
    decided = truncated | dated | sentence | parenthetical | clause_end | open_text
    # a row's MIN_ROW_ITEMS items stand between separators, or between spaces when they are Han
    separators = np.add.reduceat((marks & _ROW) != 0, starts)
    spaced = separators + np.add.reduceat(codes == ord(" "), starts)
    row_like = (separators >= MIN_ROW_ITEMS - 1) | ((spaced >= MIN_ROW_ITEMS - 1) & ((holds & CJK_FLAG) != 0))
    row = _asked(lines, ~decided & row_like, _is_row) | run_together & ~decided
    numbered = (opening & _ENUMERATION) != 0
    enumerated = _asked(lines, ~decided & ~row & ~digit & ~data & numbered, _is_enumerated)
    # a number among words is a headline's ("3 dividend stocks to buy"); numbers in a short line, or in one
    # holding punctuation ("June 9 -- Coral Arena, Tampa"), are data
    figures = digit & ((numbers >= 2) | (units <= MAX_FIGURE_UNITS * numbers) | (punctuation > 0))
    kinds = np.full(len(lines), HEADLINE, dtype=np.int8)
    # the first test that holds decides: set from the last test to the first
    for test, kind in reversed(((truncated, TEASER), (dated, DATED), (clause, CLAUSE), (title_case, HEADLINE),
                                (prose, PROSE), (clause_end, CLAUSE), (open_text, OPEN), (row, ROW),
                                (figures | data | enumerated, FIGURES), (units <= MAX_ITEM_UNITS, ITEM))):
        kinds[test] = kind
    # a title closed by its date ("独家专访：初心不变2024-04-24") is a teaser's, however it is punctuated
    titled = ~sentence & digit & IS_TEXT[kinds] & (units <= MAX_TITLE_UNITS)
    kinds[_asked(lines, titled, _ends_with_date)] = HEADLINE
    kinds[_asked(lines, ~sentence & (kinds == FIGURES) & (numbers == 2), _item_day().match)] = HEADLINE
    kinds[_asked(lines, lengths >= MIN_MARKUP_CHARS, _is_markup)] = ROW
    kinds[_question_lists(lines, _asked(lines, sentence & ((end & _QUESTION) != 0), _is_lone_question),
                          kinds, units)] = HEADLINE
    kinds[_numbered_rows(lines, kinds == ROW)] = FIGURES
    kinds[_notices(lines, lowered)] = NOTICE
    # a line of a listing holds one of CODE_CHARS or opens with one of CODE_STARTS, and no Han character
    asked = (kinds != PROSE) & ((holds & CJK_FLAG) == 0) & (((held & _CODE_CHAR) | (opening & _CODE_START)) != 0)
    kinds[_listings(lines, asked)] = CODE
    # asked only of the lines that may separate records (see separator_ids): the layout's only use of it
    dates = _asked(lines, digit & ~IS_TEXT[kinds] & (units <= MAX_REPEAT_UNITS), holds_date)
    return Shapes(kinds, units, punctuation, digit, dates)


def separator_ids(lines: list[str], shapes: Shapes) -> np.ndarray:
    """For each short line that is no text and comes MIN_REPEATS times or more on the page (its figures
    blurred: "Forum Posts: 12"), a number it shares with its copies; -1 for the other lines."""
    ids = np.full(len(lines), -1, dtype=np.int64)
    short = (~IS_TEXT[shapes.kinds] & (shapes.units <= MAX_REPEAT_UNITS)).nonzero()[0].tolist()
    figures = shapes.figures.tolist()
    keys = [lines[index].translate(NO_DIGITS) if figures[index] else lines[index] for index in short]
    numbers = {key: number for number, (key, count) in enumerate(Counter(keys).items()) if count >= MIN_REPEATS}
    for index, key in zip(short, keys):
        if key in numbers:
            ids[index] = numbers[key]
    return ids


def separators_marked(shapes: Shapes, ids: np.ndarray) -> Shapes:
    """The shapes with each line whose separator number comes MIN_REPEATS times or more marked as a
    separator; but a bare mark next to a copy of itself ("*", "|"), or a separator in a run of more than
    MAX_RECORD_LINES separators holding MIN_REPEATS copies of one, separates no records (nothing stands
    between the copies): it is an item of a list (empty bullets "*" in a row, archive months "May (12)" under
    each year)."""
    known = (ids >= 0).nonzero()[0]
    if len(known) < MIN_REPEATS:
        return shapes
    counts = np.bincount(ids[known])
    kinds = shapes.kinds.copy()
    marked = known[counts[ids[known]] >= MIN_REPEATS]
    kinds[marked] = REPEAT
    for run in np.split(marked, (np.diff(marked) > 1).nonzero()[0] + 1):
        if len(run) > MAX_RECORD_LINES and np.bincount(ids[run]).max() >= MIN_REPEATS:
            kinds[run] = ITEM
    bare_twins = (np.diff(marked) == 1) & (ids[marked[1:]] == ids[marked[:-1]]) & (shapes.units[marked[1:]] == 0)
    kinds[marked[1:][bare_twins]] = kinds[marked[:-1][bare_twins]] = ITEM
    return replace(shapes, kinds=kinds)


def is_lead_in(line: str) -> bool:
    """Whether a line introduces what follows it, ending with a colon ("现将有关事项公告如下：", "Inclusion Criteria:"):
    the lines under it are the text's own list, table or questions."""
    return line.rstrip().endswith((":", "："))


def opens_list(line: str) -> bool:
    """Whether a line is an item of a bulleted or numbered list ("* Update your plan", "2. Map the data")."""
    return line.startswith(BULLETS) or LIST_NUMBER.match(line) is not None


def kind_table(kinds: frozenset[int]) -> np.ndarray:
    """A lookup: kind -> whether it is one of kinds (index it with an array of kinds)."""
    table = np.zeros(len(KIND_NAMES), dtype=bool)
    table[list(kinds)] = True
    return table


IS_TEXT = kind_table(TEXT)
(_FULL_STOP, _DATA, _ROW, _TERMINAL, _CLAUSE_END, _QUESTION, _OPENING, _CLOSING, _COLON, _BEFORE,
 _ENUMERATION, _CODE_CHAR, _CODE_START) = (1 << bit for bit in range(13))


@functools.cache
def _mark_table() -> np.ndarray:
    """Code point -> the sets of marks below it belongs to (bits)."""
    table = np.zeros(0x10000, dtype=np.uint16)
    for chars, bit in (("。", _FULL_STOP), (DATA_MARKS, _DATA), (ROW_SEPARATORS, _ROW),
                       (SENTENCE_MARKS, _TERMINAL), (CLAUSE_ENDS, _CLAUSE_END),
                       (QUESTION_ENDS, _QUESTION), ("(（", _OPENING), (")）", _CLOSING), (":：", _COLON),
                       ("前", _BEFORE), (ENUMERATION_STARTS, _ENUMERATION), (CODE_CHARS, _CODE_CHAR),
                       (CODE_STARTS, _CODE_START)):
        table[[ord(char) for char in chars]] |= bit
    return table


def _last_marks(lines: list[str], last: np.ndarray, last_flags: np.ndarray) -> np.ndarray:
    """Each line's last character that tells how it ends, past closing quotes and brackets and past
    symbols (a smiley, a footnote star); 0 for a line of such characters only. Most lines end with it."""
    marks = last.copy()
    for index in ((last_flags & TRAILING_FLAG) != 0).nonzero()[0].tolist():
        text = lines[index].rstrip(LINE_CLOSERS)
        while text and unicodedata.category(text[-1])[0] in "SZ" or text[-1:] == "*":
            text = text[:-1].rstrip(LINE_CLOSERS)
        marks[index] = ord(text[-1]) if text else 0
    return marks


def _edge_chars(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray, lengths: np.ndarray):
    """Each line's first, last and last-but-one character; a newline (the line's own or the one before it)
    where the line is too short."""
    return codes.take(starts), codes.take(ends - 1), codes.take(np.maximum(ends - 2, 0))


def _is_cut_short(line: str) -> bool:
    """"..." at the end, not a row of dots; "…" is told from "……" (Chinese prose ends with it) by the
    last two characters alone."""
    return line.endswith("...") and not line.endswith("....")


def _is_cut_title(line: str) -> bool:
    """".." closing a short line that holds no sentence before it: a title cut short ("청춘시대3'..")."""
    head = line[:-2]
    return not head.endswith(".") and len(head) <= MAX_CUT_TITLE_CHARS and not any(
        mark in head for mark in SENTENCE_MARKS)


def _paired(found: np.ndarray) -> np.ndarray:
    """The found lines that have a found line right above or below them."""
    twin = np.zeros(len(found) + 2, dtype=bool)
    twin[1:-1] = found
    return found & (twin[:-2] | twin[2:])


def _asked(lines: list[str], candidates: np.ndarray, test) -> np.ndarray:
    """test(line) for the candidate lines, False for the others."""
    answers = np.zeros(len(lines), dtype=bool)
    held = [index for index in candidates.nonzero()[0].tolist() if test(lines[index])]
    if held:    # (most tests hold for no line: assigning to none costs more than the test)
        answers[held] = True
    return answers


def _is_markup(line: str) -> bool:
    """HTML source shown as text (a template a renderer printed): MIN_TAGS tags or more, covering at least
    MARKUP_SHARE of the line."""
    tags = HTML_TAG.findall(line)
    return len(tags) >= MIN_TAGS and sum(map(len, tags)) >= MARKUP_SHARE * len(line)


def _is_dated(line: str) -> bool:
    """A time of day or a relative time ("09:01", "3 天前", "2 hours ago")."""
    return ((":" in line or "：" in line) and TIME.search(line) is not None) or relative_time().search(line) is not None


def _ends_with_date(line: str) -> bool:
    """A date closes the line ("...初心不变2024-04-24", "By Jane Doe - 2019-04-10")."""
    dates = find_dates(line)
    return bool(dates) and dates[-1].end >= len(line.rstrip(" )）]】"))


@per_line   # asked of separators, which a page repeats
def holds_date(line: str) -> bool:
    """A calendar date, a time of day or a relative time: a post's stamp ("2019-11-20", "3小时前")."""
    return bool(find_dates(line)) or _is_dated(line)


def _is_title_case(line: str) -> bool:
    """Most longer words capitalized: a headline ("Why Breakfast Really Does Matter?"), not a sentence; in Han,
    a Chinese question or exclamation without a mark inside it ("刘华清的履历如何评价？"): a title asks in one
    breath, a sentence of the text pauses ("那么，疫情期间如何投诉呢？")."""
    if has_han(line):
        return _han_title_break().search(line.rstrip().rstrip(QUESTION_ENDS)) is None
    words = [word for word in line.split() if len(word) >= 4 and word[0].isalpha()]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.75 * len(words)


def _is_lone_question(line: str) -> bool:
    """One question alone on its line, its number in a list before it or not ("2. 大病医疗扣除需要保存哪些资料？"):
    "?" closes it and no sentence mark stands before it."""
    text = LIST_NUMBER.sub("", line.rstrip().rstrip(LINE_CLOSERS), count=1)
    return text.endswith(("?", "？")) and LONE_QUESTION_BREAK.search(text[:-1]) is None


def _numbered_rows(lines: list[str], rows: np.ndarray) -> np.ndarray:
    """The rows of a table: MIN_NUMBERED_ROWS rows or more in a row, each opening with its number (ROW_NUMBER),
    one more than the row's above. A menu's items are not numbered; a list of headlines numbers titles too
    long for a row's items."""
    numbers = {index: int(match[1]) for index in rows.nonzero()[0].tolist()
               if (match := ROW_NUMBER.match(lines[index])) is not None}
    numbered = np.zeros(len(lines), dtype=bool)
    run: list[int] = []
    for index in sorted(numbers):
        if not (run and index == run[-1] + 1 and numbers[index] == numbers[run[-1]] + 1):
            run = []
        run.append(index)
        if len(run) >= MIN_NUMBERED_ROWS:
            numbered[run] = True
    return numbered


def _question_lists(lines: list[str], questions: np.ndarray, kinds: np.ndarray, units: np.ndarray) -> np.ndarray:
    """The questions of a list of them: MIN_QUESTION_RUN lone questions or more in a row (a count of votes or
    answers between them looked through): a Q&A site's related and hot questions. An article's questions
    stand between its answers, or under a line that introduces them ("Can anyone help me figure out:")."""
    found = np.zeros(len(lines), dtype=bool)
    if np.count_nonzero(questions) < MIN_QUESTION_RUN:
        return found    # (nearly every page: no walk over its lines)
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and questions[index]:
            run.append(index)
        elif index < len(lines) and kinds[index] == FIGURES and units[index] <= MAX_COUNT_UNITS:
            continue
        else:
            if len(run) >= MIN_QUESTION_RUN and not (run[0] and is_lead_in(lines[run[0] - 1])):
                found[run] = True
            run = []
    return found


CODE_CHARS = "{};=\\$&|<>/"      # what nearly every line of code holds (a mark of _holds_code_mark) ...
CODE_STARTS = "abcdefghijklmnopqrstuvwxyz-.~["     # ... or opens with (a command, an option, a path, a section)
CODE_ENDINGS = (" \\", "{", "}", "};", ");")     # a line continued, a block opened or closed
# What only code holds: an operator, a tag, a CSS declaration, an assignment, a source file's name, a section of
# a configuration file, a shell command's name opening the line...
_code_mark = compiled_when_used(r"""(?x)
    && | \|\| | == | != | => | -> | \+= | </\w | /> | \{\{ | \$\( | \$\{
  | ^\s*[\w-]+\s*:[^;]+;\s*$ | ^\s*[\w.\[\]"'-]+\s*=\s*\S | ^\s*\[\[?[\w.-]+\]\]?\s*$
  | \w\.(?:o|c|h|py|js|sh|cmd|conf|yml|yaml|json|xml|ini|cpp|java|go|rs|css|php)\b
  | ^\s*(?:sudo|docker|podman|git|npm|pip|curl|wget|cd|ls|cp|mv|rm|mkdir|chmod|chown|echo|export|apt|apt-get|yum|make
        |python3?|node|kubectl|scp|ssh|cat|grep|tar|systemctl|source)\s
""")
# ... a call, a path, a command's option (each asked only of a line holding its first mark)
_code_call = compiled_when_used(r"[A-Za-z_]\w*\((?:[^()]*[,\"'$.][^()]*)?\)")
_code_path = compiled_when_used(r"(?:^|\s)[~.]?/?[A-Za-z_.][\w.-]*/[\w.-]+/")
_code_option = compiled_when_used(r"(?:^|\s)--?[A-Za-z][\w.-]*(?==|\s|$)")


def _holds_code_mark(line: str) -> bool:
    """Whether a line holds a mark of code (CODE_ENDINGS, _code_mark, _code_call, _code_path, _code_option)."""
    return (line.rstrip().endswith(CODE_ENDINGS) or _code_mark().search(line) is not None
            or "(" in line and _code_call().search(line) is not None
            or "/" in line and _code_path().search(line) is not None
            or "-" in line and _code_option().search(line) is not None)


# What a listing holds besides: comments, and between its lines a keyword alone ("fi", "else") or brackets
_code_comment = compiled_when_used(r"^\s*(?:#|//|/\*|\*|--)")
_code_filler = compiled_when_used(r"^\s*(?:[A-Za-z]+|[\]})]+;?)\s*$")
MIN_CODE_LINES = 3        # lines holding code's marks in a listing, at least


def _listings(lines: list[str], asked: np.ndarray) -> list[int]:
    """The lines of program listings: runs of lines holding a mark of code (_holds_code_mark) with nothing
    between them but comments, keywords and brackets (_code_filler), MIN_CODE_LINES marked ones at least and no
    fewer than the keywords and brackets, with the comments right over the first and under the last. Only the
    `asked` lines may hold a mark: a sentence that names a file is no code."""
    if np.count_nonzero(asked) < MIN_CODE_LINES:
        return []       # (nearly every page: no line is asked)
    marked = _asked(lines, asked, _holds_code_mark).nonzero()[0].tolist()
    if len(marked) < MIN_CODE_LINES:
        return []
    runs = [[marked[0]]]
    for index in marked[1:]:
        if all(_code_comment().match(lines[at]) or _code_filler().match(lines[at])
               for at in range(runs[-1][-1] + 1, index)):
            runs[-1].append(index)
        else:
            runs.append([index])
    found: list[int] = []
    for run in runs:
        first, last = run[0], run[-1]
        held = set(run)
        fillers = sum(not _code_comment().match(lines[at]) for at in range(first, last + 1) if at not in held)
        if len(run) >= MIN_CODE_LINES and fillers <= len(run):
            while first > 0 and _code_comment().match(lines[first - 1]):
                first -= 1
            while last + 1 < len(lines) and _code_comment().match(lines[last + 1]):
                last += 1
            found += range(first, last + 1)
    return found


def _is_enumerated(line: str) -> bool:
    """A numbered heading ("一、强化组织领导", "(2) 资金"): the article's own structure, not a menu. A bulleted
    item is judged by its words, as renderers put a bullet before every item of a menu too."""
    return NUMBERED_HEADING_RE.match(line) is not None


def _is_row(line: str) -> bool:
    """Many short items on one line: a menu or a tool bar. Han items may be split by spaces ("首页 新闻 体育
    财经"); words need a separator between items ("Home | News | Sport"), spaces split a sentence too. A
    table's row of data ("食品烟酒 0.5 -0.6 -0.9": _data_row) is no menu."""
    han = has_han(line)
    if han:
        text = line
        for separator in ROW_SEPARATORS:
            text = text.replace(separator, " ")
        items = text.split()
    else:
        items = [item for item in ROW_SPLIT.split(line) if item.strip()]
    if len(items) < MIN_ROW_ITEMS or _data_row(items):
        return False
    return all(len(item) <= MAX_ROW_HAN or not has_han(item) if han else len(item.split()) <= MAX_ROW_WORDS
               for item in items)


def _data_row(items: list[str]) -> bool:
    """Whether half of a row's items or more are numbers, MIN_DATA_NUMBERS at least, some a measure (a decimal,
    a signed number, a percentage) or not counting by one (a table's row: "北疆狼 27 22 21 29 99"), no pager's
    pages ("1 2 3 4 5")."""
    numbers = [item for item in items if NUMBER_ITEM.fullmatch(item)]
    if len(numbers) < MIN_DATA_NUMBERS or 2 * len(numbers) < len(items):
        return False
    whole = [int(number) for number in numbers if number.isdigit()]
    return len(whole) < len(numbers) or any(abs(later - earlier) != 1 for earlier, later in zip(whole, whole[1:]))


@functools.cache
def _encoded(phrases: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(phrase.encode("utf-8") for phrase in phrases)


@functools.cache
def notice_phrases() -> tuple[str, ...]:
    """The phrases of rules/site_notices.txt, in lower case."""
    sections = rule_sections("site_notices.txt", NOTICE_SECTIONS)
    return tuple(phrase.lower() for phrases in sections.values() for phrase in phrases)


@functools.cache
def _notice_anchors() -> tuple[str, ...]:
    """What a line holding a phrase holds (_notice_keys): each phrase, or what the phrases sharing a first word
    begin with ("privacy ", "terms ", "隐私") when that word is rare enough to search for (five letters or more,
    two Han characters)."""
    groups: dict[str, list[str]] = {}
    for phrase in notice_phrases():
        groups.setdefault(phrase.split()[0] if phrase.isascii() else phrase[:2], []).append(phrase)
    anchors = set()
    for first, phrases in groups.items():
        common = os.path.commonprefix(phrases)
        rare = len(first) >= 5 or not first.isascii()
        anchors.update([common] if len(phrases) > 1 and rare and len(common) >= len(first) else phrases)
    return tuple(sorted(anchors))


@functools.cache
def _notice_pattern() -> re.Pattern[str]:
    """Any of notice_phrases (in lower case, as they are): one search of a line tells whether it holds one,
    3x faster than looking for each phrase in turn. (A pattern of no phrase matches nothing.)"""
    return re.compile("|".join(map(re.escape, notice_phrases())) or "(?!)")


@functools.cache
def _notice_keys() -> tuple[str, ...]:
    """What a line without a notice phrase lacks: the anchors without their spaces at the ends, but those that
    hold another one ("your privacy" holds "privacy", "升级浏览器" "浏览器"): fewer substring tests, the
    same lines found, their phrases then looked for in full."""
    stripped = set(anchor.strip() for anchor in _notice_anchors())
    return tuple(sorted(key for key in stripped if not any(other != key and other in key for other in stripped)))


@functools.cache
def _ascii_notice_keys() -> tuple[str, ...]:
    return tuple(key for key in _notice_keys() if key.isascii())


def is_site_notice(line: str) -> bool:
    """Whether a line holds a site notice phrase (a cookie banner, a privacy or terms notice), ignoring case.
    An ASCII line is first looked through for the keys of the phrases (_notice_keys), one substring test each:
    the pattern's search tries its alternatives at every letter that opens one, 4x slower on English prose
    (a Chinese line has few such characters)."""
    lowered = line.lower()
    if lowered.isascii():
        for key in _ascii_notice_keys():
            if key in lowered:
                break
        else:
            return False
    return _notice_pattern().search(lowered) is not None


def _notices(lines: list[str], lowered: bytes) -> list[int]:
    """The lines holding a site notice phrase, ignoring the case of ASCII letters."""
    candidates = _holding(lowered, _notice_keys(), len(lines)).nonzero()[0].tolist()
    return [index for index in candidates if is_site_notice(lines[index])]


def _holding(lowered: bytes, phrases: tuple[str, ...], count: int) -> np.ndarray:
    """Whether each of the count lines of a page (UTF-8, ASCII letters in lower case) holds one of the
    phrases (lower case)."""
    found = []
    for needle in _encoded(phrases):
        at = lowered.find(needle)
        while at >= 0:
            found.append(at)
            at = lowered.find(needle, at + len(needle))
    held = np.zeros(count, dtype=bool)
    line = previous = 0
    for at in sorted(found):        # phrases are rare: count the newlines up to each
        line += lowered.count(b"\n", previous, at)
        held[line] = True
        previous = at
    return held
