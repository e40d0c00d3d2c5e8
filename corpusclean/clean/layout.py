"""Page layout of plain text: the article body found by its shape, the menus and lists around it removed.

A whole-page text dump is a headline, a byline, a body of prose, and around them menus one item per
line, headline lists, link rows, comments and footers. Each line has a shape (line_shapes.py) and a value
from it and its neighbourhood: positive for text, negative for list-shaped lines, more negative the
longer their run and the more list-shaped lines stand around them; text among list-shaped lines counts
less, a teaser's one-line summary much less; a separator the page repeats costs nothing. The runs of
lines with a positive sum are the page's stretches of text (every maximal-sum run, as the HTML extractor
finds blocks).

Precision of the article comes first, so the body is wide wherever the evidence for a cut is weak:
- it is found above the site's footer (a copyright notice right under a run of its links) when the text there
  holds one: under the footer stand the site's own texts (a consent box, terms of use), prose too;
- it spans from the first to the last stretch worth at least BODY_SHARE of the best one: a page whose
  text is split by a list, a table or a thread's post headers keeps all of it; but it ends above the
  heading of a box of other articles ("Related", "猜你喜欢", removed by the boilerplate stage as
  boilerplate.related) or of the comments ("评论 139", "12 Comments": boilerplate.comments, unless the page
  repeats it under every post) found below the best stretch, or inside it below CLOSED_SHARE of its worth
  (a box of a few titles costs too little to split the stretch): such a box is no part of the article;
  a box of other articles ends it below BOX_SHARE of its worth already when the article does not go on
  under the box: no paragraphs in a row before the page's menus, no separator of the posts above it;
- a stretch near a run of records (posts or products each closed by a line the page repeats: "Reply",
  "Buy Now") takes the whole run when the records hold text worth a stretch of the body, or when one of
  their separators stands in the stretch or closes it (the stretch is a post): a thread's replies are its
  text; a run of separators among menus and titles (a feed's "Save" and "Share" under every teaser) is not;
- but it ends above a run of posts under dated headers ("Jane on June 7, 2020 at 3:26 pm said:") that
  follows the article's text below a line an earlier stage removed as chrome (a share bar), when no header
  or separator of the posts stands above or among the article's first lines: readers' comments, not a thread;
- and it ends above the line under a promotion, a share bar, a copyright notice, the heading of the tags
  or metadata (a date, an editor's line, tags) in it when little text stands below, neither a sentence
  right under it nor two sentences in a row (a sign-up box's prompts and thanks, a publisher's note, other
  headlines);
- above the body, the head (a headline, a byline, a lead) is kept back to the last run of menu items, or
  to the last few lines of a long list of other headlines, and no further than a breadcrumb with no text over
  it (above it stand the site's name, menus and search box); a share bar between the headline the metadata
  stage found and the text ("Facebook", "Email" one a line) is no such run: the head reaches up to the
  headline over it; and the head never starts above a run of menu items over the headline with a dateline
  under it, when the metadata stage found one (the teasers of other articles and their summaries above it
  hold text too, and may join the body's stretch), nor above its kicker when a list of headlines or of
  headline-shaped menu items stands over it;
- below the body, everything is kept down to the first line after one an earlier stage removed as page
  chrome or metadata (a share bar, a "Related" label, an editor line; not a poster's panel between
  posts), or to the first run of menu items or of headlines; but an article set in short lines between
  its paragraphs (as WeChat posts are) goes on under a run of them no longer than its body's own when a
  paragraph follows.
Everything else is removed, with the reason its shape gives. In the head, above the body's first two
sentences in a row (its first sentence, when no two stand in a row), the lines that sign or stamp the
article and that the metadata stage could not read (a byline "by Jane Doe | Special to the Courier", a
dateline "Nov. 19, 2019 8:03 am ET", and a line or two under the headline it found, names without "By":
"Jane Doe, Staff Writer") go as layout.byline, and the buttons
of a share bar there ("Facebook", "Twitter" one a line) and a breadcrumb rendered as an ordered list right
over that headline ("1. Home" / "2. News" one a line) as layout.menu; but the dated header of a thread's
first post, one of a run of such headers, stays with its replies. Inside the article, the titles of a box of
other articles set between its paragraphs (two or more title-shaped lines right under the box's "Related"
heading, a paragraph right under them) go as layout.headline_list, and so do such titles right over the
headline the metadata stage found (a hot list printed over it; the headline stays). A page whose best
stretch holds little text is left alone, unless a run of records holds text worth a body (a thread of short
posts, none worth a stretch of its own, between their posters' names and stamps), and so is a text of a few
lines (counted before earlier stages removed its chrome): no whole page, an article already cut out (a record
of a JSONL file), or too little to tell its parts by. The stage judges what it keeps again until nothing more
goes, so that cleaning its output removes nothing.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from types import MappingProxyType
from typing import Mapping, NamedTuple, Sequence

import numpy as np

from corpusclean.clean.boilerplate import (
    ANSWERS, COMMENTS, COPYRIGHT, CRUMBS, LINKS, LISTED_CRUMB, NAV, PAGER, POSTER, RELATED, SHOP, author_bio,
    dated_headline, poster_separators, share_buttons, vocabulary,
)
from corpusclean.clean.line_shapes import (
    BULLETS, CLAUSE, CODE, DATED, FIGURES, HEADLINE, IS_TEXT, ITEM, KIND_NAMES, MAX_COUNT_UNITS, MAX_FIGURE_UNITS,
    MAX_TITLE_UNITS, MIN_TABLE_CELLS, NOTICE, NUMBER_ITEM, OPEN, PROSE, REPEAT, ROW, TEASER, TEXT, Shapes, holds_date,
    is_lead_in, kind_table, line_shapes, opens_list, separator_ids, separators_marked,
)
from corpusclean.document import DocView, Judged, Verdict
from corpusclean.fields.dates import find_dates
from corpusclean.fields.labels import NAME_REACH, another_time, names_alone, signs
from corpusclean.fields.titles import headline_line
from corpusclean.memo import per_line
from corpusclean.pipeline import LineStage
from corpusclean.text import HAN_CLASS, compiled_when_used

MENU = "layout.menu"
HEADLINE_LIST = "layout.headline_list"
OUTSIDE = "layout.outside_body"
BYLINE = "layout.byline"
SEPARATOR = "layout.separator"
REASONS = (MENU, HEADLINE_LIST, OUTSIDE, BYLINE, SEPARATOR)

LISTLIKE = frozenset({HEADLINE, ITEM, ROW, TEASER, DATED})
MENU_LIKE = frozenset({ITEM, ROW, TEASER, DATED})     # a run of these ends the head and the tail
MENU_ITEMS = frozenset({ITEM, ROW})     # a menu's items, one a line or many in one
# a short question or verse, a separator, a program listing's line: neither start nor break a run
PASSED = frozenset({CLAUSE, REPEAT, CODE})
LOOKED_THROUGH = frozenset({FIGURES, REPEAT, CODE})     # neither start nor break a run of list-shaped lines in the head
TITLES = frozenset({HEADLINE, TEASER, FIGURES})      # what stands above a teaser's summary
HEADLINE_SHAPES = TEXT | {HEADLINE}    # a headline's shapes (a label's line with a name is none)
BASE_COST = {HEADLINE: 2.0, ITEM: 2.0, ROW: 4.0, TEASER: 4.0, FIGURES: 0.5, DATED: 2.0, CLAUSE: 1.0, NOTICE: 2.0}
RAMP = 3.0                # the k-th list-shaped line in a row costs (1 + (k - 1) / RAMP) times its base cost
WINDOW = 4                # lines on each side that tell whether a line stands among text or among lists
LIST_DENSITY_COST = 3.0   # a list-shaped line among list-shaped lines costs up to 1 + this times more
LIST_DENSITY_DAMP = 0.6   # text among list-shaped lines loses up to this share of its value
CLAUSE_WEIGHT = 0.5       # a short punctuated line beside text counts this much per unit
OPEN_WEIGHT = 0.3         # text without an end mark counts this much per unit
SUMMARY_WEIGHT = 0.2      # a teaser's one-line summary counts this share of its value
MIN_TEASERS = 3           # lone text lines under titles that make a teaser list...
TEASER_PERIOD = 6         # ...each at most this many lines from the next

MIN_PAGE_LINES = 20       # fewer lines: no whole page (no menus and lists around an article), left alone
MIN_BODY_SCORE = 60       # less than this in the best stretch: no body found, the page is left alone...
MIN_HEADED_SCORE = 20     # ...unless it holds this much under a dated headline that opens it (body_under_headline)
BODY_SHARE = 0.3          # a stretch worth this share of the best one belongs to the body...
FAR_COST = 10.0           # ...unless the lines between them cost more than this many times its worth
CLOSED_SHARE = 0.9        # a closing inside the best stretch ends the body below this share of its worth...
BOX_SHARE = 0.5           # ...the closing of a box of other articles below this share, when no text goes on under it
TRAILER_SHARE = 0.5       # below a promotion in the body, text worth less than this share of the body's...
CUT_SHARE = 0.2           # without a thread's separators the article may lose this share of its text (separators_hold)
TRAILER_LINE_SHARE = 0.1  # ...this share of the median sentence above a line...
MIN_TRAILER_LINES = 3     # ...in this many lines or more: no article
RESUME_LINES = 3          # paragraphs each at most a line (a subheading) from the next: the article goes on
RESUME_SENTENCES = 2      # or paragraphs of sentences right under each other (a teaser's summary stands alone)...
SHORT_BOX_LINES = 8       # ...this close under the box's heading (a box in the text holds a few titles)
MIN_BOX_TITLES = 2        # titles under a box's heading in the article, at least, that go with it
KICKER_LINES = 2          # headline-shaped lines right over a headline that are its block's (a kicker, 引题)
MENU_RUN = 3              # menu-shaped lines in a row that end the head going up and the tail going down
HEAD_LIST_RUN = 10        # list-shaped lines in a row with no text above them that end the head going up...
TITLE_LINES = 3           # ...but for the last few: a title, a byline, a date
HEADLINE_RUN = 4          # list-shaped lines in a row that end the tail going down
KICKER_RUN = 3            # ... and the head over a dated headline (a headline so placed opens its article)
STYLE_GAPS = 3            # gaps of short lines between a body's paragraphs: its text is set in short lines
RECORD_PERIOD = 20        # a separator repeated at most this many lines apart, three times or more: records
RECORD_REACH = 6          # a stretch this close to a run of records takes it
MIN_REPEATED_HEADINGS = 3   # a comment heading this often on a page is a button under each post
BUTTON = "button"         # a comment heading that is none (closing_headings): no wall and no closing
MAX_POST_SKIP = 3         # a thread's post numbers go up by at most this much from one post to the next
MAX_POST_MARK_UNITS = 40  # a line holding a post's number ("3楼 2026-07-14 18:41 回复", "#3") is at most this long
LEAD_IN_REACH = 3         # lines above a table's rows within which its lead-in ("…如下：") stands
MIN_TABLE_ROWS = 3        # dated lines right under each other, this many or more, of as many cells: a table's rows
MIN_POSTS = 3             # dated headers at most RECORD_PERIOD lines apart, this many or more: a run of posts
# what may end the article in it: a promotion, a share bar, a copyright notice, the heading of the tags, a row of
# page tools ("【打印】【关闭】"), a date, an editor's line, tags (not a source line: "Source: X" may stand above
# the article's last lines, "Original title: Y")
TRAILER_PREFIXES = ("boilerplate.promo", "boilerplate.share", "boilerplate.copyright", "boilerplate.tags",
                    "boilerplate.tools", "meta.date", "meta.editor", "meta.label")
NO_TRAILERS: Mapping[int, str] = MappingProxyType({})
WALL_PREFIXES = ("boilerplate.", "sidebar.", "meta.")   # chrome and metadata reasons of earlier stages
LOOKED_THROUGH_REASONS = (POSTER, ANSWERS, SHOP)    # ...but for these, inside a thread, a Q&A page, a text
# a post's number in a thread: "#3", "3楼", "3F", "3#", w3m's "3^#" (a superscript #)
_post_number = compiled_when_used(r"(?<![\w#])#\s?(\d{1,4})(?!\d)|(?<![\d.])(\d{1,4})\s?(?:楼|F(?![A-Za-z])|\^?#)")
# an English byline: "By" (or "Written by", "Words by") and a name or a handle; or the author's handle alone
_byline_opening = compiled_when_used(r"^(?:(?i:(?:written|words|text|story)\s+)?(?i:by)\s+[@A-Z]|@\w{2,30}$)")
_long_han_run = compiled_when_used(rf"[{HAN_CLASS}]{{14}}")     # too long for a dateline's labels, names, places
# a section's heading in brackets alone on its line ("【更新时间】"): the date under it is the section's text
SECTION_LABEL = re.compile(r"【[^【】]{1,12}】")
LIST_ITEM = re.compile(r"\s*\d{1,2}[.、．]\s*[^\d\s]")     # an item of a numbered list: "2. 外出时…", not "12.05.2024"
MIN_ROW_NUMBERS = 4       # numbers besides its dates in a line: a table's row of data, no dateline


_COST = np.array([BASE_COST.get(kind, 0.0) for kind in range(len(KIND_NAMES))])
IS_LISTLIKE, IS_TITLE, IS_MENU_LIKE = kind_table(LISTLIKE), kind_table(TITLES), kind_table(MENU_LIKE)
_WINDOW_ONES = np.ones(2 * WINDOW + 1)


def own_values(shapes: Shapes) -> np.ndarray:
    """Each line's value by its kind alone: per unit for text (a short clause only beside text, see
    line_values), a cost for the rest."""
    kinds, units = shapes.kinds, shapes.units.astype(float)
    worth = -_COST[kinds]
    prose = kinds == PROSE
    worth[prose] = units[prose] * (1.0 + np.minimum(shapes.punctuation[prose], 4) * 0.1)
    for kind, weight in ((CLAUSE, CLAUSE_WEIGHT), (OPEN, OPEN_WEIGHT)):
        worth[kinds == kind] = units[kinds == kind] * weight
    return worth


def list_shaped(shapes: Shapes) -> np.ndarray:
    """Whether each line is list-shaped: a headline, a menu item, a row, a teaser, a post's header, or text
    without an end mark as short as a headline (the headlines of a list hold commas too: "Rates held, cuts
    seen next year")."""
    return IS_LISTLIKE[shapes.kinds] | (shapes.kinds == OPEN) & (shapes.units <= MAX_TITLE_UNITS)


def line_values(kinds: np.ndarray, listed: np.ndarray, worth: np.ndarray, summaries: np.ndarray) -> np.ndarray:
    """Each line's value, weighed by its neighbourhood: a short clause counts as text only beside text;
    a list-shaped line among others (a menu, a headline list) costs more than one among text (a
    subheading, a caption), and more the longer their run; text among list-shaped lines counts less
    than text among text, a teaser's summary less still. A separator neither costs nor breaks a run.
    `listed`: which lines are list-shaped (list_shaped)."""
    count = len(kinds)
    text = IS_TEXT[kinds]
    listlike = listed.astype(float)
    separator = kinds == REPEAT
    beside_text = np.zeros(count, dtype=bool)
    beside_text[1:] |= text[:-1]
    beside_text[:-1] |= text[1:]
    own = np.where(separator, 0.0, np.where((kinds == CLAUSE) & ~beside_text, -_COST[CLAUSE], worth))
    index = np.arange(count)
    around = np.minimum(index, WINDOW) + np.minimum(count - 1 - index, WINDOW)
    density = (np.convolve(listlike, _WINDOW_ONES)[WINDOW:WINDOW + count] - listlike) / np.maximum(around, 1)
    negative = (own < 0) & ~separator
    negatives = negative.cumsum()
    run = negatives - np.maximum.accumulate(np.where(~negative & ~separator, negatives, 0))
    return np.where(
        negative,
        own * (1.0 + (run - 1) / RAMP) * (1.0 + LIST_DENSITY_COST * density),
        own * (1.0 - LIST_DENSITY_DAMP * density) * np.where(summaries, SUMMARY_WEIGHT, 1.0),
    )


def teaser_summaries(kinds: np.ndarray, units: np.ndarray) -> np.ndarray:
    """The summaries of a teaser list: text lines that each stand alone under a title (a headline-shaped
    line among the lines since the text before), at least MIN_TEASERS of them each at most TEASER_PERIOD
    lines from the next. Separators are looked through. An article's sections hold more than one
    paragraph under a subheading; a forum post stands under a name and a date, not under a title, nor under
    a poster's count ("Posts: 14": a line of figures of at most MAX_COUNT_UNITS units, no title)."""
    found = np.zeros(len(kinds), dtype=bool)
    is_title = IS_TITLE[kinds] & ~((kinds == FIGURES) & (units <= MAX_COUNT_UNITS))
    if np.count_nonzero(is_title) < MIN_TEASERS:
        return found
    shown = (kinds != REPEAT).nonzero()[0]
    text = IS_TEXT[kinds[shown]]
    titles = is_title[shown].cumsum()
    at = text.nonzero()[0]
    if len(at) < MIN_TEASERS:
        return found
    alone = np.ones(len(at), dtype=bool)
    apart = at[1:] - at[:-1] > 1
    alone[1:] &= apart
    alone[:-1] &= apart
    counted = titles[at]
    titled = counted - np.concatenate(([0], counted[:-1])) > 0
    lone = shown[at[alone & titled]]
    chain = np.concatenate(([0], (lone[1:] - lone[:-1] > TEASER_PERIOD).cumsum()))
    sizes = np.bincount(chain) if len(lone) else np.zeros(0, dtype=np.int64)
    found[lone[sizes[chain] >= MIN_TEASERS] if len(lone) else []] = True
    return found


def stretches(values: np.ndarray) -> list[tuple[int, int, float]]:
    """Every maximal-sum run of lines [start, end) with its sum, in page order (Ruzzo and Tompa's linear
    algorithm: a run is maximal when no run containing it has a larger sum). Lines of positive value in a
    row always fall in one run: they enter the algorithm together."""
    totals = [0.0, *values.cumsum().tolist()]
    found: list[list[float]] = []   # [start, end, sum of values before start, sum of values up to end]
    first = last = -1
    for index in [*(values > 0).nonzero()[0].tolist(), -1]:
        if index == last:
            last += 1
            continue
        if first >= 0:
            run = [first, last, totals[first], totals[last]]
            while True:
                j = len(found) - 1
                while j >= 0 and found[j][2] >= run[2]:
                    j -= 1
                if j < 0 or found[j][3] >= run[3]:
                    found.append(run)
                    break
                run = [found[j][0], run[1], found[j][2], run[3]]
                del found[j:]
        first, last = index, index + 1
    return [(int(start), int(end), after - before) for start, end, before, after in found]


class Records(NamedTuple):
    """A run of records: lines [start, end), the separators that close them at `separators`."""

    start: int
    end: int
    separators: tuple[int, ...]


def record_runs(shapes: Shapes, ids: np.ndarray, numbered: Sequence[list[int]] = ()) -> list[Records]:
    """Runs of records: from the first to the last of a separator repeated at most RECORD_PERIOD lines
    apart, three times or more, and of each run of numbered posts (`numbered`: numbered_posts), runs that
    overlap merged. Only separators without figures count: a date repeated under every teaser of a list
    makes no records."""
    at = ((shapes.kinds == REPEAT) & ~shapes.figures).nonzero()[0]
    runs = [(chain[0], chain[-1] + 1, chain) for chain in numbered]
    if len(at) >= 3:
        numbers = ids[at]
        order = np.lexsort((at, numbers))          # by separator, then by place
        at, numbers = at[order], numbers[order]
        breaks = np.ones(len(at), dtype=bool)
        breaks[1:] = (numbers[1:] != numbers[:-1]) | (at[1:] - at[:-1] > RECORD_PERIOD)
        runs += [(group.min(), group.max() + 1, group.tolist())
                 for group in np.split(at, breaks.nonzero()[0][1:]) if len(group) >= 3]
    merged: list[Records] = []
    for start, end, separators in sorted(runs):
        if merged and start <= merged[-1].end:
            previous = merged.pop()
            start, end, separators = previous.start, max(end, previous.end), [*previous.separators, *separators]
        merged.append(Records(int(start), int(end), tuple(sorted(separators))))
    return merged


@per_line   # asked of the same lines in each pass of settle, and again by the edges stage
def post_number(line: str) -> int | None:
    """The number of a thread's post the line holds ("#3", "3楼"), None when it holds none."""
    found = _post_number().search(line)
    return None if found is None else int(found.group(1) or found.group(2))


def numbered_posts(lines: list[str], shapes: Shapes) -> list[list[int]]:
    """The runs of a thread's numbered posts: short lines that are no prose, each holding a post's number
    ("#3", "3楼", "3F", "3#", "来自Android客户端3楼 2026-07-14 18:41"), the numbers going up from one line to the
    next by at most MAX_POST_SKIP (a deleted post leaves a gap), each at most RECORD_PERIOD lines from the next,
    MIN_POSTS of them or more. The lines of each run, in page order."""
    chains: list[list[int]] = []
    last_number: list[int] = []
    for index in ((shapes.kinds != PROSE) & (shapes.units <= MAX_POST_MARK_UNITS)).nonzero()[0].tolist():
        number = post_number(lines[index])
        if number is None:
            continue
        chain = next((k for k in range(len(chains)) if 0 < number - last_number[k] <= MAX_POST_SKIP
                      and index - chains[k][-1] <= RECORD_PERIOD), None)
        if chain is None:
            chains.append([index])
            last_number.append(number)
        else:
            chains[chain].append(index)
            last_number[chain] = number
    return [chain for chain in chains if len(chain) >= MIN_POSTS]


def post_marks(lines: list[str], shapes: Shapes) -> list[int]:
    """The lines of the runs of numbered posts (numbered_posts) that hold only the post's number ("#3", "3楼"):
    a post's header, no text of it."""
    return [index for chain in numbered_posts(lines, shapes) for index in chain
            if _post_number().fullmatch(lines[index].strip())]


def best_stretch(found: list[tuple[int, int, float]]) -> tuple[int, int, float]:
    """The stretch of the largest sum among those found, (0, 0, 0.0) when none is."""
    return max(found, key=lambda stretch: stretch[2], default=(0, 0, 0.0))


def body_span(values: np.ndarray, found: list[tuple[int, int, float]], records: list[Records],
              closings: frozenset[int] = frozenset(), boxes: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """[start, end) of the body: from the first to the last stretch worth BODY_SHARE of the best one (and
    more than 1 / FAR_COST of what the lines between it and the best one cost: not across a long feed), each
    widened to the runs of records near it that hold text worth BODY_SHARE of the best one or whose
    separators stand in the stretch or close it, and none below the first closing (a line under the heading of
    a box of other articles) below the text of the best one: below it, or inside it below most of its
    worth (a box whose few lines cost too little to split the stretch), or below BOX_SHARE of it for the
    closings of `boxes` (boxes the article does not go on under: box_closings); None when the best stretch
    holds too little text, and so do the runs of records (each with the text right under its last separator:
    the last record's), else the run holding the most stands for the best stretch. found: the stretches of
    the values."""
    best_first, best_last, best = best_stretch(found)
    text = np.concatenate(([0.0], np.maximum(values, 0.0).cumsum()))
    if best < MIN_BODY_SCORE:
        runs = [(run.start, _under_last(values, run.end)) for run in records]
        thread = max(runs, key=lambda run: text[run[1]] - text[run[0]], default=None)
        if thread is None or text[thread[1]] - text[thread[0]] < MIN_BODY_SCORE:
            return None
        best_first, best_last, best = *thread, text[thread[1]] - text[thread[0]]
        found = [*found, (best_first, best_last, best)]
    totals = np.concatenate(([0.0], values.cumsum()))
    limit = min((index for index in closings if index >= best_last or index > best_first and (
        totals[index] - totals[best_first] >= (BOX_SHARE if index in boxes else CLOSED_SHARE) * best)),
        default=len(values))
    start, end = len(values), 0
    for first, last, score in found:
        between = totals[first] - totals[best_last] if first >= best_last else totals[best_first] - totals[last]
        if score < BODY_SHARE * best or first >= limit or -between > FAR_COST * score:
            continue
        for record_start, record_end, separators in records:
            if record_start - RECORD_REACH <= last and record_end >= first - RECORD_REACH and (
                    text[record_end] - text[record_start] >= BODY_SHARE * best
                    or closes(separators, first, last, text)):
                first, last = min(first, record_start), max(last, record_end)
        start, end = min(start, first), max(end, last)
    return start, min(end, limit)


def body_under_headline(kinds: list[int], walls: frozenset[int], found: list[tuple[int, int, float]],
                        headline: int, lead_ins: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The body of a page where body_span finds none: from the dated headline down to the end of the best
    stretch, when it stands under the headline with nothing between them that ends a head (_opens_body) and
    holds MIN_HEADED_SCORE or more (a short notice over its table, its signature and its date); else None."""
    first, last, score = best_stretch(found)
    if score >= MIN_HEADED_SCORE and headline < first and _opens_body(kinds, walls, headline, first, lead_ins):
        return headline + 1, last
    return None


def body_above_box(related: frozenset[int], headline: int | None) -> tuple[int, int] | None:
    """The body of a page where no stretch holds one (a one-paragraph brief, a question with its few
    replies, among menus and ranked lists worth more): from under the headline down to the first box of other
    articles below it (`related`: the closings under their headings), more than a line under it; None without
    a headline or such a box."""
    if headline is None:
        return None
    end = min((index for index in related if index > headline + 1), default=None)
    return None if end is None else (headline + 1, end)


def _under_last(values: np.ndarray, end: int) -> int:
    """One past the text lines right under a run of records ending at `end`: the last record's text."""
    while end < len(values) and values[end] > 0:
        end += 1
    return end


def closes(separators: tuple[int, ...], first: int, last: int, text: np.ndarray) -> bool:
    """Whether a separator stands in the stretch [first, last) or closes it: at most RECORD_REACH lines
    below, with no text between (text: the running sum of the lines' text value)."""
    return any(first <= at < last or last <= at <= last + RECORD_REACH and text[at] == text[last]
               for at in separators)


def box_closings(kinds: np.ndarray, ids: np.ndarray, related: frozenset[int], first: int,
                 last: int, trailers: frozenset[int] = frozenset()) -> frozenset[int]:
    """The closings of boxes of other articles (`related`) inside the stretch [first, last) under which the
    article does not go on: below the closing, no RESUME_LINES paragraphs (text lines but short clauses)
    each at most one line from the next (a subheading, a caption; a separator breaks them), nor
    RESUME_SENTENCES paragraphs of sentences right under each other within SHORT_BOX_LINES of the closing,
    come before a run of MENU_RUN menu-shaped lines or the stretch's end, and no separator below it in the
    stretch stands above it in the stretch (ids: separator_ids), and the stretch does not end, within
    SHORT_BOX_LINES of the closing, in a paragraph right over one of the `trailers` (an editor's line, a share
    bar: the article's last paragraph under a box set in it). Under a box in the middle of an article its
    paragraphs resume; under one among a thread's posts (a sidebar of popular posts printed between them) the
    replies close as the first post does. Teasers under dates or labels, author boxes, comment forms and
    footers are neither."""
    kinds = kinds.tolist()
    signed_off = last in trailers and kinds[last - 1] == PROSE
    found = set()
    for closing in sorted(index for index in related if first < index < last):
        shared = (set(ids[first:closing].tolist()) & set(ids[closing:last].tolist())) - {-1}
        ends_text = signed_off and last - closing <= SHORT_BOX_LINES
        if not text_goes_on(kinds, closing, last) and not shared and not ends_text:
            found.add(closing)
    return frozenset(found)


def text_goes_on(kinds: list[int], top: int, last: int) -> bool:
    """Whether paragraphs follow from `top` to `last`: RESUME_LINES paragraphs (text lines but short clauses)
    each at most one line from the next (a separator breaks them), or RESUME_SENTENCES paragraphs of sentences
    right under each other within SHORT_BOX_LINES of `top`, before a run of MENU_RUN menu-shaped lines."""
    paragraphs = sentences = menu_run = between = 0     # between: lines since the last paragraph
    for offset, kind in enumerate(kinds[top:last]):
        if kind in (PROSE, OPEN):
            paragraphs, between = (paragraphs + 1 if between <= 1 else 1), 0
            sentences = sentences + 1 if kind == PROSE and offset < SHORT_BOX_LINES else 0
        elif kind == REPEAT:
            paragraphs = sentences = 0
        else:
            between += 1
            sentences = 0
        menu_run = menu_run + 1 if kind in MENU_LIKE else 0
        if paragraphs >= RESUME_LINES or sentences >= RESUME_SENTENCES:
            return True
        if menu_run >= MENU_RUN:
            return False
    return False


@per_line   # asked of the same lines in each pass of settle, and again by the edges stage
def is_author_bio(line: str) -> bool:
    return author_bio(line, vocabulary())


def last_words(lines: list[str], kinds: np.ndarray, pagers: frozenset[int]) -> frozenset[int]:
    """Closings of the article where no paragraphs go on under them (text_goes_on): the lines that tell who
    wrote it (author_bio), and those under a link to the previous or next article (`pagers`). A story's own
    sentence about a reporter, or a "Read more:" link set between its paragraphs, has the text going on."""
    kinds = kinds.tolist()
    bios = (index for index, line in enumerate(lines) if is_author_bio(line))
    return frozenset([*(index for index in bios if not text_goes_on(kinds, index + 1, len(kinds))),
                      *(index for index in pagers if not text_goes_on(kinds, index, len(kinds)))])


def head_start(kinds: list[int], listed: list[bool], start: int, buttons: frozenset[int] = frozenset(),
               menus: frozenset[int] = frozenset()) -> int:
    """The first line of the article's head: the line after the nearest run above the body of MENU_RUN
    menu-shaped lines; or, of a run of HEAD_LIST_RUN list-shaped lines with no text above them (a list of
    other headlines above the title), the last TITLE_LINES (the title, a byline, a date). A table of
    contents under an introduction stays. Figures and separators are looked through, and so are the buttons
    of a share bar (`buttons`: "Facebook", "Email" one a line). A menu an earlier stage removed in one line
    over a line of `menus` counts as one menu-shaped line."""
    menu_run, menu_bottom = 0, start
    run: list[int] = []     # the list-shaped lines of the run, bottom first
    for index in range(start - 1, -1, -1):
        kind, button = kinds[index], index in buttons
        shaped = (index + 1 in menus) + (not button and kind in MENU_LIKE)     # menu-shaped lines here: 0 to 2
        if shaped:
            menu_run, menu_bottom = menu_run + shaped, menu_bottom if menu_run else index
            if menu_run >= MENU_RUN:
                return menu_bottom + 1
        if button:
            continue
        if kind not in MENU_LIKE and kind not in PASSED:
            menu_run = 0
        if listed[index]:
            run.append(index)
        elif kind not in LOOKED_THROUGH:
            if len(run) >= HEAD_LIST_RUN and kind not in TEXT:
                return run[TITLE_LINES - 1]
            run = []
    return run[TITLE_LINES - 1] if len(run) >= HEAD_LIST_RUN else 0


def kicker_start(kinds: list[int], units: list[int], listed: list[bool], headline: int) -> int:
    """The first line of the head over a headline with a dateline under it, when KICKER_RUN list-shaped lines
    or more stand in a row over it (a list of other headlines, a menu of headline-shaped items; figures and
    separators looked through): the headline, or its kicker right over it (a section's name, a menu item's
    shape); else 0. A dated headline opens its article: over it stands a section's name, not a list; and the
    last of a list's headlines is no kicker. The line found may be a standfirst: a shorter headline-shaped
    line alone over it is the headline, and so is a headline-shaped line right under MENU_RUN menu items (a
    title over its subtitle, no list's last headline)."""
    if _headline_over(kinds, units, headline) and (headline == 1 or kinds[headline - 2] != HEADLINE):
        headline -= 1       # the line found is a standfirst under its headline, a shorter line alone over it
    run = []
    for index in range(headline - 1, -1, -1):
        if listed[index]:
            run.append(index)
        elif kinds[index] not in LOOKED_THROUGH:
            break
    if len(run) < KICKER_RUN:
        return 0
    over = run[0] == headline - 1 and (kinds[run[0]] == ITEM or kinds[run[0]] == HEADLINE and all(
        kinds[index] in MENU_ITEMS for index in run[1:1 + MENU_RUN]))
    return run[0] if over else headline


def _kicker_lines(kinds: list[int], headline: int) -> int:
    """The first line of a headline's block: the headline, or up to KICKER_LINES headline-shaped lines right
    over it (a kicker, a first title over the main one: 引题 over 主题)."""
    top = headline
    while top > 0 and headline - top < KICKER_LINES and kinds[top - 1] in (HEADLINE, OPEN):
        top -= 1
    return top


def _headline_over(kinds: list[int], units: list[int], line: int) -> bool:
    """Whether a shorter headline-shaped line stands right over `line`: the line the metadata stage found for
    the headline is then a standfirst under it."""
    return line > 0 and kinds[line - 1] == HEADLINE and units[line - 1] < units[line]


def short_line_allowance(kinds: list[int], start: int, end: int) -> int:
    """How many list-shaped lines in a row the body [start, end) itself sets between its paragraphs: the
    longest of its gaps of two or more lines that are no text (separators looked through) between text lines,
    when it has STYLE_GAPS of them or more; else 0. An article written in short lines without end marks
    (a WeChat account's post: "目前11月的航线安排已经出炉" / "为目的地开启四条航线" between paragraphs) has
    many; a news story has a subheading and a caption here and there."""
    gaps, gap, seen_text = [], 0, False
    for kind in kinds[start:end]:
        if kind == REPEAT:
            continue
        if IS_TEXT[kind]:
            if seen_text and gap >= 2:
                gaps.append(gap)
            gap, seen_text = 0, True
        else:
            gap += 1
    return max(gaps) if len(gaps) >= STYLE_GAPS else 0


def tail_end(kinds: list[int], units: list[int], end: int, walls: frozenset[int], summaries: np.ndarray,
             allowance: int = 0, lead_ins: frozenset[int] = frozenset()) -> int:
    """One past the article's last line: the body, and below it every line down to the first that follows a
    removed chrome or metadata line, or the first run of MENU_RUN menu-shaped lines or of HEADLINE_RUN
    list-shaped lines (a teaser's summary is one; a rank between them, "2." or "3. 3", neither counts nor
    breaks the run, nor does a title-long line without an end mark, a headline set as text, unless the run
    stands under one of the `lead_ins`: the text's own list), whichever comes first; but a run of list-shaped
    lines no longer than `allowance` (the body's own, short_line_allowance) under which the text resumes
    (text_resumes) is the article's."""
    menu_run = list_run = 0
    menu_top = list_top = end
    index = end
    while index < len(kinds):
        kind = kinds[index]
        if index in walls:
            return index
        if kind in PASSED or list_run and (kind == FIGURES and units[index] <= MAX_COUNT_UNITS or kind == OPEN
                                           and units[index] <= MAX_TITLE_UNITS and list_top - 1 not in lead_ins):
            index += 1
            continue
        listlike = kind in LISTLIKE or summaries[index]
        menu_run, menu_top = (menu_run + 1, menu_top if menu_run else index) if kind in MENU_LIKE else (0, index)
        list_run, list_top = (list_run + 1, list_top if list_run else index) if listlike else (0, index)
        if menu_run >= MENU_RUN:
            return menu_top
        if list_run >= HEADLINE_RUN:
            resume = text_resumes(kinds, units, summaries, walls, list_top, allowance)
            if resume is None:
                return list_top
            index, menu_run, list_run = resume, 0, 0
            continue
        index += 1
    return len(kinds)


def text_resumes(kinds: list[int], units: list[int], summaries: np.ndarray, walls: frozenset[int], top: int,
                 allowance: int) -> int | None:
    """Where the text resumes under the run of list-shaped lines from `top` (separators and ranks looked
    through), when the run holds at most `allowance` of them and two text lines or more follow it, one of
    them a sentence, with no removed chrome line before them; else None. A headline list's titles can be
    questions or long, but they are not sentences."""
    listed, index = 0, top
    while index < len(kinds) and index not in walls:
        kind = kinds[index]
        if kind in LISTLIKE or summaries[index]:
            listed += 1
        elif not (kind == REPEAT or kind == FIGURES and units[index] <= MAX_COUNT_UNITS):
            break
        index += 1
    if listed > allowance or index in walls:
        return None
    text = list(itertools.takewhile(lambda kind: kind == REPEAT or IS_TEXT[kind], kinds[index:]))
    return index if len(text) >= 2 and PROSE in text else None


# A removed line's reason, by its kind.
REASON_OF = [MENU if kind in (ITEM, ROW) else HEADLINE_LIST if kind in (HEADLINE, TEASER) else OUTSIDE
             for kind in range(len(KIND_NAMES))]


def chains(positions: np.ndarray) -> list[np.ndarray]:
    """Sorted line positions split where one stands more than RECORD_PERIOD lines from the next."""
    return np.split(positions, (np.diff(positions) > RECORD_PERIOD).nonzero()[0] + 1) if len(positions) else []


def comments_start(kinds: np.ndarray, values: np.ndarray, records: list[Records], walls: frozenset[int],
                   start: int, end: int) -> int | None:
    """Where the comments under the article begin in the body [start, end), or None: the first run of posts
    (MIN_POSTS dated headers or more, each at most RECORD_PERIOD lines from the next) reaching into the body,
    when a removed chrome line (a share bar, a comment count) stands above its first header in the body and
    under text worth MIN_BODY_SCORE, and no separator of records in or right above the body's first lines
    (RECORD_REACH of its start, or under less than MIN_BODY_SCORE of its text: the first post's panel under a
    notice); the line after that text. A thread's first post stands under a header of the run or among
    records: its replies are its text. Without the chrome line (a second run) nothing is cut: cleaning the
    output again keeps what the first run kept."""
    headers = (kinds[:end] == DATED).nonzero()[0]
    posts = next((run for run in chains(headers) if len(run) >= MIN_POSTS and run[-1] >= start), None)
    if posts is None or posts[0] <= start:
        return None
    header = int(posts[0])
    text = np.concatenate(([0.0], np.maximum(values[start:header], 0.0).cumsum()))
    # the chrome stands between the text and the posts: under a headline's breadcrumb no comments begin
    chrome_between = any(start < wall <= header and text[wall - start] >= MIN_BODY_SCORE for wall in walls)
    a_post = any(start - RECORD_REACH <= at < header
                 and (at < start + RECORD_REACH or text[at - start] < MIN_BODY_SCORE)
                 for run in records for at in run.separators)
    if not chrome_between or a_post:
        return None
    while not IS_TEXT[kinds[header - 1]]:
        header -= 1
    return header


def trailer_start(kinds: np.ndarray, values: np.ndarray, trailers: frozenset[int], start: int, end: int) -> int:
    """Where the article from the body's start to `end` (the tail's) ends above what follows a promotion, a
    share bar, a copyright notice or metadata in it (`trailers`, trailer_walls): at the first such line with
    MIN_TRAILER_LINES lines or more of the article from it down, holding text worth less than TRAILER_SHARE
    of the article's and less than TRAILER_LINE_SHARE of the median sentence above it a line, no sentence at
    its top and no two sentences in a row; else at `end`. A sign-up box's prompts and thanks, a publisher's
    note, a list of other headlines stand there; a paragraph under a newsletter prompt or a photo credit set
    in the text is the article going on."""
    text = np.concatenate(([0.0], np.maximum(values[start:end], 0.0).cumsum()))
    for wall in sorted(index for index in trailers if start < index <= end - MIN_TRAILER_LINES):
        paragraphs = kinds[wall:end] == PROSE
        sentences = values[start:wall][kinds[start:wall] == PROSE]
        if (len(sentences) and text[-1] - text[wall - start] < TRAILER_SHARE * text[-1] and not paragraphs[0]
                and not np.any(paragraphs[1:] & paragraphs[:-1])
                and (text[-1] - text[wall - start]) / (end - wall) < TRAILER_LINE_SHARE * np.median(sentences)):
            return wall
    return end


def posts_below_heading(shapes: Shapes, values: np.ndarray, closings: frozenset[int], start: int,
                        end: int) -> int | None:
    """The first closing (the line after the heading of the comments or of a box of other articles) inside
    the body [start, end) with text worth MIN_BODY_SCORE above it and MIN_POSTS dated headers below it (a
    post's header, or a date the page repeats under each teaser of a list), the first at most RECORD_PERIOD
    lines down and each at most that far from the next. Unlike in comments_start the article's own dated
    byline may stand right above its text: the heading tells the posts below from the article above."""
    dated = (shapes.kinds == DATED) | (shapes.kinds == REPEAT) & shapes.dates
    for closing in sorted(index for index in closings if start < index < end):
        if np.maximum(values[start:closing], 0.0).sum() < MIN_BODY_SCORE:
            continue
        posts = chains(dated[closing:end].nonzero()[0])
        if posts and len(posts[0]) >= MIN_POSTS and posts[0][0] <= RECORD_PERIOD:
            return closing
    return None


def article_lines(shapes: Shapes, worth: np.ndarray, separators: np.ndarray, walls: frozenset[int],
                  closings: frozenset[int] = frozenset(), related: frozenset[int] = frozenset(),
                  trailers: Mapping[int, str] = NO_TRAILERS, headline: int | None = None,
                  buttons: frozenset[int] = frozenset(), titled: int | None = None,
                  numbered: Sequence[list[int]] = (), menus: frozenset[int] = frozenset(),
                  footer: int | None = None, crumbs: frozenset[int] = frozenset(),
                  lead_ins: frozenset[int] = frozenset()) -> range:
    """The lines of the article, head to tail; all of them but the menus opening the page (_without_top_menus)
    when no body is found (body_span, or under the dated headline: body_under_headline, or above a box of other
    articles: body_above_box). `related`: the closings
    that follow the heading of a box of other articles. `headline`: where the headline with a dateline under
    it stands (dated_headline), when the metadata stage found one: the head starts under the last run of
    menu items above it, even inside the body (teasers with their summaries above it hold text too), and at
    its kicker under a run of list-shaped lines (kicker_start), and at it when it stands over the head with
    nothing between them that ends a head (_opens_body: a notice's table of label-value rows over its text,
    which reads as a list of headlines once the chrome around is gone), no higher than its block (a column of
    other stories over it holds no menu to stop the walk up), and at its block (_kicker_lines) when it is
    shaped as a headline (a label's line, "Thread starter jane", is none) and what the body holds over it is
    worth less than MIN_BODY_SCORE (a sidebar's guestbook lines over the headline). A share bar (`buttons`:
    the lines of its buttons) between the headline the metadata stage found (`titled`: its line) and the text
    ends no head: the head reaches up to that headline over it, or to a shorter title right over it (the line
    found being a standfirst), no further than it would without the bar. `menus`: the lines under a menu an
    earlier stage removed (head_start). `footer`: the first line under the site's footer (site_footer): the
    body is found above it when the stretches there hold one. `crumbs`: the lines under a breadcrumb an earlier
    stage removed, where the head starts when no text stands over them in it (under_crumbs)."""
    shapes = separators_marked(shapes, separators)
    summaries = teaser_summaries(shapes.kinds, shapes.units)
    listed = list_shaped(shapes)
    values = line_values(shapes.kinds, listed, worth, summaries)
    records = record_runs(shapes, separators, numbered)
    found = stretches(values) if footer is None else above_footer(values, footer)
    boxes = frozenset()
    if related:
        first, last, _ = best_stretch(found)
        boxes = box_closings(shapes.kinds, separators, related, first, last, lone_trailers(trailers, first))
    span = body_span(values, found, records, closings, boxes)
    headed = span is None and headline is not None
    if headed:
        span = body_under_headline(shapes.kinds.tolist(), walls, found, headline, lead_ins)
    if span is None:
        span = body_above_box(related, headline if headline is not None else titled)
    if span is None:
        return _without_top_menus(shapes.kinds.tolist(), shapes.units.tolist(), crumbs)
    comments = comments_start(shapes.kinds, values, records, walls, *span)
    if comments is None:
        comments = posts_below_heading(shapes, values, closings, *span)
    if comments is not None:
        span, closings = (span[0], comments), closings | {comments}
    kinds, units = shapes.kinds.tolist(), shapes.units.tolist()
    if headed:  # a short text under its dated headline: its lists (a notice's items) are its own, chrome ends it
        end = min((index for index in walls | closings if index >= span[1]), default=len(kinds))
    else:
        end = tail_end(kinds, units, span[1], walls | closings, summaries, short_line_allowance(kinds, *span),
                       lead_ins)
    listed_lines = listed.tolist()
    head = under_crumbs(kinds, head_start(kinds, listed_lines, span[0], menus=menus), span[0], crumbs)
    if titled is not None and titled < head:
        if _headline_over(kinds, units, titled):
            titled -= 1     # the line found is a standfirst under its headline, a shorter line over it
        head = max(head_start(kinds, listed_lines, span[0], buttons, menus), titled)
    # a page that opens with its title (as a second run reads what the dated headline opened) reads alike
    opening = headline if headline is not None else 0 if titled == 0 else None
    if opening is not None and opening < head and _opens_body(kinds, walls, opening, head, lead_ins):
        head = max(_head_over(kinds, units, listed_lines, opening, menus), _kicker_lines(kinds, opening))
    if headline is not None and head < headline < span[1]:
        head = max(head, _head_over(kinds, units, listed_lines, headline, menus))
        if (span[0] < headline and kinds[headline] in HEADLINE_SHAPES
                and np.maximum(values[span[0]:headline], 0.0).sum() < MIN_BODY_SCORE):
            head = max(head, _kicker_lines(kinds, headline))
    return range(head, trailer_start(shapes.kinds, values, lone_trailers(trailers, span[0]), span[0], end))


def _without_top_menus(kinds: list[int], units: list[int], crumbs: frozenset[int]) -> range:
    """A page with no body: all its lines but the run of MENU_RUN menu-shaped lines or more opening it (the
    site's menus over whatever it holds), which ends at the first line of another shape and at a breadcrumb
    an earlier stage removed (`crumbs`: the lines under one), under which the page's own title stands; a
    separator without a word repeated between its items ("·", "|"; `units`) is the menu's. A text
    of list-shaped lines with no text or headline under them (names, a poem of short lines) stays whole."""
    end = items = 0
    while end < len(kinds) and end not in crumbs:
        if kinds[end] in MENU_LIKE:
            items += 1
        elif kinds[end] != REPEAT or units[end]:
            break
        end += 1
    worded = any(IS_TEXT[kind] or kind == HEADLINE for kind in kinds[end:])
    return range(end if items >= MENU_RUN and worded else 0, len(kinds))


def _head_over(kinds: list[int], units: list[int], listed: list[bool], headline: int, menus: frozenset[int]) -> int:
    """The first line of the head of the article a dated headline opens: under the menus over it (head_start), at
    its kicker under a list (kicker_start)."""
    return max(head_start(kinds, listed, headline, menus=menus), kicker_start(kinds, units, listed, headline))


def under_crumbs(kinds: list[int], head: int, start: int, crumbs: frozenset[int]) -> int:
    """The head's first line moved down to the last of the `crumbs` (the lines under a breadcrumb an earlier
    stage removed) between `head` and the body's `start` with no text over it in the head: above a breadcrumb
    stand the site's name, its menus and its search box, whatever their shape; a title or a lead with text over
    the breadcrumb keeps the head where it was."""
    return max((crumb for crumb in crumbs if head < crumb <= start
                and not any(IS_TEXT[kind] for kind in kinds[head:crumb])), default=head)


def above_footer(values: np.ndarray, footer: int) -> list[tuple[int, int, float]]:
    """The stretches of the lines above the `footer` line, when the best of them holds a body (MIN_BODY_SCORE);
    else those of the whole page. Under a site's footer stand its own texts (a cookie or consent notice, terms
    of use), which may hold more prose than the article."""
    above = stretches(values[:footer])
    return above if best_stretch(above)[2] >= MIN_BODY_SCORE else stretches(values)


def site_footer(listed: np.ndarray, under_copyright: int | None) -> int | None:
    """The first line under a copyright notice that an earlier stage removed (`under_copyright`, the page's
    last such notice) when MENU_RUN list-shaped lines stand right over it: the site's footer, its links over
    its copyright line; None otherwise (a photo's credit in the text stands under no list)."""
    if under_copyright is None or not MENU_RUN <= under_copyright < len(listed):
        return None
    return under_copyright if listed[under_copyright - MENU_RUN:under_copyright].all() else None


def _opens_body(kinds: list[int], walls: frozenset[int], headline: int, start: int,
                lead_ins: frozenset[int] = frozenset()) -> bool:
    """Whether the dated headline opens the text starting at `start` below it: no run of MENU_RUN menu-shaped
    lines stands between them, and no line an earlier stage removed but the dateline right under the headline.
    The list-shaped lines right under one of the `lead_ins` are the text's own (a table printed one cell a line
    under "答辩委员会组成："), no menu."""
    menu_run = 0
    listed = False      # whether the line stands in a list under a lead-in
    for index in range(headline + 1, start):
        listed = index - 1 in lead_ins or listed and (kinds[index] in LISTLIKE or kinds[index] == REPEAT)
        menu_run = menu_run + 1 if kinds[index] in MENU_LIKE and not listed else 0
        if menu_run >= MENU_RUN:
            return False
    return not any(headline + 2 <= wall <= start for wall in walls)


def judge_layout(lines: list[str], walls: frozenset[int] = frozenset(), closings: frozenset[int] = frozenset(),
                 related: frozenset[int] = frozenset(), page_lines: int = 0,
                 trailers: Mapping[int, str] = NO_TRAILERS, title: str | None = None,
                 dated: str | None = None, pagers: frozenset[int] = frozenset(),
                 menus: frozenset[int] = frozenset(), under_copyright: int | None = None,
                 crumbs: frozenset[int] = frozenset()) -> list[Verdict]:
    """One verdict per line: None for the article (head, body, tail), a reason for the lines around it and for those
    inside it that go (inside_removals). `related`: the closings that follow the heading of a box of other articles.
    `page_lines`: how many lines the page had before earlier stages removed some (a page whose menus and share bars
    went is still a whole page), when more than `lines`. `trailers`: the lines under a promotion, a share bar, a
    copyright notice or metadata, with its reason (trailer_walls). `title`: the headline the metadata stage
    found; `dated`: the same when a dateline stands under it on the page (dated_headline). `pagers`: the lines
    under a link to the previous or next article (chrome_walls of PAGER), which close the article where no
    paragraphs go on under them, as an author's bio does (last_words). `menus`: the lines under a menu removed in
    one line (head_start). `under_copyright`: the first line under the page's last copyright notice an earlier stage
    removed: under a footer's links, the body is found above it (site_footer, above_footer). `crumbs`: the lines
    under a breadcrumb an earlier stage removed (under_crumbs). What the article keeps is judged again (as a second run would,
    without the earlier stages' walls and closings and without the lines removed) until it holds. Then the
    separators and stamps of a thread's posts in it go ("Reply", "Quote", a poster's rank under every post:
    thread_separators; "May 22 at 8:00": post_stamps), both or else one of the two, and then a poster's words the
    boilerplate stage kept only as separators ("Member Since:", which reads as a clause: poster_separators), then
    the posts' numbers alone on their lines ("#3": post_marks), unless
    judging the article without them cuts a post or much text (separators_hold): they hold a thread of short posts
    together, and a second run must find the article the first one kept."""
    if too_short(lines, page_lines):
        return [None] * len(lines)
    shapes = lead_in_lists_marked(lines, tables_marked(lines, line_shapes(lines)))
    worth = own_values(shapes)
    lead_ins = np.fromiter(map(is_lead_in, lines), dtype=bool, count=len(lines))   # read once, kept in each pass
    box_tops = related
    targets = vocabulary().share_targets
    buttons = [index for index in IS_MENU_LIKE[shapes.kinds].nonzero()[0].tolist()
               if share_buttons(lines[index], targets)]
    titled = headline_line(lines, title)

    def seen(kept: np.ndarray) -> tuple[list[str], Shapes, dict[int, int], frozenset[int]]:
        """The kept lines as a second run sees them: their text, shapes, index by place, share buttons."""
        local = {int(line): index for index, line in enumerate(kept)}
        return ([lines[index] for index in kept], shapes[kept], local,
                frozenset(local[index] for index in buttons if index in local))

    def settle(kept: np.ndarray, walls=frozenset(), closings=frozenset(), related=frozenset(),
               trailers=NO_TRAILERS, pagers=frozenset(), menus=frozenset(), footer: int | None = None,
               crumbs=frozenset()) -> tuple[np.ndarray, dict[int, Verdict], bool]:
        """The lines kept once judging them again removes nothing (or they are a short text, True), and
        the reasons of those removed inside the article. The article's last words (last_words) are found
        in each pass, among the lines it judges, as a second run finds them."""
        removed: dict[int, Verdict] = {}
        while True:     # every pass but the last removes lines: it ends
            text, kept_shapes, local, kept_buttons = seen(kept)
            ends = last_words(text, kept_shapes.kinds, pagers)  # closings as a box's heading, the text ending
            article = article_lines(kept_shapes, worth[kept], separator_ids(text, kept_shapes), walls,
                                    closings | ends, related | ends, trailers, headline_line(text, dated),
                                    kept_buttons, local.get(titled), numbered_posts(text, kept_shapes), menus,
                                    footer, crumbs, frozenset(np.flatnonzero(lead_ins[kept]).tolist()))
            walls = closings = related = pagers = menus = crumbs = frozenset()
            trailers = NO_TRAILERS
            footer = None
            short = False
            if len(article) < len(kept):
                kept = kept[article.start:article.stop]
                if len(kept) >= MIN_PAGE_LINES:
                    continue
                short = True        # as a second run would, leave a short text alone, but for what goes inside it
                text, kept_shapes, local, kept_buttons = seen(kept)
            inside = inside_removals(text, kept_shapes, title, kept_buttons,
                                     [local[heading] for heading in box_tops if heading in local])
            removed.update((int(kept[index]), reason) for index, reason in inside.items())
            kept = np.delete(kept, list(inside))
            if not inside or short or len(kept) < MIN_PAGE_LINES:
                return kept, removed, short or len(kept) < MIN_PAGE_LINES

    kept, removed_inside, short = settle(np.arange(len(lines)), walls, closings, related, trailers, pagers, menus,
                                         site_footer(list_shaped(shapes), under_copyright), crumbs)
    while not short:    # a thread's separators and stamps go, unless the article reads otherwise without them
        text, kept_shapes, _, _ = seen(kept)
        stamps = post_stamps(text, kept_shapes.kinds)
        posts = thread_separators(text, kept_shapes, stamps)
        both = sorted({*posts, *stamps})
        panel = [index for index in poster_separators(text) if index not in both]
        marks = [index for index in post_marks(text, kept_shapes) if index not in both]
        for separators in [*([both, stamps, posts] if posts and stamps else [both] if both else []),
                           *([panel] if panel else []), *([marks] if marks else [])]:
            without = np.delete(kept, separators)
            settled, inside, short = settle(without)
            if separators_hold(kept, separators, settled, shapes, worth):
                break
        else:
            break
        removed_inside.update((int(line), SEPARATOR) for line in kept[separators])
        removed_inside.update(inside)
        kept = settled
    verdicts: list[Verdict] = [REASON_OF[kind] for kind in shapes.kinds.tolist()]
    for index, reason in removed_inside.items():
        verdicts[index] = reason
    for index in kept.tolist():
        verdicts[index] = None
    return verdicts


def separators_hold(kept: np.ndarray, separators: list[int], settled: np.ndarray, shapes: Shapes,
                    worth: np.ndarray) -> bool:
    """Whether a thread's separators (at `separators` among the `kept` lines) may go, judging the article
    without them having kept `settled`: what that judgement cuts holds at most CUT_SHARE of the text (a
    sign-in box under the last post), and none of it but stamps stood right above or below a separator that goes
    (a short last reply, "Thanks!", reads as a list's title once its "Reply" is gone, a poster's name as a menu
    item); a line without a word (a pager's arrow) is no post."""
    without = np.delete(kept, separators)
    cut = np.setdiff1d(without, settled)
    at = np.array(separators)
    beside = np.intersect1d(cut, kept[np.clip(np.concatenate((at - 1, at + 1)), 0, len(kept) - 1)])
    posts = beside[(shapes.kinds[beside] != DATED) & (shapes.units[beside] > 0)]
    text = np.maximum(worth, 0.0)
    return not len(posts) and bool(text[cut].sum() <= CUT_SHARE * text[without].sum())


def inside_removals(lines: list[str], shapes: Shapes, title: str | None, buttons: frozenset[int],
                    box_tops: list[int]) -> dict[int, Verdict]:
    """The lines of an article (head, body, tail) that go, with their reasons: in the head, bylines, a
    breadcrumb and share buttons (`buttons`); the titles of a box of other articles under its heading
    (`box_tops`: the lines that follow one)."""
    inside: dict[int, Verdict] = {}
    top = head_end(shapes.kinds.tolist())
    headline = headline_line(lines, title, top)     # the one the metadata stage found, in the head
    head_buttons = frozenset(index for index in buttons if index < top)
    for index in head_bylines(lines, shapes, top, headline, head_buttons):
        inside[index] = BYLINE
    for index in [*head_crumbs(lines, shapes, headline), *head_buttons]:
        inside[index] = MENU
    for index in box_titles(shapes, box_tops, headline):
        inside[index] = HEADLINE_LIST
    return inside


def thread_separators(lines: list[str], shapes: Shapes, stamps: list[int]) -> list[int]:
    """The separators of a thread's posts in the article ("Reply", "Quote", a poster's rank under or over
    every post): those of a run of records MIN_POSTS or more of which hold text, at least half of them; in a
    run holding MIN_POSTS post headers (post numbers, or `stamps`: post_stamps), every record that holds
    something is a post (a reply too short to read as text). A headline-shaped separator stays (a table's
    heading over each of its parts), and so does one with figures (a vote count, a price, a stamp: a table's
    rows and a shop's prices repeat so too)."""
    ids = separator_ids(lines, shapes)
    marked = separators_marked(shapes, ids)
    found = []
    headers: np.ndarray | None = None
    for run in record_runs(marked, ids):
        bounds = [run.start, *run.separators[1:], run.end]
        posts = [post for top, bottom in zip(bounds, bounds[1:])
                 if (post := _holds_post(marked.kinds[top + 1:bottom])) is not None]
        if not all(posts):
            if headers is None:
                headers = post_headers(lines, shapes, stamps)
            if np.count_nonzero((headers >= run.start) & (headers < run.end)) >= MIN_POSTS:
                posts = [True] * len(posts)     # numbered or stamped posts: a short line is a post too
        if sum(posts) >= MIN_POSTS and 2 * sum(posts) >= len(posts):
            found += [index for index in range(run.start, run.end) if marked.kinds[index] == REPEAT
                      and shapes.kinds[index] != HEADLINE and not shapes.figures[index]]
    return found


def post_headers(lines: list[str], shapes: Shapes, stamps: list[int]) -> np.ndarray:
    """The lines that head a thread's posts: their numbers (numbered_posts) and their `stamps`."""
    numbered = [index for chain in numbered_posts(lines, shapes) for index in chain]
    return np.array(sorted({*numbered, *stamps}), dtype=np.int64)


def _holds_post(kinds: np.ndarray) -> bool | None:
    """Whether the lines between two separators of a run of records hold a post (text); None when they hold
    nothing or only a part of a poster's panel (other separators, figures, stamps, one name or rank:
    "Organism", "Followers 0", "Edited July 5 by jane"), which is neither a post nor a sign against one."""
    rest = kinds[(kinds != REPEAT) & (kinds != FIGURES) & (kinds != DATED)]
    if np.any(IS_TEXT[rest]):
        return True
    return None if len(rest) == 0 or len(rest) == 1 and rest[0] == ITEM else False


def post_stamps(lines: list[str], kinds: np.ndarray) -> list[int]:
    """The stamps of a run of posts: MIN_POSTS dated headers or more, each at most RECORD_PERIOD lines from the
    next ("13-05-2024 07:06", "Jane answered 2 years ago", "May 22 at 8:00 #12"); but not the rows of a
    schedule or a table: MIN_TABLE_ROWS dated lines or more right under each other, each of as many cells
    (split at white space), MIN_TABLE_CELLS or more ("8月15日 8:00—11:30 新生报到 学校体育馆")."""
    stamps: list[int] = []
    for run in chains((kinds == DATED).nonzero()[0]):
        if len(run) >= MIN_POSTS:
            rows = table_rows(lines, run.tolist())
            stamps += [index for index in run.tolist() if index not in rows]
    return stamps


def tables_marked(lines: list[str], shapes: Shapes) -> Shapes:
    """The shapes with a table of dated rows under its row of headings marked FIGURES, the headings too: a
    schedule ("车次 区间 开行日期 开点 到点" / "D7751 栖州—梧川 4月30日 07:12 09:48" ...) is the text's data, not
    the headers of posts nor a menu. The rows: table_rows; the headings: a row of as many cells without a figure
    right above the first. Rows under a lead-in (a line ending with a colon at most LEAD_IN_REACH lines above
    them: "现将有关事项公告如下：") are a table too, however the headings were printed (w3m runs th cells
    together: "车次区间开行日期开点到点"), and so are rows of two cells there (w3m runs the cells of a row
    together but for a time: "市民中心大厅栖州路8号每天 8:30-17:00")."""
    dated = (shapes.kinds == DATED).nonzero()[0].tolist()
    wide = table_rows(lines, dated)
    kinds = shapes.kinds
    headed = {top for top in wide if top - 1 not in wide and top > 0 and kinds[top - 1] == ROW
              and not shapes.figures[top - 1] and len(lines[top - 1].split()) == len(lines[top].split())}
    rows = table_rows(lines, dated, 2)      # the wide ones among them
    led = {top for top in rows if top - 1 not in rows and top not in headed
           and any(map(is_lead_in, lines[max(0, top - LEAD_IN_REACH):top]))}
    if not headed and not led:
        return shapes
    kinds = kinds.copy()
    for top in headed | led:
        end = top
        while end in rows:
            end += 1
        kinds[top - (top in headed):end] = FIGURES      # the row of headings too
    return Shapes(kinds, shapes.units, shapes.punctuation, shapes.figures, shapes.dates)


def lead_in_lists_marked(lines: list[str], shapes: Shapes) -> Shapes:
    """The shapes with the list-shaped items of a bulleted list right under its lead-in (a line ending with a
    colon: "Inclusion Criteria:", "不足：") marked FIGURES: the text's own list, not a list of other headlines
    (whose heading no colon ends); a long item stays text."""
    kinds = shapes.kinds.copy()
    for index, line in enumerate(lines):
        if not is_lead_in(line):
            continue
        item = index + 1
        while item < len(lines) and lines[item].startswith(BULLETS):
            if IS_LISTLIKE[kinds[item]]:
                kinds[item] = FIGURES
            item += 1
    return Shapes(kinds, shapes.units, shapes.punctuation, shapes.figures, shapes.dates)


def table_rows(lines: list[str], positions: list[int], min_cells: int = MIN_TABLE_CELLS) -> set[int]:
    """Of the lines at `positions` (in page order), the rows of a table: MIN_TABLE_ROWS or more right under each
    other, each of as many cells (split at white space), `min_cells` or more."""
    rows: set[int] = set()
    block: list[int] = []
    cells = [len(lines[index].split()) for index in positions]
    for number, index in enumerate(positions):
        if not (block and index == block[-1] + 1 and cells[number] == cells[number - 1]):
            block = []
        block.append(index)
        if len(block) >= MIN_TABLE_ROWS and cells[number] >= min_cells:
            rows.update(block)
    return rows


def box_titles(shapes: Shapes, tops: list[int], headline: int | None = None) -> list[int]:
    """The titles of a box of other articles set in the article: under the box's heading (`tops`: the lines
    that follow one), MIN_BOX_TITLES to SHORT_BOX_LINES lines shaped as titles (headlines, teasers, text
    without an end mark as short as a headline) with a sentence right under them, where the article goes on,
    or the article's headline (`headline`: where the one the metadata stage found stands), which stays.
    A single line there is the heading of the article's next part (or of a post): it stays."""
    titles = IS_TITLE[shapes.kinds] | (shapes.kinds == OPEN) & (shapes.units <= MAX_TITLE_UNITS)
    found = []
    for top in tops:
        below = top
        while below < len(shapes) and below != headline and titles[below] and below - top < SHORT_BOX_LINES:
            below += 1
        if below - top >= MIN_BOX_TITLES and below < len(shapes) and (
                below == headline or shapes.kinds[below] == PROSE):
            found.extend(range(top, below))
    return found


def head_end(kinds: list[int]) -> int:
    """Where the article's head ends: at its first two sentences in a row, or at its first sentence when no two
    stand in a row (each paragraph under a subheading); 0 for a text without a sentence (it has no head to
    tell)."""
    return next((index for index in range(len(kinds) - 1) if kinds[index] == PROSE == kinds[index + 1]),
                next((index for index, kind in enumerate(kinds) if kind == PROSE), 0))


def head_bylines(lines: list[str], shapes: Shapes, top: int, headline: int | None = None,
                 going: frozenset[int] = frozenset()) -> list[int]:
    """The lines that sign or stamp the article in its head: above its first two sentences in a row, a line
    that is no text and holds a date or a time ("By Jane Doe - 11/19/19 06:56 AM EST", "Updated 5:50 PM",
    "3 小时前"), or opens with "By" and a name ("by Jane Doe", "By Jane Doe | Special to the Courier"), or is
    a handle alone ("@janedoe"), or is "By" alone; or names people without "By" (names_alone: "Jane Doe,
    Staff Writer") at most NAME_REACH lines under the headline the metadata stage found (`headline`: its
    line in the head, never taken itself) or right under "By" alone. The metadata stage took the bylines it
    could read; these are the rest. The dated header of a thread's first post, one of a run of them, stays,
    and so does a date under an organisation's name signing a notice (signs), the time of an event
    after its label ("报告时间：…": another_time) or under a section's bracketed heading ("【更新时间】"), an
    item of a numbered list ("2. 夜间不得晚于22:30返回"), a headline naming its day (_day_in_headline: "2026年11月19日
    拟作出审批意见的…公示"), and a table's rows (table_rows; a row of measures alone: "2024-11-08 14:26:39 4.3 29.41
    103.77 12 某县"). `top`: where the head ends (head_end); `going`:
    the lines of the head another rule takes (a share bar's buttons), which the reach does not count."""
    kinds = shapes.kinds.tolist()
    figures = shapes.figures.tolist()
    posts = {int(index) for run in chains((shapes.kinds == DATED).nonzero()[0]) if len(run) >= MIN_POSTS
             for index in run}
    by_alone = {index for index in range(top) if lines[index].strip().casefold() == "by"}
    above = ["", *lines[:top]]      # the line above each
    dated = [index for index in range(top) if not IS_TEXT[kinds[index]] and index not in posts and figures[index]
             and holds_date(lines[index]) and not LIST_ITEM.match(lines[index])
             and not signs(above[index]) and not another_time(lines[index])
             and not SECTION_LABEL.fullmatch(above[index].strip()) and not _holds_measures(lines[index])]
    rows = table_rows(lines, dated)
    signed = [index for index in range(top) if not IS_TEXT[kinds[index]] and index not in posts and (
        index in dated and index not in rows and not _day_in_headline(lines[index])
        or _byline_opening().match(lines[index]) is not None
        or index in by_alone)]

    def names(index: int) -> bool:     # a heading over a list ("Key Takeaways" / "* ...") names nobody
        return (index < top and not IS_TEXT[kinds[index]] and index not in posts and names_alone(lines[index])
                and not (index + 1 < len(lines) and opens_list(lines[index + 1])))

    named = {index + 1 for index in by_alone if names(index + 1)}
    # the reach counts the lines that stay: a second run, without the lines taken here, takes the same names
    staying, index = 0, top if headline is None else headline + 1
    while staying < NAME_REACH and index < top:
        if names(index):
            named.add(index)
        elif index not in signed and index not in going:
            staying += 1
        index += 1
    return sorted({*signed, *named})


def _day_in_headline(line: str) -> bool:
    """Whether a line holding a date is a headline naming its day ("2026年11月19日拟作出审批意见的…公示"): a run of Han
    characters too long for a dateline's labels, names and places, and no label. (Stricter than
    fields.page._names_its_day, which asks it only of the line right over a dateline.)"""
    return "：" not in line and ":" not in line and _long_han_run().search(line) is not None


def _holds_measures(line: str) -> bool:
    """Whether a line holds MIN_ROW_NUMBERS numbers or more besides its dates and times, in half of its cells
    or more: a table's row of data ("2025-11-08 14:26:39 4.3 29.41 103.77 12 某县"), no dateline ("13 May 2024
    Updated 07:35 3 min read")."""
    if len(NUMBER_ITEM.findall(line)) < MIN_ROW_NUMBERS:
        return False        # (nearly every line: no dates to look for)
    for found in reversed(find_dates(line)):
        line = line[:found.start] + " " + line[found.end:]
    cells = line.split()
    numbers = sum(NUMBER_ITEM.fullmatch(cell) is not None for cell in cells)
    return numbers >= MIN_ROW_NUMBERS and 2 * numbers >= len(cells)


def head_crumbs(lines: list[str], shapes: Shapes, headline: int | None = None) -> list[int]:
    """A breadcrumb rendered as an ordered list right above the headline the metadata stage found (`headline`:
    its line in the head): two lines or more numbered from 1 up, one by one, over the headline ("1. Home" /
    "2. News" / "3. Science"), each a word or two after its number, but for the last, which may repeat the
    headline; and such a breadcrumb right over another (a page may print a second path; without the lower
    one, a second run would find the upper one over the headline). A numbered list elsewhere is the
    article's, or a list of other headlines that other rules judge."""
    below = headline     # the line the next breadcrumb up stands over
    crumbs: list[int] = []
    while below is not None:
        run = _crumbs_over(lines, shapes, below, lines[headline] if not crumbs else None)
        crumbs += run
        below = run[-1] if run else None
    return crumbs


def _crumbs_over(lines: list[str], shapes: Shapes, below: int, headline: str | None) -> list[int]:
    """The lines of an ordered list of short items right over line `below`, bottom first ([] for none); its
    last item may repeat `headline`."""
    run: list[int] = []
    under = 0   # the number of the item under this line
    for index in range(below - 1, -1, -1):
        found = LISTED_CRUMB.match(lines[index])
        short = shapes.kinds[index] == FIGURES and shapes.units[index] <= MAX_FIGURE_UNITS
        if found is None:
            return []
        number = int(found.group(1))
        if run:
            if number != under - 1 or not short:
                return []
        elif not short and not (headline and lines[index].strip().endswith(headline.strip())):
            return []
        run.append(index)
        if found.group(1) == "1":
            return run if len(run) >= 2 else []
        under = number
    return []


def too_short(lines: list[str], page_lines: int = 0) -> bool:
    """Whether a text is too short to judge: fewer than MIN_PAGE_LINES lines, now and before earlier stages
    removed some (`page_lines`); a text with no line left at all."""
    return not lines or max(len(lines), page_lines) < MIN_PAGE_LINES


def chrome_walls(verdicts: Sequence[str | None], prefixes: tuple[str, ...] = WALL_PREFIXES) -> frozenset[int]:
    """Positions, among the lines still kept, of those that follow a line an earlier stage removed with a
    reason of one of the prefixes, page chrome or metadata by default (the removed line nearest above
    counts). A poster's panel between the posts of a thread, and the heading of a question's answers, are no
    chrome: they are looked through."""
    walls, position, wall = [], 0, False
    for verdict in verdicts:
        if verdict is None:
            if wall:
                walls.append(position)
            position, wall = position + 1, False
        elif verdict not in LOOKED_THROUGH_REASONS:
            wall = verdict.startswith(prefixes)
    return frozenset(walls)


def under_last(verdicts: Sequence[str | None], reason: str) -> int | None:
    """Position, among the lines still kept, of the first under the last line an earlier stage removed with
    `reason` (past the last kept line when none is under it); None when no line was."""
    position, found = 0, None
    for verdict in verdicts:
        if verdict is None:
            position += 1
        elif verdict == reason:
            found = position
    return found


def trailer_walls(verdicts: Sequence[str | None]) -> dict[int, str]:
    """Positions, among the lines still kept, of those right under a line an earlier stage removed as a
    promotion, a share bar, a copyright notice, the heading of the tags or metadata (TRAILER_PREFIXES), with
    that line's reason (see lone_trailers)."""
    nearest: list[tuple[int, str]] = []
    position, above = 0, None
    for verdict in verdicts:
        if verdict is None:
            if above is not None and above.startswith(TRAILER_PREFIXES):
                nearest.append((position, above))
            position, above = position + 1, None
        else:
            above = verdict
    return dict(nearest)


def lone_trailers(trailers: Mapping[int, str], start: int) -> frozenset[int]:
    """The lines of the `trailers` (trailer_walls) whose reason stands over fewer than MIN_REPEATED_HEADINGS of
    them below the article's `start`: a share bar or a date under every post of a thread is the thread's own.
    A share panel's prompt over the headline stands under no post: it does not count."""
    counts = Counter(reason for index, reason in trailers.items() if index > start)
    return frozenset(index for index, reason in trailers.items() if counts[reason] < MIN_REPEATED_HEADINGS)


def closing_headings(verdicts: Sequence[str | None]) -> frozenset[int]:
    """The lines that follow the heading of a box of other articles or of the comments (see chrome_walls). A
    comment heading the page repeats is no heading but a button under each post of a thread or a count
    under each teaser of a list: comment lines at most RECORD_PERIOD lines apart make a series, one of
    MIN_REPEATED_HEADINGS or more is such a list, and the lines of the shorter ones ("12 Comments" over
    "Top Comments": one box's) are headings when there are fewer than MIN_REPEATED_HEADINGS of those boxes. A
    comment line at most RECORD_REACH lines over the heading of a question's answers ("Add a comment" over "3
    Answers") is the question's button: the page's text goes on under it."""
    answers = [index for index, verdict in enumerate(verdicts) if verdict == ANSWERS]
    at = [index for index, verdict in enumerate(verdicts) if verdict == COMMENTS
          and not any(index < answer <= index + RECORD_REACH for answer in answers)]
    boxes = [run for run in chains(np.array(at, dtype=np.int64)) if len(run) < MIN_REPEATED_HEADINGS]
    headings = {int(index) for run in boxes for index in run} if len(boxes) < MIN_REPEATED_HEADINGS else set()
    return chrome_walls([BUTTON if verdict == COMMENTS and index not in headings else verdict
                         for index, verdict in enumerate(verdicts)], (RELATED, COMMENTS))


class Layout(LineStage):
    """Line stage: the article body of a plain-text page found by its shape, the page around it removed.

    Menus, headline lists and the rest of the page around the body go. Pages extracted from HTML are left
    alone: their structure already chose the body."""

    name = "layout"
    reasons = REASONS

    def judge(self, lines: list[str], view: DocView) -> Judged:
        if view.format == "html" or too_short(lines, len(view.verdicts)):
            return Judged([None] * len(lines))   # (judge_layout leaves a short page alone: no walls to find)
        return Judged(judge_layout(lines, chrome_walls(view.verdicts), closing_headings(view.verdicts),
                                   chrome_walls(view.verdicts, (RELATED,)), len(view.verdicts),
                                   trailer_walls(view.verdicts), view.title, dated_headline(lines, view),
                                   chrome_walls(view.verdicts, (PAGER,)), chrome_walls(view.verdicts, (NAV, LINKS)),
                                   under_last(view.verdicts, COPYRIGHT), chrome_walls(view.verdicts, (CRUMBS,))))
