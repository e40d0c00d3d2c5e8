"""The layout stage: the article body of a plain-text page found by its shape (clean/layout.py)."""

import pytest

from corpusclean.clean.layout import (
    CLAUSE, COMMENTS, DATED, FIGURES, HEADLINE, HEADLINE_LIST, ITEM, LONG, MENU, OUTSIDE, PROSE, ROW, TEASER,
    Layout, judge_layout, shape, walls,
)
from corpusclean.document import Document, DocView

ZH_BODY = [
    "记者从市交通运输局获悉，地铁三号线二期工程将于今年年底前开通试运营，全长约十八公里，共设车站十二座。",
    "据介绍，该项目总投资约一百二十亿元，建成后将串联城市东部的三个新区，沿线居民出行时间可缩短一半左右。",
    "市交通运输局有关负责人表示，目前全线已进入设备安装和联调联试阶段，各项工作正按计划有序推进。",
    "“我们要把这件好事办好、实事办实。”项目建设指挥部负责人说，接下来将重点做好安全评估和试运行工作。",
    "此外，三号线二期与既有线路的换乘站点也将同步改造，换乘通道将增设无障碍设施和自动扶梯。",
]
EN_BODY = [
    "The city council approved a new budget on Tuesday after a three-hour debate over spending on roads and schools.",
    "Officials said the plan would raise spending on public transport by 12 percent and hire 200 more bus drivers.",
    "\"This is a budget for people who take the bus to work,\" the council's finance chair told reporters after the vote.",
    "Opposition members said the plan relied on optimistic revenue forecasts and would leave the city short next year.",
    "The budget takes effect on July 1 and will be reviewed by the state's fiscal oversight board in the autumn.",
]
ZH_MENU = ["首页", "新闻", "国内", "国际", "财经", "体育", "娱乐", "科技"]
EN_MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Travel"]
ZH_HOT = ["热点排行", "多地出台新政支持首套房贷款", "这个假期哪里人最多？", "高速公路免费通行时间公布",
          "新一轮降温即将来袭", "专家解读最新就业数据"]
EN_RELATED = ["Most Read", "Storm Knocks Out Power To Thousands Along The Coast",
              "Why Are Rents Still Rising In The Suburbs?", "Local Team Clinches Playoff Spot With Late Goal",
              "School Board Delays Vote On New Start Times"]


def removed(lines, title=None, after_removed=frozenset()):
    return {index: reason for index, reason in enumerate(judge_layout(lines, title, after_removed)) if reason}


def kept(lines):
    return [line for line, reason in zip(lines, judge_layout(lines)) if reason is None]


@pytest.mark.parametrize("line, kind", [
    pytest.param(ZH_BODY[0], PROSE, id="zh-sentence"),
    pytest.param(EN_BODY[0], PROSE, id="en-sentence"),
    pytest.param("We hope to see all of you at the theatre again soon! 🙂", PROSE, id="sentence-ending-in-a-smiley"),
    pytest.param("床前明月光，", CLAUSE, id="verse"),
    pytest.param("Yes.", CLAUSE, id="short-answer"),
    pytest.param("(Reporting by Daniel Hart; Editing by Susan Mills)", CLAUSE, id="note-in-parentheses"),
    pytest.param("新一轮降温即将来袭", HEADLINE, id="zh-headline"),
    pytest.param("Why Are Rents Still Rising In The Suburbs?", HEADLINE, id="title-case-question"),
    pytest.param("首页", ITEM, id="zh-menu-item"),
    pytest.param("Log In", ITEM, id="en-menu-item"),
    pytest.param("首页 新闻 国内 国际 财经", ROW, id="zh-row-by-spaces"),
    pytest.param("About | Contact | Privacy | Terms", ROW, id="en-row-by-bars"),
    pytest.param("Local team clinches playoff spot after a late goal from the captain", HEADLINE,
                 id="en-words-split-by-spaces-are-no-row"),
    pytest.param("央视热评两岸：杀独神器已就位…", TEASER, id="truncated-teaser"),
    pytest.param("2023 1234.5 6.7%", FIGURES, id="figures"),
    pytest.param("VIP: 60,000₩", FIGURES, id="label-value"),
    pytest.param("5月10日 09:01 回复", DATED, id="zh-comment-header"),
    pytest.param("3 天前", DATED, id="zh-relative-time"),
    pytest.param("Jane on May 5, 2019 at 4:47 pm said:", DATED, id="en-comment-header"),
    pytest.param("The meeting starts at 10:30 on Monday and will be open to the public.", PROSE,
                 id="a-sentence-with-a-time-is-prose"),
    pytest.param("word " * 70, LONG, id="long-line-without-punctuation"),
    pytest.param("一、强化组织领导", FIGURES, id="numbered-heading"),
    pytest.param("- a photo ID", FIGURES, id="bulleted-item"),
])
def test_shape(line, kind):
    assert shape(line).kind == kind


PORTAL = [*ZH_MENU, "城市地铁三号线二期年底开通", *ZH_BODY, *ZH_HOT, "关于我们", "联系我们", "网站地图"]
WIRE = [*EN_MENU, "City Council Approves Budget", *EN_BODY, *EN_RELATED]


