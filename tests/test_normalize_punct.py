import pytest
from hypothesis import given, strategies as st

from corpusclean.document import Document
from corpusclean.normalize.punct import CjkPunct, _convert_mark_runs, _convert_marks, fix_cjk_punct


@pytest.mark.parametrize(
    "line, expected",
    [
        ("初心如磐,使命如山。", "初心如磐，使命如山。"),
        ("县(市、区)", "县（市、区）"),
        ("电话:010-12345678", "电话：010-12345678"),
        ("记者:王明 李华", "记者：王明 李华"),
        ("会议强调;要抓好落实", "会议强调；要抓好落实"),
        ("这是真的吗?", "这是真的吗？"),
        ("太好了?!", "太好了？！"),
        ("(一)加强组织领导", "（一）加强组织领导"),
        ("(记者 张伟)", "（记者 张伟）"),
        ("新华社北京10月20日电(记者 王明)", "新华社北京10月20日电（记者 王明）"),
        ("“一带一路”,合作共赢", "“一带一路”，合作共赢"),
        ("国家统计局(NBS)发布数据", "国家统计局（NBS）发布数据"),
        ("时间:2023年10月20日 15:30", "时间：2023年10月20日 15:30"),
        ("截至9月底,共有1,000人报名", "截至9月底，共有1,000人报名"),
        # negative cases: English, numbers, times, URLs, unpaired parentheses
        ("Hello, world (test)!", "Hello, world (test)!"),
        ("The meeting starts at 3:30 p.m.", "The meeting starts at 3:30 p.m."),
        ("1,000", "1,000"),
        ("A(B)", "A(B)"),
        ("来源http://www.gov.cn/a?id=1&x=2", "来源http://www.gov.cn/a?id=1&x=2"),
        ("Xi Jinping (习近平) said on Monday", "Xi Jinping (习近平) said on Monday"),
        ("15:30 更新", "15:30 更新"),
        ("一、加强组织领导（重点", "一、加强组织领导（重点"),
        ("全文(未完", "全文(未完"),
        ("已经是全角，不变：（好）！", "已经是全角，不变：（好）！"),
        # conversions that give a neighbour Chinese context take more than one pass
        ("(中(a)中)", "（中（a）中）"),
        ("(中)(a)", "（中）（a）"),
        ("中,(abc)", "中，（abc）"),
        # some runs of marks convert, others (in numbers) do not
        ("中文,1,000", "中文，1,000"),
        ("报道(a,b)中", "报道（a,b）中"),
    ],
)
def test_fix_cjk_punct(line, expected):
    assert fix_cjk_punct(line) == expected


ALPHABET = st.sampled_from(list("中文工会abcAB12 ,:;!?()，。（）“”:/."))


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_idempotent_and_keeps_length_and_letters(line):
    fixed = fix_cjk_punct(line)
    assert fix_cjk_punct(fixed) == fixed
    assert len(fixed) == len(line)
    for before, after in zip(line, fixed):
        assert before == after or (before in ",:;!?()" and after in "，：；！？（）")
    # parentheses are converted in pairs
    assert line.count("(") - fixed.count("(") == line.count(")") - fixed.count(")")


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_marks_shortcut_agrees_with_run_by_run(line):
    assert _convert_marks(line) == _convert_mark_runs(line)


def test_stage_rewrites_lines_without_trace():
    doc = Document(id="1", source="s", location="p")
    doc.set_lines(["初心如磐,使命如山。", "Hello, world"])
    CjkPunct()(doc)
    assert doc.lines == ["初心如磐，使命如山。", "Hello, world"]
    assert doc.trace == []
