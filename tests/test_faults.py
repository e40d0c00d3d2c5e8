"""Faults a real corpus or machine brings, one regression test each, named after the fault (issue 13).

Every run here uses the default --jobs (one worker per core) and, where the fault lives in the worker pool,
an explicit --jobs 2 as well, so the multi-process path is covered on any machine.
"""

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from clirun import SEEDS, corpusclean, jsonl

JOBS = [pytest.param([], id="default-jobs"), pytest.param(["--jobs", "2"], id="two-jobs")]


def leftovers(folder: Path) -> list[str]:
    """Temporary outputs and spool folders a run left in a folder."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("corpusclean-spool"))


def isolated_tmp(tmp_path: Path) -> dict:
    """An environment whose TMPDIR (where spools go) is a fresh folder of the test's own."""
    spool_root = tmp_path / "tmpdir"
    spool_root.mkdir()
    return {**os.environ, "TMPDIR": str(spool_root)}


# --- engine faults (workers, outputs, signals) ---

def _empty_folder(tmp_path):
    (tmp_path / "in").mkdir()
    return ["in"], b""


def _empty_stdin(tmp_path):
    return ["-"], b""


def _every_input_rejected(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01binary\x00" * 8)
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.html").write_bytes(b"<html><body><ul><li><a href='/'>home</a></li></ul></body></html>")
    return ["in"], b""


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize(
    "make_input",
    [
        pytest.param(_empty_folder, id="empty-folder"),
        pytest.param(_empty_stdin, id="empty-stdin"),
        pytest.param(_every_input_rejected, id="every-input-rejected"),
    ],
)
def test_run_with_nothing_reaching_a_worker_ends(make_input, jobs, tmp_path):
    """The worker loop waited on an empty set of busy workers: the run never ended."""
    args, stdin = make_input(tmp_path)
    env = isolated_tmp(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "corpusclean", "run", *args, "-q", "-o", "out.jsonl", *jobs],
        input=stdin, capture_output=True, cwd=tmp_path, env=env, timeout=60,
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []


def _slow_corpus(folder: Path) -> Path:
    """Enough pages that a run is still going a moment after it starts."""
    folder.mkdir()
    text = "\n".join(["首页 新闻 国内 国际 财经 体育"] + [f"第{i}段：会议强调，要加强监测预警，确保人民群众生命财产安全。" for i in range(40)])
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(f"{text}\n稿件编号 {i}\n", "utf-8")
    return folder


def _wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the run did not start writing"
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_stopping_a_run_leaves_no_temporary_outputs_or_spool(signum, tmp_path):
    """SIGTERM left .tmp outputs and spool folders behind (65 MB on a real corpus)."""
    corpus = _slow_corpus(tmp_path / "corpus")
    env = isolated_tmp(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "run", str(corpus), "-q", "-o", "out.jsonl", "--rejects", "rej.jsonl",
         "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _wait_for(lambda: leftovers(Path(env["TMPDIR"])) and leftovers(tmp_path))
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == (130 if signum == signal.SIGINT else 128 + signum), stderr.decode()
    assert len(stderr.decode().splitlines()) <= 1 and "Traceback" not in stderr.decode(), stderr.decode()
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []
    assert not (tmp_path / "out.jsonl").exists()


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    """Each worker held a copy of the writing end of its own task pipe, so a main process that ended without
    stopping it (killed, or interrupted between forking a worker and knowing it: the Ctrl-C test above hung
    one run in ten that way) left workers waiting for a task forever."""
    corpus = _slow_corpus(tmp_path / "corpus")
    env = isolated_tmp(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "run", str(corpus), "-q", "-o", "out.jsonl", "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: list[str] = []

    def started() -> bool:
        workers[:] = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
        return len(workers) == 2

    _wait_for(started)
    run.kill()
    run.wait()
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), seconds=20)


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["-o", "/dev/full"], "cannot write /dev/full: No space left on device", id="full-disk-output"),
        pytest.param(["--report", "/dev/full"], "cannot write /dev/full: No space left on device",
                     id="full-disk-report"),
        pytest.param(["-o", "folder"], "cannot write folder: it is a folder", id="output-is-a-folder"),
        pytest.param(["-o", "missing/out.jsonl"], "cannot write missing/out.jsonl: No such file or directory",
                     id="output-folder-missing"),
        pytest.param(["-o", "x.jsonl", "--rejects", "x.jsonl"], "--rejects and --output name the same file",
                     id="output-and-rejects-one-file"),
        pytest.param(["--rejects", "x.jsonl", "--report", "./x.jsonl"], "--report and --rejects name the same file",
                     id="rejects-and-report-one-file"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(args, message, tmp_path):
    """A full disk printed an 80-line traceback; -o naming a folder failed only after the whole run;
    -o X --rejects X exited 0 and lost all output."""
    (tmp_path / "folder").mkdir()
    result = corpusclean("run", SEEDS, "-q", *args, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.splitlines() == [line for line in stderr.splitlines() if message in line] and stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"], "no output, complete or partial, is left"


def test_full_stdout_is_one_line_and_exit_2(tmp_path):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "corpusclean", "run", str(SEEDS), "-q"],
                                stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode() == "corpusclean: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)],
                         ids=["umask-022", "umask-077", "umask-002"])
