"""Which line of a page is its dateline, byline and headline: a text's, an HTML page's, and both alike."""

import pytest

from corpusclean.config import Config
from corpusclean.fields.html import Tags
from corpusclean.fields.page import (
    Layout, LineFields, _place, choose, placed_verdicts, prose_run, read_lines, record_values,
)
from corpusclean.api import Page, as_document
from corpusclean.pipeline import document_stages, run_stages

PROSE = "全市今年新增就业岗位三万个，城镇登记失业率保持在较低水平，各项民生工作稳步推进。"
PROSE_2 = "市总工会当天还为一线职工送去了慰问品，并就职工关心的问题进行了现场答复和沟通。"


def fields_of(lines: list[str], tags: Tags | None = None, url: str | None = None, layout: Layout | None = None) -> dict:
    found, _ = read_lines(lines, layout)
    return record_values(choose(found, tags, url))


@pytest.mark.parametrize("lines, created", [
    pytest.param(["首页 新闻 时政", "2019年9月7日 星期六", "市区新增三处口袋公园", "2019-09-06 10:00 来源：晚报", PROSE, PROSE_2],
                 "2019-09-06T10:00:00", id="not-the-today-in-the-navigation"),
    pytest.param(["市区新增三处口袋公园", "2019-09-06 10:00 来源：晚报", PROSE, PROSE_2, "相关新闻",
                  "2019-08-05 老城区改造启动", "公园管理办法出台 2019-08-01"], "2019-09-06T10:00:00",
                 id="not-a-date-in-a-headline-list"),
    pytest.param(["市区新增三处口袋公园", PROSE, PROSE_2, "相关新闻", "2019-08-05 老城区改造启动",
                  "公园管理办法出台 2019-08-01"], None, id="only-a-headline-list-is-no-date"),
    pytest.param(["市区新增三处口袋公园", PROSE, PROSE_2, "Copyright © 2005-2020 某某网 版权所有"], None,
                 id="not-a-copyright-year"),
    pytest.param(["市区新增三处口袋公园", "2019-09-06 · 城市报道", PROSE, PROSE_2], "2019-09-06T00:00:00",
                 id="unlabelled-dateline-by-the-headline"),
    pytest.param(["市区新增三处口袋公园", "最后更新：2019-09-08 10:00", "发布时间：2019-09-06 09:00", PROSE],
                 "2019-09-06T09:00:00", id="publication-not-update"),
    pytest.param(["市区新增三处口袋公园", PROSE, PROSE_2, "发布日期：2020-04-07 责任编辑：蒋慧"], "2020-04-07T00:00:00",
                 id="labelled-date-below-the-body"),
    pytest.param(["市区新增三处口袋公园", "2020年3月16日下午，调研组一行到现场。" + PROSE, PROSE_2], None,
                 id="not-a-date-in-a-sentence"),
    pytest.param(["市区新增三处口袋公园", "3小时前 来源：晚报", PROSE, PROSE_2], None, id="not-a-relative-date"),
])
def test_publication_date(lines, created):
    assert fields_of(lines)["created"] == created


@pytest.mark.parametrize("lines, author, editor", [
    pytest.param(["市区新增三处口袋公园", "本报记者 张三 通讯员 李四", PROSE], "张三、李四", None, id="byline-under-headline"),
    pytest.param(["市区新增三处口袋公园", PROSE, PROSE_2 + "（记者 王五）"], "王五", None, id="closing-byline"),
    pytest.param(["市区新增三处口袋公园", PROSE, "责任编辑：赵六"], None, "赵六", id="an-editor-is-no-author"),
    pytest.param(["市区新增三处口袋公园", "来源：某某日报 作者：某某日报", PROSE], None, None, id="the-outlet-is-no-author"),
    pytest.param(["市区新增三处口袋公园", "编辑 宋立帆 校对 高宁", PROSE, "责任编辑：程斯远"], None, "宋立帆、程斯远",
                 id="every-editor"),
    pytest.param(["City parks open", "By Jane Doe and Tom Lee", "The city opened three new parks on Monday, and "
                  "residents came early to see them."], "Jane Doe, Tom Lee", None, id="english-by"),
])
def test_authors_and_editors(lines, author, editor):
    values = fields_of(lines)
    assert (values["author"], values["editor"]) == (author, editor)


