"""Site boilerplate: navigation, breadcrumbs, copyright and licence lines, promotions, share bars, links."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from corpusclean.rules import rule_sections


PHRASE_SECTIONS = ("copyright", "icp", "licence", "hotline", "share", "promo")
REASON_PREFIX = "boilerplate."
BLOCK = "boilerplate.block"
MAX_GAP = 6               # unmatched short lines tolerated between two boilerplate lines of a head/tail run

HAN = re.compile(r"[\u4e00-\u9fff]")
BULLETS = "•·▪●◆■□>-*◎ "
SENTENCE_END = ("。", "！", "？", "!", "?", "…", "；", ";")
PIPE = re.compile(r"\s*[|｜丨]\s*")
PIPE_CHAR = re.compile(r"[|｜丨]")
CRUMB_CHAR = re.compile(r"[>＞»›]")   # every breadcrumb separator holds one of them
CRUMB = re.compile(r"\s*(?:->|>>|[>＞»›])\s*")
CRUMB_PART = re.compile(r"^[\w\s&'’.-]+$")    # words only: code such as "a->b" or "<p>" is no breadcrumb
TOOL_SPLIT = re.compile(r"[\s【】\[\]|｜丨/（）()]+")
COPYRIGHT_SIGN = re.compile(r"©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})", re.I)
CRUMB_STARTS = ("首页", "当前位置", "您的位置", "您现在的位置", "您当前的位置", "当前的位置", "位置", "Home",
                "Current location", "You are here")


@dataclass(frozen=True)
class Phrases:
    """Any of a set of phrases, ignoring case; Latin phrases match whole words only, so "App" does not
    fire inside "Approval". Han and Latin phrases are two regexes: apart, the Han one keeps re's fast scan
    for its first characters, which the Latin word-boundary tests would disable (3x faster together)."""

    han: re.Pattern[str] | None
    latin: re.Pattern[str] | None

    def search(self, text: str) -> bool:
        return bool((self.han is not None and self.han.search(text))
                    or (self.latin is not None and self.latin.search(text)))


@dataclass(frozen=True)
class Vocabulary:
    phrases: dict[str, Phrases]               # section -> any of its phrases, ignoring case
    weak_promo: Phrases
    pager: tuple[str, ...]
    labels: frozenset[str]
    tools: frozenset[str]
    extra: Phrases | None


def _alternation(phrases: Iterable[str]) -> Phrases:
    ordered = sorted(set(phrases), key=len, reverse=True)
    han = [re.escape(p) for p in ordered if HAN.search(p)]
    latin = [re.escape(p) for p in ordered if not HAN.search(p)]
    return Phrases(
        han=re.compile("|".join(han), re.I) if han or not latin else None,  # no phrase at all: matches all
        latin=re.compile(r"(?<![A-Za-z])(?:" + "|".join(latin) + r")(?![A-Za-z])", re.I) if latin else None,
    )


@functools.cache
def vocabulary(extra_phrases: tuple[str, ...] = ()) -> Vocabulary:
    zh, en = rule_sections("boilerplate_zh.txt"), rule_sections("boilerplate_en.txt")

    def both(section: str) -> tuple[str, ...]:
        return (*zh.get(section, ()), *en.get(section, ()))

    return Vocabulary(
        phrases={section: _alternation(both(section)) for section in PHRASE_SECTIONS},
        weak_promo=_alternation(both("promo_weak")),
        pager=tuple(p.casefold() for p in both("pager")),
        labels=frozenset(p.casefold() for p in both("label")),
        tools=frozenset(p.casefold() for p in both("tools")),
        extra=_alternation(extra_phrases) if extra_phrases else None,
    )


def is_sentence(line: str) -> bool:
    if HAN.search(line):
        return line.endswith(SENTENCE_END) or "。" in line[:-1]
    return line.endswith((".", "!", "?")) and len(line.split()) > 10


def _size(line: str) -> int:
    """Length in Han characters for Chinese lines, in words for others."""
    return len(line) if HAN.search(line) else len(line.split())


def is_short_label(line: str, han_max: int = 20, words_max: int = 10) -> bool:
    """A short line that is not a sentence: a heading, a channel name, an account name."""
    if is_sentence(line):
        return False
    return len(line) <= han_max if HAN.search(line) else len(line.split()) <= words_max


def _nav_row(line: str) -> bool:
    """Many short channel names separated by spaces: "首页 要闻 国内 国际 财经 体育"."""
    tokens = line.split()
    return len(tokens) >= 5 and all(len(t) <= 6 and HAN.search(t) for t in tokens)


def _link_row(line: str) -> bool:
    """Short items separated by |: "市政府| 市人大| 市政协" or "About us | Contact | Sitemap"."""
    if not PIPE_CHAR.search(line):
        return False
    items = [item for item in PIPE.split(line) if item]
    if len(items) < 3 or is_sentence(line):
        return False
    return all(len(i) <= 20 if HAN.search(i) else len(i.split()) <= 5 for i in items)


def _breadcrumb(line: str) -> bool:
    if not CRUMB_CHAR.search(line):
        return False
    parts = [part for part in CRUMB.split(line) if part]
    if len(parts) < 2 or is_sentence(line):
        return False
    if not all(CRUMB_PART.match(p) and (len(p) <= 12 if HAN.search(p) else len(p.split()) <= 4) for p in parts):
        return False
    return len(parts) >= 3 or line.startswith(CRUMB_STARTS) or parts[-1] == "正文"


def _toolbar(line: str, tools: frozenset[str]) -> bool:
    tokens = [t.casefold() for t in TOOL_SPLIT.split(line) if t]
    return bool(tokens) and all(t in tools for t in tokens) and (len(tokens) > 1 or len(tokens[0]) > 1)


def _may_hold_copyright_sign(text: str) -> bool:
    """Each branch of COPYRIGHT_SIGN needs one of these; testing them first spares most lines the regex.
    (The letters of "copyr" have no case variants besides their upper case, so lower() sees them all.)"""
    return "©" in text or "(" in text or "copyr" in text.lower()


def classify_line(line: str, vocab: Vocabulary) -> tuple[str | None, bool]:
    """(reason or None, strong): strong verdicts hold anywhere, weak ones only in a head/tail run."""
    text = line.strip(BULLETS)
    if not text:
        return None, False
    sentence = is_sentence(text)
    if len(text) <= 300 and _may_hold_copyright_sign(text) and COPYRIGHT_SIGN.search(text):
        return REASON_PREFIX + "copyright", True
    if not sentence and len(text) <= 200:
        for section in ("hotline", "icp", "licence", "copyright"):
            if vocab.phrases[section].search(text):
                return REASON_PREFIX + section, True
    # link rows and breadcrumbs are never sentences (both tests say so): skip them for sentences
    if not sentence and _link_row(text):
        return REASON_PREFIX + "links", True
    if (not sentence and _breadcrumb(text)) or _nav_row(text):
        return REASON_PREFIX + "nav", True
    if sentence:
        return None, False
    folded = text.casefold()
    if _size(text) <= 40 and folded.startswith(vocab.pager):
        return REASON_PREFIX + "pager", True
    if folded.rstrip(":：>» ") in vocab.labels or _toolbar(text, vocab.tools):
        return REASON_PREFIX + "label", True
    if is_short_label(text, 30, 10):
        for section in ("share", "promo"):
            if vocab.phrases[section].search(text):
                return REASON_PREFIX + section, True
        if vocab.extra is not None and vocab.extra.search(text):
            return REASON_PREFIX + "phrase", True
    if is_short_label(text, 15, 6) and vocab.weak_promo.search(text):
        return REASON_PREFIX + "promo", False
    return None, False


def judge_boilerplate(lines: list[str], extra_phrases: tuple[str, ...] = ()) -> list[str | None]:
    """One verdict per line: strong patterns anywhere, weak ones and short lines in head/tail runs."""
    vocab = vocabulary(tuple(extra_phrases))
    found = [classify_line(line, vocab) for line in lines]
    verdicts = [reason if strong else None for reason, strong in found]
    head = range(len(lines))
    _trim_edge(lines, found, verdicts, head, absorb_inner_labels=False)
    _trim_edge(lines, found, verdicts, reversed(head), absorb_inner_labels=True)
    return verdicts


def _trim_edge(lines, found, verdicts, order, absorb_inner_labels: bool) -> None:
    """Remove the run of boilerplate at one edge of the page, with the short lines inside it.

    At the tail, a footer of two or more boilerplate lines also takes the few tiny labels between the
    article and the footer ("图片新闻", "Focus graph"); at the head that could be a short headline, so no.
    """
    run: list[int] = []
    matched = 0
    last_match = -1
    gap = 0
    order = list(order)
    stop = len(order)
    for position, index in enumerate(order):
        reason = found[index][0]
        if reason is not None:
            matched += 1
            last_match = len(run)
            gap = 0
        elif is_short_label(lines[index]) and gap < MAX_GAP:
            gap += 1
        else:
            stop = position
            break
        run.append(index)
    for index in run[: last_match + 1]:
        if verdicts[index] is None:
            verdicts[index] = found[index][0] or BLOCK
    if not absorb_inner_labels or matched < 2:
        return
    inner = run[last_match + 1:]
    reached_article = stop < len(order) and not is_short_label(lines[order[stop]])
    if reached_article and all(is_short_label(lines[i], 12, 6) for i in inner):
        for index in inner:
            verdicts[index] = BLOCK


class Boilerplate:
    """Line stage: site boilerplate."""

    name = "boilerplate"
    options = ("extra_boilerplate (config file)",)
    reasons = tuple(f"boilerplate.{r}" for r in (
        "nav", "links", "copyright", "icp", "licence", "hotline", "promo", "share", "pager", "label", "block", "phrase"))

    def __init__(self, extra_phrases: tuple[str, ...] = ()) -> None:
        self.extra_phrases = tuple(extra_phrases)

    def judge(self, lines: list[str]) -> list[str | None]:
        return judge_boilerplate(lines, self.extra_phrases)
