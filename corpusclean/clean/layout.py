"""Page layout of plain text: the article body found by its shape, the menus and lists around it removed.

A whole-page text dump is a headline, a byline, a body of prose, and around them menus one item per
line, headline lists, link rows, comments and footers. Each line has a shape (line_shapes.py) and a value
from it and its neighbourhood: positive for text, negative for list-shaped lines, more negative the
longer their run and the more list-shaped lines stand around them; text among list-shaped lines counts
less, a teaser's one-line summary much less; a separator the page repeats costs nothing. The runs of
lines with a positive sum are the page's stretches of text (every maximal-sum run, as the HTML extractor
finds blocks).

Precision of the article comes first, so the body is wide wherever the evidence for a cut is weak:
- it spans from the first to the last stretch worth at least BODY_SHARE of the best one: a page whose
  text is split by a list, a table or a thread's post headers keeps all of it;
- a stretch near a run of records (posts or products each closed by a line the page repeats: "Reply",
  "Buy Now") takes the whole run: a thread's replies are its text, and so are comments;
- above the body, the head is kept back to the headline the metadata stage found, else to the last run
  of menu items;
- below the body, everything is kept down to the first line after one an earlier stage removed as page
  chrome or metadata (a share bar, a "Related" label, an editor line), or to the first run of menu items
  or of headlines.
Everything else is removed, with the reason its shape gives. A page whose best stretch holds little text
is left alone. The stage judges what it keeps again until nothing more goes, so that cleaning its output
removes nothing.
"""

from __future__ import annotations

from typing import Mapping

from corpusclean.clean.line_shapes import (
    CLAUSE, DATED, DIGIT, FIGURES, HEADLINE, ITEM, NOTICE, OPEN, PROSE, REPEAT, ROW, TEASER, TEXT, Shape,
    line_shapes, separators_marked, separator_key,
)
from corpusclean.document import DocView, Judged, Verdict
from corpusclean.pipeline import LineStage

MENU = "layout.menu"
HEADLINE_LIST = "layout.headline_list"
OUTSIDE = "layout.outside_body"
REASONS = (MENU, HEADLINE_LIST, OUTSIDE)

LISTLIKE = frozenset({HEADLINE, ITEM, ROW, TEASER, DATED})
MENU_LIKE = frozenset({ITEM, ROW, TEASER, DATED})     # a run of these ends the head and the tail
PASSED = frozenset({CLAUSE, REPEAT})    # a short question or verse, a separator: neither start nor break a run
BASE_COST = {HEADLINE: 2.0, ITEM: 2.0, ROW: 4.0, TEASER: 4.0, FIGURES: 0.5, DATED: 2.0, CLAUSE: 1.0, NOTICE: 2.0}
RAMP = 3.0                # the k-th list-shaped line in a row costs (1 + (k - 1) / RAMP) times its base cost
WINDOW = 4                # lines on each side that tell whether a line stands among text or among lists
LIST_DENSITY_COST = 3.0   # a list-shaped line among list-shaped lines costs up to 1 + this times more
LIST_DENSITY_DAMP = 0.6   # text among list-shaped lines loses up to this share of its value
OPEN_WEIGHT = 0.3         # text without an end mark counts this much per unit
SUMMARY_WEIGHT = 0.2      # a teaser's one-line summary counts this share of its value
TITLES = frozenset({HEADLINE, TEASER, FIGURES})
MIN_TEASERS = 3           # lone text lines under headlines, each this close to the next, that make a teaser list
TEASER_PERIOD = 6

MIN_BODY_SCORE = 60       # less than this in the best stretch: no body found, the page is left alone
BODY_SHARE = 0.3          # a stretch worth this share of the best one belongs to the body
MENU_RUN = 3              # menu-shaped lines in a row that end the head going up and the tail going down
HEADLINE_RUN = 4          # list-shaped lines in a row that end the tail going down
RECORD_PERIOD = 20        # a separator repeated at most this many lines apart, three times or more: records
RECORD_REACH = 6          # a stretch this close to a run of records takes it
WALL_PREFIXES = ("boilerplate.", "sidebar.", "meta.")   # chrome and metadata reasons of earlier stages
MAX_PASSES = 4            # judging the kept lines again settles in one or two passes


def own_value(line_shape: Shape, beside_text: bool) -> float:
    """A line's value by its kind; a short punctuated line counts as text only beside text."""
    kind, units, punctuation = line_shape
    if kind == PROSE:
        return units * (1.0 + min(punctuation, 4) * 0.1)
    if kind == CLAUSE and beside_text:
        return units * 0.5
    if kind == OPEN:
        return units * OPEN_WEIGHT
    if kind == REPEAT:
        return 0.0
    return -BASE_COST[kind]


