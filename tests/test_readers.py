"""Run outputs as the readers of a data team load them: several outputs at once, in every order, with HF
`datasets` (and streaming) and polars, which infer each column's type from each file, read back equal to
what was written; and Dolma's document checks. A reader that is not installed is skipped (the test extra
installs datasets and polars)."""

from __future__ import annotations

import itertools
from pathlib import Path

import orjson
import pytest

from clirun import SEEDS, corpusclean, jsonl

ZH = ("市图书馆新馆今天正式向市民开放，新馆建筑面积三万平方米，藏书二百万册，设有少儿阅读区和数字阅览室。"
      "开馆首日，不少市民一早就在门口排队等候入馆，馆方延长了开放时间。")
ZH_2 = ("县气象台今天上午发布暴雨蓝色预警，预计未来六小时内大部分乡镇将出现短时强降水。"
        "县防汛办要求各乡镇做好低洼地段排水准备，及时转移危险区域群众。")
EN = ("The city library opened its new building to the public on Friday, with two million books and a "
      "reading room for children. Hundreds of residents queued before the doors opened in the morning.")


def page(title: str, head: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in body.split("。") if sentence)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<div class='nav'><a href='/'>首页</a> | <a href='/n'>新闻</a></div>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>").encode("utf-8")


def write_inputs(root: Path) -> dict[str, Path]:
    """Inputs of five kinds: pages, HTML with and without a date and a url, HTML pages that all have a date
    (pyarrow reads a column of dates alone as timestamps), JSONL with urls (FineWeb's shape) and without
    (Dolma's, whose `added` without milliseconds pyarrow reads as a timestamp too)."""
    html, dated = root / "html", root / "dated"
    html.mkdir()
    dated.mkdir()
    (html / "dated.html").write_bytes(page("市图书馆新馆开放", "<meta property='og:url' content='https://news.example.cn/a/1.html'>"
                                           "<meta name='publishdate' content='2024-05-17 09:30'>", ZH))
    (dated / "dated.html").write_bytes((html / "dated.html").read_bytes())
    (html / "undated.html").write_bytes(page("县气象台发布暴雨预警", "", ZH_2))
    fineweb = root / "fineweb.jsonl"
    fineweb.write_bytes(orjson.dumps({"text": EN, "id": "<urn:uuid:1>", "dump": "CC-MAIN-2024-10",
                                      "url": "https://news.example.com/library", "date": "2024-02-21T05:48:54Z",
                                      "language": "en", "language_score": 0.97, "token_count": 41}) + b"\n")
    dolma = root / "dolma.jsonl"
    dolma.write_bytes(orjson.dumps({"id": "d1", "text": ZH.replace("市", "县"), "source": "common-crawl",
                                    "added": "2024-05-01T00:00:00Z", "metadata": {"length": 90}}) + b"\n")
    return {"seeds": SEEDS, "html": html, "dated": dated, "fineweb": fineweb, "dolma": dolma}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("readers")
    found = {}
    for name, source in write_inputs(root).items():
        found[name] = root / f"{name}.out.jsonl"
        result = corpusclean("run", source, "-q", "-o", found[name])
        assert result.returncode == 0, result.stderr.decode()
    return found


def records(path: Path) -> list[dict]:
    return jsonl(path.read_bytes())


def test_the_outputs_differ_where_the_issue_saw_readers_fail(outputs):
    metadata = {name: [r["metadata"] for r in records(path)] for name, path in outputs.items()}
    assert {m["url"] for m in metadata["html"]} == {"https://news.example.cn/a/1.html", ""}
    assert all(m["url"] == "" for m in metadata["seeds"]) and all(m["extra"] for m in metadata["fineweb"])
    assert [bool(r["created"]) for r in records(outputs["html"])] == [True, False]
    assert [r["created"] for r in records(outputs["dated"])] == ["2024-05-17T09:30:00.000"]


ORDERED_PAIRS = list(itertools.permutations(["seeds", "html", "dated", "fineweb", "dolma"], 2))


@pytest.mark.parametrize("streaming", [False, True], ids=["load", "streaming"])
def test_hf_datasets_loads_any_outputs_together_and_reads_them_back(outputs, streaming, tmp_path):
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    everything = ("seeds", "html", "dated", "fineweb", "dolma")
    for pair in [*ORDERED_PAIRS, everything, everything[::-1]]:
        files = [str(outputs[name]) for name in pair]
        loaded = datasets.load_dataset("json", data_files=files, split="train", streaming=streaming,
                                       cache_dir=str(tmp_path / "cache"))
        assert list(loaded) == [r for name in pair for r in records(outputs[name])], pair


def test_polars_scans_any_outputs_together_and_reads_them_back(outputs):
    polars = pytest.importorskip("polars")
    for pair in ORDERED_PAIRS:
        frame = polars.scan_ndjson([outputs[name] for name in pair]).collect()
        assert frame.to_dicts() == [r for name in pair for r in records(outputs[name])], pair


# Dolma's document format (dolma 1.2.1, dolma/core/data_types.py, InputSpecWithMetadata, decoded with
# msgspec): id and text strings; source, created and added strings when present (null is refused:
# `dolma tag` rejected every record with "created": null); metadata an object or null.
DOLMA_SPEC = {"id": (str,), "text": (str,), "source": (str,), "created": (str,), "added": (str,),
              "version": (str, type(None)), "metadata": (dict, type(None))}
DOLMA_REQUIRED = ("id", "text")


def dolma_problems(record: dict) -> list[str]:
    found = [f"{key} is missing" for key in DOLMA_REQUIRED if key not in record]
    return found + [f"{key} is {record[key]!r}" for key, kinds in DOLMA_SPEC.items()
                    if key in record and not isinstance(record[key], kinds)]


@pytest.mark.parametrize("record, found", [
    pytest.param({"id": "a", "text": "t", "source": "s", "created": "", "metadata": {}}, [], id="ours"),
    pytest.param({"id": "a", "text": "t", "created": None}, ["created is None"], id="created null"),
    pytest.param({"text": "t", "metadata": []}, ["id is missing", "metadata is []"], id="no id"),
])
def test_dolma_problems(record, found):
    assert dolma_problems(record) == found


def test_dolma_takes_every_record(outputs):
    try:  # dolma's own decoder when it is installed (it is not in the test extra: its pins clash with ours)
        import msgspec
        from dolma.core.data_types import InputSpecWithMetadata
    except ImportError:
        msgspec = None
    for path in outputs.values():
        for line in path.read_bytes().splitlines():
            assert dolma_problems(orjson.loads(line)) == [], path.name
            if msgspec is not None:
                msgspec.json.decode(line, type=InputSpecWithMetadata)
