"""Page layout of plain text: the article body found by its shape, the menus and lists around it removed.

A whole-page text dump is a headline, a byline, a body of prose, and around them menus one item per
line, headline lists, link rows, comments and footers. Each line gets a kind from its own shape (prose,
a short clause, a headline without punctuation, a menu item, a row of items, a truncated teaser, a row
of figures, a dated header) and a value from its kind and its neighbourhood: positive for text, negative
for list-shaped lines, more negative the longer their run and the more list-shaped lines stand around
them; text among list-shaped lines (a teaser's summary) counts less. The body is the run of lines with
the largest sum (maximum subarray), as the HTML extractor finds it among blocks: a subheading or a
caption inside the article costs little, a menu or a headline list between two texts cuts them apart.

Around the body, precision of the article comes first:
- a body that is a post of a thread (a dated header above it, more dated headers around) widens to the
  whole thread: a forum's replies are its text;
- above the body, the head is kept: back to the headline the metadata stage found, else to the last
  run of menu items, at most HEAD_WINDOW lines;
- below the body, everything is kept down to the first line after one an earlier stage removed as page
  chrome or metadata (a share bar, a "Related" label, an editor line), or to the first run of menu items.
Everything else is removed, with the reason its shape gives. A page whose best run holds little text is
left alone.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, NamedTuple

from corpusclean.clean.captions import NUMBERED_HEADING_RE
from corpusclean.clean.metadata import RELATIVE_TIME, TIME
from corpusclean.document import DocView, Judged, Verdict
from corpusclean.extract.units import units_and_punctuation
from corpusclean.pipeline import LineStage
from corpusclean.text import LATIN_TERMINALS, LINE_CLOSERS, ZH_TERMINALS, has_han

MENU = "layout.menu"
HEADLINE_LIST = "layout.headline_list"
COMMENTS = "layout.comments"
OUTSIDE = "layout.outside_body"
REASONS = (MENU, HEADLINE_LIST, COMMENTS, OUTSIDE)

# Line kinds.
PROSE = "prose"           # a sentence
CLAUSE = "clause"         # a short line ending with punctuation (a verse, a list item, a short answer), a note
                          # in parentheses
LONG = "long"             # a long line without punctuation at its end
HEADLINE = "headline"     # a line of a few words without sentence punctuation
ITEM = "item"             # a menu item: a word or two
ROW = "row"               # many short items on one line
TEASER = "teaser"         # a line cut short with "…"
FIGURES = "figures"       # a line of data (figures, a "label: value" pair, an address) or a numbered item
DATED = "dated"           # a short line with a time of day or a relative time: a post's or a teaser's header
TEXT = frozenset({PROSE, CLAUSE, LONG})
LISTLIKE = frozenset({HEADLINE, ITEM, ROW, TEASER, DATED})
MENU_LIKE = frozenset({ITEM, ROW, TEASER, DATED})     # a run of these ends the head and the tail

MIN_PROSE_UNITS = 16      # units as units_and_punctuation counts them: one per Han character, two per word
MAX_ITEM_UNITS = 6
LONG_UNITS = 120
MIN_ROW_ITEMS = 4
MAX_ROW_HAN = 8           # an item of a row: at most 8 characters when it holds Han ones, else 4 words
MAX_ROW_WORDS = 4
MAX_DATED_UNITS = 40

BASE_COST = {HEADLINE: 2.0, ITEM: 2.0, ROW: 4.0, TEASER: 4.0, FIGURES: 0.5, DATED: 8.0, CLAUSE: 1.0}
RAMP = 3.0                # the k-th list-shaped line in a row costs (1 + (k - 1) / RAMP) times its base cost
WINDOW = 4                # lines on each side that tell whether a line stands among text or among lists
LIST_DENSITY_COST = 3.0   # a list-shaped line among list-shaped lines costs up to 1 + this times more
LIST_DENSITY_DAMP = 0.6   # text among list-shaped lines loses up to this share of its value

MIN_BODY_SCORE = 60       # less than this in the best run: no body found, the page is left alone
HEAD_WINDOW = 8           # lines above the body that may belong to its head
MENU_RUN = 3              # menu-shaped lines in a row that end the head going up and the tail going down
HEADLINE_RUN = 4          # list-shaped lines in a row that end the tail going down
COMMENT_HEAD_LINES = 2    # short lines above a comment's dated header that belong to it
MAX_POST_LINES = 30       # a thread: each post's dated header at most this many lines from the next
POST_HEADER_REACH = 3     # a post's dated header stands this close above its text
MIN_POSTS = 3
COMMENT_REACH = 3         # a text line this close below a dated header outside the body is a comment

DIGIT = re.compile(r"\d")
# Besides a figure, what makes a short line a row of data in an article ("VIP: 60,000₩", a "label: value"
# pair, an address), not a menu item
DATA_MARK = re.compile("[:：@]")
ROW_SEPARATORS = "|｜丨·•/"
ROW_SPLIT = re.compile(r"\s*[|｜丨·•/]\s*")
CLAUSE_ENDS = "，、；：,;:"
BULLETS = ("- ", "• ", "· ", "* ", "● ", "◆ ", "■ ")
# Chrome and metadata reasons of earlier stages: below the body, the article ends at such a line.
WALL_PREFIXES = ("boilerplate.", "sidebar.", "meta.")


class Shape(NamedTuple):
    kind: str
    units: int
    punctuation: int


def shape(line: str) -> Shape:
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
    if units >= LONG_UNITS:
        return Shape(LONG, units, punctuation)
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


def own_value(line_shape: Shape, beside_text: bool) -> float:
    """A line's value by its kind; a short punctuated line counts as text only beside text."""
    kind, units, punctuation = line_shape
    if kind == PROSE:
        return units * (1.0 + min(punctuation, 4) * 0.1)
    if kind == CLAUSE and beside_text:
        return units * 0.5
    if kind == LONG:
        return units * 0.3
    return -BASE_COST[kind]


