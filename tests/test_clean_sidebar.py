import pytest

from corpusclean.clean.sidebar import REASON, Sidebar, is_person_line, is_sidebar_heading, judge_sidebar
from corpusclean.document import DocView

L = "sidebar.leadership"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("李建国 市委书记", True),
        ("周 军 市委副书记、市长", True),
        ("赵晓梅 市人大常委会主任、党组书记", True),
        ("孙立 省政协副主席、省总工会主席（兼）", True),
        ("刘 洋 市委常委、组织部部长,市委党校校长(兼)候选人", True),
        ("Li Ming, Chairman", True),
        ("Maria Gonzalez, Deputy Director of Planning", True),
        # article text that names officials
        ("王明 市委书记在会上指出，要把安全生产放在首位。", False),
        ("李建国 市委书记强调", False),
        ("出席会议的有：李建国、周军、赵晓梅等市领导。", False),
        ("张华 高级工程师、技术骨干", False),
        ("Li Ming, the chairman, said the plan would be ready next month.", False),
        ("2023年 全市经济工作会议", False),
    ],
)
def test_is_person_line(line, expected):
    assert is_person_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [("领导班子", True), ("市领导", True), ("Leadership", True), ("领导之窗", True),
     ("省领导调研秋粮收购工作", False), ("领导干部要带头学法", False)],
)
def test_is_sidebar_heading(line, expected):
    assert is_sidebar_heading(line) is expected


SIDEBAR = ["现任领导", "李建国 市委书记", "周 军 市委副书记、市长", "赵晓梅 市人大常委会主任", "钱 勇 市政协主席"]


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["新闻", *SIDEBAR, "正文第一段。"], [None, L, L, L, L, L, None]),
        # a run without a heading still goes
        (SIDEBAR[1:] + ["会议强调，要狠抓落实。"], [L, L, L, L, None]),
        # two person lines are not a sidebar
        (["现任领导", "李建国 市委书记", "周 军 市委副书记、市长", "正文。"], [None, None, None, None]),
        # a person line in the body, between sentences, stays
        (["会议由市委副书记主持。", "王明 市委书记", "王明强调，要抓好秋冬季安全生产。"], [None, None, None]),
        (["Leadership", "Li Ming, Chairman", "Anna Berg, Vice President", "Tom Okafor, Secretary General"], [L, L, L, L]),
        (["The mayor, Anna Berg, opened the bridge on Monday.", "Li Ming, Chairman"], [None, None]),
    ],
)
def test_judge_sidebar(lines, expected):
    assert judge_sidebar(lines) == expected


def test_extra_titles_extend_the_vocabulary():
    lines = ["张一 首席科学家", "李二 首席科学家", "王三 首席科学家"]
    assert judge_sidebar(lines) == [None, None, None]
    view = DocView(title=None, lang="zh", format="txt", source="s")
    assert Sidebar(extra_titles=("首席科学家",)).judge(lines, view).verdicts == [L, L, L]


PERSON = "李建国 市委书记"
BODY = "会议强调，要狠抓落实。"


@pytest.mark.parametrize("before", range(4))
@pytest.mark.parametrize("run", range(1, 6))
def test_runs_are_found_wherever_they_start(before, run):
    lines = [BODY] * before + [PERSON] * run + [BODY, PERSON, PERSON, "现任领导"] + [PERSON] * run
    is_sidebar = [L if run >= 3 else None]
    expected = [None] * before + is_sidebar * run + [None, None, None] + (is_sidebar * (run + 1))
    assert judge_sidebar(lines) == expected


def test_runs_next_to_each_other():
    lines = [PERSON] * 3 + ["现任领导"] + [PERSON] * 4 + [BODY] + [PERSON] * 2 + [BODY] + [PERSON] * 3
    assert judge_sidebar(lines) == [L] * 8 + [None] * 4 + [L] * 3


@pytest.mark.parametrize(
    "line, expected",
    [("Jane Roe – Mayor", True), ("Jane Roe — Mayor", True), ("Jane Roe Mayor", False)],
)
def test_english_name_and_titles_are_set_apart(line, expected):
    assert is_person_line(line) is expected


def test_a_leadership_list_of_names_glued_to_titles_under_its_heading():
    lines = ["区政府领导", "* 周立川区委副书记、区长", "* 梁航区委常委、常务副区长", "* 唐书琴副区长", "* 何振鹏区政府党组成员",
             "周立川", "区委副书记、区长"]
    assert judge_sidebar(lines) == [REASON] * 5 + [None, None]
    # without the heading, or fewer than MIN_RUN of them, such lines are left alone (a headline list may read so)
    assert judge_sidebar(lines[1:]) == [None] * 6
    assert judge_sidebar(["区政府领导", "* 唐书琴副区长", "* 王刚副区长", "周立川"]) == [None] * 4
