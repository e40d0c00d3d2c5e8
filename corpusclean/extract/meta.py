"""Page metadata: title, url, publication date, author, editor, publisher.

<meta> tags are trusted first; the lines near the headline (the date/source/author line of Chinese and
English news pages) fill in what the tags do not say.
"""

from __future__ import annotations

import re

from corpusclean.text import HAN_CLASS

TITLE_SEPARATORS = re.compile(
    r"\s+[-–—|｜_]{1,2}\s+|\s*[_｜|]\s*"
    rf"|(?<=[{HAN_CLASS}）》”])\s*[-－—–]{{1,2}}\s*(?=[{HAN_CLASS}（《“])"
)
DATE_META_KEYS = (
    "article:published_time", "og:release_date", "datepublished", "pubdate", "publishdate",
    "publish_date", "publication_date", "dc.date.issued", "dc.date", "date", "sailthru.date",
    "parsely-pub-date", "og:published_time", "article:published", "firstpublishedtime",
)
AUTHOR_META_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author")
PUBLISHER_META_KEYS = ("source", "og:site_name", "publisher", "dc.publisher", "application-name")

# The patterns start with a literal or a character class, never with a lookbehind or an IGNORECASE
# literal: the regex engine then skips in C to the positions where a match can start (or tests the first
# character of each alternative before entering it), which matters on lines of 10,000 characters.
# "Not after a digit" is checked just after the first characters, where (?<!\d(?:19|20)) means the same.
NUMERIC_DATE = re.compile(
    r"((?:19|20)(?<!\d(?:19|20))\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*T?\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?)?"
)
MONTHS = {
    name: number for number, names in enumerate((
        ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
        ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
        ("oct", "october"), ("nov", "november"), ("dec", "december"),
    ), start=1) for name in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
ENGLISH_DATE_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})", re.IGNORECASE)
# What follows the month in ENGLISH_DATE_MDY: a line without it holds no such date, and it is found without
# trying the twelve month names at every position
MDY_AFTER_MONTH = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}", re.IGNORECASE)
ENGLISH_DATE_DMY = re.compile(r"(\d(?<!\d\d)\d?)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+((?:19|20)\d{2})", re.IGNORECASE)
CLOCK = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def _caseless(word: str) -> str:
    """``word`` ignoring case, its first letter spelt as a class (which the engine can test before entering
    the alternative). Ignoring case, an ASCII letter also matches ſ (s), K (k), İ and ı (i)."""
    first = word[0].lower()
    others = {"s": "ſ", "k": "\u212a", "i": "İı"}.get(first, "")
    return f"[{first}{first.upper()}{others}](?i:{word[1:]})"


LABELLED_VALUE = r"(?i:\s*[:：]\s*([^\s|｜/()（）\[\]【】]{2,30}(?:\s[A-Z][\w.\-]+)*))"
SOURCE_LINE = re.compile(rf"(?:来源|來源|稿源|出处|{_caseless('Source')})" + LABELLED_VALUE)
AUTHOR_LINE = re.compile(rf"(?:作者|记者|記者|撰文|文|{_caseless('Author')}|{_caseless('By')})" + LABELLED_VALUE)
EDITOR_LINE = re.compile(rf"(?:责任编辑|責任編輯|编辑|編輯|责编|{_caseless('Editor(?: in charge)?')})" + LABELLED_VALUE)
ENGLISH_BYLINE = re.compile(r"^By\s+([A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|and|de|van|von))*)")
SEARCHED_LINES = 12  # lines after the headline where the date/source/author line is looked for