def test_a_site_name_in_the_author_tag_is_no_author():
    tags = Tags(authors=["远帆"], title="市区新增三处口袋公园_远帆新闻")
    assert fields_of(["市区新增三处口袋公园", PROSE], tags)["author"] is None
    assert fields_of(["市区新增三处口袋公园", PROSE], Tags(authors=["王五"]))["author"] == "王五"


@pytest.mark.parametrize("lines, title", [
    pytest.param(["首页 > 新闻 > 正文", "* 远帆新闻", "市区新增三处口袋公园", "2019-09-06 10:00 来源：晚报", PROSE, PROSE_2],
                 "市区新增三处口袋公园", id="above-the-dateline"),
    pytest.param(["长江大保护取得新进展_要闻_某某新闻网", "首页 > 要闻", "长江大保护取得新进展", PROSE], "长江大保护取得新进展",
                 id="named-by-a-page-title-line"),
    pytest.param(["“守护安澜”——长江大保护取得新进展_要闻_某某新闻网", "首页 > 要闻", "“守护安澜”——长江大保护取得新进展", PROSE],
                 "“守护安澜”——长江大保护取得新进展", id="named-by-a-page-title-line-holding-a-dash"),
    pytest.param(["新闻 体育 财经 科技 汽车 房产", "市区新增三处口袋公园", "晚报记者 张三", PROSE, PROSE_2],
                 "市区新增三处口袋公园", id="not-a-menu-row"),
    pytest.param(["首页", "市区新增三处口袋公园", "发布时间：10-08 12:00", PROSE, PROSE_2], "市区新增三处口袋公园",
                 id="not-a-label-line"),
    pytest.param(["公" * 1600, PROSE], None, id="not-a-long-first-line"),
    pytest.param([PROSE, PROSE_2], None, id="no-headline-at-all"),
    # a short sentence under the body's first paragraph, and a wire service's dateline over it, were taken
    pytest.param([PROSE, "这是第二段，也是一句话。"], None, id="not-a-short-sentence"),
    pytest.param(["市区新增三处口袋公园", "新华社南州5月20日电（记者 张三）", PROSE, PROSE_2], "市区新增三处口袋公园",
                 id="not-a-wire-dateline"),
    pytest.param(["市区新增三处口袋公园", "南州日报南州5月20日专电", PROSE, PROSE_2], "市区新增三处口袋公园",
                 id="not-a-wire-dateline-alone"),
    pytest.param(["首页 > 新闻 > 正文", "老街巷里的“微更新”", "——我市推进老城区更新行动一线观察", "2019-09-06 10:00 来源：晚报",
                  PROSE, PROSE_2], "老街巷里的“微更新”", id="over-its-subtitle"),
])
def test_text_headline(lines, title):
    assert fields_of(lines)["title"] == title


EN_PROSE = ["The ferry authority cancelled every crossing after gusts passed 60 miles an hour at the harbour mouth.",
            "Passengers booked for the day can rebook for free on any sailing this week, the authority said."]
FERRIES = "Harbour ferries halted as a gale hits the Sound"


@pytest.mark.parametrize("lines, title", [
    pytest.param(["Valley Channel Seven Nightly Investigates Community Desk Live", FERRIES,
                  "All crossings are cancelled for the rest of the day, the authority said on Tuesday morning.",
                  "By Jane Doe · Updated 1:52 PM, March 17, 2026", *EN_PROSE], FERRIES,
                 id="over-its-standfirst-over-the-byline"),
    pytest.param(["远帆论坛", "先谢谢大家！", "顶", "好的"], None, id="no-guess-of-the-tops-first-short-line"),
])
def test_text_headline_of_a_story_or_none(lines, title):
    """A headline over a standfirst that opens the body, the byline under it; the first headline-like line of a
    page without a body or a dateline is as often a site's name or a menu as the headline: no title."""
    assert fields_of(lines)["title"] == title


EN_PROSE = ["The harbor board voted on Monday to open a ferry route to the outer islands by next spring.",
            "Officials said the boats would run every two hours and that fares would match the bus network's."]
EN_MENU = ["Home", "Local News", "Sports"]
UPDATED = "Updated 9:14 am EST, Tuesday, June 11, 2024"