def line_values(shapes: list[Shape]) -> list[float]:
    """Each line's value, weighed by its neighbourhood: a list-shaped line among others (a menu, a headline
    list) costs more than one among text (a subheading, a caption), and more the longer their run; text
    among list-shaped lines counts less than text among text."""
    kinds = [item.kind for item in shapes]
    listlike = [0] * (len(kinds) + 1)       # prefix sums of list-shaped lines
    for index, kind in enumerate(kinds):
        listlike[index + 1] = listlike[index] + (kind in LISTLIKE)
    values, run = [], 0
    for index, item in enumerate(shapes):
        low, high = max(0, index - WINDOW), min(len(kinds), index + WINDOW + 1)
        around = high - low - 1
        density = (listlike[high] - listlike[low] - (kinds[index] in LISTLIKE)) / around if around else 0.0
        beside_text = (index > 0 and kinds[index - 1] in TEXT) or (index + 1 < len(kinds) and kinds[index + 1] in TEXT)
        value = own_value(item, beside_text)
        if value < 0:
            run += 1
            values.append(value * (1.0 + (run - 1) / RAMP) * (1.0 + LIST_DENSITY_COST * density))
        else:
            run = 0
            values.append(value * (1.0 - LIST_DENSITY_DAMP * density))
    return values


