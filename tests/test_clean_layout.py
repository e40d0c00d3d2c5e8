"""The layout stage: the article body of a plain-text page found by its shape (clean/layout.py, line_shapes.py)."""

import numpy as np
import pytest

from corpusclean.clean.boilerplate import judge_boilerplate
from corpusclean.clean.layout import (
    BYLINE, HEADLINE_LIST, MENU, OUTSIDE, SEPARATOR, Layout, Records, body_span, chrome_walls, comments_start,
    separators_hold, closing_headings, head_bylines, head_crumbs, head_end, judge_layout, kicker_start, line_values,
    list_shaped, numbered_posts, own_values, post_stamps, stretches, tables_marked, teaser_summaries, trailer_walls,
    lone_trailers,
)
from corpusclean.clean.line_shapes import (
    CLAUSE, CODE, DATED, FIGURES, HEADLINE, ITEM, NOTICE, OPEN, PROSE, REPEAT, ROW, TEASER, line_shapes, separator_ids,
    separators_marked, shape,
)
from corpusclean.clean.metadata import find_metadata
from corpusclean.document import DocView, Document
from corpusclean.extract.units import units_and_punctuation, units_and_punctuation_of_lines
from corpusclean.fields.titles import headline_line

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
EN_MORE = [
    "The plan also sets aside money to repair two bridges and to repave forty miles of the city's busiest roads.",
    "Parents at the meeting asked the council to keep the school crossing guards, which the plan does.",
    "The mayor, who proposed most of the spending, said she would sign the budget before the end of the week.",
    "Business groups welcomed the repairs but warned that a higher parking fee would keep shoppers away.",
    "A final vote on the parking fee was put off until the council meets again next month.",
]
ZH_MENU = ["首页", "新闻", "国内", "国际", "财经", "体育", "娱乐", "科技"]
EN_MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Travel"]
ZH_HOT = ["热点排行", "多地出台新政支持首套房贷款", "这个假期哪里人最多", "高速公路免费通行时间公布",
          "新一轮降温即将来袭", "专家解读最新就业数据"]
EN_RELATED = ["Most Read", "Storm Knocks Out Power To Thousands Along The Coast",
              "Why Are Rents Still Rising In The Suburbs?", "Local Team Clinches Playoff Spot With Late Goal",
              "School Board Delays Vote On New Start Times"]
EN_FOOTER = ["About Us", "Contact", "Careers", "Advertise"]
COOKIE_BANNER = [
    "Our site places cookies and related tools on your device to remember your choices, to tailor the adverts "
    "and stories you are shown and to count how often each page is read.",
    "Essential cookies keep the pages running and stay on at all times; your browser can be told to refuse "
    "them, although several features of the pages may then stop working.",
    "Marketing cookies are placed by the companies we work with, who use them to learn what you like and to "
    "pick the adverts you are shown elsewhere online.",
    "Accept all", "Reject all", "Cookie settings",
]


def removed(lines, walls=frozenset()):
    return {index: reason for index, reason in enumerate(judge_layout(lines, walls)) if reason}


def kept(lines, walls=frozenset()):
    return [line for line, reason in zip(lines, judge_layout(lines, walls)) if reason is None]


@pytest.mark.parametrize("line, kind", [
    pytest.param("食品烟酒 0.5 -0.6 -0.9", FIGURES, id="zh-a-tables-row-of-measures"),
    pytest.param("首页 1 2 3 4 5 下一页", ROW, id="zh-a-pagers-numbers-are-no-measures"),
    pytest.param("北疆狼 27 22 21 29 99", FIGURES, id="zh-a-tables-row-of-whole-numbers"),
    pytest.param("2026 2025 2024 2023 归档", ROW, id="zh-years-counting-by-one-are-an-archives-menu"),
    pytest.param("已有 2,316 人评价 好评率 98.9%", ROW, id="zh-two-numbers-make-no-row-of-data"),
    pytest.param(ZH_BODY[0], PROSE, id="zh-sentence"),
    pytest.param(EN_BODY[0], PROSE, id="en-sentence"),
    pytest.param("We hope to see all of you at the theatre again soon! 🙂", PROSE, id="sentence-ending-in-a-smiley"),
    pytest.param("床前明月光，", CLAUSE, id="verse"),
    pytest.param("Yes.", CLAUSE, id="short-answer"),
    pytest.param("(Reporting by Daniel Hart; Editing by Susan Mills)", CLAUSE, id="note-in-parentheses"),
    pytest.param("最近老有发广告的小号来捣乱，估计管理员看到就给封了", OPEN, id="zh-post-without-an-end-mark"),
    pytest.param("I know the band was short on money, but still they should have paid the crew", OPEN,
                 id="en-post-without-an-end-mark"),
    pytest.param(("the crowd stayed on, singing along to every song, " * 6).rstrip(", "), OPEN, id="long-line-without-an-end-mark"),
    pytest.param("Archives Select Month " + " ".join(f"{month} 2019" for month in ("December", "November",
                 "October", "September", "August", "July", "June", "May", "April", "March", "February") * 3),
                 ROW, id="a-list-run-together-into-one-line"),
    pytest.param("热门文章 " + " ".join(["城市更新进入快车道", "地铁三号线二期年底开通", "新学期中小学课后服务全覆盖",
                 "医保个人账户可家庭共济", "多地出台新政支持首套房贷款"] * 3), ROW, id="zh-headlines-run-together"),
    pytest.param("新一轮降温即将来袭", HEADLINE, id="zh-headline"),
    pytest.param("多地出台新政，支持首套房贷款", HEADLINE, id="zh-headline-with-a-comma-is-short"),
    pytest.param("Why Are Rents Still Rising In The Suburbs?", HEADLINE, id="title-case-question"),
    pytest.param("中国航母之父刘华清的履历如何评价？", HEADLINE, id="zh-question-in-one-breath-is-a-title"),
    pytest.param("那么疫情期间，居民该如何投诉举报呢？", PROSE, id="zh-question-with-a-pause-is-a-sentence"),
    pytest.param("もしかしたら昔も年中おいてあったのかな？", PROSE, id="ja-question-is-a-sentence"),
    pytest.param("首页", ITEM, id="zh-menu-item"),
    pytest.param("Log In", ITEM, id="en-menu-item"),
    pytest.param("首页 新闻 国内 国际 财经", ROW, id="zh-row-by-spaces"),
    pytest.param("About | Contact | Privacy | Terms", ROW, id="en-row-by-bars"),
    pytest.param("Local team clinches playoff spot after a late goal from the captain", HEADLINE,
                 id="en-words-split-by-spaces-are-no-row"),
    pytest.param("观察评论：城市新地标已亮相…", TEASER, id="truncated-teaser"),
    pytest.param("2023 1234.5 6.7%", FIGURES, id="figures"),
    pytest.param("VIP: 60,000₩", FIGURES, id="label-value"),
    pytest.param("5月10日 09:01 回复", DATED, id="zh-comment-header"),
    pytest.param("3 天前", DATED, id="zh-relative-time"),
    pytest.param("Jane on June 7, 2020 at 3:26 pm said:", DATED, id="en-comment-header"),
    pytest.param("独家专访：老演员谈新片拍摄的台前幕后，初心始终不变2024-04-24", HEADLINE, id="zh-teaser-closed-by-its-date"),
    pytest.param("* 栖川禾丰农业科技有限公司注销公告03-21", HEADLINE, id="zh-list-item-closed-by-its-day"),
    pytest.param("Council approves the harbour budget [05/18]", HEADLINE, id="en-list-item-closed-by-its-day"),
    pytest.param("净值日期：03-14", FIGURES, id="a-labelled-day-is-data"),
    pytest.param("The new line opens to passengers on 2024-05-15.", PROSE, id="a-sentence-ending-in-a-date"),
    pytest.param("The meeting starts at 10:30 on Monday and will be open to the public.", PROSE,
                 id="a-sentence-with-a-time-is-prose"),
    pytest.param("一、强化组织领导", FIGURES, id="numbered-heading"),
    pytest.param("- a photo ID", ITEM, id="bulleted-item-is-judged-by-its-words"),
    pytest.param("* 首页", ITEM, id="bulleted-menu-item"),
    pytest.param("• Council approves a new budget for parks", HEADLINE, id="bulleted-headline"),
    pytest.param("3 dividend stocks worth a second look", HEADLINE, id="a-number-among-words-is-a-headline"),
    pytest.param(" ".join(f'<li><a href="#p={n}"><img src="/photo/{n}.jpg" alt="市民在公园里赏花，春意正浓。"></a></li>'
                          for n in range(4)), ROW, id="html-source-shown-as-text"),
    pytest.param("In HTML a paragraph is written <p>like this</p>, and a line break as <br>, a rule as <hr>; "
                 "the browser shows neither tag.", PROSE, id="a-sentence-about-tags"),
    pytest.param("TKR Example Holdings 28.41 +3.8%", FIGURES, id="numbers-among-words-are-data"),
    pytest.param("第3页", FIGURES, id="a-number-in-a-short-line-is-data"),
    pytest.param("June 9 -- Coral Arena, Tampa, FL", FIGURES, id="a-number-in-a-punctuated-line-is-data"),
])
def test_shape(line, kind):
    assert shape(line).kind == kind


@pytest.mark.parametrize("lines, kinds", [
    pytest.param(["‘새 드라마’ 첫 방송, 시청률 두 자릿..", "주말 나들이, 어디로 갈까 고민이라면.."], [TEASER, TEASER],
                 id="titles-cut-short-with-two-dots"),
    pytest.param(["Cheaper plans soon, I bet..", "Thanks for the tip!"], [CLAUSE, CLAUSE],
                 id="a-post-ending-with-two-dots"),
    pytest.param(["Nice deal. Beats my bill..", "Same here, so cheap.."], [CLAUSE, CLAUSE],
                 id="two-dots-after-a-sentence-are-no-cut-nor-twin"),
    pytest.param(["Loading..", "Please wait..."], [CLAUSE, TEASER], id="three-dots-need-no-twin"),
])
def test_titles_cut_short_with_two_dots_come_in_lists(lines, kinds):
    assert line_shapes(lines).kinds.tolist() == kinds


@pytest.mark.parametrize("lines, kinds", [
    pytest.param(["序号 户主姓名 所在村 家庭类别", "1 王玥琴 上坪村 孝老爱亲", "2 陈建国 枫溪社区 绿色环保", "3 赵喆 下坪村 勤劳致富"],
                 [ROW, FIGURES, FIGURES, FIGURES], id="a-tables-numbered-rows-are-data"),
    pytest.param(["首页 新闻 体育 财经", "1 王玥琴 上坪村 孝老爱亲", "3 赵喆 下坪村 勤劳致富"], [ROW, ROW, ROW],
                 id="rows-not-numbered-one-after-another-are-no-table"),
])
def test_numbered_rows_are_a_tables(lines, kinds):
    assert line_shapes(lines).kinds.tolist() == kinds


QUESTION_LIST = ["How do I keep basil alive indoors over the winter?", "12",
                 "Why does my sourdough starter smell like nail polish?", "3",
                 "Is it safe to reuse frying oil more than twice?", "41",
                 "What is the best way to store fresh ginger?"]


@pytest.mark.parametrize("lines, kinds", [
    pytest.param(QUESTION_LIST, [HEADLINE, FIGURES] * 3 + [HEADLINE], id="a-list-of-questions-with-their-votes"),
    pytest.param(QUESTION_LIST[::2], [HEADLINE] * 4, id="a-list-of-questions"),
    pytest.param(QUESTION_LIST[:5], [PROSE, FIGURES, PROSE, FIGURES, PROSE], id="three-questions-are-no-list"),
    pytest.param([*QUESTION_LIST[:4], "We asked three cooks. All said the same thing.", *QUESTION_LIST[4:]],
                 [PROSE, FIGURES, PROSE, FIGURES, PROSE, PROSE, FIGURES, PROSE], id="questions-between-answers"),
    pytest.param(["Was it worth it? Yes, it was, and I would do it again?", *QUESTION_LIST[2::2]],
                 [PROSE] * 4, id="a-line-of-two-sentences-is-no-lone-question"),
    pytest.param(["春节期间，高速公路小型客车通行还免费吗？", "孩子发烧到三十八度，需要马上去医院吗？",
                  "退休以后，医保个人账户的钱还能继续用吗？", "房贷提前还款，哪种方式更划算一些呢？"],
                 [HEADLINE] * 4, id="zh-questions-with-a-comma-in-them"),
    pytest.param([f"{n}. {q}" for n, q in enumerate(QUESTION_LIST[::2], 1)], [HEADLINE] * 4, id="numbered-questions"),
    pytest.param(["Can anyone help me figure out:", *(f"{n}. {q}" for n, q in enumerate(QUESTION_LIST[::2], 1))],
                 [CLAUSE] + [PROSE] * 4, id="questions-a-line-introduces-are-the-texts"),
])
def test_lone_questions_in_a_row_are_a_list_of_titles(lines, kinds):
    assert line_shapes(lines).kinds.tolist() == kinds


@pytest.mark.parametrize("line, kind", [
    pytest.param(COOKIE_BANNER[0], NOTICE, id="cookie-banner"),
    pytest.param("登录即表示您已阅读并同意服务条款与隐私政策。", NOTICE, id="zh-terms"),
    pytest.param("Please enable JavaScript in your browser to comment.", NOTICE, id="browser-warning"),
    pytest.param("Consent preferences", NOTICE, id="consent-item"),
    pytest.param(EN_BODY[0], PROSE, id="article-sentence-is-no-notice"),
    pytest.param("The privacy of patients was the main concern of the committee.", PROSE,
                 id="privacy-as-a-subject-is-no-notice"),
    pytest.param("您当前使用的浏览器版本过低，导致网站不能正常访问，建议升级浏览器。", NOTICE, id="zh-browser-warning"),
    pytest.param("随着移动互联网时代到来，手机浏览器开始大规模普及，各家厂商纷纷推出新功能。", PROSE,
                 id="zh-browsers-as-a-subject-are-no-notice"),
    pytest.param("The framework renders the page on the server, so JavaScript runs only where it is needed.", PROSE,
                 id="javascript-as-a-subject-is-no-notice"),
])
def test_site_notices(line, kind):
    assert shape(line).kind == kind


MONTHS = ("December", "November", "October", "September", "August", "July", "June", "May", "April", "March",
          "February", "January")
ARCHIVE = [line for year in range(2024, 2014, -1)
           for line in (str(year), *(f"{month} ({(year * 7 + index * 13) % 40 + 3})" for index, month in enumerate(MONTHS)))]


@pytest.mark.parametrize("lines, separators", [
    pytest.param(["Reply", EN_BODY[0], "Reply", EN_BODY[1], "Reply"], {0, 2, 4}, id="reply-under-each-post"),
    pytest.param(["Forum Posts: 3", "a", "Forum Posts: 1201", "b", "Forum Posts: 68"], {0, 2, 4},
                 id="figures-blurred"),
    pytest.param(["Reply", EN_BODY[0], "Reply", EN_BODY[1]], set(), id="twice-is-no-separator"),
    pytest.param([EN_BODY[0]] * 3, set(), id="text-is-never-a-separator"),
    pytest.param(ARCHIVE, set(), id="copies-with-nothing-between-are-a-list"),
    pytest.param(["*", "*", "*", EN_BODY[0], "*", "*", EN_BODY[1], "*", "*"], set(), id="empty-bullets-in-a-row"),
    pytest.param(["|", EN_BODY[0], "|", EN_BODY[1], "|"], {0, 2, 4}, id="a-bare-mark-between-posts"),
    pytest.param(ARCHIVE[:13] + [EN_BODY[0]] + ARCHIVE[13:26] + [EN_BODY[1]] + ARCHIVE[26:39],
                 set(range(41)) - {13, 27}, id="separators-in-short-runs-between-text"),
])
def test_separators(lines, separators):
    shapes = line_shapes(lines)
    marked = separators_marked(shapes, separator_ids(lines, shapes))
    assert set(np.flatnonzero(marked.kinds == REPEAT).tolist()) == separators


@pytest.mark.parametrize("kinds, expected", [
    pytest.param([HEADLINE, PROSE, HEADLINE, PROSE, HEADLINE, PROSE, HEADLINE], {1, 3, 5}, id="teaser-list"),
    pytest.param([HEADLINE, DATED, PROSE, REPEAT, HEADLINE, DATED, PROSE, HEADLINE, ITEM, PROSE], {2, 6, 9},
                 id="title-date-summary"),
    pytest.param([HEADLINE, PROSE, PROSE, HEADLINE, PROSE, PROSE, HEADLINE, PROSE, PROSE], set(),
                 id="sections-of-paragraphs"),
    pytest.param([HEADLINE, PROSE, HEADLINE, PROSE], set(), id="two-pairs-are-no-list"),
    pytest.param([FIGURES, DATED, PROSE, FIGURES, DATED, PROSE, FIGURES, DATED, PROSE], set(),
                 id="posts-under-a-posters-count-and-a-date"),
    pytest.param([(FIGURES, 9), PROSE, (FIGURES, 9), PROSE, (FIGURES, 9), PROSE], {1, 3, 5},
                 id="titles-holding-figures"),
])
def test_teaser_summaries(kinds, expected):
    sized = [kind if isinstance(kind, tuple) else (kind, 3) for kind in kinds]
    summaries = teaser_summaries(np.array([kind for kind, _ in sized], dtype=np.int8),
                                 np.array([units for _, units in sized]))
    assert set(np.flatnonzero(summaries).tolist()) == expected


