"""Dates in a line of text, a tag's value or a URL, read as a Stamp.

A Stamp keeps what the page states: the day, the time when one is given (its precision says to what
unit), and the time zone when one is stated. Every stamp is written in one shape (``created``), so a
column of dates has one type for Arrow-based readers.

Forms read: 2005-3-11, 2005/03/11, 2005.03.11 (one separator throughout), 2005年3月11日, 二〇〇五年三月十一日,
05-03-11 (a two-digit year, Chinese order, zero-padded), 115-03-11, 115/03/11 and 115年3月11日 (Taiwan's
calendar, years 100-149), March 11, 2005 and 11 March 2005, and in a byline 11/19/2019 and 19/11/2019 (the year
last, when the order of day and month is told); each with the time that follows (13:05, 13:05:09, 下午1:05,
13时05分, 1:05 pm, at 9:24 pm, | 4:10pm, 18.54 GMT) and a stated zone (Z, +08:00, GMT+8, " +0800"), an English date also
with the time before it (11:09 PM PDT • May 19, 2024). A URL's
/2005-03/11/, /20050311/, t20050311_. A relative date (3小时前, 昨天) names no day without the time of the
crawl, which is not known: it is not read.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from corpusclean.text import compiled_when_used

CREATED_SHAPE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
_ASCII_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True, slots=True)
class Stamp:
    year: int
    month: int
    day: int
    hour: int = 0
    minute: int = 0
    second: int = 0
    precision: str = "day"          # day | minute | second: the smallest unit the page states
    timezone: str | None = None     # "+08:00" when the page states a zone or an offset

    @property
    def created(self) -> str:
        """The one shape every record's ``created`` has: YYYY-MM-DDTHH:MM:SS, in the time the page states."""
        return (f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
                f"T{self.hour:02d}:{self.minute:02d}:{self.second:02d}")

    @property
    def day_of(self) -> tuple[int, int, int]:
        return self.year, self.month, self.day


def make_stamp(year: int, month: int, day: int, hour: int | None = None, minute: int | None = None,
               second: int | None = None, timezone: str | None = None) -> Stamp | None:
    """A Stamp, or None when the values name no moment (a 13th month, a 31 February, 25 o'clock)."""
    try:
        datetime(year, month, day, hour or 0, minute or 0, second or 0)
    except ValueError:
        return None
    precision = "day" if minute is None else "minute" if second is None else "second"
    return Stamp(year, month, day, hour or 0, minute or 0, second or 0, precision, timezone)


class FoundDate(NamedTuple):
    start: int
    end: int
    stamp: Stamp | None     # None: the shape of a date with impossible values ("2023-13-45")


# The patterns start with a literal or a character class, never with a lookbehind: the regex engine then
# skips in C to the positions where a match can start, which matters on lines of 10,000 characters.
# "Not after a digit" is checked just after the first characters, where it means the same.
NUMERIC = re.compile(
    r"((?:19|20)(?<!\d(?:19|20))\d\d)"
    r"(?:([-/.])(\d{1,2})\2(\d{1,2})(?!\d|\2\d)"                  # 2005-3-11, 2005/03/11, 2005.03.11 (not 2019.1.1.5)
    r"|([-/.])(\d{1,2})\5(\d\d)(?=\d\d?[:：]\d\d)"                 # 2019-09-3007:42: a time glued on
    r"|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?)"          # 2005年3月11日
)
# Taiwan's official calendar (民国): year 1 is 1912, so 2011-2060 are 100-149: "115-12-03", "115/12/03" (month
# and day zero-padded, as SHORT_YEAR's: "110-12-3" is a house number as often), "115年12月3日", "民国115年12月3日";
# a dot between its parts is a version number as often ("115.12.03")
ROC_DATE = re.compile(
    r"(?:民[国國]\s*)?(1(?<![\d./-]1)[0-4]\d)"
    r"(?:([-/])(\d\d)\2(\d\d)(?![\d./-])|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?)"
)
ROC_YEAR_ONE = 1911
SHORT_YEAR = re.compile(r"(\d(?<![\d.:/-]\d)\d)([-.])(\d\d)\2(\d\d)(?![\d.:/-])")   # 05-03-11
# A date with the year last, as English pages print it: 11/19/2019, 11.14.2019, 21/06/2014, 11/19/19 (a two-digit
# year after slashes only: "11.19.19" is a version number as often). Britain prints the day first, the US the month:
# the order is told only when one of the two is over 12 or both are the same, else the date is not read.
_year_last = compiled_when_used(
    r"(\d(?<![\d./:-]\d)\d?)(?:/(\d{1,2})/((?:19|20)?\d\d)|\.(\d{1,2})\.((?:19|20)\d\d))(?![\d/:-]|\.\d)"
)
HAN_NUMERAL_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]"
)
HAN_DIGITS = {char: value for value, chars in enumerate(("〇○零", "一", "二", "三", "四", "五", "六", "七", "八", "九"))
              for char in chars}
