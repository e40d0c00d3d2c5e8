"""Fuzzing read -> decode -> extract -> clean -> write with random bytes and mutated real-looking pages.

For text, HTML and JSONL inputs: no exception escapes, no input takes long (the hypothesis deadline), every
input is accounted for (written + rejected = inputs, in the report, for each file), every output line is a
record `check` finds no fault in (id, text, control characters). The default profile keeps the suite fast;
CORPUSCLEAN_FUZZ=long runs a hundred times more examples (a quarter of an hour). bench/fuzz_atheris.py
checks the document stages the same way under atheris' coverage-guided fuzzer.
"""

import codecs
import json
import os
from collections import defaultdict
from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings, strategies as st

from corpusclean.check import rules
from corpusclean.compression import FOREIGN_FORMATS, codec_of_bytes
from corpusclean.config import Config
from corpusclean.document import METADATA_KEYS
from corpusclean.pipeline import document_stages, run_stages
from corpusclean.read.paths import InputFile, expand_paths
from corpusclean.read.sources import SNIFF_BYTES, read_page, whole_file_reject
from corpusclean.runner import run_command

LONG = os.environ.get("CORPUSCLEAN_FUZZ") == "long"
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
# Deadlines far above what an example takes (a few ms to a few hundred), far below a stalled page's minutes.
PAGES = settings(max_examples=6000 if LONG else 60, deadline=timedelta(seconds=10), suppress_health_check=HEALTH)
RUNS = settings(max_examples=1500 if LONG else 15, deadline=timedelta(seconds=30), suppress_health_check=HEALTH)

ZH_PARAGRAPHS = [
    "区政府召开防汛工作会议，要求各街道落实巡查责任，及时转移低洼地区群众。",
    "新馆建筑面积三万平方米，设有少儿阅览区和古籍修复室，开馆首日接待读者八千余人次。",
    "签约项目涵盖集成电路、生物医药和新能源，总投资约一百二十亿元，预计新增就业岗位四千个。",
    "交通部门表示，明年将继续实施农村公路提档升级，打通群众出行的“最后一公里”。",
]
EN_PARAGRAPHS = [
    "The council approved the budget on Tuesday after a three-hour debate about the river crossing.",
    "Residents who spoke at the meeting asked for more buses on the river route and safer crossings.",
    "The transport department promised a review of the timetable before the end of the year.",
]
NOISE = ["首页 新闻 国内 国际 财经 体育", "版权所有 某某新闻网 京ICP备12345678号", "Home | News | Sport | Contact",
         "责任编辑：张三", "2024-03-05 10:21:09 来源：某某日报"]


def html_page(title: str, paragraphs: list[str], charset: str) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{title}</title></head><body>\n'
            f'<ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li></ul>\n'
            f'<div class="article"><h1>{title}</h1>\n<div class="info">2024-03-05 来源：某某日报</div>\n{body}</div>\n'
            f'<div class="footer">版权所有 &copy; 某某新闻网</div></body></html>\n')


def text_dump(title: str, paragraphs: list[str]) -> str:
    return "\n".join([NOISE[0], title, NOISE[4], *paragraphs, NOISE[3], NOISE[1]]) + "\n"


ZH_TITLE, EN_TITLE = "区政府召开防汛工作会议", "Council approves budget"
ZH_LINES, EN_LINES = st.lists(st.sampled_from(ZH_PARAGRAPHS), max_size=6), st.lists(st.sampled_from(EN_PARAGRAPHS), max_size=6)
PAGE_TEXTS = st.one_of(
    st.builds(lambda paragraphs: html_page(ZH_TITLE, paragraphs, "utf-8"), ZH_LINES),
    st.builds(lambda paragraphs: html_page(EN_TITLE, paragraphs, "windows-1252"), EN_LINES),
    st.builds(lambda paragraphs: text_dump(ZH_TITLE, paragraphs), st.lists(st.sampled_from(ZH_PARAGRAPHS + NOISE), max_size=8)),
    st.builds(lambda paragraphs: text_dump(EN_TITLE, paragraphs), EN_LINES),
)
# Legacy encodings as sites used them; characters a codec lacks become "?" (a site's own damage).
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16", "cp1252", "utf-8-sig"])

# A mutation: (kind, where as a share of the length, a size or a byte).
MUTATIONS = st.tuples(
    st.sampled_from(["truncate", "flip", "nul", "insert", "repeat", "nest", "break_tag", "join_lines", "bom"]),
    st.floats(0, 1), st.integers(0, 255),
)


def mutate(data: bytes, mutations: list[tuple[str, float, int]]) -> bytes:
    for kind, where, number in mutations:
        at = int(where * len(data))
        if kind == "truncate":
            data = data[:at]
        elif kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (number or 0x80)]) + data[at + 1:]
        elif kind == "nul":
            data = data[:at] + b"\x00" * (1 + number % 4) + data[at:]
        elif kind == "insert":
            data = data[:at] + bytes([number, 0x80 | number, 0xFF - number]) + data[at:]
        elif kind == "repeat":  # a huge line: a stretch of the page repeated
            data = data[:at] + data[at:at + 64].replace(b"\n", b" ") * (50 * number + 1) + data[at:]
        elif kind == "nest":
            data = data[:at] + b"<div><span>" * (number * 4) + data[at:]
        elif kind == "break_tag":
            data = data[:at] + (b"<" if number % 2 else b'<p class="') + data[at:].replace(b">", b"", 1)
        elif kind == "join_lines":
            data = data.replace(b"\n", b" ")
        elif kind == "bom":
            data = codecs.BOM_UTF8 + data
    return data


