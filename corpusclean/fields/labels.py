"""Metadata lines, bylines and the names in them.

A metadata line is short and made only of label/value pairs and dates ("2020-11-09 08:53:19 来源：X",
"Editor in charge: Y", "本报记者 张三 通讯员 李四", "By A and B"); its values fill the fields. A sentence
that merely mentions a date, a source or a reporter is not such a line. The labels and byline words are
in rules/metadata_labels.txt and rules/bylines_zh.txt; what is not a person's name in rules/not_names.txt.

``read_line`` gives a line's fields as a dict: ``created`` (a labelled date, or a date beside labelled
values), ``dated`` (a line of a date alone) and ``updated`` (a date of change), all Stamps; ``publisher``
(a string), ``author`` and ``editor`` (tuples of names). An empty dict is a line of labels with nothing
worth keeping (an empty 责任编辑：, a view count); None is any other line.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

from corpusclean.fields.dates import EN_WEEKDAY, WEEKDAY, Stamp, find_dates
from corpusclean.fields.titles import MAX_HAN_HEADLINE
from corpusclean.memo import per_line
from corpusclean.normalize.lang import ENGLISH_STOPWORDS
from corpusclean.rules import rule_sections
from corpusclean.text import HAN_CLASS, HAN_RE, compiled_when_used, has_han, without_bullet

FIELD_OF_SECTION = {"source": "publisher", "author": "author", "editor": "editor", "date": "created",
                    "updated": "updated", "noise": None, "catalogue": "catalogue"}
BYLINE_SECTIONS = ("author", "editor", "titles", "credit")
REASON_OF_FIELD = {"created": "meta.date", "dated": "meta.date", "updated": "meta.date", "publisher": "meta.source",
                   "author": "meta.author", "editor": "meta.editor"}

PAIRED_FIELDS = ("publisher", "created", "updated", "catalogue")   # read_label_pair
MAX_PAIRED_LABEL_CHARS = 12     # a label alone on its line, spaces and colon included ("发 布 时 间 ：")
MIN_SIGNATURE_CHARS = 3  # an organisation's name signing a notice: "某某局" at least...
MAX_SIGNATURE_CHARS = 30  # ...a long one ("中共某某市委全面深化改革委员会办公室") at most
MAX_ROLE_CHARS = 8  # "招标代理机构" before the name of the organisation that signs
MAX_LINE_CHARS = 160
MAX_HAN_VALUE = 30
MAX_LATIN_VALUE = 60
MAX_HAN_NAME = 10       # a pen name is longer than a real name, never longer than this
MAX_LATIN_NAME_WORDS = 6

ACRONYM = re.compile(r"[A-Z]{2,5}")     # one word in capitals after a byline's names: an outlet (AP, WKXT), no one
SENTENCE_PUNCT = re.compile(r"[。！？；!?;]|\.$|\.\s")
# a catalogue's value may list its classes with semicolons ("分类：城乡建设、环境保护；通知")
CATALOGUE_PUNCT = re.compile(r"[。！？!?]|\.$|\.\s")
SEPARATORS = " \t|｜丨/·•-–—,，、"
DATE_TRAILERS = " \t|｜丨/·•】]）)"      # a date followed by a comma is the start of a sentence
BRACKETS = "【】[]（）()"
# a row of two groups or more in 【】 ("【纠错】 【责任编辑：王晓晴】"): each group read on its own
BRACKET_GROUPS = re.compile(r"\s*(?:【[^【】]{1,40}】\s*){2,6}")
GROUP = re.compile(r"【([^【】]{1,40})】")
MAX_BUTTON_CHARS = 6
DIGIT = re.compile(r"\d")
OF_WORD = re.compile(r"\b(?i:of)\b")
OPENING, CLOSING = BRACKETS[0::2], BRACKETS[1::2]
_BRACKET = re.compile("[" + re.escape(BRACKETS) + "]")
# A date starts with a digit, a Han numeral or a month's name: tested before a line is searched for dates.
DATE_START = re.compile(r"\d|[〇○零一二三四五六七八九]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")

# "Worker's Daily - reporter A and B from X", "X - A B, reporter of Y", "By A B"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_NAMES = _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*"
_OUTLET = r"(?:[^.!?;]{1,60}?\s[-–—|]\s*)?"
# what may follow a byline's names with a space alone: a dateline's word, a date ("By Jane Doe Updated Nov 13,
# 2019", "By Jane Doe November 19, 2019", "By Jane Doe 2019-11-18T20:51:19Z")
_DATE_AFTER_NAMES = (r"(?i:updated|published|posted)\b|\d"
                     r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d")
# the names of a byline a date follows: no word of them a dateline's word, a weekday's full name (not "Sun": a
# surname), or "On" or a month before a figure ("By Jane Doe On 11/13/19", "By Jane Doe, Wednesday, 20 November 2019")
_NOT_DATED_NAME = (r"(?!(?:" + _DATE_AFTER_NAMES + r"|(?i:on)\s+\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))")
_DATED_NAME = _NOT_DATED_NAME + r"[A-Z][\w'’-]*(?:\s+" + _NOT_DATED_NAME + r"[A-Z][\w'’-]*){0,3}"
_DATED_NAMES = _DATED_NAME + r"(?:\s*(?:,|and|&)\s*" + _DATED_NAME + r")*"
# where the reporter filed from, after the names: "By Jane Doe in Beijing", "By ZHOU LINA in Hong Kong"
_FILED_IN = r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"


@functools.cache
def _en_bylines() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The English byline patterns, and the one of a byline with a date ("By A B on June 3, 2021", "By A B |
    October 21, 2020 -- 16:05 GMT | Topic: Science"). Compiled when a line first looks like a byline: a run
    of Chinese pages never needs them, and they take 2 ms to compile."""
    bylines = (
        re.compile(r"^" + _OUTLET + r"(?i:staff\s+)?(?i:reporters?)\s+(?P<names>" + _NAMES + r")(?:\s+(?:from|of|for|at)\s+[^.!?;]{1,60})?$"),
        re.compile(r"^" + _OUTLET + r"(?P<names>" + _NAMES + r")\s*,\s*(?i:staff\s+)?(?i:reporters?)\s+(?:of|from|for|at)\s+[^.!?;]{1,60}$"),
        re.compile(r"^By\s+(?P<names>" + _NAMES + r")" + _FILED_IN + r"(?:\s*@\w{2,30})?$"),     # "@janedoe" after
    )
    return bylines, re.compile(r"^By\s+(?P<names>" + _DATED_NAMES + r")" + _FILED_IN
                               + r"(?:\s*(?:\b(?i:on)\b|[-–—|,•·/]|@\w{2,30})\s*"      # a separator, a handle
                               + r"|\s+(?=" + _DATE_AFTER_NAMES + r"))(?P<rest>.+)$")