PORTAL = [*ZH_MENU, "城市地铁三号线二期年底开通", *ZH_BODY, *ZH_HOT, "关于我们", "联系我们", "网站地图"]
WIRE = [*EN_MENU, "City Council Approves Budget", *EN_BODY, *EN_RELATED, *EN_FOOTER]
COOKIES_AFTER_A_SHORT_ARTICLE = [*EN_MENU, "City Council Approves Budget", *EN_BODY[:3], *EN_FOOTER, *COOKIE_BANNER]


@pytest.mark.parametrize("lines, expected", [
    pytest.param(PORTAL, {**dict.fromkeys(range(8), MENU), 14: MENU, **dict.fromkeys(range(15, 20), HEADLINE_LIST),
                          20: MENU, 21: MENU, 22: MENU}, id="zh-portal"),
    pytest.param(WIRE, {**dict.fromkeys(range(7), MENU), 13: MENU, **dict.fromkeys(range(14, 18), HEADLINE_LIST),
                        **dict.fromkeys(range(18, 22), MENU)}, id="en-wire-story"),
    pytest.param(COOKIES_AFTER_A_SHORT_ARTICLE,
                 {**dict.fromkeys(range(7), MENU), **dict.fromkeys(range(11, 15), MENU),
                  **dict.fromkeys(range(15, 18), OUTSIDE), 18: MENU, 19: MENU, 20: OUTSIDE},
                 id="a-cookie-banner-does-not-win-over-a-short-article"),
])
def test_removes_what_surrounds_the_body(lines, expected):
    assert removed(lines) == expected


@pytest.mark.parametrize("removed_over_the_headline, head_kept", [
    pytest.param("boilerplate.nav", False, id="a-menu-in-one-line-counts-in-the-run"),
    pytest.param("boilerplate.label", True, id="a-label-does-not"),
    pytest.param("boilerplate.crumbs", False, id="a-breadcrumb-starts-the-head-the-title-under-it-stays"),
])
def test_a_menu_removed_in_one_line_counts_as_a_menu_line(removed_over_the_headline, head_kept):
    head = ["Subscribe", "Sign in"]     # two menu items: no menu run of their own
    lines = [*head, HEADLINE_EN, *EN_BODY, *EN_MORE]
    verdicts = [None, None, removed_over_the_headline, *[None] * (len(lines) - 2), *["boilerplate.copyright"] * 10]
    view = DocView(title=None, lang="en", format="txt", source="x", verdicts=verdicts)
    assert kept_by_stage(lines, view) == (lines if head_kept else lines[2:])


def test_a_row_of_page_tools_is_a_trailer():
    """"【打印】【关闭】" under a notice: what follows it is no article unless it is worth much (trailer_start)."""
    assert trailer_walls([None, "boilerplate.tools", None, None]) == {1: "boilerplate.tools"}


def test_the_head_is_kept_back_to_the_last_menu_run():
    head = ["Port Strike Ends After Workers Accept New Contract", "Dock workers return on Monday after a week out",
            "Pictures from the harbour gates on the last day of the strike"]
    article = [*head, *EN_BODY, *EN_MORE]
    assert kept([*EN_MENU, *article]) == article, "a headline, its subtitle and a caption stay"
    lines = ["Contact", "Subscribe", "Best Deals Of The Week", "City Council Approves Budget", *EN_BODY, *EN_MORE,
             *EN_RELATED, *EN_FOOTER]
    assert kept(lines)[:5] == lines[:5], "two menu items are no menu run: the head stays whole"


OTHER_HEADLINES = ["Storm Knocks Out Power Along The Coast", "Schools Reopen After Flooding",
                   "Bridge Repairs Begin Next Month", "New Bus Routes For The East Side",
                   "Farmers Market Moves Indoors For Winter", "Library Extends Weekend Hours",
                   "Police Seek Witnesses To Overnight Fire", "Hospital Opens New Children's Wing",
                   "Council Delays Vote On Parking Fees", "Museum Unveils Restored Mural",
                   "Ferry Service Cut Back For Repairs", "High School Team Wins State Title"]


def test_a_long_list_of_headlines_above_the_title_ends_the_head():
    head = ["City Council Approves Budget", "By Daniel Hart", "June 12, 2024 at 10:30 am"]
    headline = head[:1]     # the byline and the date under it go as layout.byline (test_head_bylines)
    assert kept([*EN_MENU, *OTHER_HEADLINES, *head, *EN_BODY, *EN_MORE]) == [*headline, *EN_BODY, *EN_MORE]
    contents = ["In this report", *OTHER_HEADLINES]
    intro = [EN_MORE[0]]
    article = [*headline, *intro, *contents, *EN_BODY, *EN_MORE]
    assert kept([*EN_MENU, *article]) == article, "a table of contents under an introduction stays"


def test_an_archive_list_of_months_above_the_title_ends_the_head():
    head = ["City Council Approves Budget", "Spending on buses rises by a tenth next year"]
    assert kept([*EN_MENU, "Archives", *ARCHIVE, *head, *EN_BODY, *EN_MORE]) == [*head, *EN_BODY, *EN_MORE]


ABOUT_THE_PAPER = [
    "The Valley Courier has covered the towns of the valley since 1921 and is owned by its readers' cooperative.",
    "Letters to the editor are welcome and are printed every Saturday, edited for length and clarity.",
]


def test_text_far_below_across_a_long_feed_is_no_part_of_the_body():
    head = ["City Council Approves Budget", "Spending on buses rises by a tenth next year"]
    feed = [f"{headline} ({day})" for day in range(3) for headline in OTHER_HEADLINES]
    article = [*head, *EN_BODY[:3]]
    assert kept([*EN_MENU, *article, *feed, *ABOUT_THE_PAPER, *EN_FOOTER]) == article
    gallery = OTHER_HEADLINES[:4]
    article = [*head, *EN_BODY[:3], *gallery, *EN_MORE]
    assert kept([*EN_MENU, *article, *EN_FOOTER]) == article, "text past a short gallery is the article's"


CONSENT_TEXT = [    # a consent box under the site's footer: more prose than a short article
    "By choosing to accept, you allow us and our partners to store and read information on your device, such as "
    "identifiers and the pages you visit, to show you adverts and stories picked for you.",
    "Our partners may also combine what they learn here with what they already know about you from other sites "
    "and apps, and build a profile of your interests that they use when you browse elsewhere.",
    "You may withdraw your consent at any time under the privacy settings at the foot of each page; doing so "
    "does not affect anything we did with your data before you withdrew it.",
    "Some partners process your data on the ground of a legitimate interest, which you may object to in the "
    "advanced settings, where each purpose and each partner is listed with what it collects.",
]


def test_the_body_is_found_above_the_sites_footer():
    """Under a copyright notice right below a footer's links (site_footer), the consent box's prose is the
    site's, however much of it there is; a notice in the text (a photo's credit between paragraphs) is no
    footer, and the text under it stays."""
    article = ["City Council Approves Budget", *EN_BODY]
    lines = [*EN_MENU, *article, *EN_FOOTER, *CONSENT_TEXT, "Accept all", "Advanced settings"]
    below_footer = len(EN_MENU) + len(article) + len(EN_FOOTER)
    verdicts = [*[None] * below_footer, "boilerplate.copyright", *[None] * (len(lines) - below_footer)]
    view = DocView(title=None, lang="en", format="txt", source="x", verdicts=verdicts)
    assert kept_by_stage(lines, view) == article
    assert kept_by_stage(lines, view._replace(verdicts=[None] * len(lines)))[-2:] != article[-2:], \
        "without the notice the consent box joins the body"
    credited = ["City Council Approves Budget", *EN_BODY, *EN_MORE, *CONSENT_TEXT]
    lines = [*EN_MENU, *credited, *EN_FOOTER]
    at = len(EN_MENU) + 1 + len(EN_BODY)
    verdicts = [*[None] * at, "boilerplate.copyright", *[None] * (len(lines) - at)]
    assert kept_by_stage(lines, view._replace(verdicts=verdicts)) == credited


def test_a_bulleted_list_under_its_lead_in_is_the_articles():
    """Short bulleted items right under a line ending with a colon are the text's own list, below the body too;
    the same items under a heading without one are a list of other headlines."""
    criteria = ["Who can take part:", "* Residents of the city", "* Aged 18 or older", "* Holders of a bus pass",
                "* Not on the council's staff"]
    article = ["City Council Approves Budget", *EN_BODY, *criteria]
    assert kept([*EN_MENU, *article, *EN_RELATED, *EN_FOOTER]) == article
    other = ["More Stories", *criteria[1:]]
    assert criteria[-1] not in kept([*EN_MENU, "City Council Approves Budget", *EN_BODY, *other, *EN_FOOTER])


def test_the_head_starts_under_a_breadcrumb_with_no_text_over_it():
    """Over a breadcrumb the boilerplate stage removed stand the site's name, its login row and its search box,
    too few of them menu items to end the head; a lead with text over the breadcrumb keeps the head where it was."""
    header = ["澄川日报", "登录 注册 开通会员", "新闻 财经 体育 科技 文化", "搜索"]
    article = ["地铁三号线二期工程年底开通", *ZH_BODY]

    def page(top):
        lines = [*top, *article, *ZH_HOT, *ZH_MENU]
        verdicts = [*[None] * len(top), "boilerplate.crumbs", *[None] * (len(lines) - len(top))]
        return kept_by_stage(lines, DocView(title=None, lang="zh", format="txt", source="x", verdicts=verdicts))

    assert page(header) == article
    lead = "编者按：本报今起推出城市交通系列报道，记者走访各条在建线路。"
    assert lead in page([*header[:2], lead, *header[2:]])


def test_below_the_body_the_article_ends_after_a_removed_chrome_line():
    lines = [*EN_MENU, *EN_BODY, *EN_MORE, "Meal Plan", "Rest 30-45 minutes between your sets", "Tomato Salad"]
    menu = dict.fromkeys(range(7), MENU)
    assert removed(lines) == menu, "list lines below the body stay (they may belong to it)"
    assert removed(lines, walls=frozenset({18})) == {**menu, 18: OUTSIDE, 19: MENU}


HEADLINE_EN = "City Council Approves Budget"
SCHEDULE = ["June 9 -- Coral Arena, Tampa", "June 12 -- Harbour Hall, Mobile", "June 14 -- Riverside Park, Macon"]


@pytest.mark.parametrize("lines, expected", [
    pytest.param([HEADLINE_EN, "By Daniel Hart", *EN_BODY], {1}, id="byline"),
    pytest.param([HEADLINE_EN, "by Daniel Hart", *EN_BODY], {1}, id="lower-case-byline"),
    pytest.param([HEADLINE_EN, "Daniel Hart", "@danielhart", *EN_BODY], {2}, id="the-authors-handle"),
    pytest.param([HEADLINE_EN, "By Daniel Hart | Special to the Valley Courier", *EN_BODY], {1},
                 id="byline-with-its-outlet"),
    pytest.param(["Written by Daniel Hart", HEADLINE_EN, *EN_BODY], {0}, id="byline-above-the-headline"),
    pytest.param([HEADLINE_EN, "Nov. 19, 2019 8:03 am ET", *EN_BODY], {1}, id="dateline"),
    pytest.param([HEADLINE_EN, "Updated 5:50 PM", "Facebook", *EN_BODY], {1}, id="time-of-update"),
    pytest.param([HEADLINE_EN, EN_MORE[0], "By Daniel Hart - 11/19/19 06:56 AM EST", *EN_BODY], {2},
                 id="dated-byline-under-a-standfirst"),
    pytest.param(["地铁三号线二期年底开通", "2024-05-10 08:30 来源：本报", *ZH_BODY], {1}, id="zh-dateline"),
    pytest.param(["地铁三号线二期年底开通", "3 小时前", *ZH_BODY], {1}, id="zh-relative-time"),
    # negatives: lines that look like a byline or a date but are the article's
    pytest.param([HEADLINE_EN, "By the numbers", *EN_BODY], set(), id="by-and-no-name-is-a-subheading"),
    pytest.param(["Byron Bay Festival Returns", *EN_BODY], set(), id="a-name-starting-with-by"),
    pytest.param([HEADLINE_EN, "The council met on June 12, 2024 and voted late at night.", *EN_BODY], set(),
                 id="a-sentence-holding-a-date"),
    pytest.param([HEADLINE_EN, *EN_BODY[:2], "June 12, 2024", EN_BODY[2]], set(), id="a-date-under-the-first-sentences"),
    pytest.param([HEADLINE_EN, *EN_BODY[:2], "@if", "@endif", EN_BODY[2]], set(), id="template-code-under-the-first-sentences"),
    pytest.param([HEADLINE_EN, "By Daniel Hart", EN_BODY[0], "What it costs", EN_BODY[1], "What comes next",
                  EN_BODY[2]], {1}, id="no-two-sentences-in-a-row-the-head-ends-at-the-first"),
    pytest.param([HEADLINE_EN, "Tour dates:", *SCHEDULE, EN_BODY[0]], set(), id="a-schedule-above-the-first-sentence"),
    pytest.param([HEADLINE_EN, EN_BODY[0], "June 12, 2024", "What comes next", EN_BODY[1]], set(),
                 id="a-date-under-the-first-sentence-no-two-in-a-row"),
    pytest.param([HEADLINE_EN, "By Daniel Hart", "What it costs", "What comes next"], set(),
                 id="no-sentence-no-head"),
    pytest.param([HEADLINE_EN, *SCHEDULE, *EN_BODY], set(), id="a-schedule-holds-figures-but-no-date-or-time"),
    pytest.param(["关于印发老旧小区改造方案的通知", "各区县人民政府：", ZH_BODY[0], "临江市人民政府办公室", "2026年11月28日",
                  "老旧小区改造方案", *ZH_BODY[1:]], set(), id="zh-a-date-signing-a-notice-above-its-annex"),
    pytest.param(["海洋学院学术讲座：深海热液区的微生物", "报告人：梁知远 研究员", "报告时间：2025年4月15日（星期二）14:30",
                  "报告地点：海洋楼B座217学术报告厅", *ZH_BODY], set(), id="zh-an-events-time-is-the-notices-own"),
    pytest.param(["Help: my bus pass stopped working", *[line for number, post in enumerate(EN_BODY[:3])
                                                         for line in (f"reader{number} 2 hours ago", post)]],
                 set(), id="a-thread-keeps-its-post-headers"),
    pytest.param(["关于第5期食品抽检情况的通告", "2024-05-10 08:30 来源：本报", "序号 抽样单位 食品名称 生产日期 检验结果",
                  "1 临江市某某快餐店 复用餐具 2024-04-18 不合格", "2 临江市老街面馆 复用餐具 2024-04-18 不合格",
                  "3 临江市惠民超市 酸豆角 2024-03-02 不合格", *ZH_BODY], {1}, id="zh-the-dated-rows-of-a-table-stay"),
    pytest.param(["临江县发生4.3级地震", "发震时刻 震级 纬度 经度 深度 参考位置", "2024-11-08 14:26:39 4.3 29.41 103.77 12 临江县",
                  *ZH_BODY], set(), id="zh-a-dated-row-of-measures-stays"),
    pytest.param([HEADLINE_EN, "13 May 2024 Updated 07:35 3 min read", *EN_BODY], {1},
                 id="a-datelines-own-numbers-make-no-row"),
    pytest.param(["关于寒假离校的通知", "2024-01-10 来源：学生处", "一、离校要求", "1. 离校前关好门窗，切断电源。",
                  "2. 外出时应提前报备，夜间不得晚于22:30返回公寓；", *ZH_BODY], {1},
                 id="zh-an-item-of-a-numbered-list-holding-a-time"),
    pytest.param(["首页 > 环评公示", "2026年11月19日拟作出审批意见的建设项目环境影响评价文件基本情况公示",
                  "信息来源：行政审批科 发布时间：2026-11-19", *ZH_BODY], {2}, id="zh-a-headline-naming-its-day"),
    pytest.param(["11月13日停服更新公告", "亲爱的玩家：", "【更新时间】", "2024年11月13日（星期四）06:00-11:00", "【更新范围】",
                  "全部服务器", *ZH_BODY], set(), id="zh-a-date-under-a-sections-bracketed-heading"),
])
def test_head_bylines(lines, expected):
    shapes = line_shapes(lines)
    assert set(head_bylines(lines, shapes, head_end(shapes.kinds.tolist()))) == expected


STANDFIRST = "The plan raises spending on buses and roads."


