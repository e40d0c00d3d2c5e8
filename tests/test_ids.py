"""Record ids: the input's own when it has a usable one, its location's otherwise, never one given out before."""

import pytest

from corpusclean.document import Document
from corpusclean.read.ids import UniqueIds, input_id, location_id
from corpusclean.read.paths import InputFile
from corpusclean.read.sources import PageFile

CRAWL = InputFile("crawl/a.jsonl", "crawl/a.jsonl", "crawl")
PAGE = InputFile("x/pages/p.txt", "pages/p.txt", "pages")


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param("p-17", "p-17", id="string"),
        pytest.param(17, "17", id="integer"),
        pytest.param(1.5, None, id="number-with-a-fraction"),
        pytest.param(1.0, None, id="integer-written-as-a-float"),
        pytest.param("", None, id="empty"),
        pytest.param("  ", None, id="blank"),
        pytest.param(None, None, id="null"),
        pytest.param(True, None, id="boolean"),
        pytest.param([1], None, id="list"),
        pytest.param({"a": 1}, None, id="object"),
    ],
)
def test_input_id(value, expected):
    assert input_id(value) == expected


def test_location_id():
    assert (location_id(CRAWL, 3), location_id(PAGE, None)) == ("crawl/a.jsonl#3", "pages/p.txt")


def claims(*requests):
    ids = UniqueIds()
    return [ids.claim(doc_id, location_id(inp, line)) for doc_id, inp, line in requests], ids.renamed


@pytest.mark.parametrize(
    "requests, expected",
    [
        pytest.param([("1", CRAWL, 1), ("2", CRAWL, 2)], (["1", "2"], 0), id="distinct"),
        pytest.param([("1", CRAWL, 1), ("1", CRAWL, 2), ("1", CRAWL, 3)],
                     (["1", "crawl/a.jsonl#2", "crawl/a.jsonl#3"], 2), id="repeated-input-id"),
        pytest.param([("crawl/a.jsonl#2", CRAWL, 1), ("x", CRAWL, 2), ("x", CRAWL, 3)],
                     (["crawl/a.jsonl#2", "x", "crawl/a.jsonl#3"], 1), id="location-id-free"),
        pytest.param([("crawl/a.jsonl#2", CRAWL, 1), ("x", CRAWL, 2), ("x", CRAWL, 2)],
                     (["crawl/a.jsonl#2", "x", "crawl/a.jsonl#2~2"], 1), id="location-id-taken"),
        pytest.param([("pages/p.txt", PAGE, None)] * 3, (["pages/p.txt", "pages/p.txt~2", "pages/p.txt~3"], 2),
                     id="two-folders-named-pages"),
    ],
)
def test_unique_ids(requests, expected):
    assert claims(*requests) == expected


def test_a_renamed_record_keeps_its_input_id():
    ids = UniqueIds()
    first = Document(id="7", source="crawl", location="crawl/a.jsonl:1")
    first.metadata["line"] = 1
    second = Document(id="7", source="crawl", location="crawl/a.jsonl:2")
    second.metadata["line"] = 2
    assert ids.document(first, CRAWL).metadata["original_id"] is None
    renamed = ids.document(second, CRAWL)
    assert (renamed.id, renamed.metadata["original_id"]) == ("crawl/a.jsonl#2", "7")


def test_a_record_rejected_on_reading_takes_no_id():
    ids = UniqueIds()
    broken = Document(id="crawl/a.jsonl#1", source="crawl", location="crawl/a.jsonl:1")
    broken.reject("invalid_json", "invalid JSON")
    ids.document(broken, CRAWL)
    assert ids.claim("crawl/a.jsonl#1", location_id(CRAWL, 1)) == "crawl/a.jsonl#1"


def test_a_page_file_with_a_taken_id_is_read_under_a_new_one(tmp_path):
    ids = UniqueIds()
    (tmp_path / "p.txt").write_text("会议指出，今年入汛以来，全市降雨偏多。\n", encoding="utf-8")
    inp = InputFile(str(tmp_path / "p.txt"), "pages/p.txt", "pages")
    assert ids.page(PageFile(inp, "text", 1000)) == PageFile(inp, "text", 1000)
    doc = ids.page(PageFile(inp, "text", 1000)).read()
    assert (doc.id, doc.metadata["original_id"], doc.raw is not None) == ("pages/p.txt~2", "pages/p.txt", True)
