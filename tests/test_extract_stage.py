"""The extract stage and main-content selection on small pages in the style of real news sites."""

from pathlib import Path

import pytest

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.extract.stage import ExtractHtml, Extracted, extract_html, without_headline

PAGES = Path(__file__).parent / "data" / "html"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def html_doc(text: str, **fields) -> Document:
    return Document(id="d", source="test", location="test.html", format="html", text=text,
                    input_bytes=len(text.encode("utf-8")), **fields)


def test_government_article_keeps_body_and_drops_furniture():
    extracted = extract_html(page("gov_article.html"))
    assert extracted.reject is None
    assert extracted.lines[0].startswith("10月19日，市总工会召开")  # the body: headline and date line are metadata
    body = "\n".join(extracted.lines)
    for kept in ("10月19日，市总工会召开", "涌现出一批先进集体和个人。", "推动竞赛向基层延伸",
                 "听取了项目建设情况介绍。", "该项目计划明年年底前全面完工。", "劳动竞赛推进会现场"):
        assert kept in body
    for dropped in ("首页", "当前位置", "王建国", "市总领导", "相关新闻", "送温暖", "友情链接",
                    "版权所有", "ICP", "隐藏", "编辑注释", "pageId", "微博"):
        assert dropped not in body
    assert body.count("劳动竞赛推进会现场") == 1  # alt and identical figcaption give one caption line


def test_government_article_metadata():
    assert extract_html(page("gov_article.html")).metadata == {
        "title": "市总工会召开劳动竞赛推进会",
        "url": "http://www.bjzgh.example.cn/gzdt/202310/t20231020_1001.html",
        "author": "陈晓",
        "editor": "刘洋",
        "publisher": "滨江日报",
        "created": "2023-10-20T07:19:00",
        "created_precision": "minute",
        "created_timezone": None,
    }


def test_english_article():
    extracted = extract_html(page("english_news.html"), url="https://fallback.example.com/x")
    body = "\n".join(extracted.lines)
    assert extracted.lines[0].startswith("The city council voted 7-2")
    assert "City council approves new river park plan" not in body and "By Jane Doe" not in body
    assert "voted 7-2 on Monday" in body and "covered by a state grant." in body
    for dropped in ("Home", "Sport", "Council delays budget vote", "All rights reserved", "Privacy", "Tweet"):
        assert dropped not in body
    # the printed day "Jan 8, 2018" with the time and zone of article:published_time
    assert extracted.metadata["created"] == "2018-01-08T07:19:00"
    assert extracted.metadata["created_precision"] == "second"
    assert extracted.metadata["created_timezone"] == "+00:00"
    assert extracted.metadata["author"] == "Jane Doe"
    assert extracted.metadata["url"] == "https://www.riverside-herald.example.com/news/river-park-plan"


@pytest.mark.parametrize("html, detail_part", [
    (None, "no run of prose"),  # the list page, read below
    ("<html><body></body></html>", "no run of prose"),
    ("", "empty page"),
    ("<html><body><div class='nav'><a href='/a'>新闻</a> <a href='/b'>图片</a></div></body></html>", "no run of prose"),
])
def test_pages_without_article_are_no_content(html, detail_part):
    extracted = extract_html(page("list_page.html") if html is None else html)
    assert (extracted.reject, extracted.lines) == ("no_content", [])
    assert detail_part in extracted.detail


def test_short_notice_is_still_content():
    html = ("<html><body><div class='nav'><a href='/'>首页</a></div><div class='content'>"
            "<h1>停水通知</h1><p>因管道检修，10月21日8时至18时人民路沿线停水，请居民提前储水，由此带来不便，敬请谅解。</p>"
            "</div></body></html>")
    extracted = extract_html(html)
    assert extracted.lines == ["因管道检修，10月21日8时至18时人民路沿线停水，请居民提前储水，由此带来不便，敬请谅解。"]
    assert extracted.metadata["title"] == "停水通知"


def test_short_lines_of_a_pre_in_a_post_are_kept():
    """Inside a container hinted as navigation-like (a forum's "CommentPost"), short lines without a sentence are
    taken for menu labels; a <pre>'s lines, however short, are text as written."""
    items = ["ad：广告引流", "spam：垃圾内容", "abuse：辱骂内容"]
    html = ("<html><body><article class='CommentPost'><h1>内容检测插件发布</h1>"
            "<p>本插件基于开源过滤器修改，支持内容安全检测，对不合规的内容自动进入审核并记录日志。</p>"
            f"<p>本插件支持检测以下几类内容标签，说明如下：</p><pre><code>{chr(10).join(items)}</code></pre>"
            "<p>安装之后在后台填写密钥即可使用，遇到问题可以在本帖回复，我们会尽快处理。</p></article></body></html>")
    assert extract_html(html).lines[2:5] == items


