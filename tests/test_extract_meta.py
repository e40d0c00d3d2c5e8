"""An HTML page's fields: <meta>, JSON-LD, <time>, the URL, the title, and what htmldate adds."""

import pytest

from corpusclean.extract.html import parse_html
from corpusclean.extract.stage import extract_html
from corpusclean.fields.html import read_tags

BODY = ("<h1>市区新增三处口袋公园</h1>"
        "<p>全市今年新增就业岗位三万个，城镇登记失业率保持在较低水平，各项民生工作稳步推进。</p>"
        "<p>市总工会当天还为一线职工送去了慰问品，并就职工关心的问题进行了现场答复和沟通。</p>"
        "<p>公园已向市民开放，周边居民纷纷前来游览，对新增的绿地和健身设施表示满意。</p>")


def metadata(head: str, body: str = BODY, url: str | None = None) -> dict:
    extracted = extract_html(f"<html><head>{head}</head><body>{body}</body></html>", url)
    assert extracted.reject is None
    return extracted.metadata


def created(values: dict) -> tuple:
    return values["created"], values["created_precision"], values["created_timezone"]


@pytest.mark.parametrize("head, expected", [
    pytest.param("<meta property='article:published_time' content='2021-03-04T10:00:00+08:00'>",
                 ("2021-03-04T10:00:00", "second", "+08:00"), id="meta-published"),
    pytest.param("<meta name='pubdate' content='2021-03-04 10:00'>", ("2021-03-04T10:00:00", "minute", None), id="meta-pubdate"),
    pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z"}</script>',
                 ("2021-03-04T10:00:00", "second", "+00:00"), id="json-ld"),
    pytest.param('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "Article", '
                 '"datePublished": "2021-03-04"}]}</script>', ("2021-03-04T00:00:00", "day", None), id="json-ld-graph"),
    pytest.param("<meta property='article:modified_time' content='2021-03-05T10:00:00+08:00'>",
                 ("2021-03-05T10:00:00", "second", "+08:00"), id="a-change-when-nothing-else"),
    pytest.param("<meta name='apub:time' content='2019-9-7 21:30:50'>", ("2019-09-07T00:00:00", "day", None),
                 id="a-site-tag-htmldate-reads"),
    pytest.param("", (None, None, None), id="nothing"),
    # htmldate fills in a day no value states: the 1st for an impossible day or a copyright year, the day of the
    # month it runs on for a month alone
    pytest.param("<meta property='article:published_time' content='2023-02-30'>", (None, None, None),
                 id="an-impossible-day"),
    pytest.param("<meta property='article:published_time' content='2023-02'>", (None, None, None), id="a-month-alone"),
    pytest.param("<meta itemprop='copyrightYear' content='2023'>", (None, None, None), id="a-copyright-year"),
])
def test_dates_stated_by_tags(head, expected):
    assert created(metadata(head)) == expected


def test_time_element_and_url():
    body = BODY.replace("</h1>", "</h1><p><time itemprop='datePublished' datetime='2021-03-04T10:00'>3月4日</time></p>")
    assert created(metadata("", body)) == ("2021-03-04T10:00:00", "minute", None)
    url = "http://www.example.gov.cn/zwgk/202103/t20210304_1.html"
    assert created(metadata("", url=url)) == ("2021-03-04T00:00:00", "day", None)


def test_a_time_element_naming_no_day_gives_none():
    body = BODY.replace("</h1>", "</h1><p><time datetime='2023-02-30'>2月30日</time></p>")
    assert created(metadata("", body)) == (None, None, None)


def test_printed_dateline_wins_over_a_tag_naming_another_day():
    body = BODY.replace("</h1>", "</h1><p>2021-03-04 09:30 来源：滨江日报</p>")
    values = metadata("<meta name='pubdate' content='2021-03-06 10:00'>", body)
    assert (values["created"], values["publisher"]) == ("2021-03-04T09:30:00", "滨江日报")


@pytest.mark.parametrize("head, author", [
    pytest.param("<meta name='author' content='王五'>", "王五", id="meta-author"),
    pytest.param('<script type="application/ld+json">{"author": [{"name": "Jane Doe"}, {"name": "Tom Lee"}]}</script>',
                 "Jane Doe, Tom Lee", id="json-ld-authors"),
    pytest.param("<title>市区新增三处口袋公园_远帆新闻</title><meta name='author' content='远帆'>", None, id="the-site-is-no-author"),
    pytest.param("<meta property='og:site_name' content='Riverside Herald'><meta name='author' content='Riverside Herald'>",
                 None, id="site-name-tag"),
    pytest.param("<meta name='author' content='name, email@gmail.com'>", None, id="template-placeholder"),
])
def test_authors_stated_by_tags(head, author):
    assert metadata(head)["author"] == author


def test_a_printed_byline_wins_over_the_author_tag():
    body = BODY.replace("</h1>", "</h1><p>本报记者 张三</p>")
    assert metadata("<meta name='author' content='李四'>", body)["author"] == "张三"


@pytest.mark.parametrize("head, body, title", [
    pytest.param("<title>市区新增三处口袋公园_远帆新闻</title>", BODY, "市区新增三处口袋公园", id="h1"),
    pytest.param("<title>市区新增三处口袋公园_远帆新闻</title>", BODY.replace("h1", "div"), "市区新增三处口袋公园",
                 id="title-without-site-name"),
    pytest.param("<meta property='og:title' content='市区新增三处口袋公园'><title>首页</title>", BODY.replace("h1", "div"),
                 "市区新增三处口袋公园", id="og-title"),
])
def test_titles(head, body, title):
    assert metadata(head, body)["title"] == title


def test_tags_of_a_page():
    root = parse_html("<html><head><link rel='canonical' href='https://example.com/a'>"
                      "<meta property='og:site_name' content='Example'></head><body></body></html>")
    tags = read_tags(root)
    assert (tags.url, tags.site_names, tags.published) == ("https://example.com/a", ["Example"], None)
