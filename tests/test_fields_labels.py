"""Metadata lines, bylines and names: what a line gives, and lines that look like one but are not."""

import pytest

from corpusclean.fields.dates import parse_date
from corpusclean.fields.labels import (
    loose_dateline, names_of_tag, paragraph_byline, read_label_pair, read_line, split_names,
)


def fields(**values):
    """The expected fields, dates given as text."""
    return {key: parse_date(value) if key in ("created", "dated", "updated") else value for key, value in values.items()}


@pytest.mark.parametrize("line, expected", [
    pytest.param("2019-03-12 10:05:33 来源：新华网", fields(created="2019-03-12 10:05:33", publisher="新华网"), id="date-and-source"),
    pytest.param("发布时间：2021年6月3日 09:30", fields(created="2021-06-03 09:30"), id="publication-label"),
    pytest.param("发表于 2004年12月27日 12:40", fields(created="2004-12-27 12:40"), id="posted-on"),
    pytest.param("时间：2005-3-11", fields(created="2005-3-11"), id="time-label"),
    pytest.param("发布日期：2017-10-24 浏览次数： 信息来源：市发展改革委", fields(created="2017-10-24", publisher="市发展改革委"),
                 id="empty-noise-label-between"),
    pytest.param("来源: | 发布时间: 2020-07-21 | 浏览次数: 3157", fields(created="2020-07-21"), id="empty-source-label"),
    pytest.param("来源：县融媒体中心 作者：李明 王芳 发布时间：2026-11-30 17:45 点击：1253",
                 fields(created="2026-11-30 17:45", publisher="县融媒体中心", author=("李明", "王芳")),
                 id="a-click-count-after-the-date"),
    pytest.param("信息来源：县政府办 发布时间：2026-12-02 17:35 访问次数：864",
                 fields(created="2026-12-02 17:35", publisher="县政府办"), id="a-visit-count-after-the-date"),
    pytest.param("【纠错】 【责任编辑:王晓晴 】", fields(editor=("王晓晴",)), id="a-button-and-an-editor-in-brackets"),
    pytest.param("【纠错】【来源：新华网】【编辑：张三】", fields(publisher="新华网", editor=("张三",)),
                 id="bracketed-groups-each-read"),
    pytest.param("【打印本页】【关闭窗口】", None, id="bracketed-buttons-alone-are-no-metadata"),
    pytest.param("【一图读懂】【2026年中央经济工作会议在北京举行】", None, id="bracketed-column-and-title"),
    pytest.param("【打印】 【第3版】 【编辑：张三】", None, id="a-group-with-a-figure-is-no-button"),
    pytest.param("联合报／记者林佳慧／台北即时报导", fields(author=("林佳慧",)), id="taiwan-newspaper-byline"),
    pytest.param("联合报／记者林佳慧、王小明／台北报导", fields(author=("林佳慧", "王小明")),
                 id="taiwan-newspaper-byline-two-names"),
    pytest.param("中央社记者陈文华／台北3日电", fields(author=("陈文华",)), id="taiwan-wire-byline"),
    pytest.param("2026-12-03 16:08 联合报／ 记者林佳慧／台北即时报导",
                 fields(created="2026-12-03 16:08", author=("林佳慧",)), id="a-date-then-a-taiwan-byline"),
    pytest.param("他对记者林佳慧／台北报导表示不满", None, id="a-sentence-around-a-byline"),
    pytest.param("2026-12-03 16:08 他说记者很辛苦", None, id="a-date-then-a-sentence-naming-reporters"),
    pytest.param("记者会／台北报导", None, id="a-press-conference-is-no-reporter"),
    pytest.param("阅读量：3092", {}, id="a-read-count-alone"),
    pytest.param("点阅次数：1,204", {}, id="a-taiwanese-view-count-alone"),
    pytest.param("作者：张三 | 来源：本站 | 浏览：1024 次", fields(author=("张三",), publisher="本站"),
                 id="a-view-count-is-no-part-of-the-source"),
    pytest.param("本版责编：林涛 美编：何静", fields(editor=("林涛",)), id="a-newspaper-page-editor-and-its-designer"),
    pytest.param("索引号：11340000002986061X/2026-04315 分类：城乡建设、环境保护；通知", {},
                 id="a-catalogue-row-whose-classes-hold-a-semicolon"),
    pytest.param("作者：张三；李四说的都对", None, id="a-semicolon-in-an-author-value-is-a-sentence"),
    pytest.param("分类：垃圾分类。居民要按时投放", None, id="a-catalogue-label-before-a-sentence"),
    pytest.param("浏览器兼容性问题已修复", None, id="a-word-starting-with-a-count-label"),
    pytest.param("2020-10-14 15:26来源：江城财经网作者：邹明川",
                 fields(created="2020-10-14 15:26", publisher="江城财经网", author=("邹明川",)), id="labels-glued-with-colons"),
    pytest.param("2015/09/30 Source: Hangzhou Evening News Author: Li Wei",
                 fields(created="2015/09/30", publisher="Hangzhou Evening News", author=("Li Wei",)), id="english-labels"),
    pytest.param("2017.05.04 来源：人民日报 作者：王小明", fields(created="2017.05.04", publisher="人民日报", author=("王小明",)),
                 id="date-source-author"),
    pytest.param("2022-08-01 14:20 字号：A- A A+ 来源：滨江新闻客户端", fields(created="2022-08-01 14:20", publisher="滨江新闻客户端"),
                 id="font-size-controls"),
    pytest.param("May 12, 2020 来源：新华社", fields(created="May 12, 2020", publisher="新华社"), id="month-name-first"),
    pytest.param("By Marcus Bell · Staff Writer · Aug 16, 2026", fields(author=("Marcus Bell",), created="Aug 16, 2026"),
                 id="en-byline-title-then-date"),
    pytest.param("By Jane Doe - The council met. On May 3, 2024 it voted", None, id="en-byline-then-a-sentence"),
    pytest.param("By ZHOU LINA in Qingdao | Harbour Daily | Updated: 2025-06-03 14:22",
                 fields(author=("ZHOU LINA",), updated="2025-06-03 14:22"), id="en-byline-filed-in-outlet-update-label"),
    pytest.param("By Jane Doe | Published 2025-06-03", fields(author=("Jane Doe",), created="2025-06-03"),
                 id="en-byline-then-a-dateline"),
    pytest.param("By Jane Doe in New York", fields(author=("Jane Doe",)), id="en-byline-filed-in"),
    pytest.param("By Harriet Pembroke, Transport Correspondent", fields(author=("Harriet Pembroke",)),
                 id="en-byline-a-job-title-after-the-name"),
    pytest.param("By Jane Doe, Staff Writer | June 3, 2025", fields(author=("Jane Doe",), created="June 3, 2025"),
                 id="en-dated-byline-a-job-title-after-the-name"),
    pytest.param("By Jane Doe, Tom Lee", fields(author=("Jane Doe", "Tom Lee")), id="en-byline-a-second-name-stays"),
    pytest.param("By Jane Doe in the kitchen", None, id="in-and-no-place-is-no-byline"),
    pytest.param("By Jane Doe | The Courier | Updates on the flood", None, id="a-title-then-no-dateline"),
    # the openings of a dump's bylines, and what follows their names but a date read
    pytest.param("by Jane Doe", fields(author=("Jane Doe",)), id="lower-case-by"),
    pytest.param("* by Jane Doe", fields(author=("Jane Doe",)), id="a-bulleted-by"),
    pytest.param("Written by Jane Doe", fields(author=("Jane Doe",)), id="written-by"),
    pytest.param("By Jane Doe | Valley Courier", fields(author=("Jane Doe",)), id="en-byline-then-its-outlet"),
    pytest.param("By Jane Doe - Harbor Times Contributor", fields(author=("Jane Doe",)), id="en-byline-then-a-desk"),
    pytest.param("By Jane Doe@janedoe", fields(author=("Jane Doe",)), id="en-byline-then-a-handle"),
    pytest.param("By Jane Doe Updated Nov 13, 2019, 10:28am EST", fields(author=("Jane Doe",), updated="Nov 13, 2019 10:28"),
                 id="en-byline-then-an-update-without-a-separator"),
    pytest.param("By Jane Doe November 19, 2019", fields(author=("Jane Doe",), created="November 19, 2019"),
                 id="en-byline-then-a-date-without-a-separator"),
    pytest.param("By Jane Doe On 11/13/19 at 4:00 PM EST", fields(author=("Jane Doe",)), id="en-byline-capital-on"),
    pytest.param("By Jane Doe, Wednesday, 20 November 2019 08:05 GMT",
                 fields(author=("Jane Doe",), created="20 November 2019 08:05 GMT"), id="en-byline-then-a-weekday"),
    pytest.param("By Jane Doe, Courier Staff", fields(author=("Jane Doe",)), id="en-byline-staff-is-no-name"),
    pytest.param("by Taboola", fields(author=()), id="a-widget's-vendor-is-no-author"),
    pytest.param("2019-05-17", fields(dated="2019-05-17"), id="a-date-alone"),
    pytest.param("Sept 3, 2019", fields(dated="Sept 3, 2019"), id="english-date-alone"),
    pytest.param("Nov 25, 2026 6:14 PM PST", fields(dated="2026-11-25 18:14"), id="time-zone-by-its-name"),
    pytest.param("最后更新: 2020-10-15 08:41:36", fields(updated="2020-10-15 08:41:36"), id="update-label"),
    pytest.param("Updated: 21 Oct 2020 7:46 pm", fields(updated="21 Oct 2020 7:46 pm"), id="english-update"),
    pytest.param("Published: March 4, 2021 10:15", fields(created="March 4, 2021 10:15"), id="english-published"),
    pytest.param("Posted Tue, Oct 13, 2020 at 4:07 pm PT|Updated Tue, Oct 13, 2020 at 4:19 pm PT",
                 fields(created="Oct 13, 2020"), id="posted-and-updated"),
    pytest.param("发布 #7 2020年10月17日星期六 09点25分", fields(created="2020-10-17 09:25"), id="forum-post-number"),
    # authors
    pytest.param("Reporter: Li Si", fields(author=("Li Si",)), id="reporter-label"),
    pytest.param("作者：罗蔓 许静怡", fields(author=("罗蔓", "许静怡")), id="author-label-two-names"),
    pytest.param("本报记者 陈晨 通讯员 刘洋", fields(author=("陈晨", "刘洋")), id="reporter-and-correspondent"),
    pytest.param("记者 张三 通讯员 李四", fields(author=("张三", "李四")), id="two-author-labels"),
    pytest.param("新华社记者 张伟 李静", fields(author=("张伟", "李静")), id="agency-reporters"),
    pytest.param("编辑部记者 张伟", fields(author=("张伟",)), id="word-inside-the-outlet"),
    pytest.param("滨江日报记者王五", fields(author=("王五",)), id="outlet-reporter-glued"),
    pytest.param("文/张三", fields(author=("张三",)), id="wen-slash"),
    pytest.param("【文/远山网专栏作者 周衡】", fields(author=("周衡",)), id="wen-slash-with-title"),
    pytest.param("采写：东江见习记者 石嘉禾", fields(author=("石嘉禾",)), id="title-before-name"),
    pytest.param("执笔/嘟嘟妹、钱一笑&赵小飞鱼", fields(author=("嘟嘟妹", "钱一笑", "赵小飞鱼")), id="names-and-ampersand"),
    pytest.param("(文/图 郭振川 任晓楠)", fields(author=("郭振川", "任晓楠")), id="text-and-photos"),
    pytest.param("By Sarah Johnson and Tom Lee", fields(author=("Sarah Johnson", "Tom Lee")), id="by-x-and-y"),
    pytest.param("By Peter Halvorsen on June 3, 2021", fields(author=("Peter Halvorsen",), created="June 3, 2021"), id="dated-by-line"),
    pytest.param("Evening Post - reporter Chen Jie and Liu Ming from the City Desk", fields(author=("Chen Jie", "Liu Ming")),
                 id="outlet-reporters"),
    pytest.param("REPORTER John Smith", fields(author=("John Smith",)), id="reporter-upper-case"),
    pytest.param("Staff Reporter Jane Doe", fields(author=("Jane Doe",)), id="staff-reporter"),
    pytest.param("People's Daily - Zhao Lei, reporter of People's Daily Online", fields(author=("Zhao Lei",)),
                 id="name-then-reporter-of"),
    pytest.param("作者：未知 责任编辑：果果不是梨", fields(editor=("果果不是梨",)), id="unknown-author"),
    # editors: never the author
    pytest.param("【责任编辑：赵六】", fields(editor=("赵六",)), id="editor-in-brackets"),
    pytest.param("+ 责任编辑： 赵六", fields(editor=("赵六",)), id="editor-in-a-nested-list-item"),
    pytest.param("* 来源：新华社", fields(publisher="新华社"), id="source-in-a-list-item"),
    pytest.param("责任编辑：孙七 校对：周八", fields(editor=("孙七",)), id="editor-and-proofreader"),
    pytest.param("编辑 宋立帆 校对 高宁", fields(editor=("宋立帆",)), id="editor-without-colon"),
    pytest.param("责任编辑：王璐 图片编辑：蒋立冬", fields(editor=("王璐",)), id="editor-and-photo-editor"),
    pytest.param("责任编辑：冯悦_KT3817", fields(editor=("冯悦",)), id="editor-staff-code"),
    pytest.param("[责任编辑：邵文涛 QD208]", fields(editor=("邵文涛",)), id="editor-spaced-staff-code"),
    pytest.param("责任编辑：KT062", fields(editor=("KT062",)), id="editor-only-a-code"),
    pytest.param("编辑|滕家豪 责编|冉雨欣", fields(editor=("滕家豪", "冉雨欣")), id="editors-with-bars"),
    pytest.param("Editor in charge: Zhang Min", fields(editor=("Zhang Min",)), id="english-editor"),
    pytest.param("Tags: Editor: Wu Fang", fields(editor=("Wu Fang",)), id="empty-tags-label"),
    pytest.param("本文来源：滨江商业日报 作者：柯茜茜 吕帆", fields(publisher="滨江商业日报", author=("柯茜茜", "吕帆")),
                 id="closing-source-and-author"),
    # a site or an office in the name slot is no author
    # the catalogue fields of a government disclosure page: nothing to lift
    pytest.param("文号：青政办发〔2025〕12号 有效性：有效", {}, id="document-number-and-validity"),
    pytest.param("索引号：001-2025-00318 主题分类：城乡建设", {}, id="index-number-and-subject"),
    pytest.param("文号问题引发讨论，专家称应规范管理。", None, id="a-sentence-opening-with-a-catalogue-word"),
    pytest.param("文　　号：青政办发〔2025〕12号 发布日期： 2025-05-22", fields(created="2025-05-22"),
                 id="a-label-spaced-out-to-the-width-of-the-others"),
    pytest.param("标 题： 青州市人民政府办公室关于加强城市排水管理的通知", {}, id="the-title-row-of-a-catalogue"),
    pytest.param("发布机构： 市人民政府办公室 成文日期： 2025-05-20",
                 fields(publisher="市人民政府办公室", updated="2025-05-20"), id="issuing-office-and-date-of-writing"),
    pytest.param("标题党的危害不容小觑，网友称应加强治理。", None, id="a-sentence-opening-with-the-title-word"),
    pytest.param("时 间 过得真快，转眼又是一年。", None, id="a-spaced-label-word-opening-a-sentence"),
    pytest.param("有效性评估报告显示新政策成效明显", None, id="a-headline-opening-with-a-catalogue-word"),
    pytest.param("作者：后勤保障党支部", {}, id="office-as-author"),
    pytest.param("作者：新华网", {}, id="site-as-author"),
    # labels with nothing worth keeping
    pytest.param("阅读：1024", {}, id="view-count"),
    pytest.param("IP属地：广西", {}, id="ip-location"),
    pytest.param("责任编辑：", {}, id="empty-editor"),
    pytest.param("发表于 6 天前 | 只看该作者", {}, id="relative-date"),
    # not metadata: sentences, headings and notes that mention a date, a source or a reporter
    pytest.param("2018年11月5日，首届中国国际进口博览会在上海开幕。", None, id="sentence-with-date"),
    pytest.param("来源于基层的创新做法正在全省推广。", None, id="sentence-opening-like-a-label"),
    pytest.param("来源：国家统计局数据显示，上半年全省生产总值同比增长5.5%。", None, id="label-then-sentence"),
    pytest.param("On 12 May 2020, the council approved the new budget.", None, id="english-sentence-with-date"),
    pytest.param("Source: officials said the talks would resume next week.", None, id="english-label-then-sentence"),
    pytest.param("Reporter detained in border town", None, id="headline-about-a-reporter"),
    pytest.param("Reporters Without Borders condemned the arrest.", None, id="organisation-named-reporters"),
    pytest.param("记者手记", None, id="column-name"),
    pytest.param("未授权编辑者的文档 了解详情", None, id="editor-as-part-of-a-word"),
    pytest.param("（编辑：小周）返回首页，查看更多", None, id="note-then-other-text"),
    pytest.param("该文章由本文作者校译", None, id="sentence-about-the-author"),
    pytest.param("（资料来源：商务部网站）", None, id="data-source-note"),
    pytest.param("时间就是生命，效率就是金钱", None, id="saying-about-time"),
    pytest.param("时间：每周三下午", None, id="notice-time"),
    pytest.param("地点：市民中心", None, id="venue"),
    pytest.param("发布时间：", None, id="date-label-without-date"),
    pytest.param("2023-13-45 来源：某报", None, id="impossible-date"),
    pytest.param("Published in 1998, the novel sold well.", None, id="published-sentence"),
    pytest.param("发布会将于2024年5月1日举行", None, id="announcement"),
    pytest.param("by the way, the park reopens", None, id="lower-case-by-and-no-name"),
    pytest.param("Stand by Jane Doe", None, id="by-inside-a-line"),
    pytest.param("|", None, id="separator-only"),
    pytest.param("| -", None, id="separators-only"),
])
def test_read_line(line, expected):
    assert read_line(line) == expected