def line_values(shapes: list[Shape], summaries: set[int]) -> list[float]:
    """Each line's value, weighed by its neighbourhood: a list-shaped line among others (a menu, a headline
    list) costs more than one among text (a subheading, a caption), and more the longer their run; text
    among list-shaped lines counts less than text among text, a teaser's summary less still. A repeated
    separator neither costs nor breaks a run."""
    kinds = [item.kind for item in shapes]
    listlike = [0] * (len(kinds) + 1)       # prefix sums of list-shaped lines
    for index, kind in enumerate(kinds):
        listlike[index + 1] = listlike[index] + (kind in LISTLIKE)
    values, run = [], 0
    for index, item in enumerate(shapes):
        if item.kind == REPEAT:
            values.append(0.0)
            continue
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
            weight = SUMMARY_WEIGHT if index in summaries else 1.0
            values.append(value * (1.0 - LIST_DENSITY_DAMP * density) * weight)
    return values


def teaser_summaries(kinds: list[int]) -> set[int]:
    """The summaries of a teaser list: text lines that each stand alone under a title (a headline-shaped
    line among the lines since the text before), at least MIN_TEASERS of them each at most TEASER_PERIOD
    lines from the next. An article's sections hold more than one paragraph under a subheading; a forum
    post stands under a name and a date, not under a title."""
    shown = [index for index, kind in enumerate(kinds) if kind != REPEAT]    # separators looked through
    lone, titled = [], False
    for k, index in enumerate(shown):
        if kinds[index] in TEXT:
            alone = (k == 0 or kinds[shown[k - 1]] not in TEXT) and (k + 1 == len(shown) or kinds[shown[k + 1]] not in TEXT)
            if alone and titled:
                lone.append(index)
            titled = False
        elif kinds[index] in TITLES:
            titled = True
    return set().union(*(chain for chain in _chains(lone, TEASER_PERIOD) if len(chain) >= MIN_TEASERS))


def _chains(positions: list[int], reach: int) -> list[list[int]]:
    """Positions split where two in a row are more than reach apart."""
    chains: list[list[int]] = []
    for position in positions:
        if chains and position - chains[-1][-1] <= reach:
            chains[-1].append(position)
        else:
            chains.append([position])
    return chains


def stretches(values: list[float]) -> list[tuple[int, int, float]]:
    """Every maximal-sum run of lines [start, end) with its sum, in page order (Ruzzo and Tompa's linear
    algorithm: a run is maximal when no run containing it has a larger sum)."""
    found: list[list[float]] = []   # [start, end, sum of values before start, sum of values up to end]
    total = 0.0
    for index, value in enumerate(values):
        if value <= 0:
            total += value
            continue
        run = [index, index + 1, total, total + value]
        total += value
        while True:
            j = len(found) - 1
            while j >= 0 and found[j][2] >= run[2]:
                j -= 1
            if j < 0 or found[j][3] >= run[3]:
                found.append(run)
                break
            run = [found[j][0], run[1], found[j][2], run[3]]
            del found[j:]
    return [(int(start), int(end), after - before) for start, end, before, after in found]


def record_runs(lines: list[str], shapes: list[Shape]) -> list[tuple[int, int]]:
    """Runs of records [start, end): from the first to the last of a separator repeated at most
    RECORD_PERIOD lines apart, three times or more. Only separators without figures count: a date
    repeated under every teaser of a list makes no records."""
    positions: dict[str, list[int]] = {}
    for index, (line, item) in enumerate(zip(lines, shapes)):
        if item.kind == REPEAT and DIGIT.search(line) is None:
            positions.setdefault(separator_key(line), []).append(index)
    runs = sorted((chain[0], chain[-1] + 1) for found in positions.values()
                  for chain in _chains(found, RECORD_PERIOD) if len(chain) >= 3)
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and start <= merged[-1][1]:
            start, previous_end = merged.pop()
            end = max(end, previous_end)
        merged.append((start, end))
    return merged