def _valid(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 60


def _iso(year: int, month: int, day: int, clock: tuple[int, int, int] | None) -> str:
    date = f"{year:04d}-{month:02d}-{day:02d}"
    return date if clock is None else f"{date}T{clock[0]:02d}:{clock[1]:02d}:{clock[2]:02d}"


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601 ("2018-01-08T07:19:00" with a time, else "2018-01-08")."""
    if not text:
        return None
    match = NUMERIC_DATE.search(text)
    if match:
        year, month, day = (int(g) for g in match.group(1, 2, 3))
        clock = None
        if match.group(4):
            clock = (int(match.group(4)), int(match.group(5)), int(match.group(6) or 0))
        if _valid(year, month, day, *(clock or ())):
            return _iso(year, month, day, clock)
    for pattern, order in ((ENGLISH_DATE_MDY, "mdy"), (ENGLISH_DATE_DMY, "dmy")):
        match = pattern.search(text) if order == "dmy" or MDY_AFTER_MONTH.search(text) else None
        if not match:
            continue
        if order == "mdy":
            month, day, year = MONTHS[match.group(1).lower().rstrip(".")], int(match.group(2)), int(match.group(3))
        else:
            day, month, year = int(match.group(1)), MONTHS[match.group(2).lower().rstrip(".")], int(match.group(3))
        if not _valid(year, month, day):
            continue
        return _iso(year, month, day, _clock_near(text[match.end():match.end() + 20]))
    return None


def hour_24(hour: int, meridiem: str | None) -> int:
    """The hour on the 24-hour clock, given "am"/"pm" (or "a.m.", "P", ...) or None: 12 AM is 0, 6 PM is 18."""
    half = (meridiem or "")[:1].lower()
    if half == "p" and hour < 12:
        return hour + 12
    if half == "a" and hour == 12:
        return 0
    return hour


def _clock_near(text: str) -> tuple[int, int, int] | None:
    match = CLOCK.search(text)
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    hour = hour_24(hour, match.group(4))
    return (hour, minute, second) if _valid(2000, 1, 1, hour, minute, second) else None


def strip_site_suffix(title: str) -> str:
    """"标题_网易新闻" / "标题-栏目-网站名" / "Title | Site" -> the title part (the longest part wins
    when the first one is a short site name put in front)."""
    title = " ".join(title.split())
    parts = [part for part in TITLE_SEPARATORS.split(title) if part and part.strip()]
    if len(parts) <= 1:
        return title
    first = parts[0].strip()
    longest = max(parts, key=len).strip()
    return longest if len(first) * 2 < len(longest) else first


def meta_values(root) -> dict[str, str]:
    """name/property/itemprop of every <meta> (lowercased) -> its content; the first one wins."""
    values: dict[str, str] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                values.setdefault(key.strip().lower(), content.strip())
    for element in root.iter("time"):
        if element.get("itemprop", "").lower() == "datepublished" and element.get("datetime"):
            values.setdefault("datepublished", element.get("datetime"))
    return values


def canonical_url(root, meta: dict[str, str]) -> str | None:
    for element in root.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and (element.get("href") or "").startswith("http"):
            return element.get("href").strip()
    url = meta.get("og:url")
    return url if url and url.startswith("http") else None


def page_title(root) -> str | None:
    for element in root.iter("title"):
        text = " ".join((element.text or "").split())
        if text:
            return text
    return None


def with_colon(lines: list[str]) -> list[str]:
    """The lines that can hold a labelled value ("来源：..."): searching only them is 4x faster."""
    return [line for line in lines if ":" in line or "：" in line]


def first_match(pattern: re.Pattern, lines: list[str]) -> str | None:
    for line in lines:
        match = pattern.search(line)
        if match:
            return match.group(1).strip()
    return None


def _first_meta(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def title_guess(root) -> str | None:
    """og:title, else the <title> without its site suffix."""
    meta = meta_values(root)
    raw = meta.get("og:title") or page_title(root)
    return strip_site_suffix(raw) if raw else None


NOT_A_NAME = re.compile(r"https?:|@|^\d+$|[，。！？；]")


def is_plausible_name(value: str | None) -> bool:
    """Template placeholders ("name, email@example.com"), ids and sentences are not an author's name."""
    return bool(value) and len(value) <= 60 and NOT_A_NAME.search(value) is None


def page_metadata(root, lines: list[str], url: str | None = None, headline: str | None = None) -> dict:
    """Metadata from the page's tags and from the first lines of its main content (headline first)."""
    meta = meta_values(root)
    near_headline = lines[:SEARCHED_LINES]
    title = headline or title_guess(root)
    created = None
    for key in DATE_META_KEYS:
        created = parse_date(meta.get(key, ""))
        if created:
            break
    if created is None:
        created = next((d for d in map(parse_date, near_headline[1:]) if d), None)
    labelled = with_colon(near_headline)  # the *_LINE patterns all need a colon after the label
    candidates = (_first_meta(meta, AUTHOR_META_KEYS), first_match(AUTHOR_LINE, labelled),
                  first_match(ENGLISH_BYLINE, near_headline))
    author = next((name for name in candidates if is_plausible_name(name)), None)
    return {
        "title": title,
        "url": canonical_url(root, meta) or url,
        "author": author,
        "editor": first_match(EDITOR_LINE, with_colon(lines[-SEARCHED_LINES:])) or first_match(EDITOR_LINE, labelled),
        "publisher": first_match(SOURCE_LINE, labelled) or _first_meta(meta, PUBLISHER_META_KEYS),
        "created": created,
    }
