"""Repeated paragraphs and sentences: a page that shows the same quote or passage twice keeps the first.

Paragraphs and sentences are compared by a key that ignores whitespace and the width of punctuation
(NFKC maps "，" to ","), so a copy that differs only there is still a copy. Only text of real length
counts: short lines belong to the caption stage, short sentences ("是的。") may well recur.
"""

from __future__ import annotations

import re
import string

from corpusclean.clean.boilerplate import dated_headline_at
from corpusclean.document import Cut, DocView, Judged, Verdict
from corpusclean.fields.labels import signs
from corpusclean.memo import per_line
from corpusclean.pipeline import LineStage
from corpusclean.normalize.forms import nfkc
from corpusclean.text import compiled_when_used, han_at_least

PARAGRAPH_REASON = "repeat.paragraph"
SENTENCE_REASON = "repeat.sentence"

MIN_PARAGRAPH_HAN = 15
MIN_PARAGRAPH_WORDS = 10
MIN_SENTENCE_HAN = 16  # formulaic short sentences (laws, notices) legitimately recur
MIN_SENTENCE_WORDS = 6

# End of a sentence: Chinese end marks with closing quotes (and the space after them), or English end
# marks followed by a space and a capital, a digit or an opening quote. The pattern opens with one
# character class, which lets the regex engine skip quickly to the next end mark.
SENTENCE_END_RE = re.compile(
    r"[。！？.!?]"
    r"(?:(?<=[。！？])[。！？]*[”’」』）)]*\s*"
    r"|(?<=[.!?])[.!?]*[\"'”’)]*\s+(?=[\"“‘(\[]?[A-Z0-9]))"
)
# The word before an English full stop that does not end a sentence: "Mr.", "U.S.", "No.", "A.".
_abbreviation = compiled_when_used(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Nos|vs|etc|Gen|Sen|Rep|Gov|Lt|Col|Capt|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Za-z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


ABBREVIATION_CHARS = string.ascii_letters + "."


def comparison_key(text: str) -> str:
    """The text without whitespace, with full-width punctuation and letters folded to ASCII."""
    return "".join(nfkc(text).split())


def _has_real_length(text: str, min_han: int, min_words: int) -> bool:
    if len(text) >= min_han and not text.isascii() and han_at_least(min_han).match(text):
        return True
    # At most min_words pieces, and min_words only if there are that many words: no need to split all.
    return len(text.split(None, min_words - 1)) >= min_words


def _key_if_real_length(text: str, min_han: int, min_words: int) -> str | None:
    """comparison_key(text) for a text of real length, None for a shorter one."""
    if text.isascii():  # no Han characters, and its own NFKC: its words make the key
        return _sentence_key(text) if len(text.split(None, min_words - 1)) >= min_words else None
    return _sentence_key(text) if _has_real_length(text, min_han, min_words) else None


@per_line   # asked of most lines by the paragraph stage, then again by the sentence stage
def _sentence_key(text: str) -> str:
    """comparison_key(text); an ASCII text's is its words joined."""
    return "".join(text.split()) if text.isascii() else comparison_key(text)


def _ends_with_abbreviation(line: str, start: int, stop: int) -> bool:
    """Whether line[start:stop] ends with an abbreviation and its full stop. An abbreviation is made of
    ASCII letters and dots, so the search starts where the last run of those begins, not at `start`
    (the regex's word boundary still sees the character before)."""
    begin = start + len(line[start:stop - 1].rstrip(ABBREVIATION_CHARS))
    return _abbreviation().search(line, begin, stop) is not None


def split_sentences(line: str) -> list[str]:
    """Split a line into sentences that join back to the line exactly (punctuation and the space after
    it stay with their sentence)."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(line):
        if match.group()[0] == "." and _ends_with_abbreviation(line, start, match.start() + 1):
            continue
        sentences.append(line[start:match.end()])
        start = match.end()
    if start < len(line):
        sentences.append(line[start:])
    return sentences


def judge_repeated_paragraphs(lines: list[str]) -> list[Verdict]:
    """``repeat.paragraph`` for a later copy of a paragraph of real length, None for the rest; but for an
    organisation's name that signs a notice (the notice names it among its contacts, then signs)."""
    seen: set[str] = set()
    verdicts: list[Verdict] = []
    for line in lines:
        verdict = None
        key = _key_if_real_length(line, MIN_PARAGRAPH_HAN, MIN_PARAGRAPH_WORDS)
        if key is not None and not signs(line):
            if key in seen:
                verdict = PARAGRAPH_REASON
            seen.add(key)
        verdicts.append(verdict)
    return verdicts


def judge_repeated_sentences(lines: list[str], headline: int | None = None) -> list[Verdict]:
    """For each line: a Cut keeping all but the sentences of real length already seen earlier in the
    document (or earlier in the line), None when it has none; but the `headline` line (the article's, over its
    dateline: boilerplate.dated_headline_at) stays whole, and its copies above it go (a breadcrumb's last item):
    a second run, with no dateline left to tell the headline, finds one copy."""
    seen: set[str] = set()
    if headline is not None and _has_real_length(lines[headline], MIN_SENTENCE_HAN, MIN_SENTENCE_WORDS):
        seen.add(_sentence_key(lines[headline]))
    verdicts: list[Verdict] = []
    key: str | None
    for index, line in enumerate(lines):
        # a sentence has no more Han characters or words than its line: a short line has no sentence to cut
        if index == headline or not _has_real_length(line, MIN_SENTENCE_HAN, MIN_SENTENCE_WORDS):
            verdicts.append(None)
            continue
        sentences = split_sentences(line)
        if len(sentences) == 1:     # most lines: the line is its sentence, of real length as just asked
            key = _sentence_key(line)
            verdicts.append(Cut((), SENTENCE_REASON) if key in seen else None)
            seen.add(key)
            continue
        kept: list[tuple[int, int]] = []
        cut_any = False
        start = 0
        for sentence in sentences:
            end = start + len(sentence)
            key = _key_if_real_length(sentence, MIN_SENTENCE_HAN, MIN_SENTENCE_WORDS)
            if key is None or key not in seen:
                if key is not None:
                    seen.add(key)
                kept.append((start, end))
            else:
                cut_any = True
            start = end
        verdicts.append(Cut(tuple(kept), SENTENCE_REASON) if cut_any else None)
    return verdicts


class RepeatedParagraphs(LineStage):
    """Line stage: later copies of a paragraph of real length."""

    name = "repeat_paragraphs"
    reasons = (PARAGRAPH_REASON,)

    def judge(self, lines: list[str], view: DocView) -> Judged:
        return Judged(judge_repeated_paragraphs(lines))


class RepeatedSentences(LineStage):
    """Line stage: cut later copies of sentences out of the kept lines; a line left empty is removed."""

    name = "repeat_sentences"
    reasons = (SENTENCE_REASON,)

    def judge(self, lines: list[str], view: DocView) -> Judged:
        return Judged(judge_repeated_sentences(lines, dated_headline_at(lines, view)))
