"""Channel labels above the headline: short name-like lines a page prints before its article starts.

Once the metadata stage has found the title, the headline's line is known; the short label lines above it
(column and channel names such as "国内要闻", "Sports Desk") are page chrome. Longer lines above the
headline (kickers, overlines) are kept: they read as part of the article.
"""

from __future__ import annotations

from corpusclean.text import has_han

HEAD_REASON = "boilerplate.head"
HEAD_ZONE = 8           # the headline must sit within the first lines for the rule to apply
MAX_LABEL_HAN = 8       # a Chinese label: at most this many characters
MAX_LABEL_WORDS = 3     # an English label: at most this many words
LABEL_PUNCTUATION = set("，。！？；：,.!?;:\"“”（）()")


def is_label(line: str) -> bool:
    """A short line with no punctuation and no digits: a name, not a sentence."""
    if not LABEL_PUNCTUATION.isdisjoint(line) or any(map(str.isdigit, line)):
        return False
    if has_han(line):
        return len(line.replace(" ", "")) <= MAX_LABEL_HAN
    return len(line.split()) <= MAX_LABEL_WORDS


def judge_head_labels(lines: list[str], title: str | None) -> list[str | None]:
    """boilerplate.head for each label line above the headline, when the headline is near the top (the
    article's edges stage asks it, once the article is found)."""
    verdicts: list[str | None] = [None] * len(lines)
    if not title:
        return verdicts
    try:
        headline = lines.index(title, 0, HEAD_ZONE)
    except ValueError:
        return verdicts
    for index in range(headline):
        if is_label(lines[index]):
            verdicts[index] = HEAD_REASON
    return verdicts