@pytest.mark.parametrize("lines, title, expected", [
    pytest.param([HEADLINE_EN, "Daniel Hart", *EN_BODY], HEADLINE_EN, {1}, id="a-name-under-the-headline"),
    pytest.param([HEADLINE_EN, "Daniel Hart, Valley Courier Staff Writer", *EN_BODY], HEADLINE_EN, {1}, id="a-name-and-its-desk"),
    pytest.param([HEADLINE_EN, "Maria Lopez and Daniel J. Hart, Associated Press", *EN_BODY], HEADLINE_EN, {1},
                 id="two-names-and-their-agency"),
    pytest.param([HEADLINE_EN, "Daniel Hart Valley Courier", *EN_BODY], HEADLINE_EN, {1}, id="a-name-and-its-paper-without-a-comma"),
    pytest.param([HEADLINE_EN, "Daniel Hart@danielhart", *EN_BODY], HEADLINE_EN, {1}, id="a-name-and-its-handle"),
    pytest.param([HEADLINE_EN, STANDFIRST, "Daniel Hart", *EN_BODY], HEADLINE_EN, {2}, id="a-name-under-the-standfirst"),
    pytest.param(["Budget 2024", HEADLINE_EN, "By", "Daniel Hart", *EN_BODY], HEADLINE_EN, {2, 3}, id="by-alone-over-the-name"),
    # the reach counts the lines that stay (a second run, without the signed lines, finds the same names)
    pytest.param([HEADLINE_EN, "Updated 5:50 PM", STANDFIRST, "Daniel Hart", *EN_BODY], HEADLINE_EN, {1, 3},
                 id="a-name-under-a-dateline-and-the-standfirst"),
    pytest.param([HEADLINE_EN, "Daniel Hart", "Maria Lopez", STANDFIRST, *EN_BODY], HEADLINE_EN, {1, 2},
                 id="two-names-under-the-headline"),
    pytest.param([HEADLINE_EN, "Key Takeaways", "* Employers must tell their staff within 30 days.", *EN_BODY],
                 HEADLINE_EN, set(), id="the-heading-of-a-list-names-nobody"),
    # negatives: the headline, a dateline, a subheading, a name far from the headline or among the sentences
    pytest.param(["Mayor Signs Budget Deal", *EN_BODY], "Mayor Signs Budget Deal", set(), id="the-headline-in-title-case"),
    pytest.param(["Budget 2024", "Council Backs Plan To Hire Drivers", *EN_BODY], "Budget 2024", set(),
                 id="a-headline-under-a-kicker-holds-stopwords"),
    pytest.param([HEADLINE_EN, "PORTLAND, MAINE", *EN_BODY], HEADLINE_EN, set(), id="a-dateline-in-capitals"),
    pytest.param([HEADLINE_EN, "TOM HART", *EN_BODY], HEADLINE_EN, set(), id="a-name-in-capitals-may-be-a-place"),
    pytest.param([HEADLINE_EN, "The Road Ahead", *EN_BODY], HEADLINE_EN, set(), id="a-subheading-holds-a-stopword"),
    pytest.param([HEADLINE_EN, STANDFIRST, "Photo: City Hall", "Daniel Hart", *EN_BODY], HEADLINE_EN, set(),
                 id="a-name-far-under-the-headline"),
    pytest.param([HEADLINE_EN, *EN_BODY[:2], "Daniel Hart", *EN_BODY[2:]], HEADLINE_EN, set(), id="a-name-among-the-sentences"),
    pytest.param([HEADLINE_EN, "Daniel Hart is the council's new clerk.", *EN_BODY], HEADLINE_EN, set(), id="a-sentence-naming-him"),
])
def test_head_bylines_without_by_under_the_headline(lines, title, expected):
    shapes = line_shapes(lines)
    top = head_end(shapes.kinds.tolist())
    assert set(head_bylines(lines, shapes, top, headline_line(lines, title, top))) == expected


ZH_HEADLINE = "东部新区三条公交线路今起调整"


@pytest.mark.parametrize("lines, title, expected", [
    pytest.param(["1. Home", "2. News", "3. Politics", HEADLINE_EN, *EN_BODY], HEADLINE_EN, {0, 1, 2}, id="numbered-crumbs"),
    pytest.param(["Menu", "1. Home", "2. News", HEADLINE_EN, *EN_BODY], HEADLINE_EN, {1, 2}, id="two-crumbs-under-a-menu"),
    pytest.param(["1. Home", "2. News", f"3. {HEADLINE_EN}", HEADLINE_EN, *EN_BODY], HEADLINE_EN, {0, 1, 2},
                 id="the-last-crumb-repeats-the-headline"),
    pytest.param(["1. 首页", "2. 新闻中心", "3. 本地要闻", ZH_HEADLINE, *ZH_BODY], ZH_HEADLINE, {0, 1, 2}, id="zh-crumbs"),
    pytest.param(["1. Home", "2. Travel", "1. Home", "2. News", HEADLINE_EN, *EN_BODY], HEADLINE_EN, {0, 1, 2, 3},
                 id="a-breadcrumb-over-another"),
    # negatives: not from 1 or not one by one, one item, long items, not over the headline, no headline found
    pytest.param(["2. News", "3. Politics", HEADLINE_EN, *EN_BODY], HEADLINE_EN, set(), id="not-from-one"),
    pytest.param(["1. Home", "3. Politics", HEADLINE_EN, *EN_BODY], HEADLINE_EN, set(), id="a-number-skipped"),
    pytest.param(["1. Home", HEADLINE_EN, *EN_BODY], HEADLINE_EN, set(), id="one-item"),
    pytest.param(["1. Mayor wants more buses on the east side", "2. Schools open a week later this year", HEADLINE_EN,
                  *EN_BODY], HEADLINE_EN, set(), id="a-list-of-long-items-is-judged-elsewhere"),
    pytest.param(["1. Home", "2. News", "Budget 2024", HEADLINE_EN, *EN_BODY], HEADLINE_EN, set(), id="not-right-over-the-headline"),
    pytest.param(["1. Home", "2. News", "3. Politics", "1. Schools open a week later this year", "2. Home", HEADLINE_EN,
                  *EN_BODY], HEADLINE_EN, set(), id="over-a-list-of-long-items"),
    pytest.param([HEADLINE_EN, EN_BODY[0], "1. Roads", "2. Schools", *EN_BODY[1:]], HEADLINE_EN, set(), id="the-article's-own-list"),
    pytest.param(["1. Home", "2. News", HEADLINE_EN, *EN_BODY], None, set(), id="no-headline-found"),
])
def test_head_crumbs(lines, title, expected):
    shapes = line_shapes(lines)
    assert set(head_crumbs(lines, shapes, headline_line(lines, title, head_end(shapes.kinds.tolist())))) == expected


def test_numbered_crumbs_over_the_headline_go_as_a_menu_in_a_whole_page():
    lines = [*EN_MENU, "1. Home", "2. News", HEADLINE_EN, *EN_BODY, *EN_MORE, *EN_FOOTER]
    gone = {index: reason for index, reason in enumerate(judge_layout(lines, title=HEADLINE_EN)) if reason}
    assert {index: gone.get(index) for index in range(len(EN_MENU), len(EN_MENU) + 3)} == {
        len(EN_MENU): MENU, len(EN_MENU) + 1: MENU, len(EN_MENU) + 2: None}


def test_without_a_headline_found_a_name_alone_stays():
    lines = [HEADLINE_EN, "Daniel Hart", *EN_BODY]
    shapes = line_shapes(lines)
    assert head_bylines(lines, shapes, head_end(shapes.kinds.tolist()), None) == []


def test_a_name_under_the_headline_goes_as_a_byline_in_a_whole_page():
    lines = [*EN_MENU, HEADLINE_EN, "Daniel Hart, Valley Courier", *EN_BODY, *EN_MORE, *EN_FOOTER]
    assert {index: reason for index, reason in enumerate(judge_layout(lines, title=HEADLINE_EN)) if reason} == {
        **dict.fromkeys(range(7), MENU), 8: BYLINE, **dict.fromkeys(range(len(lines) - 4, len(lines)), MENU)}


def test_the_head_bylines_go_as_bylines_in_a_whole_page():
    lines = [*EN_MENU, HEADLINE_EN, "By Daniel Hart", "June 12, 2024 at 10:30 am", *EN_BODY, *EN_MORE, *EN_FOOTER]
    assert removed(lines) == {**dict.fromkeys(range(7), MENU), 8: BYLINE, 9: BYLINE,
                              **dict.fromkeys(range(20, 24), MENU)}


@pytest.mark.parametrize("article, gone", [
    pytest.param([HEADLINE_EN, "Facebook", "Twitter", "By Daniel Hart | Special to the Valley Courier", *EN_BODY,
                  *EN_MORE], {1: MENU, 2: MENU, 3: BYLINE}, id="share-buttons-and-a-byline-in-the-head"),
    pytest.param([HEADLINE_EN, "微信", "微博", *EN_BODY, *EN_MORE], {1: MENU, 2: MENU}, id="zh-share-buttons"),
    pytest.param([HEADLINE_EN, *EN_BODY[:2], "Facebook", EN_BODY[2], "Twitter", *EN_BODY[3:], *EN_MORE], {},
                 id="the-names-as-subheadings-under-the-first-sentences-stay"),
])
def test_share_buttons_in_the_head_go(article, gone):
    lines = [*EN_MENU, *article, *EN_FOOTER]
    menu, footer = dict.fromkeys(range(len(EN_MENU)), MENU), dict.fromkeys(range(len(lines) - 4, len(lines)), MENU)
    assert removed(lines) == {**menu, **{len(EN_MENU) + index: reason for index, reason in gone.items()}, **footer}


SHARE_BAR = ["Facebook", "Twitter", "Email"]


@pytest.mark.parametrize("head, title, kept_head", [
    pytest.param([HEADLINE_EN, *SHARE_BAR], HEADLINE_EN, [HEADLINE_EN], id="a-share-bar-under-the-headline"),
    pytest.param([HEADLINE_EN, STANDFIRST, "Share", "Copy", *SHARE_BAR], HEADLINE_EN, [HEADLINE_EN, STANDFIRST],
                 id="a-standfirst-and-the-bars-own-buttons"),
    # negatives: the bar ends the head when no headline stands over it, or a menu does between them; and the
    # head reaches no further up than the headline
    pytest.param([HEADLINE_EN, *SHARE_BAR], None, [], id="no-headline-found"),
    pytest.param([HEADLINE_EN, "Politics", "Courts", "Elections", *SHARE_BAR], HEADLINE_EN, [],
                 id="a-menu-between-the-headline-and-the-bar"),
    pytest.param(["Storm Knocks Out Power Along The Coast", "Why Are Rents Still Rising?", HEADLINE_EN,
                  *SHARE_BAR], HEADLINE_EN, [HEADLINE_EN], id="the-titles-over-the-headline-stay-out"),
    pytest.param([HEADLINE_EN, STANDFIRST, *SHARE_BAR], STANDFIRST, [HEADLINE_EN, STANDFIRST],
                 id="the-line-found-is-a-standfirst-under-a-shorter-headline"),
    pytest.param(["Storm Knocks Out Power Along The Coast Of Three States", HEADLINE_EN, *SHARE_BAR], HEADLINE_EN,
                 [HEADLINE_EN], id="a-longer-title-over-the-headline-stays-out"),
])
def test_a_share_bar_under_the_headline_ends_no_head(head, title, kept_head):
    lines = [*EN_MENU, *head, *EN_BODY, *EN_MORE, *EN_FOOTER]
    verdicts = judge_layout(lines, title=title)
    assert [line for line, verdict in zip(lines, verdicts) if verdict is None] == [*kept_head, *EN_BODY, *EN_MORE]


def test_the_names_under_the_headline_are_reached_past_the_share_buttons_that_go():
    article = [*EN_BODY, *EN_MORE] * 2      # long enough to be judged again as a whole page
    lines = [*EN_MENU, HEADLINE_EN, "Daniel Hart", "Share", "Copied!", "Anna Berg", *article, *EN_FOOTER]
    once = [line for line, verdict in zip(lines, judge_layout(lines, title=HEADLINE_EN)) if verdict is None]
    assert once == [HEADLINE_EN, "Copied!", *article], "the button counts for no line of the reach: both names go"
    assert [line for line, verdict in zip(once, judge_layout(once, title=HEADLINE_EN)) if verdict is None] == once


def test_a_short_text_is_left_alone():
    lines = ["Home", "News", "Sport", *EN_BODY, *EN_RELATED]
    assert removed(lines) == {}, "under 20 lines: no whole page, or too little to tell its parts by"


def test_a_page_is_judged_by_its_lines_before_earlier_stages_removed_some():
    lines = [*EN_MENU, "City Council Approves Budget", *EN_BODY, *EN_RELATED]
    removed_before = ["boilerplate.label", *[None] * len(lines), *["boilerplate.share"] * 4, "boilerplate.copyright"]
    view = DocView(title=None, lang="en", format="txt", source="x", verdicts=removed_before)
    assert len(removed_before) >= 20 > len(lines)
    assert kept_by_stage(lines, view) == ["City Council Approves Budget", *EN_BODY]
    assert kept_by_stage(lines, view._replace(verdicts=[None] * len(lines))) == lines, "a short text alone"


def kept_by_stage(lines, view):
    return [line for line, verdict in zip(lines, Layout().judge(lines, view).verdicts) if verdict is None]


TEASERS = [
    "Storm Knocks Out Power Along The Coast", "By Ann Lee",
    "Thousands of homes lost power overnight as the storm moved north along the coast.",
    "Schools Reopen After Flooding", "By Tom Hart",
    "Most schools in the valley opened again on Monday, a week after the river burst its banks.",
    "Bridge Repairs Begin Next Month", "By Mia Chen",
    "Work on the old river bridge will close one lane in each direction until the end of the summer.",
    "New Bus Routes For The East Side", "By Raj Patel",
    "Three new routes will link the eastern suburbs to the hospital and the university from April.",
]


COMMA_HEADLINES = [    # a list of other articles whose headlines hold commas: text without an end mark
    "城市更新条例今起正式施行，老旧小区改造将按片区统筹推进",
    "多家银行再度下调存款利率，三年期定存利率跌破两厘以下",
    "新能源汽车下乡活动正式启动，首批三十余款车型参与其中",
    "暑期文旅市场持续升温，多地热门景区预约量同比明显翻番",
    "跨境电商综试区再度扩容，中西部城市占比较去年明显提高",
    "多地气象台发布高温预警，部分地区最高气温将超过四十度",
]
POSTS_WITHOUT_END_MARKS = [    # longer than a headline
    "最近老有发广告的小号来捣乱，估计管理员看到就给封了，大家发现了也可以举报一下，千万别回复他们",
    "我觉得这个问题还是要看具体情况，上次我去办的时候工作人员说材料不全，前后补了两次才办下来",
    "楼上说得对，我们小区去年也是这样，物业一直拖着不处理，最后还是几户业主自己凑钱找人修好的",
]


@pytest.mark.parametrize("lines, kept_share", [
    pytest.param(COMMA_HEADLINES, (0.0, 0.5), id="headlines-with-commas-count-as-a-list"),
    pytest.param(POSTS_WITHOUT_END_MARKS * 2, (0.99, 1.0), id="posts-without-end-marks-stay-text"),
])
def test_text_without_end_marks_among_its_like(lines, kept_share):
    shapes = line_shapes(lines)
    assert set(shapes.kinds.tolist()) == {OPEN}
    worth = own_values(shapes)
    values = line_values(shapes.kinds, list_shaped(shapes), worth, teaser_summaries(shapes.kinds, shapes.units))
    low, high = kept_share
    assert low <= values.sum() / worth.sum() <= high


def test_a_teaser_list_below_the_article_goes():
    lines = [*EN_MENU, "City Council Approves Budget", *EN_BODY, "More Stories", *TEASERS, *EN_FOOTER]
    assert kept(lines) == ["City Council Approves Budget", *EN_BODY]


def test_a_ranked_list_below_the_article_goes_but_a_numbered_one_in_it_stays():
    ranked = ["Most Read", *[line for rank, headline in enumerate(OTHER_HEADLINES[:5], 1)
                             for line in (f"{rank}. {rank}", headline)]]
    assert kept([*EN_MENU, *EN_BODY, *ranked, *EN_FOOTER]) == EN_BODY
    picks = [line for number, (item, price) in enumerate([("Harbor Lights puzzle", "1000 pieces, 24.99"),
             ("Lighthouse model kit", "1:200, 39.99"), ("Tide clock", "30 cm, 19.99"), ("Ferry poster", "A2, 9.99"),
             ("Boat shoes", "sizes 38-46, 59.99")], 1) for line in (f"{number}) {item}", price)]
    assert kept([*EN_MENU, *EN_BODY, *picks]) == [*EN_BODY, *picks], "numbered picks with words are the article's"


def thread(replies):
    lines = [*EN_MENU, "Help: my bus pass stopped working", "poster", "2 hours ago",
             "My bus pass stopped working this morning and the machine at the station says it has expired.",
             "I bought it last week at the ticket office and the clerk told me it was valid for a whole month.",
             "Has anyone had the same problem with the new cards?", "Reply", "Quote"]
    for number, reply in enumerate(replies):
        lines += [f"rider{number}", f"{number + 1} hours ago", reply, "Reply", "Quote"]
    return [*lines, *EN_FOOTER]


SHORT_REPLIES = ["Same here", "Mine too, since Monday", "call the helpline they fix it in a minute",
                 "thanks that worked for me"]


# Comments are short beside the article: the heading above them ends the body however they are shaped.
EN_COMMENTS = ["Finally some good news for bus riders.", "About time!", "And who pays for it?", "Fix my road too."]
SORT_MENU = ["Sort by", "Newest", "Oldest", "Top"]
ZH_COMMENTS = ["支持！", "终于等到这一天了。", "票价能便宜点吗？", "东部的房价又要涨了。"]


def commented(menu, title, body, heading, comments, button, footer):
    lines = [*menu, title, *body, heading, *SORT_MENU]
    for number, comment in enumerate(comments):
        lines += [f"reader{number}", f"{number + 1} hours ago", comment, button]
    return [*lines, *footer]