# "By A B · Staff Writer · Aug 16, 2026": a title or an outlet of a few words between the names and the date
BYLINE_PART = re.compile(r"\s+[-–—|•·]\s+")
# an English byline's opening other than "By": in lower case, after a list's bullet, or after "Written"
EN_BY_OPENING = re.compile(r"^(?:[*•+]\s*)?(?:(?i:written|words|story|text|reporting)\s+)?(?i:by)\s+(?=[A-Z])")
# what may follow a byline's names that holds no date: an outlet, a desk, a handle, figures (_byline_furniture)
MAX_BYLINE_REST_WORDS = 10
FURNITURE_SMALL_WORDS = frozenset({"of", "for", "the", "and", "at", "in", "on", "am", "pm", "a.m.", "p.m."})
MAX_BYLINE_PART_WORDS = 6
# A byline without "By": two to four capitalised words naming a person (several: ", " or "and" between them), and
# after them the person's desk or outlet in capitalised words or their handle ("Jane Doe, Staff Writer", "Jane
# Doe and Tom Lee The Courier", "Jane Doe@janedoe"); no word of it an English stopword (a headline in title case
# holds one: "Dow Slips As Oil Falls"); a name in capitals may be a dateline ("NEW YORK"): not taken. Only its
# place tells it from a headline of names ("Jane Austen Returns"): it stands under the headline.
_NAME_WORD = r"(?:[A-Z][a-z]*[A-Z]?[a-z'’-]+|[A-Z]\.)"
_PERSON = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}"
_DESK_WORD = r"(?:[A-Z][\w'’&.-]*)"
NAME_BYLINE = re.compile(r"^" + _PERSON + r"(?:(?:\s*,\s*|\s+and\s+)" + _PERSON + r")*"
                         r"(?:(?:\s*,\s*|\s+)" + _DESK_WORD + r"(?:\s+" + _DESK_WORD + r"){0,5}|\s*@\w{2,30})?$")
NAME_REACH = 2      # a byline without "By" stands at most this many lines under the headline
# "Posted Tue, Oct 13, 2020 at 4:07 pm PT", "Published 10:24 PM EST Oct 20, 2020", "发表于 2020-3-16 10:47"
# (a label glued to the date by a page's markup, "PublishedMay 21, 2024", is a label still)
DATELINE = re.compile(r"(?:(?i:posted|published|first published)(?![a-z])(?:\s+on)?|发表于|发布于"
                      r"|(?:发布|Post)\s*#\d+)"
                      r"|(?:(?i:updated|last updated|last modified|modified)(?![a-z])(?:\s+on)?|更新于)"
                      r"(?P<updated_only>)")