PAGE_BYTES = st.one_of(
    st.builds(lambda text, encoding, mutations: mutate(text.encode(encoding, "replace"), mutations),
              PAGE_TEXTS, ENCODINGS, st.lists(MUTATIONS, max_size=4)),
    st.binary(max_size=3000),
)
RECORD_LINES = st.one_of(
    st.builds(lambda text, ascii, mutations: mutate(json.dumps({"id": "r", "text": text}, ensure_ascii=ascii).encode(),
                                                    mutations),
              PAGE_TEXTS, st.booleans(), st.lists(MUTATIONS, max_size=3)),
    st.builds(lambda record: json.dumps(record).encode(),
              st.dictionaries(st.sampled_from(["id", "text", "url", "title", "metadata", "source"]),
                              st.none() | st.booleans() | st.integers() | st.text(max_size=40), max_size=5)),
    st.binary(max_size=300),
)
STAGES = document_stages(Config())


@PAGES
@given(data=PAGE_BYTES, name=st.sampled_from(["page.html", "page.txt", "page"]))
@example(data=b"<html><body><div " + b" ".join(b"a%d=x" % i for i in range(3000)) + b">x</div></body></html>",
         name="page.html")
@example(data="区政府召开防汛工作会议\n".encode("gbk") * 3 + b"\xff", name="page.txt")
def test_any_page_goes_through_every_document_stage(data, name):
    doc = read_page(InputFile(name, name, "fuzz"), data, Config.max_page_bytes)
    doc = run_stages(STAGES, doc, defaultdict(float))
    if doc.rejected:
        assert doc.reject_reason and isinstance(doc.reject_detail, str)
    else:
        assert doc.kept_lines() and all(line.strip() for line in doc.kept_lines())


@RUNS
@given(html=PAGE_BYTES, text=PAGE_BYTES, lines=st.lists(RECORD_LINES, max_size=6), blob=st.binary(max_size=500))
@example(html=b"", text=b"", lines=[b"(\xb5/\xfd", b'{"id": "r", "text": "x"}'], blob=b"")  # zstd's magic, then no zstd
@example(html=b"", text=b"", lines=[b"\xfe\xff", b'{"id": "r", "text": "x"}'], blob=b"")  # a UTF-16 byte order mark
@example(html=b"", text=b"", lines=[b"{", b"{}"], blob=b"")  # a lone '{' opens it: one JSON document
def test_a_run_accounts_for_every_input_and_writes_clean_records(tmp_path_factory, html, text, lines, blob):
    folder = tmp_path_factory.mktemp("fuzz")
    inputs = folder / "in"
    inputs.mkdir()
    jsonl = b"\n".join(lines) + b"\n"
    files = {"page.html": html, "page.txt": text, "records.jsonl": jsonl, "blob.txt": blob}
    for name, data in files.items():
        (inputs / name).write_bytes(data)
    out, rejects, report_path = folder / "out.jsonl", folder / "rejects.jsonl", folder / "report.json"
    status = run_command(Config(jobs=1), expand_paths([str(inputs)]), str(out), str(rejects), str(report_path), True)
    assert status in (0, 1)

    report = json.loads(report_path.read_text())
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    rejected = [json.loads(line) for line in rejects.read_bytes().splitlines()]
    assert (report["written"], report["rejected"]) == (len(records), len(rejected))
    assert report["inputs"] == report["written"] + report["rejected"]
    expected = {name: 1 for name in files}
    records_in = [line for line in jsonl.split(b"\n") if line.removeprefix(codecs.BOM_UTF8).strip()]
    expected["records.jsonl"] = len(records_in) or 1  # a file without a record is one input, rejected
    if codec_of_bytes(jsonl) or any(opening.match(jsonl) for opening, _, _ in FOREIGN_FORMATS):
        expected["records.jsonl"] = 1  # read as the compression its first bytes say: random bytes after are unreadable
    elif whole_file_reject(jsonl[:SNIFF_BYTES]) is not None:
        # UTF-16 or UTF-32, one JSON document over many lines (its first line a lone '{'), binary content: one
        # clear reject (README), not one per line
        expected["records.jsonl"] = 1
    assert {os.path.basename(path): counts["inputs"] for path, counts in report["files"].items()} == expected
    for counts in report["files"].values():
        assert counts["inputs"] == counts.get("written", 0) + counts.get("rejected", 0)
    for record in records:
        assert set(record["metadata"]) == set(METADATA_KEYS)
        faults = rules.record_shape(record, "text") + rules.empty_text(record["text"])
        assert not faults + rules.control_chars(record["text"])
    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids), "no id written twice"