def test_gbk_page_declaring_its_charset():
    raw = page("gov_article.html").replace("charset=utf-8", "charset=gbk").encode("gbk")
    try:
        from corpusclean.decode import decode_bytes
        text = decode_bytes(raw, declared=None).text
    except ImportError:
        text = raw.decode("utf-8", errors="replace")
    extracted = extract_html(text)
    assert extracted.reject is None
    assert "市总工会召开全市重点工程劳动竞赛推进会" in "\n".join(extracted.lines)


def test_deeply_nested_page_is_rejected_not_crashed():
    html = "<html><body>" + "<div>" * 5000 + "<p>深处的正文，很长很长。</p>" + "</div>" * 5000 + "</body></html>"
    extracted = extract_html(html)
    assert extracted.reject == "truncated_html"
    assert "depth" in extracted.detail


def test_stage_fills_document():
    doc = ExtractHtml(Config())(html_doc(page("gov_article.html")))
    assert not doc.rejected
    assert "市总工会召开劳动竞赛推进会" not in doc.lines  # the headline is lifted into metadata.title
    assert doc.metadata["title"] == "市总工会召开劳动竞赛推进会"
    assert doc.lines[0].startswith("10月19日，市总工会召开")
    assert doc.verdicts == [None] * len(doc.lines)
    assert doc.metadata["publisher"] == "滨江日报"
    assert doc.created == "2023-10-20T07:19:00"


def test_stage_keeps_metadata_already_known():
    doc = html_doc(page("gov_article.html"), created="2023-10-21")
    doc.metadata["url"] = "http://crawl.example.cn/a"
    doc = ExtractHtml(Config())(doc)
    assert doc.metadata["url"] == "http://crawl.example.cn/a"
    assert doc.created == "2023-10-21"
    assert doc.metadata["title"] == "市总工会召开劳动竞赛推进会"


def test_stage_rejects_oversized_page():
    doc = ExtractHtml(Config(max_page_bytes=1000))(html_doc(page("gov_article.html")))
    assert doc.reject_reason == "too_large"
    assert "max_page_bytes" in doc.reject_detail


def test_stage_rejects_list_page():
    doc = ExtractHtml(Config())(html_doc(page("list_page.html")))
    assert doc.reject_reason == "no_content"


def test_stage_passes_text_documents_through():
    doc = Document(id="t", source="test", location="t.txt", format="txt", text="<p>不是网页。</p>")
    assert ExtractHtml(Config())(doc) is doc
    assert doc.lines == [] and not doc.rejected


def test_stage_is_deterministic_and_picklable():
    import pickle

    stage = pickle.loads(pickle.dumps(ExtractHtml(Config())))
    first = stage(html_doc(page("english_news.html")))
    second = stage(html_doc(page("english_news.html")))
    assert first.lines == second.lines and first.metadata == second.metadata


def test_extracted_shape():
    assert Extracted(["a"], {}) == Extracted(lines=["a"], metadata={}, reject=None, detail=None)


def test_forum_thread_keeps_every_post():
    """Replies sit in a separate list from the opening post, under a comment-like class: the repeated kind
    of the post body carries them into the content, user panels and the reply box stay out."""
    post = ("<div class='post-item'><div class='author'><a href='/u/{n}'>用户{n}</a></div>"
            "<div class='post-body'><p>{text}</p></div></div>")
    replies = "".join(post.format(n=n, text=text) for n, text in [
        (2, "我家也是这样，换了滤芯以后水压就恢复了，可以先试试。"),
        (3, "楼上说得对，另外记得检查进水阀门有没有开到底。"),
        (4, "谢谢各位，已经解决了！"),
    ])
    html = ("<html><head><title>热水器水压变小怎么办 - 家电论坛</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/bbs'>论坛</a></div>"
            "<div class='thread'><h1>热水器水压变小怎么办</h1>"
            + post.format(n=1, text="家里的燃气热水器最近出水越来越小，冷水正常，热水很小，请问是哪里出了问题？用了五年了。")
            + "</div><div class='comments'><h3>全部回复</h3>" + replies + "</div>"
            "<div class='reply-box'><p>登录后才能回复</p></div><div class='footer'>版权所有</div></body></html>")
    body = "\n".join(extract_html(html).lines)
    for kept in ("用了五年了", "换了滤芯", "进水阀门", "已经解决了"):
        assert kept in body
    for dropped in ("首页", "登录后才能回复", "版权所有"):
        assert dropped not in body


