import pytest

from corpusclean.clean.metadata import MetadataLines, find_dates, find_metadata, paragraph_byline, parse_metadata_line
from corpusclean.document import Document
from corpusclean.pipeline import apply_line_stage


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2019-03-12 10:05:33 来源：新华网", {"created": "2019-03-12T10:05:33", "publisher": "新华网"}),
        ("发布时间：2021年6月3日 09:30", {"created": "2021-06-03T09:30:00"}),
        ("发布日期：2016-11-22 浏览次数： 信息来源：市发展改革委", {"created": "2016-11-22", "publisher": "市发展改革委"}),
        ("2017.05.04 来源：人民日报 作者：王小明", {"created": "2017-05-04", "publisher": "人民日报", "author": "王小明"}),
        ("2022-08-01 14:20 字号：A- A A+ 来源：央视新闻客户端", {"created": "2022-08-01T14:20:00", "publisher": "央视新闻客户端"}),
        ("【责任编辑：赵六】", {"editor": "赵六"}),
        ("责任编辑：孙七 校对：周八", {"editor": "孙七"}),
        ("编辑：李华", {"editor": "李华"}),
        ("本报记者 陈晨 通讯员 刘洋", {"author": "陈晨 刘洋"}),
        ("新华社记者 张伟 李静", {"author": "张伟 李静"}),
        ("2015/09/30 Source: Hangzhou Evening News Author: Li Wei", {"created": "2015-09-30", "publisher": "Hangzhou Evening News", "author": "Li Wei"}),
        ("Published: March 4, 2021 10:15", {"created": "2021-03-04T10:15:00"}),
        ("Editor in charge: Zhang Min", {"editor": "Zhang Min"}),
        ("Tags: Editor: Wu Fang", {"editor": "Wu Fang"}),
        ("By Sarah Johnson and Tom Lee", {"author": "Sarah Johnson and Tom Lee"}),
        ("Evening Post - reporter Chen Jie and Liu Ming from the City Desk", {"author": "Chen Jie and Liu Ming"}),
        ("People's Daily - Zhao Lei, reporter of People's Daily Online", {"author": "Zhao Lei"}),
        ("12 May 2020", {"created": "2020-05-12"}),
        # not metadata: sentences, headings and notes that mention a date, a source or a reporter
        ("2018年11月5日，首届中国国际进口博览会在上海开幕。", None),
        ("来源于基层的创新做法正在全省推广。", None),
        ("来源：国家统计局数据显示，上半年全省生产总值同比增长5.5%。", None),
        ("On 12 May 2020, the council approved the new budget.", None),
        ("Source: officials said the talks would resume next week.", None),
        ("Reporter detained in border town", None),
        ("记者手记", None),
        ("（资料来源：商务部网站）", None),
        ("Reporters Without Borders condemned the arrest.", None),
        ("时间就是生命，效率就是金钱", None),
        ("2023-13-45 来源：某报", None),
        # a date may open with a month name or with digits other than ASCII ones
        ("May 12, 2020 来源：新华社", {"created": "2020-05-12", "publisher": "新华社"}),
        ("１２ May 2020", {"created": "2020-05-12"}),
        ("Sept 3, 2019", {"created": "2019-09-03"}),
        ("2024-05-17 15:58", {"created": "2024-05-17T15:58:00"}),
        ("|", None),
        ("| -", None),
        # "reporter" in any case; "By" only as written
        ("REPORTER John Smith", {"author": "John Smith"}),
        ("Staff Reporter Jane Doe", {"author": "Jane Doe"}),
        ("by Jane Doe", None),
    ],
)
def test_parse_metadata_line(line, expected):
    assert parse_metadata_line(line) == expected


@pytest.mark.parametrize(
    "paragraph, author",
    [
        ("全市今年新增就业岗位三万个，城镇登记失业率保持低位。（记者张三）", "张三"),
        ("本报讯（记者 李四 通讯员 王五）近日，市总工会启动送温暖活动。", "李四 王五"),
        ("新华社北京3月5日电（记者王伟、刘敏）十四届全国人大一次会议开幕。", "王伟 刘敏"),
        ("他说，要把这项工作做细做实（下转第二版）。", None),
    ],
)
def test_paragraph_byline_gives_author(paragraph, author):
    assert paragraph_byline(paragraph) == author


def test_title_with_site_suffix_is_dropped_when_headline_repeats():
    lines = ["长江大保护取得新进展_要闻_某某新闻网", "首页 > 要闻", "长江大保护取得新进展", "2021-07-01 08:00 来源：某某日报", "正文第一段。"]
    fields, verdicts = find_metadata(lines)
    assert fields["title"] == "长江大保护取得新进展"
    assert verdicts == ["meta.title", None, None, "meta.date", None]


def test_title_line_stays_when_it_is_the_only_headline():
    lines = ["Flood defences hold as river peaks | City News", "The river crested overnight, officials said."]
    fields, verdicts = find_metadata(lines)
    assert fields["title"] == "Flood defences hold as river peaks"
    assert verdicts == [None, None]