@pytest.mark.parametrize("lines, title", [
    pytest.param([*EN_MENU, "Harbor board approves ferry route to the islands", "Daniel Hart, Valley Courier Staff Writer",
                  UPDATED, *EN_PROSE], "Harbor board approves ferry route to the islands", id="a-name-and-its-desk"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route to the islands",
                  "Maria Lopez and Daniel J. Hart, Associated Press", UPDATED, *EN_PROSE],
                 "Harbor board approves ferry route to the islands", id="two-names-and-their-agency"),
    pytest.param([*EN_MENU, "Harbor Board Approves Ferry Route", "Maria Lopez and Daniel J. Hart, Associated Press",
                  *EN_PROSE], "Harbor Board Approves Ferry Route", id="above-the-body-without-a-dateline"),
    # negatives: a headline that reads like names, a title-case headline, none above the names
    pytest.param([*EN_MENU, "Jane Austen Returns To Bath", UPDATED, *EN_PROSE], "Jane Austen Returns To Bath",
                 id="a-headline-of-names"),
    pytest.param([*EN_MENU, "Biden and Xi Meet", UPDATED, *EN_PROSE], "Biden and Xi Meet", id="two-names-meet"),
    pytest.param([*EN_MENU, "Harbor Board Approves Ferry Route", "Daniel Hart, Staff Writer", UPDATED, *EN_PROSE],
                 "Harbor Board Approves Ferry Route", id="a-title-case-headline-over-the-byline"),
    pytest.param(["Jane Austen Returns To Bath", UPDATED, *EN_PROSE], "Jane Austen Returns To Bath",
                 id="a-headline-of-names-opening-the-text"),
])
def test_text_headline_over_a_byline_without_by(lines, title):
    assert fields_of(lines)["title"] == title


EN_HEADLINE = "Harbor board approves ferry route to the islands"


@pytest.mark.parametrize("lines, created, timezone", [
    pytest.param([*EN_MENU, EN_HEADLINE, "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT", *EN_PROSE],
                 "2019-11-18T18:54:00", "+00:00", id="published-then-last-modified"),
    pytest.param([EN_HEADLINE, "Updated on: November 19, 2019 / 10:07 AM / City Desk", *EN_PROSE,
                  "First published on November 19, 2019 / 8:16 AM"], "2019-11-19T08:16:00", None,
                 id="first-published-below-the-body-over-an-update-above-it"),
    pytest.param([EN_HEADLINE, "by Jane Doe", "Nov 18, 2019 at 9:24 pm ET • 2 min read", *EN_PROSE],
                 "2019-11-18T21:24:00", None, id="a-dateline-and-its-reading-time"),
    pytest.param([EN_HEADLINE, *EN_PROSE, "More news", "* Council approves the budget Nov 5, 2019",
                  "* Ferry fares to rise Nov 4, 2019"], None, None, id="not-the-dates-of-a-headline-list"),
    pytest.param([EN_HEADLINE, "Nov. 19, 2019", "5:50 PM", *EN_PROSE], "2019-11-19T17:50:00", None,
                 id="the-time-on-the-line-under-the-day"),
    pytest.param([EN_HEADLINE, "Nov. 19, 2019", "5 comments", *EN_PROSE], "2019-11-19T00:00:00", None,
                 id="a-count-under-the-day-is-no-time"),
    pytest.param([EN_HEADLINE, "2 min read", *EN_PROSE], None, None, id="a-reading-time-alone-is-no-date"),
    pytest.param([EN_HEADLINE, "Aug. 8, 2023 -- " + EN_PROSE[0], EN_PROSE[1]], "2023-08-08T00:00:00", None,
                 id="a-date-opening-the-lede"),
    pytest.param([EN_HEADLINE, *EN_PROSE, "May 9, 2024 – " + EN_PROSE[0]], None, None,
                 id="not-a-date-opening-a-later-paragraph"),
    pytest.param([EN_HEADLINE, "On Aug. 8, 2023, " + EN_PROSE[0], EN_PROSE[1]], None, None,
                 id="not-a-date-in-the-lede's-sentence"),
])
def test_english_datelines(lines, created, timezone):
    values = fields_of(lines)
    assert (values["created"], values["created_timezone"]) == (created, timezone)


def test_a_dateline_is_read_by_its_place_and_the_stamps_of_comments_stay():
    lines = [EN_HEADLINE, "November 19, 2019 at 6:00 am", *EN_PROSE, "1. harborfan says:", "November 19, 2019 at 6:34 am",
             "Finally, a boat home after the late shift."]
    found, verdicts = read_lines(lines)
    assert choose(found).created.created == "2019-11-19T06:00:00"
    assert verdicts == [None, "meta.date", None, None, None, None, None]


