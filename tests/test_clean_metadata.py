"""The metadata stage: which lines it removes, what it fills, and a created value the input stated."""

import pytest

from corpusclean.clean.metadata import MetadataLines, find_metadata
from corpusclean.document import Document

PROSE = "公园已向市民开放，周边居民纷纷前来游览，对新增的绿地和健身设施表示满意。"


def doc_of(lines: list[str], created: str | None = None, **metadata) -> Document:
    doc = Document(id="1", source="example.cn", location="x", created=created)
    doc.set_lines(lines)
    doc.metadata.update(metadata)
    return doc


def test_stage_removes_metadata_lines_and_fills_only_missing_fields():
    doc = doc_of(["市区新增三处口袋公园", "2022-04-02 来源：晚报 作者：钱进", PROSE, "编辑：吴敏"], publisher="From HTML")
    MetadataLines()(doc)
    assert doc.kept_lines() == ["市区新增三处口袋公园", PROSE]
    assert (doc.created, doc.metadata["created_precision"], doc.metadata["created_timezone"]) == (
        "2022-04-02T00:00:00", "day", None)
    assert doc.metadata["publisher"] == "From HTML"
    assert (doc.metadata["author"], doc.metadata["editor"], doc.metadata["title"]) == ("钱进", "吴敏", "市区新增三处口袋公园")
    assert [t["reason"] for t in doc.trace] == ["meta.date", "meta.editor"]


@pytest.mark.parametrize("created, precision, timezone, expected", [
    pytest.param("2018-01-08", None, None, ("2018-01-08T00:00:00", "day", None), id="a-day"),
    pytest.param("2018-01-08T07:19:00Z", None, None, ("2018-01-08T07:19:00", "second", "+00:00"), id="iso-z"),
    pytest.param("2018-01-08T07:19:00", "minute", None, ("2018-01-08T07:19:00", "minute", None), id="our-own-record"),
    pytest.param("not a date", None, None, ("not a date", None, None), id="unreadable-kept-as-stated"),
])
def test_created_stated_by_the_input_is_written_in_one_shape(created, precision, timezone, expected):
    doc = doc_of(["市区新增三处口袋公园", "2022-04-02 来源：晚报", PROSE], created, created_precision=precision,
                 created_timezone=timezone)
    MetadataLines()(doc)
    assert (doc.created, doc.metadata["created_precision"], doc.metadata["created_timezone"]) == expected


def test_running_on_its_own_output_changes_nothing():
    doc = doc_of(["长江大保护取得新进展_要闻_某某新闻网", "长江大保护取得新进展", "2021-07-01 08:00 来源：某某日报",
                  "本报记者 张三", PROSE, "责任编辑：李四"])
    MetadataLines()(doc)
    again = doc_of(doc.kept_lines(), doc.created, **{k: v for k, v in doc.metadata.items() if v is not None})
    MetadataLines()(again)
    assert again.kept_lines() == doc.kept_lines()
    assert (again.created, again.metadata) == (doc.created, doc.metadata)


def test_label_lines_with_nothing_to_lift_are_removed_without_filling_fields():
    lines = ["市区新增三处口袋公园", PROSE, "发布于：北京市", "IP属地：广西", "阅读：1024", "责任编辑："]
    values, verdicts = find_metadata(lines)
    assert verdicts == [None, None, "meta.label", "meta.label", "meta.label", "meta.label"]
    assert values["editor"] is None and values["publisher"] is None


@pytest.mark.parametrize("line", ["时间：每周三下午", "发布时间：", "地点：市民中心", "来源于群众，服务于群众。"])
def test_lines_that_may_carry_text_are_not_label_lines(line):
    _, verdicts = find_metadata([line])
    assert verdicts == [None]