def article_after_boilerplate(lines):
    """What the boilerplate and the layout stage keep of a page, the layout stage seeing the other's verdicts."""
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(lines)
    doc.verdicts = judge_boilerplate(lines)
    left = [line for line, verdict in zip(lines, doc.verdicts) if verdict is None]
    return [line for line, verdict in zip(left, Layout().judge(left, doc.view()).verdicts) if verdict is None]


@pytest.mark.parametrize("lines, article", [
    pytest.param(commented(EN_MENU, "City Council Approves Budget", EN_BODY, "12 Comments", EN_COMMENTS, "Reply",
                           EN_FOOTER), ["City Council Approves Budget", *EN_BODY], id="en-comments-under-a-count"),
    pytest.param(commented(ZH_MENU, "地铁三号线二期年底开通", ZH_BODY, "评论 139", ZH_COMMENTS, "回复", ["关于我们"]),
                 ["地铁三号线二期年底开通", *ZH_BODY], id="zh-comments-under-a-count"),
    pytest.param(commented(EN_MENU, "City Council Approves Budget", EN_BODY, "Leave a Reply", EN_COMMENTS, "Reply",
                           EN_FOOTER), ["City Council Approves Budget", *EN_BODY], id="comments-under-a-prompt"),
    pytest.param(thread(SHORT_REPLIES), [line for line in thread(SHORT_REPLIES)[len(EN_MENU):-len(EN_FOOTER)]
                                         if not line.endswith(" ago")],
                 id="a-thread-without-a-comment-heading-keeps-its-replies-its-stamps-go"),
])
def test_the_body_ends_above_the_heading_of_its_comments(lines, article):
    assert article_after_boilerplate(lines) == article


# Readers' comments as long as the article's paragraphs, each under a dated header, no comment heading: the
# share bar an earlier stage removes stands between the article and the run of posts, and no header stands
# above the article. A thread's first post stands under a header like its replies: they stay with it.
EN_LONG_COMMENTS = [
    "I take the bus to work every day and the drivers are already stretched thin, so more of them is welcome.",
    "The council said the same thing two years ago and the buses on my line still come every forty minutes.",
    "Somebody has to pay for the new drivers, and I suspect it will be the people who drive into town.",
    "The fiscal board will send this back in the autumn, as it did with the last three budgets of the city.",
]
SHARE_BAR = ["Share this:", "Share on Facebook", "Share on X"]


def dated_posts(comments):
    return [line for number, comment in enumerate(comments)
            for line in (f"reader{number} on June {number + 7}, 2020 at 3:2{number} pm said:", comment)]


@pytest.mark.parametrize("lines, article", [
    pytest.param([*EN_MENU, "City Council Approves Budget", *EN_BODY, *EN_MORE, *SHARE_BAR,
                  *dated_posts(EN_LONG_COMMENTS), *EN_FOOTER],
                 ["City Council Approves Budget", *EN_BODY, *EN_MORE], id="dated-comments-below-an-article-go"),
    pytest.param([*EN_MENU, "Budget approved: good news for bus riders?", "Posted by Tom, June 6, 2020 at 9:02 am",
                  *EN_BODY, *EN_MORE, *SHARE_BAR, *dated_posts(EN_LONG_COMMENTS), *EN_FOOTER],
                 [*EN_BODY, *EN_MORE, *dated_posts(EN_LONG_COMMENTS)], id="a-thread-under-a-dated-post-stays"),
    pytest.param([*EN_MENU, "City Council Approves Budget", *EN_BODY, *EN_MORE, *dated_posts(EN_LONG_COMMENTS),
                  *EN_FOOTER],
                 ["City Council Approves Budget", *EN_BODY, *EN_MORE, *dated_posts(EN_LONG_COMMENTS)],
                 id="without-chrome-between-them-the-posts-stay-as-a-second-run-would-keep-them"),
])
def test_a_run_of_dated_posts_below_the_article_and_its_share_bar_goes(lines, article):
    assert article_after_boilerplate(lines) == article


# Under a promotion, a share bar or a copyright notice in the body, a little text and no two sentences in a
# row: a sign-up box, a publisher's note; the body ends above it. The article's paragraphs going on under a
# promotion or a photo credit set in the text stay, and so does a last paragraph worth much of the text.
SIGN_UP = ["Get the morning briefing in your inbox every weekday.", "Enter your email address", "Thanks for signing up!",
           "Check your inbox to confirm it.", "Something went wrong.", "Please try again later."]
OTHER_TITLES = ["Storm Knocks Out Power Along The Coast", "Schools Reopen After Flooding", "Ferry Fares Go Up Again",
                "New Bridge Opens To Traffic"]
PHOTO_CREDIT = "Photo: Jane Doe © 2024 City Herald"
ZH_FOLLOW = ["扫码关注我们", "每日推送本地要闻，欢迎转发。", "本报地址：人民路88号", "合作请联系编辑部。"]
ZH_OTHER_TITLES = ["城市公交线路今起调整", "新区学校秋季开学", "夜市重新开放迎客", "江边步道完成改造"]
EN_ARTICLE = ["City Council Approves Budget", *EN_BODY, *EN_MORE]
READERS_UNDER_A_PROMOTION = [     # under each reader's name and likes a comment, a place, a day, buttons
    line for name, likes, comment in [
        ("riverside_mom", "14", "Finally some money for the buses, the number 12 is late again."),
        ("K. Alvarez", "9", "The new parking fee will empty the old town, mark my words."),
        ("oldtowner", "6", "Nobody on the council answered a question about the two bridges."),
        ("jpark88", "3", "Two hundred more drivers is only a start for a city this size."),
        ("M. Osei", "2", "Good news for the night shift workers at the hospital, at last."),
        ("harbourview", "1", "Please fix the potholes on Mill Road before anything else this year."),
        ("tcarter", "1", "Same promises as last year, we shall see what they deliver."),
    ] for line in (name, likes, comment, "Eastside", "May 19", "Reply", "Report")]


@pytest.mark.parametrize("lines, article", [
    pytest.param([*EN_MENU, *EN_ARTICLE, *SIGN_UP, *OTHER_TITLES, *EN_FOOTER], EN_ARTICLE,
                 id="a-sign-up-box-under-the-article-goes"),
    pytest.param([*ZH_MENU, "地铁三号线二期年底开通", *ZH_BODY, *ZH_FOLLOW, *ZH_OTHER_TITLES, "关于我们", "联系我们",
                  "网站地图"], ["地铁三号线二期年底开通", *ZH_BODY], id="zh-a-follow-us-box-under-the-article-goes"),
    pytest.param([*EN_MENU, *EN_ARTICLE[:6], SIGN_UP[0], *EN_MORE, *OTHER_TITLES, *EN_FOOTER], EN_ARTICLE,
                 id="paragraphs-under-a-promotion-in-the-text-stay"),
    pytest.param([*EN_MENU, *EN_ARTICLE[:9], PHOTO_CREDIT, *EN_MORE[3:], *OTHER_TITLES, *EN_FOOTER], EN_ARTICLE,
                 id="paragraphs-under-a-photo-credit-stay"),
    pytest.param([*EN_MENU, *EN_ARTICLE[:4], SIGN_UP[0], EN_MORE[0], *OTHER_TITLES, *EN_FOOTER],
                 [*EN_ARTICLE[:4], EN_MORE[0]], id="a-last-paragraph-worth-much-of-a-short-text-stays"),
    pytest.param([*EN_MENU, *EN_ARTICLE[:10], SIGN_UP[0], "What Comes Next", EN_MORE[4], "Reporting by Tom Hart.",
                  *OTHER_TITLES, *EN_FOOTER], [*EN_ARTICLE[:10], "What Comes Next", EN_MORE[4], "Reporting by Tom Hart."],
                 id="a-last-paragraph-under-a-subheading-stays"),
    pytest.param([*EN_MENU, *EN_ARTICLE, SIGN_UP[0], *READERS_UNDER_A_PROMOTION, *OTHER_TITLES, *EN_FOOTER],
                 EN_ARTICLE, id="readers-comments-worth-a-third-of-the-text-under-a-promotion-go"),
    pytest.param([*EN_MENU, SIGN_UP[0], *EN_ARTICLE, SIGN_UP[0], *READERS_UNDER_A_PROMOTION[:21], SIGN_UP[0],
                  *READERS_UNDER_A_PROMOTION[21:], *OTHER_TITLES, *EN_FOOTER], EN_ARTICLE,
                 id="so-with-a-promotion-over-the-headline-and-one-among-the-comments"),
])
def test_the_body_ends_above_a_promotion_with_little_text_under_it(lines, article):
    assert article_after_boilerplate(lines) == article


TAGS = ["Government and politics,", "Transport,", "City council,", "Public spending,", "Buses"]


@pytest.mark.parametrize("heading, article", [
    pytest.param("Tags", EN_ARTICLE, id="the-tags-under-their-heading-go"),
    pytest.param("Schools", [*EN_ARTICLE, "Schools", *TAGS[:-1]], id="under-a-subheading-the-clauses-stay"),
])
def test_the_body_ends_above_the_tags(heading, article):
    """Tags printed one a line with their commas read as short clauses beside the text; under their heading
    they end the article."""
    assert article_after_boilerplate([*EN_MENU, *EN_ARTICLE, heading, *TAGS, *OTHER_TITLES, *EN_FOOTER]) == article


def article_after_metadata(lines):
    """What the metadata, the boilerplate and the layout stage keep of a page, each seeing the verdicts before."""
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(lines)
    _, doc.verdicts = find_metadata(lines)
    left = [line for line, verdict in zip(lines, doc.verdicts) if verdict is None]
    chrome = iter(judge_boilerplate(left))
    doc.verdicts = [next(chrome) if verdict is None else verdict for verdict in doc.verdicts]
    left = [line for line, verdict in zip(lines, doc.verdicts) if verdict is None]
    return [line for line, verdict in zip(left, Layout().judge(left, doc.view()).verdicts) if verdict is None]


PAST_ISSUES = ["往期回顾", "城市更新为何“慢下来”？", "夜经济还能怎么火？", "县城消费潜力有多大？", "老旧小区改造难在哪？"]


@pytest.mark.parametrize("lines, article", [
    pytest.param([*ZH_MENU, "地铁三号线二期年底开通", *ZH_BODY, "责任编辑：王明", *PAST_ISSUES, "关于我们", "联系我们",
                  "网站地图"], ["地铁三号线二期年底开通", *ZH_BODY], id="past-issues-under-the-editor-line-go"),
    pytest.param([*ZH_MENU, "地铁三号线二期年底开通", *ZH_BODY[:3], "责任编辑：王明", *ZH_BODY[3:], *ZH_OTHER_TITLES,
                  "关于我们", "联系我们", "网站地图"], ["地铁三号线二期年底开通", *ZH_BODY],
                 id="paragraphs-under-an-editor-line-stay"),
])
def test_the_body_ends_above_metadata_with_little_text_under_it(lines, article):
    assert article_after_metadata(lines) == article


@pytest.mark.parametrize("verdicts, walls", [
    pytest.param([None, "boilerplate.promo", None, None], {1}, id="under-a-promotion"),
    pytest.param(["boilerplate.promo", None, None, "boilerplate.promo", None, None, "boilerplate.promo", None],
                 {0, 2, 4}, id="under-a-promotion-over-the-article-and-two-in-it"),
    pytest.param([None, "boilerplate.share", "boilerplate.share", None], {1}, id="under-a-share-bar"),
    pytest.param([None, "boilerplate.label", None], set(), id="not-under-an-advertisement-label"),
    pytest.param([None, "boilerplate.tags", None], {1}, id="under-the-heading-of-the-tags"),
    pytest.param([None, "meta.editor", None], {1}, id="under-an-editor-line"),
    pytest.param([None, *["meta.date", None, None] * 3], set(), id="not-under-the-date-of-every-post"),
    pytest.param([None, *["boilerplate.share", None, None] * 3], set(), id="not-under-a-share-bar-of-every-post"),
])
def test_trailer_walls(verdicts, walls):
    """(The article starts at the first line kept.)"""
    assert lone_trailers(trailer_walls(verdicts), 0) == walls


DATED_BYLINE = "By Tom Hart, June 6, 2020 at 9:02 am"
ZH_LONG_COMMENTS = ["每天坐地铁上班，早就盼着三号线延伸到东部新区了，希望年底能按时开通。",
                    "二期通了以后从新区到火车站只要半小时，周末回家方便多了，支持！",
                    "票价能不能再便宜一点？很多上班族每个月光交通费就要好几百元。",
                    "施工期间东边几条路一直堵，希望开通以后公交线路也能跟着调整一下。"]


@pytest.mark.parametrize("lines, article", [
    pytest.param([*EN_MENU, "City Council Approves Budget", DATED_BYLINE, *EN_BODY, *EN_MORE, "Top Rated Comments",
                  *dated_posts(EN_LONG_COMMENTS), *EN_FOOTER],
                 ["City Council Approves Budget", *EN_BODY, *EN_MORE], id="posts-under-a-comment-heading-go"),
    pytest.param([*EN_MENU, "City Council Approves Budget", DATED_BYLINE, *EN_BODY, *EN_MORE, *SHARE_BAR,
                  *dated_posts(EN_LONG_COMMENTS), *EN_FOOTER],
                 ["City Council Approves Budget", *EN_BODY, *EN_MORE, *EN_LONG_COMMENTS],
                 id="without-a-heading-a-dated-byline-makes-them-a-thread-whose-stamps-go"),
    pytest.param([*ZH_MENU, "地铁三号线二期年底开通", "2024-05-10 08:30 来源：本报", *ZH_BODY, "热门评论",
                  *[line for number, comment in enumerate(ZH_LONG_COMMENTS)
                    for line in (f"网友{number} 5月10日 09:0{number}", comment)], "关于我们", "联系我们", "网站地图"],
                 ["地铁三号线二期年底开通", *ZH_BODY], id="zh-posts-under-a-comment-heading-go"),
])
def test_the_body_ends_above_a_comment_heading_with_dated_posts_below_a_dated_byline(lines, article):
    """(The article's own dated byline goes as layout.byline, but in a thread, where it heads the first post and
    goes with the stamps of the replies.)"""
    assert article_after_boilerplate(lines) == article


TEASER_TITLES = ["What made the night market so popular?", "Ferry fares go up again.",
                 "Who pays for the new bridge?", "Schools reopen after the flood."]     # titles shaped as text


def dated_teasers(summaries):
    return [line for title, summary in zip(TEASER_TITLES, summaries)
            for line in (title, "reporter", "Wednesday November 20, 2019", summary)]


@pytest.mark.parametrize("after_the_box, kept_after", [
    pytest.param(ZH_BODY[3:], True, id="two-paragraphs-under-a-box-in-the-text-are-the-articles"),
    pytest.param(ZH_BODY[3:4], False, id="one-paragraph-under-a-box-may-be-a-teasers"),
])
def test_an_article_goes_on_under_a_box_of_other_articles_in_its_text(after_the_box, kept_after):
    lines = [*ZH_MENU, "城市地铁三号线二期年底开通", *ZH_BODY[:3], "相关阅读：", *ZH_HOT[1:3], *after_the_box,
             *ZH_HOT, "关于我们", "联系我们", "网站地图"]
    kept = article_after_boilerplate(lines)
    assert kept[:4] == ["城市地铁三号线二期年底开通", *ZH_BODY[:3]]
    assert (set(after_the_box) <= set(kept)) is kept_after


def test_the_body_ends_above_the_comments_whose_posts_are_stamped_with_a_relative_time():
    posts = [line for name, comment in zip(["老街坊", "小桂花", "东区居民", "通勤族"], ZH_LONG_COMMENTS)
             for line in (name, comment, "3小时前", "回复 举报")]
    article = ["城市地铁三号线二期年底开通", *ZH_BODY]
    lines = [*ZH_MENU, *article, "热门评论 12条", *posts, "关于我们", "联系我们", "网站地图"]
    assert article_after_boilerplate(lines) == article


def test_dated_rows_of_a_table_under_a_pages_breadcrumb_are_no_comments():
    # the chrome an earlier stage removed over the headline (a breadcrumb: the wall at 1) stands above the text,
    # not between it and the dated rows: no comments begin there
    rows = ["2 SE Ellery Tolland 41.5 2/18 2:00 PM", "Marrow Point Tolland 37.0 2/18 1:30 PM",
            "Ellery Tolland 34.2 2/18 1:00 PM", "Harlan Falls Airport 0.6 2/18 7:00 AM"]
    lines = ["Active hazards: Winter Weather Advisory until 6 PM EST Thursday · See all hazards",
             "The February Lake-Effect Snow Event", *EN_BODY[:3], "Snowfall Totals", "Location County Total (in) Ending",
             *rows, *EN_BODY[3:], *EN_MORE, *EN_FOOTER]
    assert kept(lines, walls=frozenset({1}))[-len(EN_BODY[3:]) - len(EN_MORE):] == [*EN_BODY[3:], *EN_MORE]


def test_the_body_ends_above_a_related_heading_over_teasers_under_a_repeated_date():
    article = ["City Council Approves Budget", DATED_BYLINE, *EN_BODY, *EN_MORE]
    lines = [*EN_MENU, *article, "More Valley Courier", *dated_teasers(EN_LONG_COMMENTS), *EN_FOOTER]
    assert article_after_boilerplate(lines) == [line for line in article if line != DATED_BYLINE]


