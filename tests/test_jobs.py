"""The output does not depend on the number of worker processes: same bytes, same order, same rejects."""

import gzip
import json
import random

import pytest

from clirun import SEEDS, corpusclean

ZH = [
    "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。",
    "会议强调，要加强监测预警，及时转移受威胁群众，确保人民群众生命财产安全。",
    "今年一季度，全省规模以上工业增加值同比增长6.1%，增速比上年同期加快1.2个百分点。",
    "职工代表围绕企业发展、薪酬分配、劳动安全等议题提出意见建议，相关部门逐条作出答复。",
    "活动现场，工会干部向一线职工送上清凉慰问品，并详细了解他们的工作和生活情况。",
    "据介绍，该市今年将新建改建职工之家五十个，进一步提升服务职工的能力和水平。",
]
EN = [
    "The city council approved the budget on Tuesday after a three-hour debate.",
    "Officials said the new bridge would cut travel times by about 20 minutes.",
    "Workers at the plant voted to accept the new contract, ending a two-week strike.",
    "The union said it would continue to press for better safety training on site.",
    "Mr. Smith, who chairs the committee, said the plan was approved by a wide margin.",
    "Local schools will open an hour later next month to save energy, the district said.",
]
TEMPLATE = ["中工网 首页 要闻 时政 评论 工会", "版权所有 中工网 京ICP备00000000号", "扫码关注 中工网微信"]
CAPTIONS = ["“红船精神”进企业暨劳模工匠宣讲推进会", "嘉兴市总工会“红船精神”进企业暨劳模工匠宣讲推进会"]
TRADITIONAL = "會議指出，今年入汛以來，全市降雨偏多，防汛形勢嚴峻複雜。各區各部門要壓實責任，做好隱患排查。"


def generated_corpus(folder, count=400):
    """A few hundred small pages on several sites: templates, captions, repeats, copies, legacy encodings,
    rejects. More than BATCH_SIZE x IN_FLIGHT_PER_JOB x jobs documents, so batches queue and interleave."""
    rng = random.Random(7)
    pages = []
    for index in range(count):
        site = folder / f"site{index % 4}"
        site.mkdir(parents=True, exist_ok=True)
        path = site / f"{index:04d}.txt"
        kind = index % 10
        if kind == 9 and pages:
            text = rng.choice(pages)  # a republished copy
        elif index % 2:
            text = "\n".join([*rng.sample(EN, 3), f"Story number {index}", *rng.sample(EN, 2)]) + "\n"
        else:
            body = rng.sample(ZH, 4) + [f"稿件编号 {index}"]
            if kind == 2:
                body += [CAPTIONS[0], body[0], CAPTIONS[1], CAPTIONS[0]]
            if kind == 4:
                body.append(TRADITIONAL)
            text = "\n".join([TEMPLATE[0], "2023-10-20 07:19 来源：中工网", *body, *TEMPLATE[1:]]) + "\n"
        pages.append(text)
        if index == 13:
            path.write_bytes(b"")                                  # rejected: empty
        elif index == 27:
            path.write_bytes(b"\x00\x01binary\x00" * 20)           # rejected: binary
        elif kind == 6 and index % 2 == 0:
            path.write_bytes(text.encode("gb18030"))
        else:
            path.write_bytes(text.encode("utf-8"))
    return folder


def mixed_corpus(folder):
    """Pages (read by the workers) between files the main process reads: JSONL with two bad lines, gzip, names
    that do not say what the file holds; and a broken gzip page, unreadable."""
    generated_corpus(folder, count=150)
    records = [json.dumps({"id": f"r{i}", "text": "\n".join(random.Random(i).sample(ZH + EN, 4))}) for i in range(60)]
    records[7:7] = ["{not json", "[1]", ""]
    (folder / "site1" / "records.jsonl").write_text("\n".join(records) + "\n", "utf-8")
    (folder / "site2" / "records.jsonl.gz").write_bytes(gzip.compress("\n".join(records[20:40]).encode()))
    (folder / "site2" / "sniffed").write_text("\n".join(records[40:50]) + "\n", "utf-8")
    (folder / "site3" / "page").write_text("\n".join(EN) + "\n", "utf-8")
    (folder / "site3" / "page.html.gz").write_bytes(gzip.compress(f"<html><body><p>{ZH[0]}</p></body></html>".encode()))
    (folder / "site3" / "broken.txt").write_bytes(b"\x1f\x8b\x08broken")
    return folder


def run_with_jobs(inputs, out, jobs):
    folder = out / f"jobs{jobs}"
    folder.mkdir()
    result = corpusclean("run", inputs, "-o", folder / "clean.jsonl", "--rejects", folder / "rejects.jsonl",
                         "--report", folder / "report.json", "--explain", "--quiet", "--jobs", jobs)
    assert result.returncode in (0, 1), result.stderr.decode()
    report = json.loads((folder / "report.json").read_text("utf-8"))
    for key in ("seconds", "seconds_by_stage", "config"):
        report.pop(key)
    return (folder / "clean.jsonl").read_bytes(), (folder / "rejects.jsonl").read_bytes(), report


@pytest.mark.parametrize("corpus", ["seeds", "generated", "mixed"])
def test_output_is_byte_identical_whatever_the_number_of_jobs(corpus, tmp_path):
    make = {"seeds": lambda folder: SEEDS, "generated": generated_corpus, "mixed": mixed_corpus}[corpus]
    inputs = make(tmp_path / "corpus")
    one = run_with_jobs(inputs, tmp_path, 1)
    assert one[0], "something is written"
    for jobs in (2, 3):
        clean, rejects, report = run_with_jobs(inputs, tmp_path, jobs)
        assert clean == one[0], f"--jobs {jobs} wrote other records than --jobs 1"
        assert rejects == one[1], f"--jobs {jobs} rejected otherwise than --jobs 1"
        assert report == one[2]


def test_generated_corpus_exercises_every_corpus_stage(tmp_path):
    _, rejects, report = run_with_jobs(generated_corpus(tmp_path / "corpus"), tmp_path, 2)
    reasons = {json.loads(line)["reject_reason"] for line in rejects.decode("utf-8").splitlines()}
    assert {"duplicate", "empty_input", "binary"} <= reasons
    removed = report["removed_by_reason"]
    assert removed.get("template/boilerplate.template") and removed.get("captions/caption.repeat")


def test_mixed_corpus_has_pages_records_and_read_errors(tmp_path):
    clean, rejects, report = run_with_jobs(mixed_corpus(tmp_path / "corpus"), tmp_path, 2)
    reasons = {json.loads(line)["reject_reason"] for line in rejects.decode("utf-8").splitlines()}
    assert {"invalid_json", "invalid_record", "unreadable", "empty_input", "binary"} <= reasons
    assert report["inputs"] == (150 + 3) + (60 + 2) + 20 + 10 and report["input_bytes"] > 0
    assert any(path.endswith("records.jsonl.gz") for path in report["files"])
