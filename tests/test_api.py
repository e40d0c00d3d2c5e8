"""The Python API: one page into a record, records through the whole pipeline, and its pieces for an engine."""

import json
import subprocess
import sys
from collections import defaultdict

import pytest

import corpusclean
from clirun import corpusclean as run_cli
from clirun import jsonl
from test_jobs import TRADITIONAL
from test_jobs import ZH
from corpusclean import Config, Page

BODY, BODY2 = ZH[0], ZH[5]
EN = "The city council approved the budget on Tuesday after a three-hour debate in the town hall."


def test_import_is_light_and_every_public_name_resolves():
    code = "import sys, corpusclean; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "('lxml', 'numpy', 'orjson', 'ray', 'datatrove', 'rich', 'typer') or m.startswith('corpusclean.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    for name in corpusclean.__all__:
        assert getattr(corpusclean, name) is not None, name
    with pytest.raises(AttributeError):
        corpusclean.no_such_name  # noqa: B018


@pytest.mark.parametrize("text, expected_text, fields", [
    pytest.param(f"首页 新闻 国内 国际 财经\n{BODY}\n责任编辑：李方", BODY, {"editor": "李方", "lang": "zh"}, id="nav-and-editor-removed"),
    pytest.param(f"{BODY}\n{BODY2}", f"{BODY}\n{BODY2}", {"lang": "zh", "format": "txt"}, id="article-kept-whole"),
    pytest.param(TRADITIONAL, BODY, {"script": "hant"}, id="traditional-converted"),
    pytest.param(EN, EN, {"lang": "en", "encoding": "utf-8"}, id="english"),
    pytest.param(BODY.encode("gb18030"), BODY, {"encoding": "gb18030"}, id="legacy-bytes-decoded"),
])
def test_clean_text_gives_a_record(text, expected_text, fields):
    record = corpusclean.clean_text(text, id="a-1", source="site")
    assert (record["id"], record["source"], record["text"]) == ("a-1", "site", expected_text)
    assert {key: record["metadata"][key] for key in fields} == fields
    assert "reject_reason" not in record


@pytest.mark.parametrize("text, reason", [
    pytest.param("", "empty", id="empty-text"),
    pytest.param("   \n\t\n", "empty", id="whitespace-only"),
    pytest.param(b"", "empty_input", id="empty-bytes"),
    pytest.param(b"\x00\x01binary\x00" * 20, "binary", id="binary-bytes"),
])
def test_clean_text_gives_a_reject_record_for_what_cannot_be_cleaned(text, reason):
    record = corpusclean.clean_text(text)
    assert record["reject_reason"] == reason and record["id"] == "text"


def test_clean_html_finds_the_article_and_its_metadata():
    page = (f"<html><head><meta charset='gbk'><title>防汛会议召开-南岭日报</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
            f"<div class='article'><h1>防汛会议召开</h1><p>{BODY}</p><p>{BODY2}</p></div></body></html>")
    from_bytes = corpusclean.clean_html(page.encode("gbk"), id="https://example.com/a.html")
    from_text = corpusclean.clean_html(page, id="https://example.com/a.html")
    for record in (from_bytes, from_text):
        assert BODY in record["text"] and BODY2 in record["text"] and "首页" not in record["text"]
        assert record["metadata"]["format"] == "html"
    assert from_bytes["metadata"]["encoding"] == "gb18030" and from_bytes["text"] == from_text["text"]


def test_clean_html_rejects_a_page_without_prose():
    links = "".join(f"<li><a href='/{i}'>第{i}条新闻标题</a></li>" for i in range(30))
    assert corpusclean.clean_html(f"<html><body><ul>{links}</ul></body></html>")["reject_reason"] == "no_content"


def test_explain_in_the_config_adds_the_trace():
    record = corpusclean.clean_text(f"{BODY}\n责任编辑：李方", Config(explain=True))
    assert [(step["stage"], step["reason"]) for step in record["trace"]] == [("metadata", "meta.editor")]


def records_with_everything():
    """Input records: eight articles of one site with its template lines, a copy, a record without id, one
    without text, a page's bytes in a legacy encoding."""
    template = ["中工网 首页 要闻 时政 评论 工会", "本版稿件由南岭晚报社区新闻部提供"]  # the second: only as a template
    pairs = [(0, 1), (2, 3), (4, 5), (0, 2), (1, 3), (2, 4), (3, 5), (0, 4)]
    records = [{"id": f"r{i}", "source": "site", "text": "\n".join([template[0], ZH[a], ZH[b], template[1]])}
               for i, (a, b) in enumerate(pairs)]
    records.append({"id": "copy", "source": "site", "text": records[0]["text"]})
    records.append({"source": "site", "text": EN + " " + EN})
    records.append({"id": "no-text", "title": "x"})
    records.append(Page(f"{BODY}\n{EN}".encode("gb18030"), "page.txt", "pages"))
    return records


def test_clean_records_accounts_for_every_input():
    out = list(corpusclean.clean_records(records_with_everything(), Config(jobs=1)))
    assert sorted(r["id"] for r in out) == sorted([f"r{i}" for i in range(8)] + ["copy", "records#10", "records#11",
                                                                                   "page.txt"])
    rejects = {r["id"]: (r["reject_reason"], r["reject_detail"]) for r in out if "reject_reason" in r}
    assert rejects == {"copy": ("duplicate", "r0"), "records#11": ("invalid_record", "field 'text' is missing")}
    written = {r["id"]: r for r in out if "reject_reason" not in r}
    assert all("南岭晚报" not in written[f"r{i}"]["text"] for i in range(8))  # the site's template learned
    assert written["page.txt"]["metadata"]["encoding"] == "gb18030"


def test_clean_records_writes_what_run_writes(tmp_path):
    records = [r for r in records_with_everything() if isinstance(r, dict)]
    (tmp_path / "data.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = run_cli("run", "data.jsonl", "--rejects", "rejects.jsonl", "--jobs", "1", "--quiet", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the record without text is a read error
    api = list(corpusclean.clean_records(records, Config(jobs=1), name="data.jsonl"))
    written = [r for r in api if "reject_reason" not in r]
    # A reject of a JSONL line keeps the line as raw; a record without text has no source of its own.
    neutral = {"raw": None, "source": None}
    rejected = [{**r, **neutral} for r in api if "reject_reason" in r]
    assert written == jsonl(result.stdout)
    assert rejected == [{**r, **neutral} for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())]


@pytest.mark.parametrize("jobs", [0, 2])
def test_the_configs_source_is_the_records_source_as_run_source_gives_it(jobs, tmp_path):
    """Config(source=...) was not read by the API: clean_records wrote source 'records' (the name) and ids
    'records#N' where `run --source crawl` writes 'crawl' and 'crawl/data.jsonl#N', and a page without a
    source of its own got source ''."""
    records = [{"text": BODY}, {"id": "b", "text": BODY2}, {"source": "own", "text": EN}]
    (tmp_path / "data.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = run_cli("run", "data.jsonl", "--source", "crawl", "--jobs", str(jobs), "-q", "--dedup", "none",
                     cwd=tmp_path)
    api = list(corpusclean.clean_records(records, Config(source="crawl", jobs=jobs, dedup="none"), name="data.jsonl"))
    assert [(r["id"], r["source"]) for r in api] == [("crawl/data.jsonl#1", "crawl"), ("b", "crawl"), (
        "crawl/data.jsonl#3", "own")]
    assert api == jsonl(result.stdout)
    assert corpusclean.clean_text(EN, Config(source="crawl"), id="a")["source"] == "crawl"
    assert corpusclean.clean_text(EN, Config(source="crawl"), id="a", source="site")["source"] == "site"
    [page] = corpusclean.clean_records([Page(EN, "p")], Config(source="crawl", jobs=jobs))
    assert (page["id"], page["source"]) == ("p", "crawl")


def test_a_phrase_list_may_be_given_as_a_list():
    """Config(extra_boilerplate=["本站声明"]), as README's config file writes it, was a ValueError that
    contradicted itself: 'extra_boilerplate must be a list of strings, not ['本站声明']' (only a tuple was
    taken)."""
    config = Config(extra_boilerplate=["本站声明"], extra_titles=["总经理"])
    assert (config.extra_boilerplate, config.extra_titles) == (("本站声明",), ("总经理",))
    assert config == Config(extra_boilerplate=("本站声明",), extra_titles=("总经理",)) and hash(config)
    assert corpusclean.clean_text(f"本站声明\n{BODY}", config)["text"] == BODY
    with pytest.raises(ValueError, match=r"^extra_titles must hold non-empty strings$"):
        Config(extra_titles=["总经理", " "])


def compressed_pages():
    import gzip

    import zstandard

    page = f"首页 新闻 国内 国际 财经\n{BODY}\n{BODY2}\n责任编辑：李方\n".encode("gb18030")
    whole = gzip.compress(page)
    return [pytest.param(whole, id="gzip"), pytest.param(zstandard.ZstdCompressor().compress(page), id="zstd"),
            pytest.param(whole[: len(whole) // 2], id="gzip-cut-short"),
            pytest.param(gzip.compress(page * 500), id="gzip-over-max-page-bytes")]


@pytest.mark.parametrize("data", compressed_pages())
def test_clean_text_reads_compressed_bytes_as_run_reads_a_file_of_them(data, tmp_path):
    """run reads a page file holding gzip or zstd whatever its name; clean_text took the same bytes for the
    text, and rejected them as 'binary: binary content (NUL bytes), not text'."""
    (tmp_path / "page.txt").write_bytes(data)
    (tmp_path / "corpusclean.toml").write_text("max_page_bytes = 50000\n")
    result = run_cli("run", "page.txt", "-q", "-o", "out.jsonl", "--rejects", "rejects.jsonl", cwd=tmp_path)
    [expected] = jsonl((tmp_path / "out.jsonl").read_bytes() + (tmp_path / "rejects.jsonl").read_bytes())
    assert corpusclean.clean_text(data, Config(max_page_bytes=50_000), id="page.txt") == {**expected, "source": ""}
    assert result.returncode == (0 if "reject_reason" not in expected else 1), result.stderr.decode()


@pytest.mark.parametrize("jobs", [1, 2])
def test_clean_records_gives_a_repeated_id_a_new_one_as_run_does(jobs, tmp_path):
    """clean_records wrote every record with the id it came with: two records 'a', where run writes the second
    as its location's id ('data.jsonl#2'), its own kept in metadata.original_id."""
    records = [{"id": "a", "text": BODY}, {"id": "a", "text": BODY2}, {"id": "data.jsonl#2", "text": EN},
               {"text": TRADITIONAL}]
    (tmp_path / "data.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = run_cli("run", "data.jsonl", "--jobs", str(jobs), "--quiet", "--dedup", "none", cwd=tmp_path)
    api = list(corpusclean.clean_records(records, Config(jobs=jobs, dedup="none"), name="data.jsonl"))
    assert [(r["id"], r["metadata"]["original_id"]) for r in api] == [
        ("a", ""), ("data.jsonl#2", "a"), ("data.jsonl#3", "data.jsonl#2"), ("data.jsonl#4", "")]
    assert [{**r, "source": None} for r in api] == [{**r, "source": None} for r in jsonl(result.stdout)]


def test_a_page_id_or_a_record_position_that_names_nothing_is_a_value_error():
    """clean_text(..., id="") wrote a record with the empty id (check: CC004 no id), and as_document(record,
    position=0) the id 'records#0' of a line no file has."""
    with pytest.raises(ValueError, match=r"^a page's id is a str with a visible character, not ' '$"):
        corpusclean.clean_text(EN, id=" ")
    with pytest.raises(ValueError, match=r"^position is a line number \(1 or more\) or None, not 0$"):
        corpusclean.as_document(RECORD, position=0)


def test_the_segments_sharded_by_hand_give_the_records_of_clean_records():
    """What an engine does with the API: each shard through a segment's stages, summaries of all shards
    fitted in input order, the models applied where the next segment opens."""
    config = Config(jobs=1)
    items = records_with_everything()
    docs = [corpusclean.as_document(item, config, "records", n) for n, item in enumerate(items, 1)]
    position = {doc.id: n for n, doc in enumerate(docs)}
    shards = [docs[0::2], docs[1::2]]
    out, models = [], {}
    for segment in corpusclean.segments(config):
        survivors = []
        for shard in shards:
            for doc in shard:
                for stage, model in models.items():
                    if not doc.rejected:  # as run_stages does, a rejected document goes no further
                        doc = stage.apply(doc, model)
                doc = corpusclean.run_stages(segment.stages, doc)
                (out if doc.rejected or not segment.corpus else survivors).append(doc)
        survivors.sort(key=lambda doc: position[doc.id])  # summaries in input order: dedup keeps the first copy
        models, passing = {}, survivors
        for stage in segment.corpus:
            summaries = [stage.summarize(doc) for doc in passing]
            models[stage] = stage.fit(summaries)
            if stage.filter:  # what a filter rejects is left out of the next stage's fit
                passing = [doc for doc, summary in zip(passing, summaries) if not stage.rejects(summary, models[stage])]
        shards = [survivors]
    expected = list(corpusclean.clean_records(items, config))
    assert sorted((corpusclean.output(doc) for doc in out), key=str) == sorted(expected, key=str)


def test_run_stages_adds_each_stage_time():
    timings = defaultdict(float)
    stages = corpusclean.segments(Config())[0].stages
    corpusclean.run_stages(stages, corpusclean.as_document({"text": BODY}), timings)
    assert set(timings) == {stage.name for stage in stages}


GOV_CATALOGUE = ["索引号", "001234567/2026-04512", "发文机关", "临江市人民政府办公室", "标题", "临江市关于做好冬季供暖工作的通知",
                 "发文字号", "临政办发〔2026〕37号", "发布日期", "2026年11月30日"]
GOV_NOTICE = ["临江市关于做好冬季供暖工作的通知", "各区县人民政府，市政府各部门：",
              "为切实做好今冬明春供暖工作，保障群众温暖过冬，经市政府同意，现将有关事项通知如下。",
              "一、各供热单位要在11月15日前完成设备检修，确保按时供暖，室温不低于十八摄氏度。",
              "二、各区县要加强供热质量监管，畅通投诉渠道，及时处理群众反映的问题。"]


def test_a_government_pages_catalogue_printed_a_cell_a_line_goes_and_its_headline_stays():
    """The catalogue's copy of the title comes first: read as the value of 标题, it goes as metadata, so the
    captions stage no longer collapses the headline under it into it."""
    record = corpusclean.clean_text("\n".join([*GOV_CATALOGUE, *GOV_NOTICE]), Config(explain=True))
    assert record["text"].splitlines() == GOV_NOTICE
    assert record["metadata"]["title"] == GOV_NOTICE[0]


RECORD = {"id": "r1", "text": EN}


@pytest.mark.parametrize("call, message", [
    pytest.param(lambda: corpusclean.clean_records("r1 r2"), "clean_records takes an iterable of records (dicts) or "
                 "Pages, not str", id="records-a-str"),
    pytest.param(lambda: corpusclean.clean_records(RECORD), "clean_records takes an iterable of records (dicts) or "
                 "Pages, not dict (put a single record in a list)", id="records-one-dict"),
    pytest.param(lambda: corpusclean.clean_records(7), "clean_records takes an iterable of records (dicts) or Pages, "
                 "not int", id="records-no-iterable"),
    pytest.param(lambda: list(corpusclean.clean_records([RECORD, 7], Config(jobs=1))),
                 "a record is a dict (or a Page), not int", id="record-an-int"),
    pytest.param(lambda: corpusclean.clean_records([RECORD], {"jobs": 1}), "config is a corpusclean.Config, not dict",
                 id="config-a-dict"),
    pytest.param(lambda: corpusclean.clean_text(7), "a page (its text or HTML) is str or bytes, not int",
                 id="text-an-int"),
    pytest.param(lambda: corpusclean.clean_html(None), "a page (its text or HTML) is str or bytes, not NoneType",
                 id="html-none"),
    pytest.param(lambda: corpusclean.clean_text(EN, id=7), "a page's id is a str, not int", id="id-an-int"),
    pytest.param(lambda: corpusclean.clean_text(EN, id="a", source=7), "a page's source is a str, not int",
                 id="source-an-int"),
    pytest.param(lambda: list(corpusclean.clean_records([Page(EN, "a", source=b"site")], Config(jobs=1))),
                 "a page's source is a str, not bytes", id="page-source-bytes"),
    pytest.param(lambda: corpusclean.clean_text(EN, Config, id="a"), "config is a corpusclean.Config, not type",
                 id="config-the-class"),
    pytest.param(lambda: corpusclean.as_document(b'{"text": "x"}'), "a record is a dict (or a Page), not bytes",
                 id="document-of-a-jsonl-line"),
    pytest.param(lambda: corpusclean.output(RECORD), "output takes a corpusclean.Document, not dict",
                 id="output-of-a-record"),
    pytest.param(lambda: corpusclean.segments(None), "config is a corpusclean.Config, not NoneType",
                 id="segments-of-none"),
    pytest.param(lambda: corpusclean.run_stages(corpusclean.segments(Config())[0].stages, RECORD),
                 "run_stages takes a corpusclean.Document (as_document makes one of a record or a Page), not dict",
                 id="run-stages-of-a-record"),
    pytest.param(lambda: corpusclean.run_stages(corpusclean.segments(Config())[0], corpusclean.as_document(RECORD)),
                 "run_stages takes a list of stages (a Segment's .stages), not Segment", id="run-stages-of-a-segment"),
])
def test_a_wrong_argument_type_is_one_clear_type_error(call, message):
    """A str for the records, an int for a record, a dict for the config: an AttributeError deep inside ('dict'
    object has no attribute 'explain'), a reject per character, or for clean_text(7) an empty record."""
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value) == message


def test_a_wrong_item_among_records_stops_the_workers_with_its_type_error():
    import multiprocessing

    records = [{"id": f"r{n}", "text": f"{EN} ({n})"} for n in range(20)] + [7]
    with pytest.raises(TypeError, match=r"^a record is a dict \(or a Page\), not int$"):
        list(corpusclean.clean_records(records, Config(jobs=2, dedup="none")))
    assert multiprocessing.active_children() == []


def test_a_record_may_be_any_mapping():
    from types import MappingProxyType

    [record] = corpusclean.clean_records([MappingProxyType(RECORD)], Config(jobs=1))
    assert (record["id"], record["text"]) == ("r1", EN)


def test_a_page_format_other_than_html_or_txt_is_a_value_error():
    """Page(..., format="htm") was a KeyError deep inside."""
    with pytest.raises(ValueError, match=r"^a page's format is 'html', 'txt' or None, not 'htm'$"):
        corpusclean.as_document(Page("<p>x</p>", "a", format="htm"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_record_holding_what_json_cannot_hold_is_an_invalid_record_naming_the_field(jobs):
    """A set, bytes or a key that is no string among a record's fields raised orjson's 'Type is not JSON
    serializable: set' from the writer (a worker's, with jobs 2), naming no record, and no record came out."""
    records = [{"id": "a", "text": EN, "tags": {"x"}}, {"id": "b", "text": EN + " (2)", "metadata": {"raw": b"\x00"}},
               {"id": "c", "text": EN + " (3)", 7: "seven"}, {"id": "d", "text": EN + " (4)", "tags": ("x",)}]
    out = {r["id"]: (r.get("reject_reason"), r.get("reject_detail"))
           for r in corpusclean.clean_records(records, Config(jobs=jobs, dedup="none"))}
    assert out == {
        "a": ("invalid_record", "field 'tags' cannot be written as JSON: Type is not JSON serializable: set"),
        "b": ("invalid_record", "field 'raw' cannot be written as JSON: Type is not JSON serializable: bytes"),
        "c": ("invalid_record", "field 7 cannot be written as JSON: Dict key must be str"),
        "d": (None, None),
    }


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_nan_or_an_infinity_among_a_records_fields_is_an_invalid_record_naming_it(jobs):
    """A float NaN or infinity among a record's fields (pandas' missing value, a score overflowed) was written
    as null in metadata.extra (orjson writes them so), exit 0: a value changed without a word, where JSON
    has no number for it, as it has no set. A number read from JSONL beyond a double's range stays as written."""
    records = [{"id": "a", "text": EN, "score": float("nan")},
               {"id": "b", "text": EN + " (2)", "metadata": {"scores": [1.0, float("-inf")]}},
               {"id": float("nan"), "text": EN + " (3)"},
               {"id": "d", "text": EN + " (4)", "score": 0.5, "note": None}]
    out = {r["id"]: (r.get("reject_reason"), r.get("reject_detail"))
           for r in corpusclean.clean_records(records, Config(jobs=jobs, dedup="none"))}
    why = "cannot be written as JSON: it holds {}, which JSON has no number for"
    assert out == {
        "a": ("invalid_record", f"field 'score' {why.format('nan')}"),
        "b": ("invalid_record", f"field 'scores' {why.format('-inf')}"),
        "records#3": ("invalid_record", f"field 'id' {why.format('nan')}"),
        "d": (None, None),
    }


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_records_dates_and_numpy_ids_are_the_values_they_stand_for(jobs):
    """A record's created given as a datetime or a date (a timestamp column of HF datasets or pyarrow) was
    written as no date (created "", the date in metadata.extra); as pandas' Timestamp (DataFrame.to_dict), the
    record was an invalid_record, 'Type is not JSON serializable: Timestamp', lost for a date; an id
    np.int64(5) was not taken (the record got 'records#N'). As their JSONL lines give them, each is now the
    value it stands for; pandas' NaT, no moment, is no date."""
    import datetime

    import numpy as np

    pandas = pytest.importorskip("pandas")
    eight = datetime.timezone(datetime.timedelta(hours=8))
    records = [{"id": "a", "text": EN, "created": datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=eight)},
               {"id": "b", "text": EN + " (2)", "created": datetime.date(2021, 5, 6)},
               {"id": "c", "text": EN + " (3)", "created": pandas.Timestamp("2022-07-08 09:10"),
                "metadata": {"fetched": pandas.Timestamp("2024-01-01")}},
               {"id": "d", "text": EN + " (4)", "created": pandas.NaT},
               {"id": np.int64(5), "text": EN + " (5)"}]
    out = {r["id"]: (r["created"], r["metadata"]["created_precision"], r["metadata"]["created_timezone"],
                     r["metadata"]["extra"], r.get("reject_reason"))
           for r in corpusclean.clean_records(records, Config(jobs=jobs, dedup="none"))}
    assert out == {
        "a": ("2020-01-02T03:04:05.000", "second", "+08:00", "", None),
        "b": ("2021-05-06T00:00:00.000", "day", "", "", None),
        "c": ("2022-07-08T09:10:00.000", "second", "", '{"fetched":"2024-01-01T00:00:00"}', None),
        "d": ("", "", "", "", None),
        "5": ("", "", "", "", None),
    }


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_more_jobs_than_the_machine_can_run_is_a_value_error_before_any_worker(engine, monkeypatch):
    """clean_records(records, Config(jobs=100000)) forked a worker per job until the kernel killed the process
    (the limit of `run --jobs` was the command line's alone): on a machine of one core, 17 forked 17."""
    import multiprocessing.context

    started = []
    start = multiprocessing.context.ForkProcess.start
    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start",
                        lambda process: started.append(process) or start(process))
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    records = [{"id": "a", "text": EN}]
    with pytest.raises(ValueError, match=r"^jobs must be at most 16 \(16 per core, 1 cores here\), not 17$"):
        list(corpusclean.clean_records(records, Config(jobs=17, engine=engine)))
    assert started == []
    if engine == "local":
        assert [r["id"] for r in corpusclean.clean_records(records, Config(jobs=2))] == ["a"]
        assert started  # the forks are seen: none was for jobs=17


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_lone_surrogate_in_a_name_or_a_source_is_replaced_as_in_a_records_fields(jobs):
    """clean_records(..., name="n\\ud800") and Config(source="s\\ud800") ended in a UnicodeEncodeError traceback
    (the file name made of them), where a lone surrogate in a record's id, source or text, or a page's, is
    U+FFFD. A byte os.fsdecode escaped (U+DC80-U+DCFF) is still \\xNN, as run shows a file name's."""
    records = [{"text": BODY}, Page(BODY2, "p")]
    out = [(r["id"], r["source"], r["metadata"]["path"], r.get("reject_reason"))
           for r in corpusclean.clean_records(records, Config(jobs=jobs, source="s\ud800"), name="n\udcff\ud801")]
    assert out == [("s\ufffd/n\\xff\ufffd#1", "s\ufffd", "n\\xff\ufffd", None), ("p", "s\ufffd", "p", None)]
    assert corpusclean.clean_text(BODY, Config(source="s\ud800"))["source"] == "s\ufffd"


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_record_or_page_over_the_size_limits_is_too_large_as_run_rejects_it(jobs, tmp_path):
    """The API had no max_record_bytes, and no max_page_bytes for a page given as a str: a 9 MB record was
    cleaned (or too_complex, by its lines) where run rejects its line as too_large. A record is measured as its
    JSON line, a page as its UTF-8 bytes; the record keeps its id."""
    big = "\n".join([BODY] * 40)  # about 3.6 KB
    config = Config(jobs=jobs, dedup="none", max_record_bytes=3000, max_page_bytes=3000)
    out = {r["id"]: (r.get("reject_reason"), r.get("reject_detail"), r["text"], r["metadata"]["extra"])
           for r in corpusclean.clean_records([{"id": "r", "text": big, "note": big}, {"id": "s", "text": BODY},
                                               Page(big, "p")], config)}
    size = len(json.dumps({"id": "r", "text": big, "note": big}, ensure_ascii=False, separators=(",", ":"))
               .encode()) + 1
    assert out == {"r": ("too_large", f"{size} bytes, over the 3000-byte limit (max_record_bytes)", "", ""),
                   "s": (None, None, BODY, ""),
                   "p": ("too_large", f"{len(big.encode())} bytes, over the 3000-byte limit (max_page_bytes)", "", "")}
    assert corpusclean.clean_text(big, config)["reject_reason"] == "too_large"
    unusual = [{"id": "n", "text": big, "n": 2**70}, {"id": "u", "text": big + "\ud800"}]  # orjson writes neither
    assert [r["reject_reason"] for r in corpusclean.clean_records(unusual, config)] == ["too_large", "too_large"]
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "r", "text": big}, ensure_ascii=False) + "\n", "utf-8")
    (tmp_path / "corpusclean.toml").write_text("max_record_bytes = 3000\n")
    run = run_cli("run", "a.jsonl", "-q", "-o", "out.jsonl", "--rejects", "-", cwd=tmp_path)
    assert [r["reject_reason"] for r in jsonl(run.stdout)] == ["too_large"]