@pytest.mark.parametrize("line, holds_date", [
    pytest.param("Wednesday November 20, 2019", True, id="en-date"),
    pytest.param("2019-11-20", True, id="iso-date"),
    pytest.param("2019年11月20日", True, id="zh-date"),
    pytest.param("3小时前", True, id="a-relative-time-stamps-a-post"),
    pytest.param("2 hours ago", True, id="en-relative-time"),
    pytest.param("Rating: 36 Votes", False, id="a-count-is-no-date"),
    pytest.param("The council met on November 20, 2019 and approved the budget for the next year.", False,
                 id="a-sentence-holding-a-date-is-no-date-line"),
])
def test_dates(line, holds_date):
    assert bool(line_shapes([line]).dates[0]) == holds_date


C, R, A = "boilerplate.comments", "boilerplate.related", "boilerplate.answers"


@pytest.mark.parametrize("verdicts, closings", [
    pytest.param([None, C, None, None], {1}, id="a-comment-heading-closes"),
    pytest.param([None, R, None, C, None], {1, 2}, id="related-and-comment-headings-close"),
    pytest.param([None, C, None, C, None, C, None], set(), id="a-comment-button-under-every-post-is-no-heading"),
    pytest.param([None, R, None, C, None, C, None, C], {1}, id="repeated-comment-buttons-leave-a-related-heading"),
    pytest.param([None, "boilerplate.label", None], set(), id="a-label-closes-nothing"),
    pytest.param([None, C, C, *[None] * 25, *[None, None, C] * 4], {1}, id="a-heading-far-above-teasers-each-with-a-count"),
    pytest.param([None, C, *[None] * 25, C, *[None] * 25, C, None], set(),
                 id="a-button-under-each-of-long-posts-is-no-heading"),
    pytest.param([None, C, *[None] * 25, C, None, None, C, None], {1, 26, 28},
                 id="a-heading-and-a-box-of-two-far-below-are-headings"),
    pytest.param([None, C, A, None, None], set(), id="a-comment-button-over-the-answers-is-no-heading"),
    pytest.param([None, C, None, None, A, None], set(), id="the-answers-a-few-lines-under-it"),
    pytest.param([None, C, *[None] * 10, A, None], {1}, id="answers-far-below-a-comment-heading-leave-it"),
])
def test_closing_headings(verdicts, closings):
    assert closing_headings(verdicts) == closings


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
    "closing-note": [*EN_BODY, "(Reporting by Daniel Hart; Editing by Susan Mills)"],
    "original-title": ["Budget Approved", "Original title: Council passes budget", *EN_BODY],
    "products-between-paragraphs": [EN_BODY[0], EN_BODY[1], "Our picks:",
                                    *[line for name in ("Bus Pass", "Rail Card", "Bike Share Plan") for line in
                                      (name, "Works on every line", "Free transfers", "$20.00", "Buy Now")],
                                    EN_BODY[2]],
    "article-about-privacy": ["New Privacy Rules", EN_BODY[0],
                              "The new rules say a site must ask before it stores a cookie on a reader's computer.",
                              EN_BODY[1], EN_BODY[2]],
    "no-body": ["首页", "新闻", "财经"],
}


@pytest.mark.parametrize("lines", CLEAN_ARTICLES.values(), ids=CLEAN_ARTICLES.keys())
def test_a_clean_article_keeps_every_line(lines):
    assert removed(lines) == {}


def test_a_thread_keeps_its_replies_however_short():
    lines = thread(SHORT_REPLIES)
    article = kept(lines)
    assert all(reply in article for reply in SHORT_REPLIES)
    assert not set(EN_MENU) & set(article), "the menu above the thread goes"


SHORT_POSTS = ["Who does the best card tricks on TV these days?", "Hard to say, there are so many good ones.",
               "My vote goes to the old guard who still tour the clubs.", "Agreed, nobody beats them on a stage.",
               "Thanks all, there are great answers here for a beginner."]
SIDEBAR = ["Recent Posts", "Spring Show Dates", "New Members Welcome", "Club Night Moved", "Summer Workshop",
           "Categories", "Events (12)", "News (30)", "Reviews (8)", "Archives", "May 2024", "April 2024"]


def test_a_thread_of_short_posts_is_found_by_its_records():
    lines = [*EN_MENU, "Card tricks on TV", "This topic has 4 replies, 3 voices."]
    for number, post in enumerate(SHORT_POSTS):
        lines += [f"2024-05-{number + 10} at 3:49 pm #{number + 100}", f"member{number % 2}", "Participant", post]
    lines += [*EN_FOOTER, *SIDEBAR, *EN_MENU]
    article = kept(lines)
    assert all(post in article for post in SHORT_POSTS), "no post is worth a body, the thread is"
    assert not set(SIDEBAR) & set(article) and not set(EN_MENU) & set(article)


BUS_PASS_POST = ["My bus pass stopped working this morning and the machine at the station says it has expired.",
                 "I bought it last week at the ticket office and the clerk told me it was valid for a whole month.",
                 "Has anyone had the same problem with the new cards?"]
BUS_PASS_REPLIES = ["Same thing happened to me on Monday, the office swapped it.",
                    "Call the helpline, they fix it in a minute.", "Thanks, that worked for me this afternoon.",
                    "Good to know for next time, cheers."]


def bus_pass_thread(poster_panel):
    lines = [*EN_MENU, "Help: my bus pass stopped working", *BUS_PASS_POST, "Reply", "Quote"]
    for number, reply in enumerate(BUS_PASS_REPLIES):
        lines += [*poster_panel(number), reply, "Reply", "Quote"]
    return [*lines, *EN_FOOTER, *SIDEBAR]


def test_the_buttons_between_a_threads_posts_go_as_separators():
    lines = bus_pass_thread(lambda number: [f"Rider{number}", "Member", f"{number * 7 + 3} posts"])
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} == {"Reply", "Quote", "Member"}
    article = kept(lines)
    assert all(post in article for post in [*BUS_PASS_POST, *BUS_PASS_REPLIES])
    assert kept(article) == article, "judging the kept lines again removes nothing"


def test_the_stamps_of_a_threads_posts_go_as_separators():
    lines = bus_pass_thread(lambda number: [f"Posted May {number + 20}, 2024 at 8:{number}5 am"])
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} == {
        "Reply", "Quote", *(f"Posted May {number + 20}, 2024 at 8:{number}5 am" for number in range(4))}
    assert all(post in kept(lines) for post in [*BUS_PASS_POST, *BUS_PASS_REPLIES])


SHORT_ZH_REPLIES = ["恭喜楼主 油耗确实可以", "坐等下文", "同款车 表示认同", "mark一下 回头细看"]


def test_the_buttons_between_numbered_short_replies_go_as_separators():
    """Replies too short to read as text ("坐等下文") hold no post by their shape; under post numbers they do,
    and the buttons between them go as between posts of text."""
    lines = [*ZH_MENU, "提车三个月说说真实油耗", *ZH_BODY[:3], "回复引用举报"]
    for number, reply in enumerate(SHORT_ZH_REPLIES, start=2):
        lines += [f"{number}楼", f"车友{number}", reply, "回复引用举报"]
    lines += ZH_HOT
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} == {"回复引用举报"}
    article = kept(lines)
    assert all(reply in article for reply in SHORT_ZH_REPLIES)
    assert kept(article) == article, "judging the kept lines again removes nothing"


SCHEDULE = ["8月15日 8:00—11:30 新生报到、缴费 学校体育馆", "8月15日 14:30—17:00 办理住宿手续 学生公寓大厅",
            "8月16日 7:30 军训动员大会 学校田径场"]


@pytest.mark.parametrize("lines, stamps", [
    pytest.param(["a", "2026-07-14 18:22", "b", "2026-07-14 18:30", "c", "2026-07-14 18:41"], [1, 3, 5],
                 id="posts-stamps"),
    pytest.param(["日期 时间 事项 地点", *SCHEDULE, "二、报到需携带材料"], [], id="the-rows-of-a-schedule"),
    pytest.param(["edited Jul 28 at 13:15", "answered Jul 28 at 13:05", "text", "answered Jul 29 at 9:00", "more"],
                 [0, 1, 3], id="two-stamps-of-one-post-are-no-table"),
])
def test_post_stamps(lines, stamps):
    assert post_stamps(lines, line_shapes(lines).kinds) == stamps


def test_a_schedule_in_a_notice_stays():
    lines = [*ZH_MENU, "关于2026级新生报到的通知", *ZH_BODY[:3], "日期 时间 事项 地点", *SCHEDULE, *ZH_BODY[3:],
             *ZH_HOT]
    assert all(row in kept(lines) for row in SCHEDULE)


def test_a_time_in_an_article_is_no_stamp():
    lines = [*EN_MENU, "City Council Approves Budget", *EN_BODY[:3], "Doors open at 7:30 pm", *EN_BODY[3:],
             *EN_FOOTER]
    assert "Doors open at 7:30 pm" in kept(lines)


def test_a_posters_rank_seen_once_between_separators_is_no_post():
    # "Link to comment" / "Share" under every post, the poster's name twice, and a rank or an edit stamp seen
    # once between the separators: the rank is part of the panel, not a post without text
    ranks = ["Organism", "Scientist", "Genius", "Newcomer"]
    lines = [*EN_MENU, "Help: my bus pass stopped working", *BUS_PASS_POST]
    for number, reply in enumerate(BUS_PASS_REPLIES):
        lines += ["Link to comment", "More sharing options...", f"Rider{number % 2}", f"Rider{number % 2}",
                  ranks[number], "Senior Members", f"{number * 40 + 12}", f"{number + 1}.{number}k", "Share", reply,
                  f"Edited May {number + 2}, 2024 by Rider{number % 2}"]
    lines += ["Link to comment", "More sharing options...", *EN_FOOTER, *SIDEBAR]
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} >= {
        "Link to comment", "More sharing options...", "Share", "Senior Members"}
    article = kept(lines)
    assert all(post in article for post in [*BUS_PASS_POST, *BUS_PASS_REPLIES])
    assert kept(article) == article, "judging the kept lines again removes nothing"


@pytest.mark.parametrize("cut, worth, holds", [
    pytest.param([], [10.0] * 12, True, id="nothing-cut"),
    pytest.param([10, 11], [10.0] * 10 + [1.0, 1.0], True, id="a-little-text-under-the-thread"),
    pytest.param([10, 11], [10.0] * 10 + [40.0, 40.0], False, id="much-text"),
    pytest.param([7], [10.0] * 12, False, id="a-line-right-under-a-separator"),
    pytest.param([7], [10.0] * 7 + [-2.0] + [10.0] * 4, False, id="a-name-right-under-a-separator"),
])
def test_separators_hold(cut, worth, holds):
    kept, separators = np.arange(12), [3, 6]        # lines 3 and 6 are the thread's separators
    shapes = line_shapes(["A reply of a few words."] * 12)
    settled = np.setdiff1d(np.delete(kept, separators), cut)
    assert separators_hold(kept, separators, settled, shapes, np.array(worth)) is holds


def test_a_pagers_arrow_right_under_a_separator_is_no_post():
    kept, separators = np.arange(12), [3, 6]
    shapes = line_shapes(["A reply of a few words."] * 7 + ["←", "2"] + ["A reply of a few words."] * 3)
    settled = np.setdiff1d(np.delete(kept, separators), [7, 8])
    assert separators_hold(kept, separators, settled, shapes, np.array([10.0] * 7 + [0.0, 0.0] + [10.0] * 3))


def test_a_posters_label_kept_as_a_separator_goes_once_the_thread_is_settled():
    """A poster's label without its value ("Member Since:", its date on the next line, a clause by its shape
    and so no record's separator) is kept by the boilerplate stage while the page repeats it; once the thread is
    settled it goes too, as the buttons do. A sentence holding the words stays."""
    lines = bus_pass_thread(lambda number: [f"Rider{number}", "Member Since:", f"August {number + 2}, 2011"])
    lines[len(EN_MENU) + 2:len(EN_MENU) + 2] = ["Member since 1998, I have never had a card fail like this one."]
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} == {
        "Reply", "Quote", "Member Since:"}
    article = kept(lines)
    assert all(post in article for post in [*BUS_PASS_POST, *BUS_PASS_REPLIES])
    assert "Member since 1998, I have never had a card fail like this one." in article
    assert kept(article) == article, "judging the kept lines again removes nothing"


def test_the_numbers_of_a_threads_posts_alone_on_their_lines_go_once_the_thread_is_settled():
    """A post's number alone on its line over each post ("#2", XenForo's and phpBB's) heads the post; once the
    thread is settled it goes as the buttons do. A line holding a number among words stays."""
    replies = [*BUS_PASS_REPLIES, *EN_LONG_COMMENTS[:2]]
    lines = [*EN_MENU, "Help: my bus pass stopped working", "#1 on my list was the ticket office, which was closed.",
             *BUS_PASS_POST]
    for number, reply in enumerate(replies):
        lines += [f"#{number + 2}", f"Rider{number}", reply]
    lines += [*EN_FOOTER, *SIDEBAR]
    verdicts = judge_layout(lines)
    assert {line for line, verdict in zip(lines, verdicts) if verdict == SEPARATOR} == {
        f"#{number + 2}" for number in range(len(replies))}
    article = kept(lines)
    assert all(post in article for post in [*BUS_PASS_POST, *replies])
    assert "#1 on my list was the ticket office, which was closed." in article
    assert kept(article) == article, "judging the kept lines again removes nothing"


def test_the_separators_stay_when_without_them_the_thread_reads_otherwise():
    names, towns = ["Anna Berg", "Tom Reyes", "Li Wei", "Sara Okafor"], ["Leeds", "Cork", "Perth", "Lagos"]
    lines = bus_pass_thread(lambda number: [names[number], "Member", towns[number], f"{number * 7 + 3} posts",
                                            f"Joined {2010 + number}"])
    assert SEPARATOR not in judge_layout(lines)
    assert all(post in kept(lines) for post in [*BUS_PASS_POST, *BUS_PASS_REPLIES])


def test_a_tables_repeated_heading_and_rows_in_an_article_stay():
    table = ["Pos Player Games Points", "1 Smith 40 812", "2 Jones 38 790", "3 Brown 41 765"]
    lines = [*EN_MENU, "Season Review: The Top Scorers", EN_BODY[0], *table, EN_BODY[1], *table, EN_BODY[2],
             *table, EN_BODY[3], *table, EN_BODY[4], *EN_FOOTER]
    assert SEPARATOR not in judge_layout(lines)


@pytest.mark.parametrize("lines", [PORTAL, WIRE, COOKIES_AFTER_A_SHORT_ARTICLE, thread(SHORT_REPLIES)],
                         ids=["zh-portal", "en-wire-story", "cookie-banner", "thread"])
def test_judging_the_kept_lines_again_removes_nothing(lines):
    once = kept(lines)
    assert kept(once) == once


def test_walls_follow_chrome_and_metadata_lines_of_earlier_stages():
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(["a", "share", "b", "caption", "c", "editor", "label", "d"])
    doc.verdicts = [None, "boilerplate.share", None, "caption.repeat", None, "meta.editor", "boilerplate.label", None]
    assert chrome_walls(doc.view().verdicts) == frozenset({1, 3}), "a caption or a repeat is no wall"
    doc.verdicts = [None, "boilerplate.poster", None, "boilerplate.share", "boilerplate.poster", None, None, None]
    assert chrome_walls(doc.view().verdicts) == frozenset({2}), "a poster's panel is looked through"
    doc.verdicts = [None, "boilerplate.answers", None, "boilerplate.share", None, None, None, None]
    assert chrome_walls(doc.view().verdicts) == frozenset({2}), "the heading of the answers is looked through"


# A wire story, then the heading of a box of other stories (removed by the boilerplate stage as
# boilerplate.related), the box's headlines, and an excerpt of another story worth a body share.
OTHER_STORIES = [f"{place} Plan Faces New Delay After Vote In The {district} District" for place, district in zip(
    ("Harbour", "Bridge", "Library", "Museum", "Tram", "Ferry", "Market", "Stadium"),
    ("North", "East", "Old Town", "River", "Hill", "Port", "South", "West"))]
STORY_AND_BOX = [*EN_MENU, "City Council Approves Budget", *EN_BODY, "Most Read", *OTHER_STORIES, *EN_MORE[:3],
                 *EN_FOOTER]
BOX = STORY_AND_BOX.index("Most Read")


def test_the_body_ends_above_the_heading_of_a_box_of_other_stories():
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(STORY_AND_BOX)
    doc.verdicts = [None] * BOX + ["boilerplate.related"] + [None] * (len(STORY_AND_BOX) - BOX - 1)
    lines = STORY_AND_BOX[:BOX] + STORY_AND_BOX[BOX + 1:]
    article = [line for line, verdict in zip(lines, Layout().judge(lines, doc.view()).verdicts) if verdict is None]
    assert article == ["City Council Approves Budget", *EN_BODY]


# One best stretch from line 1 to line 7 (worth 207): its last lines cost too little to split it.
STRETCH_VALUES = np.array([-10.0, 50, 50, 50, 50, -1, -2, 10, -10])