MONTHS = {
    name: number for number, names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december"),
    ), start=1) for name in names
}
_MONTH = (r"([JjFfMmAaSsOoNnDd](?i:an(?:uary)?|eb(?:ruary)?|ar(?:ch)?|pr(?:il)?|ay|une?|uly?|ug(?:ust)?"
          r"|ept?(?:ember)?|ct(?:ober)?|ov(?:ember)?|ec(?:ember)?))\.?")
# the year ends where a digit does not follow, or where a page's markup glued the time to it ("May 10, 20243:55 PM")
_YEAR_END = r"(?:(?!\d)|(?=\d\d?:\d\d))"
ENGLISH_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)" + _YEAR_END)
ENGLISH_DMY = re.compile(r"(\d(?<!\d\d)\d?)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)" + _YEAR_END)
# A zone by its name after a time ("6:14 PM EST"): read past, its offset not taken (CST is China's or Central).
ZONE_NAMES = r"(?:[ECMP][SD]?T|BST|CES?T|HKT|JST|KST|SGT|AES?T|IST)"
_MERIDIEM = r"(?:\s*(?P<meridiem>[AaPp])\.?[Mm]\.?(?![A-Za-z]))?"
_ZONE = (r"(?:(?P<glued>Z|[+-]\d\d(?::?\d\d)?|(?<=\d)\s(?=[+-])[+-]\d\d:?\d\d)(?![\dA-Za-z])"
         r"|\s*(?P<gmt>GMT|UTC)(?:\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?)?(?![\dA-Za-z])"
         r"|\s+" + ZONE_NAMES + r"(?![\dA-Za-z]))?")
# A clock time: 13:05, 13:05:09, 13时05分; 18.54 and 4.10pm only with a meridiem or a zone after them (else
# "18.54" is an amount as often). Then its meridiem and zone.
_CLOCK = (r"(?P<hour>\d{1,2})(?:[:：](?P<minute>\d\d)(?:[:：](?P<second>\d\d)(?:\.\d+)?)?"
          r"|[时点點](?P<han_minute>\d{1,2})分(?:(?P<han_second>\d{1,2})秒)?"
          r"|\.(?P<dotted_minute>\d\d)(?=\s*(?:[AaPp]\.?[Mm]|GMT|UTC|" + ZONE_NAMES + r")(?![A-Za-z])))(?!\d)"
          + _MERIDIEM + _ZONE)
# What may follow a date: a weekday, then a time with its zone; in English set off by "at", "@" or a
# separator ("Nov 18, 2019 at 9:24 pm ET", "November 18, 2019 | 4:10pm", "November 18, 2019 -- 19:14 GMT").
TIME = re.compile(
    r"(?P<lead>\s*T\s*|\s*,?\s*|\s*,?\s+at\s+|\s*@\s*|\s+(?:[|/•·–—]|--?)\s+)"
    r"(?:(?:星期|周|礼拜)[一二三四五六日天]\s*)?"
    r"(?P<half>上午|下午|晚上|凌晨|早上|中午|傍晚)?\s*" + _CLOCK
)
# A time before an English date ("11:09 PM PDT • May 19, 2024", "10:48, Tue, Nov 19, 2019"): ends where the
# date starts.
MAX_LEADING_TIME = 40
# An English weekday, whole or cut short: Monday, Mon, Mon., Tues, Thurs
EN_WEEKDAY = r"(?<![A-Za-z])(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday|s|rs?)?\.?(?![A-Za-z])"


@functools.cache     # compiled when first asked, as _clock_line: only some English dates need them (5 ms of re's compiler)
def _leading_time() -> re.Pattern[str]:
    return re.compile(r"(?<![\d.:])" + _CLOCK + r"\s*(?:[,|•·@-]\s*)?(?:" + EN_WEEKDAY + r",?\s+)?$")


