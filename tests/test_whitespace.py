import pytest
from hypothesis import given, strategies as st

from corpusclean.document import Document
import re
import sys
import unicodedata

from corpusclean.normalize.whitespace import (
    LINE_BREAKS, SPACES_BUT_SPACE, Whitespace, normalize_line, normalize_lines, normalize_text, normalize_tidy_lines,
    split_text,
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("  一项工会工作传统品牌", "一项工会工作传统品牌"),
        ("\u3000\u3000本报讯 记者", "本报讯 记者"),
        ("陈 刚 全国总工会", "陈 刚 全国总工会"),
        ("a\u00a0\u00a0b", "a b"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("tab\tseparated\t\tcells", "tab separated cells"),
        ("trailing   ", "trailing"),
        ("\u3000", ""),
        ("English  sentence,  two spaces.", "English sentence, two spaces."),
        pytest.param("nul\x00 bell\x07 escape\x1b[0m del\x7f", "nul bell escape[0m del", id="c0-controls-dropped"),
        pytest.param("\x93quoted\x94 \x96 dash\x85", "“quoted” – dash", id="c1-controls-as-cp1252"),
        pytest.param("x\x81\x8d\x8f\x90\x9dy", "xy", id="c1-without-cp1252-dropped"),
        pytest.param("\x01\x02", "", id="only-controls"),
        pytest.param("juggler \U0001f939\u200d\u2640\ufe0f and \U0001f3f3\ufe0f\u200d\U0001f308",
                     "juggler \U0001f939\u200d\u2640\ufe0f and \U0001f3f3\ufe0f\u200d\U0001f308", id="emoji-zwj-kept"),
        pytest.param("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
                     id="persian-zwnj-kept"),
        pytest.param("会\u200d议\u200c召开 a\u200db", "会议召开 ab", id="joiner-between-han-or-ascii-dropped"),
        pytest.param("\u200d\U0001f308 \u200c\U0001f308\u200d", "\U0001f308 \U0001f308", id="joiner-at-an-edge-dropped"),
        pytest.param("\u2060 \u200d", "", id="only-invisible"),
    ],
)
def test_normalize_line(line, expected):
    assert normalize_line(line) == expected


def test_no_control_character_is_left():
    """What check reports as CC008 (category Cc but \\n and \\t) never survives the stage."""
    every = "".join(chr(code) for code in range(0x100))
    doc = Document(id="x", source="s", location="x", text=every + "\n" + every)
    kept = "\n".join(Whitespace()(doc).lines)
    assert not [char for char in kept if unicodedata.category(char) == "Cc" and char not in "\n\t"]


def test_blank_lines_dropped_and_crlf_split():
    doc = Document(id="x", source="s", location="x", text="第一段\r\n\r\n \u3000 \r\n第二段\r第三段\n")
    Whitespace()(doc)
    assert doc.lines == ["第一段", "第二段", "第三段"]
    assert doc.verdicts == [None, None, None]


def test_html_documents_keep_their_extracted_lines():
    doc = Document(id="x", source="s", location="x", format="html", text="<p>ignored</p>")
    doc.set_lines(["  标题 ", "", "正文"])
    Whitespace()(doc)
    assert doc.lines == ["标题", "正文"]


@given(st.lists(st.text()))
def test_normalize_lines_is_idempotent(lines):
    once = normalize_lines(lines)
    assert normalize_lines(once) == once


def test_character_classes_match_python():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(LINE_BREAKS) == {c for c in every if len(f"a{c}b".splitlines()) == 2}
    spaces = set(re.findall(f"[{SPACES_BUT_SPACE}]", every))
    assert spaces | set(LINE_BREAKS) | {" "} == {c for c in every if c.isspace()}


@pytest.mark.parametrize(
    "text",
    [
        "", "a", " a", "a ", "a  b", "a b\nc d", "a \nb", "a\n b", "a\r\n b", "a\r \nb", "a\n\n\nb\n",
        "a\u3000b", "a\tb", "zero\u200bwidth", "a\u2028 b", "a \x85b", "\n \n", "   ", "a\x00 b\x93", "\x1b \n",
    ],
)
def test_normalize_text_is_normalize_lines_of_split_text(text):
    assert normalize_text(text) == normalize_lines(split_text(text))


SPACY_TEXT = st.text(alphabet=st.sampled_from(list("ab中 \t\n\r\x00\x0b\x1c\x1f\x7f\x85\x93\xa0\u2000\u200b\u2028\u3000\ufeff")))


@given(SPACY_TEXT)
def test_normalize_text_agrees_with_line_by_line(text):
    assert normalize_text(text) == normalize_lines(split_text(text))


@given(st.lists(SPACY_TEXT))
def test_normalize_tidy_lines_is_normalize_lines(lines):
    """HTML lines may hold any character, line breaks too."""
    assert normalize_tidy_lines(lines) == normalize_lines(lines)