DATELINE_INITIALS = "PpFfUuLl发更"
MAX_DATELINE_CHARS = 100
MAX_DATELINE_WORDS = 8
# A time set off from its date ("November 19, 2019 at 6:34 am", "May 14 2024 | 3:17 pm", "@17:19 PM"): such a
# line alone stamps each comment or reply of a thread, and is the page's dateline only by its place (loose_dateline).
# Two dates so set off are a span ("29 November 2018 | 20 January 2019": an event's), no dateline either.
TIME_SET_OFF = re.compile(r"\sat\s|@|\s(?:[|/•·–—]|--?)\s")
MAX_DATE_OFFSET = 40         # the date follows the verb closely (after a weekday, a time, a zone)
NOT_IN_DATELINE = "。！？!?;；"
BY_AFTER_DATE = re.compile(r"\s*(?:[|·•,–—-]\s*)?(?i:by)\s+(\S.*)$")
relative_time = compiled_when_used(r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|[昨前]天"
                                   r"|\b(?:\d+|an?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.I)
# A dateline without a label: a date and at most a short name beside it ("2021-06-18 · 城市报道",
# "2022-02-13 09:57 光明网", "新华社 2021-03-09 17:42"). Only near the headline is it the page's date.
PHOTO_CREDIT = "摄"
MAX_LOOSE_REST = 24
# Han words glued before a date in a line without a label ("临澜供电公司2025年…"): a title's, with more after it;
# not a post's floor ("2楼2026-07-14 18:30回复") nor a byline's name after its label ("作者：蔡明諭2025/03/08")
TITLE_BEFORE_DATE = re.compile(rf"^[^:：]*[{HAN_CLASS}]{{2}}$")
DATE_RANGE = re.compile(r"\s*(?:至|到|~|～|-|–|—)\s*\d")    # the end of a period after its start
ANY_TIME_LABELS = frozenset({"时间", "日期", "time", "date"})
FIELD_LABEL = re.compile(r"[^\s:：\d][^:：\d]{0,11}[:：]\s*")   # a label before a date: "报告时间："
DAY_NAMED = re.compile(rf"[{HAN_CLASS}]{{1,10}}(?:日|日期|时间)")     # a name of a day or a time: "除息日"
NOT_IN_LOOSE_REST = "，,@"    # a clause, a list, a social media handle ("— Jane (@jane) May 1, 2024" ends a quote)
# What a dateline may carry after its date and is no name: the reading time ("• 2 min read") and a date of
# change ("| Updated 14 hours ago", "Last modified on Mon 18 Nov 2019 18.56 GMT"); and an English weekday before it.
READING_TIME = re.compile(r"\b\d{1,3}\s*(?:min|minute)s?\s+read\b", re.I)
UPDATE_CLAUSE = re.compile(r"\b(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?\s*:?\s*", re.I)
WEEKDAY_BEFORE = re.compile(EN_WEEKDAY + r",?\s*$")
_weekday_alone = compiled_when_used(EN_WEEKDAY + r",?\s*")
STAFF_CODE = re.compile(r"_?\b[A-Z]{1,4}\d{2,6}\b|_[A-Za-z]{1,4}\d{2,6}")
NAME_SPLIT = re.compile(r"\s*(?:[、，,;；/／&＆|｜]|\s+and\s+)\s*")
# a wire service's dateline after the names: "（中央社记者陈文华／台北3日电）", "东京3日专电"
# How a Taiwanese wire or newspaper byline ends (_wire_byline's last part): "3日电", "3日专电", "3日综合电", "报导",
# "报道". A page without one never compiles the pattern (5 ms: five Han classes).
WIRE_ENDINGS = ("日电", "专电", "综合电", "报导", "报道")
WIRE_DATELINE = re.compile(r"\d{1,2}日(?:专|综合)?电$")
ADDRESS = re.compile(r"https?:|www\.|@")
NOT_A_TAG_NAME = re.compile(r"[，。！？；]")
TAG_BY = re.compile(r"^\s*[Bb][Yy]\s+")     # "By Jane Doe" in a tag
NOT_A_NAME = re.compile(r"^\d+$|[，。！？；：:（）()《》“”\"]")


@functools.cache
def _labels() -> tuple[re.Pattern[str], dict[str, str | None]]:
    """The label pattern (group ``label``) and the field of each label, casefolded."""
    field_of: dict[str, str | None] = {}
    for section, labels in rule_sections("metadata_labels.txt", tuple(FIELD_OF_SECTION)).items():
        for label in labels:
            field_of[label.casefold()] = FIELD_OF_SECTION[section]
    alternatives: list[tuple[str, str]] = []    # (the label, what must follow it)
    for label in sorted(field_of, key=len, reverse=True):
        escaped = re.escape(label)
        if not has_han(label):
            alternatives.append((escaped, r"(?=\s*[:：])"))
        elif len(label) == 1:
            # after its first character: where a match can start is found in C. Han characters have no case:
            # the class without IGNORECASE matches the same, and costs re's compiler 2 ms less
            alternatives.append((escaped, rf"(?<!(?-i:[{HAN_CLASS}]){escaped})(?=\s*[:：|｜/])"))
        elif len(label) == 2:
            # spaced out to the width of the longer labels above or below it: "文　　号：", "标 题："
            alternatives.append((rf"{re.escape(label[0])}[ \u3000]{{0,3}}{re.escape(label[1])}", r"(?=\s*[:：|｜/]|\s)"))
        else:
            alternatives.append((escaped, r"(?=\s*[:：|｜/]|\s)"))
    # Neighbouring labels that need the same thing after them share it, "(?:A|B)S" for "AS|BS" (the same
    # matches, tried in the same order): re's compiler takes 70 us for each class like [:：|｜/] it meets.
    shared = "|".join(f"(?:{'|'.join(label for label, _ in run)}){follower}"
                      for follower, run in itertools.groupby(alternatives, key=lambda alternative: alternative[1]))
    pattern = re.compile(r"(?<![A-Za-z])(?P<label>" + shared + r")(?P<sep>\s*[:：|｜/]?)", re.I)
    return pattern, field_of


def _label_matches(text: str) -> list[re.Match[str]]:
    """The labels of a line. A label glued to the Han character before it counts only with a colon after
    it ("江城财经网作者：李四"): "专栏作者 王五" is a title in a value, not a label."""
    label_re, _ = _labels()
    return [match for match in label_re.finditer(text)
            if not (match.start() and HAN_RE.match(text, match.start() - 1)
                    and not any(colon in match.group("sep") for colon in "：:"))]


@functools.cache
def _byline_words() -> dict[str, str]:
    """Byline word -> the field its names fill ("记者" -> author, "编辑" -> editor)."""
    sections = rule_sections("bylines_zh.txt", BYLINE_SECTIONS)
    return {word: field for field in ("author", "editor") for word in sections[field]}


@functools.cache
def _credit_words() -> tuple[str, ...]:
    return tuple(sorted(rule_sections("bylines_zh.txt", BYLINE_SECTIONS)["credit"], key=len, reverse=True))


def _words_pattern(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_ZH_NAME = rf"[{HAN_CLASS}]{{2,4}}"
_ZH_NAMES = rf"{_ZH_NAME}(?:\s*[、，,\s]\s*{_ZH_NAME})*"


@functools.cache
def _wire_byline() -> re.Pattern[str]:
    """A Taiwanese wire or newspaper byline: an outlet, a reporter's word, the names, then after a slash the
    place of the report ("联合报／记者林佳慧／台北即时报导", "中央社记者陈文华／台北3日电")."""
    authors = _words_pattern(word for word, field in _byline_words().items() if field == "author")
    return re.compile(
        rf"^(?:[{HAN_CLASS}]{{2,10}}\s*[／/]\s*|[{HAN_CLASS}]{{1,10}}?)?(?:{authors})\s*"
        rf"(?P<names>{_ZH_NAME}(?:\s*[、，,]\s*{_ZH_NAME})*)\s*[／/]\s*[{HAN_CLASS}]{{1,8}}?"
        rf"(?:\d{{1,2}}日(?:专|综合)?电|(?:即时|综合|连线|专题|外电)?报[导道])$"
    )


@functools.cache
def _zh_bylines() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A whole byline line and a closing byline in a paragraph."""
    words = _words_pattern(_byline_words())
    names = _ZH_NAMES
    # "本报记者 张三 通讯员 李四", "滨江晚报记者林远" (w3m drops the space between Han characters); with no
    # outlet before it the name is set off by a space or a colon ("记者手记" is a column)
    line = re.compile(
        rf"^(?:[{HAN_CLASS}《》]{{1,10}}(?:{words})\s*[:：]?\s*|(?:{words})(?:\s+|\s*[:：]\s*)){names}(?:\s*摄)?"
        rf"(?:\s+(?:{words})\s*[:：]?\s*{names}(?:\s*摄)?)*$"
    )
    authors = _words_pattern(word for word, field in _byline_words().items() if field == "author")
    paren = re.compile(rf"[（(]\s*[{HAN_CLASS}]{{0,10}}?(?:{authors})\s*[:：]?\s*(?P<names>[^（）()]{{2,40}}?)\s*[）)]")
    return line, paren


@functools.cache
def _zh_byline_units() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The byline words of a byline line, and one unit (a word and its names). Compiled when a byline line is
    first met: 3 ms."""
    words = _words_pattern(_byline_words())
    unit = rf"(?P<word>{words})(?P<separator>\s+|\s*[:：]\s*|)(?P<names>{_ZH_NAMES})(?:\s*摄)?"
    return re.compile(words), re.compile(unit)


@functools.cache
def _not_names() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The placeholders, the endings of an organisation's name, and the last words of a job title (casefolded)."""
    sections = rule_sections("not_names.txt", ("placeholders", "outlet_endings", "title_endings"))
    placeholders = frozenset(word.casefold() for word in sections["placeholders"])
    return (placeholders, tuple(ending.casefold() for ending in sections["outlet_endings"]),
            tuple(ending.casefold() for ending in sections["title_endings"]))


def is_outlet(value: str) -> bool:
    """A name of three characters or more ending like an organisation's (…网, …日报, …News)."""
    _, endings, _ = _not_names()
    folded = value.casefold().strip()
    return len(folded) >= 3 and folded.endswith(endings)


def _is_name(token: str) -> bool:
    if not token or NOT_A_NAME.search(token):
        return False
    placeholders, _, job_titles = _not_names()
    if token.casefold() in placeholders or is_outlet(token):
        return False
    if has_han(token):
        return 2 <= len(token) <= MAX_HAN_NAME
    words = token.split()
    return (len(token) >= 2 and len(words) <= MAX_LATIN_NAME_WORDS and not ACRONYM.fullmatch(token)
            and words[-1].casefold() not in job_titles)   # "Transport Correspondent" after "Jane Doe, "


@functools.cache
def _title_words() -> tuple[str, ...]:
    """Byline words and titles that may stand before a name in a byline value, longest first."""
    titles = rule_sections("bylines_zh.txt", BYLINE_SECTIONS)["titles"]
    return tuple(sorted({*_byline_words(), *titles}, key=len, reverse=True))


def _without_byline_words(token: str) -> str:
    """记者韩智 -> 韩智, 欧阳思远编译 -> 欧阳思远, 东江见习记者 -> "" (a title, no name)."""
    for word in _title_words():
        if token.endswith(word):
            return ""
        at = token.find(word)
        if at != -1 and len(token) - at - len(word) >= 2:
            token = token[at + len(word):]
            break
    for word in _credit_words():
        if token.endswith(word) and len(token) > len(word):
            return token[: -len(word)].strip()
        if token == word:
            return ""
    return token


def split_names(value: str) -> tuple[str, ...]:
    """The people a byline value names, in order: "罗蔓 许静怡", "A、B&C", "Jane Doe and Tom Lee",
    "冯悦_KT3817" (a staff code after the name is not a name), "远山网专栏作者 周衡" (a title before it is not)."""
    value = value.strip(BRACKETS + SEPARATORS)
    if ADDRESS.search(value):
        return ()
    codes = STAFF_CODE.findall(value)
    without_codes = STAFF_CODE.sub(" ", value).strip(SEPARATORS)
    if codes and has_han(without_codes):
        value = without_codes       # "邵文涛 QD208" -> 邵文涛; "KT062" alone is the editor's only name
    names: list[str] = []
    for part in NAME_SPLIT.split(value):
        tokens = part.split() if has_han(part) else [_without_outlet(" ".join(part.split()))]
        for token in tokens:
            token = _without_byline_words(token.strip(BRACKETS + SEPARATORS))
            if WIRE_DATELINE.search(token):
                continue    # a place and a day ("台北3日电"), or a name run into them: no name to tell
            if _is_name(token) and token not in names:
                names.append(token)
    return tuple(names)


def _without_outlet(name: str) -> str:
    """A Latin name without the outlet of two words or more after it: "JANE MILLER Associated Press" ->
    "JANE MILLER"; "The Washington Post" is an outlet, no name."""
    words = name.split()
    for cut in range(2, len(words) - 1):
        if is_outlet(" ".join(words[cut:])):
            return " ".join(words[:cut])
    return name


def names_of_tag(value: str) -> tuple[str, ...]:
    """The names of a tag's author value ("By Jane Doe" too); none when it holds a template placeholder
    ("name, email@x.com"), an address or a sentence."""
    if NOT_A_TAG_NAME.search(value) or len(value) > MAX_LATIN_VALUE:
        return ()
    return split_names(TAG_BY.sub("", value))


def _value_ok(value: str, han_chars: int = MAX_HAN_VALUE, punctuation: re.Pattern[str] = SENTENCE_PUNCT) -> bool:
    if punctuation.search(value):
        return False
    return len(value) <= (han_chars if HAN_RE.search(value) else MAX_LATIN_VALUE)


# An HTML page's lines are read when it is extracted and again by the metadata stage, and a site's template
# lines (menus, bylines, footers) on every page of the site.
@per_line
def read_line(line: str) -> dict | None:
    """The fields of a metadata line (see the module's docstring); None for any other line. Do not change
    the dict: it is cached."""
    if BRACKET_GROUPS.fullmatch(line):
        return _read_groups(line)
    if line.rstrip().endswith("】"):     # the buttons a line closes with are none of its fields
        before = _before_buttons(line)
        fields = _read_text(before) if before else None
        if fields is not None:
            return fields
    return _read_text(line)


def _read_text(line: str) -> dict | None:
    text = _unwrapped(line)
    if not text or len(text) > MAX_LINE_CHARS or not _balanced(text):
        return None     # "（编辑：小周）返回首页，查看更多": a note, then other text
    for reader in (_read_labelled, _read_byline, _read_dateline, _read_dated_byline):
        fields = reader(text)
        if fields is not None:
            return fields
    return None


def _before_buttons(line: str) -> str | None:
    """The line before the page's buttons closing it in 【】 or [] ("发布时间：2026-11-10 来源：某某 【字号 大 中 小】"
    -> "发布时间：2026-11-10 来源：某某"); None when no button closes it or nothing stands before them."""
    text = line.rstrip()
    while text.endswith(("】", "]")):
        start = text.rfind("【" if text.endswith("】") else "[")
        if start <= 0 or not _is_button(text[start + 1:-1]):
            break
        text = text[:start].rstrip()
    return text if text and text != line.rstrip() else None


def _is_button(group: str) -> bool:
    """Whether the text of a group in 【】 is a page's button: a few Han characters, no figure ("纠错", "打印",
    "字号 大 中 小")."""
    return has_han(group) and len("".join(group.split())) <= MAX_BUTTON_CHARS and not DIGIT.search(group)


def _read_groups(line: str) -> dict | None:
    """The fields of a row of bracketed groups, one of them or more a metadata line and the others a page's
    buttons of a few Han characters: "【纠错】 【责任编辑：王晓晴】" (None when a group is anything else)."""
    fields: dict = {}
    read_any = False
    for group in GROUP.findall(line):
        found = read_line(group)
        if found is None:
            if not _is_button(group):
                return None
            continue
        read_any = True
        for key, value in found.items():
            if key in ("author", "editor"):
                fields[key] = tuple(dict.fromkeys(fields.get(key, ()) + value))
            else:
                fields.setdefault(key, value)
    return fields if read_any else None


def _unwrapped(line: str) -> str:
    """The line without a list item's bullet and the brackets around all of it: "【责任编辑：赵六】",
    "* 责任编辑：赵六" -> "责任编辑：赵六"."""
    text = without_bullet(line.strip())
    start, end = 0, len(text)   # one slice at the end: a slice per bracket pair was quadratic in their number
    while end - start >= 2 and text[start] in OPENING and text[end - 1] in CLOSING:
        start, end = start + 1, end - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return text[start:end]


def _balanced(text: str) -> bool:
    if _BRACKET.search(text) is None:  # most lines: no bracket to count
        return True
    return sum(text.count(char) for char in OPENING) == sum(text.count(char) for char in CLOSING)


def _read_labelled(text: str) -> dict | None:
    """A line of label/value pairs and dates: "2019-03-12 10:05 来源：新华网 作者：王小明"."""
    label_re, field_of = _labels()
    if not _starts_with_token(text, label_re):
        return None
    tokens: list[tuple[int, int, str, Any]] = [(m.start(), m.end(), "label", m) for m in _label_matches(text)]
    tokens += [(found.start, found.end, "date", found.stamp) for found in find_dates(text)]
    tokens.sort(key=lambda t: t[0])
    if not tokens or text[: tokens[0][0]].strip(SEPARATORS + BRACKETS):
        return None
    fields: dict = {}
    label_only = False      # a label with nothing to lift: an empty "责任编辑：", a view count, an IP location
    end_of_previous = 0
    pending_date_field = "created"      # the field a date fills: an update label before it says "updated"
    for index, (start, end, kind, found) in enumerate(tokens):
        if start < end_of_previous:
            return None
        following = tokens[index + 1][0] if index + 1 < len(tokens) else len(text)
        if kind == "date":
            if text[end:following].strip(DATE_TRAILERS) or found is None:
                return None     # a date is followed by a label or nothing, never by free text
            fields.setdefault(pending_date_field, found)
            pending_date_field = "created"
        else:
            given = text[end:following].strip(SEPARATORS)
            field = field_of[_unspaced(found.group("label")).casefold()]
            limit, punctuation = ((MAX_HAN_HEADLINE, CATALOGUE_PUNCT) if field == "catalogue"
                                  else (MAX_HAN_VALUE, SENTENCE_PUNCT))
            if not _value_ok(given, limit, punctuation) or not _balanced(given):
                return None     # "（编辑：小周）返回首页": the value closes a bracket the label is inside of
            value = given.strip(BRACKETS)
            if field in ("created", "updated"):
                if value:
                    return None     # "时间：每周三下午" is a notice, not a dateline
                pending_date_field = field
            elif field in ("author", "editor") and value:
                names = split_names(value)
                if names:   # "记者 张三 通讯员 李四": the names of every label of the field
                    fields[field] = tuple(dict.fromkeys(fields.get(field, ()) + names))
                else:
                    label_only = True   # "作者：未知", "作者：本站"
            elif field == "publisher" and value:     # "来源：某某 [PDF下载]": the buttons are no part of it
                fields.setdefault(field, _before_buttons(given) or value)
            else:
                label_only = True
        end_of_previous = end
    if list(fields) == ["created"] and all(kind == "date" for _, _, kind, _ in tokens):
        if TIME_SET_OFF.search(text):
            return None     # a post's or a comment's stamp as often as the page's dateline: its place tells
        return {"dated": fields["created"]}     # only a date: which date it is, its place tells
    return fields if fields or label_only else None


def _unspaced(label: str) -> str:
    """A label as the rules write it: "文　　号" -> "文号" (a Latin label keeps its spaces: "Last updated")."""
    return label.replace(" ", "").replace("\u3000", "") if has_han(label) else label


def read_label_pair(label: str, value: str) -> dict | None:
    """The fields of a Chinese label alone on its line and its value on the next, as a page's table of cells one a
    line prints them ("发布日期" / "2026年11月30日", "标题" / the title): those of "label：value" when the label
    is one of a source or a date (PAIRED_FIELDS) and the pair fills it, or one of a catalogue (索引号, 标题);
    None otherwise. A tool or a count alone ("收藏", "阅读") is no label of the line under it, and neither is
    an author's or an editor's: "编辑" alone is a wiki's button as often, over another ("查看历史")."""
    if len(label) > MAX_PAIRED_LABEL_CHARS:
        return None     # nearly every line: no need to look further
    _, field_of = _labels()
    name = _unspaced(label.strip().rstrip(":：").strip()).casefold()
    field = field_of.get(name)
    if field not in PAIRED_FIELDS or not has_han(name) or not value.strip():
        return None
    fields = read_line(f"{name}：{value.strip()}")
    return fields if fields or fields is not None and field == "catalogue" else None


@per_line
def signs(line: str) -> bool:
    """Whether a line is an organisation's name alone, or after a short label of its role ("招标人：某某中学",
    "发布单位：..."): Han characters (and brackets) ending with one of the last words of organisation names
    (rules/organisations_zh.txt), no punctuation but a case's name in quotes."""
    name = line.strip()
    role, colon, named = name.partition("：")
    if colon and len(role) <= MAX_ROLE_CHARS and _signature_chars().fullmatch(role):
        name = named.strip()
    return (MIN_SIGNATURE_CHARS <= len(name) <= MAX_SIGNATURE_CHARS and name.endswith(_organisation_suffixes())
            and _signature_chars().fullmatch(name) is not None)


@functools.cache     # compiled when first asked: a line that ends as an organisation's name is rare
def _signature_chars() -> re.Pattern[str]:
    return re.compile(rf"[{HAN_CLASS}（）()“”·0-9]+")   # "“1·16”事故调查组": a case's name in quotes


@functools.cache
def _organisation_suffixes() -> tuple[str, ...]:
    return rule_sections("organisations_zh.txt", ("suffix",))["suffix"]


def opens_with_label(line: str) -> bool:
    """Whether the line opens with a label and its separator ("发布时间：", "编辑|")."""
    label_re, _ = _labels()
    return label_re.match(line.lstrip(BRACKETS + SEPARATORS)) is not None


def _starts_with_token(text: str, label_re: re.Pattern[str]) -> bool:
    """Whether a label or a date starts before the first non-separator character. A line made of
    label/value pairs and dates must open with one; this anchored test spares the other lines (nearly
    all of them) a scan for every label and date."""
    first = len(text) - len(text.lstrip(SEPARATORS + BRACKETS))
    # (a line of separators only ends with first == len(text), where no label or date can start)
    for pos in range(min(first + 1, len(text))):
        if label_re.match(text, pos):
            return True
        if DATE_START.match(text, pos) and any(d.start == 0 for d in find_dates(text[pos:pos + 40])):
            return True
    return False


def _read_byline(text: str) -> dict | None:
    wire = _read_wire_byline(text)
    if wire is not None:
        return wire
    zh_line, _ = _zh_bylines()
    if zh_line.match(text):
        word_re, unit = _zh_byline_units()
        fields: dict = {}
        for word in word_re.finditer(text):
            match = unit.match(text, word.start())
            field = _byline_words()[word.group(0)]
            if match is None or (field == "editor" and not match.group("separator")):
                continue    # "编辑者的文档", "编辑部": an editor's name is set off by a space or a colon
            names = fields.get(field, ()) + split_names(match.group("names"))
            fields[field] = tuple(dict.fromkeys(names))
        return {field: names for field, names in fields.items() if names} or None
    if not text.isascii() and HAN_RE.search(text):
        return None
    opening = EN_BY_OPENING.match(text)
    if opening is not None:     # "by Jane Doe", "* by Jane Doe", "Written by Jane Doe": as "By Jane Doe"
        text = "By " + text[opening.end():]
    # the first two patterns need "reporter" (whose letters have no case variants but their upper case)
    if not text.startswith("By") and "reporter" not in text.lower():
        return None
    if len(text.split()) > 20:
        return None
    bylines, _ = _en_bylines()
    for pattern in bylines:
        match = pattern.match(text)
        if match:
            names = split_names(match.group("names"))
            # "BY ORDER OF THE BOARD", "By Authority of the Council": a formula, no one's name
            return None if any(OF_WORD.search(name) for name in names) else {"author": names}
    return _dated_en_byline(text) if text.startswith("By") else None


def _read_wire_byline(text: str) -> dict | None:
    """The reporters of a Taiwanese wire or newspaper byline (_wire_byline); None for another line."""
    if not text.endswith(WIRE_ENDINGS):
        return None     # nearly every line: spared the regex
    wire = _wire_byline().match(text)
    names = split_names(wire.group("names")) if wire else ()
    return {"author": names} if names else None


def _read_dated_byline(text: str) -> dict | None:
    """A date, then a Taiwanese wire or newspaper byline: "2026-12-03 16:08 联合报／记者林佳慧／台北即时报导"."""
    if DATE_START.match(text) is None:
        return None
    dates = find_dates(text[:MAX_DATE_OFFSET])
    if not dates or dates[0].start != 0 or dates[0].stamp is None:
        return None
    fields = _read_wire_byline(text[dates[0].end:].strip(SEPARATORS))
    return {**fields, "created": dates[0].stamp} if fields else None


def _first_date(text: str, year_last: bool = False) -> tuple[int, Stamp | None] | None:
    """(offset, stamp, or None when invalid or relative: "6 天前") of the first date of a short dateline
    (``year_last``: see find_dates)."""
    if len(text) > MAX_DATELINE_CHARS or any(char in text for char in NOT_IN_DATELINE):
        return None
    if text.endswith(".") and len(text.split()) > MAX_DATELINE_WORDS:
        return None     # "Updated May 5, 2024 to correct the spelling of a name." is a sentence
    dates = find_dates(text, year_last)
    if dates and dates[0].start <= MAX_DATE_OFFSET:
        return dates[0].start, dates[0].stamp
    relative = relative_time().search(text, 0, MAX_DATE_OFFSET + 12)
    return (relative.start(), None) if relative else None


def _read_dateline(text: str) -> dict | None:
    """A publication dateline ("Posted ...", "发表于 ..."): its date; an update line's date is ``updated``."""
    if text[0] not in DATELINE_INITIALS:
        return None
    match = DATELINE.match(text)
    found = _first_date(text) if match else None
    if found is None:
        return None
    _, stamp = found
    if stamp is None:
        return {}
    fields = {"updated" if match.group("updated_only") is not None else "created": stamp}  # type: ignore[union-attr]
    return {**fields, **(_byline_after_date(text) or {})}


def _byline_after_date(text: str) -> dict | None:
    """The author a dateline names after its date, as a blog's does: "Posted on 2022-09-18 by Emily Carter"."""
    dates = find_dates(text)
    after = BY_AFTER_DATE.match(text, dates[0].end) if dates else None
    return _read_byline("By " + after.group(1)) if after else None


def _dated_en_byline(text: str) -> dict | None:
    _, dated = _en_bylines()
    match = dated.match(text)
    if match is None:
        return None
    rest = match.group("rest")
    weekday = _weekday_alone().match(rest)     # "Wednesday, 20 November 2019"
    rest = rest[weekday.end():] if weekday else rest
    found = _first_date(rest, year_last=True)
    if found is not None and found[0] > 0:     # a title or an outlet may stand before the date
        found = _date_after_title(rest)
    fields: dict = {"author": split_names(match.group("names"))}
    if found is None or found[0] > 0:
        # or a dateline's label: "By Jane Doe | The Courier | Updated: 2025-06-03 14:22"
        dateline = next((read for part in (rest, _after_title(rest)) if part and (read := _read_dateline(part))
                         is not None), None)
        if dateline is not None:
            return {**fields, **dateline}
        # or an outlet, a desk, a handle, a date not read: "By Jane Doe | Fox News", "By Jane Doe - Contributor"
        return fields if fields["author"] and _byline_furniture(rest) else None
    if found[1]:
        fields["created"] = found[1]
    return fields


def _byline_furniture(rest: str) -> bool:
    """Whether what follows a byline's names is an outlet, a desk, a handle or figures (a date not read), at most
    MAX_BYLINE_REST_WORDS words, each capitalized, a figure, a handle or a small word ("NJ Advance Media for
    NJ.com", "11/19/19 06:56 AM EST"), not a title or a sentence ("Updates on the flood")."""
    words = [word for word in rest.split() if word.strip("|-–—•·,/")]
    return 0 < len(words) <= MAX_BYLINE_REST_WORDS and not SENTENCE_PUNCT.search(rest) and all(
        word[:1].isupper() or word[:1].isdigit() or word[:1] == "@" or word.lower() in FURNITURE_SMALL_WORDS
        for word in words)


def _after_title(rest: str) -> str | None:
    """What follows a title or an outlet of at most MAX_BYLINE_PART_WORDS words and its separator ("Staff
    Writer · Aug 16, 2026" -> "Aug 16, 2026"); None when no such title opens `rest`."""
    pieces = BYLINE_PART.split(rest, maxsplit=1)
    if len(pieces) < 2 or len(pieces[0].split()) > MAX_BYLINE_PART_WORDS or SENTENCE_PUNCT.search(pieces[0]):
        return None
    return pieces[1]


def _date_after_title(rest: str):
    """_first_date of what follows a title or an outlet (_after_title); None when no such title opens `rest`."""
    after = _after_title(rest)
    return None if after is None else _first_date(after, year_last=True)


def names_alone(line: str) -> bool:
    """Whether a line may be a byline without "By": names of people, their desk or outlet (NAME_BYLINE). It
    names no field: a headline of names reads alike, and only a line under the headline is a byline."""
    line = line.strip()
    return NAME_BYLINE.match(line) is not None and not any(
        word != "and" and word.strip(",").lower() in ENGLISH_STOPWORDS for word in line.split())


def paragraph_byline(line: str) -> tuple[str, ...]:
    """The reporters named in a parenthetical byline inside a paragraph: "……（记者 张三 通讯员 李四）"."""
    if "(" not in line and "（" not in line:
        return ()
    _, paren = _zh_bylines()
    match = paren.search(line)
    if match is None or match.group("names").rstrip().endswith(PHOTO_CREDIT):
        return ()   # "（记者 王五 摄）" credits a photograph
    return split_names(match.group("names"))


# A date opening a paragraph and set off from it by a dash: the dateline of the story's lede ("Aug. 8, 2023 -- Many
# gay and bisexual men...", "May 9, 2024 – Were you born...")
LEDE_DASH = re.compile(r"\s*(?:--|[–—])\s*|\s+-\s+")


def lede_date(line: str) -> Stamp | None:
    """The date that opens a paragraph, set off from its first sentence by a dash (LEDE_DASH); None otherwise."""
    if DATE_START.match(line) is None:
        return None
    dates = find_dates(line[:MAX_DATE_OFFSET + 4])
    if not dates or dates[0].start != 0 or LEDE_DASH.match(line, dates[0].end) is None:
        return None
    return dates[0].stamp


@per_line   # asked of a page's top lines by the metadata and edges stages
def loose_dateline(line: str) -> Stamp | None:
    """The date of a short line made of one date and at most a short name ("2021-06-18 · 城市报道",
    "新华社 / 2021-03-09 17:42", "Mon 18 Nov 2019 18.54 GMT"), and at most a reading time and a date of change
    after it ("Nov 18, 2019 at 9:24 pm ET • 2 min read", "... Last modified on ..."); None for any other line.
    Only beside a headline is it the page's date (the name may be the outlet's or the author's: it fills
    nothing)."""
    stripped = line.strip()
    unbulleted = without_bullet(stripped)
    text = unbulleted.strip(BRACKETS + SEPARATORS)
    if not text or len(text) > MAX_DATELINE_CHARS or (DIGIT.search(text) is None and "年" not in text):
        return None     # nearly every line: no date to look for
    listed = unbulleted != stripped
    found = _loose_date(text, listed)
    if found is None:
        without = _without_dateline_furniture(text)
        found = _loose_date(without, listed) if without != text else None
    return found


def _loose_date(text: str, listed: bool) -> Stamp | None:
    """loose_dateline of a line's text, its furniture removed or not; ``listed``: the line is a list item."""
    if not text or len(text) > MAX_LOOSE_REST + 40 or SENTENCE_PUNCT.search(text):
        return None
    dates = find_dates(text)
    if len(dates) != 1 or dates[0].stamp is None:
        return None
    before, after = text[:dates[0].start], text[dates[0].end:]
    if _other_time_label(before) or DATE_RANGE.match(after) or TITLE_BEFORE_DATE.search(before) and HAN_RE.match(after):
        return None     # a period ("11月4日至6日"), a title around its date ("X公司2025年11月4日计划停电公告")
    weekday = WEEKDAY_BEFORE.search(before)
    rest = (before[:weekday.start()] if weekday else before) + " " + text[dates[0].end:]
    rest = rest.strip(SEPARATORS + BRACKETS)
    if len(rest) > MAX_LOOSE_REST or any(mark in rest for mark in NOT_IN_LOOSE_REST):
        return None
    if rest and listed:
        return None     # an item of a list of headlines with their dates: a list item is a dateline alone
    return dates[0].stamp


def another_time(line: str) -> bool:
    """Whether the line gives a date after a label read_line does not take: the time of an event or a
    deadline ("报告时间：2025年4月15日 14:30", "Deadline: May 1"), not the page's."""
    text = without_bullet(line.strip())
    dates = find_dates(text)
    return bool(dates) and _other_time_label(text[:dates[0].start]) and read_line(line) is None


def _other_time_label(before: str) -> bool:
    """Whether the text before a date is a label of another time than the page's ("报告时间：", "Deadline:",
    "Joined:", or without its colon a table's name of a day: "权益登记日 2025年3月19日"), or one that may name any
    time ("时间：" over a press conference's transcript), not one of the page's own date labels ("发布时间：")."""
    _, field_of = _labels()
    if FIELD_LABEL.fullmatch(before) is None:    # a table's label before its cell ("权益登记日 2025年3月19日")
        label = before.strip()
        return (DAY_NAMED.fullmatch(label) is not None and not WEEKDAY.fullmatch(label)
                and field_of.get(label) not in ("created", "updated"))
    label = before.strip().rstrip(":：").strip().casefold()
    return field_of.get(label) not in ("created", "updated") or label in ANY_TIME_LABELS


def _without_dateline_furniture(text: str) -> str:
    """A dateline without its reading time and without a date of change after its date (READING_TIME,
    UPDATE_CLAUSE); the text as it is when what follows an update word is anything but a date or a relative
    time ("Nov 5, 2019 Updated rules for the marathon" is an item of a list of headlines)."""
    text = READING_TIME.sub(" ", text).strip(SEPARATORS)
    update = UPDATE_CLAUSE.search(text)
    if update is None or update.start() == 0:
        return text
    when = text[update.end():].strip(SEPARATORS)
    weekday = _weekday_alone().match(when)
    when = when[weekday.end():] if weekday else when
    dates = find_dates(when)
    relative = relative_time().match(when)
    date_alone = len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(when)
    if date_alone or (relative is not None and relative.end() == len(when)):
        return text[:update.start()].strip(SEPARATORS)
    return text