@functools.cache
def _clock_line() -> re.Pattern[str]:
    return re.compile(r"\s*" + _CLOCK + r"\s*")


WEEKDAY = re.compile(r"\s*(?:(?:星期|周|礼拜)[一二三四五六日天]|[（(](?:星期|周)?[一二三四五六日天][）)])")
AFTERNOON = ("下午", "晚上", "傍晚")
BEFORE_NOON = ("上午", "凌晨", "早上")
_url_date = compiled_when_used(
    r"((?:19|20)(?<!\d(?:19|20))\d\d)(?:[-_/]?(0[1-9]|1[0-2])[-_/]?(0[1-9]|[12]\d|3[01])"
    r"|/(\d{1,2})/(\d{1,2})/)(?!\d)"
)


def hour_24(hour: int, meridiem: str | None) -> int:
    """The hour on the 24-hour clock, given "am"/"pm" (or "a.m.", "P", 上午, 下午, ...) or None: 12 AM is 0,
    6 PM is 18."""
    half = (meridiem or "")[:1].lower()
    if (half == "p" or meridiem in AFTERNOON) and hour < 12:
        return hour + 12
    if (half == "a" or meridiem in BEFORE_NOON) and hour == 12:
        return 0
    return hour


def _offset(sign: str, hours: str, minutes: str | None) -> str:
    """The offset in our shape, or "" for one no zone has (+99:99)."""
    if int(hours) > 14 or int(minutes or 0) >= 60:
        return ""
    return f"{sign}{int(hours):02d}:{int(minutes or 0):02d}"  # in ASCII digits, whatever digits it was written in


def _zone(time: re.Match[str]) -> str | None:
    """The zone stated after a time: Z and GMT/UTC are +00:00; None when none is, "" for an offset no zone has.
    A numeric offset glued to the time counts in the ISO form only (a T, or seconds, before it): "10:00-12:00" is
    a span of hours; one after a space always (RFC 2822's "10:30:00 +0800", Go's "10:30:00 +0800 CST")."""
    glued = time.group("glued")
    if glued:
        if glued == "Z":
            return "+00:00"
        if glued[0] in "+-" and "T" not in (time.groupdict().get("lead") or "") and time.group("second") is None:
            return None
        offset = glued.lstrip()
        digits = offset[1:].replace(":", "")
        return _offset(offset[0], digits[:2], digits[2:])
    if time.group("sign"):
        return _offset(time.group("sign"), time.group("hours"), time.group("minutes"))
    return "+00:00" if time.group("gmt") else None


def _stamp_with(time: re.Match[str], year: int, month: int, day: int) -> Stamp | None:
    """The stamp of a day and a clock time matched by _CLOCK (None when the time names no moment)."""
    if time.group("minute"):
        minute, second = time.group("minute"), time.group("second")
    elif time.group("han_minute"):
        minute, second = time.group("han_minute"), time.group("han_second")
    else:
        minute, second = time.group("dotted_minute"), None
    hour = hour_24(int(time.group("hour")), time.group("meridiem") or time.groupdict().get("half"))
    zone = _zone(time)
    if zone == "":  # "10:30:00+99:99": a time in no zone names no moment, as "25:30" names none
        return None
    return make_stamp(year, month, day, hour, int(minute), None if second is None else int(second), zone)


def _with_time(text: str, end: int, year: int, month: int, day: int) -> tuple[int, Stamp | None]:
    """The stamp of a date that ends at ``end``, with the time that follows it if any; and where it ends."""
    time = TIME.match(text, end)
    if time is None:
        weekday = WEEKDAY.match(text, end)
        return weekday.end() if weekday else end, make_stamp(year, month, day)
    stamp = _stamp_with(time, year, month, day)
    if stamp is None:   # not a time after all ("2019-09-07 99:99"): the date alone
        return end, make_stamp(year, month, day)
    return time.end(), stamp


def _with_leading_time(text: str, start: int, year: int, month: int, day: int) -> tuple[int, Stamp] | None:
    """An English date's stamp with the time printed before it, and where that time starts; None when no
    time stands right before the date."""
    time = _leading_time().search(text, max(0, start - MAX_LEADING_TIME), start)
    stamp = time and _stamp_with(time, year, month, day)
    return (time.start(), stamp) if stamp else None  # type: ignore[union-attr]


