from pathlib import Path

import pytest

from corpusclean.clean.edges import judge_edges

HEADLINE_EN = "Harbour city opens its first night ferry line"
BODY_EN = [
    "The city's transport office opened a night ferry line on Friday, linking the old harbour with the islands.",
    "Officials said the service would run every forty minutes and that tickets would cost the same as by day.",
]
HEADLINE_ZH = "我国成功发射新一代气象卫星"
BODY_ZH = [
    "记者从国家航天局获悉，新一代气象卫星于今日上午在酒泉卫星发射中心成功发射，卫星顺利进入预定轨道。",
    "该卫星将为天气预报、气候监测和防灾减灾提供更加精准的观测数据。",
]
# What the layout stage keeps of an opinion page while two channel labels stand above its headline: the body
# and a tail of topic tags and section links, which it cuts once the labels are gone.
OPINION_PAGE = (Path(__file__).parent / "data" / "opinion_page.txt").read_text(encoding="utf-8").splitlines()
OPINION = OPINION_PAGE[:OPINION_PAGE.index("Contact us")]     # the page without its footer
OPINION_TITLE = OPINION[2]
TAIL = len(OPINION) - 12


def removed(verdicts):
    return [index for index, verdict in enumerate(verdicts) if verdict is not None]


@pytest.mark.parametrize(
    "lines, title, text_page, expected",
    [
        pytest.param(["World News", HEADLINE_EN, *BODY_EN], HEADLINE_EN, True,
                     ["boilerplate.head", None, None, None], id="label-above-the-headline"),
        pytest.param([HEADLINE_EN, "May 19 2024 | 3:33 pm", *BODY_EN], HEADLINE_EN, True,
                     [None, "meta.date", None, None], id="dateline-under-the-headline"),
        pytest.param(["国内要闻", HEADLINE_ZH, "2024-05-19 10:30", *BODY_ZH, "版权所有 某某网", "本站编辑部"], HEADLINE_ZH, True,
                     ["boilerplate.head", None, "meta.date", None, None, "boilerplate.copyright", "boilerplate.block"],
                     id="zh-label-dateline-and-footer-at-the-edges"),
        pytest.param([HEADLINE_EN, *BODY_EN], HEADLINE_EN, True, [None, None, None], id="clean-article-en-kept"),
        pytest.param([HEADLINE_ZH, *BODY_ZH], HEADLINE_ZH, True, [None, None, None], id="clean-article-zh-kept"),
        pytest.param([*BODY_ZH, "本站编辑部"], None, True, [None, None, None],
                     id="short-label-at-the-tail-without-a-footer-kept"),
        pytest.param([HEADLINE_ZH, BODY_ZH[0], "回复", BODY_ZH[1], "回复"], HEADLINE_ZH, True,
                     [None, None, "boilerplate.poster", None, "boilerplate.poster"],
                     id="a-separator-no-longer-repeated-is-a-poster's-word-again"),
        pytest.param([HEADLINE_ZH, BODY_ZH[0], "回复", BODY_ZH[1], "回复", BODY_ZH[0][:20] + "。", "回复"], HEADLINE_ZH, True,
                     [None] * 7, id="a-separator-repeated-three-times-stays"),
    ],
)
def test_judge_edges(lines, title, text_page, expected):
    assert judge_edges(lines, title, text_page) == expected


def test_the_article_extent_is_asked_again_once_the_edges_moved():
    verdicts = judge_edges(OPINION, OPINION_TITLE, text_page=True)
    assert removed(verdicts) == [0, 1, 4, *range(len(OPINION) - TAIL, len(OPINION))]
    assert verdicts[4] == "meta.date", "the dateline under the standfirst"
    assert all(verdict.startswith("layout.") for verdict in verdicts[len(OPINION) - TAIL:])


def test_an_html_pages_extent_is_left_to_its_extraction():
    assert removed(judge_edges(OPINION, OPINION_TITLE, text_page=False)) == [0, 1, 4]   # its tail kept


@pytest.mark.parametrize("dated_title, expected", [
    pytest.param(HEADLINE_ZH, ["boilerplate.crumbs", None, "boilerplate.label", None, None],
                 id="a-headline-over-its-dateline-is-spared"),
    pytest.param(None, ["boilerplate.crumbs", "boilerplate.block", "boilerplate.label", None, None],
                 id="a-headline-without-a-dateline-goes-with-the-run"),
])
def test_the_edge_runs_spare_a_dated_headline(dated_title, expected):
    lines = ["首页 > 国内 > 正文", HEADLINE_ZH, "打开APP", *BODY_ZH]
    assert judge_edges(lines, HEADLINE_ZH, True, dated_title=dated_title) == expected
