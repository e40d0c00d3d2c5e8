"""Leadership sidebars: a run of "name + official titles" lines, usually under a 领导/Leadership heading.

Only runs count: one "张三 市委书记" line on its own, or a sentence that names an official, is article text.
"""

from __future__ import annotations

import functools
import re

from corpusclean.document import DocView, Judged
from corpusclean.pipeline import LineStage
from corpusclean.rules import rule_sections
from corpusclean.text import HAN_CLASS, compiled_when_used, to_simplified

REASON = "sidebar.leadership"
MIN_RUN = 3
MAX_ZH_TITLES = 60
MAX_EN_TITLE_WORDS = 12
MAX_HEADING_CHARS = 10

# 2-4 Han characters, sites pad two-character names with a space ("陈 刚"), then the titles
ZH_PERSON = re.compile(rf"^(?P<name>[{HAN_CLASS}] ?[{HAN_CLASS}]{{1,3}})\s+(?P<titles>\S.*)$")
EN_PERSON = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*[,–—]\s*(?P<titles>[A-Z][^.!?;]*)$")
# under a leadership heading, a list item may glue the name to the titles: "* 周敏川区委副书记、区长"
_zh_glued = compiled_when_used(rf"^(?:[*•·]\s*)?(?P<item>[{HAN_CLASS}]{{4,}}[{HAN_CLASS}、]{{0,40}})$")
SENTENCE_PUNCT = re.compile(r"[。！？；：:!?;…“”\"]")
ZH_QUALIFIERS = ("（兼）", "(兼)", "候选人")
LANGUAGES = ("zh", "en")   # the sections of official_titles.txt and sidebar_headings.txt


@functools.cache
def _zh_titles(extra_titles: tuple[str, ...]) -> tuple[str, ...]:
    rules = rule_sections("official_titles.txt", LANGUAGES)
    return tuple(t for t in (*rules["zh"], *extra_titles) if re.search(r"[^\x00-\x7f]", t))


@functools.cache    # compiled when an English person line first asks: never on a Chinese page (1.6 ms)
def _en_titles(extra_titles: tuple[str, ...]) -> re.Pattern[str]:
    rules = rule_sections("official_titles.txt", LANGUAGES)
    en = tuple(t for t in (*rules["en"], *extra_titles) if not re.search(r"[^\x00-\x7f]", t))
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(en, key=len, reverse=True)) + r")\b", re.I)


@functools.cache
def _headings() -> frozenset[str]:
    rules = rule_sections("sidebar_headings.txt", LANGUAGES)
    return frozenset(h.casefold() for h in (*rules["zh"], *rules["en"]))


def is_person_line(line: str, extra_titles: tuple[str, ...] = ()) -> bool:
    """True for "name + official titles" with nothing else: "张少琴 全国总工会副主席（兼）", "Jane Roe, Mayor"."""
    match = ZH_PERSON.match(line)
    if match:
        titles = match.group("titles")
        if len(titles) > MAX_ZH_TITLES or SENTENCE_PUNCT.search(titles):
            return False
        titles = _strip_qualifiers(titles.rstrip())
        return titles.endswith(_zh_titles(extra_titles))
    if "," not in line and "–" not in line and "—" not in line:     # EN_PERSON's name ends at one of them
        return False
    match = EN_PERSON.match(line)
    if match:
        titles = match.group("titles")
        return len(titles.split()) <= MAX_EN_TITLE_WORDS and _en_titles(extra_titles).search(titles) is not None
    return False


def is_glued_person_line(line: str, extra_titles: tuple[str, ...] = ()) -> bool:
    """True for a list item of a name of two or three Han characters glued to titles, each title between the
    commas a known one ("* 梁逸航区委常委、常务副区长"): the name's length is not known, both are tried."""
    match = _zh_glued().match(line.strip())
    if not match:
        return False
    item, known = match.group("item"), _zh_titles(extra_titles)
    return any(all(part.endswith(known) for part in item[name:].split("、")) for name in (2, 3))


def _strip_qualifiers(titles: str) -> str:
    stripped = True
    while stripped:
        stripped = False
        for qualifier in ZH_QUALIFIERS:
            if titles.endswith(qualifier) and len(titles) > len(qualifier):
                titles = titles[: -len(qualifier)].rstrip()
                stripped = True
    return titles


def is_sidebar_heading(line: str) -> bool:
    """A short heading of a leadership block: 领导班子, 市领导, "Leadership"."""
    if line.casefold() in _headings():
        return True
    return len(line) <= MAX_HEADING_CHARS and line.endswith("领导") and not SENTENCE_PUNCT.search(line)


def judge_sidebar(lines: list[str], extra_titles: tuple[str, ...] = ()) -> list[str | None]:
    """One verdict per line: sidebar.leadership for each run of >= 3 person lines and its heading."""
    extra = tuple(extra_titles)
    verdicts: list[str | None] = [None] * len(lines)
    # Every run of MIN_RUN lines holds one of the probes, every MIN_RUN-th line: the other lines are
    # looked at only around a probe that is a person line, to find the whole run it is part of.
    end = 0
    for probe in range(MIN_RUN - 1, len(lines), MIN_RUN):
        if probe < end or not is_person_line(lines[probe], extra):
            continue
        start, end = probe, probe + 1
        while start > 0 and is_person_line(lines[start - 1], extra):
            start -= 1
        while end < len(lines) and is_person_line(lines[end], extra):
            end += 1
        if end - start >= MIN_RUN:
            for index in range(start, end):
                verdicts[index] = REASON
            if start > 0 and is_sidebar_heading(lines[start - 1]):
                verdicts[start - 1] = REASON
    headings = (index for index, line in enumerate(lines)     # (a Chinese heading is short: glued names are Chinese)
                if len(line) <= MAX_HEADING_CHARS and verdicts[index] is None and is_sidebar_heading(line))
    for heading in headings:
        end = heading + 1
        while end < len(lines) and is_glued_person_line(lines[end], extra):
            end += 1
        if end - heading > MIN_RUN:
            verdicts[heading:end] = [REASON] * (end - heading)
    return verdicts


class Sidebar(LineStage):
    """Line stage: leadership sidebars."""

    name = "sidebar"
    options = ("extra_titles",)
    reasons = ("sidebar.leadership",)

    def __init__(self, extra_titles: tuple[str, ...] = ()) -> None:
        self.extra_titles = tuple(map(to_simplified, extra_titles))  # lines are judged in Simplified

    def judge(self, lines: list[str], view: DocView) -> Judged:
        return Judged(judge_sidebar(lines, self.extra_titles))  # type: ignore[arg-type]