@pytest.mark.parametrize("value, names", [
    pytest.param("罗蔓 许静怡", ("罗蔓", "许静怡"), id="han-names-by-space"),
    pytest.param("王伟、刘敏", ("王伟", "刘敏"), id="han-names-by-dunhao"),
    pytest.param("Jane Doe and Tom Lee", ("Jane Doe", "Tom Lee"), id="english-and"),
    pytest.param("Jane Doe, Tom Lee", ("Jane Doe", "Tom Lee"), id="english-comma"),
    pytest.param("韩智 整合", ("韩智",), id="credit-word-after"),
    pytest.param("欧阳思远编译", ("欧阳思远",), id="credit-word-glued"),
    pytest.param("许蕊 摄", ("许蕊",), id="photo-credit"),
    pytest.param("记者韩智", ("韩智",), id="byline-word-glued"),
    pytest.param("佚名", (), id="placeholder"),
    pytest.param("人民日报", (), id="newspaper"),
    pytest.param("JANE MILLER Associated Press", ("JANE MILLER",), id="a-name-then-its-outlet"),
    pytest.param("Dana Whitfield, WKXT", ("Dana Whitfield",), id="a-name-then-its-outlet-in-capitals"),
    pytest.param("Jane Doe and Tom Lee Associated Press", ("Jane Doe", "Tom Lee"), id="names-then-their-outlet"),
    pytest.param("The Washington Post", (), id="an-english-newspaper"),
    pytest.param("http://example.com/author/1", (), id="url"),
])
def test_split_names(value, names):
    assert split_names(value) == names


