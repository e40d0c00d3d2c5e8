"""Answers about a line, remembered for the lines seen lately.

Several stages ask the same questions of a page's lines: whether a line is prose, boilerplate or a dateline
is asked by the metadata stage, by the boilerplate stage and again by the edges stage, and a site's menus
and footers recur on every page of the site. A pure function of a line decorated with ``per_line`` answers
a line it met lately from memory. Only lines of at most LONGEST_LINE characters are remembered (a longer
one, a paragraph, costs little to answer afresh), so a function's memory holds at most MAX_LINES short
strings (5 MB at worst, about 1 MB of news lines), never whole pages' text.
"""

from __future__ import annotations

import functools
import inspect
from typing import Callable, TypeVar

MAX_LINES = 4096
LONGEST_LINE = 300

Answer = TypeVar("Answer")


class _Answers(dict):
    """The answers of a function of a line alone, by line; a line missing is asked of the function. Asking
    is a lookup of the dict's own, with no Python call when the answer is known: 5 ms/MB less in the
    metadata stage than a Python wrapper around functools.lru_cache."""

    def __init__(self, function: Callable[[str], Answer]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, line: str) -> Answer:
        answer = self.function(line)
        if len(line) <= LONGEST_LINE:
            if len(self) >= MAX_LINES:
                self.clear()    # forget them all at once: cheaper than keeping their order of use
            self[line] = answer
        return answer


def per_line(function: Callable[..., Answer]) -> Callable[..., Answer]:
    """``function(line, *args)`` remembered for recent short lines. Its answers are shared: never change one."""
    if len(inspect.signature(function).parameters) == 1:  # a function compiled by mypyc has no __code__
        return _Answers(function).__getitem__
    remembered = functools.lru_cache(maxsize=MAX_LINES)(function)

    @functools.wraps(function)
    def answer(line: str, *args) -> Answer:
        if len(line) > LONGEST_LINE:
            return function(line, *args)
        return remembered(line, *args)

    return answer
