"""Limits on the work of one HTML page: measured on the text before parsing, never firing on real pages."""

import pytest

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.extract import html as html_module
from corpusclean.extract.limits import MAX_ATTRIBUTES, attribute_count, element_count, too_complex
from corpusclean.extract.stage import ExtractHtml
from corpusclean.normalize.whitespace import Whitespace

ARTICLE = "<p>会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任。</p>" * 5


def page(body: str) -> str:
    return f"<html><head><title>防汛</title></head><body>{body}{ARTICLE}</body></html>"


def attributes(count: int, form: str = "a{}=x") -> str:
    return " ".join(form.format(i) for i in range(count))


@pytest.mark.parametrize(
    "tag, expected",
    [
        pytest.param("<p>", ("p", 0), id="none"),
        pytest.param('<div a=1 b="x>y" c d=\'q\'e="r"/f>', ("div", 6), id="quoted-gt-glued-boolean-slash"),
        pytest.param("<div =x =y>", ("div", 1), id="name-starting-with-equals"),
        pytest.param('<img src="abc def', ("img", 1), id="unclosed-quote-runs-to-the-end"),
        pytest.param('<a href="<b c d>">x</a>', ("a", 1), id="markup-in-a-value"),
    ],
)
def test_attribute_count(tag, expected):
    assert attribute_count(tag, 0) == expected


@pytest.mark.parametrize(
    "body, detail",
    [
        pytest.param(f"<div {attributes(MAX_ATTRIBUTES + 1)}>x</div>", f"{MAX_ATTRIBUTES + 1} attributes on one <div>",
                     id="attributes-just-over"),
        pytest.param(f"<div {attributes(MAX_ATTRIBUTES + 1, 'a{}')}>x</div>", f"{MAX_ATTRIBUTES + 1} attributes",
                     id="boolean-attributes"),
        pytest.param("<div " + "".join(f'a{i}=""' for i in range(MAX_ATTRIBUTES + 1)) + ">x</div>",
                     f"{MAX_ATTRIBUTES + 1} attributes", id="glued-quoted-attributes"),
        pytest.param(f"<span {attributes(MAX_ATTRIBUTES, 'a{}')} late='>' z>x</span>", f"{MAX_ATTRIBUTES + 2} attributes",
                     id="quoted-gt-after-the-first-look"),
    ],
)
def test_page_over_the_attribute_limit(body, detail):
    assert detail in too_complex(page(body), Config.max_page_elements)


@pytest.mark.parametrize(
    "body, max_elements",
    [
        pytest.param(f"<div {attributes(MAX_ATTRIBUTES)}>x</div>", 100, id="attributes-at-the-limit"),
        pytest.param(f"<img src=\"data:image/png;base64,{'A' * 100_000}\" alt=x>", 100, id="long-data-uri"),
        pytest.param(f"<script>if (a<b {attributes(MAX_ATTRIBUTES + 1)}) x()</script>", 100, id="long-tag-in-a-script"),
        pytest.param(f"<!-- <div {attributes(MAX_ATTRIBUTES + 1)}> -->", 100, id="long-tag-in-a-comment"),
        pytest.param("<i>x</i>" * 51, 60, id="elements-at-the-limit"),
        pytest.param("<script>" + "a<b;" * 100 + "</script>" + "<i>x</i>" * 50, 60, id="lt-signs-in-a-script"),
    ],
)
def test_page_within_the_limits(body, max_elements):
    assert too_complex(page(body), max_elements) is None


def test_element_count():
    assert element_count("<!DOCTYPE html><p>a<!-- <b> --><script>a<b</script><style>x</style><?php x ?>") == 6


def test_page_over_the_element_limit():
    detail = too_complex(page("<!-- c -->" * 60), 60)
    assert detail.startswith("69 elements, over the 60 limit")


def test_too_complex_page_is_rejected_before_it_is_parsed(monkeypatch):
    def parse_html(html):
        raise AssertionError("the parser must not see the page")

    monkeypatch.setattr(html_module, "parse_html", parse_html)
    doc = Document(id="d", source="s", location="d.html", format="html",
                   text=page(f"<div {attributes(MAX_ATTRIBUTES + 1)}>x</div>"))
    ExtractHtml(Config())(doc)
    assert doc.reject_reason == "too_complex"


def test_page_over_the_line_limit():
    doc = Document(id="d", source="s", location="d.txt", text="第一行\n\n第二行\n第三行\n")
    assert not Whitespace(3)(doc).rejected
    doc = Document(id="d", source="s", location="d.txt", text="第一行\n第二行\n第三行\n第四行\n")
    assert Whitespace(3)(doc).reject_detail == "4 lines, over the 3 limit (max_page_lines)"
