"""Answers remembered per line: a short line is answered from memory, a long one afresh each time."""

import pytest

from corpusclean.memo import LONGEST_LINE, per_line


@pytest.mark.parametrize(
    "line, calls",
    [
        pytest.param("首页 新闻 体育", 1, id="short-line-remembered"),
        pytest.param("x" * LONGEST_LINE, 1, id="longest-remembered"),
        pytest.param("x" * (LONGEST_LINE + 1), 3, id="longer-answered-each-time"),
    ],
)
def test_per_line_remembers_short_lines(line, calls):
    asked = []

    @per_line
    def length(text: str, extra: int = 0) -> int:
        asked.append(text)
        return len(text) + extra

    assert [length(line) for _ in range(3)] == [len(line)] * 3
    assert len(asked) == calls


def test_per_line_tells_other_arguments_apart():
    @per_line
    def plus(text: str, extra: int) -> int:
        return len(text) + extra

    assert (plus("ab", 1), plus("ab", 2)) == (3, 4)
