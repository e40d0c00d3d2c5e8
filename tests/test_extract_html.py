"""HTML -> blocks: block structure, dropped elements, captions, hints, parser limits."""

import pytest
from hypothesis import given, strategies as st

from corpusclean.extract.html import HtmlLimitError, hint_weight, html_blocks, load_hints, parse_html
from corpusclean.extract.units import units_and_punctuation, units_and_punctuation_of


def texts(html: str) -> list[str]:
    return [block.text for block in html_blocks(parse_html(html))]


@pytest.mark.parametrize("html, expected", [
    ("<p>第一段。</p><p>第二段。</p>", ["第一段。", "第二段。"]),
    ("<div>甲行<br>乙行<br/>丙行</div>", ["甲行", "乙行", "丙行"]),
    # a <pre>'s line breaks end lines, inside an element of it too; the rest of its whitespace runs together
    ("<pre>\n甲行  一\n<b>乙</b>行\n\n<a href='/'>丙\n丁</a>行</pre>", ["甲行 一", "乙行", "丙", "丁行"]),
    ("<ul><li>一</li><li>二</li></ul>", ["一", "二"]),
    ("<table><tr><td>姓名</td><td>张三</td></tr><tr><td>职务</td><td>主席</td></tr></table>",
     ["姓名 张三", "职务 主席"]),
    ("<h1>标题</h1><p>正文<b>加粗</b>继续。</p>", ["标题", "正文加粗继续。"]),
    ("<p>before<script>var x = 1;</script>after</p>", ["beforeafter"]),
    ("<p>a<!-- comment -->b</p>", ["ab"]),
    ("<div><style>p {}</style><noscript>开启脚本</noscript><template>模板</template>正文</div>", ["正文"]),
    ("<form><input value='搜索'><button>提交</button></form><iframe>框架</iframe><p>留下</p>", ["留下"]),
    # a page wrapped in one <form> (ASP.NET, forum engines) keeps its text
    ("<form><p>帖子正文。</p><select><option>选项</option></select></form>", ["帖子正文。"]),
    ("<p hidden>隐藏</p><p style='display: none'>隐藏</p><p aria-hidden='true'>隐藏</p><p>显示</p>", ["显示"]),
    ("<p style='color: red'>红字</p>", ["红字"]),
    # overlays shown by a script: a report form, a login box, a cookie notice; never the article
    ("<div class='ui modal small'><div class='content'><p>举报理由：广告。</p></div></div><p>正文。</p>", ["正文。"]),
    ("<div role='dialog'>登录</div><div role='alertdialog'>Cookies</div><dialog>关闭</dialog><p>正文。</p>",
     ["正文。"]),
    ("<div aria-modal='true'>订阅</div><div class='modal-open article'><p>正文。</p></div>", ["正文。"]),
    # visibility:hidden is how script-revealed article bodies (WeChat's) wait in the page: kept
    ("<div style='visibility: hidden;'><p>脚本显示的正文。</p></div>", ["脚本显示的正文。"]),
])
def test_block_structure_and_dropped_elements(html, expected):
    assert texts(f"<html><body>{html}</body></html>") == expected


def test_element_kinds_drop_digits_and_fall_back_to_id():
    kinds: list[str] = []
    html_blocks(parse_html("<html><body><div class='post post-17'><p>甲。</p></div>"
                           "<div id='reply_18'><p>乙。</p></div><p>丙。</p></body></html>"), kinds=kinds)
    # html, html element, body, div, p, div, p, p: unnamed elements have no kind
    assert kinds == ["html", "", "", "div.post post-", "", "div.reply_", "", ""]


@pytest.mark.parametrize("html, expected", [
    ("<p>正文。</p><img src='a.jpg' alt='会议现场照片'><p>又一段。</p>", [("正文。", False), ("会议现场照片", True), ("又一段。", False)]),
    ("<figure><img alt='会议现场'><figcaption>会议现场</figcaption></figure>", [("会议现场", True)]),
    ("<figure><img src='x.jpg'><figcaption>图为会议现场</figcaption></figure>", [("图为会议现场", True)]),
    ("<a href='/'><img alt='网站标志图片'></a><p>正文。</p>", [("正文。", False)]),  # a logo link
    ("<img alt='IMG_2034.jpg'><p>正文。</p>", [("正文。", False)]),
])
def test_captions(html, expected):
    blocks = html_blocks(parse_html(f"<html><body>{html}</body></html>"))
    assert [(block.text, block.caption) for block in blocks] == expected


def test_link_characters_are_counted():
    [block] = html_blocks(parse_html("<html><body><p>看 <a href='/x'>这里</a></p></body></html>"))
    assert block.link_chars == 2


