"""ASCII punctuation inside Chinese text -> full width: "初心如磐,使命如山" -> "初心如磐，使命如山".

Only , : ; ! ? ( ) are converted, one character for one (a line keeps its length), and only next to
Chinese text, so English, times (3:30), numbers (1,000) and URLs keep their ASCII punctuation.
"""

from __future__ import annotations

import re

from corpusclean.document import Document
from corpusclean.pipeline import DocumentStage
from corpusclean.text import HAN_CLASS, HAN_RE

FULL_WIDTH = str.maketrans(",:;!?()", "，：；！？（）")
MARK_FULL_WIDTH = (",，", ":：", ";；", "!！", "?？")
# Characters that make their neighbour "Chinese text": Han and Chinese full-width punctuation.
CJK_CONTEXT = f"{HAN_CLASS}，。、：；！？（）「」『』《》【】…"
CJK_CONTEXT_RE = re.compile(f"[{CJK_CONTEXT}]")
MARK_RUN_RE = re.compile(r"[,:;!?]+")
# A whole run of marks (not the tail of a longer one) with no Chinese text on either side. It starts
# with the mark itself, not a lookbehind, so that the regex engine can skip to the next mark quickly.
LONE_MARK_RUN_RE = re.compile(f"[,:;!?](?<![{CJK_CONTEXT},:;!?].)[,:;!?]*(?![{CJK_CONTEXT},:;!?])")
# An innermost ASCII parenthesis pair on one line.
PAREN_PAIR_RE = re.compile(r"\(([^()]*)\)")
ANY_CONVERTIBLE_RE = re.compile(r"[,:;!?()]")


def _is_cjk(text: str, index: int) -> bool:
    return 0 <= index < len(text) and CJK_CONTEXT_RE.match(text, index) is not None


def _convert_marks(line: str) -> str:
    """A run of , : ; ! ? touching Chinese text on either side becomes full width."""
    if not LONE_MARK_RUN_RE.search(line):  # the rule in Chinese text: every run converts
        for mark, full_width in MARK_FULL_WIDTH:
            line = line.replace(mark, full_width)
        return line
    return _convert_mark_runs(line)


def _convert_mark_runs(line: str) -> str:
    """_convert_marks run by run, each by its own neighbours."""

    def convert(match: re.Match[str]) -> str:
        if _is_cjk(line, match.start() - 1) or _is_cjk(line, match.end()):
            return match.group().translate(FULL_WIDTH)
        return match.group()

    return MARK_RUN_RE.sub(convert, line)


def _convert_parens(line: str) -> str:
    """A pair ( ) becomes （ ） when Chinese text touches it outside, or when it holds Chinese text and
    opens or closes the line ("(一)加强组织领导", "(记者 王明)"); "Xi Jinping (习近平) said" stays."""
    if "(" not in line:     # most lines: no pair to look for
        return line

    def convert(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        outside = _is_cjk(line, start - 1) or _is_cjk(line, end)
        at_edge = start == 0 or end == len(line)
        if outside or (at_edge and HAN_RE.search(match.group(1))):
            return "（" + match.group(1) + "）"
        return match.group()

    return PAREN_PAIR_RE.sub(convert, line)


def fix_cjk_punct(line: str) -> str:
    """Return the line with ASCII , : ; ! ? ( ) next to Chinese text in full width.

    Each pass only turns ASCII into full width and a conversion can give a neighbour Chinese context,
    so passes repeat until nothing changes: the result is a fixed point (the function is idempotent).
    """
    if line.isascii() or not ANY_CONVERTIBLE_RE.search(line) or not CJK_CONTEXT_RE.search(line):
        return line  # nothing to convert, or no Chinese text for it to touch
    while True:
        fixed = _convert_marks(_convert_parens(line))
        # Converting marks never gives other marks new context (runs are separated by other characters,
        # which stay), so only a parenthesis pair left over can lead to a further change.
        if fixed == line or not PAREN_PAIR_RE.search(fixed):
            return fixed
        line = fixed


class CjkPunct(DocumentStage):
    """Rewrite every line with fix_cjk_punct. It removes nothing, so it leaves no trace."""

    name = "punct"
    options = ("cjk_punct",)

    def __call__(self, doc: Document) -> Document:
        doc.lines = [fix_cjk_punct(line) for line in doc.lines]
        return doc