@pytest.mark.parametrize("closings, boxes, span", [
    pytest.param(frozenset(), frozenset(), (1, 8), id="no-heading"),
    pytest.param(frozenset({6}), frozenset(), (1, 6), id="a-heading-inside-the-stretch-below-most-of-its-worth-ends-it"),
    pytest.param(frozenset({2}), frozenset(), (1, 8), id="a-heading-above-most-of-its-worth-ends-nothing"),
    pytest.param(frozenset({8}), frozenset(), (1, 8), id="a-heading-below-the-stretch"),
    pytest.param(frozenset({4}), frozenset(), (1, 8), id="a-heading-below-most-but-not-nine-tenths-ends-nothing"),
    pytest.param(frozenset({4}), frozenset({4}), (1, 4), id="a-box-the-article-does-not-go-on-under-ends-it-below-half"),
    pytest.param(frozenset({3}), frozenset({3}), (1, 8), id="a-box-above-half-its-worth-ends-nothing"),
])
def test_body_span_ends_above_a_heading_below_the_text(closings, boxes, span):
    assert body_span(STRETCH_VALUES, stretches(STRETCH_VALUES), [], closings, boxes) == span


# A best stretch on lines 1-4 (worth 200), then a run of records: separators (value 0) on lines 8, 11 and 14.
BESIDE_RECORDS = [-10.0, 50, 50, 50, 50, -2, -2, 3, 0, -2, -2, 0, -2, -2, 0, -10]
RECORDS = Records(8, 15, (8, 11, 14))


@pytest.mark.parametrize("values, records, span", [
    pytest.param(BESIDE_RECORDS, [RECORDS], (1, 5), id="records-without-text-below-a-line-of-text-widen-nothing"),
    pytest.param([-10.0, 50, 50, 50, 50, -2, 0, -2, -2, 0, -2, -2, 0, -10], [Records(6, 13, (6, 9, 12))], (1, 13),
                 id="a-separator-closing-the-text-makes-it-a-post-the-thread-is-kept"),
    pytest.param([-10.0, 50, 50, 50, 50, -30, -30, 3, 0, 40, -30, 0, 40, -30, 0, -10], [RECORDS], (1, 15),
                 id="records-holding-text-worth-a-stretch-are-kept"),
    pytest.param(BESIDE_RECORDS, [], (1, 5), id="no-records"),
])
def test_a_run_of_records_widens_the_body_when_it_holds_text_or_closes_it(values, records, span):
    assert body_span(np.array(values), stretches(np.array(values)), records) == span


def judged_with_heading(page, heading):
    doc = Document(id="p", source="s", location="p")
    doc.set_lines(page)
    at = page.index(heading)
    doc.verdicts = [None] * at + ["boilerplate.related"] + [None] * (len(page) - at - 1)
    lines = page[:at] + page[at + 1:]
    return [line for line, verdict in zip(lines, Layout().judge(lines, doc.view()).verdicts) if verdict is None]


def test_a_heading_above_most_of_the_best_stretch_ends_nothing():
    page = [*ZH_MENU, "关于做好春季农业生产工作的通知", ZH_BODY[0], "相关文件", *ZH_BODY[1:], "附件：春耕物资储备表",
            "市农业农村局", "联系我们", "网站地图", "使用帮助", "隐私声明"]
    assert len(page) > 20
    assert set(ZH_BODY) <= set(judged_with_heading(page, "相关文件"))


# A box of other articles inside the best stretch, below more than half of its worth but not nine tenths: it
# ends the article unless the article goes on under it (paragraphs again, or the replies of a thread that
# close as its first post does); when a paragraph follows its titles right away, they go.
BOX_TITLES = ["Harbour Plan Faces New Delay", "Bridge Repairs To Start In May", "Library Opens On Sundays"]


def labelled_teasers(label, summaries):
    return [line for title, summary in zip(TEASER_TITLES, summaries) for line in (label, title, summary)]


def thread_around_a_box(heading, replies):
    lines = [*EN_MENU, "Help: my bus pass stopped working", "poster", "2 hours ago", *EN_BODY, "Reply", "Quote",
             heading, *BOX_TITLES]
    for number, reply in enumerate(replies):
        lines += [f"rider{number}", f"{number + 1} hours ago", reply, "Reply", "Quote"]
    return [*lines, *EN_FOOTER]


BUDGET = ["City Council Approves Budget", *EN_BODY, *EN_MORE[:2]]


@pytest.mark.parametrize("page, heading, gone", [
    pytest.param([*EN_MENU, *BUDGET, "More from City Hall", *labelled_teasers("City Hall", EN_LONG_COMMENTS),
                  *EN_FOOTER], "More from City Hall", labelled_teasers("City Hall", EN_LONG_COMMENTS),
                 id="teasers-under-a-label-go"),
    pytest.param([*EN_MENU, *BUDGET[:-1], "Most Read", *BOX_TITLES[:2], *EN_MORE[1:4], *EN_FOOTER], "Most Read",
                 BOX_TITLES[:2], id="paragraphs-under-the-box-stay-its-titles-go"),
    pytest.param([*EN_MENU, *BUDGET[:-1], "Most Read", *BOX_TITLES[:2], "Transport first", EN_MORE[1],
                  "What critics say", EN_MORE[2], EN_MORE[3], *EN_FOOTER], "Most Read", [],
                 id="paragraphs-between-subheadings-under-the-box-stay"),
    pytest.param(thread_around_a_box("Popular Posts", EN_LONG_COMMENTS[:2]), "Popular Posts", ["Reply", "Quote"],
                 id="replies-under-a-box-between-posts-stay"),     # the buttons between them go (poster_separators)
])
def test_a_box_inside_the_best_stretch_ends_the_article_unless_it_goes_on(page, heading, gone):
    chrome = {*EN_MENU, heading, *EN_FOOTER, *gone}
    assert judged_with_heading(page, heading) == [line for line in page if line not in chrome]


STORY = ["Council Approves Harbour Budget", *EN_BODY, *EN_MORE]


@pytest.mark.parametrize("heading, box, gone", [
    pytest.param("Related Stories", BOX_TITLES, BOX_TITLES, id="titles-between-paragraphs-go"),
    pytest.param("Related", ["Harbour Plan Faces New Delay", "Ferry Fares To Rise In Spring…"],
                 ["Harbour Plan Faces New Delay", "Ferry Fares To Rise In Spring…"], id="a-headline-and-a-teaser-go"),
    pytest.param("相关新闻", ["港口扩建工程再次推迟开工", "轮渡票价明年春季上调"], ["港口扩建工程再次推迟开工", "轮渡票价明年春季上调"],
                 id="chinese-titles-go"),
    # negatives
    pytest.param("Related", ["What the budget means for bus riders"], [],
                 id="one-line-under-the-heading-is-the-next-part's-heading"),
    pytest.param("Related", ["Schools", "Harbour Plan Faces New Delay"], [], id="a-menu-item-is-no-title"),
    pytest.param("Related", ["Harbour Plan Faces New Delay", "Bridge Repairs To Start In May", "Schools"],
                 [], id="no-paragraph-right-under-the-titles"),
])
def test_the_titles_of_a_box_set_in_the_article_go(heading, box, gone):
    page = [*EN_MENU, *STORY[:4], heading, *box, *STORY[4:], *EN_FOOTER]
    kept = judged_with_heading(page, heading)
    assert [line for line in page if line in STORY] == [line for line in kept if line in STORY]
    assert [line for line in box if line not in kept] == gone


def test_without_the_heading_the_box_and_the_excerpt_stay_with_the_body():
    lines = STORY_AND_BOX[:BOX] + STORY_AND_BOX[BOX + 1:]
    assert set(OTHER_STORIES + EN_MORE[:3]) <= set(kept(lines))


def test_pages_from_html_are_left_alone():
    html = DocView(title=None, lang="zh", format="html", source="s")
    assert Layout().judge(PORTAL, html).verdicts == [None] * len(PORTAL)
    txt = DocView(title=None, lang="zh", format="txt", source="s")
    assert Layout().judge(PORTAL, txt).verdicts == judge_layout(PORTAL)


def test_a_page_whose_every_line_an_earlier_stage_removed_is_left_alone():
    """A long page of one repeated line: the repeats stage took every line, and the layout stage, judging the
    page by its lines before (page_lines), crashed on none left."""
    txt = DocView(title=None, lang="zh", format="txt", source="s", verdicts=("repeat.paragraph",) * 30)
    assert Layout().judge([], txt).verdicts == []


PAGE_LINES = [
    ZH_BODY[0], EN_BODY[2], "首页 新闻 国内", "Home | News", "", "a", "2024-03-05 10:21:09",
    "He said: \"yes.\" Then left.", "中文,English;混合:text.", "价格：60,000₩ 🙂", "𠀀𠀁 ext-B ideographs",
    "Ünïcödé wörds, ça va? Oui!", "end with a mark.", "..." * 3, "x" * 300,
]


def test_units_of_a_whole_page_are_those_of_each_line():
    text = "\n".join(PAGE_LINES) + "\n"
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.array([len(line) for line in PAGE_LINES])
    starts = np.cumsum(lengths + 1) - 1 - lengths
    units, punctuation = units_and_punctuation_of_lines(codes, starts)
    assert list(zip(units.tolist(), punctuation.tolist())) == [units_and_punctuation(line) for line in PAGE_LINES]


WECHAT_SHORT = [["活动现场人头攒动", "不少市民带着孩子前来"], ["据了解", "本次展览将持续一个月", "免费向市民开放"],
                ["馆内共设四个展区", "展品多达三百余件"], ["展区一：城市记忆", "展区二：老街新貌", "展区三：山水之间",
                                                  "展区四：未来之城"]]
WECHAT_TEXT = [["周末上午，市博物馆新馆正式对外开放，首个特展吸引了大批市民前来参观。",
                "馆方介绍，新馆建筑面积约三万平方米，是原馆的三倍，展厅、库房和修复室都按照国家一级博物馆的标准建设。"],
               ["讲解员介绍，不少展品是第一次与公众见面，其中一批老照片由市民自发捐赠。",
                "这些照片记录了上世纪城市街巷的模样，许多老人在照片前驻足良久，认出了自己当年住过的院子。"],
               ["参观者需通过官方平台提前预约，每天上午九点和下午两点各放出一批名额。",
                "馆方提醒，节假日客流较大，建议市民错峰前往，并尽量选择公共交通出行，馆区周边停车位有限。"],
               ["馆方表示，后续还将推出面向中小学生的研学课程，欢迎各学校组团参观。",
                "课程将由馆内研究人员和志愿者共同讲授，内容涵盖城市历史、考古常识和文物保护等方面。"]]


def wechat_post(last_run, after):
    """A post set in short lines between paragraphs, then `last_run` and `after` under its last paragraph."""
    body = [line for short, text in zip(WECHAT_SHORT, WECHAT_TEXT) for line in (*short, *text)]
    return [*ZH_MENU, "市博物馆新馆开放", *body, *last_run, *after, *ZH_HOT, "关于我们", "联系我们", "网站地图"]


CLOSING_TEXT = ["参观时请保管好随身物品，照顾好老人和孩子。", "馆内禁止使用闪光灯拍照，禁止触摸展品。"]
QUESTION_TITLES = ["新馆停车难怎么办？", "周边还有哪些好去处？"]
OPENING_HOURS = ["新馆开放时间为每周二至周日", "上午九点至下午五点", "每周一例行闭馆", "法定节假日照常开放"]


@pytest.mark.parametrize("last_run, after, expected", [
    pytest.param(OPENING_HOURS, CLOSING_TEXT, True, id="short-lines-then-paragraphs-are-the-posts"),
    pytest.param([*OPENING_HOURS, "寒暑假期间延长开放时间", "具体安排另行通知"], CLOSING_TEXT, False,
                 id="a-run-longer-than-the-bodys-own-ends-it"),
    pytest.param(OPENING_HOURS, QUESTION_TITLES, False, id="questions-under-the-run-are-no-paragraphs"),
])
def test_an_article_set_in_short_lines_goes_on_under_a_run_of_them(last_run, after, expected):
    lines = wechat_post(last_run, after)
    article = [*last_run, *after]
    assert (set(article) <= set(kept(lines))) is expected
    assert not set(ZH_HOT) & set(kept(lines))


def test_a_news_story_ends_at_a_run_of_short_lines_under_its_body():
    lines = [*ZH_MENU, "市博物馆新馆开放", *ZH_BODY, *OPENING_HOURS, *CLOSING_TEXT, *ZH_HOT, "关于我们", "联系我们", "网站地图"]
    assert kept(lines) == ["市博物馆新馆开放", *ZH_BODY]


HEAD_BOX = ["1 多地出台新政支持首套房贷款", "2 这个假期哪里人最多", "3 高速公路免费通行时间公布"]


@pytest.mark.parametrize("box, gone", [
    pytest.param(HEAD_BOX, HEAD_BOX, id="titles-over-the-headline-go-the-headline-stays"),
    pytest.param(HEAD_BOX[:1], [], id="one-line-over-the-headline-stays"),
])
def test_a_box_of_other_titles_over_the_headline(box, gone):
    """A box of other articles (a hot list under "热点新闻") printed right over the headline, with the article's
    first paragraph right under the headline: its titles go, the headline the metadata stage found stays (it is
    no title of the box, though a paragraph stands right under it)."""
    page = [*ZH_MENU, "热点新闻", *box, ZH_HEADLINE, *ZH_BODY, "关于我们", "联系我们", "网站地图", "使用帮助",
            "隐私声明", "版权所有", "举报电话", "网站标识码"]
    verdicts = [None] * len(page)
    verdicts[page.index("热点新闻")] = "boilerplate.related"
    lines = [line for line, verdict in zip(page, verdicts) if verdict is None]
    view = DocView(title=ZH_HEADLINE, lang="zh", format="txt", source="s", verdicts=verdicts)
    kept = [line for line, verdict in zip(lines, Layout().judge(lines, view).verdicts) if verdict is None]
    assert [line for line in box if line not in kept] == gone
    assert kept[len(box) - len(gone):] == [ZH_HEADLINE, *ZH_BODY]


EN_TEASERS = [    # other stories, each title run into its summary as a renderer prints a teaser
    "Storm Knocks Out Power Along The CoastThousands of homes were without power on Monday after the storm hit.",
    "Schools Reopen After FloodingPupils went back to class on Tuesday in all but two of the district's schools.",
    "Bridge Repairs Begin Next MonthDrivers should expect delays on the river crossing until the end of March.",
    "Farmers Market Moves Indoors For WinterThe market opens in the old tram depot every Saturday from nine.",
]


@pytest.mark.parametrize("dated, kept_teasers", [
    pytest.param(True, False, id="dated-headline-the-teasers-above-its-menu-go"),
    pytest.param(False, True, id="headline-without-a-dateline-the-teasers-stay"),
])
def test_the_head_starts_under_the_menu_over_a_dated_headline(dated, kept_teasers):
    """Teasers of other stories with their summaries hold text, and join the body's stretch over a short
    article; a headline with a dateline under it (the metadata stage found and removed the dateline) marks
    where the article starts: not above the run of menu items over it."""
    headline = "City Council Approves Budget"
    page = [*EN_MENU, *EN_TEASERS, *EN_FOOTER, headline, "June 12, 2024 at 10:30 am", *EN_BODY[:4], *EN_FOOTER]
    verdicts = [None] * len(page)
    verdicts[page.index(headline) + 1] = "meta.date" if dated else "boilerplate.label"
    lines = [line for line, verdict in zip(page, verdicts) if verdict is None]
    view = DocView(title=headline, lang="en", format="txt", source="s", verdicts=verdicts)
    kept = kept_by_stage(lines, view)
    assert kept[-4:] == EN_BODY[:4] and headline in kept
    assert all(teaser in kept for teaser in EN_TEASERS) == kept_teasers


@pytest.mark.parametrize("over, kept_over", [
    pytest.param([*OTHER_HEADLINES[:4], "Local News"], ["Local News"], id="a-list-of-headlines-goes-its-kicker-stays"),
    pytest.param([*OTHER_HEADLINES[:2], "Local News"], ["Local News"], id="three-list-shaped-lines-are-a-list"),
    pytest.param([OTHER_HEADLINES[0], "Local News"], [OTHER_HEADLINES[0], "Local News"],
                 id="two-list-shaped-lines-stay"),
])
def test_the_head_starts_at_the_kicker_of_a_dated_headline_under_a_list(over, kept_over):
    """Over a headline with a dateline under it stands its kicker (a section's name, an upper title), not a
    list of other headlines."""
    headline = "City Council Approves Budget"
    page = [*EN_MENU, "Read the news of the valley every morning:", *over, headline, "June 12, 2024 at 10:30 am",
            *EN_BODY[:4], *EN_FOOTER]
    verdicts = [None] * len(page)
    verdicts[page.index(headline) + 1] = "meta.date"
    lines = [line for line, verdict in zip(page, verdicts) if verdict is None]
    view = DocView(title=headline, lang="en", format="txt", source="s", verdicts=verdicts)
    kept = kept_by_stage(lines, view)
    assert kept[-5:] == [headline, *EN_BODY[:4]]
    assert [line for line in over if line in kept] == kept_over