@pytest.mark.parametrize("name", ["", "  ", "a\nb"])
def test_a_blank_or_multi_line_name_is_a_value_error_as_a_blank_source_is_a_usage_error(name):
    """clean_records(records, name="") wrote ids '#1' and an empty source and path, name="a\\nb" ids over two
    lines; run refuses such a --source (exit 2). Raised by clean_records, before any record is read."""
    with pytest.raises(ValueError, match="^name is a name with a visible character, on one line, not "):
        corpusclean.clean_records([{"text": BODY}], Config(jobs=2), name=name)
    with pytest.raises(ValueError, match="^name is a name with a visible character"):
        corpusclean.as_document({"text": BODY}, name=name)


def test_clean_html_of_a_page_without_markup_reads_its_lines_as_text():
    """clean_html of a page that holds no tag, comment or doctype (a server's text/plain saved as the page) ran its
    lines together into one, as HTML runs line breaks together; a page file named .html that holds none is read
    as text, and so is this one now, as a str or as bytes."""
    text = "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。\n各区各部门要压实责任，做好隐患排查，确保群众生命财产安全。"
    for page in (text, text.encode("utf-8"), text.encode("gbk")):
        record = corpusclean.clean_html(page)
        assert (record["text"].splitlines(), record["metadata"]["format"]) == (text.splitlines(), "txt")
    marked = "<p>" + text.replace("\n", "</p><p>") + "</p>"
    for page in (marked, marked.encode("utf-8")):
        record = corpusclean.clean_html(page)
        assert (record["text"].splitlines(), record["metadata"]["format"]) == (text.splitlines(), "html")
