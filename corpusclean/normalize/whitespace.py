"""Whitespace: the first real stage. Splits text into lines and gives each line one clean form."""

from __future__ import annotations

import re

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.normalize.mojibake import may_hold_mojibake, repair_mojibake
from corpusclean.pipeline import DocumentStage
from corpusclean.text import CJK_CLASS

# Invisible characters that str.split() does not treat as whitespace.
ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u00ad"
# The zero-width joiner and non-joiner join the characters around them: an emoji sequence's (🤹‍♀️, 👨‍👩‍👧,
# 🏳️‍🌈), the letters of a Persian, Arabic or Indic word (می‌خواهم). They are kept between two such characters;
# elsewhere (at a line's edge, beside a space, next to ASCII, Han, kana, Hangul or CJK punctuation, where a
# zero-width watermark puts them) they change nothing a reader sees, and go as the other zero-width characters.
JOINERS = "\u200c\u200d"
_JOINABLE = f"[^\\s\\x00-\\x7f{CJK_CLASS}\u3000-\u303f\uff00-\uffef{JOINERS}]"
_LOOSE_JOINER = re.compile(f"(?<!{_JOINABLE})[{JOINERS}]|[{JOINERS}](?!{_JOINABLE})")
# What str.splitlines() splits on, and the other whitespace str.split() splits on (a test checks both).
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
SPACES_BUT_SPACE = "\t\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# The control characters (category Cc) that are neither of those: no text holds them.
CONTROL_CHARS = "\x00-\x08\x0e-\x1b\x7f\x80-\x84\x86-\x9f"
# Zero-width and C0 control characters go; a C1 control becomes the cp1252 character of its byte, as a
# browser shows it (a cp1252 page read as Latin-1 has \x93 where it meant “), or goes where cp1252 has none.
_INVISIBLE = {
    **dict.fromkeys(map(ord, ZERO_WIDTH_CHARS), None),
    **{code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F)},
    **{code: bytes([code]).decode("cp1252", "ignore") or None for code in (*range(0x80, 0x85), *range(0x86, 0xA0))},
}
_INVISIBLE_RE = re.compile(f"[{ZERO_WIDTH_CHARS}{JOINERS}{CONTROL_CHARS}]")

def normalize_line(line: str) -> str:
    """Strip indentation, collapse runs of whitespace (nbsp, U+3000, tabs) to one space; drop zero-width
    and control characters (C1 controls become their cp1252 character), and a joiner that joins nothing."""
    if _INVISIBLE_RE.search(line):  # rare; translate costs far more than the test
        line = _LOOSE_JOINER.sub("", line.translate(_INVISIBLE))
    return " ".join(line.split())


def normalize_lines(lines: list[str]) -> list[str]:
    """Normalized lines, whitespace-only lines dropped (they carry no text)."""
    out = []
    for line in lines:
        clean = normalize_line(line)
        if clean:
            out.append(clean)
    return out


def are_tidy(lines: list[str]) -> bool:
    """Whether normalize_line leaves each of the lines (split from a text) as it is: they hold only printable
    characters (none of those normalize_line removes or replaces is printable, and no line break is), no
    space at either end and no two in a row. Three scans of the text in C: a regex for the characters
    normalize_line changes cost 6x as much."""
    flat = "".join(lines)
    if "  " in flat or not flat.isprintable():
        return False
    edges = "\n".join(lines)
    return not (" \n" in edges or "\n " in edges or edges.startswith(" ") or edges.endswith(" "))


def normalize_text(text: str) -> list[str]:
    """``normalize_lines(split_text(text))``, without a pass over each line when the lines are tidy."""
    return normalize_tidy_lines(split_text(text))


def normalize_tidy_lines(lines: list[str]) -> list[str]:
    """``normalize_lines(lines)``, without a pass over each line when they are tidy (most are)."""
    if are_tidy(lines):
        return [line for line in lines if line]
    return normalize_lines(lines)


def split_text(text: str) -> list[str]:
    """Split on line breaks (CRLF, CR, LF and the Unicode separators a page may carry)."""
    return text.splitlines()


# Where split_text splits: CRLF as one break, and each of LINE_BREAKS.
LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")


def text_lines(text: str) -> list[str]:
    """A plain text's lines as the stage reads them, before normalize_line: mojibake repaired, then split."""
    return split_text(repair_mojibake(text))


class Whitespace(DocumentStage):
    """Split the text into lines; repair UTF-8 read as Latin-1; strip indentation, nbsp, U+3000, zero-width
    and control characters; drop blank lines. A page of more than max_lines lines is rejected as
    too_complex: the caption stage compares its short lines pairwise (10,000 took 7 s; the dev pages have
    916 at most)."""

    name = "whitespace"
    options = ("max_page_lines",)
    rejects_with = ("too_complex",)

    def __init__(self, max_lines: int = Config.max_page_lines) -> None:
        self.max_lines = max_lines

    def __call__(self, doc: Document) -> Document:
        if doc.format == "html":
            lines = doc.lines
            if may_hold_mojibake("".join(lines)):   # one test for the page, not one per line
                lines = [repair_mojibake(line) for line in lines]
            doc.set_lines(normalize_tidy_lines(lines))
        else:
            doc.set_lines(normalize_tidy_lines(text_lines(doc.text)))
        doc.text = ""  # the lines now carry the text; free the page
        if len(doc.lines) > self.max_lines:
            doc.reject("too_complex", f"{len(doc.lines)} lines, over the {self.max_lines} limit (max_page_lines)")
        return doc
