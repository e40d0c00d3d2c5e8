"""The written record (corpusclean/write/schema.py): every key of the schema in every record, each with its
one type, in every fixture output and in the README; fields of the input the tool does not use kept in
metadata.extra (FineWeb's and Dolma's shapes); a record read back is written as it was."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import orjson
import pytest

from clirun import REPO, corpusclean, jsonl
from corpusclean.document import Document
from corpusclean.read.paths import InputFile
from corpusclean.read.sources import read_jsonl
from corpusclean.write.records import to_record, to_reject
from corpusclean.write.schema import JSON_TYPES, RECORD, REJECT, fits, read_back, written

FIXTURE_OUTPUTS = sorted(REPO.glob("fixtures/*/expected*.jsonl"))


def problems(record: Any, schema: dict[str, Any] = RECORD, where: str = "") -> list[str]:
    """How a record strays from the schema: a key missing, null, or of another type. Keys the schema does
    not declare are allowed (`trace` with --explain)."""
    if not isinstance(record, dict):
        return [f"{where or 'record'} is not an object"]
    found = []
    for key, kind in schema.items():
        name = f"{where}{key}"
        if key not in record:
            found.append(f"{name} is missing")
        elif isinstance(kind, dict):
            found += problems(record[key], kind, f"{name}.")
        elif record[key] is None or not fits(record[key], kind):
            found.append(f"{name} is {record[key]!r}, not a {JSON_TYPES[kind]}")
    return found


@pytest.mark.parametrize("record, found", [
    pytest.param({"id": "a", "text": "t", "source": "s", "added": "", "created": "",
                  "metadata": {key: 0 if kind is int else "" for key, kind in RECORD["metadata"].items()}}, [],
                 id="every key, its type"),
    pytest.param({"id": "a", "text": "t", "source": "s", "added": "", "created": None, "metadata": {}},
                 ["created is None, not a string", *(f"metadata.{key} is missing" for key in RECORD["metadata"])],
                 id="null and missing"),
    pytest.param({"id": 7, "text": "t", "source": "s", "added": "", "created": "", "metadata": []},
                 ["id is 7, not a string", "metadata. is not an object"], id="wrong types"),
])
def test_problems_finds_what_strays_from_the_schema(record, found):
    assert problems(record) == found


@pytest.mark.parametrize("path", FIXTURE_OUTPUTS, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURE_OUTPUTS])
def test_every_fixture_record_has_every_key_with_its_type(path: Path):
    schema = REJECT if "rejects" in path.name else RECORD
    for number, line in enumerate(path.read_bytes().splitlines(), 1):
        assert problems(orjson.loads(line), schema) == [], f"{path.name}:{number}"


def test_what_was_not_found_is_the_empty_value_of_its_type():
    doc = Document(id="a", source="s", location="in/a.txt")
    doc.set_lines(["正文"])
    record = to_record(doc)
    assert (record["created"], record["added"], record["metadata"]["url"], record["metadata"]["line"]) == ("", "", "", 0)
    assert record["metadata"]["extra"] == "" and problems(record) == []
    doc.reject("binary", "NUL bytes")
    assert problems(to_reject(doc), REJECT) == []


@pytest.mark.parametrize("created, shown", [
    pytest.param("2024-11-10T09:30:00", "2024-11-10T09:30:00.000", id="a date and time: with milliseconds"),
    pytest.param(None, "", id="no date"),
    pytest.param("in the spring", "in the spring", id="a date an input stated in no known shape: as stated"),
    # In our shape but no moment: it was written '2020-13-45T99:99:99.000', as if it were one.
    pytest.param("2020-13-45T99:99:99", "2020-13-45T99:99:99", id="our shape, no real moment: as stated"),
    pytest.param("2021-02-29T00:00:00", "2021-02-29T00:00:00", id="our shape, a day no year has: as stated"),
    pytest.param("2020-13-45T99:99:99.000", "2020-13-45T99:99:99.000", id="with milliseconds, no moment: as stated"),
])
def test_created_is_written_as_a_string_arrow_does_not_take_for_a_timestamp(created, shown):
    doc = Document(id="a", source="s", location="a", created=created)
    doc.set_lines(["正文"])
    assert to_record(doc)["created"] == shown
    assert read_back(shown, RECORD["created"]) == created


def test_the_readme_shows_the_schema():
    table = re.search(r"^\| key \| type \|.*?\n((?:\|.*\n)+)", (REPO / "README.md").read_text("utf-8"), re.M)
    assert table, "README has no '| key | type |' table"
    shown = dict(re.findall(r"^\| `([\w.]+)` \| (\w+) \|", table.group(1), re.M))
    declared = {key: JSON_TYPES[kind] for key, kind in RECORD.items() if not isinstance(kind, dict)}
    declared |= {f"metadata.{key}": JSON_TYPES[kind] for key, kind in RECORD["metadata"].items()}
    declared["metadata"] = "object"
    assert shown == declared


# --- pass-through: what the input gives, and what it keeps -----------------------------------------

FINEWEB = {
    "text": "十月份居民消费价格同比上涨0.2%", "id": "<urn:uuid:6a1c8f2e-0000-4c3b-9d1e-000000000001>",
    "dump": "CC-MAIN-2024-10", "url": "https://news.example.cn/2024/1109/a1.html", "date": "2024-02-21T05:48:54Z",
    "file_path": "s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/1/warc/00001.warc.gz",
    "language": "zh", "language_score": 0.98, "token_count": 412,
}
DOLMA = {
    "id": "cc-0001", "text": "全省秋粮收购进度过半", "source": "common-crawl", "version": "v1",
    "added": "2024-05-01T00:00:00.000Z", "created": "2023-11-09T08:53:19",
    "metadata": {"url": "https://news.example.cn/2023/1109/b2.html", "warc_date": "2023-11-10T01:02:03Z",
                 "length": 812, "nested": {"spans": [[0, 4]]}},
}


def through_the_writer(record: dict) -> dict:
    """The record read by the JSONL reader and written, with no stage in between."""
    line = orjson.dumps(record) + b"\n"
    [doc] = read_jsonl(InputFile("in/feed.jsonl", "in/feed.jsonl", "in"), io.BytesIO(line), "text")
    return to_record(doc)


@pytest.mark.parametrize("record, fields, extra", [
    pytest.param(FINEWEB, {"id": FINEWEB["id"], "source": "in", "added": "", "created": "", "url": FINEWEB["url"]},
                 {key: FINEWEB[key] for key in ("dump", "date", "file_path", "language", "language_score",
                                                "token_count")},
                 id="FineWeb: url to metadata.url, the crawl's date and the rest to extra"),
    pytest.param(DOLMA, {"id": "cc-0001", "source": "common-crawl", "added": DOLMA["added"],
                         "created": DOLMA["created"] + ".000", "url": DOLMA["metadata"]["url"]},
                 {"version": "v1", "warc_date": "2023-11-10T01:02:03Z", "length": 812, "nested": {"spans": [[0, 4]]}},
                 id="Dolma: its document fields at the top, its metadata's other keys to extra"),
    pytest.param({"text": "正文", "source": 5, "created": None, "metadata": {"title": 7, "author": "甲", "line": "x"}},
                 {"source": "in", "created": "", "author": "甲"}, {"source": 5, "title": 7, "line": "x"},
                 id="a known field of another type is kept in extra"),
    pytest.param({"text": "正文", "url": "https://a.example/1", "metadata": {"url": "https://b.example/1"}},
                 {"url": "https://b.example/1"}, {"url": "https://a.example/1"},
                 id="a top-level url the metadata overrides is kept"),
    pytest.param({"text": "正文", "score": 1, "metadata": {"score": 2}}, {}, {"score": 1, "metadata.score": 2},
                 id="the same name at the top and in metadata"),
    pytest.param({"html": "<html><body><p>正文</p></body></html>", "crawl": "c1"}, {}, {"crawl": "c1"},
                 id="the html field is the text, not extra"),
    pytest.param({"text": "正文", "trace": [{"line": 0}]}, {}, {}, id="a trace is made again, not kept"),
])
def test_input_fields_are_used_or_kept_in_extra(record, fields, extra):
    written = through_the_writer(record)
    found = {**{key: written[key] for key in ("id", "source", "added", "created")}, **written["metadata"]}
    assert {key: found[key] for key in fields} == fields
    assert (orjson.loads(written["metadata"]["extra"]) if written["metadata"]["extra"] else {}) == extra
    assert problems(written) == []


@pytest.mark.parametrize("record", [FINEWEB, DOLMA, {"text": "正文", "extra": "not ours", "metadata": {"extra": 1}}],
                         ids=["FineWeb", "Dolma", "fields named extra"])
def test_a_written_record_reads_back_as_it_was(record):
    written = through_the_writer(record)
    assert through_the_writer(written) == written


def test_run_keeps_fineweb_and_dolma_fields_and_is_idempotent_on_its_output(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_bytes(orjson.dumps({**FINEWEB, "text": ARTICLE}) + b"\n"
                                                 + orjson.dumps({**DOLMA, "text": OTHER}) + b"\n")
    first = corpusclean("run", "in", "-q", "-o", "out.jsonl", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    second = corpusclean("run", "out.jsonl", "-q", cwd=tmp_path)
    assert second.stdout == (tmp_path / "out.jsonl").read_bytes()
    fineweb, dolma = jsonl(second.stdout)
    assert orjson.loads(fineweb["metadata"]["extra"])["language_score"] == 0.98
    assert (dolma["source"], dolma["added"], dolma["metadata"]["url"]) == ("common-crawl", DOLMA["added"],
                                                                           DOLMA["metadata"]["url"])


ARTICLE = ("全省各级工会牢牢把握时代主题，主题劳动和技能竞赛风起云涌，广大职工投身高质量发展主战场激情澎湃。\n"
           "体系更健全、平台更广阔、成效更显著，这是对五年来全省工会劳动和技能竞赛的精准概括。")
OTHER = ("记者从省粮食和物资储备局了解到，截至十一月十日，全省累计收购秋粮八百万吨，收购进度过半。\n"
         "各地粮库延长收购时间，开辟售粮绿色通道，方便农民就近售粮。")


@pytest.mark.parametrize("given, written_as", [
    pytest.param("2024-11-11T08:00:00Z", "2024-11-11T08:00:00.000Z", id="utc"),
    pytest.param("2024-11-11T08:00:00+08:00", "2024-11-11T08:00:00.000+08:00", id="an-offset"),
    pytest.param("2024-11-11 08:00", "2024-11-11T08:00:00.000", id="minutes-and-a-space"),
    pytest.param("2024-05-01T00:00:00.000Z", "2024-05-01T00:00:00.000Z", id="dolmas-own-shape"),
    # kept as stated: a day alone, a moment that is none, not a date
    pytest.param("2024-11-11", "2024-11-11", id="a-day"),
    pytest.param("2024-13-45T99:99:99", "2024-13-45T99:99:99", id="no-moment"),
    pytest.param("crawl 7", "crawl 7", id="not-a-date"),
])
def test_added_is_written_with_milliseconds_where_pyarrow_would_read_a_timestamp(given, written_as):
    assert written(RECORD, {"added": given})["added"] == written_as