# a comment form and a list of the most read stand between the byline and the dateline over the body; the
# site's tagline tops the page
FORM = ["Most Read", "Name (required)", "Email (required)", "Submit"]
TAGLINE = "News and weather for the harbor towns"


@pytest.mark.parametrize("lines, title", [
    pytest.param([TAGLINE, *EN_MENU, "Harbor board approves ferry route to the islands", "By Jane Doe", *FORM,
                  "June 11, 2024 | 9:14am", *EN_PROSE], "Harbor board approves ferry route to the islands",
                 id="over-the-byline-when-none-stands-over-the-date"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route to the islands", "By Jane Doe", "Editorial",
                  "Harbor board weighs a second route to the mainland", "June 11, 2024 | 9:14am", *EN_PROSE],
                 "Harbor board weighs a second route to the mainland", id="over-the-date-first"),
    pytest.param([*EN_MENU, "By Jane Doe", *FORM, "June 11, 2024 | 9:14am", *EN_PROSE], None,
                 id="nothing-over-either"),
])
def test_text_headline_anchored_by_the_nearest_date_then_the_nearest_byline(lines, title):
    assert fields_of(lines)["title"] == title


DEK = "Boats will run every two hours from May under a plan the board approved after a year of hearings"
ZH_DEK = "新航线每两小时一班，明年五月起运行，票价与公交一致"


@pytest.mark.parametrize("lines, title", [
    pytest.param([*EN_MENU, "Harbor board approves ferry route to the islands", DEK, "By Jane Doe", UPDATED,
                  *EN_PROSE], "Harbor board approves ferry route to the islands", id="over-its-dek"),
    pytest.param([*EN_MENU, "Islands route: board votes yes after a year of hearings", DEK, "By Jane Doe", UPDATED,
                  *EN_PROSE], DEK, id="not-over-a-kicker-with-a-colon"),
    pytest.param([*EN_MENU, "Harbor Board", DEK, "By Jane Doe", UPDATED, *EN_PROSE], DEK, id="not-over-a-short-line"),
    pytest.param([*EN_MENU, "News · Local · Transport Board", DEK, "By Jane Doe", UPDATED, *EN_PROSE], DEK,
                 id="not-over-a-row-of-items"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Harbor Board Votes To Open The Islands Route Next May",
                  "By Jane Doe", UPDATED, *EN_PROSE], "Harbor Board Votes To Open The Islands Route Next May",
                 id="not-over-a-headline-in-title-case"),
    pytest.param(["首页 > 新闻", "市区开通至三座海岛的轮渡航线", ZH_DEK, "2019-09-06 10:00 来源：晚报", PROSE, PROSE_2],
                 "市区开通至三座海岛的轮渡航线", id="over-its-zh-dek"),
    pytest.param(["首页 > 新闻", "新闻 交通 海岛", ZH_DEK, "2019-09-06 10:00 来源：晚报", PROSE, PROSE_2], ZH_DEK,
                 id="not-over-a-zh-menu-row"),
    # without a dateline under them: an English dek still, a Chinese line with commas may be the headline itself
    pytest.param([*EN_MENU, "Harbor board approves ferry route to the islands", DEK, *EN_PROSE],
                 "Harbor board approves ferry route to the islands", id="over-its-dek-with-no-dateline"),
    pytest.param(["首页 > 新闻", "市区开通至三座海岛的轮渡航线", ZH_DEK, PROSE, PROSE_2], ZH_DEK,
                 id="a-zh-line-with-commas-over-the-body-with-no-dateline"),
])
def test_a_headline_over_its_dek(lines, title):
    """A dek (a clause: a comma in Chinese, sentence case in English) right under a shorter headline-shaped line,
    over the byline and the date: the line over it is the headline."""
    assert fields_of(lines)["title"] == title


