"""Metadata lines: page title with a site suffix, dates, source, author and editor lines.

A metadata line is short and made only of label/value pairs and dates ("2020-11-09 08:53:19 来源：X",
"Editor in charge: Y"); it is removed and its values fill the record. A sentence that merely mentions a
date or a source is not such a line and stays.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime

from corpusclean.clean.boilerplate import classify_line, vocabulary
from corpusclean.extract.meta import hour_24
from corpusclean.rules import NO_HEADER, rule_sections
from corpusclean.document import DocView, Judged
from corpusclean.pipeline import LineStage
from corpusclean.text import HAN_CLASS, HAN_RE

FIELDS = ("title", "created", "publisher", "author", "editor")
LABEL_FIELD = {"source": "publisher", "author": "author", "editor": "editor", "date": "created", "noise": None}
FIELD_REASON = {"publisher": "meta.source", "author": "meta.author", "editor": "meta.editor", "created": "meta.date"}

MAX_LINE_CHARS = 160
MAX_HAN_VALUE = 30
MAX_LATIN_VALUE = 60
TOP_LINES = 12                    # the title and the metadata block sit near the top of a page

SENTENCE_PUNCT = re.compile(r"[。！？；!?;]|\.$|\.\s")
SEPARATORS = " \t|｜丨/·•-–—,，、"
DATE_TRAILERS = " \t|｜丨/·•】]）)"      # a date followed by a comma is the start of a sentence
BRACKETS = "【】[]（）()"

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)"
    r"|(?P<mon>" + _MONTH_NAME + r")\s+(?P<d3>\d{1,2}),?\s+(?P<y3>(?:19|20)\d{2})"
    r"|(?P<d4>\d{1,2})\s+(?P<mon4>" + _MONTH_NAME + r")\s+(?P<y4>(?:19|20)\d{2})"
)
DATE_INITIALS = "JFMASOND"     # a DATE match starts with a digit or with one of these (a month's initial)
TIME = re.compile(r"\s*(?:T|,\s*)?(?P<hh>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<ss>\d{2}))?(?!\d)"
                  r"(?:\s*(?P<half>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?")
# "Worker's Daily - reporter A and B from X", "X - A B, reporter of Y", "By A B"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_NAMES = _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*"
_OUTLET = r"(?:[^.!?;]{1,60}?\s[-–—|]\s*)?"
EN_BYLINES = (
    re.compile(r"^" + _OUTLET + r"(?i:staff\s+)?(?i:reporters?)\s+(?P<names>" + _NAMES + r")(?:\s+(?:from|of|for|at)\s+[^.!?;]{1,60})?$"),
    re.compile(r"^" + _OUTLET + r"(?P<names>" + _NAMES + r")\s*,\s*(?i:staff\s+)?(?i:reporters?)\s+(?:of|from|for|at)\s+[^.!?;]{1,60}$"),
    re.compile(r"^By\s+(?P<names>" + _NAMES + r")$"),
)
# "By A B on May 16, 2024", "By A B | November 18, 2019 -- 19:14 GMT | Topic: Hardware"
EN_DATED_BYLINE = re.compile(r"^By\s+(?P<names>" + _NAMES + r")\s*(?:\bon\b|[-–—|,•])\s*(?P<rest>.+)$")
# "Posted Fri, May 10, 2024 at 2:52 pm PT", "Published 11:11 PM EST Nov 19, 2019", "发表于 2024-4-11 11:52"
DATELINE = re.compile(r"(?:(?i:posted|published|first published)(?![A-Za-z])(?:\s+on)?|发表于|发布于"
                      r"|(?:发布|Post)\s*#\d+)"
                      r"|(?:(?i:updated|last updated)(?![A-Za-z])(?:\s+on)?|更新于)(?P<updated_only>)")
DATELINE_INITIALS = "PpFfUuLl发更"
MAX_DATELINE_CHARS = 100
MAX_DATELINE_WORDS = 8
MAX_DATE_OFFSET = 40         # the date follows the verb closely (after a weekday, a time, a zone)
NOT_IN_DATELINE = "。！？!?;；"
RELATIVE_TIME = re.compile(r"\d+\s*(?:秒|分钟|小时|天|周|个月|年)前"
                           r"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b", re.I)


@functools.cache
def _labels() -> tuple[re.Pattern[str], dict[str, str | None]]:
    field_of: dict[str, str | None] = {}
    for section, labels in rule_sections("metadata_labels.txt", tuple(LABEL_FIELD)).items():
        for label in labels:
            field_of[label.casefold()] = LABEL_FIELD[section]
    alternatives = "|".join(re.escape(label) for label in sorted(field_of, key=len, reverse=True))
    pattern = re.compile(r"(?<![A-Za-z])(?P<label>" + alternatives + r")\s*[:：]", re.I)
    return pattern, field_of


@functools.cache
def _zh_bylines() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(sorted(rule_sections("bylines_zh.txt", (NO_HEADER,))[NO_HEADER], key=len, reverse=True))
    name = rf"[{HAN_CLASS}]{{2,4}}"
    names = rf"{name}(?:\s*[、，,\s]\s*{name})*"
    unit = rf"(?:{words})(?:\s*[:：]?\s*)(?:{names})(?:\s+摄)?"
    # a whole line: "本报记者 张三 通讯员 李四"; with no prefix the name must be set off by a space or colon
    line = re.compile(
        rf"^(?:[{HAN_CLASS}]{{1,10}}(?:{words})\s*[:：]?\s*|(?:{words})(?:\s+|\s*[:：]\s*))(?P<names>{names})"
        rf"(?:\s+摄)?(?P<more>(?:\s+{unit})*)$"
    )
    paren = re.compile(rf"[（(]\s*[{HAN_CLASS}]{{0,10}}?(?:{words})\s*[:：]?\s*(?P<names>[^（）()]{{2,40}}?)\s*[）)]")
    return line, paren


def find_dates(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO 8601 or None when invalid) of each date, with the time that follows it if any."""
    found = []
    for match in DATE.finditer(text):
        time = TIME.match(text, match.end())
        iso = _iso(match, time)
        found.append((match.start(), time.end() if time else match.end(), iso))
    return found


