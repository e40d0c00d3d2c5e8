"""Page metadata: dates, titles, labelled lines, <meta> tags."""

import pytest

from corpusclean.extract.html import parse_html
from corpusclean.extract.meta import page_metadata, parse_date, strip_site_suffix


@pytest.mark.parametrize("text, expected", [
    ("2018-01-08 07:19", "2018-01-08T07:19:00"),
    ("2020-11-09 08:53:19", "2020-11-09T08:53:19"),
    ("2018/01/08 来源：嘉兴日报", "2018-01-08"),
    ("2018年1月8日 07:19", "2018-01-08T07:19:00"),
    ("发布时间：2023年10月20日", "2023-10-20"),
    ("2018-01-08T07:19:00+08:00", "2018-01-08T07:19:00"),
    ("2018.01.08", "2018-01-08"),
    ("Jan 8, 2018", "2018-01-08"),
    ("January 8, 2018 7:19 pm", "2018-01-08T19:19:00"),
    ("Published 8 January 2018", "2018-01-08"),
    ("Sept. 30, 2021", "2021-09-30"),
    # not dates
    ("2018-13-40", None),
    ("电话：0571-12345678", None),
    ("共计3000万元", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("title, expected", [
    ("市总工会召开推进会_网易新闻", "市总工会召开推进会"),
    ("市总工会召开推进会-工会动态-滨江市总工会", "市总工会召开推进会"),
    ("City council approves plan | Riverside Herald", "City council approves plan"),
    ("City council approves plan - Riverside Herald", "City council approves plan"),
    ("Herald | City council approves new river park plan", "City council approves new river park plan"),
    ("COVID-19 cases fall in the city", "COVID-19 cases fall in the city"),  # a hyphen inside a word stays
    ("中美第5-6轮磋商结束", "中美第5-6轮磋商结束"),
    ("没有后缀的标题", "没有后缀的标题"),
])
def test_strip_site_suffix(title, expected):
    assert strip_site_suffix(title) == expected


def metadata(head: str, lines: list[str], headline: str | None = None) -> dict:
    root = parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>")
    return page_metadata(root, lines, None, headline)


def test_meta_tags_win_over_lines():
    found = metadata(
        "<meta name='pubdate' content='2021-03-04 10:00'><meta name='author' content='王五'>"
        "<meta property='og:url' content='https://news.example.com/a.html'>",
        ["标题", "2020-01-01 来源：某报 作者：赵六"],
    )
    assert found["created"] == "2021-03-04T10:00:00"
    assert found["author"] == "王五"
    assert found["url"] == "https://news.example.com/a.html"
    assert found["publisher"] == "某报"


def test_lines_near_the_headline_fill_in():
    found = metadata(
        "<title>标题_某某网</title>",
        ["标题", "2018年1月8日 07:19 来源：嘉兴日报 记者：冯波", "正文。", "（责任编辑：刘洋）"],
    )
    assert found == {
        "title": "标题", "url": None, "author": "冯波", "editor": "刘洋",
        "publisher": "嘉兴日报", "created": "2018-01-08T07:19:00",
    }


def test_headline_is_the_title_when_given():
    assert metadata("<title>网站首页</title>", ["真正的标题"], headline="真正的标题")["title"] == "真正的标题"


def test_nothing_found_is_none():
    found = metadata("", ["正文里没有日期也没有署名。"])
    assert found == dict.fromkeys(("title", "url", "author", "editor", "publisher", "created"))


def test_english_byline():
    assert metadata("", ["Headline", "By Jane Doe | Jan 8, 2018"])["author"] == "Jane Doe"


@pytest.mark.parametrize(
    "value, plausible",
    [("张三", True), ("Jane Doe", True), ("By Sandee LaMotte, CNN", True), (None, False), ("", False),
     ("name, email@gmail.com", False), ("104363", False), ("http://example.com/author/1", False),
     ("余毅菁 向雪妮返回富达，查看更多", False)],
)
def test_is_plausible_name(value, plausible):
    from corpusclean.extract.meta import is_plausible_name

    assert is_plausible_name(value) is plausible