@pytest.mark.parametrize("lines, title", [
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "The new boats will run every two hours from May.",
                  *EN_PROSE], "Harbor board approves ferry route", id="over-a-standfirst-closed-by-a-full-stop"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Passengers wait at the harbor terminal on Monday.",
                  *EN_PROSE], "Harbor board approves ferry route", id="over-a-caption-closed-by-a-full-stop"),
    # negatives: a question, an abbreviation closing the headline
    pytest.param([*EN_MENU, "Will the harbor board approve the ferry route?", *EN_PROSE],
                 "Will the harbor board approve the ferry route?", id="a-question"),
    pytest.param([*EN_MENU, "Ferry route approved for Washington, D.C.", *EN_PROSE],
                 "Ferry route approved for Washington, D.C.", id="closed-by-an-abbreviation"),
])
def test_a_line_closed_by_a_full_stop_is_no_headline(lines, title):
    assert fields_of(lines)["title"] == title


@pytest.mark.parametrize("lines, title", [
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Photo by Jane Doe/Harbor Images", *EN_PROSE],
                 "Harbor board approves ferry route", id="photo-by"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Photograph: Jane Doe for the Courier", *EN_PROSE],
                 "Harbor board approves ferry route", id="photograph-colon"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Image credit: Harbor Board of Commissioners",
                  *EN_PROSE], "Harbor board approves ferry route", id="image-credit"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route",
                  "Commissioners at the harbor on Monday afternoon Credit...Jane Doe for The Courier", *EN_PROSE],
                 "Harbor board approves ferry route", id="a-caption-closed-by-its-credit"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route",
                  "The new ferry leaves the harbor on its first run John Roe/Getty Images", *EN_PROSE],
                 "Harbor board approves ferry route", id="a-caption-closed-by-an-agency"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Medically reviewed by Jane Doe, MD, Internal Medicine",
                  *EN_PROSE], "Harbor board approves ferry route", id="a-reviewers-credit"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "Co-authored by Jane Doe and Tom Lee", *EN_PROSE],
                 "Harbor board approves ferry route", id="a-co-authors-credit"),
    # negatives: headlines opening with the same words
    pytest.param([*EN_MENU, "Photos show the new ferry on its first run", *EN_PROSE],
                 "Photos show the new ferry on its first run", id="a-headline-about-photos"),
    pytest.param([*EN_MENU, "Video captures ferry rescue off the islands", *EN_PROSE],
                 "Video captures ferry rescue off the islands", id="a-headline-about-a-video"),
])
def test_a_picture_or_persons_credit_is_no_headline(lines, title):
    assert fields_of(lines)["title"] == title


@pytest.mark.parametrize("lines, title", [
    # a notice's signature (its office's name over a date) is no dateline under a headline, nor its salutation
    # a headline
    pytest.param(["市政府办公室关于印发口袋公园建设方案的通知", "发布日期：2026-11-09 浏览次数：", "临政办发〔2026〕41号",
                  "各区县人民政府，市政府各部门：", "《口袋公园建设方案》已经市政府同意，现印发给你们，请认真执行。",
                  "临江市人民政府办公室", "2026年11月6日", "口袋公园建设方案", PROSE, PROSE_2],
                 "市政府办公室关于印发口袋公园建设方案的通知", id="over-a-notice-that-issues-a-document"),
    # ... and without a dateline under it, the headline stands over the document's number
    pytest.param(["发布日期", "2026年11月30日", "市政府办公室关于印发口袋公园建设方案的通知", "临政办发〔2026〕41号",
                  "各区县人民政府，市政府各部门：", "《口袋公园建设方案》已经市政府同意，现印发给你们，请认真执行。",
                  "临江市人民政府办公室", "2026年11月6日", "口袋公园建设方案", PROSE, PROSE_2],
                 "市政府办公室关于印发口袋公园建设方案的通知", id="over-a-documents-number"),
    # a headline naming its day, right over the dateline ("no date" spares a list of dated headlines elsewhere)
    pytest.param(["Official website of the State of Kesswater", *EN_MENU, "Weekly Fishing Report: April 9, 2026",
                  "Published April 9, 2026 · Fisheries Division", *EN_PROSE], "Weekly Fishing Report: April 9, 2026",
                 id="a-headline-naming-its-day"),
    pytest.param(["全市要闻", "2026年4月9日全市重点工作安排部署会召开", "发布时间：2026-04-09 10:00 来源：市政府办公室", PROSE, PROSE_2],
                 "2026年4月9日全市重点工作安排部署会召开", id="zh-a-headline-naming-its-day"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route", "By Jane Doe | Special to the Courier Gazette",
                  *EN_PROSE], "Harbor board approves ferry route", id="a-byline-with-a-desk"),
])
def test_a_byline_is_no_headline(lines, title):
    assert fields_of(lines)["title"] == title


