"""Rule files: every shipped file loads as its readers declare it, and a broken one fails naming its line."""

from importlib import resources

import pytest

from corpusclean.clean import boilerplate, line_shapes, sidebar
from corpusclean.extract import html
from corpusclean.fields import html as html_fields, labels
from corpusclean.rules import NO_HEADER, RuleFileError, parse_chars, parse_sections
from corpusclean import text

# Each shipped rule file and the reader that loads it (the reader declares the sections it reads).
SHIPPED = [
    pytest.param("boilerplate_zh.txt", boilerplate.vocabulary, id="boilerplate_zh"),
    pytest.param("boilerplate_en.txt", boilerplate.vocabulary, id="boilerplate_en"),
    pytest.param("html_hints.txt", html.load_hints, id="html_hints"),
    pytest.param("html_hints.txt", html._chrome_pattern, id="html_hints-chrome"),
    pytest.param("official_titles.txt", lambda: sidebar._zh_titles(()), id="official_titles"),
    pytest.param("official_titles.txt", lambda: sidebar._en_titles(()), id="official_titles-en"),
    pytest.param("sidebar_headings.txt", sidebar._headings, id="sidebar_headings"),
    pytest.param("metadata_labels.txt", labels._labels, id="metadata_labels"),
    pytest.param("bylines_zh.txt", labels._zh_bylines, id="bylines_zh"),
    pytest.param("bylines_zh.txt", labels._zh_byline_units, id="bylines_zh-units"),
    pytest.param("bylines_zh.txt", labels._title_words, id="bylines_zh-titles"),
    pytest.param("bylines_zh.txt", labels._credit_words, id="bylines_zh-credit"),
    pytest.param("not_names.txt", labels._not_names, id="not_names"),
    pytest.param("organisations_zh.txt", labels._organisation_suffixes, id="organisations_zh"),
    pytest.param("html_fields.txt", html_fields._keys, id="html_fields"),
    pytest.param("common_han.txt", text.common_han, id="common_han"),
    pytest.param("traditional_only.txt", text.traditional_only_chars, id="traditional_only"),
    pytest.param("site_notices.txt", line_shapes.notice_phrases, id="site_notices"),
]


@pytest.mark.parametrize("filename, load", SHIPPED)
def test_shipped_rule_file_loads_clean(filename, load):
    assert load()


def test_every_shipped_rule_file_has_a_reader():
    shipped = {p.name for p in resources.files("corpusclean.rules").iterdir() if p.name.endswith(".txt")}
    assert shipped == {case.values[0] for case in SHIPPED}


SECTIONS = ("hotline", "promo")


@pytest.mark.parametrize(
    "text, declared, message",
    [
        pytest.param("[promo]\n扫码关注\n", SECTIONS, r"r\.txt: section \[hotline\] is missing", id="missing-section"),
        pytest.param("[hotline]\n# none yet\n\n[promo]\n扫码关注\n", SECTIONS, r"r\.txt:1: section \[hotline\] has no entry",
                     id="empty-section"),
        pytest.param("[hotline]\n举报电话\n[promo]\n扫码关注\n[sidebar]\n领导\n", SECTIONS,
                     r"r\.txt:5: unknown section \[sidebar\]; its reader reads \[hotline\], \[promo\]",
                     id="unknown-section"),
        pytest.param("[hotline]\n举报电话\n[promo]\n扫码关注\n[hotline]\n热线\n", SECTIONS,
                     r"r\.txt:5: section \[hotline\] again \(first at line 1\)", id="section-twice"),
        pytest.param("举报电话\n[hotline]\n热线\n[promo]\n扫码关注\n", SECTIONS,
                     r"r\.txt:1: '举报电话' comes before the first \[section\] header", id="entry-before-header"),
        pytest.param("# only a comment\n", (NO_HEADER,), r"r\.txt: the file has no entry", id="empty-file"),
        pytest.param("记者\n[extra]\n摄影\n", (NO_HEADER,), r"r\.txt:2: unknown section \[extra\]; its reader reads no section",
                     id="header-in-a-list"),
    ],
)
def test_broken_rule_file_names_file_and_line(text, declared, message):
    with pytest.raises(RuleFileError, match=message):
        parse_sections(text, "r.txt", declared)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("# comment\n[hotline]\n 举报电话 \n\n[promo]\n扫码关注\n# 不是\n",
                     {"hotline": ("举报电话",), "promo": ("扫码关注",)}, id="comments-and-blanks-skipped"),
        pytest.param("[promo]\n扫码关注\n[hotline]\n热线\n", {"hotline": ("热线",), "promo": ("扫码关注",)},
                     id="any-order"),
    ],
)
def test_rule_file_sections(text, expected):
    assert parse_sections(text, "r.txt", SECTIONS) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param("# nothing\n", r"c\.txt: the file has no character", id="no-character"),
        pytest.param("的一是\n[rare]\n龘\n", r"c\.txt:2: a character file has no sections", id="section-header"),
    ],
)
def test_broken_character_file(text, message):
    with pytest.raises(RuleFileError, match=message):
        parse_chars(text, "c.txt")


def test_character_file():
    assert parse_chars("# common\n的一 是\n", "c.txt") == frozenset("的一是")


# --- no phrase list compiles to match-everything ------------------------------------------------------


@pytest.mark.parametrize("line", ["习近平主持召开会议", "Home", "", "x"], ids=["zh", "en", "empty", "letter"])
def test_no_phrase_matches_no_line(line):
    assert not boilerplate._alternation([]).search(line, boilerplate._latin_words(line))


@pytest.mark.parametrize("phrases", [[""], ["  "], ["本站声明", ""]], ids=["empty", "blank", "one-empty"])
def test_blank_phrase_is_refused(phrases):
    with pytest.raises(ValueError, match="phrase is empty"):
        boilerplate._alternation(phrases)
