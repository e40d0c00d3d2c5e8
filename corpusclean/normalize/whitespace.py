"""Whitespace: the first real stage. Splits text into lines and gives each line one clean form."""

from __future__ import annotations

import re

from corpusclean.document import Document
from corpusclean.pipeline import DocumentStage

# Invisible characters that str.split() does not treat as whitespace.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH_CHARS), None)
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")
# What str.splitlines() splits on, and the other whitespace str.split() splits on (a test checks both).
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
SPACES_BUT_SPACE = "\t\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
# A character that normalize_line would remove or replace, or a line break next to a space (which is
# at the start or end of a line). Spaces themselves are too common to stop at.
_UNTIDY_RE = re.compile(
    f"[{ZERO_WIDTH_CHARS}{SPACES_BUT_SPACE}{LINE_BREAKS}](?:(?<![{LINE_BREAKS}])|(?<= .)|(?= ))", re.DOTALL
)


def normalize_line(line: str) -> str:
    """Strip indentation, collapse runs of whitespace (nbsp, U+3000, tabs) to one space."""
    if _ZERO_WIDTH_RE.search(line):  # rare; translate costs far more than the test
        line = line.translate(_ZERO_WIDTH)
    return " ".join(line.split())


def normalize_lines(lines: list[str]) -> list[str]:
    """Normalized lines, whitespace-only lines dropped (they carry no text)."""
    out = []
    for line in lines:
        clean = normalize_line(line)
        if clean:
            out.append(clean)
    return out


def is_tidy(text: str) -> bool:
    """Whether normalize_line leaves every line of the text as it is."""
    return not (_UNTIDY_RE.search(text) or "  " in text or text.startswith(" ") or text.endswith(" "))


def normalize_text(text: str) -> list[str]:
    """``normalize_lines(split_text(text))``, without a pass over each line when the text is tidy."""
    lines = split_text(text)
    if is_tidy(text):
        return [line for line in lines if line]
    return normalize_lines(lines)


def split_text(text: str) -> list[str]:
    """Split on line breaks (CRLF, CR, LF and the Unicode separators a page may carry)."""
    return text.splitlines()


class Whitespace(DocumentStage):
    """Split the text into lines; strip indentation, nbsp, U+3000, zero-width characters; drop blank lines."""

    name = "whitespace"

    def __call__(self, doc: Document) -> Document:
        doc.set_lines(normalize_lines(doc.lines) if doc.format == "html" else normalize_text(doc.text))
        doc.text = ""  # the lines now carry the text; free the page
        return doc