def _iso(date: re.Match[str], time: re.Match[str] | None) -> str | None:
    g = date.groupdict()
    if g["y"]:
        year, month, day = g["y"], g["m"] or g["m2"], g["d"] or g["d2"]
    elif g["y3"]:
        year, month, day = g["y3"], _month_number(g["mon"]), g["d3"]
    else:
        year, month, day = g["y4"], _month_number(g["mon4"]), g["d4"]
    try:
        if time is None:
            return datetime(int(year), int(month), int(day)).date().isoformat()
        hour, minute, second = time.group("hh", "mi", "ss")
        hour = hour_24(int(hour), time.group("half"))
        return datetime(int(year), int(month), int(day), hour, int(minute), int(second or 0)).isoformat()
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _value_ok(value: str) -> bool:
    if SENTENCE_PUNCT.search(value):
        return False
    return len(value) <= (MAX_HAN_VALUE if HAN_RE.search(value) else MAX_LATIN_VALUE)


def parse_metadata_line(line: str) -> dict[str, str] | None:
    """The fields of a line made only of label/value pairs and dates, in order; None for any other line,
    {} for such a line with no field to fill (its labels are empty or carry nothing worth keeping)."""
    text = line.strip(BRACKETS + " ")
    if not text or len(text) > MAX_LINE_CHARS:
        return None
    byline = _parse_byline(text)
    if byline is not None:
        return byline
    dateline = _parse_dateline(text)
    if dateline is not None:
        return dateline
    label_re, field_of = _labels()
    has_label = ":" in text or "：" in text     # every label is followed by a colon
    if not _starts_with_token(text, label_re if has_label else None):
        return None
    tokens = [(m.start(), m.end(), "label", m) for m in label_re.finditer(text)] if has_label else []
    tokens += [(start, end, "date", iso) for start, end, iso in find_dates(text)]
    tokens.sort(key=lambda t: t[0])
    if not tokens or text[: tokens[0][0]].strip(SEPARATORS):
        return None
    fields: dict[str, str] = {}
    label_only = False      # a label with nothing to lift: an empty "责任编辑：", a view count, an IP location
    end_of_previous = 0
    for index, (start, end, kind, match) in enumerate(tokens):
        if start < end_of_previous:
            return None
        following = tokens[index + 1][0] if index + 1 < len(tokens) else len(text)
        value = text[end:following].strip(SEPARATORS + BRACKETS)
        if kind == "date":
            value = text[end:following].strip(DATE_TRAILERS)
            if value:           # a date is followed by a label or nothing, never by free text
                return None
            if match is None:
                return None
            fields.setdefault("created", match)
        else:
            if not _value_ok(value):
                return None
            field = field_of[match.group("label").casefold()]
            if field in ("publisher", "author", "editor") and value:
                fields.setdefault(field, value)
            elif field is None or (field != "created" and not value):
                label_only = True
        end_of_previous = end
    return fields if fields or label_only else None