@pytest.mark.parametrize("kinds, units, start", [
    pytest.param([ITEM] * 4 + [HEADLINE, HEADLINE], [4] * 4 + [24, 36], 3, id="a-standfirst-found-its-headline-stays"),
    pytest.param([HEADLINE] * 5 + [HEADLINE], [28] * 5 + [30], 5, id="the-last-of-a-list-is-no-headline"),
    pytest.param([ITEM] * 5 + [HEADLINE], [4] * 5 + [30], 4, id="a-menu-item-right-over-it-is-its-kicker"),
    pytest.param([ITEM] * 4 + [HEADLINE, HEADLINE], [4] * 4 + [36, 24], 4, id="a-title-over-a-subtitle-under-a-menu"),
    pytest.param([HEADLINE] * 4 + [HEADLINE, HEADLINE], [28] * 4 + [36, 24], 5,
                 id="the-last-of-a-list-over-a-subtitle-is-no-title"),
    pytest.param([PROSE, ITEM, ITEM, HEADLINE], [60, 4, 4, 30], 0, id="a-short-run-sets-no-start"),
])
def test_kicker_start(kinds, units, start):
    listed = [kind in (HEADLINE, ITEM) for kind in kinds]
    assert kicker_start(kinds, units, listed, len(kinds) - 1) == start


# A Q&A page as a text dump: the question, its comment button, then the heading of the answers and short answers.
QA_QUESTION = [
    "My tomato plants are in large pots on a south-facing balcony. Since the first hot week of July the upper "
    "leaves have rolled up along their length, although the plants still flower and set fruit.",
    "I water every evening and feed them once a week with a general liquid feed from the garden centre, and "
    "the compost is a peat-free mix I bought in spring. The lower leaves look normal and green, and the stems "
    "are thick, but the new growth at the top has become stiff and leathery over the last ten days.",
    "Is this a disease, or should I change how I grow them? I would rather not spray anything on plants we "
    "eat from, so I would like to understand the cause first.",
]
QA_ANSWERS = ["That is leaf roll from heat and strong sun, not a disease.",
              "Give the pots some shade in the afternoon and water in the morning.",
              "Check the feed as well: too much nitrogen makes leaves curl.",
              "Mine did the same in pots; bigger pots fixed it."]
QA_PAGE = [
    "Garden Answers", "Home", "Questions", "Tags", "Users", "Unanswered",
    "Why do my tomato leaves curl upwards in midsummer?", "Ask Question", "Asked 2 days ago · Viewed 310 times",
    "Up vote", "7", "Down vote", *QA_QUESTION,
    "tomatoes leaves heat", "Share Edit Follow", "asked Jul 20 at 18:05 Ines P.",
    "Add a comment", "3 Answers", "Sorted by: Highest score", "12", "✓ Accepted", *QA_ANSWERS[:2],
    "Share Edit Follow", "answered Jul 20 at 19:12 Tom Berg",
    "* Shade cloth did it, thanks! – Ines P. Jul 22 at 09:50", "3", QA_ANSWERS[2],
    "Share Edit Follow", "answered Jul 21 at 07:40 Ana Ruiz", "* Good point. – Tom Berg Jul 21 at 08:15",
    "1", QA_ANSWERS[3], "Share Edit Follow", "answered Jul 22 at 10:02 Sam Okafor",
    "* Which size? – Ines P. Jul 22 at 11:30", "* Forty litres. – Sam Okafor Jul 22 at 12:05",
    "Your Answer", "Post Your Answer", "Related", "How deep should a tomato pot be?",
    "Why do pepper flowers drop?", "Can I grow basil next to tomatoes?", "When should I pinch out side shoots?",
    "About", "Help", "Contact", "Privacy",
]


def test_the_answers_under_a_questions_comment_button_stay():
    from corpusclean.api import clean_text

    text = clean_text("\n".join(QA_PAGE))["text"]
    for line in (*QA_QUESTION, *QA_ANSWERS):
        assert line in text
    assert "How deep should a tomato pot be?" not in text


@pytest.mark.parametrize("lines, runs", [
    pytest.param(["楼主", "1楼 2026-07-14 18:22 回复", "顶", "2楼 2026-07-14 18:30 回复", "马住",
                  "来自Android客户端3楼 2026-07-14 18:41 回复"], [[1, 3, 5]], id="zh-floors"),
    pytest.param(["#1", "First!", "#2", "Same here.", "#3"], [[0, 2, 4]], id="en-post-numbers"),
    pytest.param(["1F", "a", "2F", "b", "5F", "c"], [[0, 2, 4]], id="a-deleted-post-leaves-a-gap"),
    pytest.param(["2^# 发表于 2026-4-9 11:02", "a", "3^# 发表于 2026-4-9 12:35", "b", "4^# 发表于 2026-4-9 13:20"],
                 [[0, 2, 4]], id="w3m-superscript-marks"),
    pytest.param(["1楼", "a", "2楼", "b", "9楼"], [], id="a-far-jump-breaks-the-run"),
    pytest.param(["1楼", "a", "2楼"], [], id="two-posts-are-no-run"),
    pytest.param(["#3", "a", "#2", "b", "#1"], [], id="numbers-going-down"),
    pytest.param(["我住在1楼，每天早上七点出门，走到2楼的邻居家里聊一会儿天，然后再上3楼去找朋友一起去公园散步。"] * 3, [],
                 id="floors-in-prose"),
])
def test_numbered_posts(lines, runs):
    assert numbered_posts(lines, line_shapes(lines)) == runs


# A thread as a text dump whose posts have their number and date under them, as a Chinese forum prints them:
# the first post is long, the replies a line each.
FLOORS_FIRST_POST = [
    "上周末带孩子去了城西新开的科技馆，整体感觉不错，说几点给准备去的家长参考。",
    "第一，一定要提前在公众号预约，现场不卖票，我们差点没进去，门口排队的人很多。",
    "第二，三楼的航天展厅最受欢迎，建议一开门就先去，十点以后人就多得走不动了。",
    "第三，馆里的餐厅价格偏高，可以自己带点水和零食，休息区可以吃东西。",
]
FLOORS_REPLIES = ["谢谢分享，周六就去", "顶", "航天展厅确实好看，孩子玩了一上午", "请问停车方便吗？",
                  "地下车库很大，周末也有位置", "马住"]
FLOORS_PAGE = [
    "城西论坛首页 消息 登录 注册", "城西亲子吧 关注 签到", "关注：52,118 贴子：801,334",
    "城西新开的科技馆去过了，说几点经验", "* 只看楼主", "* 收藏", "* 回复", "回复贴：7 1 下一页 尾页",
    "爱跑步的老爸", "亲子吧 6级", *FLOORS_FIRST_POST, "1楼 2026-05-10 20:12 回复",
]
for floor, reply in enumerate(FLOORS_REPLIES, 2):
    FLOORS_PAGE += [f"网友{floor}号", f"亲子吧 {floor % 5 + 1}级", reply, f"{floor}楼 2026-05-10 {floor + 10}:05 回复"]
FLOORS_PAGE += ["1 下一页 尾页", "发表回复", "发贴请遵守社区公约", "亲子吧 热议", "1. 暑假带娃去哪儿玩",
                "2. 幼升小要准备什么", "3. 周末亲子餐厅推荐", "4. 儿童自行车怎么选", "©2026 城西论坛 隐私政策 意见反馈"]


def test_the_replies_of_a_thread_numbered_under_each_post_stay():
    from corpusclean.api import clean_text

    text = clean_text("\n".join(FLOORS_PAGE))["text"]
    for line in (*FLOORS_FIRST_POST, *FLOORS_REPLIES):
        assert line in text


BIO = "Daniel Hart is a senior reporter covering city hall for the Valley Courier. He can be reached at dhart@example.com."
A_STORY_ABOUT_A_REPORTER = [
    "Maria Lopez is a reporter for the Valley Courier who was detained for six hours at the border last week.",
    "She said officers searched her phone and notebooks and asked about her sources at city hall.",
    "The newspaper's editor wrote to the state's attorney general on Monday asking for an inquiry.",
    "A spokesman for the border agency said the search followed its rules and declined to comment further.",
]


@pytest.mark.parametrize("article, bio_kept", [
    pytest.param([HEADLINE_EN, *EN_BODY, *EN_MORE, BIO], False, id="the-authors-bio-under-the-article-goes"),
    pytest.param([HEADLINE_EN, *EN_BODY, BIO, *EN_MORE], True, id="paragraphs-under-it-make-it-the-articles"),
    pytest.param([HEADLINE_EN, *A_STORY_ABOUT_A_REPORTER, *EN_BODY], True, id="a-story-about-a-reporter"),
])
def test_the_authors_bio_closes_the_article(article, bio_kept):
    lines = [*EN_MENU, *article, *EN_RELATED, *EN_FOOTER]
    text = kept(lines)
    assert (BIO in text or A_STORY_ABOUT_A_REPORTER[0] in text) is bio_kept
    assert all(line in text for line in [*EN_BODY] if line in article)


SITE_BLURB = ("The Valley Courier has covered the towns of the upper valley since 1921 and is owned by its readers, "
              "who elect its board every spring.")


@pytest.mark.parametrize("link, under, kept_under", [
    pytest.param("Next article: Storm knocks out power to thousands", [SITE_BLURB], False,
                 id="the-site-under-the-next-articles-link-goes"),
    pytest.param("Read more: Storm knocks out power to thousands", EN_MORE[:2], True,
                 id="paragraphs-under-a-link-in-the-text-stay"),
])
def test_a_link_to_the_next_article_closes_it(link, under, kept_under):
    from corpusclean.api import clean_text

    page = [*EN_MENU, HEADLINE_EN, *EN_BODY, EN_MORE[2], link, *under, *EN_RELATED, *EN_FOOTER]
    text = clean_text("\n".join(page))["text"]
    assert all(line in text for line in EN_BODY)
    assert all((line in text) is kept_under for line in under)


def test_the_authors_bio_closes_the_article_in_a_second_run_as_in_the_first():
    """Under the bio, the summaries of a box whose heading an earlier stage removed (a closing above the
    first): the text seems to go on under the bio until the box is cut, and judged again the bio closes it."""
    bio = "Dana Reyes is a freelance writer living in Valley City"
    summaries = ["Plows worked through the night to clear the highway after the first big snow of the year.",
                 "The river rose a foot overnight and the county has closed two boat ramps until Friday.",
                 "A bakery that opened in a garage six years ago is moving to a storefront downtown."]
    body = [*EN_BODY, *EN_MORE, *(f"{line[:-1]}, the clerk's minutes of meeting {number} say." for number, line in
                                   enumerate([*EN_BODY, *EN_MORE], 2))]
    lines = [*EN_MENU, HEADLINE_EN, *body, bio, "We send the day's top stories every evening.", *summaries,
             *EN_FOOTER]
    once = [line for line, verdict in zip(lines, judge_layout(lines, closings=frozenset({lines.index(summaries[0])})))
            if verdict is None]
    assert kept(once) == once
    assert bio not in once and all(line in once for line in EN_BODY)


ZH_PRODUCT_CARD = ["岱北春芽 2026新茶 绿茶 250g罐装", "¥89 ¥128 券后价", "已售3000+ · 好评率98%", "去购买 加入购物车"]


def test_a_product_card_between_paragraphs_does_not_end_the_article():
    """A shopping guide's card (a product's name, its prices, its sales and its buttons) stands between the
    paragraphs: its rows go and the paragraphs under it stay."""
    from corpusclean.api import clean_text

    page = [*ZH_MENU, ZH_HEADLINE, *ZH_BODY[:2], *ZH_PRODUCT_CARD, *ZH_BODY[2:], *ZH_HOT, "关于我们", "联系我们"]
    text = clean_text("\n".join(page))["text"]
    assert all(line in text for line in ZH_BODY)
    assert not any(line in text for line in ZH_PRODUCT_CARD[1:])



@pytest.mark.parametrize("notice, cut", [
    pytest.param(30.0, None, id="a-posters-panel-under-a-notice-is-the-first-posts"),
    pytest.param(90.0, 13, id="under-text-worth-a-body-the-posts-are-comments"),
])
def test_comments_start_not_under_a_posters_panel_at_the_body_top(notice, cut):
    """A board's notice, five short lines and the first post's panel (its labels are records' separators,
    6 lines down), the first post, a removed chrome line, three replies under dated headers: a thread, unless
    the text above the panel is worth a body of its own (an article with comments whose form repeats labels)."""
    kinds = np.array([PROSE, *[ITEM] * 5, REPEAT, ITEM, REPEAT, *[PROSE] * 4, ITEM,
                      *[DATED, PROSE, ITEM, REPEAT, ITEM, REPEAT, PROSE, ITEM, ITEM, ITEM] * 3])
    values = np.where(kinds == PROSE, 25.0, -1.0)
    values[0] = notice
    records = [Records(6, len(kinds), (6, 8, 17, 19, 27, 29, 37, 39))]
    assert comments_start(kinds, values, records, frozenset({13}), 0, len(kinds)) == cut


SCHEDULE = ["车次 区间 开行日期 开点 到点", "D7751 栖州—梧川 4月30日 07:12 09:48", "D7752 梧川—栖州 4月30日 10:35 13:06",
            "K4127 栖州—北滨 5月1日 21:40 06:55"]


@pytest.mark.parametrize("lines, figures", [
    pytest.param(["现将加开列车公告如下：", *SCHEDULE, "特此公告。"], [1, 2, 3, 4], id="a-schedule-under-its-headings"),
    pytest.param(["加开列车如下：", "一、加开列车", "车次区间开行日期开点到点", *SCHEDULE[1:], "特此公告。"], [3, 4, 5],
                 id="dated-rows-under-a-lead-in-headings-run-together"),
    pytest.param(["加开列车", *SCHEDULE[1:], "特此公告。"], [], id="dated-rows-without-headings"),
    pytest.param(["各服务点时间如下：", "服务点地址服务时间", "市民中心大厅栖州路8号每天 8:30-17:00",
                  "东湖服务站东湖公园北门每天 9:00-20:00", "高铁站服务点南广场出口旁周六、周日 9:00-16:00", "特此公告。"],
                 [2, 3, 4], id="rows-of-two-cells-under-a-lead-in"),
    pytest.param(["评论 3", "老股民 学习了 03-22 21:30 赞 12", "小白 深有体会 03-22 21:41 赞 28",
                  "船长 好文章 03-22 22:05 赞 3"], [], id="comments-under-their-heading"),
])
def test_a_table_of_dated_rows_under_its_headings_is_data(lines, figures):
    shapes = line_shapes(lines)
    marked = tables_marked(lines, shapes)
    assert [index for index in range(len(lines)) if marked.kinds[index] == FIGURES != shapes.kinds[index]] == figures


GUESTBOOK = ["青梁网友：祝祭祖活动圆满成功！", "北滨网友：请问族谱续修还收资料吗？"]
SIDEBAR_OVER_HEADLINE = [
    "·关于续修族谱征集资料的通知", "·宗祠后厅修缮工程完工公示", "·年度助学金发放名单公示", "捐资芳名", "陈国栋 10000元",
    "陈美华 6000元", "陈志远 5000元", "宗亲留言", *GUESTBOOK, "我要留言",
]


def test_a_sidebars_lines_over_a_dated_headline_are_no_article():
    """(A kicker over the headline stays: the first seed's two title lines over its headline.)"""
    from corpusclean.api import clean_text

    page = [*ZH_MENU, *SIDEBAR_OVER_HEADLINE, "陈氏宗亲联谊会举行清明祭祖大典", "发布时间：2026-04-05 点击：126", *ZH_BODY,
            "相关文章", "·陈氏宗亲赴外地开展寻根交流活动 2025-10-12", "·陈氏宗祠修缮工程正式动工 2025-03-02",
            "·宗亲联谊会召开年度理事会议 2025-01-18", "联系我们 | 网站地图"]
    text = clean_text("\n".join(page))["text"]
    assert all(line in text for line in ZH_BODY) and "陈氏宗亲联谊会举行清明祭祖大典" in text
    assert not any(line in text for line in GUESTBOOK)


FILM_NEWS = [
    "星河网讯 4月21日，电影《雾中来信》在栖州举行定档发布会，宣布将于5月20日全国上映。",
    "影片由青年导演执导，讲述了一位在海岛灯塔工作了三十年的父亲与女儿之间的故事。",
    "在当天的发布会上，饰演父亲的演员透露，为了演好灯塔看守人，他在海岛上生活了两个月。",
    "导演介绍，影片中出现的信件全部由剧组手写完成，前后写了两百多封。",
]
LAST_PARAGRAPH = "据悉，该片此前曾入围今年春季一个国际电影节的新人单元，上映前还将在六座城市举行点映。"


def test_the_last_paragraph_under_a_box_set_in_the_article_stays():
    from corpusclean.api import clean_text

    page = [*ZH_MENU, "《雾中来信》定档5月20日", "2026-04-21 16:20 来源：星河网", *FILM_NEWS, "延伸阅读：",
            "《雾中来信》曝首款概念海报 两位主演首度合作", "青年导演：我想拍一部关于等待的电影", LAST_PARAGRAPH,
            "（责任编辑：陆芊）", "分享到：微信 微博 QQ空间", "星河网友 [栖州]", "预告片已经哭了，一定去看",
            "星河网友 [梧川]", "灯塔的故事很打动人", "星河网友 [青梁]", "期待上映", "·某电影票房破十亿 2026-04-20",
            "·某剧定档暑期 2026-04-19", "·某综艺第二季开播 2026-04-18", "关于我们 | 联系我们 | 网站地图"]
    text = clean_text("\n".join(page))["text"]
    assert all(line in text for line in [*FILM_NEWS, LAST_PARAGRAPH])
    assert "青年导演：我想拍一部关于等待的电影" not in text