def _han_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十一 -> 11, 二十 -> 20, 三十一 -> 31."""
    if "十" not in text:
        return HAN_DIGITS[text] if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (HAN_DIGITS[tens] if tens else 1) * 10 + (HAN_DIGITS[ones] if ones else 0)


def _century(two_digits: str) -> int:
    """A two-digit year: 00-49 are 2000-2049, 50-99 are 1950-1999 (fixed, so a run gives the same dates
    whenever it runs)."""
    value = int(two_digits)
    return 2000 + value if value < 50 else 1900 + value


def _numeric_dates(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of every date written with digits or Han numerals."""
    found = []
    for match in NUMERIC.finditer(text):
        # each form of NUMERIC has its own month and day groups: (3, 4), (6, 7), (8, 9)
        month, day = next((match.group(m), match.group(m + 1)) for m in (3, 6, 8) if match.group(m))
        found.append((match.start(), match.end(), int(match.group(1)), int(month), int(day)))
    if "-" in text or "." in text:
        for match in SHORT_YEAR.finditer(text):
            found.append((match.start(), match.end(), _century(match.group(1)), int(match.group(3)),
                          int(match.group(4))))
    if "-" in text or "/" in text or "年" in text:
        for match in ROC_DATE.finditer(text):
            month, day = (match.group(3), match.group(4)) if match.group(3) else (match.group(5), match.group(6))
            found.append((match.start(), match.end(), ROC_YEAR_ONE + int(match.group(1)), int(month), int(day)))
    if "年" in text:
        for match in HAN_NUMERAL_DATE.finditer(text):
            year = int("".join(str(HAN_DIGITS[char]) for char in match.group(1)))
            found.append((match.start(), match.end(), year, _han_number(match.group(2)),
                          _han_number(match.group(3))))
    return found


