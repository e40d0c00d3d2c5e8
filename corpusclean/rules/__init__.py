"""The plain-text vocabularies of the cleaning stages, and their two loaders.

Files hold `[section]` headers and one entry a line (`rule_sections`), or just characters (`rule_chars`);
lines starting with `#` are comments. Adding a phrase is a data edit, not a code change.
"""

from __future__ import annotations

import functools
from importlib import resources


def _rule_lines(filename: str) -> list[str]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def rule_sections(filename: str) -> dict[str, tuple[str, ...]]:
    """Entries by `[section]` (entries before any header are under ""); empty sections are left out."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in _rule_lines(filename):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        else:
            current.append(line)
    return {name: tuple(entries) for name, entries in sections.items() if entries}


@functools.cache
def rule_chars(filename: str) -> frozenset[str]:
    """Every non-space character of the file's non-comment lines: a character set."""
    return frozenset(char for line in _rule_lines(filename) for char in line if not char.isspace())