@pytest.mark.parametrize("lines, expected", [
    pytest.param(PORTAL, {**dict.fromkeys(range(8), MENU), 14: MENU, **dict.fromkeys(range(15, 20), HEADLINE_LIST),
                          16: OUTSIDE, 20: MENU, 21: MENU, 22: MENU}, id="zh-portal"),
    pytest.param(WIRE, {**dict.fromkeys(range(7), MENU), 13: MENU, **dict.fromkeys(range(14, 18), HEADLINE_LIST)},
                 id="en-wire-story"),
])
def test_removes_what_surrounds_the_body(lines, expected):
    assert removed(lines) == expected


def test_the_headline_named_by_the_title_bounds_the_head():
    lines = ["Contact", "Subscribe", "Best Deals Of The Week", "City Council Approves Budget", *EN_BODY]
    assert removed(lines, title="City Council Approves Budget") == {
        0: MENU, 1: MENU, 2: HEADLINE_LIST}
    assert removed(lines) == {}, "without a title, a short head is kept whole"


def test_below_the_body_the_article_ends_after_a_removed_chrome_line():
    lines = [*EN_BODY, "Meal Plan", "Eat 60-90 minutes before your workout", "Tomato Salad"]
    assert removed(lines) == {}, "list lines below the body stay (they may belong to it)"
    assert removed(lines, after_removed=frozenset({6})) == {6: OUTSIDE, 7: MENU}


def test_comments_under_an_article_go_a_thread_stays():
    comments = []
    for number in range(4):
        comments += [f"reader{number} says:", f"May {number + 5}, 2019 at 6:3{number} am",
                     "I think the council got this one right and the buses really do need more drivers."]
    article = ["Budget Approved", *EN_BODY, "Comments", *comments]
    verdicts = removed(article)
    assert set(verdicts) == set(range(6, len(article))), "the comments, their heading and their authors"
    assert {verdicts[i] for i in range(8, len(article)) if i % 3 != 1} == {COMMENTS}
    thread = ["Help: my bus pass stopped working", "poster 2 hours ago", EN_BODY[1], EN_BODY[2]]
    for number in range(3):
        thread += [f"replier{number}", f"{number + 1} hours ago", EN_BODY[number + 2]]
    assert removed(thread) == {}


# A clean article of any shape keeps every line: what `run` writes is cleaned again by `check` and by a
# second run, which must change nothing.
CLEAN_ARTICLES = {
    "short-article": ["Storm Closes Schools", EN_BODY[0], EN_BODY[1]],
    "one-paragraph": ["地铁三号线二期年底开通", ZH_BODY[0] + ZH_BODY[1]],
    "list-inside": [ZH_BODY[0], "一、强化组织领导", "二、加大资金投入", "三、严格督导考核", "四、做好宣传引导",
                    ZH_BODY[1], ZH_BODY[2]],
    "list-at-the-end": ["Tour Dates Announced", EN_BODY[0], EN_BODY[1], "Tour dates:", "June 9 - Tampa, FL",
                        "June 10 - Atlanta, GA", "June 14 - Nashville, TN", "June 17 - Charlotte, NC"],
    "bulleted-list-at-the-end": [EN_BODY[0], EN_BODY[1], EN_BODY[2], "What you need:", "- a bus pass",
                                 "- a photo ID", "- proof of address"],
    "qa": ["问：地铁三号线什么时候开通？", "答：" + ZH_BODY[0], "问：票价怎么定？", "答：" + ZH_BODY[1],
           "问：换乘方便吗？", "答：" + ZH_BODY[4]],
    "poem": ["静夜思", "李白", "床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。", ZH_BODY[0]],
    "table-of-figures": [ZH_BODY[0], "地区 产值（亿元） 增速", "东区 1234.5 6.7%", "西区 987.6 5.4%",
                         "南区 765.4 4.3%", "北区 543.2 3.2%", ZH_BODY[1]],
    "subheadings": ["Budget Approved", EN_BODY[0], "Transport first", EN_BODY[1], EN_BODY[2],
                    "What critics say", EN_BODY[3], EN_BODY[4]],
    "closing-reporter": [*ZH_BODY, "（记者 王五）"],
    "closing-note-above-related": [*EN_BODY, "(Reporting by Daniel Hart; Editing by Susan Mills)"],
    "original-title": ["Budget Approved", "Original title: Council passes budget", *EN_BODY],
    "no-body": ["首页", "新闻", "财经"],
}


@pytest.mark.parametrize("lines", CLEAN_ARTICLES.values(), ids=CLEAN_ARTICLES.keys())
def test_a_clean_article_keeps_every_line(lines):
    assert removed(lines) == {}


@pytest.mark.parametrize("lines", [PORTAL, WIRE], ids=["zh-portal", "en-wire-story"])
def test_judging_the_kept_lines_again_removes_nothing(lines):
    once = kept(lines)
    assert kept(once) == once


def test_walls_follow_chrome_and_metadata_lines_of_earlier_stages():
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(["a", "share", "b", "caption", "c", "editor", "label", "d"])
    doc.verdicts = [None, "boilerplate.share", None, "caption.repeat", None, "meta.editor", "boilerplate.label", None]
    assert walls(doc.view().removed_above) == frozenset({1, 3}), "a caption or a repeat is no wall; metadata is"


def test_pages_from_html_are_left_alone():
    html = DocView(title=None, lang="zh", format="html", source="s")
    assert Layout().judge(PORTAL, html).verdicts == [None] * len(PORTAL)
    txt = DocView(title=None, lang="zh", format="txt", source="s")
    assert Layout().judge(PORTAL, txt).verdicts == judge_layout(PORTAL)