TEASERS = ["Fantasy Football Waiver Wire Week 12: Two Receivers Emerging As Strong OptionsThe waiver wire is thin this "
           "week, but two receivers have earned a look after big games on Sunday. Both are available in most leagues.",
           "Is Violence In Sports On The Rise?Violence is part of the game in many sports, but a helmet swung at a "
           "rival crossed a line this week. The league has suspended the player for the rest of the season."]


def test_a_headline_over_its_dateline_under_teasers_that_make_the_first_run_of_prose():
    # (below the top lines, where a headline is looked for when nothing anchors it)
    lines = [*EN_MENU * 4, *TEASERS, "CBS Entertainment", "Officials Report Sixth Death Linked To Mosquito Virus",
             "November 19, 2019 at 9:45 am", "Filed Under: health, mosquito-borne virus", *EN_PROSE,
             "The board said it would review the schedule after the first six months of service."]
    assert fields_of(lines)["title"] == "Officials Report Sixth Death Linked To Mosquito Virus"
    # a teaser's title and date over one summary is no article
    teaser = ["Casey Mittelstadt finding his legs in Buffalo", "November 19, 2019 at 5:10 pm", EN_PROSE[0] + " " + EN_PROSE[1]]
    assert fields_of([*EN_MENU * 4, *TEASERS, *teaser, *EN_MENU])["title"] is None


def test_the_empty_items_of_a_share_bar_do_not_count_between_the_headline_and_its_byline():
    lines = [TAGLINE, *EN_MENU, "Harbor board approves ferry route to the islands", "*", "*", "*",
             "By Jane Doe", "June 11, 2024 / 9:14 AM / Valley Courier", *EN_PROSE]
    assert fields_of(lines)["title"] == "Harbor board approves ferry route to the islands"


@pytest.mark.parametrize("lines, title", [
    pytest.param([*EN_MENU, "Early reviews of the new ferry are here — and they are mixed", "By Jane Doe", *EN_PROSE],
                 "Early reviews of the new ferry are here — and they are mixed", id="a-headline's-own-second-part"),
    pytest.param([*EN_MENU, "Harbor board approves ferry route - Valley Courier", "By Jane Doe", *EN_PROSE,
                  "© 2024 Valley Courier"], "Harbor board approves ferry route", id="a-site-name-the-page-repeats"),
])
def test_a_text_headline_loses_a_part_after_a_dash_only_when_the_page_names_it_elsewhere(lines, title):
    assert fields_of(lines)["title"] == title


def test_the_headline_line_of_a_title_is_removed_only_when_it_names_a_later_line():
    _, verdicts = read_lines(["长江大保护取得新进展_要闻_某某新闻网", "长江大保护取得新进展", "2021-07-01 08:00 来源：某某日报", PROSE])
    assert verdicts == ["meta.title", None, "meta.date", None]


@pytest.mark.parametrize("lines, found", [
    pytest.param(["长江大保护取得新进展", "2021-07-01 08:00", PROSE, PROSE_2], True, id="dateline-under-the-headline"),
    pytest.param(["长江大保护取得新进展_要闻_某某新闻网", "长江大保护取得新进展", PROSE], True, id="title-naming-a-line"),
    pytest.param(["长江大保护取得新进展", PROSE, PROSE_2, "2021-07-01 08:00"], False, id="date-line-below-the-body"),
    pytest.param(["长江大保护——取得新进展", PROSE, PROSE_2], False, id="separator-naming-no-line"),
    pytest.param(["长江大保护取得新进展", PROSE, PROSE_2], False, id="clean-article"),
    pytest.param([PROSE, PROSE_2], False, id="no-headline"),
])
def test_placed_verdicts_are_those_place_finds_where_it_is_asked_or_not(lines, found):
    verdicts = [None] * len(lines)
    _place(lines, [None] * len(lines), verdicts, LineFields(), Layout(), None)
    assert placed_verdicts(lines) == verdicts and any(verdicts) == found


def test_printed_day_takes_the_time_and_zone_the_tag_states():
    printed = ["市区新增三处口袋公园", "2019-09-06", PROSE]
    tags = Tags(published=choose(read_lines(["x", "2019-09-06T10:00:00+08:00", PROSE])[0]).created)
    assert fields_of(printed, tags)["created"] == "2019-09-06T10:00:00"
    assert fields_of(printed, tags)["created_timezone"] == "+08:00"
    other_day = Tags(published=choose(read_lines(["x", "2019-09-09T10:00:00+08:00", PROSE])[0]).created)
    assert fields_of(printed, other_day)["created"] == "2019-09-06T00:00:00"