def body_span(lines: list[str], shapes: list[Shape], values: list[float]) -> tuple[int, int] | None:
    """[start, end) of the body: from the first to the last stretch worth BODY_SHARE of the best one, each
    widened to the runs of records near it; None when the best stretch holds too little text."""
    found = stretches(values)
    best = max((score for _, _, score in found), default=0.0)
    if best < MIN_BODY_SCORE:
        return None
    records = record_runs(lines, shapes)
    start, end = len(lines), 0
    for first, last, score in found:
        if score < BODY_SHARE * best:
            continue
        for record_start, record_end in records:
            if record_start - RECORD_REACH <= last and record_end >= first - RECORD_REACH:
                first, last = min(first, record_start), max(last, record_end)
        start, end = min(start, first), max(end, last)
    return start, end


def head_start(lines: list[str], shapes: list[Shape], start: int, title: str | None) -> int:
    """The first line of the article's head: the headline when the title names one above the body, else
    the line after the last run of MENU_RUN menu-shaped lines."""
    top, run, bottom = 0, 0, start
    for index in range(start - 1, -1, -1):
        kind = shapes[index].kind
        if kind in MENU_LIKE:
            run, bottom = run + 1, bottom if run else index
            if run >= MENU_RUN:
                top = bottom + 1
                break
        elif kind not in PASSED:
            run = 0
    if title:
        for index in range(start - 1, top - 1, -1):
            if _names_title(lines[index], title):
                return index
    return top


def _names_title(line: str, title: str) -> bool:
    return line == title or (len(line) >= 4 and (line in title or title in line))


def tail_end(shapes: list[Shape], end: int, walls: frozenset[int], summaries: set[int]) -> int:
    """One past the article's last line: the body, and below it every line down to the first that follows a
    removed chrome or metadata line, or the first run of MENU_RUN menu-shaped lines or of HEADLINE_RUN
    list-shaped lines (a teaser's summary is one), whichever comes first."""
    menu_run = list_run = 0
    menu_top = list_top = end
    for index in range(end, len(shapes)):
        kind = shapes[index].kind
        if index in walls:
            return index
        if kind in PASSED:
            continue
        listlike = kind in LISTLIKE or index in summaries
        menu_run, menu_top = (menu_run + 1, menu_top if menu_run else index) if kind in MENU_LIKE else (0, index)
        list_run, list_top = (list_run + 1, list_top if list_run else index) if listlike else (0, index)
        if menu_run >= MENU_RUN:
            return menu_top
        if list_run >= HEADLINE_RUN:
            return list_top
    return len(shapes)


def reason_of(kind: int) -> str:
    if kind in (ITEM, ROW):
        return MENU
    if kind in (HEADLINE, TEASER):
        return HEADLINE_LIST
    return OUTSIDE


def article_lines(lines: list[str], shapes: list[Shape], title: str | None, walls: frozenset[int]) -> range:
    """The lines of the article, head to tail; all of them when no body is found."""
    shapes = separators_marked(lines, shapes)
    summaries = teaser_summaries([item.kind for item in shapes])
    span = body_span(lines, shapes, line_values(shapes, summaries))
    if span is None:
        return range(len(lines))
    return range(head_start(lines, shapes, span[0], title), tail_end(shapes, span[1], walls, summaries))


def judge_layout(lines: list[str], title: str | None = None, walls: frozenset[int] = frozenset()) -> list[Verdict]:
    """One verdict per line: None for the article (head, body, tail), a reason for the lines around it.
    The article found is judged again (as a second run would, without the earlier stages' walls) until
    it holds."""
    shapes = line_shapes(lines)
    kept = list(range(len(lines)))
    for _ in range(MAX_PASSES):
        article = article_lines([lines[i] for i in kept], [shapes[i] for i in kept], title, walls)
        if len(article) == len(kept):
            break
        kept = kept[article.start:article.stop]
        walls = frozenset()
    inside = set(kept)
    return [None if index in inside else reason_of(item.kind) for index, item in enumerate(shapes)]


def chrome_walls(removed_above: Mapping[int, str]) -> frozenset[int]:
    """Positions of the lines that follow a line an earlier stage removed as page chrome or metadata."""
    return frozenset(index for index, reason in removed_above.items() if reason.startswith(WALL_PREFIXES))


class Layout(LineStage):
    """Line stage: the article body of a plain-text page found by its shape, the page around it removed.

    Menus, headline lists and the rest of the page around the body go. Pages extracted from HTML are left
    alone: their structure already chose the body."""

    name = "layout"
    reasons = REASONS

    def judge(self, lines: list[str], view: DocView) -> Judged:
        if view.format == "html":
            return Judged([None] * len(lines))
        return Judged(judge_layout(lines, view.title, chrome_walls(view.removed_above)))
