"""The plain-text vocabularies of the cleaning stages, and their two loaders.

Files hold `[section]` headers and one entry a line (`rule_sections`), or just characters (`rule_chars`);
lines starting with `#` are comments. Adding a phrase is a data edit, not a code change.

Each reader declares the sections it reads, and a file must hold exactly those, each with an entry at
least: a section missing or left empty would compile to a pattern that matches every line (or none), and
a section no reader names would be ignored. Either is a RuleFileError naming the file and line.
"""

from __future__ import annotations

import functools
from importlib import resources

NO_HEADER = ""  # the section of the entries of a file without headers


class RuleFileError(ValueError):
    """A rule file that does not hold what its reader declared ("boilerplate_zh.txt:44: ...")."""


def _entries(text: str) -> list[tuple[int, str]]:
    """(line number, stripped line) of each line that is neither blank nor a comment."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _is_header(line: str) -> bool:
    return line.startswith("[") and line.endswith("]")


def parse_sections(
    text: str, shown: str, declared: tuple[str, ...], families: bool = False
) -> dict[str, tuple[str, ...]]:
    """Entries by section, for exactly the `declared` sections (NO_HEADER: entries before any header), and,
    when the reader takes `families`, for any other section too (a family of phrases its reader treats
    alike, named by its header), in the file's order.

    A header not declared (without families), a section given twice, a section missing or without entries,
    or entries before the first header when NO_HEADER is not declared: RuleFileError naming `shown` and line.
    """
    sections: dict[str, list[str]] = {}
    header_line: dict[str, int] = {}
    current = NO_HEADER
    for number, line in _entries(text):
        if _is_header(line):
            current = line[1:-1].strip()
            if current not in declared and not (families and current.isidentifier()):
                known = ", ".join(f"[{name}]" for name in declared if name) or "no section"
                raise RuleFileError(f"{shown}:{number}: unknown section [{current}]; its reader reads {known}")
            if current in header_line:
                first = header_line[current]
                raise RuleFileError(f"{shown}:{number}: section [{current}] again (first at line {first})")
            header_line[current] = number
            sections[current] = []
        elif current == NO_HEADER and NO_HEADER not in declared:
            raise RuleFileError(f"{shown}:{number}: {line!r} comes before the first [section] header")
        else:
            sections.setdefault(current, []).append(line)
    for name in (*declared, *sections):
        if sections.get(name):
            continue
        if name in header_line:
            raise RuleFileError(f"{shown}:{header_line[name]}: section [{name}] has no entry")
        raise RuleFileError(f"{shown}: section [{name}] is missing" if name else f"{shown}: the file has no entry")
    return {name: tuple(sections[name]) for name in (*sections, *declared) if name in sections}


def parse_chars(text: str, shown: str) -> frozenset[str]:
    """Every non-space character of the non-comment lines; a [section] header or no character at all is a
    RuleFileError."""
    entries = _entries(text)
    for number, line in entries:
        if _is_header(line):
            raise RuleFileError(f"{shown}:{number}: a character file has no sections, not {line}")
    chars = frozenset(char for _, line in entries for char in line if not char.isspace())
    if not chars:
        raise RuleFileError(f"{shown}: the file has no character")
    return chars


def _read(filename: str) -> tuple[str, str]:
    """The text of a packaged rule file and its path for messages."""
    path = resources.files(__name__).joinpath(filename)
    return path.read_text(encoding="utf-8"), str(path)


@functools.cache
def rule_sections(filename: str, declared: tuple[str, ...], families: bool = False) -> dict[str, tuple[str, ...]]:
    """The sections of a packaged rule file (see parse_sections)."""
    return parse_sections(*_read(filename), declared, families)


@functools.cache
def rule_chars(filename: str) -> frozenset[str]:
    """The character set of a packaged rule file (see parse_chars)."""
    return parse_chars(*_read(filename))