@pytest.mark.parametrize("lines, title, expected", [
    (["标题", "正文。"], "标题", ["正文。"]),
    (["频道", "标题", "正文。"], "标题", ["频道", "正文。"]),
    (["正文。", "另一段。", "第三段。", "标题"], "标题", ["正文。", "另一段。", "第三段。", "标题"]),  # too far down
    (["标题", "正文。"], None, ["标题", "正文。"]),
])
def test_without_headline(lines, title, expected):
    assert without_headline(lines, title) == expected


def _portal_page(next_article_paragraphs: int) -> str:
    """A short article under the page's title, then the next article a portal appends, longer."""
    body = "".join(f"<p>第二篇文章的第{i}段，内容很长，讲述了另一件完全不同的事情，读者往往会继续往下看。</p>"
                   for i in range(next_article_paragraphs))
    return (
        "<html><head><title>港口吞吐量创新高_新闻频道</title></head><body>"
        "<div class='detail'><h1 class='article-title'>港口吞吐量创新高</h1>"
        "<div class='article-content'><p>今年前三季度，滨江港完成货物吞吐量一点二亿吨，同比增长百分之八，创历史同期新高。</p>"
        "<p>港口集团表示，将继续扩大航线网络。</p></div></div>"
        "<div class='detail'><h1 class='article-title'>另一篇完全不同的文章标题</h1>"
        f"<div class='article-content'>{body}</div></div></body></html>"
    )


def test_article_under_the_title_wins_over_a_longer_appended_article():
    extracted = extract_html(_portal_page(8))
    assert any("滨江港" in line for line in extracted.lines)
    assert not any("第二篇文章" in line for line in extracted.lines)


def test_subtitle_below_the_headline_does_not_move_the_content():
    html = (
        "<html><head><title>港口吞吐量创新高</title></head><body><h1>港口吞吐量创新高</h1>"
        "<h2>前三季度同比增长百分之八</h2><div class='content'>"
        + "".join(f"<p>第{i}段正文，滨江港完成货物吞吐量一点二亿吨，同比增长百分之八。</p>" for i in range(6))
        + "</div></body></html>"
    )
    lines = extract_html(html).lines
    assert sum("滨江港" in line for line in lines) == 6


def _teaser_stream_page(link_headlines: bool) -> str:
    """A short article under the title, then a stream of five items, each a headline and a long summary
    nested deep enough that one item outweighs the list: teasers of other articles when the headlines are
    links, the comments of the page when they are not."""
    item = ("<li><div class='stream-item'><div class='teaser'><h4 class='teaser-title'>{headline}</h4>"
            "<p class='summary'>第{n}篇的摘要：{text}</p></div></div></li>")
    text = "这是另一篇文章开头的几句话，内容很长，讲的是另一件事情，读者点进去才能看到全文，" * 4
    headline = "<a href='/news/{n}.html'>另一篇报道的标题{n}</a>" if link_headlines else "网友{n}的评论"
    stream = "".join(item.format(headline=headline.format(n=n), n=n, text=text) for n in range(5))
    return (
        "<html><head><title>港口吞吐量创新高 - 财经新闻</title></head><body>"
        "<div class='article'><h1>港口吞吐量创新高</h1><div class='article-body'>"
        "<p>今年前三季度，滨江港完成货物吞吐量一点二亿吨，同比增长百分之八，创历史同期新高。</p>"
        "<p>港口集团表示，明年将继续扩大航线网络，新开通两条远洋航线。</p></div></div>"
        f"<h2>你可能还想看</h2><ul class='stream'>{stream}</ul></body></html>"
    )


def test_article_under_the_title_wins_over_a_stream_of_teasers():
    lines = extract_html(_teaser_stream_page(link_headlines=True)).lines
    assert any("滨江港" in line for line in lines)
    assert not any("摘要" in line for line in lines)


def test_items_without_headline_links_are_not_taken_for_teasers():
    lines = extract_html(_teaser_stream_page(link_headlines=False)).lines
    assert sum("摘要" in line for line in lines) >= 1


def test_page_the_parser_cut_short_is_rejected():
    # an unclosed attribute quote swallows the rest of the page into the attribute
    html = "<html><body><p>" + "前" * 100 + "</p><div class='x>" + "<p>" + "后文" * 300 + "</p></body></html>"
    extracted = extract_html(html)
    assert extracted.reject == "truncated_html"
    assert extracted.detail == "parsed tree holds 100 of the page's 700 Han characters"


def test_han_kept_outside_text_nodes_is_not_a_truncation():
    # a long comment holds most Han characters of the page: the tree keeps them, though not as text
    html = "<html><body><!-- " + "注释" * 300 + " --><p>" + "正文内容，很长。" * 10 + "</p></body></html>"
    assert extract_html(html).reject != "truncated_html"
