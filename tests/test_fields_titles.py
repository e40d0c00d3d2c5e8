"""Titles: the headline of a page title, and what can be a headline at all."""

import pytest

from corpusclean.fields.titles import can_be_headline, headline_of_title, site_names, split_at_line, split_site_title


@pytest.mark.parametrize("title, headline", [
    pytest.param("市总工会召开推进会_远帆新闻", "市总工会召开推进会", id="underscore-suffix"),
    pytest.param("市总工会召开推进会-工会动态-滨江市总工会", "市总工会召开推进会", id="channel-and-site"),
    pytest.param("市总工会召开推进会－滨江新闻网", "市总工会召开推进会", id="full-width-hyphen-suffix"),
    pytest.param("City council approves plan | Riverside Herald", "City council approves plan", id="bar-suffix"),
    pytest.param("City council approves plan - Riverside Herald", "City council approves plan", id="dash-suffix"),
    pytest.param("Herald | City council approves new river park plan", "City council approves new river park plan",
                 id="site-in-front"),
    pytest.param("Corvid Load Testing - Feedback / Test Suite - Corvid Community Forum", "Corvid Load Testing",
                 id="suffixes-longer-than-the-headline"),
    pytest.param("COVID-19 cases fall in the city", "COVID-19 cases fall in the city", id="hyphen-in-a-word"),
    pytest.param("中美第5-6轮磋商结束", "中美第5-6轮磋商结束", id="hyphen-between-digits"),
    pytest.param("“守护安澜”——全市防汛工作会议召开_要闻_某某新闻网", "“守护安澜”——全市防汛工作会议召开",
                 id="the-headlines-own-long-dash-beside-site-separators"),
    pytest.param("全市防汛工作会议召开——某某新闻网", "全市防汛工作会议召开", id="a-long-dash-alone-separates"),
    pytest.param("市总工会召开推进会-新闻中心_某某网", "市总工会召开推进会", id="a-hyphen-beside-an-underscore"),
    pytest.param("没有后缀的标题", "没有后缀的标题", id="no-suffix"),
    pytest.param("标题" * 60, None, id="too-long-for-a-headline"),
    pytest.param("", None, id="empty"),
])
def test_headline_of_title(title, headline):
    assert headline_of_title(title) == headline


@pytest.mark.parametrize("title, lines, headline", [
    pytest.param("云岭区一行到创业街开展调研工作 北区办事处_滨海网", ["首页", "云岭区一行到创业街开展调研工作"],
                 "云岭区一行到创业街开展调研工作", id="site-name-after-a-space"),
    pytest.param("星河发布新一代AI芯片：能效提升一倍-EDX 电子工程世界", ["星河发布新一代AI芯片：能效提升一倍"],
                 "星河发布新一代AI芯片：能效提升一倍", id="bare-hyphen-latin"),
    pytest.param("Forum search timeout, nothing found - Forum", ["Forum"], "Forum search timeout, nothing found",
                 id="not-a-short-nav-word"),
    pytest.param("新闻动态--滨江植物学会官网", ["新闻"], "新闻动态", id="not-a-word-prefix"),
])
def test_headline_of_title_is_a_line_of_the_page(title, lines, headline):
    assert headline_of_title(title, lines) == headline


@pytest.mark.parametrize("text, expected", [
    pytest.param("奖金300万元！“青年科学奖”首位获奖教师啥来头？", True, id="two-exclamations"),
    pytest.param("定了！滨江新港客运码头即将开通！公交直达+免费停...", True, id="ellipsis"),
    pytest.param(".last-child or???", True, id="run-of-marks"),
    pytest.param("第一句。第二句。第三句。", False, id="a-paragraph"),
    pytest.param("一" * 81, False, id="a-long-chinese-line"),
    pytest.param(" ".join(["word"] * 36), False, id="a-long-english-line"),
    pytest.param("   ", False, id="blank"),
    pytest.param("版权所有 © 2024 示例新闻网", False, id="a-copyright-line"),
    pytest.param("Copyright 2024 Valley Courier", False, id="an-english-copyright-line"),
])
def test_can_be_headline(text, expected):
    assert can_be_headline(text) is expected


def test_site_names_of_a_title():
    assert site_names("标题新闻-要闻-某某网") == ["要闻", "某某网"]
    assert site_names("没有后缀的标题") == []
    assert split_site_title("A long headline about the river | a part much too long to be the name of a site") is None


@pytest.mark.parametrize("title, lines, split", [
    pytest.param("“守护安澜”——全市防汛会议召开_要闻_滨江网", ["首页", "“守护安澜”——全市防汛会议召开"],
                 ("“守护安澜”——全市防汛会议召开", ["要闻", "滨江网"]), id="a-headline-holding-a-dash"),
    pytest.param("防汛会议召开——访市水务局局长_滨江网", ["防汛会议召开", "防汛会议召开——访市水务局局长"],
                 ("防汛会议召开——访市水务局局长", ["滨江网"]), id="the-longest-line"),
    pytest.param("防汛会议召开_滨江网", ["防汛会议召开"], ("防汛会议召开", ["滨江网"]), id="a-plain-suffix"),
    # negatives: a line that ends inside a word, a short menu word, a rest that is no name, no separator
    pytest.param("全市防汛工作会议召开_滨江网", ["全市防汛工作会议"], None, id="not-inside-a-word"),
    pytest.param("新闻动态--滨江植物学会官网", ["新闻"], None, id="not-a-short-line"),
    pytest.param("防汛会议召开——全市各区各部门要压实责任，做好隐患排查。", ["防汛会议召开"], None, id="not-a-sentence"),
    pytest.param("防汛会议召开了", ["防汛会议召开"], None, id="no-separator"),
    pytest.param("Home | Latest Posts | Links | Must Reads | Login | Post New Article",
                 ["Home | Latest Posts | Links | Must Reads | Login"], None, id="not-a-menu-row"),
])
def test_split_at_line(title, lines, split):
    assert split_at_line(title, lines) == split