def test_first_headline_like_line_is_the_title():
    lines = ["时政", "全省秋粮收购工作全面展开", "2020年10月9日 来源：省粮食局", "连日来，各地粮库……"]
    fields, verdicts = find_metadata(lines)
    assert fields["title"] == "全省秋粮收购工作全面展开"
    assert fields["created"] == "2020-10-09"
    assert verdicts == [None, None, "meta.date", None]


def test_stage_fills_only_missing_fields():
    doc = Document(id="1", source="example.cn", location="x")
    doc.set_lines(["市区新增三处口袋公园", "2022-04-02 来源：晚报 作者：钱进", "公园已向市民开放。", "编辑：吴敏"])
    doc.metadata["publisher"] = "From HTML"
    apply_line_stage(MetadataLines(), doc)
    assert doc.kept_lines() == ["市区新增三处口袋公园", "公园已向市民开放。"]
    assert doc.created == "2022-04-02"
    assert doc.metadata["publisher"] == "From HTML"
    assert doc.metadata["author"] == "钱进"
    assert doc.metadata["editor"] == "吴敏"
    assert [t.reason for t in doc.trace] == ["meta.date", "meta.editor"]


@pytest.mark.parametrize(
    "title_line, title, verdict",
    [
        ("标题新闻-要闻-某某网", "标题新闻", "meta.title"),
        # a line that opens with a separator has its headline further in
        ("| 标题新闻 | 某某网", "标题新闻", "meta.title"),
        ("_标题新闻_某某网", "标题新闻", "meta.title"),
        ("  | 标题新闻 | 某某网", "标题新闻", "meta.title"),
        # white space before the headline is part of it: it is not the later line, which is the title
        (" 标题新闻 - 某某网", " 标题新闻", None),
    ],
)
def test_title_line_with_separators_at_its_start(title_line, title, verdict):
    fields, verdicts = find_metadata([title_line, "标题新闻", "正文。"])
    assert fields["title"] == title
    assert verdicts == [verdict, None, None]


def test_label_lines_with_nothing_to_lift_are_removed_without_filling_fields():
    lines = ["市区新增三处口袋公园", "公园已向市民开放。", "发布于：北京市", "IP属地：广西", "阅读：1024", "责任编辑："]
    fields, verdicts = find_metadata(lines)
    assert verdicts == [None, None, "meta.label", "meta.label", "meta.label", "meta.label"]
    assert fields["editor"] is None and fields["publisher"] is None


@pytest.mark.parametrize("line", ["时间：每周三下午", "发布时间：", "地点：市民中心", "来源于群众，服务于群众。"])
def test_lines_that_may_carry_text_are_not_label_lines(line):
    fields, verdicts = find_metadata([line])
    assert verdicts == [None]


@pytest.mark.parametrize("line, fields", [
    ("Posted Fri, May 10, 2024 at 2:52 pm PT|Updated Fri, May 10, 2024 at 2:55 pm PT", {"created": "2024-05-10"}),
    ("Published 11:11 PM EST Nov 19, 2019", {"created": "2019-11-19"}),
    ("发表于 2024-4-11 11:52:24 | 只看该作者", {"created": "2024-04-11T11:52:24"}),
    ("By Mark Stetson on May 16, 2024", {"author": "Mark Stetson", "created": "2024-05-16"}),
    ("By Ann Lee | November 18, 2019 -- 19:14 GMT | Topic: Hardware", {"author": "Ann Lee", "created": "2019-11-18"}),
    # an update's date is not the publication date: the line goes, no field is filled
    ("Updated: 18 Nov 2019 9:38 pm", {}),
    # a forum post's number and date; a relative date fills nothing
    ("发布 #5 2023年11月18日星期六 14点15分", {"created": "2023-11-18"}),
    ("发表于 6 天前 | 只看该作者", {}),
    ("Posted 3 hours ago", {}),
    ("发布会将于2024年5月1日举行", None),
    # sentences that open like a dateline stay
    ("Published in 1998, the novel sold well.", None),
    ("Updated May 5, 2024 to correct the spelling of the mayor's name.", None),
    ("发布于2024年5月1日的新规，已经在全市施行。", None),
    ("By the way, on May 5, 2024 we met.", None),
    ("Postedby May 5, 2024", None),
])
def test_datelines(line, fields):
    assert parse_metadata_line(line) == fields


@pytest.mark.parametrize("text, iso", [
    ("May 16, 2024 6:33 PM", "2024-05-16T18:33:00"),
    ("May 16, 2024 6:33 p.m. PT", "2024-05-16T18:33:00"),
    ("May 16, 2024 12:05 am", "2024-05-16T00:05:00"),
    ("May 16, 2024 12:05 pm", "2024-05-16T12:05:00"),
    ("2024-05-16 18:33", "2024-05-16T18:33:00"),
])
def test_twelve_hour_times(text, iso):
    assert find_dates(text)[0][2] == iso
