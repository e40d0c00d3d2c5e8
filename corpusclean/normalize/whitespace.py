"""Whitespace: the first real stage. Splits text into lines and gives each line one clean form."""

from __future__ import annotations

import re

from corpusclean.document import Document

# Invisible characters that str.split() does not treat as whitespace.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH_CHARS), None)
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")


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


def split_text(text: str) -> list[str]:
    """Split on line breaks (CRLF, CR, LF and the Unicode separators a page may carry)."""
    return text.splitlines()


class Whitespace:
    """Split the text into lines; strip indentation, nbsp, U+3000, zero-width characters; drop blank lines."""

    name = "whitespace"

    def __call__(self, doc: Document) -> Document:
        source_lines = doc.lines if doc.format == "html" else split_text(doc.text)
        doc.set_lines(normalize_lines(source_lines))
        doc.text = ""  # the lines now carry the text; free the page
        return doc
