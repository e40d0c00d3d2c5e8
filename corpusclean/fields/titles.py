"""Titles: the headline of a page title that carries site or channel names, and what can be a headline.

"标题_远帆新闻", "标题-栏目-网站", "Title | Site", "Site | Title": the headline is the part that is not a
short name. A headline is a line, never a paragraph: a title longer than a headline is no title.
"""

from __future__ import annotations

import re

from corpusclean.memo import per_line
from corpusclean.text import HAN_CLASS, compiled_when_used, has_han, holds_copyright_sign

# Every split needs a separator: spaced dashes and bars anywhere, underscores and full-width bars bare,
# a bare hyphen only between Han characters (or a closing bracket and a Latin word): "COVID-19" stays.
_title_split = compiled_when_used(
    rf"\s*(?:\s[-–—|｜]{{1,2}}\s|[_｜|]|(?<=[{HAN_CLASS}）》”\w])[-－—–]{{1,2}}(?=[{HAN_CLASS}（《“]))\s*"
)
# _title_split but for a long dash glued to the words on both sides, a Chinese headline's own ("A——B")
SITE_SPLIT = re.compile(
    rf"\s*(?:\s[-–—|｜]{{1,2}}\s|[_｜|]|(?<=[{HAN_CLASS}）》”\w])[-－](?=[{HAN_CLASS}（《“]))\s*"
)
SENTENCE_PUNCT = re.compile(r"[。！？；!?;]|\.\s")
MAX_SUFFIX_PART = 24
MAX_HAN_HEADLINE = 80       # characters: the longest Chinese headlines are about 60
MAX_LATIN_HEADLINE = 250    # characters, and words:
MAX_LATIN_HEADLINE_WORDS = 35
DEK_WORDS = 8               # a dek in English is a clause of this many words at least
MAX_HEADLINE_STOPS = 2      # "奖金300万元！“首位获奖教师”啥来头？" holds two; a paragraph holds more
HEADLINE_STOPS = re.compile(r"[。！？!?]+|(?<!\.)\.(?:\s|$)")    # "？！" and "?????" count once; "..." never


def can_be_headline(text: str | None) -> bool:
    """Whether a line is short enough, and unlike a paragraph enough, to be a page's headline; a copyright line
    ("版权所有 © 2024 某某网") is none. (The lengths go first: a paragraph fails fast.)"""
    if not text or not text.strip():
        return False
    if has_han(text):
        if len(text) > MAX_HAN_HEADLINE:
            return False
    elif len(text) > MAX_LATIN_HEADLINE or len(text.split(None, MAX_LATIN_HEADLINE_WORDS)) > MAX_LATIN_HEADLINE_WORDS:
        return False
    return len(HEADLINE_STOPS.findall(text)) <= MAX_HEADLINE_STOPS and not holds_copyright_sign(text)


def has_title_separator(title: str) -> bool:
    """Whether the title holds a separator (every _title_split match holds one of "-－–—|｜_"): without one
    split_site_title finds no site names. Substring tests: a third of the time of one regex search."""
    return ("-" in title or "_" in title or "|" in title or "｜" in title or "–" in title or "—" in title
            or "－" in title)


def title_parts(title: str) -> list[str]:
    """The parts of a page title between its separators; a long dash glued to the words on both sides separates
    parts only in a title without other separators ("“守护安澜”——全市会议召开_要闻_某某网": the headline's own
    dash, "会议召开——某某网": the site's)."""
    if not has_title_separator(title):
        return [title]
    parts = [part for part in SITE_SPLIT.split(title) if part.strip()]
    return parts if len(parts) > 1 else [part for part in _title_split().split(title) if part.strip()]


@per_line   # a page's title is split by its headline, its site names and its fields, each on its own
def split_site_title(title: str) -> tuple[str, list[str]] | None:
    """(headline, site and channel names) of a page title with names around its headline; None when the
    title has no such names. A short first part before a long one is a site name put in front. (Shared:
    never change the names.)"""
    parts = title_parts(" ".join(title.split()))
    if len(parts) < 2:
        return None
    first, longest = parts[0], max(parts, key=len)
    if len(first) * 2 < len(longest) and len(first) <= MAX_SUFFIX_PART:
        headline = longest
    else:
        headline = first
    names = [part for part in parts if part is not headline]
    if any(len(name) > MAX_SUFFIX_PART or SENTENCE_PUNCT.search(name) for name in names):
        return None
    return headline, names


def split_at_line(title: str, lines: list[str]) -> tuple[str, list[str]] | None:
    """(headline, site and channel names) of a page title that opens with one of the page's lines, the longest
    holding at least half the title and a separator at most (a headline and its subtitle; a menu row holds many),
    followed by a separator and names: "“守护安澜”——全市会议召开_要闻_某某网" over its line "“守护安澜”——全市会议召开",
    whose own dash split_site_title takes for a separator. None when no line opens the title so."""
    best = None
    for line in lines:
        if len(title) > len(line) >= max(4, len(title) / 2) and title.startswith(line) and (
                best is None or len(line) > len(best[0])) and len(title_parts(line)) <= 2:
            separator = _title_split().match(title, len(line))
            names = title_parts(title[separator.end():]) if separator else []
            if names and not any(len(name) > MAX_SUFFIX_PART or SENTENCE_PUNCT.search(name) for name in names):
                best = line, names
    return best


def headline_of_title(title: str | None, lines: list[str] | tuple[str, ...] = ()) -> str | None:
    """The headline of a page title: the longest of ``lines`` (the page's own lines) that the title starts
    with, ending where a word ends and holding at least half the title; else the title without its site
    names; None when it cannot be a headline."""
    if not title:
        return None
    title = " ".join(title.split())
    known = [" ".join(line.split()) for line in lines if line and line.strip()]
    opening = [line for line in known if len(title) > len(line) >= max(4, len(title) / 2)
               and title.startswith(line) and not title[len(line)].isalnum()]
    if opening:
        headline = max(opening, key=len)
    else:
        split = split_site_title(title)
        headline = split[0] if split else title
    return headline if can_be_headline(headline) else None


def site_names(title: str | None) -> list[str]:
    """The site and channel names around a page title's headline ("远帆新闻" of "标题_远帆新闻")."""
    split = split_site_title(title) if title else None
    return split[1] if split else []


def headline_line(lines: list[str], title: str | None, stop: int | None = None) -> int | None:
    """Where the headline `title` stands among the lines (above `stop`): its first line equal to it, white
    space around either not counted; None when none is (or no title)."""
    if not title:
        return None
    headline = title.strip()
    return next((index for index, line in enumerate(lines[:stop]) if line.strip() == headline), None)


def dek_like(line: str) -> bool:
    """Whether a line reads as a dek (the summary under a headline): a clause, not a headline of its own. Chinese: a
    comma in it and no colon (a headline's "主题：副题" holds one); English: DEK_WORDS words or more in sentence case
    (fewer than half of them capitalised after the first), and no colon."""
    if ":" in line or "：" in line:
        return False
    if has_han(line):
        return "，" in line
    words = line.split()
    return len(words) >= DEK_WORDS and 2 * sum(1 for word in words[1:] if word[:1].isupper()) < len(words) - 1