def test_output_files_get_the_mode_the_umask_gives(umask, mode, tmp_path):
    """Every -o, --rejects and --report file was created 0600 whatever the umask."""
    result = subprocess.run(
        [sys.executable, "-m", "corpusclean", "run", str(SEEDS), "-q", "-o", "out.jsonl", "--rejects", "rej.jsonl",
         "--report", "report.json"],
        cwd=tmp_path, capture_output=True, timeout=120, preexec_fn=lambda: os.umask(umask),
    )
    assert result.returncode == 0, result.stderr.decode()
    for name in ("out.jsonl", "rej.jsonl", "report.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == mode, name


def test_an_existing_output_keeps_its_mode(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    out.chmod(0o640)
    assert corpusclean("run", SEEDS, "-q", "-o", out).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_bytes() != b"old\n"


def test_check_fix_on_a_file_it_cannot_write_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    """check --fix on a read-only file exited 1 (the findings code) with a traceback."""
    import io

    from corpusclean.check.command import run_check

    dirty = tmp_path / "dirty.jsonl"
    dirty.write_text('{"id": "1", "text": "正文第一段，内容足够长。\\nCopyright © 2024 示例网 版权所有"}\n', "utf-8")

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    status = run_check([str(dirty)], fix=True, out=io.StringIO())
    assert status == 2
    assert capsys.readouterr().err == f"corpusclean: error: cannot write {dirty}: Permission denied\n"
    assert [p.name for p in tmp_path.iterdir()] == ["dirty.jsonl"], "the temporary file is removed"


# --- Traditional output (matching on a script-folded form) ---

def _removed(records: list[dict]) -> list[list[tuple[int, str]]]:
    return [sorted((step["line"], step["reason"]) for step in record["trace"]) for record in records]


@pytest.mark.parametrize("script", ["tw", "hk", "hant"])
def test_traditional_output_removes_what_simplified_output_removes(script, tmp_path):
    """With --script tw|hant|hk the sidebar, date and editor lines stayed (the vocabularies are Simplified and
    conversion ran before matching), and title/author stayed Simplified while the text was Traditional."""
    from clirun import jsonl

    hans = jsonl(corpusclean("run", SEEDS, "-q", "--explain").stdout)
    hant = jsonl(corpusclean("run", SEEDS, "-q", "--explain", "--script", script).stdout)
    assert _removed(hant) == _removed(hans)
    assert [r["created"] for r in hant] == [r["created"] for r in hans]
    chinese = next(r for r in hant if r["id"].endswith("004_a5b3ca67eec450e6.txt"))
    assert (chinese["metadata"]["author"], chinese["metadata"]["editor"]) == ("阮向民", "李方")
    assert chinese["metadata"]["title"].startswith("建功立業") and chinese["text"].startswith("建功立業")


def test_simplified_user_phrases_match_a_traditional_page(tmp_path):
    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    page.write_text("市政府召開會議部署防汛工作\n會議強調，各區各部門要壓實責任，做好隱患排查，確保群眾安全。\n本站聲明：轉載請註明出處\n", "utf-8")
    (tmp_path / "corpusclean.toml").write_text('extra_boilerplate = ["本站声明"]\n', "utf-8")
    from clirun import jsonl

    for script in ("keep", "tw", "hans"):
        [record] = jsonl(corpusclean("run", "pages", "-q", "--script", script, cwd=tmp_path).stdout)
        assert "聲明" not in record["text"] and "声明" not in record["text"], script
        assert "壓實" in record["text"] or "压实" in record["text"]


# --- robustness faults (limits, rule files, run/check agreement) ---


@pytest.mark.parametrize(
    "setting, message",
    [
        pytest.param('extra_boilerplate = [""]', "extra_boilerplate must hold non-empty strings", id="empty-boilerplate-phrase"),
        pytest.param('extra_titles = ["总经理", " "]', "extra_titles must hold non-empty strings", id="blank-title"),
    ],
)
def test_fault_empty_user_phrase_would_match_every_line(tmp_path, setting, message):
    (tmp_path / "corpusclean.toml").write_text(setting + "\n")
    (tmp_path / "a.txt").write_text("市政府召开常务会议\n会议指出，今年入汛以来，全市降雨偏多。\n", encoding="utf-8")
    result = corpusclean("run", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode() and "corpusclean.toml" in result.stderr.decode()
    assert not result.stdout


ZH_TEXT = "市政府召开常务会议\n会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。\n各区各部门要压实责任，做好隐患排查。\n"
HTML_BODY = "<p>会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。</p>" * 3


@pytest.mark.parametrize(
    "page, setting, detail",
    [
        pytest.param("<html><body><div " + " ".join(f"data-a{i}=x" for i in range(2001)) + f">{HTML_BODY}</div></body></html>",
                     "", "2001 attributes on one <div> element, over the 2000 limit", id="attributes-quadratic-in-lxml"),
        pytest.param("<html><body>" + "<!-- c -->" * 40 + f"{HTML_BODY}</body></html>", "max_page_elements = 40",
                     "45 elements, over the 40 limit (max_page_elements)", id="elements"),
        pytest.param(ZH_TEXT + "更多内容\n", "max_page_lines = 3", "4 lines, over the 3 limit (max_page_lines)",
                     id="lines"),
    ],
)
def test_fault_one_page_stalls_the_run(tmp_path, page, setting, detail):
    (tmp_path / "corpusclean.toml").write_text(setting + "\n")
    (tmp_path / "pages").mkdir()
    name = "a.html" if page.startswith("<html>") else "a.txt"
    (tmp_path / "pages" / name).write_text(page, encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_text(ZH_TEXT, encoding="utf-8")
    result = corpusclean("run", "pages", "--rejects", "rejects.jsonl", "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 1, "a page not cleaned is data not written"
    assert f"pages/{name}: too_complex: {detail}" in result.stderr.decode()
    assert [r["id"] for r in jsonl(result.stdout)] == ["pages/b.txt"]
    [reject] = jsonl((tmp_path / "rejects.jsonl").read_bytes())
    assert (reject["id"], reject["reject_reason"], reject["reject_detail"]) == (f"pages/{name}", "too_complex", detail)
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["written"], report["rejected"]) == (2, 1, 1)


# `run` must write what `check` finds clean: one corpus holding each fault, one run with the default --jobs.
ARTICLES = [
    "区政府召开防汛工作会议\n会议指出，今年入汛以来降雨偏多，各街道要落实巡查责任，及时转移低洼地区群众。\n"
    "会议要求，水务部门每日报告河道水位，发现险情第一时间处置。\n",
    "市图书馆新馆开放\n新馆建筑面积三万平方米，设有少儿阅览区和古籍修复室，开馆首日接待读者八千余人次。\n"
    "馆方表示，将延长周末开放时间，并推出线上预约服务。\n",
    "高新区签约十二个项目\n签约项目涵盖集成电路、生物医药和新能源，总投资约一百二十亿元。\n"
    "园区负责人介绍，项目投产后预计新增就业岗位四千个。\n",
    "乡村公路改造完工\n全长四十公里的县道改造工程日前通过验收，沿线六个村的群众出行时间缩短一半。\n"
    "交通部门表示，明年将继续实施农村公路提档升级。\n",
    "社区养老服务中心启用\n中心提供日间照料、助餐和康复训练服务，首批入托老人六十名。\n"
    "街道将根据需求增加床位，并与附近医院建立转诊机制。\n",
]
RECORDS = [
    {"id": "", "text": ARTICLES[0]},
    {"id": "n1", "text": ARTICLES[1]},
    {"id": "n1", "text": ARTICLES[2]},
    {"id": True, "text": ARTICLES[3]},
    {"id": "c", "text": "市场监管局开展\x00食品安全抽检\n本次抽检\x7f覆盖超市、农贸市场和餐饮单位，共抽取样品两百批次。\n"},
]
CONTROLS = "博物馆举办古代钱币展\x07\n展览展出历代钱币\x01三百余件，其中宋代铜钱\x1b最为丰富。\n" \
           "The curator called it \x93the finest collection in the province\x94 in a short speech.\n" \
           "展览持续至年底，市民可凭身份证免费参观，每周一闭馆。馆方还将举办四场专题讲座，介绍钱币收藏与鉴定知识。\n"
MOJIBAKE = ("Keeping reef fish at home\nThe tank should stay between 75.0Â° F and 82.0Â° F all year round.\n"
            "A heater with a thermostat is the simplest way to keep the water at the fishâ€™s favourite temperature.\n")
JAPANESE = ("市長は二十日の定例会見で、来年度の予算案について説明した。\n県内の鉄道や道路の整備に重点を置き、観光客の"
            "増加に備える考えを示した。\n築四十年の古い庁舎は建て替えられ、跡地には新しい図書館が建設される。\n")
REPLACEMENT = "旧城改造进展顺利\n施工单位表示\ufffd\ufffd主体工程已完成八成，预计年底前全部完工。\n居民可在社区公告栏查看回迁安排。\n"


@pytest.fixture(scope="module")
def agreement_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("agreement")
    for folder in ("a/pages", "b/pages"):
        (root / folder).mkdir(parents=True)
    (root / "a/pages/records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    pages = {"a/pages/controls.txt": CONTROLS, "b/pages/controls.txt": ARTICLES[4], "a/pages/mojibake.txt": MOJIBAKE,
             "a/pages/japanese.txt": JAPANESE, "a/pages/replacement.txt": REPLACEMENT}
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    result = corpusclean("run", "a/pages", "b/pages", "-o", "out.jsonl", "--report", "report.json", cwd=root)
    assert result.returncode == 0, result.stderr.decode()
    records = {r["metadata"]["path"] + (f"#{r['metadata']['line']}" if r["metadata"]["line"] else ""): r
               for r in jsonl((root / "out.jsonl").read_bytes())}
    return root, result, records


def test_fault_run_output_fails_check(agreement_run):
    root, _, records = agreement_run
    assert len(records) == 10, "every input written"
    checked = corpusclean("check", "out.jsonl", cwd=root)
    assert (checked.returncode, checked.stdout.decode()) == (0, "")


def test_fault_empty_or_unusable_input_id_written(agreement_run):
    _, _, records = agreement_run
    assert records["a/pages/records.jsonl#1"]["id"] == "pages/records.jsonl#1"
    assert records["a/pages/records.jsonl#4"]["id"] == "pages/records.jsonl#4"


def test_fault_repeated_id_written_twice(agreement_run):
    root, result, records = agreement_run
    first, again = records["a/pages/records.jsonl#2"], records["a/pages/records.jsonl#3"]
    assert (first["id"], first["metadata"]["original_id"]) == ("n1", None)
    assert (again["id"], again["metadata"]["original_id"]) == ("pages/records.jsonl#3", "n1")
    a_page, b_page = records["a/pages/controls.txt"], records["b/pages/controls.txt"]
    assert (a_page["id"], b_page["id"], b_page["metadata"]["original_id"]) == (
        "pages/controls.txt", "pages/controls.txt~2", "pages/controls.txt")
    assert json.loads((root / "report.json").read_text())["ids_renamed"] == 2
    assert "2 record(s) got a new id" in result.stderr.decode()


def test_fault_control_characters_written(agreement_run):
    page, record = agreement_run[2]["a/pages/controls.txt"]["text"], agreement_run[2]["a/pages/records.jsonl#5"]["text"]
    assert "展出历代钱币三百余件" in page and "“the finest collection in the province”" in page
    assert "本次抽检覆盖超市" in record
    assert not [char for char in page + record if unicodedata.category(char) == "Cc" and char != "\n"]


def test_fault_mojibake_in_the_source_written(agreement_run):
    text = agreement_run[2]["a/pages/mojibake.txt"]["text"]
    assert "75.0° F and 82.0° F" in text and "fish’s favourite" in text


def test_fault_japanese_page_taken_for_mixed_chinese(agreement_run):
    record = agreement_run[2]["a/pages/japanese.txt"]
    assert record["metadata"]["lang"] == "other" and "築四十年" in record["text"], "kanji are not converted"


def test_fault_replacement_characters_from_the_source_reported_twice(agreement_run):
    record = agreement_run[2]["a/pages/replacement.txt"]
    assert "\ufffd\ufffd" in record["text"] and record["metadata"]["replacement_chars"] == 2