def test_a_short_notice_under_its_dated_headline_is_the_article():
    """A fixing notice: one line over its table of rates, its makers, its signature and date, less than a
    body's worth of text; under its dated headline, it is the article down to the chrome under it, and the
    lists under that go."""
    headline = "2026年5月8日外汇市场人民币汇率中间价公告"     # over its dateline, which the metadata stage removed
    notice = ["栖川银行间市场交易中心受权公布，2026年5月8日银行间外汇市场人民币汇率中间价为：", "货币对 中间价",
              "USD/CNY 7.1826", "EUR/CNY 7.7652", "100JPY/CNY 4.8011", "HKD/CNY 0.92310",
              "人民币汇率中间价报价行：栖川商业银行、北辰银行等十五家做市商银行。", "栖川银行间市场交易中心", "2026年5月8日"]
    others = ["最新市场公告", "* 关于假期银行间市场休市安排的公告", "* 关于调整外汇交易系统交易时段的通知",
              "* 关于新增三家即期做市商的公告", "* 关于发布新版交易规则的通知"]
    lines = [*ZH_MENU, headline, *notice, *others, "联系我们 | 网站地图 | 法律声明"]
    pager = len(ZH_MENU) + 1 + len(notice)     # "上一篇：… 下一篇：…", which an earlier stage removed, stood here
    verdicts = judge_layout(lines, walls=frozenset({pager}), title=headline, dated=headline)
    assert [line for line, verdict in zip(lines, verdicts) if verdict is None] == [headline, *notice]


def test_a_brief_under_its_headline_ends_at_the_box_of_other_articles():
    """A one-paragraph brief among menus holds less than a body's worth of text: no body is found. Under the
    title the metadata stage found, it runs down to the first box of other articles, and what stands above the
    title and under the box goes (the page's other lines were all kept before)."""
    headline = "5月份贷款市场报价利率维持不变"
    brief = ("栖州日报讯 5月20日，栖州银行间同业拆借中心公布，1年期贷款市场报价利率为3.45%，"
             "5年期以上为3.95%，均与上月持平。")
    related = ["4月份贷款市场报价利率维持不变", "一季度栖州存款同比少增", "专家：降准仍有空间",
               "银行理财规模回升"]
    hot = ["热门文章", *(f"{n}{title}" for n, title in enumerate(
        ["栖州出台购房新政", "新能源车销量创新高", "栖州地铁五号线开通", "一季度GDP数据公布",
         "栖州取消住房限购", "栖州港吞吐量增长"], start=1))]
    lines = [*ZH_MENU, *ZH_MENU, headline, brief, *related, *hot, *EN_FOOTER]
    box = len(ZH_MENU) * 2 + 2      # the box's first title: its heading ("相关阅读") stood over it, removed earlier
    verdicts = judge_layout(lines, related=frozenset({box}), closings=frozenset({box}), title=headline)
    assert [line for line, verdict in zip(lines, verdicts) if verdict is None] == [headline, brief]


def test_without_a_box_under_it_a_page_without_a_body_loses_only_the_menus_opening_it():
    headline = "5月份贷款市场报价利率维持不变"
    brief = "栖州日报讯 5月20日，1年期贷款市场报价利率为3.45%，与上月持平。"
    lines = [*ZH_MENU, *ZH_MENU, headline, brief, *ZH_HOT, *EN_FOOTER]
    kept = [line for line, verdict in zip(lines, judge_layout(lines, title=headline)) if verdict is None]
    assert kept == [headline, brief, *ZH_HOT, *EN_FOOTER]


HEADLINES_SET_AS_TEXT = [
    "Storm Knocks Out Power To Thousands Along The Coast",
    "Ferry fares rise again, commuters say enough, and the operator blames fuel",
    "Local Team Clinches Playoff Spot With Late Goal",
    "After the flood, a town rebuilds its bridge, its school and its trust",
    "School Board Delays Vote On New Start Times",
    "Why Are Rents Still Rising In The Suburbs?",
]


def test_titles_with_commas_in_a_headline_list_under_the_article_end_it():
    """A title holding commas but no end mark is shaped as text; in a run of headlines under the article it is
    one of them: neither counted nor breaking the run."""
    lines = [*EN_MENU, *EN_BODY, *EN_MORE, *HEADLINES_SET_AS_TEXT, *EN_FOOTER]
    kept = [line for line, verdict in zip(lines, judge_layout(lines)) if verdict is None]
    assert kept == [*EN_BODY, *EN_MORE]


def test_the_same_list_under_its_lead_in_is_the_articles():
    lead_in = "The council's agenda for the next meeting lists these items:"
    lines = [*EN_MENU, *EN_BODY, *EN_MORE, lead_in, *HEADLINES_SET_AS_TEXT[:4], *EN_FOOTER]
    kept = [line for line, verdict in zip(lines, judge_layout(lines)) if verdict is None]
    assert kept == [*EN_BODY, *EN_MORE, lead_in, *HEADLINES_SET_AS_TEXT[:4]]


FUND_NOTICE_ROWS = ["1 公告基本信息", "基金名称 栖川稳健收益债券型证券投资基金", "基金简称 栖川稳健收益债",
                    "基金主代码 016281", "基金管理人名称 栖川基金管理有限公司", "基金托管人名称 梧川银行股份有限公司",
                    "公告依据 《栖川稳健收益债券型证券投资基金基金合同》", "收益分配基准日 2026年4月10日",
                    "2 下属分级基金的相关指标", "下属分级基金的基金简称 栖川稳健收益债A 栖川稳健收益债C",
                    "下属分级基金的交易代码 016281 016282", "3 与分红相关的其他信息", "权益登记日 2026年4月17日",
                    "除息日 2026年4月17日", "现金红利发放日 2026年4月21日",
                    "分红对象 权益登记日在本基金注册登记机构登记在册的本基金全体基金份额持有人",
                    "红利再投资相关事项的说明 红利再投资的基金份额以除息日的基金份额净值为计算基准确定",
                    "4 其他需要提示的事项"]
FUND_NOTICE_TEXT = [
    "（1）权益登记日当日申请申购的基金份额不享有本次分红权益，权益登记日当日申请赎回的基金份额享有本次分红权益。",
    "（2）本基金默认的分红方式为现金分红，投资者可以在权益登记日之前到销售网点修改分红方式，以最后一次选择为准。",
    "（3）投资者可以登录本公司网站或拨打本公司客户服务电话咨询本次分红的有关事宜，基金投资需谨慎。",
    "特此公告。", "栖川基金管理有限公司", "2026年4月14日"]


def test_a_notices_table_between_its_dated_headline_and_its_text_is_the_articles():
    """A notice opens with a table of label-value rows, each shaped as a headline, over its text: under the dated
    headline, with no menu between, the rows are the notice's, and the head reaches up to the headline."""
    headline = "栖川稳健收益债券型证券投资基金分红公告"     # over its dateline, which the metadata stage removed
    lines = [*ZH_MENU, *ZH_HOT, headline, *FUND_NOTICE_ROWS, *FUND_NOTICE_TEXT, *EN_FOOTER]
    verdicts = judge_layout(lines, walls=frozenset({len(ZH_MENU) + len(ZH_HOT) + 1}), title=headline,
                            dated=headline)
    assert [line for line, verdict in zip(lines, verdicts) if verdict is None] == [
        headline, *FUND_NOTICE_ROWS, *FUND_NOTICE_TEXT]


def test_a_table_one_cell_a_line_under_its_lead_in_keeps_the_head_at_the_dated_headline():
    """A renderer prints a table's cells one a line, a run of menu-shaped lines; under the notice's lead-in
    ("…组成：") they are its own table, not a menu ending its head. Without the lead-in they are a menu: the head
    starts under it."""
    headline = "栖川大学博士学位论文答辩公告"
    fields = ["论文题目：内河渡船登乘安全评价研究", "答辩人：沈一舟", "答辩时间：2026年3月20日上午9:00",
              "答辩地点：东校区学术报告厅"]
    table = ["职务", "姓名", "职称", "主席", "邵一恒", "教授", "委员", "蒙子衡", "研究员", "秘书", "杜晓", "讲师"]
    text = ["论文摘要：",
            "内河渡口多分布在交通不便的乡村地区，渡船船型小、设备简陋，乘客登乘环节是事故的高发环节，本文对此作了调查。",
            "论文运用层次分析法与模糊综合评价方法对典型渡口进行了评价，并设计了一种可折叠的登乘栈桥，经样机试验验证。",
            "欢迎感兴趣的老师和同学参加！"]
    dateline = len(ZH_MENU) + len(ZH_HOT) + 1
    for lead_in, kept_from in (("答辩委员会组成：", headline), ("答辩委员会", text[0])):
        lines = [*ZH_MENU, *ZH_HOT, headline, *fields, lead_in, *table, *text, *EN_FOOTER]
        verdicts = judge_layout(lines, walls=frozenset({dateline}), title=headline, dated=headline)
        kept = [line for line, verdict in zip(lines, verdicts) if verdict is None]
        assert kept == lines[lines.index(kept_from):lines.index(text[-1]) + 1]


SHELL_LISTING = ["# 查看容器日志", "docker logs web", "# 重启服务", "curl -XPOST http://localhost:9090/-/reload",
                 "# 修改目录所有者", "sudo chown -R 1001:1001 /srv/data/web", "# 复制文件到容器内", "docker cp ./app.conf web:/etc/app/",
                 "fi"]
CONFIG_LISTING = ["[[overrides]]", 'files = ["docs/legacy/**"]', 'disable = ["QM214", "QM301"]']


@pytest.mark.parametrize("lines, kinds", [
    pytest.param(SHELL_LISTING, [CODE] * 8 + [ITEM], id="a-shell-session-with-its-comments-one-a-line"),
    pytest.param(CONFIG_LISTING, [CODE] * 3, id="a-configuration-files-section"),
    pytest.param(["Home", "News", "Sport", "config.json holds the settings.", "Contact"],
                 [ITEM, ITEM, ITEM, CLAUSE, ITEM], id="a-sentence-naming-a-file-among-menu-items-is-no-listing"),
    pytest.param(["Name(required)", "Email(required)", "Comment(required)"], [ITEM, ITEM, ITEM],
                 id="a-forms-labels-are-no-calls"),
    pytest.param(["docker logs web", "Privacy", "Terms"], [ITEM, ITEM, ITEM], id="one-command-is-no-listing"),
])
def test_a_program_listing_is_code(lines, kinds):
    """Lines of a listing (shell commands, configuration) hold code's marks, one a line, comments between them;
    a listing holds MIN_CODE_LINES of them at least. A closing keyword after the last command is no part of it."""
    assert line_shapes(lines).kinds.tolist() == kinds


def test_a_listing_under_the_articles_last_paragraph_is_the_articles():
    """A tech post ends with its commands, one a line with a comment over each: shaped as menu items and
    headlines, they ended the article's tail; a listing neither counts nor ends a run of menu items."""
    intro = "以下是一些可能会经常用到的命令，这里也简单列一下，部署和排查问题时都能用到："
    lines = [*ZH_MENU, *ZH_BODY, intro, *SHELL_LISTING[:-1], *ZH_HOT, *EN_FOOTER]
    kept = [line for line, verdict in zip(lines, judge_layout(lines)) if verdict is None]
    assert kept == [*ZH_BODY, intro, *SHELL_LISTING[:-1]]


def test_a_notices_table_stays_when_the_article_is_judged_again():
    """A second run reads the notice without its dateline: the headline is no longer dated, but it is the title
    the page opens with, and the rows under it stay (the first run's article is what a second run keeps)."""
    headline = "栖川稳健收益债券型证券投资基金分红公告"
    article = [headline, *FUND_NOTICE_ROWS, *FUND_NOTICE_TEXT]
    assert judge_layout(article, title=headline) == [None] * len(article)



COLUMN_OF_STORIES = [    # a tabloid's column of other stories: long headlines, the shapes of text and of titles mixed
    "Harbour town braces for the highest tide in forty years as sandbags run out, the ferry stops and the council opens the school hall",
    "Lost galleon with a hold of silver stays on the seabed - but divers now say they know where it lies and who may claim it",
    "Storm warning for the coast as forecasters say winds of seventy miles an hour will hit the harbour towns on Sunday night",
    "Chef who won three stars says the secret is a cheap pan and patience - and reveals the one dish he will never cook at home",
    "Mayor ducks a second debate with her rival as her party calls the challenger 'all talk, no plan' - after she agreed to only one",
    "What happened when I gave up my phone for a month: the calls I missed, the sleep I gained and the friends who gave up on me",
    "The first city to ban cars from its old centre: shops say trade is up a third since the spring and the buses run on time",
    "How to cut your energy bill? Turn the boiler down one degree! Study finds most homes are heated two degrees more than needed",
    "COLUMNIST: The ferry fares rose again, and nobody at the port seems to mind...",
    "Teacher, 41, who saved a pupil from the river is given the town's medal for bravery at last, three years after the flood",
    "Five more councillors including two deputy mayors say they will stand down ahead of the local elections",
    "Why young buyers are falling for the suburbs: prices a fifth lower, gardens twice as big and a train to the centre every ten minutes",
    "Rail fares rise again in January as the operators blame fuel, the unions threaten a strike and commuters say enough is enough",
    "Museum's stolen clock returned after 30 years: a collector found it listed at an auction online and called the police at once",
    "Fans queue overnight for tickets to the last concert of the band's farewell tour in their home town",
    "Health board to close two wards over the winter as it struggles to find enough nurses for the night shifts",
    "Award-winning baker sacked after a row over the recipe for the shop's famous lemon cake wins her case",
    "Number of young adults who cycle to work DOUBLES in two years: figures show a third of commuters now ride",
    "Bank holiday washout as downpours sweep in from the west and flood warnings are issued for three rivers",
    "Council to sell its old town hall to a hotel chain: the building stood empty for twelve years, and the roof leaks",
    "Net migration to the city fell by 10 per cent last year but it's still at 68,500 - as a map shows where",
    "Farmers warn of empty shelves as the dry spring leaves the potato crop, and the onions, a month behind their time",
    "Police hunt for the owner of a parrot that learned to call out the numbers of the town's lottery draw",
    "The tensions within the council are now deeper than those between the two parties. And the mayor's own allies are far more dangerous to her than the opposition",
]


def test_a_dated_headline_opening_the_head_brings_no_column_of_stories_over_it():
    """The dated headline opens the head (nothing between it and the text ends a head): the head starts at its
    block, not over the column of other stories above it, which holds no menu to stop a walk up. As the first run
    reads the page once its chrome is gone; a second run, without the dateline, cuts the column too."""
    headline = "CITY DESK COMMENT: A budget that puts the bus riders first"
    gallery = ["+8", "View gallery", "[https://www.example.co]"]
    body = [*EN_BODY[:3], "1/1 Skip Ad [ ]Continue watchingafter the adVisit Advertiser websiteGO TO PAGE",
            *EN_BODY[3:5], *gallery, "Copy link to paste in your message",
            "Council members raise their hands in the vote on the budget on Tuesday evening",
            *gallery, "The new library will stand on the site of the old bus depot", *gallery, *EN_MORE]
    counts = ["697", "View", "Top", "+99", "Home Home", "697", "View"]
    lines = ["My Profile", "Logout", "Privacy Policy Feedback", "Friday, May 24th 2026 11AM 25°C 2PM 25°C 5-Day Forecast",
             *COLUMN_OF_STORIES, "Previous", "Next", headline, *counts, *body]
    kept = [line for line, verdict in zip(lines, judge_layout(lines, title=headline, dated=headline)) if verdict is None]
    assert kept == lines[lines.index(headline):]


SHORT_THREAD = ["Printer drivers for the old laser model?", "posted by jdoe", "Does anyone still have them?",
                "Thanks in advance.", "Reply", "posted by kim_w", "Try the vendor's archive page.", "Reply",
                "posted by jdoe", "Found them there, thanks!", "Reply"]


@pytest.mark.parametrize("menus", [
    pytest.param([*EN_MENU, "Forums", "Hardware", "Sign in"], id="menus"),
    pytest.param([line for item in [*EN_MENU, "Forums"] for line in (item, "·")], id="a-separator-between-their-items"),
])
def test_a_page_with_no_body_loses_the_menus_opening_it(menus):
    lines = [*menus, *SHORT_THREAD, *EN_FOOTER]
    kept = [line for line, verdict in zip(lines, judge_layout(lines)) if verdict is None]
    assert kept == [*SHORT_THREAD, *EN_FOOTER]


def test_a_page_with_no_body_keeps_the_title_under_its_breadcrumb():
    """The breadcrumb an earlier stage removed stood over the title: the menus go down to it, not past it."""
    title = ["Hardware", "Printers", "Laser"]     # the forum's title and its boards' names: an item's shape
    lines = [*EN_MENU, "Sign in", *title, *SHORT_THREAD, *EN_FOOTER]
    crumb = len(EN_MENU) + 1
    kept = [line for line, verdict in zip(lines, judge_layout(lines, crumbs=frozenset({crumb}))) if verdict is None]
    assert kept == lines[crumb:]


def test_a_list_with_no_text_under_it_stays_whole():
    names = [f"{first} {last}" for first in ("Ann", "Bo", "Cy", "Di", "Ed") for last in ("Lee", "Moe", "Ng", "Orr")]
    assert judge_layout(names) == [None] * len(names)