@pytest.mark.parametrize("value, names", [
    pytest.param("王五", ("王五",), id="a-name"),
    pytest.param("By Jane Doe", ("Jane Doe",), id="by-in-the-tag"),
    pytest.param("Guest", (), id="guest"),
    pytest.param("name, email@gmail.com", (), id="template-placeholder"),
    pytest.param("方若琳 邱雪晴返回远帆，查看更多", (), id="a-sentence"),
])
def test_names_of_tag(value, names):
    assert names_of_tag(value) == names


@pytest.mark.parametrize("paragraph, names", [
    pytest.param("全市今年新增就业岗位三万个，城镇登记失业率保持低位。（记者张三）", ("张三",), id="closing"),
    pytest.param("本报讯（记者 李四 通讯员 王五）近日，市总工会启动送温暖活动。", ("李四", "王五"), id="opening"),
    pytest.param("新华社北京3月5日电（记者王伟、刘敏）十四届全国人大一次会议开幕。", ("王伟", "刘敏"), id="agency-dateline"),
    pytest.param("江岸网10月4日讯（记者韩智 整合）", ("韩智",), id="with-credit-word"),
    pytest.param("（中央社记者林静文／台北5日电）行政院今天通过明年度总预算案。", ("林静文",), id="wire-dateline-after-a-slash"),
    pytest.param("（中央社记者林静文台北5日电）行政院今天通过明年度总预算案。", (), id="name-run-into-the-dateline-unsplit"),
    pytest.param("（中央社记者林静文、许铭东京5日专电）日本政府今天表示。", ("林静文",), id="second-name-run-into-a-dateline"),
    pytest.param("（责编：阮诗涵、齐涛）", (), id="editors-are-not-authors"),
    pytest.param("图为活动现场（记者 王五 摄）", (), id="a-photo-credit"),
    pytest.param("他说，要把这项工作做细做实（下转第二版）。", (), id="page-note"),
])
def test_paragraph_byline(paragraph, names):
    assert paragraph_byline(paragraph) == names