def densest_run(values: list[float]) -> tuple[int, int, float]:
    """The contiguous run [start, end) with the largest sum (Kadane), as (start, end, sum)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for index, value in enumerate(values):
        if total <= 0:
            start, total = index, 0.0
        total += value
        if total > best[2]:
            best = (start, index + 1, total)
    return best


def thread_span(shapes: list[Shape], start: int, end: int) -> tuple[int, int]:
    """The body widened to its whole thread when it is a post of one: a dated header at its start, and
    dated headers chained around it, each at most MAX_POST_LINES from the next. The replies of a thread are
    its text; comments under an article (which has no such header) are not, and a body that ran on into
    them ends where they start."""
    dated = [index for index, item in enumerate(shapes) if item.kind == DATED]
    own = [index for index in dated if start - POST_HEADER_REACH <= index < min(end, start + POST_HEADER_REACH)]
    if not own:
        comments = next((index for index in dated if start < index < end and _starts_chain(shapes, index)), None)
        return start, end if comments is None else _comment_start(shapes, start, comments)
    first, last = own[0], own[-1]
    for index in reversed([d for d in dated if d < first]):
        if first - index > MAX_POST_LINES:
            break
        first = index
    reach = max(last, end)
    for index in (d for d in dated if d > last):
        if index - reach > MAX_POST_LINES:
            break
        reach = last = index
    if sum(first <= d <= last for d in dated) < MIN_POSTS:
        return start, end
    return min(start, first), max(end, _post_end(shapes, last))


def _post_end(shapes: list[Shape], header: int) -> int:
    """One past the text of the post under a header: up to its first run of MENU_RUN list-shaped lines."""
    run, end = 0, header + 1
    for index in range(header + 1, len(shapes)):
        if shapes[index].kind in LISTLIKE:
            run += 1
            if run >= MENU_RUN:
                break
        else:
            run, end = 0, index + 1
    return end


def head_start(lines: list[str], shapes: list[Shape], start: int, title: str | None) -> int:
    """The first line of the article's head: the headline when the title names one in reach, else the line
    after the last run of MENU_RUN menu-shaped lines, at most HEAD_WINDOW lines above the body."""
    top = max(0, start - HEAD_WINDOW)
    run, bottom = 0, start
    for index in range(start - 1, top - 1, -1):
        kind = shapes[index].kind
        if kind in MENU_LIKE:
            run, bottom = run + 1, bottom if run else index
            if run >= MENU_RUN:
                top = bottom + 1
                break
        elif kind != CLAUSE:      # a short question or verse neither starts nor breaks a run
            run = 0
    if title:
        for index in range(start - 1, top - 1, -1):
            if _names_title(lines[index], title):
                return index
    return top


def _names_title(line: str, title: str) -> bool:
    return line == title or (len(line) >= 4 and (line in title or title in line))


def tail_end(shapes: list[Shape], end: int, after_removed: frozenset[int]) -> int:
    """One past the article's last line: the body, and below it every line down to the first that follows a
    removed chrome or metadata line, the first run of MENU_RUN menu-shaped lines or of HEADLINE_RUN
    list-shaped lines, or the first dated header of a chain of them (comments), whichever comes first."""
    menu_run = list_run = 0
    menu_top = list_top = end
    for index in range(end, len(shapes)):
        kind = shapes[index].kind
        if index in after_removed:
            return index
        if kind == DATED and _starts_chain(shapes, index):
            return _comment_start(shapes, end, index)
        if kind == CLAUSE:      # a short question or verse neither starts nor breaks a run
            continue
        menu_run, menu_top = (menu_run + 1, menu_top if menu_run else index) if kind in MENU_LIKE else (0, index)
        list_run, list_top = (list_run + 1, list_top if list_run else index) if kind in LISTLIKE else (0, index)
        if menu_run >= MENU_RUN:
            return menu_top
        if list_run >= HEADLINE_RUN:
            return list_top
    return len(shapes)


def _starts_chain(shapes: list[Shape], header: int) -> bool:
    """Whether another dated header follows this one within MAX_POST_LINES."""
    reach = min(len(shapes), header + 1 + MAX_POST_LINES)
    return any(shapes[index].kind == DATED for index in range(header + 1, reach))


def _comment_start(shapes: list[Shape], end: int, header: int) -> int:
    """The first line of a comment whose dated header is given: the header, or the short lines above it
    (an author's name, a "Comments" heading)."""
    start = header
    while start > end and header - start < COMMENT_HEAD_LINES and shapes[start - 1].kind != PROSE \
            and shapes[start - 1].units <= 2 * MAX_ITEM_UNITS:
        start -= 1
    return start


def reason_of(shapes: list[Shape], index: int, below: bool) -> str:
    """A removed line's reason: below the body, a dated header and the text under it are comments."""
    kind = shapes[index].kind
    if below and (kind == DATED or (kind in TEXT and any(
            shapes[i].kind == DATED for i in range(max(0, index - COMMENT_REACH), index)))):
        return COMMENTS
    if kind in (ITEM, ROW):
        return MENU
    if kind in (HEADLINE, TEASER):
        return HEADLINE_LIST
    return OUTSIDE


def judge_layout(lines: list[str], title: str | None = None, after_removed: frozenset[int] = frozenset()) -> list[Verdict]:
    """One verdict per line: None for the article (head, body, tail), a reason for the lines around it."""
    verdicts: list[Verdict] = [None] * len(lines)
    shapes = [shape(line) for line in lines]
    start, end, score = densest_run(line_values(shapes))
    if score < MIN_BODY_SCORE:
        return verdicts
    start, end = thread_span(shapes, start, end)
    first = head_start(lines, shapes, start, title)
    last = tail_end(shapes, end, after_removed)
    for index in range(first):
        verdicts[index] = reason_of(shapes, index, below=False)
    for index in range(last, len(lines)):
        verdicts[index] = reason_of(shapes, index, below=True)
    return verdicts


def walls(removed_above: Mapping[int, str]) -> frozenset[int]:
    """Positions of the lines that follow a line an earlier stage removed as page chrome or metadata."""
    return frozenset(index for index, reason in removed_above.items() if reason.startswith(WALL_PREFIXES))


class Layout(LineStage):
    """Line stage: the article body of a plain-text page found by its shape, the page around it removed.

    Menus, headline lists, comments and the rest of the page around the body go. Pages extracted from
    HTML are left alone: their structure already chose the body."""

    name = "layout"
    reasons = REASONS

    def judge(self, lines: list[str], view: DocView) -> Judged:
        if view.format == "html":
            return Judged([None] * len(lines))
        return Judged(judge_layout(lines, view.title, walls(view.removed_above)))