def test_url_date_when_nothing_is_printed():
    values = fields_of(["市区新增三处口袋公园", PROSE], url="http://www.example.gov.cn/zwgk/201903/t20190306_1.html")
    assert (values["created"], values["created_precision"]) == ("2019-03-06T00:00:00", "day")


def test_an_html_page_without_a_headline_reads_its_dateline_by_the_body():
    lines = ["登录 注册", "2021-06-22 15:38:09 广告", "某某论坛", "发布于 2020-08-04 22:17", PROSE, PROSE_2]
    layout = Layout(headline=None, body_start=3, body_end=6, title="周末去哪里玩")
    assert fields_of(lines, layout=layout)["created"] == "2020-08-04T22:17:00"


def test_prose_run_skips_teasers_above_the_body():
    lines = ["首页", "导读：市区新增三处口袋公园。", "新闻", "市区新增三处口袋公园", PROSE, PROSE_2, PROSE, "相关新闻"]
    assert prose_run(lines) == (4, 7)


COOKIE_BANNER = ["We use cookies and other tracking technologies to improve your browsing experience on our site and "
                 "to show you personalized content.",
                 "By choosing I Accept, you consent to our use of cookies and other tracking technologies."]


def test_prose_run_passes_over_a_cookie_banner():
    lines = ["Skip to main content", *COOKIE_BANNER, *EN_MENU, "Harbor board approves ferry route", *EN_PROSE]
    assert prose_run(lines) == (7, 9)


def test_a_cookie_banner_over_the_page_leaves_the_headline_to_be_found():
    lines = ["Skip to main content", *COOKIE_BANNER, "News and weather for the harbor towns", *EN_MENU,
             "Harbor board approves ferry route", "By Jane Doe", *EN_PROSE]
    assert fields_of(lines)["title"] == "Harbor board approves ferry route"


def test_an_article_opening_on_a_notice_word_keeps_its_headline():
    lines = [*EN_MENU, "Harbor board approves ferry route",
             "The board said its booking site would ask for the riders' consent before it stores their names.",
             *EN_PROSE]
    assert fields_of(lines)["title"] == "Harbor board approves ferry route"


def page(folder, name: str, data: str):
    path = folder / name
    path.write_bytes(data.encode("utf-8"))
    return run_stages(document_stages(Config()), as_document(Page(path.read_bytes(), str(path)), Config()))


@pytest.mark.parametrize("line", [
    pytest.param("Reporter: Li Si", id="reporter-label"),
    pytest.param("本报记者 张三 通讯员 李四", id="zh-byline"),
    pytest.param("文/张三", id="wen-slash"),
    pytest.param("责任编辑：王五", id="editor"),
    pytest.param("2005年3月11日 来源：某某日报", id="dateline"),
    pytest.param("时间：2005-3-11 作者：赵六", id="time-and-author"),
])
def test_the_same_line_gives_the_same_fields_from_a_text_and_an_html_page(tmp_path, line):
    headline = "市区新增三处口袋公园"
    text = page(tmp_path, "a.txt", "\n".join([headline, line, PROSE, PROSE_2, PROSE]))
    html = page(tmp_path, "a.html", f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
                                    f"<p>{line}</p><p>{PROSE}</p><p>{PROSE_2}</p><p>{PROSE}</p></body></html>")
    keys = ("title", "author", "editor", "publisher", "created_precision", "created_timezone")
    assert (text.created, {key: text.metadata[key] for key in keys}) == (html.created, {key: html.metadata[key] for key in keys})
    assert text.created or text.metadata["author"] or text.metadata["editor"]


NOTICE_TITLE = "关于做好冬季供暖工作的通知"


