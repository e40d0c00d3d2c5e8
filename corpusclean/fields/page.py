"""Which lines of a page are its headline, dateline and bylines, and the fields they give.

A page is a headline, a byline and a dateline, a body of prose, and around them menus, lists and footers.
The publication date is the one printed by the headline, or on a labelled line after it; a date in the
navigation above the headline (a "today"), in a sentence, or in a list of other headlines is not. Authors
are named by the headline, on a labelled line, or in a closing byline of a paragraph; editors anywhere
after the headline. An HTML page says where its headline and body are (Layout); in a text the headline is
a headline-like line right above the dateline that stands nearest above the body (the first long run of
prose).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from corpusclean.clean.line_shapes import is_site_notice
from corpusclean.fields.dates import Stamp, find_dates, url_date, with_time_line
from corpusclean.fields.html import Tags
from corpusclean.fields.labels import (
    EN_BY_OPENING, MAX_PAIRED_LABEL_CHARS, NAME_REACH, REASON_OF_FIELD, is_outlet, lede_date, loose_dateline,
    WIRE_DATELINE, names_alone, names_of_tag, opens_with_label, paragraph_byline, read_label_pair, read_line, signs,
)
from corpusclean.fields.titles import (
    MAX_HAN_HEADLINE, can_be_headline, dek_like, has_title_separator, headline_of_title, site_names, split_at_line,
    split_site_title,
)
from corpusclean.memo import per_line
from corpusclean.text import (
    CJK_COMMAS, HAN_RE, SEMICOLONS, SUBTITLE, compiled_when_used, document_number, han_at_least, has_han,
)

HEAD_LINES = 8          # lines after the headline where the dateline and byline stand
TOP_LINES = 12          # where a text's headline is looked for when no dateline anchors it
ABOVE_DATELINE = 3      # the headline stands at most this many lines above the dateline
DEK_STEPS = 2           # a headline over its dek, over a caption under the dek
ITEM_MARKS = "·•|｜：[]()（）【】"     # a row of items or a label: no headline over a dek
MIN_WORDS_BEFORE_COLON = 3  # "Filed and Forgotten: ..." is a headline over a dek, "Project update: ..." a kicker
ABOVE_PROSE = 5         # or above the body, when no dateline is found
BEFORE_BODY = 20        # lines above a text's body where its dateline or byline is looked for
NOT_PROSE_COST = 20     # what a line that is not prose costs a run of prose, in characters
MIN_BODY_CHARS = 200    # a run of prose this long is an article's body
MIN_BODY_PARAGRAPHS = 2     # and of this many lines under a dateline (a teaser has one summary)
MIN_DAY_HEADLINE_HAN = 6     # a headline naming its day holds this many Han characters besides the date...
MIN_DAY_HEADLINE_WORDS = 3   # ... or this many words
MAX_NUMBER_LINE = 30    # a line of an official document's number ("临政办发〔2026〕37号") is no longer
BYLINE_PARAGRAPHS = 3   # first and last prose lines where a closing byline "（记者 X）" is looked for
MIN_PROSE_HAN = 15
MIN_PROSE_WORDS = 12
DATE_KEYS = frozenset({"created", "dated", "updated"})
MENU_WORDS = 4
MENU_WORD_CHARS = 4
# a line closed by a full stop after a word (not "D.C.", not "..."): a caption or a standfirst, no headline
PERIOD_END = re.compile(r"[a-z0-9%)]\.[\"”’]?\s*$")
# a picture's credit ("Photo by X/Getty Images", "Photograph: X", "Image credit: X") or a person's: no headline
_credit_opening = compiled_when_used(
    r"(?i)(?:photo(?:graph)?s?|images?|pictures?|illustrations?|video|credits?)(?:\s+credits?)?\s*(?:by\b|:|：)"
    # a person's credit over the article: "Medically reviewed by ...", "Co-authored by ...", "Fact checked by ..."
    r"|(?:medically\s+)?(?:reviewed|co-?authored|fact[- ]?checked|edited|translated|illustrated)\s+by\b"
)
# a picture's credit closing a caption ("... shows the bridge. UCG/Getty Images", "...Credit...Jane Doe/The Times")
_credit = compiled_when_used(r"Getty Images|Shutterstock|AP Photo|Credit\.\.\.|/(?:Reuters|AFP|AP|EPA)\b")
WORDED = re.compile(r"\w")
LATIN_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")     # asked of a line's last two characters but spaces
LIST_ITEM = re.compile(r"^(?:[*+•·▪■□◆◇>»›-]|\d{1,3}[.、])\s")
CLOSING_PARENTHESIS = re.compile(r"\s*[（(][^（）()]*[）)]$")
BREADCRUMB = re.compile(r"\s[>»›/]\s|\s?[>»›]\s?\S+\s?[>»›]")


@dataclass
class Layout:
    """What an HTML page says of its lines: where its extraction found the headline and the body (line
    indices; end exclusive), and its own title (<title> or og:title)."""

    headline: int | None = None
    body_start: int | None = None
    body_end: int | None = None
    title: str | None = None


@dataclass
class LineFields:
    """What the lines of a page say, before the tags of an HTML page are weighed against it."""

    title: str | None = None
    guessed: bool = False            # the title is the top's first headline-like line, for want of a sign
    dateline: Stamp | None = None    # printed by the headline
    labelled: Stamp | None = None    # on a labelled line after the headline
    bare: Stamp | None = None        # on a line of a date alone after the headline
    lede: Stamp | None = None        # opening the body's first paragraph: "Aug. 8, 2023 -- Many ..."
    updated: Stamp | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    publisher: str | None = None
    site_names: list[str] = field(default_factory=list)   # from a page title line "标题_网站"


@dataclass
class Fields:
    title: str | None = None
    created: Stamp | None = None
    author: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()
    publisher: str | None = None


@per_line   # asked of the same lines several times by the metadata stage, and again by the edges stage
def is_prose(line: str) -> bool:
    """A line of article text: sentences, not a label, a menu or a headline (which may end with ？ or ！)."""
    if has_han(line):
        sentences = ("。" in line or line.rstrip().endswith(tuple(SEMICOLONS))
                     or (len(line) > MAX_HAN_HEADLINE and any(comma in line for comma in CJK_COMMAS)))
        return sentences and han_at_least(MIN_PROSE_HAN).match(line) is not None
    return (LATIN_SENTENCE_END.search(line.rstrip()[-2:]) is not None
            and len(line.split(None, MIN_PROSE_WORDS)) >= MIN_PROSE_WORDS)


@per_line   # asked of a page's top lines by the metadata stage and again by the edges stage
def _headline_like(line: str) -> bool:
    """A line that can be a text's headline: short, no sentences, no list item, no breadcrumb, no date (an
    item of a list of headlines carries its date), and no line that opens what follows it (a notice's
    salutation "各有关单位：", a label)."""
    if not can_be_headline(line) or is_prose(line) or line.rstrip().endswith(("：", ":")):
        return False
    if find_dates(line) or _shaped_otherwise(line):
        return False
    if has_han(line):
        # nor a sentence, nor a wire service's dateline over the lede ("新华社北京5月20日电（记者 赵刚）")
        return (len(line.replace(" ", "")) >= 6 and not line.rstrip().endswith("。")
                and WIRE_DATELINE.search(CLOSING_PARENTHESIS.sub("", line.rstrip())) is None)
    return (len(line.split()) >= 4 and PERIOD_END.search(line) is None and _credit_opening().match(line) is None
            and _credit().search(line) is None and EN_BY_OPENING.match(line) is None)


def _names_its_day(line: str) -> bool:
    """Whether a line holding one date, right over a dateline, is a headline naming its day ("Weekly Fishing
    Report: April 9, 2026", "2026年4月9日全市重点工作安排"): headline-like but for the date, with words of its own
    beside it (a day with its weekday, "2026年4月9日 星期四", has none)."""
    dates = find_dates(line)
    if len(dates) != 1 or not can_be_headline(line) or is_prose(line) or _shaped_otherwise(line):
        return False
    words = line[:dates[0].start] + " " + line[dates[0].end:]
    if has_han(words):
        return len(HAN_RE.findall(words)) >= MIN_DAY_HEADLINE_HAN
    return len(words.split()) >= MIN_DAY_HEADLINE_WORDS


def _shaped_otherwise(line: str) -> bool:
    """Whether a line is a list item, a breadcrumb, a row of menu items or a label ("发布时间：10-08 12:00", whose
    date has no year): no headline, whatever its words."""
    return bool(LIST_ITEM.match(line) or BREADCRUMB.search(line) or _is_menu_row(line) or opens_with_label(line))


def _is_menu_row(line: str) -> bool:
    """A row of short Chinese link labels: "新闻 体育 财经 科技 汽车"."""
    words = line.split()
    return has_han(line) and len(words) >= MENU_WORDS and max(map(len, words)) <= MENU_WORD_CHARS


def read_lines(lines: list[str], layout: Layout | None = None,
               is_chrome: Callable[[str], bool] | None = None) -> tuple[LineFields, list[str | None]]:
    """The fields the lines give, and one verdict per line: the reason a metadata line is removed
    (meta.date, meta.source, meta.author, meta.editor, meta.label, meta.title), None for other lines.
    ``is_chrome`` tells a navigation line, which is never the headline of a text."""
    layout = layout or Layout()
    parsed = list(map(read_line, lines))
    for index in range(len(lines) - 1):
        # (the label's length first: nearly every line is too long to be one, and a call costs more than that)
        if (parsed[index] is None and len(lines[index]) <= MAX_PAIRED_LABEL_CHARS and parsed[index + 1] is None):
            pair = read_label_pair(lines[index], lines[index + 1])
            if pair is not None:
                parsed[index], parsed[index + 1] = {}, pair
    _with_time_lines(lines, parsed)
    verdicts: list[str | None] = [
        None if fields is None else REASON_OF_FIELD[next(iter(fields))] if fields else "meta.label"
        for fields in parsed
    ]
    _keep_signature_dates(lines, parsed, verdicts)
    found = LineFields()
    head, start, body_start = _place(lines, parsed, verdicts, found, layout, is_chrome)
    _fill(found, lines, parsed, head, range(start, len(lines)), layout, body_start)
    return found, verdicts


def _with_time_lines(lines: list[str], parsed: list[dict | None]) -> None:
    """A day alone on its line and its time alone on the next ("Nov. 19, 2019" / "5:50 PM"): both lines are the
    dateline, with the time."""
    for index in range(len(lines) - 1):
        fields = parsed[index]
        if fields and list(fields) == ["dated"] and fields["dated"].precision == "day" and parsed[index + 1] is None:
            stamp = with_time_line(fields["dated"], lines[index + 1])
            if stamp is not None:
                parsed[index] = parsed[index + 1] = {"dated": stamp}


def _keep_signature_dates(lines: list[str], parsed: list[dict | None], verdicts: list[str | None]) -> None:
    """Keep a notice's or a letter's signature date (_signature_date), part of its text. The date still fills
    a field where its place says so."""
    for index in range(2, len(lines)):
        if (verdicts[index] == "meta.date" and list(parsed[index] or ()) == ["dated"]
                and parsed[index - 1] is None and _signature_date(lines, index)):
            verdicts[index] = None


def _signature_date(lines: list[str], index: int) -> bool:
    """Whether line `index` (a date alone on its line) stands under an organisation's name alone on its line,
    below a paragraph: a notice's or a letter's signature ("省经济和信息化厅" / "2026年4月29日"), which signs
    the text above it and is no dateline under a headline."""
    return index >= 2 and signs(lines[index - 1]) and any(is_prose(line) for line in lines[:index - 1])


def placed_verdicts(lines: list[str], is_chrome: Callable[[str], bool] | None = None) -> list[str | None]:
    """The verdicts read_lines gives a text none of whose lines is a metadata line by its own words (a
    cleaned text): those of the lines that are metadata by their place, a dateline under the headline and
    a page title line "标题_网站" above it."""
    parsed: list[dict | None] = [None] * len(lines)
    verdicts: list[str | None] = [None] * len(lines)
    if _may_place(lines):
        _place(lines, parsed, verdicts, LineFields(), Layout(), is_chrome)
    return verdicts


def _may_place(lines: list[str]) -> bool:
    """Whether _place can find a metadata line in a text none of whose lines is one by its own words: only
    when a top line may be a page title that names a later line, or a line that is not prose is a loose
    dateline (the lines it takes as datelines stand above the first prose line under the headline). Nearly
    every cleaned text has neither, and this costs a fraction of finding its headline."""
    for index in range(min(len(lines), TOP_LINES)):     # (loops: a generator in any() costs more than the test)
        if _may_name_a_later_line(lines, index):
            return True
    for line in lines:
        if loose_dateline(line) is not None and not is_prose(line):
            return True
    return False


def _place(lines: list[str], parsed: list[dict | None], verdicts: list[str | None], found: LineFields,
           layout: Layout, is_chrome: Callable[[str], bool] | None) -> tuple[range, int, int]:
    """The headline (found.title), the datelines under it (parsed and given their verdict), and where
    they are: (the head's lines, the first line after the headline, the first line of the body)."""
    headline = layout.headline
    if headline is None:
        headline = _text_headline(lines, parsed, verdicts, found, is_chrome or (lambda line: False))
        if headline is not None and layout.body_start is not None and not _agrees(lines[headline], layout, headline):
            headline = None
        if headline is not None:
            split = split_site_title(lines[headline])
            named = split is not None and _names_on_page(split, lines)
            found.title = split[0] if named else lines[headline]  # type: ignore[index]
    else:
        found.title = lines[headline]
    if headline is not None:
        start = headline + 1
    else:   # an HTML page's body without a headline (its dateline opens it: a post's header), or a text
        start = layout.body_start if layout.body_start is not None else 0
    first_prose = next((i for i in range(start, len(lines)) if is_prose(lines[i])), len(lines))
    anchored = headline is not None or layout.body_start is not None
    head = range(start, min(first_prose, start + HEAD_LINES)) if anchored else range(0)
    body_start = layout.body_start if layout.body_start is not None else first_prose
    for index in head:
        loose = loose_dateline(lines[index]) if parsed[index] is None else None
        if loose is not None:
            parsed[index], verdicts[index] = {"dated": loose}, "meta.date"
    return head, start, body_start


def _agrees(line: str, layout: Layout, index: int) -> bool:
    """Whether a text headline can be an HTML page's: near its body, and the headline of its title (its
    opening, or the part left without site names) or a line that holds the whole title."""
    if not layout.body_start - BEFORE_BODY <= index <= layout.body_start + HEAD_LINES:  # type: ignore[operator]
        return False
    title = " ".join((layout.title or "").split())
    line = " ".join(line.split())
    return not title or (len(line) >= 4 and (title.startswith(line) or title in line
                                             or line == headline_of_title(title)))


def _fill(found: LineFields, lines: list[str], parsed: list[dict | None], head: range, after: range,
          layout: Layout, body_start: int) -> None:
    head_fields = [parsed[i] for i in head if parsed[i]]
    after_fields = [parsed[i] for i in after if parsed[i]]
    found.dateline = _first(head_fields, "created", "dated")
    # a labelled date above a headline found in the wrong place is still the page's
    found.labelled = _first(after_fields, "created") or _first([fields for fields in parsed if fields], "created")
    found.bare = _first(after_fields, "dated")
    if body_start < len(lines) and parsed[body_start] is None:
        found.lede = lede_date(lines[body_start])
    found.updated = _first(after_fields, "updated")
    found.publisher = _first(head_fields, "publisher") or _first(after_fields, "publisher")
    found.authors = _first(head_fields, "author") or _first(after_fields, "author") or ()
    if not found.authors:
        found.authors = _closing_byline(lines, parsed, body_start, layout.body_end)
    every_field = [fields for fields in parsed if fields]
    found.editors = _every(after_fields, "editor") or _every(every_field, "editor")
    # a labelled byline above a headline found in the wrong place is still the page's
    found.authors = found.authors or _first(every_field, "author") or ()


def _every(fields_list: list, key: str) -> tuple[str, ...]:
    """The names of every line that gives them (an editor, then a proofreading editor...), once each."""
    return tuple(dict.fromkeys(name for fields in fields_list for name in fields.get(key, ())))


def _first(fields_list: list, *keys: str):
    for fields in fields_list:
        for key in keys:
            if key in fields:
                return fields[key]
    return None


def _closing_byline(lines: list[str], parsed: list[dict | None], body_start: int, body_end: int | None) -> tuple[str, ...]:
    """The reporters of a parenthetical byline in the first or last paragraphs: "（记者 张三）"."""
    prose = [i for i in range(body_start, body_end if body_end is not None else len(lines))
             if parsed[i] is None and is_prose(lines[i])]
    for index in prose[:BYLINE_PARAGRAPHS] + prose[-BYLINE_PARAGRAPHS:]:
        names = paragraph_byline(lines[index])
        if names:
            return names
    return ()


def prose_run(lines: list[str], is_chrome: Callable[[str], bool] | None = None) -> tuple[int, int] | None:
    """(start, end) of the article's body in a text: the first run of prose lines long enough to be one
    (teasers in a menu are not), else the densest, a site's prose (`is_chrome`: a disclaimer at the foot) not
    counted. Each prose line counts its length, each other line (a subheading, a caption, a share bar, a
    cookie banner's sentences) costs a short sentence."""
    span, first_long = _prose_run(lines)
    if first_long or is_chrome is None:
        return span
    return _prose_run(lines, is_chrome)[0]     # (asked only here: telling chrome costs more than all the rest)


def _prose_run(lines: list[str], is_chrome: Callable[[str], bool] = lambda line: False
               ) -> tuple[tuple[int, int] | None, bool]:
    """prose_run's run, and whether it is the first one long enough to be a body."""
    best, best_span = 0.0, None
    score, start = 0.0, 0
    for index, line in enumerate(lines):
        if score <= 0:
            score, start = 0.0, index
        if is_prose(line) and not is_site_notice(line) and not is_chrome(line):
            score += len(line)
        else:
            if best_span is not None and best_span[0] == start and best >= MIN_BODY_CHARS:
                return best_span, True     # the first long run ends here, or goes on after this line
            score -= NOT_PROSE_COST
        if score > best:
            best, best_span = score, (start, index + 1)
    return best_span, False


def _text_headline(lines: list[str], parsed: list[dict | None], verdicts: list[str | None], found: LineFields,
                   is_chrome: Callable[[str], bool]) -> int | None:
    """The index of a text's headline: the line a page title "标题_网站" names; else a headline-like line
    right above a dateline above the body (lines without a word, a share bar's empty items, not counted) or
    above a standfirst (the body's first line) over its dated byline, the nearest that has one (a comment form
    or a list of the most read may stand between the byline and the date), or else above a byline, the
    nearest that has one, or above a dateline with a source or an author farther up (a notice's tables of data
    under it); else one right above the body; else the first headline-like line of the top, a
    guess (found.guessed: a site's name or a menu as often as the headline). A byline without "By" right under
    a headline is no headline."""
    longest: int | None
    top = min(len(lines), TOP_LINES)
    for index in range(top):
        if parsed[index] is not None or not _may_name_a_later_line(lines, index):
            continue    # nearly all lines: no need to split them
        line, later = lines[index], lines[index + 1:]
        split = split_at_line(line, later) or split_site_title(line)
        if split and split[0] in later:
            verdicts[index] = "meta.title"
            found.site_names = split[1]
            return lines.index(split[0], index + 1)

    def headline_like(index: int) -> bool:
        return parsed[index] is None and _headline_like(lines[index]) and not is_chrome(lines[index])

    def over_byline(index: int) -> int:
        """The headline over a byline without "By" ("Jane Doe, Staff Writer"): the nearest headline-like line
        at most NAME_REACH lines above it; the line itself when none stands there ("Jane Austen Returns")."""
        if not names_alone(lines[index]):
            return index
        return next((i for i in range(index - 1, max(-1, index - 1 - NAME_REACH), -1) if headline_like(i)), index)

    body = prose_run(lines, is_chrome)
    if body is not None:
        above_body = range(body[0] - 1, max(-1, body[0] - 1 - BEFORE_BODY), -1)
        # a byline may follow a subtitle; the headline stands above the date
        dated = [i for i in above_body if (not DATE_KEYS.isdisjoint(parsed[i] or ()) or loose_dateline(lines[i]))
                 and not _signature_date(lines, i)]
        if _dated_byline(parsed, body[0] + 1):     # the body opens with a standfirst, the byline under it
            dated.insert(0, body[0] + 1)
        signed = [i for i in above_body if parsed[i] and i not in dated]
        # an official document's headline stands over its number ("临政办发〔2026〕37号")
        numbered = [i for i in above_body if len(lines[i]) <= MAX_NUMBER_LINE and "号" in lines[i]
                    and document_number().search(lines[i])]
        # a dateline with its source or author farther up: a notice may open with tables of its data, no prose
        far = [i for i in range(body[0] - 1 - BEFORE_BODY, max(-1, body[0] - 1 - 2 * BEFORE_BODY), -1)
               if not DATE_KEYS.isdisjoint(parsed[i] or ()) and len(parsed[i]) > 1]  # type: ignore[arg-type]
        for anchor in dated + numbered + signed + far:  # the nearest date first, a document's number, a byline
            above = _worded_above(lines, anchor, ABOVE_DATELINE)
            near = [i for i in above if headline_like(i)][::-1]
            if near:    # the line right above the date, unless it is a byline ("张三/某某日报") under it
                nearest, longest = near[-1], max(near, key=lambda i: len(lines[i]))
                chosen = nearest if len(lines[nearest]) * 2 >= len(lines[longest]) else longest
                found_line = over_byline(_over_its_dek(lines, chosen, headline_like))
                # a subtitle stands under its headline, right over the dateline
                subtitled = SUBTITLE.match(lines[found_line]) and found_line - 1 in near
                return found_line - 1 if subtitled else found_line
            if (anchor in dated and above and parsed[above[0]] is None and not is_chrome(lines[above[0]])
                    and _names_its_day(lines[above[0]])):
                return above[0]     # "Weekly Fishing Report: April 9, 2026" over "Published April 9, 2026"
        # the longest: a subtitle may stand between the headline and the body (asked longest first)
        near = sorted(list(above_body)[:ABOVE_PROSE], key=lambda i: (len(lines[i]), i), reverse=True)
        longest = next((i for i in near if headline_like(i)), None)
        if longest is not None:
            # (a Chinese headline holds commas as often as a dek does: with no dateline under it, no dek is told)
            return over_byline(longest if has_han(lines[longest]) else _over_its_dek(lines, longest, headline_like))
    dated_body = _over_a_dated_body(lines, parsed, headline_like)
    if dated_body is not None:
        return dated_body
    found.guessed = True
    return next((i for i in range(top) if headline_like(i)), None)


def _over_its_dek(lines: list[str], index: int, headline_like: Callable[[int], bool]) -> int:
    """The headline over its dek: while line `index` reads as a dek (dek_like), the next worded line above it if
    that one is headline-like and shaped as a headline over it (_shaped_over), up to DEK_STEPS lines up (a
    caption under the dek reads as one too); `index` otherwise ("Chile's copper output falls 6% ..." over
    "Drought forces operators to slow ..." over the byline)."""
    for _ in range(DEK_STEPS):
        above = _worded_above(lines, index, 1)
        if not (above and dek_like(lines[index]) and headline_like(above[0])
                and _shaped_over(lines[above[0]], lines[index])):
            break
        index = above[0]
    return index


def _shaped_over(headline: str, dek: str) -> bool:
    """Whether a line is shaped as the headline of the dek under it: shorter, half as long at least, no row of items
    or label (ITEM_MARKS, a Chinese line of more than two parts, a short English kicker before a colon)."""
    if not len(dek) > len(headline) >= len(dek) / 2 or any(mark in headline for mark in ITEM_MARKS):
        return False
    if has_han(headline):
        return headline.strip().count(" ") <= 1
    return ":" not in headline or len(headline.split(":")[0].split()) >= MIN_WORDS_BEFORE_COLON


def _dated_byline(parsed: list[dict | None], index: int) -> bool:
    """Whether the line at `index` is a byline with its date ("By Jane Doe · Updated 1:52 PM, March 17")."""
    fields = parsed[index] if index < len(parsed) else None
    return bool(fields) and "author" in fields and not DATE_KEYS.isdisjoint(fields)  # type: ignore[operator, arg-type]


def _over_a_dated_body(lines: list[str], parsed: list[dict | None], headline_like: Callable[[int], bool]) -> int | None:
    """The headline of an article that stands under other text (teasers with their summaries glued on make the
    page's first run of prose): the first headline-like line right over a dateline over paragraphs worth a body,
    two at least (a teaser's title and date stand over one summary; a tags row or a share bar, ABOVE_DATELINE
    lines at most, may stand between the dateline and the paragraphs)."""
    for index in range(1, len(lines) - 1):
        if not DATE_KEYS.isdisjoint(parsed[index] or ()) or (parsed[index] is None and loose_dateline(lines[index])):
            if headline_like(index - 1) and _under_a_body(lines, index + 1):
                return index - 1
    return None


def _under_a_body(lines: list[str], start: int) -> bool:
    """Whether a run of MIN_BODY_PARAGRAPHS prose lines or more, MIN_BODY_CHARS long, starts at most
    ABOVE_DATELINE lines after line `start`."""
    first = next((i for i in range(start, min(len(lines), start + ABOVE_DATELINE + 1)) if is_prose(lines[i])), None)
    run = list(itertools.takewhile(is_prose, lines[first:])) if first is not None else []
    return len(run) >= MIN_BODY_PARAGRAPHS and sum(map(len, run)) >= MIN_BODY_CHARS


def _names_on_page(split: tuple[str, list[str]], lines: list[str]) -> bool:
    """Whether the site names split_site_title found around a headline (split: the headline and the names)
    stand in other lines of the page too, without the headline (its masthead, its copyright line): a
    headline's own second part after a dash ("X — And They're Not Great") stands nowhere else."""
    headline, names = split
    others = [line for line in lines if headline not in line]
    return all(any(name.strip() in line for line in others) for name in names)


def _worded_above(lines: list[str], index: int, count: int) -> list[int]:
    """The `count` nearest lines above line `index` that hold a word or a figure, nearest first: the empty items
    of a share bar ("*" alone) stand between a headline and its byline in a dump."""
    found: list[int] = []
    for above in range(index - 1, -1, -1):
        if len(found) == count:
            break
        if WORDED.search(lines[above]):
            found.append(above)
    return found


def _may_name_a_later_line(lines: list[str], index: int) -> bool:
    """Whether the line may be a page title "标题_网站" whose headline is one of the later lines."""
    line = lines[index]
    return has_title_separator(line) and _may_open_with_one_of(line, lines[index + 1:])


def _may_open_with_one_of(line: str, later: list[str]) -> bool:
    """Whether the headline split_site_title may find in the line can be one of the later lines. That
    headline is the line's first part: the line starts with it, unless a separator opens the line."""
    if line[:1].isspace() or line[:1] in "_｜|":
        return any(other in line for other in later)
    return line.startswith(tuple(later)) or any(other in line for other in later[:TOP_LINES])


def _is_site(name: str, sites: list[str]) -> bool:
    """Whether a name is the site's or the outlet's ("远帆" of a page titled "…_远帆财经")."""
    folded = name.casefold()
    for site in sites:
        other = site.casefold().strip()
        if len(other) >= 2 and (folded == other or folded in other or other in folded):
            return True
    return is_outlet(name)


def _weighed(printed: Stamp | None, stated: Stamp | None) -> Stamp | None:
    """The printed date, with what a tag states about the same moment: the time of a printed day, the
    zone of a printed time. A tag that names another day does not override the page's own words."""
    if printed is None or stated is None or printed.day_of != stated.day_of:
        return printed
    if printed.precision == "day":
        return stated
    if (printed.hour, printed.minute) == (stated.hour, stated.minute) and printed.timezone is None:
        return replace(printed, timezone=stated.timezone)
    return printed


def choose(found: LineFields, tags: Tags | None = None, url: str | None = None) -> Fields:
    """The page's fields: what its lines print beside the headline first, then what its tags state, then
    labelled lines elsewhere, the date opening the body, the URL's date, a bare date line, a date of change."""
    tags = tags or Tags()
    sites = [name for name in (found.publisher, *found.site_names, *tags.site_names, *site_names(tags.title)) if name]
    created = (_weighed(found.dateline, tags.published) or tags.published or found.labelled or found.lede
               or url_date(url or tags.url) or found.bare or found.updated or tags.modified)
    authors = tuple(name for name in found.authors if not _is_site(name, sites))
    if not authors:
        for value in tags.authors:
            authors = tuple(name for name in names_of_tag(value) if not _is_site(name, sites))
            if authors:
                break
    # a guessed title is written by no text page; an HTML page's is weighed against its tags (html_title)
    title = (" ".join(found.title.split())  # type: ignore[union-attr]
             if can_be_headline(found.title) and not found.guessed else None)
    return Fields(title, created, authors, found.editors, found.publisher or next(iter(tags.site_names), None))


def html_title(headline: str | None, tags: Tags, lines: list[str]) -> str | None:
    """An HTML page's title: its headline line, else its og:title (or <title>) without site names: the
    part that is one of the page's lines, or the part left when the short site names are cut."""
    if headline and can_be_headline(headline):
        return " ".join(headline.split())
    return headline_of_title(tags.og_title, lines) or headline_of_title(tags.title, lines)


def join_names(names: tuple[str, ...]) -> str | None:
    """Names as one metadata value: "张三、李四" (Chinese names), "Jane Doe, Tom Lee"; None for none."""
    if not names:
        return None
    return ("、" if all(has_han(name) for name in names) else ", ").join(names)


def record_values(fields: Fields) -> dict:
    """The fields as record values: ``created`` in its one shape with its precision and zone, names
    joined, None for what was not found."""
    created = fields.created
    return {
        "title": fields.title,
        "created": created.created if created else None,
        "created_precision": created.precision if created else None,
        "created_timezone": created.timezone if created else None,
        "author": join_names(fields.author),
        "editor": join_names(fields.editor),
        "publisher": fields.publisher,
    }