def _starts_with_token(text: str, label_re: re.Pattern[str] | None) -> bool:
    """Whether a label (unless label_re is None) or a date starts before the first non-separator
    character. A line made of label/value pairs and dates must open with one; this anchored test spares
    the other lines (nearly all of them) a scan for every label and date."""
    first = len(text) - len(text.lstrip(SEPARATORS))
    # (a line of separators only ends with first == len(text), where no label or date can start)
    for pos, char in enumerate(text[:first + 1]):
        if label_re is not None and label_re.match(text, pos):
            return True
        if (char.isdecimal() or char in DATE_INITIALS) and DATE.match(text, pos):
            return True
    return False


def _parse_byline(text: str) -> dict[str, str] | None:
    zh_line, _ = _zh_bylines()
    match = zh_line.match(text)
    if match:
        return {"author": _strip_byline_words(match.group("names") + match.group("more"))}
    if not text.isascii() and HAN_RE.search(text):
        return None
    # the first two patterns need "reporter" (whose letters have no case variants but their upper case)
    if not text.startswith("By") and "reporter" not in text.lower():
        return None
    if len(text.split()) > 20:
        return None
    for pattern in EN_BYLINES:
        match = pattern.match(text)
        if match:
            return {"author": match.group("names")}
    return _dated_en_byline(text) if text.startswith("By") else None


def _first_date(text: str) -> tuple[int, str | None] | None:
    """(offset, ISO date or None when invalid or relative: "6 天前") of the first date of a short dateline."""
    if len(text) > MAX_DATELINE_CHARS or any(char in text for char in NOT_IN_DATELINE):
        return None
    if text.endswith(".") and len(text.split()) > MAX_DATELINE_WORDS:
        return None     # "Updated May 5, 2024 to correct the spelling of a name." is a sentence
    dates = find_dates(text)
    if dates and dates[0][0] <= MAX_DATE_OFFSET:
        return dates[0][0], dates[0][2]
    relative = RELATIVE_TIME.search(text, 0, MAX_DATE_OFFSET + 12)
    return (relative.start(), None) if relative else None


def _parse_dateline(text: str) -> dict[str, str] | None:
    """A publication dateline: its date; {} for an update line (its date is not the publication's)."""
    if text[0] not in DATELINE_INITIALS:
        return None
    match = DATELINE.match(text)
    found = _first_date(text) if match else None
    if found is None:
        return None
    _, iso = found
    if match.group("updated_only") is not None or iso is None:
        return {}
    return {"created": iso}


def _dated_en_byline(text: str) -> dict[str, str] | None:
    match = EN_DATED_BYLINE.match(text)
    found = _first_date(match.group("rest")) if match else None
    if found is None or found[0] > 0:
        return None
    fields = {"author": match.group("names")}
    if found[1]:
        fields["created"] = found[1]
    return fields


def _strip_byline_words(names: str) -> str:
    words = set(rule_sections("bylines_zh.txt", (NO_HEADER,))[NO_HEADER]) | {"摄"}
    parts = names.replace("、", " ").replace("，", " ").replace(",", " ").replace("：", " ").replace(":", " ")
    return " ".join(part for part in parts.split() if part not in words)