@pytest.mark.parametrize("line, created", [
    pytest.param("2021-06-18 · 城市报道", "2021-06-18T00:00:00", id="date-and-column"),
    pytest.param("2022-02-13 09:57 光明网", "2022-02-13T09:57:00", id="date-and-site"),
    pytest.param("新华社 / 2021-03-09 17:42", "2021-03-09T17:42:00", id="agency-and-date"),
    pytest.param("她不爱热闹，却总被热闹找上门2016-04-11", None, id="headline-list-item"),
    pytest.param("— Jane Roe (@janeroe) May 11, 2024", None, id="quoted-post-attribution"),
    pytest.param("2019-08-06 至 2019-08-09", None, id="two-dates"),
    pytest.param("截至2019年9月7日，全市共有三百家企业参加了这次活动并取得了很好的成绩", None, id="sentence"),
])
def test_loose_dateline(line, created):
    found = loose_dateline(line)
    assert (found.created if found else None) == created


@pytest.mark.parametrize("label, value, expected", [
    pytest.param("发布日期", "2026年11月30日 09:15", fields(created="2026-11-30 09:15"), id="date-label-over-its-date"),
    pytest.param("发文机关", "临江市人民政府办公室", fields(publisher="临江市人民政府办公室"), id="issuer-over-its-name"),
    pytest.param("来源：", "临江日报", fields(publisher="临江日报"), id="source-label-with-its-colon"),
    pytest.param("标题", "临江市人民政府办公室关于印发临江市老旧小区改造三年行动方案的通知", {}, id="catalogue-title"),
    pytest.param("索引号", "001234567/2026-04512", {}, id="catalogue-index-number"),
    # negatives
    pytest.param("编辑", "查看历史", None, id="a-wiki's-edit-button-over-another"),
    pytest.param("作者", "张三", None, id="an-author-label-alone-is-a-column-heading-as-often"),
    pytest.param("收藏", "我市召开冬季安全生产工作会议", None, id="a-tool-over-a-headline"),
    pytest.param("阅读", "3021", None, id="a-count-label"),
    pytest.param("来源", "记者从市交通运输局获悉，地铁三号线二期工程将于今年年底前开通试运营。", None,
                 id="a-sentence-is-no-value"),
    pytest.param("Source", "Reuters", None, id="english-labels-are-not-paired"),
])
def test_read_label_pair(label, value, expected):
    assert read_label_pair(label, value) == expected