def _english_dates(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of every date written with a month's name."""
    found = []
    for match in ENGLISH_MDY.finditer(text):
        month = MONTHS.get(match.group(1).lower())
        if month:
            found.append((match.start(), match.end(), int(match.group(3)), month, int(match.group(2))))
    for match in ENGLISH_DMY.finditer(text):
        month = MONTHS.get(match.group(2).lower())
        if month:
            found.append((match.start(), match.end(), int(match.group(3)), month, int(match.group(1))))
    return found


def _year_last_dates(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of every date written with the year last (_year_last) whose order is told."""
    found = []
    for match in _year_last().finditer(text):
        first, second = int(match.group(1)), int(match.group(2) or match.group(4))
        year = match.group(3) or match.group(5)
        if first == second or first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            continue    # 05/06/2019: the 5th of June or the 6th of May
        found.append((match.start(), match.end(), int(year) if len(year) == 4 else _century(year), month, day))
    return found


def _has_digit(text: str) -> bool:
    """Whether a character of the text is a digit (str.isdigit: full-width and superscript digits too)."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def find_dates(text: str, year_last: bool = False) -> list[FoundDate]:
    """Every date in the text, in order, each with the time (and zone) that follows it. With ``year_last``, the
    dates with the year last too (_year_last): asked where the words make the line a dateline (a byline). Read
    everywhere, they stamp each reply of a forum thread ("Posted by: X 5/21/2024 3:12:08 AM"), and taken for the
    page's dateline they moved its headline and cut the replies from the body."""
    if not _has_digit(text) and "年" not in text:
        return []
    english = _english_dates(text) + (_year_last_dates(text) if year_last and ("/" in text or "." in text) else [])
    spans = _numeric_dates(text) + english
    dates: list[FoundDate] = []
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        start, end, year, month, day = span
        if dates and start < dates[-1].end:
            continue    # inside a date already found ("05-03-11" in "2005-03-11")
        end, stamp = _with_time(text, end, year, month, day)
        if stamp is not None and stamp.precision == "day" and span in english:
            leading = _with_leading_time(text, start, year, month, day)
            if leading is not None and not (dates and leading[0] < dates[-1].end):
                start, stamp = leading
        dates.append(FoundDate(start, end, stamp))
    return dates


def with_time_line(stamp: Stamp, line: str) -> Stamp | None:
    """A day's stamp with the time of a line that holds a clock time alone ("5:50 PM", "18.54 GMT"); None for any
    other line."""
    time = _clock_line().fullmatch(line)
    return _stamp_with(time, *stamp.day_of) if time else None


# Three numbers with one separator between them (2023-04-13, 13.04.2023, 04/13/2023, 13-4-23), or 8 digits (20230413)
_NUMBERS = re.compile(r"(\d(?<!\d\d)\d{0,3})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?!\d)|(\d(?<!\d\d)\d{7})(?!\d)")


def states_day(text: str, day: tuple[int, int, int]) -> bool:
    """Whether the text states this day (year, month, day): as numbers in an order pages print them (_NUMBERS), or
    as a date find_dates reads (April 13, 2023; 2023年4月13日). Read around each place the year stands (a long page
    holds many numbers), then every number with the year in two digits (13-4-23)."""
    year, month, day_of_month = day

    def names_day(match: re.Match[str]) -> bool:
        if match[5]:
            return (int(match[5][:4]), int(match[5][4:6]), int(match[5][6:])) == day
        if len(match[1]) == 4:
            return (int(match[1]), int(match[3]), int(match[4])) == day
        return (match[4] in (str(year), f"{year % 100:02d}")
                and (int(match[1]), int(match[3])) in ((day_of_month, month), (month, day_of_month)))

    for year_at in re.finditer(str(year), text):
        around = text[max(0, year_at.start() - MAX_LEADING_TIME):year_at.end() + MAX_LEADING_TIME]
        if any(map(names_day, _NUMBERS.finditer(around))) or any(
                found.stamp is not None and found.stamp.day_of == day for found in find_dates(around, year_last=True)):
            return True
    return any(names_day(match) for match in _NUMBERS.finditer(text) if match[4] and len(match[4]) == 2)


def parse_date(text: str | None) -> Stamp | None:
    """The first valid date of a tag's value or a short text."""
    for found in find_dates(text or ""):
        if found.stamp is not None:
            return found.stamp
    return None


def url_date(url: str | None) -> Stamp | None:
    """The date in a URL's path: /2005-03/11/, /20050311/, t20050311_, /2005/3/11/ (day precision)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for match in _url_date().finditer(path):
        month, day = (match.group(2), match.group(3)) if match.group(2) else (match.group(4), match.group(5))
        stamp = make_stamp(int(match.group(1)), int(month), int(day))
        if stamp is not None:
            return stamp
    return None


# After a date, a time or a zone it was not read with: "2023-05-01T25:00:00", "...10:00:00-25:00" (no zone has it)
_UNREAD_TIME = re.compile(r"\s*T?\s*\d|[:+-]")
_OFFSET_AT_END = re.compile(r"[+-]\d\d:?\d\d$")


def stamp_of_record(created: str, precision: str | None, timezone: str | None) -> Stamp | None:
    """The stamp a record's own fields state: ``created`` in our shape with its precision and zone keys
    (a record we wrote, read back as it was), or any date a record from elsewhere gives, when it is read whole:
    None for one whose time or zone names no moment, which is kept as stated, as one that names no date."""
    if CREATED_SHAPE.fullmatch(created) and precision in ("day", "minute", "second"):
        year, month, day = int(created[:4]), int(created[5:7]), int(created[8:10])
        hour, minute, second = int(created[11:13]), int(created[14:16]), int(created[17:19])
        stamp = make_stamp(year, month, day, hour, minute, second, timezone)
        return None if stamp is None else Stamp(*stamp.day_of, hour, minute, second, precision, timezone)
    for found in find_dates(created):
        if found.stamp is not None:
            unread_zone = found.stamp.timezone is None and _OFFSET_AT_END.search(created, found.start, found.end)
            return None if unread_zone or _UNREAD_TIME.match(created, found.end) else found.stamp
    return None


def in_utc(created: str | None, zone: str | None) -> str | None:
    """A ``created`` of our shape in UTC when its zone is stated ("+08:00"), else as it is: what orders two dates
    in time (10:00 at +08:00 is before 09:00 at +00:00)."""
    if not created or not zone or not CREATED_SHAPE.match(created):
        return created
    try:
        return datetime.fromisoformat(created[:19] + zone).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    except (ValueError, OverflowError):  # OverflowError: the moment in UTC is beyond year 1 or 9999
        return created
