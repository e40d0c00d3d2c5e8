"""The metadata stage: which lines it removes and what it fills; a created value the input stated."""

import orjson
import pytest

from corpusclean.clean.metadata import MetadataLines, find_metadata
from corpusclean.document import Document
from corpusclean.pipeline import apply_line_stage
from corpusclean.read.paths import InputFile
from corpusclean.read.sources import _record_doc

PROSE = "公园已向市民开放，周边居民纷纷前来游览，对新增的绿地和健身设施表示满意。"


def doc_of(lines: list[str], **metadata) -> Document:
    doc = Document(id="1", source="example.cn", location="x")
    doc.set_lines(lines)
    doc.metadata.update(metadata)
    return doc


def test_stage_removes_metadata_lines_and_fills_only_missing_fields():
    doc = doc_of(["市区新增三处口袋公园", "2022-04-02 来源：晚报 作者：钱进", PROSE, "编辑：吴敏"], publisher="From HTML")
    apply_line_stage(MetadataLines(), doc)
    assert doc.kept_lines() == ["市区新增三处口袋公园", PROSE]
    assert (doc.created, doc.metadata["created_precision"], doc.metadata["created_timezone"]) == (
        "2022-04-02T00:00:00", "day", None)
    assert doc.metadata["publisher"] == "From HTML"
    assert (doc.metadata["author"], doc.metadata["editor"], doc.metadata["title"]) == ("钱进", "吴敏", "市区新增三处口袋公园")
    assert [t.reason for t in doc.trace] == ["meta.date", "meta.editor"]


def test_a_date_in_the_url_when_the_text_prints_none():
    doc = doc_of(["市区新增三处口袋公园", PROSE], url="http://www.example.gov.cn/zwgk/202204/t20220402_1.html")
    apply_line_stage(MetadataLines(), doc)
    assert (doc.created, doc.metadata["created_precision"]) == ("2022-04-02T00:00:00", "day")


def read_record(record: dict) -> Document:
    return _record_doc(InputFile("in.jsonl", "in.jsonl", "s"), 1, orjson.dumps(record), "text", "auto")


@pytest.mark.parametrize("created, metadata, expected", [
    pytest.param("2018-01-08", {}, ("2018-01-08T00:00:00", "day", None), id="a-day"),
    pytest.param("2018-01-08T07:19:00Z", {}, ("2018-01-08T07:19:00", "second", "+00:00"), id="iso-z"),
    pytest.param("2018-01-08T07:19:00", {"path": "a.txt", "created_precision": "minute", "created_timezone": None},
                 ("2018-01-08T07:19:00", "minute", None), id="our-own-record"),
    pytest.param("not a date", {}, ("not a date", None, None), id="unreadable-kept-as-stated"),
])
def test_created_stated_by_the_input_is_read_in_one_shape(created, metadata, expected):
    doc = read_record({"text": PROSE, "created": created, "metadata": metadata})
    assert (doc.created, doc.metadata["created_precision"], doc.metadata["created_timezone"]) == expected


def test_a_record_we_wrote_keeps_its_empty_title_and_what_it_states():
    """A record in our shape states "" for a title it found none for, and keeps it (a second run finds none);
    created, its source and the rest stated empty state nothing: the date line they would have come from was
    removed all the same, and its date lost."""
    lines = ["市区新增三处口袋公园", "2022-04-02 来源：晚报", PROSE]
    doc = read_record({"text": "\n".join(lines), "created": None,
                       "metadata": {"path": "a.txt", "title": None, "created_precision": None, "created_timezone": None,
                                    "publisher": ""}})
    doc.set_lines(doc.text.split("\n"))
    apply_line_stage(MetadataLines(), doc)
    assert (doc.created, doc.metadata["title"], doc.metadata["publisher"]) == ("2022-04-02T00:00:00", None, "晚报")
    stated = read_record({"text": "\n".join(lines), "created": "2021-01-01T00:00:00.000",
                          "metadata": {"path": "a.txt", "created_precision": "day", "publisher": "日报"}})
    stated.set_lines(stated.text.split("\n"))
    apply_line_stage(MetadataLines(), stated)
    assert (stated.created, stated.metadata["publisher"]) == ("2021-01-01T00:00:00", "日报")


def test_label_lines_with_nothing_to_lift_are_removed_without_filling_fields():
    lines = ["市区新增三处口袋公园", PROSE, "发布于：北京市", "IP属地：广西", "阅读：1024", "责任编辑："]
    values, verdicts = find_metadata(lines)
    assert verdicts == [None, None, "meta.label", "meta.label", "meta.label", "meta.label"]
    assert values["editor"] is None and values["publisher"] is None


@pytest.mark.parametrize("line", ["时间：每周三下午", "发布时间：", "地点：市民中心", "来源于群众，服务于群众。"])
def test_lines_that_may_carry_text_are_not_label_lines(line):
    _, verdicts = find_metadata([line])
    assert verdicts == [None]


@pytest.mark.parametrize("title_line, title, verdict", [
    pytest.param("标题新闻-要闻-某某网", "标题新闻", "meta.title", id="suffixes"),
    pytest.param("| 标题新闻 | 某某网", "标题新闻", "meta.title", id="opens-with-a-bar"),
    pytest.param("_标题新闻_某某网", "标题新闻", "meta.title", id="opens-with-an-underscore"),
    pytest.param("Flood defences hold as river peaks | City News", None, None, id="headline-not-repeated"),
])
def test_a_page_title_line_is_removed_when_its_headline_follows(title_line, title, verdict):
    values, verdicts = find_metadata([title_line, "标题新闻", "正文。"])
    assert verdicts[0] == verdict
    if title:
        assert values["title"] == title