def test_link_characters_are_counted_per_line_of_a_pre():
    blocks = html_blocks(parse_html("<html><body><pre>看 <a href='/x'>这里\n那里</a>吧</pre></body></html>"))
    assert [(block.text, block.link_chars) for block in blocks] == [("看 这里", 2), ("那里吧", 2)]


@pytest.mark.parametrize("attributes, weight", [
    ("TRS_Editor", 1),
    ("article-content", 1),
    ("newsContent", 1),
    ("zoom", 1),
    ("top-nav", -1),
    ("footer", -1),
    ("bdsharebuttonbox", -1),
    ("related-news", -1),
    ("breadcrumb", -1),
    ("onetrust-consent-sdk", -1),
    ("cookie-banner", -1),
    ("canvas-wrap", 0),      # "nav" inside a word is not a hint
    ("thread-list", 0),       # nor "ad" inside "thread"
    ("", 0),
])
def test_hint_weight(attributes, weight):
    assert hint_weight(attributes, load_hints()) == weight


def test_hint_sums_over_ancestors():
    html = "<html><body><div class='main'><div id='zoom'><p>正文。</p></div></div><div class='footer'><p>页脚</p></div></body></html>"
    assert [block.hint for block in html_blocks(parse_html(html))] == [2, -1]


def test_deep_nesting_is_reported_not_truncated_silently():
    html = "<html><body>" + "<div>" * 5000 + "深处文字" + "</div>" * 5000 + "<p>尾部</p></body></html>"
    with pytest.raises(HtmlLimitError, match="depth"):
        parse_html(html)


def test_moderate_nesting_is_walked_without_recursion():
    html = "<html><body>" + "<div>" * 1500 + "深处文字。" + "</div>" * 1500 + "</body></html>"
    assert texts(html) == ["深处文字。"]


@pytest.mark.parametrize(
    "declaration",
    [
        pytest.param('<?xml version="1.0" encoding="gb2312"?>\n', id="with-encoding"),
        pytest.param("  <?xml version='1.0' encoding='GBK' standalone='yes' ?>", id="after-space-single-quotes"),
        pytest.param('<?xml version="1.0"?>', id="without-encoding"),
    ],
)
def test_an_xml_declaration_opening_an_xhtml_page_is_dropped(declaration):
    """lxml refuses a str that starts with an encoding declaration; the page is already decoded."""
    html = declaration + '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>正文第一段。</p></body></html>'
    assert texts(html) == ["正文第一段。"]


@pytest.mark.parametrize("html, expected", [
    pytest.param("<p>正文\u00a0第一段。</p>", ["正文 第一段。"], id="utf-8"),
    # no UTF-8 form: parsed as the str it is, where libxml2 stops at the surrogate
    pytest.param("<p>正文\ud800第一段。</p>", ["正文"], id="lone-surrogate"),
])
def test_the_page_is_parsed_in_utf_8_or_as_it_is(html, expected):
    assert texts(f"<html><body>{html}</body></html>") == expected


def test_empty_page():
    assert parse_html("   ") is None
    assert html_blocks(None) == []


@pytest.mark.parametrize("text, units, punctuation", [
    pytest.param("全国总工会召开会议。", 9, 1, id="chinese-sentence"),
    pytest.param("Workers met on Monday, then left.", 12, 2, id="english-sentence"),
    pytest.param("版本3.5发布", 8, 0, id="decimal-point-between-han-and-digits"),
    pytest.param("他说：“好。”然后走了", 7, 2, id="chinese-marks-inside-quotes"),
    pytest.param('He said "yes." Then, quietly', 10, 2, id="latin-mark-before-closing-quote"),
    pytest.param("snake_case x2 ①", 6, 0, id="underscore-and-numbers-are-word-characters"),
    pytest.param("end.", 2, 1, id="latin-mark-at-the-end"),
    pytest.param("a.b", 4, 0, id="latin-mark-inside-a-word"),
    pytest.param("𠮷野家 and \U00030001", 6, 0, id="han-beyond-the-table"),
])
def test_units_and_punctuation(text, units, punctuation):
    assert units_and_punctuation(text) == (units, punctuation)
    assert units_and_punctuation_of(["前文。", text, "end."]) == ([2, units, 2], [1, punctuation, 1])


@given(st.lists(st.text(alphabet="中あ한ab_9 \t\xa0\u3000.,;!?:。，！：۔\"”’)(“\x00\n𠮷", max_size=10), max_size=6))
def test_units_and_punctuation_of_a_page_are_those_of_each_line(lines):
    units, punctuation = units_and_punctuation_of(lines)
    assert list(zip(units, punctuation)) == [units_and_punctuation(line) for line in lines]