@pytest.mark.parametrize("lines, kept_date", [
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "临江市住房和城乡建设局", "2026年11月30日"], True, id="a-notice's-signature"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "某某科技有限公司", "2026-11-30"], True, id="a-company's-signature"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "招标代理机构：某某工程咨询有限公司", "2026年11月30日"], True,
                 id="a-signature-after-its-role"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "某某大学化学学院", "某某同志治丧小组", "2026年11月30日"], True,
                 id="a-working-groups-signature"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "临江市植物保护站", "2026年11月30日"], True, id="a-stations-signature"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "临江马拉松组委会", "2026年11月30日"], True,
                 id="an-organising-committees-signature"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "临江市“11·3”较大火灾事故调查组", "2026年11月30日"], True,
                 id="an-investigation-teams-signature-naming-its-case"),
    # negatives
    pytest.param([NOTICE_TITLE, "2026年11月30日", PROSE, PROSE_2], False, id="the-dateline-under-the-headline"),
    pytest.param(["临江市住房和城乡建设局", "2026年11月30日", NOTICE_TITLE, PROSE, PROSE_2], False,
                 id="a-name-and-a-date-above-the-text"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "责任编辑：王五", "2026年11月30日"], False, id="under-an-editor-line"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "更多新闻请关注我们", "2026年11月30日"], False, id="under-no-organisation"),
    pytest.param([NOTICE_TITLE, PROSE, PROSE_2, "地址：临江市人民路1号", "2026年11月30日"], False, id="under-an-address"),
])
def test_a_date_signing_a_notice_stays(lines, kept_date):
    _, verdicts = read_lines(lines)
    assert (verdicts[lines.index(next(line for line in lines if line[:4] == "2026"))] is None) == kept_date


FUND_NOTICE_HEAD = ["首页 基金产品 信息披露", "栖川稳健债券型证券投资基金分红公告", "公告日期：2025-03-17 来源：栖川基金管理有限公司",
                    "1 公告基本信息"]
FUND_TABLE = ["基金名称 栖川稳健债券型证券投资基金", "基金主代码 017342", "基金合同生效日 2022年11月23日",
              "基金管理人名称 栖川基金管理有限公司", "收益分配基准日 2025年3月10日", "2 与分红相关的其他信息",
              "权益登记日 2025年3月19日", "除息日 2025年3月19日", "现金红利发放日 2025年3月21日"]
FUND_PROSE = ["红利再投资相关事项的说明：选择红利再投资方式的投资者，其现金红利将按2025年3月19日的基金份额净值转换为基金份额。",
              "税收相关事项的说明：根据相关税收法规，基金向投资者分配的基金收益，暂免征收所得税。",
              "费用相关事项的说明：本基金本次分红免收分红手续费，选择红利再投资方式的投资者其红利所转换的基金份额免收申购费用。"]


def test_a_notices_tables_between_its_dateline_and_its_first_paragraph():
    # the table's names of days are no datelines, and the notice's dateline stands more than BEFORE_BODY lines
    # over its first paragraph
    lines = [*FUND_NOTICE_HEAD, *FUND_TABLE, *[f"份额类别{number} 栖川稳健债{number}" for number in range(12)], *FUND_PROSE]
    found, verdicts = read_lines(lines)
    assert record_values(choose(found))["title"] == "栖川稳健债券型证券投资基金分红公告"
    assert [line for line, verdict in zip(lines, verdicts) if verdict == "meta.date"] == [FUND_NOTICE_HEAD[2]]


def test_a_sites_disclaimer_is_no_body_to_find_the_headline_by():
    # the notice holds no run of prose of a body's length; the disclaimer at the foot is the page's longest
    from corpusclean.clean.metadata import find_metadata

    lines = ["首页 市场数据 中心公告 关于我们", "2026年5月8日外汇市场人民币汇率中间价公告", "发布日期：2026-05-08 09:15 来源：栖川交易中心",
             "栖川交易中心受权公布，2026年5月8日银行间外汇市场人民币汇率中间价为：", "USD/CNY 7.1826", "EUR/CNY 7.7652",
             "人民币汇率中间价报价行：栖川商业银行、北辰银行等十五家做市商银行。", "栖川交易中心", "2026年5月8日", "下载Excel 下载PDF 打印",
             "最新市场公告", *(f"关于第{number}批做市商名单的公告" for number in range(12)),
             "本网站所载数据仅供参考，不构成任何投资建议。未经许可，任何机构和个人不得转载、复制或以其他方式使用本网站的数据，"
             "违者将依法追究其法律责任。本网站对数据的准确性、完整性不作任何保证，对因使用本网站数据而产生的任何损失不承担责任。"]
    assert find_metadata(lines)[0]["title"] == "2026年5月8日外汇市场人民币汇率中间价公告"