def paragraph_byline(line: str) -> str | None:
    """The reporters named in a parenthetical byline inside a paragraph: "……（记者 张三 通讯员 李四）"."""
    if "(" not in line and "（" not in line:
        return None
    _, paren = _zh_bylines()
    match = paren.search(line)
    if match is None:
        return None
    return _strip_byline_words(match.group("names")) or None


TITLE_SEPARATOR = re.compile(r"[-–—|｜_]")      # every TITLE_SPLIT match holds one of them
TITLE_SPLIT = re.compile(rf"\s*(?:\s[-–—|｜]\s|[_｜|]|(?<=[{HAN_CLASS}）”])-(?=[{HAN_CLASS}（“A-Za-z]))\s*")
MAX_SUFFIX_PART = 24


def split_site_title(line: str) -> str | None:
    """The headline of a page title carrying site or channel suffixes ("标题-栏目-网站", "Title | Site")."""
    if not TITLE_SEPARATOR.search(line):
        return None
    parts = [part for part in TITLE_SPLIT.split(line) if part]
    if len(parts) < 2:
        return None
    headline, suffixes = parts[0], parts[1:]
    if any(len(part) > MAX_SUFFIX_PART or SENTENCE_PUNCT.search(part) for part in suffixes):
        return None
    if len(headline) < max(len(part) for part in suffixes):
        return None
    return headline


def _may_open_with_one_of(line: str, later: list[str]) -> bool:
    """Whether the headline split_site_title may find in the line can be one of the later lines. That
    headline is the line's first part: the line starts with it, unless a separator match opens the line
    (which then starts with white space or one of _｜|)."""
    if line[:1].isspace() or line[:1] in "_｜|":
        return any(other in line for other in later)
    return line.startswith(tuple(later))


def _looks_like_headline(line: str) -> bool:
    if HAN_RE.search(line):
        return len(line) >= 6
    return len(line.split()) >= 4


def find_metadata(lines: list[str]) -> tuple[dict, list[str | None]]:
    """Fields {title, created, publisher, author, editor} found in the lines, and one verdict per line."""
    fields: dict[str, str | None] = dict.fromkeys(FIELDS)
    verdicts: list[str | None] = [None] * len(lines)
    for index, line in enumerate(lines):
        parsed = parse_metadata_line(line)
        if parsed is not None:
            verdicts[index] = FIELD_REASON[next(iter(parsed))] if parsed else "meta.label"
            for key, value in parsed.items():
                if fields[key] is None:
                    fields[key] = value
        elif fields["author"] is None:
            fields["author"] = paragraph_byline(line)
    fields["title"] = _find_title(lines, verdicts)
    return fields, verdicts


def _find_title(lines: list[str], verdicts: list[str | None]) -> str | None:
    top = [i for i in range(min(len(lines), TOP_LINES)) if verdicts[i] is None]
    for index in top:
        line, later = lines[index], lines[index + 1:]
        if not _may_open_with_one_of(line, later):      # nearly all lines: no need to split them
            continue
        headline = split_site_title(line)
        if headline and headline in later:
            verdicts[index] = "meta.title"
            return headline
    for index in top:
        if _looks_like_headline(lines[index]) and not _is_page_chrome(lines[index]):
            return split_site_title(lines[index]) or lines[index]
    return None


def _is_page_chrome(line: str) -> bool:
    """A nav bar or breadcrumb above the headline is not the title (the boilerplate stage removes it later)."""
    reason, _ = classify_line(line, vocabulary())
    return reason is not None


class MetadataLines(LineStage):
    """Line stage: removes metadata lines and lifts their fields where HTML extraction left them empty."""

    name = "metadata"
    reasons = ("meta.title", "meta.date", "meta.source", "meta.author", "meta.editor", "meta.label")

    def judge(self, lines: list[str], view: DocView) -> Judged:
        fields, verdicts = find_metadata(lines)
        return Judged(verdicts, fields)
