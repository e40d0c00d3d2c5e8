"""Answers remembered per line: a short line is answered from memory, a long one afresh each time."""

import pytest

from corpusclean.memo import LONGEST_LINE, MAX_LINES, per_line


def _counted_functions(asked: list[str]):
    """The same question, of the line alone (kept in a dict) and with another argument (an lru_cache)."""

    def length(text: str) -> int:
        asked.append(text)
        return len(text)

    def length_plus(text: str, extra: int = 0) -> int:
        asked.append(text)
        return len(text) + extra

    return {"line-alone": per_line(length), "with-argument": per_line(length_plus)}


@pytest.mark.parametrize("kind", ["line-alone", "with-argument"])
@pytest.mark.parametrize(
    "line, calls",
    [
        pytest.param("首页 新闻 体育", 1, id="short-line-remembered"),
        pytest.param("x" * LONGEST_LINE, 1, id="longest-remembered"),
        pytest.param("x" * (LONGEST_LINE + 1), 3, id="longer-answered-each-time"),
    ],
)
def test_per_line_remembers_short_lines(kind, line, calls):
    asked: list[str] = []
    length = _counted_functions(asked)[kind]
    assert [length(line) for _ in range(3)] == [len(line)] * 3
    assert len(asked) == calls


@pytest.mark.parametrize("kind", ["line-alone", "with-argument"])
def test_per_line_memory_is_bounded(kind):
    asked: list[str] = []
    length = _counted_functions(asked)[kind]
    lines = [f"line {number}" for number in range(MAX_LINES + 1)]
    for line in lines:
        length(line)
    length(lines[0])    # forgotten to make room for the last one
    assert asked == lines + [lines[0]]


def test_per_line_tells_other_arguments_apart():
    @per_line
    def plus(text: str, extra: int) -> int:
        return len(text) + extra

    assert (plus("ab", 1), plus("ab", 2)) == (3, 4)


def test_per_line_takes_a_function_without_python_code():
    """A function compiled by mypyc (as setup.py compiles the per-line modules) has no __code__, as a builtin."""
    length = per_line(len)
    assert [length("首页 新闻"), length("首页 新闻")] == [5, 5]
