"""Faults a real corpus or machine brings, one regression test each, named after the fault (issue 13).

Every run here uses the default --jobs (one worker per core) and, where the fault lives in the worker pool,
an explicit --jobs 2 as well, so the multi-process path is covered on any machine.
"""

import codecs
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import orjson
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


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_stopping_a_run_leaves_no_temporary_outputs_or_spool(signum, jobs, tmp_path):
    """SIGTERM left .tmp outputs and spool folders behind (65 MB on a real corpus). Ctrl-C ended the run
    with exit 130 and not a word on stderr: typer took the KeyboardInterrupt."""
    corpus = _slow_corpus(tmp_path / "corpus")
    env = isolated_tmp(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "run", str(corpus), "-q", "-o", "out.jsonl", "--rejects", "rej.jsonl",
         *jobs],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _wait_for(lambda: leftovers(Path(env["TMPDIR"])) and leftovers(tmp_path))
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == (130 if signum == signal.SIGINT else 128 + signum), stderr.decode()
    said = "interrupted" if signum == signal.SIGINT else f"stopped by signal {signum}"
    assert stderr.decode() == f"corpusclean: {said}\n"
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []
    assert not (tmp_path / "out.jsonl").exists()


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in found]


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    """Each worker inherited the write end of its own task pipe, so a main process that died without
    stopping it (SIGKILL, or a stop signal at the wrong moment) left it waiting forever, holding stdout."""
    corpus = _slow_corpus(tmp_path / "corpus")
    env = isolated_tmp(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "run", str(corpus), "-q", "-o", "out.jsonl", "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_for(lambda: leftovers(Path(env["TMPDIR"])))
    _wait_for(lambda: len(_children(run.pid)) == 2)
    children = _children(run.pid)
    run.kill()
    run.wait()
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid) for pid in children), 30)


def test_a_worker_killed_by_the_kernel_is_one_line_and_exit_2(tmp_path):
    """A worker killed with SIGKILL (the out-of-memory killer's signal) ended the run with a 40-line traceback,
    'RuntimeError: worker process 661 stopped (exit code None)', exit 1."""
    corpus = _slow_corpus(tmp_path / "corpus")
    env = isolated_tmp(tmp_path)
    run = subprocess.Popen(
        [sys.executable, "-m", "corpusclean", "run", str(corpus), "-q", "-o", "out.jsonl", "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _wait_for(lambda: len(_children(run.pid)) == 2)  # the workers of the first pass, with most of it to do
    worker = _children(run.pid)[0]
    os.kill(worker, signal.SIGKILL)
    _, stderr = run.communicate(timeout=60)
    assert (run.returncode, stderr.decode()) == (2, f"corpusclean: worker process {worker} was killed by SIGKILL (the "
                                                    "out-of-memory killer sends it: fewer --jobs need less memory); the "
                                                    "run stopped\n")
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []
    assert not (tmp_path / "out.jsonl").exists()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["-o", "/dev/full"], "cannot write /dev/full: No space left on device", id="full-disk-output"),
        pytest.param(["--report", "/dev/full"], "cannot write /dev/full: No space left on device",
                     id="full-disk-report"),
        pytest.param(["-o", "folder"], "cannot write folder: it is a folder", id="output-is-a-folder"),
        pytest.param(["-o", "missing/out.jsonl"], "cannot write missing/out.jsonl: No such file or directory",
                     id="output-folder-missing"),
        pytest.param(["-o", "x.jsonl", "--rejects", "missing/rejects.jsonl"],
                     "cannot write missing/rejects.jsonl: No such file or directory", id="rejects-folder-missing"),
        pytest.param(["-o", "x.jsonl", "--rejects", "r.jsonl", "--report", "missing/report.json"],
                     "cannot write missing/report.json: No such file or directory", id="report-folder-missing"),
        pytest.param(["-o", "x" * 300 + ".jsonl"], "cannot write " + "x" * 300 + ".jsonl: File name too long",
                     id="output-name-too-long"),
        pytest.param(["-o", "x.jsonl", "--rejects", "r" * 300], "cannot write " + "r" * 300 + ": File name too long",
                     id="rejects-name-too-long"),
        pytest.param(["-o", "x.jsonl", "--report", "r" * 300, "--rejects", "r" * 300],
                     "--report and --rejects name the same file", id="two-outputs-one-name-too-long"),
        pytest.param(["-o", "clean.jsonl.bz2"], "cannot write clean.jsonl.bz2: .bz2 is a compression this tool does "
                     "not write; name it .gz (gzip) or .zst (zstd), or without either for plain JSONL",
                     id="output-named-bz2"),
        pytest.param(["-o", "x.jsonl", "--rejects", "rejects.jsonl.XZ"], "cannot write rejects.jsonl.XZ: .xz is a",
                     id="rejects-named-xz"),
        pytest.param(["-o", "x.jsonl", "--rejects", "x.jsonl"], "--rejects and --output name the same file",
                     id="output-and-rejects-one-file"),
        pytest.param(["--rejects", "x.jsonl", "--report", "./x.jsonl"], "--report and --rejects name the same file",
                     id="rejects-and-report-one-file"),
        pytest.param(["--rejects", "-"], "--rejects and --output both write to standard output",
                     id="rejects-on-stdout-with-the-records"),
        pytest.param(["-o", "-", "--rejects", "-"], "--rejects and --output both write to standard output",
                     id="rejects-and-output-both-dash"),
        pytest.param(["--report", "-"], "--report and --output both write to standard output",
                     id="report-on-stdout-with-the-records"),
        pytest.param(["-o", "x.jsonl", "--rejects", "-", "--report", "-"],
                     "--report and --rejects both write to standard output", id="report-and-rejects-both-dash"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(args, message, tmp_path):
    """A full disk printed an 80-line traceback; so did an output name longer than the system takes (or, run as
    another user, one in a folder they may not enter: pathlib's exists() raised); -o naming a folder failed only after the whole run;
    -o X --rejects X exited 0 and lost all output; an output that could not be opened left the temporary
    files of those opened before it (.x.jsonl.k2j9f0a1.tmp); -o clean.jsonl.bz2 wrote plain JSONL under that
    name, exit 0, which bzcat and HF datasets (going by the name) fail on."""
    (tmp_path / "folder").mkdir()
    result = corpusclean("run", SEEDS, "-q", *args, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert stderr.splitlines() == [line for line in stderr.splitlines() if message in line] and stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"], "no output, complete or partial, is left"


@pytest.mark.parametrize("jobs", JOBS)
def test_report_dash_writes_the_report_to_stdout(jobs, tmp_path):
    """--report - wrote a file named '-'."""
    result = corpusclean("run", SEEDS, "-q", "-o", "out.jsonl", "--report", "-", *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    report = json.loads(result.stdout)
    assert report["written"] == len(read_jsonl_file(tmp_path / "out.jsonl")) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


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


# --- input faults (read, decode) ---

ZH_NEWS = (
    "市气象台今天上午发布暴雨蓝色预警，预计未来六小时内全市大部分地区将出现短时强降水。\n"
    "市防汛办要求各区做好低洼路段和地下空间的排水准备，及时转移危险区域人员。\n"
    "交通部门提醒市民雨天出行减速慢行，尽量避开积水路段，注意人身安全。\n"
)
TW_NEWS = (
    "高雄市政府昨日宣布，將在年底前完成港區周邊道路的拓寬工程，以改善上下班時段的交通壅塞。\n"
    "工務局表示，施工期間將實施交通管制，並增派人員在重要路口指揮，請民眾多加配合。\n"
    "市府也將同步更新路燈與人行道，讓行人通行更加安全便利。\n"
)
# "臺北市政府今日召開記者會，說明明年度預算編列情形。市長表示，將優先照顧長者與學童，並加強防災工作。" in EUC-TW
# (CNS 11643 plane 1): Python has no codec for it, and its bytes decode strictly as GB18030, to nonsense.
EUC_TW = bytes.fromhex(
    "ead7c6a1c6cbd1c9cdb4c4f4c5cac6aee2e4d8b4cfafe4c4a1a2eba9cdfccdfcc8a1d0f9e7dfeaabeebec7c4dac5cab0a1a4c6cbcfdb"
    "cfd0c6fca1a2d9f2f3c0c7bfe4f9fbc1cfdbcfafead8f0d0e1a9a1a2cbe4c5fbdab0cbdfcba4c4d6c9a2a1a4"
)
CYRILLIC = set(range(0x400, 0x530)) | set(range(0x2500, 0x25A0))  # Cyrillic letters, box drawing


def with_stray_bytes(text: str, codec: str, junk: bytes) -> bytes:
    """The text in the codec, with junk bytes between its first and second line."""
    first, rest = text.split("\n", 1)
    return (first + "\n").encode(codec) + junk + rest.encode(codec)


def xhtml_page(declared: str, headline: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines())
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>\n'
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared}" />\n'
        f"<title>{headline}</title></head>\n"
        f'<body><div class="article"><h1>{headline}</h1>\n{paragraphs}</div></body></html>\n'
    )


def read_jsonl_file(path: Path) -> list[dict]:
    import json

    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


STRAY_BYTES = [pytest.param(b"\xff", id="ff"), pytest.param(b"\x80", id="80"),
               pytest.param(b"\x81 ", id="81-space"), pytest.param(b"\xa1\x7f", id="a1-7f")]

ZH_HEADLINE, TW_HEADLINE = "市气象台发布暴雨蓝色预警", "港區道路拓寬工程年底完工"
TAGS_PROSE = "文中提到<p>标签的用法，<div>和<script>也一并说明。\n" + ZH_NEWS

EN_NEWS = (
    "The city council approved the new budget on Tuesday after a long debate about school funding.\n"
    "Council members said the plan adds two hundred teachers and repairs the roofs of six old schools.\n"
)
ZH_MORE = (
    "区应急管理局已启动三级应急响应，抢险队伍和物资全部到位。\n"
    "气象专家分析，此次降雨过程持续时间长、累计雨量大，需防范城市内涝和山洪灾害。\n"
    "市民如遇险情，应及时向社区报告，并服从现场工作人员的指挥。"
)

# One page file per fault, all cleaned in one run (dedup and templates off, script kept, so each record is its
# page's text): (file name, bytes, expected: ("written", lines its text must hold, bytes that were damaged) or
# ("rejected", reason)).
PAGE_FAULTS = [
    *[pytest.param(f"gbk-{p.id}.txt", with_stray_bytes(ZH_NEWS, "gbk", p.values[0]), ("written", ZH_NEWS, True),
                   id=f"gbk-page-with-stray-byte-{p.id}-is-not-cyrillic") for p in STRAY_BYTES],
    *[pytest.param(f"big5-{p.id}.txt", with_stray_bytes(TW_NEWS, "big5", p.values[0]), ("written", TW_NEWS, True),
                   id=f"big5-page-with-stray-byte-{p.id}-is-not-cyrillic") for p in STRAY_BYTES],
    pytest.param("declared-gbk.html", xhtml_page("gbk", ZH_HEADLINE, ZH_NEWS).split("\n", 1)[1].encode("gbk")
                 .replace("交通".encode("gbk"), b"\x80" + "交通".encode("gbk")), ("written", ZH_NEWS, True),
                 id="page-declaring-gbk-with-a-stray-byte-keeps-gbk"),
    pytest.param("euc-tw.txt", EUC_TW, ("rejected", "undecodable"), id="euc-tw-is-rejected-not-gb18030-garbage"),
    pytest.param("utf8-ff.txt", with_stray_bytes(ZH_NEWS, "utf-8", b"\xff"), ("written", ZH_NEWS, True),
                 id="utf-8-article-with-one-ff-is-kept"),
    pytest.param("gbk-cut.txt", ZH_NEWS.encode("gbk") + "雨".encode("gbk")[:1], ("written", ZH_NEWS, True),
                 id="gbk-file-ending-on-a-lone-lead-byte-is-kept"),
    pytest.param("xhtml-gb2312.html", xhtml_page("gb2312", ZH_HEADLINE, ZH_NEWS).encode("gb2312"),
                 ("written", ZH_NEWS, False), id="xhtml-with-xml-declaration-gb2312-is-not-malformed"),
    pytest.param("xhtml-big5.htm", xhtml_page("big5", TW_HEADLINE, TW_NEWS).encode("big5"),
                 ("written", TW_NEWS, False), id="xhtml-with-xml-declaration-big5-is-not-malformed"),
    pytest.param("prose-with-tags.txt", TAGS_PROSE.encode(), ("written", TAGS_PROSE, False),
                 id="text-file-mentioning-tags-stays-text"),
    pytest.param("utf-32-be.txt", "\ufeff".encode("utf-32-be") + ZH_MORE.encode("utf-32-be"),
                 ("written", ZH_MORE, False), id="utf-32-be-page-with-its-bom-is-not-binary"),
    pytest.param("utf-16-be.txt", "\ufeff".encode("utf-16-be") + ZH_MORE.replace("区", "县").encode("utf-16-be"),
                 ("written", ZH_MORE.replace("区", "县"), False), id="utf-16-be-page-with-its-bom-is-read"),
    pytest.param("stray-nul.txt", ZH_NEWS.encode()[:60] + b"\x00" + ZH_NEWS.encode()[60:], ("written", ZH_NEWS, False),
                 id="page-with-a-stray-nul-is-text-not-binary"),
    pytest.param("stray-nul.html", xhtml_page("utf-8", ZH_HEADLINE, ZH_MORE).replace("</p>", "\x00</p>", 1).encode(),
                 ("written", ZH_MORE, False), id="html-page-with-a-stray-nul-is-text-not-binary"),
    pytest.param("utf-16-le-no-bom.txt", EN_NEWS.encode("utf-16-le"), ("written", EN_NEWS, False),
                 id="utf-16-page-without-a-bom-is-read"),
    pytest.param("utf-16-be-page", "\ufeff".encode("utf-16-be") + ZH_MORE.replace("区", "镇").encode("utf-16-be"),
                 ("written", ZH_MORE.replace("区", "镇"), False), id="utf-16-be-page-named-without-a-suffix-is-a-page"),
    pytest.param("utf-16-cut.txt", "\ufeff".encode("utf-16-le") + ZH_MORE.replace("区", "市").encode("utf-16-le")[:-1],
                 ("written", ZH_MORE.replace("区", "市")[:-1], True), id="utf-16-page-cut-inside-a-character-is-kept"),
    pytest.param("utf-32-cut.txt", "\ufeff".encode("utf-32-le") + ZH_MORE.replace("区", "乡").encode("utf-32-le")[:-2],
                 ("written", ZH_MORE.replace("区", "乡")[:-1], True), id="utf-32-page-cut-inside-a-character-is-kept"),
    pytest.param("bom-gbk.txt", codecs.BOM_UTF8 + ZH_MORE.replace("区", "村").encode("gbk"),
                 ("written", ZH_MORE.replace("区", "村"), False), id="utf-8-bom-before-gbk-is-no-text"),
]


@pytest.fixture(scope="module")
def page_fault_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("page-faults")
    (folder / "in").mkdir()
    for param in PAGE_FAULTS:
        name, data, _ = param.values
        (folder / "in" / name).write_bytes(data)
    result = corpusclean("run", "in", "-q", "--dedup", "none", "--no-template", "--script", "keep",
                         "-o", "out.jsonl", "--rejects", "rejects.jsonl", cwd=folder)
    records = {r["metadata"]["path"]: r for r in read_jsonl_file(folder / "out.jsonl")}
    rejects = {r["metadata"]["path"]: r for r in read_jsonl_file(folder / "rejects.jsonl")}
    return result, records, rejects


@pytest.mark.parametrize("name, data, expected", PAGE_FAULTS)
def test_a_damaged_or_legacy_page_is_read_as_it_should(name, data, expected, page_fault_run):
    """Silent mojibake, one bad byte losing a whole page, XHTML rejected as malformed_html, prose taken for HTML;
    a page holding one stray NUL byte, or in UTF-16 without a byte order mark (which decode reads), rejected
    whole as 'binary content (NUL bytes), not text'."""
    result, records, rejects = page_fault_run
    path = f"in/{name}"
    if expected[0] == "rejected":
        assert path not in records and rejects[path]["reject_reason"] == expected[1], result.stderr.decode()
        assert rejects[path]["raw_base64"], "the bytes are kept for the user"
        return
    _, lines, damaged = expected
    assert path in records, rejects.get(path, result.stderr.decode())
    record = records[path]
    text = f"{record['metadata']['title']}\n{record['text']}"
    for line in lines.splitlines():
        assert line in text.replace("\ufffd", "").replace("\x7f", "")
    assert not any(ord(char) in CYRILLIC for char in text)
    assert (record["metadata"]["invalid_bytes"] > 0) is damaged
    assert record["metadata"]["format"] == ("html" if name.endswith(("html", "htm")) else "txt")


def jsonl_line(record: dict) -> bytes:
    import json

    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


TUTORIAL = (
    "网页的正文通常放在<div>里，每一段用<p>包起来。\n"
    "脚本写在<script>标签中，浏览器不会把它显示出来，但这一段说明文字本身是正文。\n"
    "最后提醒读者：<script>之后的这句话同样属于文章，不能丢失。"
)
HTML_PAGE = (
    f"<!DOCTYPE html><html><head><title>{ZH_HEADLINE}</title></head><body><div class='article'>"
    f"<h1>{ZH_HEADLINE}</h1>" + "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines()) + "</div></body></html>"
)
INVALID_LINE = b'{"id": "cut-off", "text": "\xe6\x96\x87\xe5\xad\x97'
INVALID_LEGACY_LINE = b'{"id": "gbk-bytes", "text": "' + "新闻".encode("gbk") + b'",,}'

# One JSONL fed on stdin, one line per fault: (line, expected: ("written", text lines, format, bad characters)
# or ("rejected", reason, raw kept as text or None when kept in base64)).
JSONL_FAULTS = [
    pytest.param(b"\xef\xbb\xbf" + jsonl_line({"id": "bom-file", "text": ZH_NEWS}), ("written", ZH_NEWS, "txt", 0),
                 id="jsonl-bom-at-file-start-is-read"),
    pytest.param(jsonl_line({"id": "tags", "text": TAGS_PROSE}), ("written", TAGS_PROSE, "txt", 0),
                 id="jsonl-text-mentioning-tags-stays-text"),
    pytest.param(jsonl_line({"id": "tutorial", "text": TUTORIAL}), ("written", TUTORIAL, "txt", 0),
                 id="jsonl-tutorial-about-script-keeps-the-text-after-it"),
    pytest.param(b'{"id": "surrogate", "text": "\\ud800' + jsonl_line({"text": TW_NEWS})[10:],
                 ("written", TW_NEWS, "txt", 1), id="jsonl-lone-surrogate-is-replaced-and-counted"),
    pytest.param(b'{"id": "bad-byte", "text": "\xff' + jsonl_line({"text": TW_NEWS.replace("高雄", "臺南")})[10:],
                 ("written", TW_NEWS.replace("高雄", "臺南"), "txt", 1), id="jsonl-invalid-utf-8-byte-is-replaced"),
    pytest.param(b"\xef\xbb\xbf" + jsonl_line({"id": "bom-line", "text": TUTORIAL.replace("网页", "页面")}),
                 ("written", TUTORIAL.replace("网页", "页面"), "txt", 0), id="jsonl-bom-at-line-start-is-read"),
    pytest.param(jsonl_line({"id": "html-field", "html": HTML_PAGE}), ("written", ZH_NEWS, "html", 0),
                 id="jsonl-record-with-an-html-field-is-html"),
    pytest.param(INVALID_LINE + b"\n", ("rejected", "invalid_json", INVALID_LINE.decode()),
                 id="jsonl-invalid-line-keeps-its-raw-text"),
    pytest.param(INVALID_LEGACY_LINE + b"\n", ("rejected", "invalid_json", None),
                 id="jsonl-invalid-non-utf-8-line-keeps-its-bytes-in-base64"),
]


@pytest.fixture(scope="module")
def jsonl_fault_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jsonl-faults")
    data = b"".join(param.values[0] for param in JSONL_FAULTS)
    result = corpusclean("run", "-", "-q", "--dedup", "none", "--no-template", "--script", "keep",
                         "-o", "out.jsonl", "--rejects", "rejects.jsonl", input=data, cwd=folder)
    by_line = {r["metadata"]["line"]: r for name in ("out.jsonl", "rejects.jsonl")
               for r in read_jsonl_file(folder / name)}
    return result, by_line, folder


@pytest.mark.parametrize("line, expected", JSONL_FAULTS)
def test_a_damaged_or_tagged_jsonl_record_is_read_as_it_should(line, expected, jsonl_fault_run):
    """Text taken for HTML (lines flattened, text after <script> lost); one bad character or a BOM losing the
    record; an invalid line from stdin lost for good."""
    import base64

    result, by_line, _ = jsonl_fault_run
    number = 1 + [param.values[0] for param in JSONL_FAULTS].index(line)
    record = by_line[number]
    if expected[0] == "rejected":
        _, reason, raw = expected
        assert record["reject_reason"] == reason
        kept = record["raw"].encode() if raw is not None else base64.b64decode(record["raw_base64"])
        assert kept == line.rstrip(b"\n") and record["raw"] == (raw or "")
        return
    _, lines, text_format, bad = expected
    assert "reject_reason" not in record, record.get("reject_detail")
    text = f"{record['metadata']['title']}\n{record['text']}"
    for expected_line in lines.splitlines():
        assert expected_line in text.replace("\ufffd", "")
    assert (record["metadata"]["format"], record["metadata"]["invalid_bytes"]) == (text_format, bad)


def test_a_jsonl_file_opening_with_gzip_s_first_two_bytes_is_read_line_by_line(tmp_path):
    """Found by the fuzz test: a file whose first line began with the bytes of gzip's magic (1f 8b) was taken
    for gzip and lost whole; gzip's signature holds its method byte too (1f 8b 08)."""
    (tmp_path / "records.jsonl").write_bytes(b"\x1f\x8b\n" + jsonl_line({"id": "r", "text": ZH_NEWS}))
    result = corpusclean("run", "records.jsonl", "-q", "-o", "out.jsonl", "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith(b"corpusclean: records.jsonl:1: invalid_json")
    [written], [rejected] = read_jsonl_file(tmp_path / "out.jsonl"), read_jsonl_file(tmp_path / "rejects.jsonl")
    assert written["id"] == "r" and rejected["reject_reason"] == "invalid_json"


def test_run_on_its_own_output_of_tagged_text_changes_nothing(jsonl_fault_run):
    """2 of 231 magic-html records changed on a second run; a 158-line article became 2 lines."""
    _, _, folder = jsonl_fault_run
    first = (folder / "out.jsonl").read_bytes()
    again = corpusclean("run", "-", "-q", "--dedup", "none", "--no-template", "--script", "keep", input=first)
    assert again.returncode == 0, again.stderr.decode()
    assert again.stdout == first


# A wire opinion page dumped as text: channel labels above the headline, a tail of topic tags and section
# links long enough that the layout stage keeps it while the labels stand, and cuts it once they are gone.
OPINION_PAGE = (Path(__file__).parent / "data" / "opinion_page.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(OPINION_PAGE, id="tail-kept-while-labels-above-the-headline-stood-is-cut-on-a-second-run"),
    ],
)
def test_run_on_its_own_output_of_a_text_dump_changes_nothing(page, tmp_path):
    """16 of 418 dev text dumps changed on a second run: a stage judged the lines by their place (the page's
    edges, the line under the headline, the article's extent) before later stages moved the edges."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(page, encoding="utf-8")
    first = corpusclean("run", "pages", "-q", "--dedup", "none", cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    again = corpusclean("run", "-", "-q", "--dedup", "none", input=first.stdout)
    assert again.returncode == 0, again.stderr.decode()
    compared = ("text", "created", "metadata")
    assert [{key: record[key] for key in compared} for record in jsonl(again.stdout)] == \
        [{key: record[key] for key in compared} for record in jsonl(first.stdout)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_long_page_whose_every_line_is_chrome_is_rejected_and_the_run_goes_on(jobs, tmp_path):
    """The layout stage judges a page by its lines before earlier stages removed some: a page of 25 footer
    lines reached it with none left and crashed the batch, and the run ended with exit 1 and no output at all."""
    (tmp_path / "pages").mkdir()
    footer = "".join(f"版权所有 远帆新闻网{i} 京ICP备{10000 + i}号\n" for i in range(25))
    (tmp_path / "pages" / "footer_only.txt").write_text(footer, encoding="utf-8")
    (tmp_path / "pages" / "article.txt").write_text("市里召开会议，部署冬季防火工作。\n会议要求各部门加强巡查，及时消除隐患。\n",
                                                   encoding="utf-8")
    run = corpusclean("run", "pages", "-q", "-o", "out.jsonl", "--rejects", "rej.jsonl", *jobs, cwd=tmp_path)
    assert run.returncode == 0, run.stderr.decode()
    assert [record["id"] for record in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["pages/article.txt"]
    assert [(record["id"], record["reject_reason"]) for record in jsonl((tmp_path / "rej.jsonl").read_bytes())] == [
        ("pages/footer_only.txt", "empty")]


def test_check_fix_never_takes_text_for_html(tmp_path):
    """check --fix rewrote the user's file with the damage of text parsed as HTML (an article's lines
    flattened into one from its first <p> on)."""
    article = "文中提到<p>标签的用法。\n" + ZH_NEWS + ZH_MORE
    data = jsonl_line({"id": "tags", "text": article}) + jsonl_line({"id": "tutorial", "text": TUTORIAL})
    (tmp_path / "data.jsonl").write_bytes(data)
    result = corpusclean("check", "--fix", "data.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert (tmp_path / "data.jsonl").read_bytes() == data


def test_text_format_auto_takes_only_a_document_for_html(tmp_path):
    """Sniffing must demand a real document (doctype/html/head/body), never a stray tag in prose."""
    data = jsonl_line({"id": "page", "text": HTML_PAGE}) + jsonl_line({"id": "prose", "text": TUTORIAL})
    result = corpusclean("run", "-", "-q", "--text-format", "auto", "--dedup", "none", input=data)
    assert result.returncode == 0, result.stderr.decode()
    formats = {r["id"]: r["metadata"]["format"] for r in jsonl(result.stdout)}
    assert formats == {"page": "html", "prose": "txt"}


def test_check_reports_gbk_read_as_cyrillic(tmp_path):
    """A GBK page written as KOI8-U Cyrillic passed check without a finding."""
    mojibake = ZH_NEWS.encode("gbk").decode("koi8-u")
    (tmp_path / "data.jsonl").write_bytes(jsonl_line({"id": "m", "text": mojibake}))
    result = corpusclean("check", "--select", "CC007", "data.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert b"CC007 encoding damage" in result.stdout and b"GBK/Big5 read as a single-byte codec" in result.stdout


def test_a_record_over_max_record_bytes_is_too_large_and_the_next_one_is_read(tmp_path):
    """A 1 GB record took all memory and the kernel killed a worker; a 300 MB record was written whole."""
    import gzip

    big = jsonl_line({"id": "big", "text": ZH_NEWS * 400})
    data = jsonl_line({"id": "before", "text": ZH_NEWS}) + big + jsonl_line({"id": "after", "text": TW_NEWS})
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "corpusclean.toml").write_text("max_record_bytes = 10000\n")
    result = corpusclean("run", "in.jsonl.gz", "-q", "--dedup", "none", "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert [r["id"] for r in jsonl(result.stdout)] == ["before", "after"]
    [reject] = read_jsonl_file(tmp_path / "rejects.jsonl")
    assert reject["reject_reason"] == "too_large"
    assert reject["reject_detail"].startswith(f"{len(big) - 1} bytes, over the 10000-byte limit")
    assert f"in.jsonl.gz:2: too_large: {len(big) - 1} bytes" in result.stderr.decode()


def _outside_link(tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (tmp_path / "in" / "page.txt").symlink_to(tmp_path / "outside" / "passwd.txt")
    return {"link_outside": "in/page.txt"}


def _special_files(tmp_path):
    import socket

    (tmp_path / "in" / "loop.txt").symlink_to(tmp_path / "in" / "loop.txt")
    (tmp_path / "in" / "dangling.html").symlink_to(tmp_path / "in" / "absent.html")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "in" / "sock.txt"))
    listener.close()
    (tmp_path / "in" / "linked.txt").symlink_to(tmp_path / "in", target_is_directory=True)
    return {"broken_link": "in/dangling.html", "not_a_file": "in/pipe.txt", "link_to_folder": "in/linked.txt"}


def _unknown_names(tmp_path):
    for name in ("feed.xml", "dump.dat", "pages.7z", ".hidden.txt"):
        (tmp_path / "in" / name).write_text(ZH_NEWS)
    return {"unknown_type": "in/dump.dat", "hidden": "in/.hidden.txt"}


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_outside_link, id="symlink-out-of-the-tree-is-skipped"),
        pytest.param(_special_files, id="symlink-loops-fifos-sockets-folder-links-are-skipped-never-read"),
        pytest.param(_unknown_names, id="unknown-names-are-skipped-with-a-reason"),
    ],
)
def test_a_folder_of_nothing_readable_says_why_and_exits_1(make, tmp_path):
    """A page.txt -> /etc/passwd link put the password file in the dataset; symlink loops, FIFOs and unknown
    names vanished silently, and a folder of them gave "documents in: 0", exit 0."""
    import json

    (tmp_path / "in").mkdir()
    expected = make(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "corpusclean", "run", "in", "-q", "--report", "report.json"],
        capture_output=True, cwd=tmp_path, timeout=60,
    )
    stderr = result.stderr.decode()
    assert (result.returncode, result.stdout) == (1, b""), stderr
    assert "nothing to read" in stderr
    skipped = json.loads((tmp_path / "report.json").read_text())["skipped"]
    for reason, path in expected.items():
        assert f"{path}: skipped: {reason}:" in stderr or f"{reason}:" in stderr and path in stderr
        assert skipped[reason]["count"] >= 1 and path.startswith(skipped[reason]["first"].rsplit("/", 1)[0])


def test_follow_links_reads_a_link_out_of_the_tree(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "news.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "in" / "news.txt").symlink_to(tmp_path / "outside" / "news.txt")
    result = corpusclean("run", "in", "-q", "--follow-links", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [r["id"] for r in jsonl(result.stdout)] == ["in/news.txt"]


def test_a_fifo_named_on_the_command_line_does_not_block(tmp_path):
    """A FIFO named on the command line blocked forever, waiting for a writer."""
    os.mkfifo(tmp_path / "pipe.jsonl")
    result = subprocess.run([sys.executable, "-m", "corpusclean", "run", "pipe.jsonl", "-q"],
                            capture_output=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert "pipe.jsonl: empty_input" in result.stderr.decode()

def test_check_opens_a_fifo_nobody_writes_to_as_run_does(tmp_path):
    """check opened a named pipe waiting for a writer, and with none it hung forever; run reads it as empty."""
    os.mkfifo(tmp_path / "pipe")
    result = subprocess.run([sys.executable, "-m", "corpusclean", "check", "pipe"],
                            capture_output=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert result.stdout.decode() == "pipe:1:1: CC019 the file holds no JSON lines: run rejects it as empty_input\n"


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
    assert (first["id"], first["metadata"]["original_id"]) == ("n1", "")
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


# --- damaged compressed inputs, hostile file names, explain's exit status ---

# A gzip header, then deflate data whose first block has the reserved type 3: zlib.error, not EOFError.
DAMAGED_GZIP = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x07" + b"\x00" * 16


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize(
    "name",
    [
        pytest.param("damaged.jsonl.gz", id="damaged-gzip-jsonl-read-by-the-main-process"),
        pytest.param("damaged.txt.gz", id="damaged-gzip-page-read-by-a-worker"),
    ],
)
def test_a_gzip_file_with_damaged_data_is_unreadable_and_the_run_goes_on(name, jobs, tmp_path):
    """zlib.error from damaged deflate data ended the whole run with a traceback, exit 1 and no output."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(DAMAGED_GZIP)
    (tmp_path / "in" / "good.txt").write_text(ZH_NEWS, encoding="utf-8")
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--rejects", "rej.jsonl", *jobs, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr
    assert stderr.startswith(f"corpusclean: in/{name}: unreadable: read failed: gzip: ") and stderr.count("\n") == 1
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["in/good.txt"]
    assert [(r["id"], r["reject_reason"]) for r in read_jsonl_file(tmp_path / "rej.jsonl")] == [
        (f"in/{name}", "unreadable")]


def _zipped(data: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("in.jsonl", data)
    return buffer.getvalue()


def _foreign_compression():
    import bz2
    import lzma

    return [("bzip2", "bunzip2", bz2.compress), ("xz", "unxz", lzma.compress), ("zip", "unzip", _zipped)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_file_of_a_compression_this_tool_does_not_read_is_one_clear_reject(jobs, tmp_path):
    """A bzip2, xz or zip file named on the command line was 'binary content (NUL bytes), not text'; named as
    JSONL (or on standard input) it was split on its 0a bytes into invalid_json lines ('str is not valid
    UTF-8: surrogates not allowed'), 27 for a bzip2 file of 2,000 records, and check found as many CC001."""
    records = b"".join(jsonl_line({"id": f"r{n}", "text": f"{ZH_NEWS}{n}"}) for n in range(2000))
    names = []
    for name, tool, compress in _foreign_compression():
        for file_name in (f"{name}.jsonl", f"{name}.txt.{name}"):
            (tmp_path / file_name).write_bytes(compress(records))
            names.append((file_name, name, tool))
    run = corpusclean("run", *[n for n, _, _ in names], "-", "-q", "-o", "out.jsonl", *jobs,
                      input=(tmp_path / "bzip2.jsonl").read_bytes(), cwd=tmp_path)
    said = [f"corpusclean: {file_name}: unreadable: {name}-compressed, which this tool does not read: {tool} it, "
            "or compress it with gzip or zstd" for file_name, name, tool in [*names, ("-", "bzip2", "bunzip2")]]
    assert (run.returncode, sorted(run.stderr.decode().splitlines())) == (1, sorted(said))
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    check = corpusclean("check", "xz.jsonl", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode()) == (
        2, "", "corpusclean: error: cannot read xz.jsonl: xz-compressed, which this tool does not read: unxz it, "
               "or compress it with gzip or zstd\n")


@pytest.mark.parametrize(
    "command, status, out",
    [
        pytest.param(["check", "damaged.jsonl.gz"], 2, "", id="check"),
        pytest.param(["explain", "damaged.jsonl.gz"], 1, "rejected: unreadable", id="explain"),
        # said 'damaged.jsonl.gz has fewer than 9 records', exit 2: a usage error, of a file that broke
        pytest.param(["explain", "damaged.jsonl.gz", "--record", "9"], 1, "rejected: unreadable",
                     id="explain-a-record-past-the-damage"),
    ],
)
def test_check_and_explain_of_a_damaged_gzip_file_say_so_in_one_line(command, status, out, tmp_path):
    (tmp_path / "damaged.jsonl.gz").write_bytes(DAMAGED_GZIP)
    result = corpusclean(*command, cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == status and "Traceback" not in stderr, stderr
    assert result.stdout.decode().startswith(out)
    if status == 2:
        assert stderr.startswith("corpusclean: error: cannot read damaged.jsonl.gz: gzip: ") and stderr.count("\n") == 1


@pytest.mark.parametrize(
    "name, status",
    [
        pytest.param("binary.txt", 1, id="unreadable-input-exits-1-as-run-does"),
        pytest.param("page.txt", 0, id="readable-input-exits-0"),
    ],
)
def test_explain_exits_as_run_would_on_its_input(name, status, tmp_path):
    """explain of a file run cannot read showed 'rejected: binary' and exited 0."""
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "page.txt").write_text(ZH_NEWS, encoding="utf-8")
    assert corpusclean("explain", name, cwd=tmp_path).returncode == status


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_declaring_a_codec_that_is_no_charset_is_read_and_the_run_goes_on(jobs, tmp_path):
    """<meta charset="base64"> (a codec Python has, but no text encoding) ended the whole run with a
    traceback, exit 1 and no output."""
    (tmp_path / "in").mkdir()
    page = f'<html><head><meta charset="base64"><title>{ZH_HEADLINE}</title></head><body>' + "".join(
        f"<p>{line}</p>" for line in ZH_NEWS.splitlines()) + "</body></html>"
    (tmp_path / "in" / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text(ZH_MORE, encoding="utf-8")
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == ["in/good.txt", "in/page.html"]
    assert ZH_NEWS.splitlines()[0] in records["in/page.html"]["text"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_declaring_python_s_escape_codec_keeps_its_backslashes(jobs, tmp_path):
    """<meta charset="unicode-escape"> (a Python codec, no character set) was taken at its word: the page's
    'C:\\new\\table' became 'C:' + a line break + 'ew' + a tab + 'able', its '\\u4e2d' a 中, exit 0."""
    (tmp_path / "in").mkdir()
    body = "".join(f"<p>{line}</p>" for line in EN_NEWS.splitlines())
    body += r"<p>The files are kept in C:\new\table and the code \u4e2d names a character, the clerk said.</p>"
    for codec in ("unicode-escape", "raw_unicode_escape"):
        page = f'<html><head><meta charset="{codec}"><title>Budget</title></head><body>{body}</body></html>'
        (tmp_path / "in" / f"{codec}.html").write_text(page, encoding="ascii")
    wrapped = "<text id=a encoding=unicode_escape>\n" + EN_NEWS + r"Kept in C:\new\table, said the clerk (\u4e2d)." + "\n"
    (tmp_path / "in" / "wrapped.txt").write_text(wrapped, encoding="ascii")
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--dedup", "none", "--no-template", *jobs,
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == ["in/raw_unicode_escape.html", "in/unicode-escape.html", "in/wrapped.txt"]
    for record in records.values():
        assert r"C:\new\table" in record["text"] and r"\u4e2d" in record["text"], record
        assert "中" not in record["text"] and record["metadata"]["encoding"] == "utf-8"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_declaring_utf_7_or_hz_keeps_its_ascii(jobs, tmp_path):
    """<meta charset="utf-7"> or "hz-gb-2312" over an ASCII page was taken at its word: its '3+-1' became
    '3+1', its '~~' a '~', its '+ADw-b+AD4-' a tag, exit 0. A page in either (its Han in the escapes) is read."""
    (tmp_path / "in").mkdir()
    extra = "The vote was 3+-1, the fee 5 ~~ 6 dollars, and +ADw-b+AD4- stood in the minutes, the clerk said."
    body = "".join(f"<p>{line}</p>" for line in (EN_NEWS + extra).splitlines())
    for codec in ("utf-7", "hz-gb-2312"):
        page = f'<html><head><meta charset="{codec}"><title>Budget</title></head><body>{body}</body></html>'
        (tmp_path / "in" / f"{codec}.html").write_text(page, encoding="ascii")
    wrapped = "<text id=a encoding=hz>\n" + EN_NEWS + extra + "\n"
    (tmp_path / "in" / "wrapped.txt").write_text(wrapped, encoding="ascii")
    chinese = f'<html><head><meta charset="hz"><title>通知</title></head><body><p>{ZH_NEWS}</p></body></html>'
    (tmp_path / "in" / "hz-chinese.html").write_bytes(chinese.encode("hz"))
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--dedup", "none", "--no-template", *jobs,
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == ["in/hz-chinese.html", "in/hz-gb-2312.html", "in/utf-7.html", "in/wrapped.txt"]
    for record in (records["in/hz-gb-2312.html"], records["in/utf-7.html"], records["in/wrapped.txt"]):
        assert extra in record["text"] and record["metadata"]["encoding"] == "utf-8", record
    chinese_record = records["in/hz-chinese.html"]
    assert ZH_NEWS.splitlines()[0] in chinese_record["text"] and chinese_record["metadata"]["encoding"] == "hz"


@pytest.mark.parametrize("jobs", JOBS)
def test_one_stray_byte_in_an_english_utf_8_page_is_not_read_as_mac_roman(jobs, tmp_path):
    """An English UTF-8 page with a dozen curly quotes and dashes and one stray byte failed the UTF-8 reading
    with a few damaged bytes (1 bad of 43 bytes beyond ASCII, over 2%), and the detector's MacRoman reading was
    written: every quote 'council\u201a\u00c4\u00f4s', invalid_bytes 0, exit 0."""
    (tmp_path / "in").mkdir()
    text = ("The council\u2019s budget \u2014 approved on Tuesday \u2014 adds \u201ctwo hundred\u201d teachers, "
            "the mayor\u2019s office said. It\u2019s the largest rise in a decade, officials said on Wednesday.")
    page = f"<html><head><title>Budget</title></head><body><p>{text}</p><p>{text} Again.</p></body></html>"
    for name, data in (("page.html", page), ("page.txt", f"{text}\n{text} Again.\n")):
        raw = data.encode("utf-8").replace(b"Tuesday", b"\xa9uesday", 1)
        (tmp_path / "in" / name).write_bytes(raw)
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--dedup", "none", "--no-template", *jobs,
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = read_jsonl_file(tmp_path / "out.jsonl")
    assert sorted(r["id"] for r in records) == ["in/page.html", "in/page.txt"]
    for record in records:
        assert record["text"].startswith(text.replace("Tuesday", "\ufffduesday")), record
        assert (record["metadata"]["encoding"], record["metadata"]["invalid_bytes"]) == ("utf-8", 1)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_utf_8_page_with_a_stray_byte_under_a_wrong_charset_is_read_as_utf_8(jobs, tmp_path):
    """A French UTF-8 page with one stray byte that declared shift_jis was read in it, exit 0: every 'é' became
    half-width katakana ('approuvﾃｩ'), invalid_bytes 0. Bytes that read as UTF-8 but for a few damaged ones are
    UTF-8 whatever the page declares, unless the declared reading is Chinese."""
    (tmp_path / "in").mkdir()
    text = ("Le conseil municipal a approuvé le budget de l'année prochaine mercredi soir, après un débat animé "
            "sur les écoles et la sécurité. Le maire a déclaré que la réforme était nécessaire.")
    page = (f'<html><head><meta charset="shift_jis"><title>Budget</title></head><body><p>{text}</p>'
            f"<p>{text} Encore.</p></body></html>")
    (tmp_path / "in" / "page.html").write_bytes(page.encode("utf-8").replace(b"mercredi", b"\xa9ercredi", 1))
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--dedup", "none", "--no-template", *jobs,
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    [record] = read_jsonl_file(tmp_path / "out.jsonl")
    assert record["text"].startswith(text.replace("mercredi", "\ufffdercredi")), record
    assert (record["metadata"]["encoding"], record["metadata"]["invalid_bytes"]) == ("utf-8", 1)


def test_check_fix_through_a_symbolic_link_fixes_the_file_it_leads_to(tmp_path):
    """check --fix on data/link.jsonl -> ../store/real.jsonl renamed the fixed copy over the link: the link
    became a file of its own and the dataset in the store stayed unfixed."""
    dirty = jsonl_line({"id": "d", "text": "首页 新闻 国内 国际 财经\n" + ZH_NEWS})
    (tmp_path / "store").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "store" / "real.jsonl").write_bytes(dirty)
    (tmp_path / "data" / "link.jsonl").symlink_to("../store/real.jsonl")
    result = corpusclean("check", "--fix", "data/link.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert (tmp_path / "data" / "link.jsonl").is_symlink()
    fixed = (tmp_path / "store" / "real.jsonl").read_bytes()
    assert fixed != dirty and json.loads(fixed)["text"] == ZH_NEWS.rstrip("\n")
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["real.jsonl"]


@pytest.mark.parametrize(
    "args, status, stderr",
    [
        pytest.param(["empty", "other"], 2, "corpusclean: error: nothing to check: no file of JSON lines (.jsonl, "
                     ".ndjson, .json or without a suffix; plain, .gz or .zst) in empty, other\n",
                     id="folders-without-a-dataset"),
        pytest.param(["data"], 1, "corpusclean: 1 finding(s) in 1 of 1 file(s)\n", id="folder-of-json-files"),
        pytest.param(["data/records.json"], 1, "corpusclean: 1 finding(s) in 1 of 1 file(s)\n", id="file-named-is-read"),
        pytest.param(["empty", "data/records.json"], 1, "corpusclean: 1 finding(s) in 1 of 1 file(s)\n",
                     id="an-empty-folder-beside-a-file"),
    ],
)
def test_check_of_folders_holding_no_dataset_says_so_and_exits_2(args, status, stderr, tmp_path):
    """check of a folder whose JSONL files are named .json (which run reads) checked nothing and passed, exit 0
    and not a word; so did check of an empty folder, or of one of pages."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "page.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "records.json").write_bytes(jsonl_line({"id": "a", "text": ""}))
    result = corpusclean("check", *args, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (status, stderr)


@pytest.mark.parametrize("given", [pytest.param("data", id="folder-holding-it"), pytest.param("data/locked", id="itself")])
def test_check_of_a_folder_it_cannot_list_says_so_and_exits_2(given, tmp_path, monkeypatch, capsys):
    """check of a folder holding a subfolder it could not list passed with exit 0 and no word: os.walk
    skips such a folder silently, so its datasets were never checked."""
    import io

    from corpusclean.check.command import run_check

    locked = tmp_path / "data" / "locked"
    locked.mkdir(parents=True)
    (locked / "dirty.jsonl").write_bytes(jsonl_line({"id": "c", "text": "市民\r反映"}))
    scandir = os.scandir

    def no_listing(path="."):  # chmod 000 as a user other than root
        if os.path.normpath(path) == "data/locked":
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "scandir", no_listing)
    out = io.StringIO()
    assert run_check([given], out=out) == 2
    assert out.getvalue() == ""
    assert capsys.readouterr().err == "corpusclean: error: cannot read data/locked: the folder cannot be listed\n"


# Two records with 20-digit ids (beyond 64 bits) and a field holding a number beyond 64 bits.
LONG_NUMBERS = (
    b'{"id": 20231020000000012345, "text": "' + ZH_NEWS.splitlines()[0].encode() + b'", "views": -9223372036854775809}\n'
    b'{"id": 20231020000000012346, "text": "' + ZH_MORE.splitlines()[0].encode() + b'", "views": 123456789012345678901234567890}\n'
)


@pytest.mark.parametrize("jobs", JOBS)
def test_integers_beyond_64_bits_are_kept_exact(jobs, tmp_path):
    """orjson read the 20-digit ids as one float, 2.0231020000000012e+19: the first record got it as its id,
    the second was renamed to its location; a number field came out as a float."""
    (tmp_path / "in.jsonl").write_bytes(LONG_NUMBERS)
    result = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    out = (tmp_path / "out.jsonl").read_bytes()
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["metadata"]["original_id"]) for r in records] == [
        ("20231020000000012345", ""), ("20231020000000012346", "")]
    assert [json.loads(r["metadata"]["extra"])["views"] for r in records] == [
        -9223372036854775809, 123456789012345678901234567890]
    again = corpusclean("run", "out.jsonl", "-q", "--dedup", "none", *jobs, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, out), "read back as written"


# Numbers JSON's grammar allows and a double cannot hold, in a field, a nested list, an id; beside a lone
# surrogate (replaced and counted) and an integer beyond 64 bits.
OUT_OF_RANGE = (
    b'{"id": "a", "text": "' + ZH_NEWS.splitlines()[0].encode() + b'", "score": 1e400}\n'
    b'{"id": -1E+999, "text": "' + ZH_MORE.splitlines()[0].encode() + b'", "n": [-1e400, 1.5], '
    b'"views": 123456789012345678901234567890}\n'
    b'{"id": "c", "text": "The council met on Monday. \\ud800 It voted.", "m": 1e400}\n'
)


@pytest.mark.parametrize("jobs", JOBS)
def test_numbers_beyond_a_double_are_read_and_written_as_written(jobs, tmp_path):
    """orjson refuses 1e400 ('number is infinity when parsed as double'): each such line, valid JSON, was an
    invalid_json reject, its text lost, and check said CC001."""
    (tmp_path / "in.jsonl").write_bytes(OUT_OF_RANGE)
    result = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", "--rejects", "rej.jsonl",
                         *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode(), (tmp_path / "rej.jsonl").read_bytes()) == (0, "", b"")
    out = (tmp_path / "out.jsonl").read_bytes()
    records = [orjson.loads(line) for line in out.splitlines()]  # the records load in a strict reader
    assert [(r["id"], r["metadata"]["extra"], r["metadata"]["invalid_bytes"]) for r in records] == [
        ("a", '{"score":1e400}', 0),
        ("in.jsonl#2", '{"id":-1E+999,"n":[-1e400,1.5],"views":123456789012345678901234567890}', 0),
        ("c", '{"m":1e400}', 1)]
    assert records[0]["text"] == ZH_NEWS.splitlines()[0] and "It voted." in records[2]["text"]
    assert json.loads(records[1]["metadata"]["extra"])["n"] == [float("-inf"), 1.5]
    again = corpusclean("run", "out.jsonl", "-q", "--dedup", "none", *jobs, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, out), "read back as written"
    checked = corpusclean("check", "--select", "CC001,CC002,CC003,CC004", "in.jsonl", cwd=tmp_path)
    assert checked.stdout.decode().splitlines() == [
        "in.jsonl:2:1: CC004 id is a number with a fraction or exponent, not a string or an integer",
        "in.jsonl:3:49: CC001 invalid JSON: 1 lone surrogate(s) (\\ud800-\\udfff), which UTF-8 cannot hold; "
        "run replaces each with U+FFFD and counts it"]
    assert corpusclean("check", "out.jsonl", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("line", [b'{"text": "x", "a": 1e400, "b": NaN}', b'{"text": "x", "a": 1e400, "b": -Infinity}',
                                  b'{"text": "x", "a": 1e400,}', b'{"text": "x", "a": 1e400, "b": "\\ud800"'])
def test_a_number_beyond_a_double_makes_no_line_json_that_is_not(line):
    from corpusclean.json_numbers import loads

    with pytest.raises(orjson.JSONDecodeError):
        loads(line)


def test_check_fix_keeps_numbers_beyond_a_double_as_written(tmp_path):
    dirty = b'{"id": "d", "text": "' + "首页 新闻 国内 国际 财经\\n".encode() + ZH_NEWS.splitlines()[1].encode() + \
        b'", "score": -1e400}\n'
    (tmp_path / "in.jsonl").write_bytes(dirty)
    result = corpusclean("check", "--fix", "in.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, b""), result.stderr.decode()
    fixed = (tmp_path / "in.jsonl").read_bytes()
    assert fixed != dirty and fixed.endswith(b', "score": -1e400}\n')


@pytest.mark.parametrize(
    "command, status",
    [
        pytest.param(["check", "--select", "CC004,CC005", "in.jsonl"], 0, id="check-sees-two-ids"),
        pytest.param(["check", "--fix", "in.jsonl"], 0, id="fix-keeps-the-numbers"),
    ],
)
def test_check_keeps_integers_beyond_64_bits_exact(command, status, tmp_path):
    """check took the two ids for one float (CC004 'id is a float'); --fix of a record with such a number
    ended in a traceback (orjson cannot write it)."""
    dirty = b'{"id": 20231020000000012347, "text": "' + "首页 新闻 国内 国际 财经\\n".encode() + \
        ZH_NEWS.splitlines()[1].encode() + b'", "views": 123456789012345678901234567890}\n'
    (tmp_path / "in.jsonl").write_bytes(LONG_NUMBERS + dirty)
    result = corpusclean(*command, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (status, b""), result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    fixed = (tmp_path / "in.jsonl").read_bytes().splitlines()
    assert fixed[:2] == LONG_NUMBERS.splitlines()
    assert b"20231020000000012347" in fixed[2] and b"123456789012345678901234567890" in fixed[2]


@pytest.mark.parametrize(
    "command, status, stdout, stderr",
    [
        pytest.param(["check", "in.jsonl"], 1,
                     ["in.jsonl:2:1: CC018 record of 1195 bytes, over the 1000-byte limit (max_record_bytes): run rejects it",
                      "in.jsonl:3:1: CC008 1 control character(s) (U+000D), first at text line 1 col 3"],
                     "corpusclean: 2 finding(s) in 1 of 1 file(s)", id="check-reads-past-it"),
        pytest.param(["check", "--fix", "in.jsonl"], 2, [],
                     "corpusclean: error: cannot fix in.jsonl: line 2 is 1195 bytes, over the 1000-byte limit "
                     "(max_record_bytes)", id="fix-stops-and-leaves-the-file"),
    ],
)
def test_check_of_a_record_over_max_record_bytes_never_holds_it(command, status, stdout, stderr, tmp_path):
    """check held a 300 MB record whole: 51.6 s and 5.3 GB of memory for one line that run rejects in 0.7 s
    (a line of a few GB took all memory); it reported nothing about it."""
    data = (jsonl_line({"id": "a", "text": ZH_NEWS.splitlines()[0]}) + jsonl_line({"id": "big", "text": "a" * 1170})
            + jsonl_line({"id": "c", "text": "市民\r反映"}))
    (tmp_path / "in.jsonl").write_bytes(data)
    (tmp_path / "corpusclean.toml").write_text("max_record_bytes = 1000\n")
    result = corpusclean(*command, cwd=tmp_path)
    assert result.returncode == status
    assert (result.stdout.decode().splitlines(), result.stderr.decode().splitlines()) == (stdout, [stderr])
    assert (tmp_path / "in.jsonl").read_bytes() == data


# What the HTML parser reads as U+FFFD, one page each: (id, what stands in the page, U+FFFD in the text).
PARSER_MADE_FFFD = [
    pytest.param("ref-nul", "&#0;", 1, id="reference-to-nul"),
    pytest.param("ref-surrogate", "&#xD800;", 1, id="reference-to-a-surrogate"),
    pytest.param("ref-beyond", "&#x110000;&#99999999;", 2, id="references-beyond-unicode"),
    pytest.param("nul", "\x00", 0, id="nul-character"),  # dropped, as a browser drops it (and a text page)
    pytest.param("own", "\ufffd", 1, id="replacement-character-of-the-page-itself"),
]


@pytest.fixture(scope="module")
def parser_fffd_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parser-fffd")
    paragraphs = "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
    with open(folder / "in.jsonl", "wb") as records:
        for param in PARSER_MADE_FFFD:
            doc_id, made, _ = param.values
            records.write(jsonl_line({"id": doc_id, "html": f"<html><head><title>{ZH_HEADLINE}</title></head><body>"
                                                            f"<p>{ZH_MORE.splitlines()[0]}{made}</p>{paragraphs}"}))
    run = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", cwd=folder)
    checked = corpusclean("check", "--select", "CC007", "out.jsonl", cwd=folder)
    return run, {r["id"]: r for r in read_jsonl_file(folder / "out.jsonl")}, checked.stdout.decode()


@pytest.mark.parametrize("doc_id, made, count", PARSER_MADE_FFFD)
def test_run_output_of_an_html_page_whose_parser_made_u_fffd_checks_clean(doc_id, made, count, parser_fffd_run):
    """The HTML parser reads these as U+FFFD, which run wrote uncounted (replacement_chars 0): check of run's
    own output found 'encoding damage' (CC007) that the input held and run did not make."""
    run, records, findings = parser_fffd_run
    assert run.returncode == 0, run.stderr.decode()
    record = records[doc_id]
    assert (record["text"].count("\ufffd"), record["metadata"]["replacement_chars"]) == (count, count)
    assert f":{1 + [p.values[0] for p in PARSER_MADE_FFFD].index(doc_id)}:" not in findings, findings


OVER_THE_JOBS_LIMIT = 16 * (os.cpu_count() or 1) + 1  # just over: without the limit, a run that works (not 100000)


@pytest.mark.parametrize(
    "args, config",
    [
        pytest.param(["--jobs", str(OVER_THE_JOBS_LIMIT)], None, id="option"),
        pytest.param([], f"jobs = {OVER_THE_JOBS_LIMIT}\n", id="config-file"),
    ],
)
def test_jobs_beyond_what_the_machine_can_run_is_a_usage_error(args, config, tmp_path):
    """--jobs 100000 forked workers until the kernel killed the run (exit 137), leaving its temporary
    output and spool behind."""
    if config:
        (tmp_path / "corpusclean.toml").write_text(config)
    (tmp_path / "page.txt").write_text(ZH_NEWS, encoding="utf-8")
    result = corpusclean("run", "page.txt", "-q", "-o", "out.jsonl", *args, cwd=tmp_path, env=isolated_tmp(tmp_path))
    assert result.returncode == 2
    assert result.stderr.decode() == (f"corpusclean: error: jobs must be at most {OVER_THE_JOBS_LIMIT - 1} "
                                      f"(16 per core, {os.cpu_count() or 1} cores here), not {OVER_THE_JOBS_LIMIT}\n")
    assert not (tmp_path / "out.jsonl").exists() and leftovers(tmp_path) == leftovers(tmp_path / "tmpdir") == []


@pytest.mark.parametrize("command", [["run", "-q", "-o", "out.jsonl"], ["run", "-q", "-o", "out.jsonl", "--jobs", "2"],
                                     ["check"], ["check", "--fix"], ["explain"]])
def test_a_record_limit_beyond_what_a_read_can_ask_is_a_usage_error(command, tmp_path):
    """max_record_bytes = 9223372036854775807 (or more) in a config file ended run, check and explain with a
    traceback (OverflowError: cannot fit 'int' into an index-sized integer) at the first JSONL file."""
    (tmp_path / "corpusclean.toml").write_text(f"max_record_bytes = {sys.maxsize}\n")
    (tmp_path / "data.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}))
    result = corpusclean(*command, "data.jsonl", cwd=tmp_path, env=isolated_tmp(tmp_path))
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (f"corpusclean: error: {tmp_path / 'corpusclean.toml'}: max_record_bytes must be "
                                      f"from 1 to {sys.maxsize - 1}, not {sys.maxsize}\n")
    assert not (tmp_path / "out.jsonl").exists() and leftovers(tmp_path) == leftovers(tmp_path / "tmpdir") == []
    (tmp_path / "corpusclean.toml").write_text(f"max_record_bytes = {sys.maxsize - 1}\n")
    assert corpusclean(*command, "data.jsonl", cwd=tmp_path).returncode == 0


def _closed(fd: int):
    return lambda: os.close(fd)


@pytest.mark.parametrize(
    "args, closed_fd, status, message",
    [
        pytest.param(["run", "-", "-q"], 0, 1, "corpusclean: -: unreadable: standard input is closed",
                     id="run-reading-a-closed-stdin"),
        pytest.param(["check", "-"], 0, 2, "corpusclean: error: cannot read -: standard input is closed",
                     id="check-reading-a-closed-stdin"),
        pytest.param(["run", "data.jsonl", "-q"], 1, 2, "corpusclean: cannot write to standard output: it is closed",
                     id="run-writing-to-a-closed-stdout"),
        pytest.param(["check", "data.jsonl"], 1, 2, "corpusclean: cannot write to standard output: it is closed",
                     id="check-writing-to-a-closed-stdout"),
        pytest.param(["check", "data.jsonl"], None, 2,
                     "corpusclean: cannot write to standard output: No space left on device",
                     id="check-writing-to-a-full-stdout"),
        pytest.param(["run", "data.jsonl", "-q", "-o", "out.jsonl"], 1, 0, None,
                     id="run-with-an-output-file-needs-no-stdout"),
    ],
)
def test_a_closed_or_full_standard_stream_is_one_line(args, closed_fd, status, message, tmp_path):
    """A closed stdin or stdout (`<&-`, `>&-`) ended run and check with a traceback (sys.stdin is None);
    check's findings lost on a full stdout exited 1 ('findings') with a traceback."""
    (tmp_path / "data.jsonl").write_bytes(jsonl_line({"id": "c", "text": "市民\r反映"}))  # one CC008 finding
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "corpusclean", *args], cwd=tmp_path, stdin=subprocess.DEVNULL,
                                stdout=full, stderr=subprocess.PIPE, timeout=60,
                                preexec_fn=None if closed_fd is None else _closed(closed_fd))
    assert result.returncode == status, result.stderr.decode()
    assert result.stderr.decode().splitlines() == ([message] if message else [])


# How standard output fails: (the descriptor closed at start, PYTHONUNBUFFERED, the reason the message gives).
STDOUT_FAULTS = [
    pytest.param(None, "1", "No space left on device", id="full-unbuffered"),
    pytest.param(None, None, "No space left on device", id="full-buffered"),
    pytest.param(1, None, "it is closed", id="closed"),
]


@pytest.mark.parametrize("closed_fd, unbuffered, reason", STDOUT_FAULTS)
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["stages"], id="stages"),
        pytest.param(["explain", "page.txt"], id="explain"),
        pytest.param(["--help"], id="help"),
        pytest.param(["run", "--help"], id="command-help"),
        pytest.param(["--version"], id="version"),
    ],
)
def test_a_command_printing_to_a_full_or_closed_stdout_says_so(args, closed_fd, unbuffered, reason, tmp_path):
    """stages, explain, --help and --version on a full stdout (/dev/full) exited 1 with a traceback (or 120 with
    'Exception ignored', buffered); with stdout closed (`>&-`) they exited 0 having printed nothing."""
    (tmp_path / "page.txt").write_text(ZH_NEWS, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "corpusclean", *args], cwd=tmp_path, env=env,
                                stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE, timeout=60,
                                preexec_fn=None if closed_fd is None else _closed(closed_fd))
    assert (result.returncode, result.stderr.decode()) == (2, f"corpusclean: cannot write to standard output: {reason}\n")


STDIN_TWICE = "corpusclean: error: standard input (-) is named twice; it can be read once\n"


@pytest.mark.parametrize(
    "args, status, stderr",
    [
        pytest.param(["run", "-", "-", "-q", "-o", "out.jsonl"], 2, STDIN_TWICE, id="run"),
        pytest.param(["run", "-", "in.jsonl", "-", "-q", "-o", "out.jsonl", "--jobs", "2"], 2, STDIN_TWICE,
                     id="run-two-jobs"),
        pytest.param(["check", "-", "-"], 2, STDIN_TWICE, id="check"),
        pytest.param(["run", "-", "in.jsonl", "-q", "-o", "out.jsonl"], 0, "", id="once-is-read"),
    ],
)
def test_stdin_named_twice_is_a_usage_error(args, status, stderr, tmp_path):
    """run - - read stdin twice: the second was an empty_input, exit 1 after the whole run."""
    (tmp_path / "in.jsonl").write_bytes(jsonl_line({"id": "file", "text": ZH_MORE}))
    result = corpusclean(*args, input=jsonl_line({"id": "stdin", "text": ZH_NEWS}), cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (status, stderr)
    assert (tmp_path / "out.jsonl").exists() == (status == 0 and "run" in args)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("option", ["-o", "--rejects"])
def test_an_output_that_is_the_file_standard_input_reads_is_a_usage_error(option, jobs, tmp_path):
    """run - -o in.jsonl < in.jsonl replaced the input by the cleaned records, exit 1: its invalid line and every
    record dropped as a duplicate gone. The same file named as a path is refused (exit 2)."""
    data = jsonl_line({"id": "a", "text": ZH_NEWS}) + jsonl_line({"id": "b", "text": ZH_NEWS}) + b"not json\n"
    (tmp_path / "in.jsonl").write_bytes(data)
    outputs = {"-o": "out.jsonl", "--rejects": "rejects.jsonl", option: "in.jsonl"}
    with open(tmp_path / "in.jsonl", "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "corpusclean", "run", "-", "-q", *jobs,
                                 *[part for pair in outputs.items() for part in pair]],
                                stdin=stdin, capture_output=True, cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stderr.decode()) == (
        2, "corpusclean: error: output in.jsonl is also standard input\n")
    assert (tmp_path / "in.jsonl").read_bytes() == data


# A JSONL file in UTF-16 or UTF-32: (its name, the bytes it opens with, its codec, how the message names it;
# None: read).
WIDE_JSONL = [
    pytest.param("powershell", "\ufeff", "utf-16-le", "UTF-16", id="utf-16-le-with-its-bom-as-powershell-writes"),
    pytest.param("be-bom", "\ufeff", "utf-16-be", "UTF-16", id="utf-16-be-with-its-bom"),
    pytest.param("le", "", "utf-16-le", "UTF-16LE", id="utf-16-le-without-a-bom"),
    pytest.param("wide", "\ufeff", "utf-32-le", "UTF-32", id="utf-32-with-its-bom"),
    pytest.param("wide-be", "", "utf-32-be", "UTF-32BE", id="utf-32-be-without-a-bom"),
    pytest.param("utf8", "\ufeff", "utf-8", None, id="utf-8-with-a-bom-is-read"),
]


@pytest.fixture(scope="module", params=JOBS)
def wide_jsonl_run(request, tmp_path_factory):
    """One run (and one check) over a file of each kind of WIDE_JSONL, three records each."""
    folder = tmp_path_factory.mktemp("wide-jsonl")
    (folder / "in").mkdir()
    for param in WIDE_JSONL:
        name, opening, codec, _ = param.values
        for file_name in (f"{name}.jsonl", name):  # a name without .jsonl: what it opens with says it is JSONL
            records = "".join(json.dumps({"id": f"{file_name}#{i}", "text": line}, ensure_ascii=False) + "\n"
                              for i, line in enumerate(ZH_NEWS.splitlines()))
            (folder / "in" / file_name).write_bytes((opening + records).encode(codec))
    run = corpusclean("run", "in", "-q", "--dedup", "none", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                      *request.param, cwd=folder)
    written = [r["id"] for r in read_jsonl_file(folder / "out.jsonl")]
    rejects = [(r["id"], r["reject_reason"]) for r in read_jsonl_file(folder / "rejects.jsonl")]
    check = corpusclean("check", "in", "-q", "--select", "CC001", cwd=folder)
    return run, written, rejects, check.stdout.decode().splitlines()


@pytest.mark.parametrize("name, opening, codec, named", WIDE_JSONL)
def test_a_utf_16_jsonl_file_is_one_clear_reject(name, opening, codec, named, wide_jsonl_run):
    """A UTF-16 JSONL file was split on its 0a bytes and each piece rejected ('str is not valid UTF-8:
    surrogates not allowed'): 3 records gave 7 rejects. Named without .jsonl, one in UTF-16BE or UTF-32 was
    taken for a page: its JSON written as the text of one record, or rejected as binary."""
    run, written, rejects, findings = wide_jsonl_run
    path = f"in/{name}.jsonl"
    ids = [f"{file_name}#{i}" for file_name in (f"{name}.jsonl", name) for i in range(3)]
    if named is None:
        assert sorted(i for i in written if i in ids) == sorted(ids)
        assert f"in/{name}" not in run.stderr.decode()
        assert not [f for f in findings if f.startswith(path)]
        return
    message = f"the file is {named}, and JSONL must be UTF-8 (iconv -f {named} -t UTF-8 converts it)"
    for file_path in (path, f"in/{name}"):
        assert f"corpusclean: {file_path}: invalid_json: {message}" in run.stderr.decode().splitlines()
        assert [r for r in rejects if r[0] == file_path] == [(file_path, "invalid_json")]
    assert not [i for i in written if i in ids or i.startswith(f"in/{name}")]
    assert [f for f in findings if f.startswith(path)] == [f"{path}:1:1: CC001 {message}"]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("opening, codec, named", [
    pytest.param("\ufeff", "utf-16-be", "UTF-16", id="utf-16-be-with-its-bom"),
    pytest.param("", "utf-16-be", "UTF-16BE", id="utf-16-be-without-a-bom"),
    pytest.param("\ufeff", "utf-32-le", "UTF-32", id="utf-32-with-its-bom"),
])
def test_a_utf_16_jsonl_stream_on_stdin_is_one_clear_reject(opening, codec, named, jobs, tmp_path):
    """On standard input, JSONL in UTF-16BE or UTF-32 was taken for a page: its JSON written as one record's
    text (exit 0), or rejected as binary."""
    records = "".join(json.dumps({"id": f"r{n}", "text": line}, ensure_ascii=False) + "\n"
                      for n, line in enumerate(ZH_NEWS.splitlines()))
    run = corpusclean("run", "-", "-q", "-o", "out.jsonl", *jobs, input=(opening + records).encode(codec), cwd=tmp_path)
    message = f"the file is {named}, and JSONL must be UTF-8 (iconv -f {named} -t UTF-8 converts it)"
    assert (run.returncode, run.stderr.decode()) == (1, f"corpusclean: -: invalid_json: {message}\n")
    assert (tmp_path / "out.jsonl").read_bytes() == b""


@pytest.mark.parametrize("jobs", JOBS)
def test_a_utf_8_bom_opening_a_jsonl_file_is_read_by_run_and_check_alike(jobs, tmp_path):
    """check flagged the byte order mark opening a UTF-8 JSONL file ('CC001 invalid JSON: UTF-8 byte order mark
    (BOM) is not supported') that run reads. One opening a line inside the file (files that each open with one,
    joined with cat) run drops too, and check flags it in words that say so."""
    bom = "\ufeff".encode()
    records = [jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate((ZH_NEWS + ZH_MORE).splitlines())]
    (tmp_path / "in.jsonl").write_bytes(bom + b"".join(records[:3]) + bom + b"".join(records[3:]))
    run = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == [f"r{n}" for n in range(6)]
    check = corpusclean("check", "in.jsonl", "-q", "--select", "CC001", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        "in.jsonl:4:1: CC001 a UTF-8 byte order mark (BOM) opens the line, inside the file; run drops it, other "
        "JSONL readers refuse it"]
    (tmp_path / "one.jsonl").write_bytes(bom + b"".join(records))
    check = corpusclean("check", "one.jsonl", "-q", "--select", "CC001", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode()) == (0, "")


JSON_DOCUMENT = ("the file is one JSON document over many lines, not JSON lines (jq -c '.[]' converts an array, "
                 "jq -c . an object)")


@pytest.mark.parametrize("jobs", JOBS)
def test_one_json_document_over_many_lines_is_one_clear_reject(jobs, tmp_path):
    """A JSON document laid out over lines (json.dump with an indent; Scrapy's .json feed, an array with an
    object a line) gave one invalid_json a line in JSON's words ('unexpected end of data: line 2 column 1'),
    and named without a suffix, or on standard input, a feed was taken for a page and its JSON written as
    the text of one record."""
    records = [{"id": f"r{n}", "text": line} for n, line in enumerate(ZH_NEWS.splitlines())]
    feed = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.json").write_text(json.dumps(records[0], ensure_ascii=False, indent=4), "utf-8")
    (tmp_path / "in" / "array.jsonl").write_text(json.dumps(records, ensure_ascii=False, indent=2), "utf-8")
    (tmp_path / "in" / "feed").write_text(feed, "utf-8")
    (tmp_path / "in" / "lines.jsonl").write_bytes(b"".join(jsonl_line({**r, "id": f"line{r['id']}"}) for r in records))
    run = corpusclean("run", "in", "-", "-q", "--dedup", "none", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                      *jobs, input=feed.encode(), cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: {path}: invalid_json: {JSON_DOCUMENT}" for path in ("in/array.jsonl", "in/article.json",
                                                                           "in/feed", "-")])
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["liner0", "liner1", "liner2"]
    assert len(read_jsonl_file(tmp_path / "rejects.jsonl")) == 4
    check = corpusclean("check", "in/article.json", "in/array.jsonl", "in/feed", "in/lines.jsonl", "-q", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        f"{path}:1:1: CC001 {JSON_DOCUMENT}" for path in ("in/article.json", "in/array.jsonl", "in/feed")]


@pytest.mark.parametrize(
    "line, run_says, check_says",
    [
        pytest.param(b"null", "null, not an object", "CC002 null, not an object", id="null"),
        pytest.param(b"[1]", "an array, not an object", "CC002 an array, not an object", id="array"),
        pytest.param(b'"text"', "a string, not an object", "CC002 a string, not an object", id="string"),
        pytest.param(b'{"id": "a", "text": 5}', "field 'text' is an integer, not a string",
                     "CC003 field 'text' is an integer, not a string", id="integer-text"),
        pytest.param(b'{"id": "a", "text": false}', "field 'text' is false, not a string",
                     "CC003 field 'text' is false, not a string", id="boolean-text"),
        pytest.param(b'{"id": true, "text": "\xe5\xb8\x82\xe6\xb0\x91"}', None,
                     "CC004 id is true, not a string or an integer", id="boolean-id"),
        pytest.param(b'{"id": {"n": 1}, "text": "\xe5\xb8\x82\xe6\xb0\x91"}', None,
                     "CC004 id is an object, not a string or an integer", id="object-id"),
        # run rejected it (orjson writes 254 levels, metadata.extra's own one of them); check found nothing.
        pytest.param(b'{"id": "a", "text": "\xe5\xb8\x82\xe6\xb0\x91", "x": ' + b"[" * 254 + b"]" * 254 + b"}",
                     "field 'x' cannot be written as JSON: nested more than 253 levels deep",
                     "CC002 field 'x' cannot be written as JSON: nested more than 253 levels deep", id="field-too-deep"),
        pytest.param(b'{"id": "a", "text": "\xe5\xb8\x82\xe6\xb0\x91", "metadata": {"x": ' + b"[" * 253 + b"]" * 253
                     + b"}}", None, None, id="metadata-field-deep-enough"),
    ],
)
def test_messages_name_json_kinds_in_json_words(line, run_says, check_says, tmp_path):
    """Messages said 'a JSON NoneType, not an object', 'field 'text' is a int', 'id is a bool'."""
    (tmp_path / "in.jsonl").write_bytes(line + b"\n")
    run = corpusclean("run", "in.jsonl", "-q", "-o", "out.jsonl", cwd=tmp_path)
    assert run.stderr.decode() == (f"corpusclean: in.jsonl:1: invalid_record: {run_says}\n" if run_says else "")
    check = corpusclean("check", "in.jsonl", "-q", "--select", "CC002,CC003,CC004", cwd=tmp_path)
    assert check.stdout.decode() == (f"in.jsonl:1:1: {check_says}\n" if check_says else "")


# Input lines check flags and run reads: (line, check's finding, the id run gives it, what run keeps of it).
CHECK_FLAGS_RUN_READS = [
    pytest.param(b'{"id": "sur", "text": "\xe5\xb8\x82\\ud800' + ZH_NEWS.splitlines()[0].encode() + b'"}',
                 "1:25: CC001 invalid JSON: 1 lone surrogate(s) (\\ud800-\\udfff), which UTF-8 cannot hold; "
                 "run replaces each with U+FFFD and counts it", "sur", ("invalid_bytes", 1), id="lone-surrogate"),
    pytest.param(b'{"id": "byte", "text": "\xff' + ZH_NEWS.splitlines()[1].encode() + b'"}',
                 "2:1: CC001 invalid JSON: 1 byte(s) that are not UTF-8; run replaces each with U+FFFD and counts it",
                 "byte", ("invalid_bytes", 1), id="bad-byte"),
    pytest.param(b'{"id": 1.5, "text": "' + ZH_NEWS.splitlines()[2].encode() + b'"}',
                 "3:1: CC004 id is a number with a fraction or exponent, not a string or an integer",
                 "in.jsonl#3", ("extra", '{"id":1.5}'), id="fractional-id"),
    pytest.param(b'{"id": 1.0, "text": "' + ZH_MORE.splitlines()[0].encode() + b'"}',
                 "4:1: CC004 id is a number with a fraction or exponent, not a string or an integer",
                 "in.jsonl#4", ("extra", '{"id":1.0}'), id="integer-written-as-a-float"),
    pytest.param(b'{"id": 1e2, "text": "' + ZH_MORE.splitlines()[1].encode() + b'"}',
                 "5:1: CC004 id is a number with a fraction or exponent, not a string or an integer",
                 "in.jsonl#5", ("extra", '{"id":100.0}'), id="exponent-id"),
    pytest.param(b'{"id": 7, "text": "' + ZH_MORE.splitlines()[2].encode() + b'"}', None, "7", ("extra", ""),
                 id="integer-id-is-an-id"),
    pytest.param(b'{"id": " \xe3\x80\x80", "text": "' + TW_NEWS.splitlines()[0].encode() + b'"}',
                 "7:1: CC004 id is whitespace only", "in.jsonl#7", ("extra", ""), id="whitespace-id-is-no-id"),
    pytest.param(b'{"id": "7", "text": "' + TW_NEWS.splitlines()[1].encode() + b'"}',
                 "8:1: CC005 duplicate id '7', first at in.jsonl:6", "in.jsonl#8", ("original_id", "7"),
                 id="the-string-7-is-the-id-of-the-number-7"),
]


@pytest.mark.parametrize("jobs", JOBS)
def test_what_check_flags_in_an_input_run_repairs_and_its_output_checks_clean(jobs, tmp_path):
    """check flagged a \\ud800 escape (CC001) that run read, and an id of 1.5 (CC004) that run took as the
    record's id ('1.5'; 1e2 became '100.0'). A float is no id for run either now: the record gets its
    location's id and keeps the number in metadata.extra. check took an id of blank space for one, which run
    does not, and the string "7" for another id than the number 7, which run writes as "7" too (and so
    renamed the second)."""
    (tmp_path / "in.jsonl").write_bytes(b"".join(param.values[0] + b"\n" for param in CHECK_FLAGS_RUN_READS))
    check = corpusclean("check", "in.jsonl", "-q", "--select", "CC001,CC004,CC005", cwd=tmp_path)
    expected = [f"in.jsonl:{param.values[1]}" for param in CHECK_FLAGS_RUN_READS if param.values[1]]
    assert check.stdout.decode().splitlines() == expected
    run = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "corpusclean: 1 record(s) got a new id because an earlier "
                                                        "record had the same one (their own is in metadata.original_id)\n")
    records = read_jsonl_file(tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == [param.values[2] for param in CHECK_FLAGS_RUN_READS]
    for record, param in zip(records, CHECK_FLAGS_RUN_READS):
        key, kept = param.values[3]
        assert record["metadata"][key] == kept, param.id
    again = corpusclean("check", "out.jsonl", cwd=tmp_path)
    assert (again.returncode, again.stdout.decode()) == (0, ""), "run writes nothing check flags"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_jsonl_line_in_a_legacy_encoding_is_rejected_not_written_as_u_fffd(jobs, tmp_path):
    """A JSONL file saved in GBK or Big5 was read as UTF-8 with damaged bytes: each record written with its
    Chinese all U+FFFD ('������̨...', invalid_bytes 47), exit 0 and not a word on stderr."""
    zh, tw = ZH_NEWS.splitlines(), TW_NEWS.splitlines()
    (tmp_path / "gbk.jsonl").write_bytes(b"".join(jsonl_line({"id": f"g{n}", "text": t}).decode().encode("gbk")
                                                  for n, t in enumerate(zh[:2])))
    (tmp_path / "mixed.jsonl").write_bytes(jsonl_line({"id": "u0", "text": zh[2]})
                                           + jsonl_line({"id": "b1", "text": tw[0]}).decode().encode("big5")
                                           + jsonl_line({"id": "u2", "text": tw[1]}))
    run = corpusclean("run", "gbk.jsonl", "mixed.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs,
                      cwd=tmp_path)
    gbk = "the line is GB18030, and JSONL must be UTF-8 (iconv -f GB18030 -t UTF-8 converts it)"
    big5 = "the line is BIG5HKSCS, and JSONL must be UTF-8 (iconv -f BIG5HKSCS -t UTF-8 converts it)"
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: gbk.jsonl:1: invalid_json: {gbk}", f"corpusclean: gbk.jsonl:2: invalid_json: {gbk}",
        f"corpusclean: mixed.jsonl:2: invalid_json: {big5}"])
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["u0", "u2"]
    check = corpusclean("check", "gbk.jsonl", "mixed.jsonl", "-q", "--select", "CC001", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        f"gbk.jsonl:1:1: CC001 {gbk}", f"gbk.jsonl:2:1: CC001 {gbk}", f"mixed.jsonl:2:1: CC001 {big5}"]


def _make_named(folder: Path, name: bytes, data: bytes = b"") -> None:
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT)
    os.write(fd, data)
    os.close(fd)


def test_every_message_about_a_file_named_with_a_line_break_is_one_line(tmp_path):
    """A file name holding a line break cut its stderr message in two ('corpusclean: new' / 'line.txt: ...')."""
    (tmp_path / "in").mkdir()
    _make_named(tmp_path / "in", b"new\nline.txt")
    (tmp_path / "in" / "dang\nling.txt").symlink_to(tmp_path / "in" / "nowhere")
    _make_named(tmp_path / "in", b"esc\x1b[2J.txt")
    (tmp_path / "in" / "good.txt").write_text(ZH_NEWS, encoding="utf-8")
    result = corpusclean("run", "in", "-q", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "corpusclean: in/dang\\nling.txt: skipped: broken_link: a symbolic link to nothing, or a loop of links",
        "corpusclean: in/esc\\x1b[2J.txt: empty_input: the file is empty",
        "corpusclean: in/new\\nline.txt: empty_input: the file is empty",
    ]


@pytest.mark.parametrize(
    "output_format, expected",
    [
        pytest.param("text", ["bad\\xffname.jsonl:1:1: CC006 text is empty",
                              "new\\nline.jsonl:1:1: CC006 text is empty"], id="text-one-finding-a-line"),
        pytest.param("json", ['{"path":"bad\\\\xffname.jsonl","line":1,"col":1,"code":"CC006","message":"text is empty"}',
                              '{"path":"new\\nline.jsonl","line":1,"col":1,"code":"CC006","message":"text is empty"}'],
                     id="json-of-a-name-that-is-not-utf-8"),
    ],
)
def test_check_findings_in_files_with_hostile_names(output_format, expected, tmp_path):
    """check --format json of a file whose name is not UTF-8 ended in a traceback (surrogates in JSON); a
    name holding a line break cut each text finding in two."""
    for name in (b"bad\xffname.jsonl", b"new\nline.jsonl"):
        _make_named(tmp_path, name, jsonl_line({"id": name.decode("latin-1"), "text": ""}))
    result = corpusclean("check", "--select", "CC006", "--format", output_format, ".", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (1, "corpusclean: 2 finding(s) in 2 of 2 file(s)\n")
    assert result.stdout.decode("utf-8").splitlines() == expected


# --- check reads what run reads, as run reads it ---

@pytest.mark.parametrize("jobs", JOBS)
def test_check_of_records_holding_only_html_agrees_with_run(jobs, tmp_path):
    """check said 'CC003 field 'text' is missing' of records holding only `html` or `raw_html`, which run reads
    and cleans; and the line breaks of an HTML page saved with CRLF (--text-key html) were CC008."""
    more = HTML_PAGE.replace(ZH_NEWS.splitlines()[0], ZH_MORE.splitlines()[0])
    lines = [jsonl_line({"id": "html", "html": HTML_PAGE.replace("><", ">\r\n<")}),
             jsonl_line({"id": "raw", "raw_html": more}),
             jsonl_line({"id": "none", "html": 5})]
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    run = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (1, "corpusclean: in.jsonl:3: invalid_record: field 'text' is missing\n")
    assert [(r["id"], r["metadata"]["format"]) for r in read_jsonl_file(tmp_path / "out.jsonl")] == [
        ("html", "html"), ("raw", "html")]
    check = corpusclean("check", "in.jsonl", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode()) == (1, "in.jsonl:3:1: CC003 field 'text' is missing\n")
    (tmp_path / "html.jsonl").write_bytes(lines[0])
    check = corpusclean("check", "html.jsonl", "--text-key", "html", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode()) == (0, "")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_jsonl_file_without_a_record_is_a_finding_as_run_rejects_it(jobs, tmp_path):
    """An empty JSONL file passed check (exit 0, not a word) where run rejects it as empty_input (exit 1)."""
    import gzip

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}))
    (tmp_path / "data" / "blank.ndjson").write_bytes(b"\n \n\r\n")
    (tmp_path / "data" / "empty.jsonl").write_bytes(b"")
    (tmp_path / "data" / "empty.jsonl.gz").write_bytes(gzip.compress(b""))
    empty = ["data/blank.ndjson", "data/empty.jsonl", "data/empty.jsonl.gz"]
    run = corpusclean("run", "data", "-q", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: {path}: empty_input: the file holds no JSON lines" for path in empty])
    check = corpusclean("check", "data", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode().splitlines()) == (1, [
        f"{path}:1:1: CC019 the file holds no JSON lines: run rejects it as empty_input" for path in empty])
    check = corpusclean("check", "-", "-q", input=b"", cwd=tmp_path)
    assert check.stdout.decode() == "-:1:1: CC019 the file holds no JSON lines: run rejects it as empty_input\n"
    ignored = corpusclean("check", "data", "--ignore", "CC019", cwd=tmp_path)
    assert (ignored.returncode, ignored.stdout.decode()) == (0, "")


@pytest.mark.parametrize("jobs", JOBS)
def test_check_of_a_folder_reads_its_json_files_as_run_does(jobs, tmp_path):
    """check of a folder skipped its .json files without a word, where run reads them as JSON lines: a broken
    one failed run (exit 1) and passed check (exit 0)."""
    (tmp_path / "data" / "2024").mkdir(parents=True)
    (tmp_path / "data" / "a.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}))
    (tmp_path / "data" / "2024" / "b.json").write_bytes(jsonl_line({"id": "b", "text": ZH_MORE}) + b'{"id": "c", "te\n')
    (tmp_path / "data" / "meta.json").write_text(json.dumps({"name": "crawl"}, indent=2), "utf-8")
    run = corpusclean("run", "data", "-q", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert run.returncode == 1
    assert [line.split(": ")[1:3] for line in run.stderr.decode().splitlines()] == [
        ["data/2024/b.json:2", "invalid_json"], ["data/meta.json", "invalid_json"]]
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["b", "a"]
    check = corpusclean("check", "data", "-q", "--select", "CC001", cwd=tmp_path)
    assert check.returncode == 1
    assert [line.split(" ")[:2] for line in check.stdout.decode().splitlines()] == [
        ["data/2024/b.json:2:16:", "CC001"], ["data/meta.json:1:1:", "CC001"]]


@pytest.mark.parametrize("jobs", JOBS)
def test_classic_mac_line_breaks_are_line_breaks(jobs, tmp_path):
    """CR alone (classic Mac OS) made a JSONL file one invalid_json reject ('unexpected content after document'),
    and a text page whose lines are in UTF-8 and GBK by turns one line decoded as one codec."""
    records = [{"id": f"r{n}", "text": line} for n, line in enumerate(ZH_NEWS.splitlines() + ZH_MORE.splitlines())]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mac.jsonl").write_bytes(b"\r".join(jsonl_line(r).rstrip(b"\n") for r in records) + b"\r")
    zh = ZH_NEWS.splitlines()
    (tmp_path / "in" / "mixed.txt").write_bytes(
        b"\r".join(line.encode("gbk" if n % 2 else "utf-8") for n, line in enumerate([ZH_HEADLINE, *zh])))
    run = corpusclean("run", "in", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    written = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert [(written[r["id"]]["text"], written[r["id"]]["metadata"]["line"]) for r in records] == [
        (r["text"], n) for n, r in enumerate(records, 1)]
    page = written["in/mixed.txt"]
    assert (page["text"].splitlines(), page["metadata"]["encoding"]) == ([ZH_HEADLINE, *zh], "mixed")
    (tmp_path / "in" / "mac.jsonl").write_bytes(
        (tmp_path / "in" / "mac.jsonl").read_bytes() + jsonl_line({"id": "r0", "text": ""}).rstrip(b"\n") + b"\r")
    check = corpusclean("check", "in/mac.jsonl", "-q", "--select", "CC001,CC005,CC006", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        "in/mac.jsonl:7:1: CC005 duplicate id 'r0', first at in/mac.jsonl:1", "in/mac.jsonl:7:1: CC006 text is empty"]


@pytest.mark.parametrize("jobs", JOBS)
def test_outputs_named_by_a_symbolic_link_are_written_through_it(jobs, tmp_path):
    """-o (--rejects, --report) naming a symbolic link replaced the link with a regular file, where the shell's
    `>` writes the file it leads to."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "out.jsonl").write_bytes(b"old\n")
    (tmp_path / "out.jsonl").symlink_to("store/out.jsonl")
    (tmp_path / "rejects.jsonl").symlink_to("store/rejects.jsonl")  # to nothing yet: created, as `>` creates it
    (tmp_path / "report.json").symlink_to(tmp_path / "store" / "report.json")
    run = corpusclean("run", "in", "-q", "-o", "out.jsonl", "--rejects", "rejects.jsonl", "--report", "report.json",
                      *jobs, cwd=tmp_path)
    assert run.returncode == 1, run.stderr.decode()
    assert all((tmp_path / name).is_symlink() for name in ("out.jsonl", "rejects.jsonl", "report.json"))
    assert [r["id"] for r in read_jsonl_file(tmp_path / "store" / "out.jsonl")] == ["in/a.txt"]
    assert [r["id"] for r in read_jsonl_file(tmp_path / "store" / "rejects.jsonl")] == ["in/b.txt"]
    assert json.loads((tmp_path / "store" / "report.json").read_text())["written"] == 1
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["out.jsonl", "rejects.jsonl", "report.json"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("jobs", JOBS)
def test_a_classic_mac_file_whose_first_record_is_too_large_reads_the_rest(jobs, tmp_path):
    """A CR-only JSONL file whose first record was over max_record_bytes was one too_large reject for the whole
    file: its first line break lay beyond the limit, so the file was taken for an LF file, exit 1 and every
    later record gone."""
    records = [{"id": "big", "text": ZH_NEWS * 40}, {"id": "a", "text": ZH_NEWS}, {"id": "b", "text": TW_NEWS}]
    lines = [jsonl_line(r).rstrip(b"\n") for r in records]
    (tmp_path / "mac.jsonl").write_bytes(b"\r".join(lines) + b"\r")
    (tmp_path / "corpusclean.toml").write_text("max_record_bytes = 1000\n")
    run = corpusclean("run", "mac.jsonl", "-q", "--dedup", "none", "--script", "keep", "--rejects", "rej.jsonl",
                      *jobs, cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.decode() == (f"corpusclean: mac.jsonl:1: too_large: {len(lines[0])} bytes, over the 1000-byte "
                                   "limit (max_record_bytes)\n")
    assert [(r["id"], r["metadata"]["line"]) for r in jsonl(run.stdout)] == [("a", 2), ("b", 3)]
    assert [r["id"] for r in read_jsonl_file(tmp_path / "rej.jsonl")] == ["mac.jsonl#1"]
    check = corpusclean("check", "mac.jsonl", "-q", "--select", "CC005,CC018", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        f"mac.jsonl:1:1: CC018 record of {len(lines[0])} bytes, over the 1000-byte limit (max_record_bytes): run "
        "rejects it"]


@pytest.mark.parametrize("jobs", JOBS)
def test_check_of_a_folder_reads_the_files_run_reads_as_json_lines(jobs, tmp_path):
    """check of a folder took its files by name alone (.jsonl, .ndjson, .json) and walked it its own way: it
    passed over a file without a suffix, or named .text, that run reads as JSON lines by its first bytes (a
    broken one failed run, exit 1, and passed check, exit 0), read a link out of the folder that run skips,
    and waited forever on a named pipe that run skips."""
    import gzip

    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "outside.jsonl").write_bytes(b"{broken\n")
    (data / "a.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}))
    (data / "records").write_bytes(jsonl_line({"id": "r", "text": ZH_MORE}) + b'{"id": "s", "te\n')
    (data / "dump").write_bytes(gzip.compress(jsonl_line({"id": "d", "text": TW_NEWS}) + b"[1, 2\n"))
    (data / "notes.text").write_bytes(b"{broken\n")
    (data / "page").write_text(ZH_HEADLINE + "\n" + ZH_NEWS, "utf-8")  # a page without a suffix: not JSON lines
    (data / "outside.jsonl").symlink_to(tmp_path / "outside.jsonl")
    os.mkfifo(data / "pipe.jsonl")
    run = corpusclean("run", "data", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert run.returncode == 1
    read_errors = [line.split(": ")[1:3] for line in run.stderr.decode().splitlines() if "skipped" not in line]
    assert read_errors == [["data/dump:2", "invalid_json"], ["data/notes.text:1", "invalid_json"],
                           ["data/records:2", "invalid_json"]]
    assert sorted(r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")) == ["a", "d", "data/page", "r"]
    check = subprocess.run([sys.executable, "-m", "corpusclean", "check", "data", "-q", "--select", "CC001"],
                           capture_output=True, cwd=tmp_path, timeout=60)
    assert check.returncode == 1
    assert [line.split(":")[:2] + line.split(" ")[1:2] for line in check.stdout.decode().splitlines()] == [
        ["data/dump", "2", "CC001"], ["data/notes.text", "1", "CC001"], ["data/records", "2", "CC001"]]


@pytest.mark.parametrize("jobs", JOBS)
def test_check_numbers_a_texts_lines_as_run_reads_them(jobs, tmp_path):
    """check numbered the lines of a record's text at LF only, where run reads CR alone and CRLF as line breaks
    of a page: its findings named 'text line 2' for the fourth line run read and removed."""
    copyright_line = "版权所有 © 2024 示例新闻网"
    lines = [*ZH_NEWS.splitlines(), copyright_line, "锟斤拷"]
    text = lines[0] + "\r\n" + lines[1] + "\r" + lines[2] + "\r" + lines[3] + "\r\n\u2028" + lines[4]
    (tmp_path / "in.jsonl").write_bytes(jsonl_line({"id": "a", "text": text}))
    run = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", "--script", "keep", *jobs, cwd=tmp_path)
    assert run.returncode == 0, run.stderr.decode()
    [record] = jsonl(run.stdout)
    seen = text.splitlines()  # the lines run reads
    assert record["text"].splitlines() == [line for line in seen if line and line not in (copyright_line, "锟斤拷")]
    check = corpusclean("check", "in.jsonl", "-q", "--select", "CC007,CC010", cwd=tmp_path)
    findings = check.stdout.decode().splitlines()
    assert findings == [
        "in.jsonl:1:1: CC007 encoding damage (1 × 锟斤拷), first at text line 6 col 1: '锟斤拷'",
        f"in.jsonl:1:1: CC010 text line 4: boilerplate.copyright: '{copyright_line}'",
        "in.jsonl:1:1: CC010 text line 6: boilerplate.block: '锟斤拷'"]
    assert (seen[4 - 1], seen[6 - 1]) == (copyright_line, "锟斤拷")


def skippable_frame(data: bytes) -> bytes:
    """A zstd skippable frame holding `data`, as pzstd opens each of its frames with one."""
    return b"\x50\x2a\x4d\x18" + len(data).to_bytes(4, "little") + data


@pytest.mark.parametrize("jobs", JOBS)
def test_a_zstd_file_opening_with_a_skippable_frame_is_read(jobs, tmp_path):
    """A zstd file opening with a skippable frame (pzstd writes one before each frame, and `zstd -d` reads it)
    was not taken for zstd: read as text, it was one invalid_json reject ('the line is not UTF-8'), exit 1 and
    every record lost; check said CC001."""
    import zstandard

    zstd = zstandard.ZstdCompressor()
    first, second = jsonl_line({"id": "a", "text": ZH_NEWS}), jsonl_line({"id": "b", "text": TW_NEWS})
    frames = [zstd.compress(first), zstd.compress(second)]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "p.jsonl.zst").write_bytes(b"".join(skippable_frame(len(f).to_bytes(4, "little")) + f
                                                             for f in frames))
    (tmp_path / "data" / "dump").write_bytes(  # no suffix: sniffed
        skippable_frame(b"") + zstd.compress(jsonl_line({"id": "c", "text": ZH_MORE})))
    run = corpusclean("run", "data", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    assert sorted(r["metadata"]["path"] for r in read_jsonl_file(tmp_path / "out.jsonl")) == [
        "data/dump", "data/p.jsonl.zst", "data/p.jsonl.zst"]
    check = corpusclean("check", "data", "-q", "--select", "CC001,CC019", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode()) == (0, "", "")


def _address_space(limit: int):
    """A subprocess's preexec_fn: at most `limit` bytes of address space, so memory a run asks beyond it is a
    MemoryError in the run, not a machine's memory."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.parametrize("jobs", JOBS)
def test_a_small_zstd_file_of_a_huge_stretch_is_read_in_little_memory(jobs, tmp_path):
    """zstd gives a GB from a few KB of one byte repeated, and a read decompressed every 128 KB read at once: a
    75 KB page.txt.zst of 820 MB rejected as too_large took 1.6 GB resident (a 31 KB JSONL file of a record and
    1 GB of blank lines, 2 GB for its first line), and under a 600 MB limit ended in a MemoryError traceback,
    exit 1, no output. The codec is given a few hundred bytes at a time (at most 8 MB out)."""
    import zstandard

    stretch = zstandard.ZstdCompressor().compressobj()
    chunk = (ZH_NEWS + "\n").encode() * ((1 << 20) // len(ZH_NEWS.encode()))
    page = b"".join([*(stretch.compress(chunk) for _ in range(1_200_000_000 // len(chunk))), stretch.flush()])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt.zst").write_bytes(page)
    (tmp_path / "in" / "a.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(
        jsonl_line({"id": "a", "text": EN_NEWS})))
    run = subprocess.run([sys.executable, "-m", "corpusclean", "run", "in", "-q", "-o", "out.jsonl", *jobs],
                         cwd=tmp_path, capture_output=True, timeout=300, preexec_fn=_address_space(800 << 20))
    assert run.returncode == 1, run.stderr.decode()[-2000:]
    assert run.stderr.decode().startswith("corpusclean: in/page.txt.zst: too_large: ")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["a"]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("full", [pytest.param(["--rejects", "/dev/full"], id="rejects"),
                                  pytest.param(["--report", "/dev/full"], id="report"),
                                  pytest.param(["--rejects", "rej.jsonl.gz", "--report", "/dev/full"],
                                               id="report-after-compressed-rejects")])
def test_an_output_that_fills_up_leaves_the_others_as_they_were(full, jobs, tmp_path):
    """-o out.jsonl with --rejects or --report on a full disk exited 2 ('cannot write /dev/full: No space left on
    device') after out.jsonl had replaced the previous run's: the records were put in place before the rejects
    and the report were flushed, so a failed run left a new output behind, whose rejects were lost."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}) + b"{broken\n")
    (tmp_path / "out.jsonl").write_bytes(b"the previous run's\n")
    run = corpusclean("run", "in", "-q", "-o", "out.jsonl", *full, *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()[-1]) == (
        2, "corpusclean: cannot write /dev/full: No space left on device")
    assert (tmp_path / "out.jsonl").read_bytes() == b"the previous run's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


@pytest.mark.parametrize("jobs", JOBS)
def test_rejects_on_stdout_whose_reader_goes_away_leave_the_records_file_written(jobs, tmp_path):
    """-o out.jsonl --rejects - | head -1 ended quietly with exit 0 as if it were the records that were cut: the
    records file was discarded (or, cut at the last flush, kept), and the read errors' exit 1 was lost."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(
        jsonl_line({"id": "a", "text": ZH_NEWS}) + b"{broken\n" * 3000 + jsonl_line({"id": "b", "text": TW_NEWS}))
    command = (f"{sys.executable} -m corpusclean run in -q --dedup none -o out.jsonl --rejects - {' '.join(jobs)} "
               "2>/dev/null | head -1; exit ${PIPESTATUS[0]}")
    result = subprocess.run(["bash", "-c", command], capture_output=True, cwd=tmp_path, timeout=120)
    assert len(result.stdout.splitlines()) == 1
    assert result.returncode == 1, "the invalid lines are read errors"
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["a", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_record_nested_deeper_than_json_is_written_is_rejected_and_the_run_goes_on(jobs, tmp_path):
    """A JSONL field nested 254 levels deep (orjson reads 1,024, writes 254) ended the run with a traceback,
    'TypeError: Recursion limit reached' from a worker's writer, no output; one 990 deep, 'RecursionError'
    while the main process read it (the walk looking for integers beyond 64 bits)."""
    deep = {depth: "[" * depth + "]" * depth for depth in (253, 254, 990)}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(b"".join(
        jsonl_line({"id": f"d{depth}", "text": f"{ZH_NEWS}（{depth}）"})[:-2] + f',"x":{value}}}\n'.encode()
        for depth, value in deep.items()))
    run = corpusclean("run", "in", "-q", "--dedup", "none", "-o", "out.jsonl", "--rejects", "rej.jsonl", *jobs,
                      cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: in/a.jsonl:{line}: invalid_record: field 'x' cannot be written as JSON: nested more than "
        "253 levels deep" for line in (2, 3)])
    [written] = read_jsonl_file(tmp_path / "out.jsonl")
    assert written["metadata"]["extra"] == '{"x":' + deep[253] + "}"
    assert [r["id"] for r in read_jsonl_file(tmp_path / "rej.jsonl")] == ["d254", "d990"]


def test_check_of_a_folder_reports_the_paths_its_walk_skips_as_run_does(tmp_path):
    """check FOLDER skipped hidden files, links out of the folder, broken links and unknown names without a
    word (exit 0, nothing on stderr), where run over the same folder reports each: a dataset file behind a
    link went unchecked, unseen."""
    data = tmp_path / "data"
    data.mkdir()
    line = jsonl_line({"id": "a", "text": ZH_NEWS})
    (data / "a.jsonl").write_bytes(line)
    (data / ".old.jsonl").write_bytes(line)
    (data / "notes.xml").write_bytes(b"<notes/>")
    (tmp_path / "elsewhere.jsonl").write_bytes(line)
    (data / "linked.jsonl").symlink_to(tmp_path / "elsewhere.jsonl")
    (data / "gone.jsonl").symlink_to(tmp_path / "nothing.jsonl")
    check = corpusclean("check", "data", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode().splitlines()) == (0, "", [
        "corpusclean: data/.old.jsonl: skipped: hidden: a hidden file or folder (its name starts with a dot)",
        "corpusclean: data/gone.jsonl: skipped: broken_link: a symbolic link to nothing, or a loop of links",
        "corpusclean: data/linked.jsonl: skipped: link_outside: a symbolic link to a file outside the input folder",
        "corpusclean: data/notes.xml: skipped: unknown_type: not a page or JSONL file by its name (.txt, .html, "
        ".jsonl, ..., no suffix, or .gz or .zst of one), nor an HTML page by its first bytes"])
    run = corpusclean("run", "data", "-q", cwd=tmp_path)
    assert [line.replace(" (--follow-links reads it)", "") for line in run.stderr.decode().splitlines()] == \
        check.stderr.decode().splitlines()


@pytest.mark.parametrize("args, message", [
    pytest.param(["run", ""], "an empty PATH names no file or folder", id="run-path"),
    pytest.param(["explain", ""], "an empty PATH names no file or folder", id="explain-path"),
    pytest.param(["run", "in", "-o", ""], "--output names no file: the path is empty", id="output"),
    pytest.param(["run", "in", "-o", "out.jsonl", "--rejects", ""], "--rejects names no file: the path is empty",
                 id="rejects"),
    pytest.param(["run", "in", "-o", "out.jsonl", "--report", ""], "--report names no file: the path is empty",
                 id="report"),
    pytest.param(["run", "in", "--config", ""], "--config names no file: the path is empty", id="run-config"),
    pytest.param(["check", "in", "--config", ""], "--config names no file: the path is empty", id="check-config"),
])
def test_an_empty_path_is_a_usage_error(args, message, tmp_path):
    """An empty path, as an unset shell variable gives (run "$DIR"), was the working folder: run '' cleaned every
    file below it (explain '': 'explain takes one file;  gives 57'); --rejects '' and --report '' wrote nothing
    and --config '' read the config file found, all without a word; -o '' said 'cannot write : it is a folder'."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(jsonl_line({"id": "a", "text": ZH_NEWS}))
    (tmp_path / "page.txt").write_text(ZH_NEWS, encoding="utf-8")
    result = corpusclean(*args, "-q", cwd=tmp_path) if args[0] != "explain" else corpusclean(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr.decode()) == (2, b"", f"corpusclean: error: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "page.txt"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_created_in_our_shape_that_names_no_moment_is_written_as_stated(jobs, tmp_path):
    """'2020-13-45T99:99:99' matched the shape of a date and time, and was written '2020-13-45T99:99:99.000',
    as if it were one; a real one gets its milliseconds."""
    stated = ["2020-13-45T99:99:99", "2021-02-29T00:00:00", "2020-13-45T99:99:99.000", "2020-02-29T23:59:59"]
    lines = [json.dumps({"id": f"d{n}", "created": created, "text": text}, ensure_ascii=False)
             for n, (created, text) in enumerate(zip(stated, ZH_NEWS.splitlines() + ZH_MORE.splitlines()))]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    first = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", *jobs, cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    assert [r["created"] for r in jsonl(first.stdout)] == stated[:3] + ["2020-02-29T23:59:59.000"]
    again = corpusclean("run", "-", "-q", "--dedup", "none", *jobs, input=first.stdout, cwd=tmp_path)
    assert again.stdout == first.stdout


@pytest.mark.parametrize("jobs", JOBS)
def test_a_file_named_twice_is_read_once(tmp_path, jobs):
    """`run a.jsonl ./a.jsonl`, `run data data/b.jsonl`: each file was read twice, every record of it written a
    second time under a new id (--no-dedup) and counted twice in the report's inputs of that one file."""
    (tmp_path / "data").mkdir()
    for name in ("a.jsonl", "data/b.jsonl"):
        (tmp_path / name).write_text(json.dumps({"id": name, "text": "工会召开全体会议，部署下一阶段重点工作任务。"}) + "\n")
    result = corpusclean("run", "a.jsonl", "./a.jsonl", "data", "data/b.jsonl", "--no-dedup", "-q", *jobs,
                         "-o", "out.jsonl", "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["a.jsonl", "data/b.jsonl"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["files"]["a.jsonl"]["inputs"]) == (2, 1)
    assert report["skipped"] == {"named_twice": {"count": 2, "first": "a.jsonl"}}
    assert "data/b.jsonl: skipped: named_twice: " in result.stderr.decode()


@pytest.mark.parametrize("jobs", JOBS)
def test_an_output_folder_that_can_no_longer_be_written_is_one_line_exit_2(tmp_path, monkeypatch, jobs):
    """The output's folder made read-only during the run (chattr +i, a remount): the rename failed, and the
    unlink of the temporary file that followed raised out of AtomicFile.discard, a traceback and exit 1."""
    from typer.testing import CliRunner

    from corpusclean.cli import app

    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": "工会召开全体会议，部署下一阶段重点工作任务。"}) + "\n")

    def refused(real):
        def call(path, *args, **kwargs):
            if str(path).startswith(str(out)):
                raise PermissionError(1, "Operation not permitted")
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr("os.replace", refused(os.replace))
    monkeypatch.setattr("os.unlink", refused(os.unlink))
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.jsonl"), "-q", *jobs, "-o", str(out / "o.jsonl")])
    assert result.exit_code == 2
    assert result.stderr == f"corpusclean: cannot write {out / 'o.jsonl'}: Operation not permitted\n"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_record_whose_metadata_path_is_empty_keeps_its_files_path(jobs, tmp_path):
    """A record read back with metadata.path "" or null (this tool's shape, edited or written by another
    tool) had no path: the report's per-file counts had a None key, and the run ended in a traceback
    (sorting it beside a file's name, or writing it as a JSON key) with no output written."""
    text = "工会召开全体会议，部署下一阶段重点工作任务。会议要求各级工会压实责任，做好服务职工工作。"
    lines = [{"id": "a", "text": text, "metadata": {"path": ""}},
             {"id": "b", "text": text + "第二篇。", "metadata": {"path": None}},
             {"id": "c", "text": text + "第三篇，另有内容。"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    result = corpusclean("run", "a.jsonl", "--no-dedup", "-q", *jobs, "-o", "out.jsonl", "--report", "report.json",
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [r["metadata"]["path"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["a.jsonl"] * 3
    assert json.loads((tmp_path / "report.json").read_text())["files"] == {"a.jsonl": {"inputs": 3, "written": 3}}


@pytest.mark.parametrize("jobs", JOBS)
def test_a_glob_matching_a_broken_link_skips_it_and_reads_the_rest(jobs, tmp_path):
    """glob.glob matches a link to nothing and a loop of links; the match went to stat() and the run ended in
    a FileNotFoundError (or ELOOP) traceback, exit 1, before reading anything. Such a match is skipped as
    broken_link, as a folder walk skips it."""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.jsonl").write_text(json.dumps({"id": "1", "text": "工会召开全体会议，部署下一阶段重点工作任务。"}) + "\n")
    (tmp_path / "d" / "b.jsonl").symlink_to("nowhere.jsonl")
    (tmp_path / "d" / "c.jsonl").symlink_to("c.jsonl")
    result = corpusclean("run", "d/*.jsonl", "-q", *jobs, "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [r["id"] for r in jsonl(result.stdout)] == ["1"]
    assert result.stderr.decode().splitlines() == [
        f"corpusclean: d/{name}.jsonl: skipped: broken_link: a symbolic link to nothing, or a loop of links"
        for name in "bc"]
    assert json.loads((tmp_path / "report.json").read_text())["skipped"] == {
        "broken_link": {"count": 2, "first": "d/b.jsonl"}}


@pytest.mark.parametrize("jobs", JOBS)
def test_an_output_naming_standard_output_s_file_is_written_through_it(jobs, tmp_path):
    """--rejects /dev/stdout with the records on standard output, itself a file (> out.jsonl): the rejects
    were written beside it and renamed over it at the end, so out.jsonl held the rejects alone and every
    record was lost. -o /dev/stdout >> all.jsonl replaced what all.jsonl held, and in a pipe -o /dev/stdout
    could not be made ('cannot write /dev/stdout: No such file or directory', exit 2). Such an output is
    standard output, as the shell's >&1 is."""
    page = "工会召开全体会议，部署下一阶段重点工作任务。会议要求各级工会压实责任，做好服务职工工作。"
    lines = [json.dumps({"id": "a", "text": page}, ensure_ascii=False), "[1]"]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    command = [sys.executable, "-m", "corpusclean", "run", "in.jsonl", "-q", *jobs]
    with open(tmp_path / "out.jsonl", "wb") as out:
        both = subprocess.run([*command, "--rejects", "/dev/stdout"], stdout=out, stderr=subprocess.PIPE, cwd=tmp_path)
    assert both.returncode == 2
    assert both.stderr == b"corpusclean: error: --rejects and --output both write to standard output\n"
    (tmp_path / "all.jsonl").write_text('{"id": "kept"}\n')
    with open(tmp_path / "all.jsonl", "ab") as out:
        appended = subprocess.run([*command, "-o", "/dev/stdout"], stdout=out, stderr=subprocess.PIPE, cwd=tmp_path)
    assert appended.returncode == 1, appended.stderr
    assert [r["id"] for r in jsonl((tmp_path / "all.jsonl").read_bytes())] == ["kept", "a"]
    piped = corpusclean("run", "in.jsonl", "-q", *jobs, "-o", "/dev/stdout", "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert piped.returncode == 1, piped.stderr
    assert [r["id"] for r in jsonl(piped.stdout)] == ["a"]
    assert [r["reject_reason"] for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())] == ["invalid_record"]


def test_check_fix_of_a_named_pipe_is_a_usage_error(tmp_path):
    """check --fix on a named pipe wrote each fixed record into the pipe it was reading, read it back as one
    more record, and so on without end (findings growing until killed), or waited forever for a writer.
    A pipe cannot be rewritten in place: it is a usage error, as --fix on standard input is."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "corpusclean", "check", "--fix", str(fifo)], capture_output=True,
                            timeout=30)
    assert result.returncode == 2
    assert result.stderr.decode() == (f"corpusclean: error: --fix rewrites files in place; {fifo} is no regular file "
                                      "(a named pipe or a device)\n")


def test_a_lone_surrogate_in_a_pages_id_source_or_url_is_replaced_as_in_a_record():
    """A page's id with a lone surrogate ('a\\ud800', as json.loads gives for an escaped one) ended
    clean_text and clean_records in a UnicodeEncodeError from deep inside (read.paths.as_text); its source or
    url went into the record as they were, which no UTF-8 JSON writer can write. Each is replaced by U+FFFD,
    as in a record's fields."""
    import corpusclean
    from corpusclean import Config, Page

    text = "工会召开全体会议，部署下一阶段重点工作任务。会议要求各级工会压实责任，做好服务职工工作。"
    record = corpusclean.clean_text(text, id="a\ud800", source="s\ud800", url="https://example.com/\udfff")
    assert (record["id"], record["source"], record["metadata"]["url"]) == (
        "a\ufffd", "s\ufffd", "https://example.com/\ufffd")
    pages = [Page(text.encode(), "b\ud800", source="\ud800"), Page(text + "另有一段。", "b\ud800")]
    records = list(corpusclean.clean_records(pages, Config(jobs=1, dedup="none")))
    assert [(r["id"], r["source"]) for r in records] == [("b\ufffd", "\ufffd"), ("b\ufffd~2", "")]
    json.dumps(records, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("pattern", ["crawl/*", "crawl/*/"])
def test_an_output_inside_a_folder_a_glob_matches_is_a_usage_error(pattern, jobs, tmp_path):
    """run 'crawl/*' -o crawl/site1/out1.jsonl wrote into a folder the glob made an input folder, where a
    folder named on the command line is refused: the next run ('-o crawl/site1/out2.jsonl') read the first
    one's records back as input, rejected them as copies of themselves and counted them under the files they
    came from (exit 0). Now it is refused as a folder named is."""
    for site in ("site1", "site2"):
        (tmp_path / "crawl" / site).mkdir(parents=True)
        text = f"工会召开全体会议，部署下一阶段重点工作任务。会议要求{site}压实责任，做好服务职工工作。"
        (tmp_path / "crawl" / site / "a.jsonl").write_text(json.dumps({"id": site, "text": text}) + "\n")
    result = corpusclean("run", pattern, "-q", *jobs, "-o", "crawl/site1/out1.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (f"corpusclean: error: output crawl/site1/out1.jsonl is inside the input folder "
                                      f"{(tmp_path / 'crawl' / 'site1').resolve()}\n")
    assert sorted(p.name for p in (tmp_path / "crawl" / "site1").iterdir()) == ["a.jsonl"]
    beside = corpusclean("run", pattern, "-q", "--no-dedup", *jobs, "-o", "out.jsonl", cwd=tmp_path)
    assert beside.returncode == 0, beside.stderr.decode()
    assert sorted(r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())) == ["site1", "site2"]


@pytest.mark.parametrize("jobs", JOBS)
def test_the_report_counts_a_record_read_back_under_the_file_it_was_read_from(jobs, tmp_path):
    """A record read back keeps the metadata.path of the page it first came from, and the report counted it
    there: run over a file of this tool's records listed the seeds' pages, which were no input, and not the
    file; records of two files that name one page were added up under it (exit 0, accounting balanced)."""
    (tmp_path / "in").mkdir()
    page = "工会召开全体会议，部署下一阶段重点工作任务。会议要求各级工会压实责任，做好服务职工工作。"
    lines = [{"id": "a", "text": page, "metadata": {"path": "pages/1.txt", "line": 0}},
             {"id": "b", "text": page + "另有一段内容。", "metadata": {"path": "pages/1.txt"}}, [1]]
    (tmp_path / "in" / "back.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    result = corpusclean("run", "in", "-q", *jobs, "--report", "report.json", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode()
    assert [r["metadata"]["path"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["pages/1.txt"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["files"] == {"in/back.jsonl": {"inputs": 3, "rejected": 2, "written": 1}}


def test_explain_of_a_rejected_record_says_why_on_one_line(tmp_path):
    """explain printed the rejection through rich at its width of 80 when not on a terminal: 'rejected:
    invalid_json (invalid JSON: ... line 1' and 'column 1 (char 0))' on two lines, cut inside the detail."""
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "x"}\nnot json at all\n')
    result = corpusclean("explain", "a.jsonl", "--record", "2", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode() == ("rejected: invalid_json (invalid JSON: invalid literal, expected 'null': line 1 "
                                      "column 1 (char 0))\n")


@pytest.mark.parametrize("command", [pytest.param(["run", "a.jsonl", *jobs], id=f"run-{name}")
                                     for name, jobs in (("default-jobs", []), ("two-jobs", ["--jobs", "2"]))]
                         + [pytest.param(["check", "a.jsonl"], id="check"), pytest.param(["stages"], id="stages")])
def test_a_pyproject_given_by_config_without_our_table_is_a_usage_error(command, tmp_path):
    """--config pyproject.toml whose table is misspelled ([tool.corpus-clean]) or missing gave no settings and
    no word: run cleaned with the defaults (script = "tw" asked, Simplified written), exit 0."""
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "pyproject.toml").write_text('[tool.corpus-clean]\nscript = "tw"\n')
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "会议指出，全市降雨偏多，防汛形势严峻复杂。"}) + "\n")
    result = corpusclean(*command, "--config", "cfg/pyproject.toml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "corpusclean: error: cfg/pyproject.toml: no [tool.corpusclean] table, so no settings\n"


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("stderr", ["closed", "full"])
@pytest.mark.parametrize("quiet", [pytest.param([], id="summary"), pytest.param(["-q"], id="quiet")])
def test_a_closed_or_full_standard_error_loses_the_messages_not_the_data(quiet, stderr, jobs, tmp_path):
    """With standard error closed (`2>&-`) print() wrote the messages to standard output among the records
    ('corpusclean: 1 record(s) got a new id ...' as a line of the JSONL, exit 0), and without -q run ended on
    sys.stderr.isatty() before any work (exit 1, no output); on a full one (a log on a full disk) the first
    message ended the run, its outputs discarded (exit 1). Messages that cannot be written are dropped."""
    page = "The council approved the budget on Tuesday after a three-hour debate over the roads."
    lines = [{"id": "a", "text": page}, {"id": "a", "text": "The mayor opened the new bridge on Friday morning."}]
    (tmp_path / "ids.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    (tmp_path / "bad.jsonl").write_text(json.dumps(lines[0]) + "\nnot json\n")
    command = [sys.executable, "-m", "corpusclean", "run", *quiet, *jobs]
    with open("/dev/full", "wb") as full:
        streams = {"stderr": full} if stderr == "full" else {"preexec_fn": _closed(2)}
        clean = subprocess.run([*command, "ids.jsonl"], cwd=tmp_path, stdout=subprocess.PIPE, timeout=60, **streams)
        broken = subprocess.run([*command, "bad.jsonl", "-o", "out.jsonl"], cwd=tmp_path, timeout=60, **streams)
    assert clean.returncode == 0
    assert [r["id"] for r in jsonl(clean.stdout)] == ["a", "ids.jsonl#2"]
    assert broken.returncode == 1
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["a"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_utf_32_page_with_a_damaged_character_is_not_read_as_utf_16(jobs, tmp_path):
    """UTF-32 LE's byte order mark opens with UTF-16 LE's: a UTF-32 page with one bad code unit inside (not at
    its end) was read as UTF-16, exit 0: a text page lost that character and every one beyond the BMP without
    a count ('encoding': 'utf-16', 'invalid_bytes': 0), an HTML page became its own markup with a U+FFFD
    between every two characters. It was made undecodable ('binary content'); now it is read as UTF-32, the bad
    unit's four bytes U+FFFD and counted, as a page in any other encoding with a damaged byte is read
    (test_a_utf_16_page_with_a_bad_code_unit_is_read_with_it_counted)."""
    (tmp_path / "in").mkdir()
    text = "The council approved the budget on Tuesday after a long debate.\n会议指出，全市降雨偏多。\nEmoji 😀 here.\n"
    for name, page in (("p.txt", text), ("h.html", f"<html><body><p>{text}</p></body></html>")):
        data = page.encode("utf-32")
        (tmp_path / "in" / name).write_bytes(data[:60] + b"\x00\x00\x11\x00" + data[64:])
    result = corpusclean("run", "in", "-q", *jobs, "--rejects", "rejects.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    [record] = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert (record["id"], record["text"]) == ("in/p.txt", text[:14] + "\ufffd" * 4 + text[15:].strip())
    [reject] = jsonl((tmp_path / "rejects.jsonl").read_bytes())   # its bad unit broke the '<p>' tag
    assert (reject["id"], reject["reject_reason"]) == ("in/h.html", "no_content")
    for read in (record, reject):
        assert (read["metadata"]["encoding"], read["metadata"]["invalid_bytes"]) == ("utf-32", 4)


@pytest.mark.parametrize("jobs", JOBS)
def test_noframes_and_noembed_markup_is_not_written_as_text(jobs, tmp_path):
    """The HTML parser reads <noframes> and <noembed> as raw text, as HTML says: their markup was written into
    the record's text ('<p>您的浏览器不支持框架，<a href="/">请点此</a></p>' among the article's lines; a frameset
    page's text opened '<body><p>...'), exit 0. They are skipped as <noscript> is: a frameset page, whose text
    is in the frames, has no content."""
    (tmp_path / "in").mkdir()
    body = "<p>会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。</p>"
    (tmp_path / "in" / "a.html").write_text(
        f"<html><head><title>防汛会议</title></head><body><article>{body}<noembed><p>您的浏览器不支持插件，"
        f"<a href='/'>请点此下载</a></p></noembed><noframes><p>您的浏览器不支持框架。</p></noframes>{body}"
        "</article></body></html>")
    (tmp_path / "in" / "f.html").write_text(
        f"<html><head><title>框架</title></head><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'>"
        f"<noframes><body>{body}</body></noframes></frameset></html>")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--rejects", "rejects.jsonl", "-o", "out.jsonl",
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    [record] = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert record["text"] == "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。"
    assert [(r["id"], r["reject_reason"]) for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())] == [
        ("in/f.html", "no_content")]


@pytest.mark.parametrize("jobs", JOBS)
def test_an_html_page_in_gbk_under_max_page_bytes_is_read(jobs, tmp_path):
    """The extract stage measured a page by its text in UTF-8, half again as large as its GBK bytes: a page of
    30,099 bytes under a limit of 40,000 was rejected as 'too_large: 43903 bytes > max_page_bytes 40000', a
    size it does not have, where the same text as a .txt page was cleaned."""
    (tmp_path / "in").mkdir()
    body = "<p>会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。</p>\n" * 300
    page = f"<html><head><meta charset=gbk><title>防汛会议</title></head><body><article>{body}</article></body></html>"
    (tmp_path / "in" / "gbk.html").write_bytes(page.encode("gbk"))
    (tmp_path / "in" / "utf8.html").write_bytes(page.encode("utf-8"))
    (tmp_path / "cc.toml").write_text(f"max_page_bytes = {len(page.encode('gbk')) + 10}\n")
    result = corpusclean("run", "in", "-q", *jobs, "--config", "cc.toml", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["in/gbk.html"]
    size = len(page.encode("utf-8"))
    assert result.stderr.decode() == (f"corpusclean: in/utf8.html: too_large: {size} bytes, over the "
                                      f"{len(page.encode('gbk')) + 10}-byte limit (max_page_bytes)\n")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_text_saved_as_html_keeps_its_lines(jobs, tmp_path):
    """A page named .html was HTML whatever it held: a text without a single tag (a server's text/plain saved
    under the URL's name) had its lines run together into one, as HTML runs whitespace together, and with a
    copyright line at its end the whole article was removed as boilerplate.copyright (rejected as empty, no
    word on stderr, exit 0). A page named .html that holds no tag is text; one in UTF-16 stays HTML."""
    (tmp_path / "in").mkdir()
    lines = ["会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。", "各区各部门要压实责任，做好隐患排查，确保人民群众生命财产安全。"]
    (tmp_path / "in" / "a.html").write_text("\n".join([*lines, "版权所有 © 2024 示例新闻网"]) + "\n")
    page = f"<html><head><title>防汛</title></head><body><p>{lines[0]}</p><p>{lines[1]}</p></body></html>"
    (tmp_path / "in" / "b.html").write_bytes(page.encode("utf-16"))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert [(r["id"], r["text"], r["metadata"]["format"]) for r in records] == [
        ("in/a.html", "\n".join(lines), "txt"), ("in/b.html", "\n".join(lines), "html")]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_text_under_a_records_html_field_keeps_its_lines(jobs, tmp_path):
    """A record's text under html or raw_html was HTML whatever it held: a scraper's text stored under `html`,
    without a single tag, had its lines run together into one, and with a copyright line at its end the whole
    article was removed as boilerplate.copyright (rejected as empty, no word on stderr, exit 0), as a page
    named .html was before. Without a tag it is text; one with tags stays HTML; check agrees with run."""
    (tmp_path / "in").mkdir()
    lines = ["会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。", "各区各部门要压实责任，做好隐患排查，确保人民群众生命财产安全。"]
    text = "\n".join([*lines, "版权所有 © 2024 示例新闻网"])
    page = f"<html><head><title>防汛</title></head><body><p>{lines[0]}</p><p>{lines[1]}</p></body></html>"
    records = [{"id": "a", "html": text}, {"id": "b", "raw_html": text}, {"id": "c", "html": page}]
    (tmp_path / "in" / "a.jsonl").write_bytes(b"".join(jsonl_line(record) for record in records))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--no-template", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    written = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert [(r["id"], r["text"], r["metadata"]["format"]) for r in written] == [
        ("a", "\n".join(lines), "txt"), ("b", "\n".join(lines), "txt"), ("c", "\n".join(lines), "html")]
    findings = corpusclean("check", "--select", "CC010", "in/a.jsonl", cwd=tmp_path).stdout.decode().splitlines()
    assert findings == [f"in/a.jsonl:{n}:1: CC010 text line 3: boilerplate.copyright: '版权所有 © 2024 示例新闻网'"
                        for n in (1, 2)]


DROPPED_STOP = '''
import signal, sys, weakref
from corpusclean import cli, runner

documents = runner.Run.documents


def documents_under_a_dropped_stop(self):
    class Lock:
        pass
    lock = Lock()
    watcher = weakref.ref(lock, lambda ref: signal.raise_signal(signal.SIGTERM))
    del lock  # the callback runs here, and the handler's exception is printed and dropped
    yield from documents(self)


runner.Run.documents = documents_under_a_dropped_stop
sys.argv = ["corpusclean", *sys.argv[1:]]
cli.main()
'''


@pytest.mark.parametrize("jobs", JOBS)
def test_a_stop_signal_whose_exception_python_drops_still_stops_the_run(jobs, tmp_path):
    """The handler raised where SIGTERM found the main process; inside a weakref callback (an import's module
    lock: 'Exception ignored in: <function _get_module_lock.<locals>.cb>', seen once in the suite's own stop
    test) Python printed the exception and dropped it, and the run went on to its end: every output written,
    exit 0. The signal is noted, and the run asks for it between records and before its outputs take their
    place."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The council approved the budget on Tuesday after a long debate.\n")
    (tmp_path / "dropped_stop.py").write_text(DROPPED_STOP)
    env = isolated_tmp(tmp_path)
    result = subprocess.run([sys.executable, "dropped_stop.py", "run", "in", "-q", "-o", "out.jsonl", *jobs],
                            cwd=tmp_path, env=env, capture_output=True, timeout=60)
    assert result.returncode == 143, result.stderr.decode()
    assert result.stderr.decode().endswith("\ncorpusclean: stopped by signal 15\n")
    assert not (tmp_path / "out.jsonl").exists()
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []


@pytest.mark.parametrize("jobs", JOBS)
def test_a_pre_article_keeps_its_lines(jobs, tmp_path):
    """All of a <pre>'s lines were joined into one line, as HTML runs whitespace together elsewhere, and with a
    copyright line inside the <pre> the whole article was removed as boilerplate.copyright (rejected as empty,
    no word on stderr, exit 0). A line break inside a <pre> ends a line of the text, also inside an element in
    it."""
    (tmp_path / "in").mkdir()
    lines = ["会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂，各级各部门要高度重视。",
             "各区各部门要压实责任，做好隐患排查，确保人民群众生命财产安全。",
             "会议要求，要加强值班值守，及时发布预警信息，做好抢险救灾各项准备工作。"]
    body = f"{lines[0]}\n<b>{lines[1][:6]}</b>{lines[1][6:]}\r\n{lines[2]}<!-- end -->\n版权所有 © 2024 示例新闻网\n"
    page = f"<html><head><title>防汛工作会议召开</title></head><body><h1>防汛工作会议召开</h1><pre>\n{body}</pre></body></html>"
    (tmp_path / "in" / "a.html").write_text(page, encoding="utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "rejects.jsonl").read_bytes() == b""
    assert [r["text"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["\n".join(lines)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_stray_nul_in_an_html_page_is_dropped(jobs, tmp_path):
    """A NUL byte in an HTML page became U+FFFD in the text and was counted in replacement_chars (check takes
    those for damage), where README says a stray NUL is dropped, as it is from a text page and a JSONL text. A
    reference to no character (&#0;) is still U+FFFD, counted."""
    (tmp_path / "in").mkdir()
    sentence = "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂，各级各部门要高度重视，压实责任。"
    other = "各区各部门要做好隐患排查，加强值班值守，确保人民群众生命财产安全。"
    for name, mark in (("a", "\x00"), ("b", "&#0;")):
        page = (f"<html><head><title>防汛</title></head><body><p>{sentence[:9]}{mark}{sentence[9:]}</p><p>{other}</p>"
                f"</body></html>")
        (tmp_path / "in" / f"{name}.html").write_bytes(page.encode("utf-8"))
    (tmp_path / "in" / "c.txt").write_bytes(f"{sentence[:9]}\x00{sentence[9:]}\n{other}\n".encode("utf-8"))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert [(r["id"], r["text"], r["metadata"]["replacement_chars"]) for r in records] == [
        ("in/a.html", f"{sentence}\n{other}", 0), ("in/b.html", f"{sentence[:9]}\ufffd{sentence[9:]}\n{other}", 1),
        ("in/c.txt", f"{sentence}\n{other}", 0)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_date_tag_naming_no_day_gives_no_created(jobs, tmp_path):
    """htmldate, asked where our own reading of the tags found no day, filled one in: an impossible
    article:published_time 2023-02-30 (or a <time> of it) became created 2023-02-01, a month alone (2023-02) the
    day of the month the run was on, each with precision 'day': a day the page never states. Now created is
    null; a tag that states its day is read as before."""
    (tmp_path / "in").mkdir()
    body = ("<h1>Council approves budget</h1><p>The council approved the budget on Tuesday after a three-hour debate"
            " about the new school buildings and roads.</p><p>Members said the plan would cost more than expected,"
            " but they agreed it was needed for the growing town.</p>")
    pages = {"a": ("<meta property='article:published_time' content='2023-02-30'>", body),
             "b": ("<meta property='article:published_time' content='2023-02'>", body),
             "c": ("", body.replace("</h1>", "</h1><time datetime='2023-02-30'>Feb 30</time>")),
             "d": ("<meta name='apub:time' content='2023-2-6 10:00:00'>", body)}
    for name, (head, page_body) in pages.items():
        (tmp_path / "in" / f"{name}.html").write_text(f"<html><head>{head}</head><body>{page_body}</body></html>")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    records = jsonl((tmp_path / "out.jsonl").read_bytes())
    assert [(r["id"], r["created"], r["metadata"]["created_precision"]) for r in records] == [
        ("in/a.html", "", ""), ("in/b.html", "", ""), ("in/c.html", "", ""),
        ("in/d.html", "2023-02-06T00:00:00.000", "day")]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_records_created_with_a_zone_or_time_naming_no_moment_is_written_as_stated(jobs, tmp_path):
    """A record's own created '2023-05-01T10:00:00-25:00' (or '+99:99') was written '2023-05-01T10:00:00.000'
    with no zone, the offset dropped without a word, and '2023-05-01T25:00:00' as the day alone: a value read in
    part, where one that names no moment ('2020-13-45T99:99:99') is kept as stated. These are kept as stated too;
    a real offset is read as before."""
    stated = ["2023-05-01T10:00:00-25:00", "2023-05-01T10:00:00+99:99", "2023-05-01T25:00:00",
              "2023-05-01T10:00:00+05:30"]
    lines = [json.dumps({"id": f"d{n}", "created": created, "text": text}, ensure_ascii=False)
             for n, (created, text) in enumerate(zip(stated, ZH_NEWS.splitlines() + ZH_MORE.splitlines()))]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    first = corpusclean("run", "in.jsonl", "-q", "--dedup", "none", *jobs, cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    assert [(r["created"], r["metadata"]["created_precision"], r["metadata"]["created_timezone"])
            for r in jsonl(first.stdout)] == [
        (stated[0], "", ""), (stated[1], "", ""), (stated[2], "", ""), ("2023-05-01T10:00:00.000", "second", "+05:30")]
    again = corpusclean("run", "-", "-q", "--dedup", "none", *jobs, input=first.stdout, cwd=tmp_path)
    assert again.stdout == first.stdout


def test_check_skips_a_device_as_run_does(tmp_path):
    """`check /dev/zero` read it forever (a line of NUL bytes never ends), where run skips a device it is given,
    not_a_file, with a line on stderr; /dev/null was checked as an empty file (CC019). check skips them as run
    does, and checks the files beside them."""
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": ZH_NEWS}, ensure_ascii=False) + "\n", "utf-8")
    skipped = "corpusclean: {}: skipped: not_a_file: a named pipe, socket or device, not a file"

    def check(*args):
        return subprocess.run([sys.executable, "-m", "corpusclean", "check", "-q", *args], capture_output=True,
                              cwd=tmp_path, timeout=30)

    result = check("/dev/zero", "/dev/null", "a.jsonl")
    assert (result.returncode, result.stdout) == (0, b"")
    assert result.stderr.decode().splitlines() == [skipped.format("/dev/zero"), skipped.format("/dev/null")]
    result = check("/dev/zero")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().splitlines()[:2] == [skipped.format("/dev/zero"), "corpusclean: error: nothing to check: "
                                                       "no file of JSON lines (.jsonl, .ndjson, .json or without a suffix; "
                                                       "plain, .gz or .zst) in /dev/zero"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_of_a_byte_order_mark_alone_is_an_empty_input(jobs, tmp_path):
    """A page file holding a byte order mark alone, or with white space (UTF-16's with NUL bytes), or a crawl
    wrapper with no page in it, was read, and rejected as 'empty' after cleaning: no line on stderr, exit 0,
    where an empty file is empty_input, named on stderr, exit 1 (and a JSONL file of a BOM alone was already)."""
    folder = tmp_path / "in"
    folder.mkdir()
    pages = {"bom.txt": b"\xef\xbb\xbf", "bom-space.txt": b"\xef\xbb\xbf \r\n\n", "bom.html": b"\xef\xbb\xbf\n",
             "utf-16.txt": b"\xff\xfe \x00\n\x00", "wrapper.txt": b'<text id="http://example.com/a" encoding="utf-8">\n</text>\n',
             "bom.jsonl": b"\xef\xbb\xbf", "page.txt": ZH_NEWS.encode("utf-8")}
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "corpusclean: in/bom-space.txt: empty_input: the file is empty",
        "corpusclean: in/bom.html: empty_input: the file is empty",
        "corpusclean: in/bom.jsonl: empty_input: the file holds no JSON lines",
        "corpusclean: in/bom.txt: empty_input: the file is empty",
        "corpusclean: in/utf-16.txt: empty_input: the file is empty",
        "corpusclean: in/wrapper.txt: empty_input: the crawl wrapper holds no page"]
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["in/page.txt"]
    assert {r["reject_reason"] for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())} == {"empty_input"}


@pytest.mark.parametrize("jobs", JOBS)
def test_a_file_compressed_twice_is_one_clear_reject(jobs, tmp_path):
    """A gzip inside a gzip was read as its inner compressed bytes: JSON lines, each 'not UTF-8' (one line on
    stderr for each), a page 'binary content'. It is one unreadable input that says what it is; check, one line
    and exit 2, as for a damaged stream."""
    import gzip

    import zstandard

    records = b"".join(jsonl_line({"id": f"r{n}", "text": f"{ZH_NEWS}{n}"}) for n in range(50))
    (tmp_path / "twice.jsonl.gz").write_bytes(gzip.compress(gzip.compress(records)))
    (tmp_path / "twice.txt.gz").write_bytes(gzip.compress(gzip.compress(ZH_NEWS.encode("utf-8"))))
    (tmp_path / "zstd.jsonl.gz").write_bytes(gzip.compress(zstandard.ZstdCompressor().compress(records)))
    (tmp_path / "once.jsonl.gz").write_bytes(gzip.compress(jsonl_line({"id": "r0", "text": ZH_NEWS})))
    run = corpusclean("run", "twice.jsonl.gz", "twice.txt.gz", "zstd.jsonl.gz", "once.jsonl.gz", "-q",
                      "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: {name}: unreadable: read failed: {inner} inside gzip (compressed twice), which this tool does "
        "not read: gunzip it once" for name, inner in (("twice.jsonl.gz", "gzip"), ("twice.txt.gz", "gzip"),
                                                       ("zstd.jsonl.gz", "zstd"))])
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["r0"]
    check = corpusclean("check", "twice.jsonl.gz", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode()) == (
        2, "", "corpusclean: error: cannot read twice.jsonl.gz: gzip inside gzip (compressed twice), which this tool "
               "does not read: gunzip it once\n")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_line_with_a_nan_and_a_lone_surrogate_is_rejected_for_the_nan(jobs, tmp_path):
    """A line with a lone surrogate (or a byte that is not UTF-8) and a NaN was rejected as 'no low surrogate in
    string', at the surrogate, which run replaces, not for the NaN, which it cannot read. The error names the NaN
    and its column, as for a line with the NaN alone; an escaped backslash before 'ud800' is no surrogate."""
    nan = b', "score": NaN}\n'
    words = ZH_NEWS.splitlines()[0].encode("utf-8")
    lines = [b'{"id": "a", "text": "%s\\ud800"' % words + nan, b'{"id": "b", "text": "%s\xff"' % words + nan,
             b'{"id": "c", "text": "%s\\\\ud800"' % words + nan, b'{"id": "d", "text": "%s"' % words + nan]
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    run = corpusclean("run", "in.jsonl", "-q", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    expected = [(n, len(line[:line.index(b"NaN")].decode("utf-8", "replace")) + 1) for n, line in enumerate(lines, 1)]
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: in.jsonl:{n}: invalid_json: invalid JSON: unexpected character, expected a JSON value: "
        f"line 1 column {col} (char {col - 1})" for n, col in expected])
    check = corpusclean("check", "in.jsonl", "-q", "--select", "CC001", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        f"in.jsonl:{n}:{col}: CC001 invalid JSON: unexpected character, expected a JSON value" for n, col in expected]


def test_explain_of_a_path_it_skips_says_why(tmp_path):
    """explain /dev/zero said 'explain takes one file; /dev/zero gives 0', not that a device is skipped, nor why
    (run says '/dev/zero: skipped: not_a_file: ...'); a folder of hidden files the same."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".draft.txt").write_text("一段文字。\n")
    for path, line in (("/dev/zero", "corpusclean: /dev/zero: skipped: not_a_file: a named pipe, socket or device, "
                                     "not a file"),
                       ("in", "corpusclean: in/.draft.txt: skipped: hidden: a hidden file or folder (its name starts with a dot)")):
        result = corpusclean("explain", path, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, b"")
        assert result.stderr.decode().splitlines() == [line, f"corpusclean: error: explain takes one file; {path} gives 0"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_time_with_an_offset_no_zone_has_gives_its_day_alone(jobs, tmp_path):
    """A page's time with an impossible offset (article:published_time 2023-05-01T10:30:00+99:99, or -25:00) was
    written created 2023-05-01T10:30:00 with precision 'second' and created_timezone '', which says the page
    stated no zone: a moment the page never names. It gives the day alone, as a time 25:30 does."""
    (tmp_path / "in").mkdir()
    body = ("<h1>Council approves budget</h1><p>The council approved the budget on Tuesday after a three-hour debate"
            " about the new school buildings and roads.</p><p>Members said the plan would cost more than expected,"
            " but they agreed it was needed for the growing town.</p>")
    for name, value in (("a", "2023-05-01T10:30:00+99:99"), ("b", "2023-05-01T10:30:00-25:00"),
                        ("c", "2023-05-01T10:30:00+08:00")):
        (tmp_path / "in" / f"{name}.html").write_text(
            f"<html><head><meta property='article:published_time' content='{value}'></head><body>{body}</body></html>")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [(r["created"], r["metadata"]["created_precision"], r["metadata"]["created_timezone"])
            for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == [
        ("2023-05-01T00:00:00.000", "day", ""), ("2023-05-01T00:00:00.000", "day", ""),
        ("2023-05-01T10:30:00.000", "second", "+08:00")]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_records_bad_characters_are_not_counted_as_replacement_characters_it_held(jobs, tmp_path):
    """A JSONL text with a lone surrogate (or a byte that is not UTF-8) and no U+FFFD was written with
    replacement_chars 1 beside invalid_bytes 1: replacement_chars, 'U+FFFD already in the input', counted the
    U+FFFD run had put there itself, so each bad character was counted twice (and check, which excuses both
    counts, let one more U+FFFD pass). The Python API's records the same."""
    words = ZH_NEWS.splitlines()[0].encode("utf-8")
    lines = [b'{"id": "a", "text": "%s\\ud800"}\n' % words, b'{"id": "b", "text": "%s\xff"}\n' % words,
             b'{"id": "c", "text": "%s\\ufffd\\ud800"}\n' % words, b'{"id": "d", "text": "%s\\ufffd"}\n' % words]
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    result = corpusclean("run", "in.jsonl", "-q", "--no-dedup", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [(r["id"], r["metadata"]["replacement_chars"], r["metadata"]["invalid_bytes"])
            for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == [("a", 0, 1), ("b", 0, 1), ("c", 1, 1), ("d", 1, 0)]
    import corpusclean as api

    record = next(api.clean_records([{"id": "a", "text": words.decode() + "\ud800"}], api.Config(jobs=1)))
    assert (record["metadata"]["replacement_chars"], record["metadata"]["invalid_bytes"]) == (0, 1)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_recursive_glob_is_one_argument_not_paths_named_twice(jobs, tmp_path):
    """'in/**' matches in/, in/sub and every file below them: the folders' walks read the files, and each file's
    own match (twice for one in in/sub) was then reported as 'named_twice: a path an earlier argument already
    names' (one line on stderr per path, or 'skipped 4 paths'), and counted so in the report's skipped, though
    one argument was given and every file was read once."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS)
    (tmp_path / "in" / "sub" / "b.jsonl").write_bytes(jsonl_line({"id": "b", "text": TW_NEWS}))
    result = corpusclean("run", "in/**", "-q", *jobs, "-o", "out.jsonl", "--report", "report.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, b"")
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["in/a.txt", "b"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["skipped"]) == (2, {})


def test_a_copyright_line_is_no_pages_title(tmp_path):
    # an HTML page without <title> or <h1>: its trailing copyright line was written as metadata.title
    page = tmp_path / "pages" / "a.html"
    page.parent.mkdir()
    page.write_text("<html><body><p>市政府今天召开常务会议，研究部署下一阶段重点工作，要求各部门抓好落实。</p>"
                    "<p>版权所有 © 2024 示例新闻网</p></body></html>", encoding="utf-8")
    for jobs in ("0", "2"):
        result = corpusclean("run", page.parent, "--jobs", jobs, "-q")
        assert result.returncode == 0, result.stderr
        [record] = jsonl(result.stdout)
        assert "版权" not in record["metadata"]["title"] and "©" not in record["metadata"]["title"]



@pytest.mark.parametrize("jobs", JOBS)
def test_a_text_pages_title_line_naming_a_headline_with_a_dash_loses_its_site_names(tmp_path, jobs):
    # "“守护安澜”——全市…召开_要闻_某某网" over its headline line: the title was written with its site names, and
    # the text kept the title line (site names and all) where it lost the headline line as a caption's repeat
    headline = "防汛会议召开——访市水务局局长"
    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    page.write_text(f"{headline}_要闻_滨江网\n首页 新闻 国内 国际\n{headline}\n"
                    "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。\n",
                    encoding="utf-8")
    result = corpusclean("run", page.parent, *jobs, "-q")
    assert result.returncode == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["metadata"]["title"] == headline
    assert record["text"].split("\n")[0] == headline


@pytest.mark.parametrize("jobs", JOBS)
def test_a_file_of_several_wrapped_pages_is_one_clear_reject_and_a_wrapper_after_a_bom_is_read(tmp_path, jobs):
    # two crawl-wrapped pages in one file were one record: both texts, the lines '</text>' and '<text id=...>'
    # between them, the first page's URL; a wrapper after a byte order mark stayed in the text, its URL lost
    folder = tmp_path / "dump"
    folder.mkdir()
    first = "防汛会议召开\n会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任。\n"
    second = "博览会开幕\n本届博览会吸引了来自三十多个国家和地区的一千余家企业参展，展览面积创历届之最。\n"
    (folder / "two.txt").write_text(f'<text id="http://a.cn/1.html" encoding="utf-8">\n{first}</text>\n'
                                    f'<text id="http://a.cn/2.html" encoding="utf-8">\n{second}</text>\n')
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + f'<text id="http://a.cn/3.html" encoding="utf-8">\n{second}'
                                     f'</text>\n'.encode())
    result = corpusclean("run", folder, *jobs, "-q", "--rejects", tmp_path / "rejects.jsonl")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"corpusclean: {folder}/two.txt: unreadable: the file holds 2 pages in crawl wrappers, and a page file is "
        "one page: csplit -z -f page- -b '%03d.txt' FILE '/^<text /' '{*}' splits it"]
    [record] = jsonl(result.stdout)
    assert (record["text"], record["metadata"]["url"]) == (second.strip(), "http://a.cn/3.html")
    [reject] = jsonl((tmp_path / "rejects.jsonl").read_bytes())
    assert reject["reject_reason"] == "unreadable" and reject["id"].endswith("two.txt")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_date_with_its_offset_after_a_space_keeps_its_zone(tmp_path, jobs):
    # RFC 2822's "Mon, 01 May 2023 10:30:00 -0400" (an RSS feed's pubDate, as a record's created or a page's
    # dateline) was written created 2023-05-01T10:30:00.000 with created_timezone "": the page states no zone
    folder = tmp_path / "in"
    folder.mkdir()
    prose = ("The council approved the budget on Tuesday after a three-hour debate that stretched late into the "
             "evening. Members said the plan would fund road repairs.")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "r1", "created": "Mon, 01 May 2023 10:30:00 -0400",
                                                   "text": prose}) + "\n")
    (folder / "page.txt").write_text(f"Council Approves Budget\nPublished: Tue, 02 May 2023 09:15:00 +0800\n{prose}\n"
                                     "The vote was five to two.\n")
    result = corpusclean("run", folder, *jobs, "-q", "--no-dedup")
    assert result.returncode == 0, result.stderr
    stamps = {r["id"]: (r["created"], r["metadata"]["created_timezone"]) for r in jsonl(result.stdout)}
    assert stamps == {"r1": ("2023-05-01T10:30:00.000", "-04:00"), "in/page.txt": ("2023-05-02T09:15:00.000", "+08:00")}


@pytest.mark.parametrize("jobs", JOBS)
def test_a_config_file_given_as_a_pipe_is_read(jobs, tmp_path):
    """--config <(...) (or /dev/stdin) said 'config file not found: /dev/fd/63', exit 2, of a file that is there:
    only a regular file was taken. A folder or a device given as --config said 'not found' too."""
    (tmp_path / "a.txt").write_text(ZH_NEWS)
    piped = corpusclean("run", "a.txt", "-q", *jobs, "--config", "/dev/stdin", input=b'source = "piped"\n', cwd=tmp_path)
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert [r["id"] for r in jsonl(piped.stdout)] == ["piped/a.txt"]
    for command in (["run", "a.txt", "-q", *jobs], ["check", "a.txt"]):
        folder = corpusclean(*command, "--config", tmp_path, cwd=tmp_path)
        assert (folder.returncode, folder.stderr.decode()) == (
            2, f"corpusclean: error: --config {tmp_path} is a folder, not a TOML file\n")
    device = corpusclean("stages", "--config", "/dev/zero")
    assert (device.returncode, device.stderr.decode()) == (
        2, "corpusclean: error: --config /dev/zero is a device or socket, not a TOML file\n")
    fixed = corpusclean("stages", "--config", "/dev/stdin", input=b"template = false\n")
    assert fixed.returncode == 0 and b". template (" not in fixed.stdout


def test_explain_record_n_is_the_record_at_line_n_as_run_and_check_number_it(tmp_path):
    """explain --record N took the Nth non-blank line: in a file with a blank line, the record that run's
    message and check's finding place at 'a.jsonl:3' was --record 2, and --record 3 showed the next record or
    said 'a.jsonl has fewer than 3 records' (exit 2)."""
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "甲方的文章正文在这里。"}\n\n{"id": "b", "text": bad}\n'
                                      '{"id": "c", "text": "丙方的文章正文在这里。"}\n', "utf-8")
    run = corpusclean("run", "a.jsonl", "-q", "-o", "out.jsonl", cwd=tmp_path)
    assert run.stderr.decode().startswith("corpusclean: a.jsonl:3: invalid_json")
    third = corpusclean("explain", "a.jsonl", "--record", "3", cwd=tmp_path)
    assert (third.returncode, third.stdout.decode()[:22]) == (1, "rejected: invalid_json")
    fourth = corpusclean("explain", "a.jsonl", "--record", "4", cwd=tmp_path)
    assert fourth.returncode == 0 and fourth.stdout.decode().startswith("  丙方的文章正文在这里。\n")
    blank = corpusclean("explain", "a.jsonl", "--record", "2", cwd=tmp_path)
    assert (blank.returncode, blank.stderr.decode()) == (2, "corpusclean: error: a.jsonl has no record at line 2\n")


def test_explain_without_record_takes_the_first_record_and_says_so_when_there_are_more(tmp_path):
    """explain FILE.jsonl without --record explained line 1: a file opening with a blank line (as a file made by
    concatenating others has) was 'error: a.jsonl has no record at line 1', exit 2, a line the user never named;
    and of a file of many records it explained the first without a word, as if it were the file's only one."""
    (tmp_path / "a.jsonl").write_text('\n{"id": "a", "text": "甲方的文章正文在这里。"}\n{"id": "b", "text": "乙方的文章。"}\n',
                                      "utf-8")
    (tmp_path / "one.jsonl").write_text('{"id": "a", "text": "甲方的文章正文在这里。"}\n\n', "utf-8")
    first = corpusclean("explain", "a.jsonl", cwd=tmp_path)
    assert (first.returncode, first.stdout.decode()[:14], first.stderr.decode()) == (
        0, "  甲方的文章正文在这里。\n", "corpusclean: a.jsonl:2: the file's first record, of several (--record N explains "
                                "the one at line N)\n")
    only = corpusclean("explain", "one.jsonl", cwd=tmp_path)
    assert (only.returncode, only.stdout.decode()[:14], only.stderr) == (0, "  甲方的文章正文在这里。\n", b"")
    named = corpusclean("explain", "a.jsonl", "--record", "3", cwd=tmp_path)
    assert (named.returncode, named.stdout.decode()[:9], named.stderr) == (0, "  乙方的文章。\n", b"")


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]], ids=["default-jobs", "two-jobs"])
def test_a_text_pages_title_is_no_sentence_nor_a_wire_dateline(jobs, tmp_path):
    """A text page's metadata.title was the line under its headline, '新华社南州5月20日电（记者 张三）' (longer, and
    no date read in it), and on a page without a headline a short sentence of its body ('……一句话。'), exit 0."""
    (tmp_path / "in").mkdir()
    body = "全市今年新增就业岗位三万个，城镇登记失业率保持在较低水平，各项民生工作稳步推进。"
    (tmp_path / "in" / "wire.txt").write_text(f"市区新增三处口袋公园\n新华社南州5月20日电（记者 张三）\n{body}\n", "utf-8")
    (tmp_path / "in" / "none.txt").write_text(f"{body}\n这是第二段，也是一句话。\n", "utf-8")
    result = corpusclean("run", "in", "-q", "--no-dedup", *jobs, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    titles = {r["id"]: r["metadata"]["title"] for r in jsonl(result.stdout)}
    assert titles == {"in/none.txt": "", "in/wire.txt": "市区新增三处口袋公园"}


def test_check_fix_fixes_the_whole_file_when_its_findings_cannot_be_written(tmp_path):
    """`check --fix f.jsonl | head -1`: the pipe closed at the second finding, and the file was left as it was
    (its temporary copy discarded), quietly. A fix is done whole whatever becomes of the findings: the reader
    gone, the file is fixed and the status is the findings'; standard output full, it is fixed and the error said."""
    lines = [{"id": "x" * 300, "text": f"首页 新闻 国内 国际 财经 体育 娱乐\n会议指出，全市降雨偏多，防汛形势严峻复杂。第{i}段。"}
             for i in range(400)]
    raw = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines).encode()
    path = tmp_path / "a.jsonl"
    path.write_bytes(raw)
    process = subprocess.Popen([sys.executable, "-m", "corpusclean", "check", "--fix", "a.jsonl"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()
    process.stdout.close()  # `| head -1`; 400 findings of 400 bytes are more than a pipe holds
    stderr = process.stderr.read()
    assert (process.wait(timeout=120), first[:22]) == (1, b"a.jsonl:2:1: CC005 dup")
    assert stderr == b"corpusclean: fixed a.jsonl\n"
    fixed = jsonl(path.read_bytes())
    assert len(fixed) == 400 and not any(r["text"].startswith("首页") for r in fixed)
    assert leftovers(tmp_path) == []
    path.write_bytes(raw)
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "corpusclean", "check", "--fix", "a.jsonl"], cwd=tmp_path,
                                stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert (result.returncode, result.stderr.decode().splitlines()) == (
        2, ["corpusclean: fixed a.jsonl", "corpusclean: cannot write to standard output: No space left on device"])
    assert jsonl(path.read_bytes()) == fixed


@pytest.mark.parametrize("jobs", JOBS)
def test_the_outputs_land_together_or_the_error_names_those_not_written(tmp_path, monkeypatch, jobs):
    """-o out/a.jsonl --rejects rej/r.jsonl --report rep.json, the rejects' folder made read-only during the run:
    out/a.jsonl was put in place, then the rename of the rejects failed, and the error named the rejects alone
    (exit 2): a user saw an error and a new output, without a word of what was lost. Every folder is checked
    before any rename (none lands), and a rename that fails all the same names what was written and what not."""
    from typer.testing import CliRunner

    from corpusclean.cli import app

    for folder in ("out", "rej"):
        (tmp_path / folder).mkdir()
    (tmp_path / "out" / "a.jsonl").write_text("the previous run's\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": ZH_NEWS}) + "\n{broken\n")
    rej = tmp_path / "rej"
    monkeypatch.chdir(tmp_path)
    args = ["run", "a.jsonl", "-q", *jobs, "-o", "out/a.jsonl", "--rejects", "rej/r.jsonl", "--report", "rep.json"]
    real_access = os.access
    monkeypatch.setattr("os.access", lambda path, mode, **kw: str(path) != str(rej) and real_access(path, mode, **kw))
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "corpusclean: cannot write rej/r.jsonl: its folder can no longer be written (or the name is a folder); no "
           "output file was written (out/a.jsonl, rej/r.jsonl, rep.json left as they were)")
    assert (tmp_path / "out" / "a.jsonl").read_text() == "the previous run's\n"
    monkeypatch.setattr("os.access", real_access)
    real_replace = os.replace

    def refused(source, target, *rest):
        if str(target).startswith(str(rej)):
            raise PermissionError(1, "Operation not permitted")
        return real_replace(source, target, *rest)

    monkeypatch.setattr("os.replace", refused)
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "corpusclean: cannot write rej/r.jsonl: Operation not permitted; written: out/a.jsonl; not written: "
           "rej/r.jsonl, rep.json")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out" / "a.jsonl")] == ["1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "out", "rej"]
    assert list(rej.iterdir()) == []


@pytest.mark.parametrize("source", ["", "  ", "\u3000", "a\nb", "crawl\r", "a\u2028b"])
def test_a_blank_or_multi_line_source_is_a_usage_error(source, tmp_path):
    """--source '  ' wrote ids '  /in/a.txt' and --source $'a\\nb' ids and sources over two lines (a message naming
    one was two lines), exit 0; --source "" (an unset variable) gave the folders' names without a word."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS, "utf-8")
    result = corpusclean("run", "in", "-q", "--source", source, "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.decode().startswith("corpusclean: error: --source ")
    assert not (tmp_path / "out.jsonl").exists()
    if source:
        with pytest.raises(ValueError, match="^source must be a name with a visible character, on one line"):
            from corpusclean import Config
            Config(source=source)


def test_check_reports_a_record_run_rejects_as_too_complex(tmp_path):
    """A record of 10,001 lines (max_page_lines), or an HTML text of more elements than max_page_elements, is
    rejected by run as too_complex (exit 1); check found no line to report and said nothing, exit 0: the
    dataset checked clean, and run, on it, failed."""
    many = "\n".join(f"第{n}行，会议指出全市降雨偏多。" for n in range(10_001))
    html = "<html><body>" + "<p>会议指出，全市降雨偏多。</p>" * 60 + "</body></html>"
    lines = [{"id": "m", "text": many}, {"id": "h", "html": html}, {"id": "ok", "text": ZH_NEWS}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    (tmp_path / "corpusclean.toml").write_text("max_page_elements = 50\n")
    run = corpusclean("run", "a.jsonl", "-q", "--rejects", "-", "-o", "out.jsonl", cwd=tmp_path)
    assert run.returncode == 1
    assert [(r["id"], r["reject_reason"]) for r in jsonl(run.stdout)] == [("m", "too_complex"), ("h", "too_complex")]
    check = corpusclean("check", "a.jsonl", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode().splitlines()) == (1, [
        "a.jsonl:1:1: CC020 run rejects it as too_complex: 10001 lines, over the 10000 limit (max_page_lines)",
        "a.jsonl:2:1: CC020 run rejects it as too_complex: 62 elements, over the 50 limit (max_page_elements)"])
    fix = corpusclean("check", "a.jsonl", "-q", "--fix", cwd=tmp_path)
    assert fix.returncode == 1 and fix.stdout == check.stdout


@pytest.mark.parametrize("jobs", JOBS)
def test_texts_without_words_are_copies_only_of_equal_texts(jobs, tmp_path):
    """A text without a word character (punctuation, emoji, arrows only) has an empty normalized form: run
    rejected '？？？', '👍👍👍' and '→ ← ↑' as duplicates of '！！！' (exact key of '', and the near signature of
    no shingle), exit 0, and check found nothing (CC015 gave such a text no key). Now each is a copy of an equal
    text only (NFKC, spacing aside), in run and in check alike."""
    texts = ["！！！", "？？？", "👍👍👍", "→ ← ↑", "!!!", "👍 👍 👍"]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": str(n), "text": t}, ensure_ascii=False) + "\n"
                                              for n, t in enumerate(texts)), "utf-8")
    run = corpusclean("run", "a.jsonl", "-q", *jobs, "--rejects", "-", "-o", "out.jsonl", cwd=tmp_path)
    assert run.returncode == 0
    assert [(r["id"], r["duplicate_of"]) for r in jsonl(run.stdout)] == [("4", "0"), ("5", "2")]
    check = corpusclean("check", "a.jsonl", "-q", "--near-dups", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == ["a.jsonl:5:1: CC015 same text as a.jsonl:1",
                                                  "a.jsonl:6:1: CC015 same text as a.jsonl:3"]


def test_check_reports_an_html_record_run_drops_for_want_of_prose(tmp_path):
    """An HTML record of links only (a list page), or of one unfinished sentence, is rejected whole by run
    (no_content): check found no line to report and said nothing, exit 0, for a record run drops."""
    lines = [{"id": "l", "html": "<html><body><ul><li><a href='/a'>第一条新闻标题</a></li>"
                                 "<li><a href='/b'>第二条新闻标题</a></li></ul></body></html>"},
             {"id": "ok", "html": f"<html><body><p>{ZH_NEWS}</p></body></html>"}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    run = corpusclean("run", "a.jsonl", "-q", "--rejects", "-", "-o", "out.jsonl", cwd=tmp_path)
    assert [(r["id"], r["reject_reason"]) for r in jsonl(run.stdout)] == [("l", "no_content")]
    check = corpusclean("check", "a.jsonl", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode()) == (
        1, "a.jsonl:1:1: CC020 run rejects it as no_content: no run of prose among 2 blocks\n")


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("dedup", ["none", "exact"])
def test_copies_of_an_article_under_other_headers_keep_their_article(dedup, jobs, tmp_path):
    """Eight copies of one article under other headers (a release a site republished), run without near
    dedup: their sentences were on every page of the site, so the template stage learned them as the site's
    template and removed the article from every copy; each was written with its header alone, exit 0. Pages
    whose sentences are an earlier page's count once for them."""
    site = tmp_path / "in" / "site"
    site.mkdir(parents=True)
    for n in range(8):
        (site / f"p{n}.txt").write_text(f"第{n}号转载：某某网站\n{ZH_NEWS}\n各区各部门要压实责任，做好隐患排查，确保安全度汛。\n",
                                       "utf-8")
    run = corpusclean("run", "in", "-q", "--dedup", dedup, *jobs, cwd=tmp_path)
    assert run.returncode == 0
    texts = [r["text"] for r in jsonl(run.stdout)]
    assert len(texts) == 8 and all(ZH_NEWS in text for text in texts)


def _cut_gzip(records: bytes) -> tuple[bytes, bytes]:
    """A gzip file of the records cut in half, and what its bytes decompress to."""
    import gzip
    import zlib

    data = gzip.compress(records)
    return data[: len(data) // 2], zlib.decompressobj(31).decompress(data[: len(data) // 2])


def _cut_zstd(records: bytes) -> tuple[bytes, bytes]:
    """A zstd file of the records in three frames, cut inside the third, and what its bytes decompress to (a
    frame's block gives nothing until it is whole)."""
    import zstandard

    third = len(records) // 3
    frames = [zstandard.ZstdCompressor().compress(part)
              for part in (records[:third], records[third:2 * third], records[2 * third:])]
    return frames[0] + frames[1] + frames[2][: len(frames[2]) // 2], records[: 2 * third]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("cut", [_cut_gzip, _cut_zstd], ids=["gzip", "zstd"])
def test_a_compressed_file_cut_short_gives_every_line_before_the_cut_and_says_where_it_stopped(cut, jobs, tmp_path):
    """`head -c 1218 t.jsonl.gz > c.jsonl.gz`: run wrote 69 of the 85 whole lines that decompress before the
    cut (the decompressor's error, raised under a buffered reader, lost what that read had gathered), and its
    reject said only 'read failed', so neither the report nor the message told how much of the file was read.
    Now every line before the cut is written, and the unreadable reject is at the line where reading stopped."""
    records = b"".join(json.dumps({"id": f"r{n}", "text": f"第{n}条：{ZH_NEWS}"}, ensure_ascii=False).encode() + b"\n"
                       for n in range(400))
    (tmp_path / "in").mkdir()
    data, readable = cut(records)
    (tmp_path / "in" / "c.jsonl.gz").write_bytes(data)
    (tmp_path / "in" / "ok.jsonl").write_text(json.dumps({"id": "ok", "text": ZH_NEWS}, ensure_ascii=False) + "\n")
    whole = readable.count(b"\n")
    assert 0 < whole < 400
    run = corpusclean("run", "in", "-q", "--no-dedup", *jobs, "--report", "report.json", "-o", "out.jsonl",
                      cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.decode().startswith(f"corpusclean: in/c.jsonl.gz:{whole + 1}: unreadable: read failed: ")
    assert f"; its first {whole} line(s) were read, the rest of the file is lost" in run.stderr.decode()
    written = [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())]
    assert written == [f"r{n}" for n in range(whole)] + ["ok"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["files"]["in/c.jsonl.gz"] == {"inputs": whole + 1, "written": whole, "rejected": 1}


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("dedup", ["none", "exact"])
def test_copies_of_an_article_that_each_add_a_sentence_keep_their_article(dedup, jobs, tmp_path):
    """Eight copies of one article, each under its own header and with a sentence of its own after it, run
    without near dedup: each page's set of sentences differs, so the article's sentences counted on all eight
    pages, became the site's template and went from every copy, written with its header and its own sentence,
    exit 0. A page's template sentences that are most of its sentences now go only at its edges; a brief's
    footer, after its one sentence, still goes (tests/test_clean_template.py)."""
    site = tmp_path / "in" / "site"
    site.mkdir(parents=True)
    article = "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。\n各区各部门要压实责任，做好隐患排查，确保安全度汛。"
    for n in range(8):
        (site / f"p{n}.txt").write_text(f"第{n}号转载：某某网站\n{article}\n本文转自第{n}家媒体网站，原文发表于昨日上午。\n",
                                       "utf-8")
    run = corpusclean("run", "in", "-q", "--dedup", dedup, *jobs, cwd=tmp_path)
    assert run.returncode == 0
    texts = [r["text"] for r in jsonl(run.stdout)]
    assert len(texts) == 8 and all(article in text for text in texts)


@pytest.mark.parametrize("jobs", JOBS)
def test_check_reports_a_text_of_invisible_characters_that_run_rejects_as_empty(jobs, tmp_path):
    """A text of zero-width spaces, or of a byte order mark alone, is nothing once run's whitespace stage has
    dropped them: run rejected it as empty; check found it neither empty nor white space (str.strip keeps
    them) and said nothing, exit 0."""
    texts = ["\u200b\u200b", "\ufeff", "\u2060 \u200d"]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": str(n), "text": t}) + "\n" for n, t in enumerate(texts)))
    run = corpusclean("run", "a.jsonl", "-q", *jobs, "--rejects", "-", "-o", "out.jsonl", cwd=tmp_path)
    assert [r["reject_reason"] for r in jsonl(run.stdout)] == ["empty"] * 3
    check = corpusclean("check", "a.jsonl", "-q", cwd=tmp_path)
    assert check.returncode == 1
    assert [line.split(": CC006 ")[0] for line in check.stdout.decode().splitlines()] == [
        "a.jsonl:1:1", "a.jsonl:2:1", "a.jsonl:3:1"]


def test_check_names_a_file_whose_name_is_not_utf8_as_its_findings_do(tmp_path):
    """check's messages on stderr for a file whose name is not UTF-8 (a cut .gz it cannot read, a file --fix
    rewrote) named it 'c\\udcff.jsonl.gz', Python's escape, where its findings and run say 'c\\xff.jsonl.gz'."""
    import gzip

    data = gzip.compress(b"".join(jsonl_line({"id": str(n), "text": f"{ZH_NEWS}{n}"}) for n in range(300)))
    _make_named(tmp_path, b"c\xff.jsonl.gz", data[: len(data) // 2])
    cut = corpusclean("check", "-q", ".", cwd=tmp_path)
    assert cut.returncode == 2
    assert cut.stderr.decode().startswith("corpusclean: error: cannot read c\\xff.jsonl.gz: gzip: the stream ends ")
    (tmp_path / b"c\xff.jsonl.gz".decode("utf-8", "surrogateescape")).unlink()
    _make_named(tmp_path, b"f\xff.jsonl", jsonl_line({"id": "1", "text": f"{ZH_NEWS}\n首页 新闻 国内 国际 财经 体育"}))
    fix = corpusclean("check", "--fix", ".", cwd=tmp_path)
    assert fix.returncode == 0 and fix.stderr.decode() == "corpusclean: fixed f\\xff.jsonl\n"


def _to_file(args: list, out: Path, cwd: Path, stdin=None) -> subprocess.CompletedProcess:
    """A command whose standard output is the file `out`, opened for appending as `>>` opens it."""
    with open(out, "ab") as handle:
        return subprocess.run([sys.executable, "-m", "corpusclean", *map(str, args)], stdout=handle, stdin=stdin,
                              stderr=subprocess.PIPE, cwd=cwd, timeout=60)


@pytest.mark.parametrize("jobs", JOBS)
def test_standard_output_redirected_to_an_input_is_a_usage_error(jobs, tmp_path):
    """`run . > out.jsonl` in the folder walked (the shell makes out.jsonl before the walk finds it), or `run
    a.jsonl >> a.jsonl`: the run read its own records back as they were written and gave them again, without
    end (20,000 records were 331,648 in a minute, until the disk was full); `check data/ > data/f.jsonl` read
    its findings back as invalid JSON lines, each one more finding. Now a usage error before any work."""
    folder = tmp_path / "in"
    folder.mkdir()
    records = "".join(json.dumps({"id": f"r{n}", "text": f"第{n}条：{ZH_NEWS}"}, ensure_ascii=False) + "\n"
                      for n in range(3000))
    (folder / "a.jsonl").write_text(records, "utf-8")
    run = _to_file(["run", ".", "-q", "--no-dedup", "--no-template", *jobs], folder / "z.jsonl", folder)
    assert (run.returncode, run.stderr.decode()) == (
        2, "corpusclean: error: standard output is also the input file z.jsonl: write the records elsewhere (-o FILE "
           "outside the input folders)\n")
    assert (folder / "z.jsonl").read_bytes() == b""
    (folder / "z.jsonl").unlink()
    again = _to_file(["run", "a.jsonl", "-q", "--no-dedup", "--no-template", *jobs], folder / "a.jsonl", folder)
    assert again.returncode == 2 and b"standard output is also the input file a.jsonl" in again.stderr
    with open(folder / "a.jsonl", "rb") as stdin:
        piped = _to_file(["run", "-", "-q", *jobs], folder / "a.jsonl", folder, stdin=stdin)
    assert piped.returncode == 2 and b"standard output is also standard input" in piped.stderr
    assert (folder / "a.jsonl").read_text("utf-8") == records
    (folder / "a.jsonl").write_text(records.replace(ZH_NEWS, ZH_NEWS + "\\n首页 新闻 国内 国际 财经 体育"), "utf-8")
    check = _to_file(["check", "."], folder / "f.jsonl", folder)
    assert check.returncode == 2 and b"standard output is also the file checked f.jsonl" in check.stderr


@pytest.mark.parametrize("jobs", JOBS)
def test_standard_error_redirected_to_an_input_is_a_usage_error(jobs, tmp_path):
    """`run . 2> err.jsonl` in the folder walked, with invalid lines to report: each message, read back from
    err.jsonl as one more invalid line, gave another (454,593 lines in 20 s, without end)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.jsonl").write_text("not json\n" * 3000)
    with open(folder / "err.jsonl", "ab") as err:
        run = subprocess.run([sys.executable, "-m", "corpusclean", "run", ".", "-q", "--no-dedup", "--no-template",
                              "-o", tmp_path / "out.jsonl", *jobs], stderr=err, cwd=folder, timeout=60)
    assert run.returncode == 2
    assert (folder / "err.jsonl").read_text() == ("corpusclean: error: standard error is also the input file "
                                                  "err.jsonl: write the messages elsewhere\n")


def _deep_file(folder: Path, depth: int, name: str, data: bytes) -> None:
    """A file `depth` folders below `folder`, its path longer than PATH_MAX (made through folder descriptors)."""
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d" * 10, dir_fd=fd)
        below = os.open("d" * 10, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = below
    out = os.open(name, os.O_WRONLY | os.O_CREAT, dir_fd=fd)
    os.write(out, data)
    os.close(out)
    os.close(fd)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_folder_run_cannot_list_makes_the_run_exit_1(jobs, tmp_path):
    """A folder that cannot be listed (permissions; here, a path beyond PATH_MAX) was skipped with a line on
    stderr and the run ended with exit 0: its files were never read, and nothing but that line told the run
    was incomplete, where an unreadable file gives exit 1 (check of such a folder exits 2)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "top.txt").write_text(ZH_NEWS, "utf-8")
    _deep_file(folder, 420, "deep.txt", ZH_MORE.encode())
    run = corpusclean("run", "in", "-q", *jobs, "--report", "report.json", "-o", "out.jsonl", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.decode().endswith(": skipped: unreadable_folder: a folder that cannot be listed\n")
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["written"], report["skipped"]["unreadable_folder"]["count"]) == (1, 1)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_json_array_of_records_on_one_line_says_what_it_is_and_how_to_convert_it(jobs, tmp_path):
    """A .json file that json.dump wrote from a list of records, on one line (no indent), was one
    'invalid_record: an array, not an object': every record lost with a message that hid what the file was,
    where the same file written with an indent is named a JSON document, with the jq that converts it."""
    records = [{"id": str(n), "text": f"{ZH_NEWS}{n}"} for n in range(5)]
    (tmp_path / "a.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    why = ("an array of 5 objects, not an object: a JSON array of records on one line, not JSON lines "
           "(jq -c '.[]' converts it)")
    run = corpusclean("run", "a.json", "-q", *jobs, "-o", "out.jsonl", cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (1, f"corpusclean: a.json:1: invalid_record: {why}\n")
    check = corpusclean("check", "a.json", "-q", cwd=tmp_path)
    assert check.stdout.decode() == f"a.json:1:1: CC002 {why}\n"


@pytest.mark.parametrize("jobs", JOBS)
def test_the_report_counts_two_files_of_one_name_apart(jobs, tmp_path):
    """Two files given by paths out of the working folder, /a/x/p.jsonl and /b/x/p.jsonl, are both named
    x/p.jsonl (records never hold an absolute path): the report's `files` counted them as one file, 5 inputs
    and 1 rejected under x/p.jsonl, of which file nobody could tell. Each is now counted under its path as
    given, as the messages and the rejects' location name it; inputs of names of their own keep them."""
    for parent, lines in (("a", 2), ("b", 3)):
        (tmp_path / parent / "x").mkdir(parents=True)
        (tmp_path / parent / "x" / "p.jsonl").write_text(
            "".join(json.dumps({"text": f"{ZH_NEWS}{parent}{n}"}, ensure_ascii=False) + "\n" for n in range(lines)))
    (tmp_path / "b" / "x" / "p.jsonl").open("a").write("not json\n")
    (tmp_path / "c" / "x").mkdir(parents=True)
    (tmp_path / "c" / "x" / "q.jsonl").write_text(json.dumps({"text": ZH_MORE}, ensure_ascii=False) + "\n")
    (tmp_path / "work").mkdir()
    first, second = (str(tmp_path / parent / "x" / "p.jsonl") for parent in "ab")
    run = corpusclean("run", first, second, tmp_path / "c", "-q", "--no-dedup", *jobs, "--report", "report.json",
                      "-o", "out.jsonl", cwd=tmp_path / "work")
    assert run.returncode == 1
    files = json.loads((tmp_path / "work" / "report.json").read_text())["files"]
    assert files == {first: {"inputs": 2, "written": 2}, second: {"inputs": 4, "written": 3, "rejected": 1},
                     "c/x/q.jsonl": {"inputs": 1, "written": 1}}


def _written_in_two_parts(args: list, first: bytes, rest: bytes, cwd: Path) -> subprocess.CompletedProcess:
    """A run reading standard input from a pipe whose writer writes `first`, waits until the run has read it,
    then writes `rest`, as a producer writing in pieces does."""
    import fcntl
    import termios

    run = subprocess.Popen([sys.executable, "-m", "corpusclean", *args], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    run.stdin.write(first)
    run.stdin.flush()
    waiting = bytearray(4)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the bytes still in the pipe: none once the run has read them
        fcntl.ioctl(run.stdin.fileno(), termios.FIONREAD, waiting)
        if not int.from_bytes(waiting, sys.byteorder):
            break
        time.sleep(0.01)
    time.sleep(0.2)
    out, err = run.communicate(rest, timeout=120)
    return subprocess.CompletedProcess(run.args, run.returncode, out, err)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("compress", [False, True], ids=["jsonl-after-a-blank-line", "gzip"])
def test_standard_input_written_in_pieces_is_read_as_written_at_once(compress, jobs, tmp_path):
    """Compression and format were told from the first read of standard input, which gives what its writer has
    written so far: JSONL whose blank first line came alone was read as one text page (its JSON one record's
    text, exit 0), and gzip whose first two bytes came alone was rejected as binary, its records lost."""
    import gzip

    data = b"\n" + b"".join(jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate(ZH_NEWS.splitlines()))
    if compress:
        data = gzip.compress(data, mtime=0)
    cut = 2 if compress else 1
    run = _written_in_two_parts(["run", "-", "-q", *jobs, "--no-dedup", "-o", "out.jsonl"], data[:cut], data[cut:],
                                tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == [f"r{n}" for n in range(3)]


@pytest.mark.parametrize("jobs", JOBS)
def test_outputs_to_process_substitutions_are_written(jobs, tmp_path):
    """`-o >(gzip > out.gz)`, `--report >(jq .written)`: the shell names a pipe /dev/fd/63, whose real path
    (/proc/PID/fd/pipe:[N]) names no file, and the run stopped before any work, 'cannot write /dev/fd/63: No
    such file or directory' (exit 2), where `<(zcat a.jsonl.gz)` is read."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "in" / "b.jsonl").write_text("not json\n", "utf-8")
    pipes = [os.pipe() for _ in range(3)]
    outputs = [arg for option, (_, end) in zip(("-o", "--rejects", "--report"), pipes)
               for arg in (option, f"/dev/fd/{end}")]
    run = subprocess.Popen([sys.executable, "-m", "corpusclean", "run", "in", "-q", *jobs, *outputs],
                           pass_fds=[end for _, end in pipes], stderr=subprocess.PIPE, cwd=tmp_path)
    for _, end in pipes:
        os.close(end)
    records, rejects, report = (os.fdopen(end, "rb").read() for end, _ in pipes)
    assert run.wait(timeout=120) == 1
    assert run.stderr.read().decode().startswith("corpusclean: in/b.jsonl:1: invalid_json: invalid JSON: ")
    assert [r["id"] for r in jsonl(records)] == ["in/a.txt"]
    assert [r["reject_reason"] for r in jsonl(rejects)] == ["invalid_json"]
    assert (json.loads(report)["written"], json.loads(report)["rejected"]) == (1, 1)


@pytest.mark.parametrize("jobs", JOBS)
def test_keep_earliest_keeps_the_copy_first_in_time_whatever_its_zone(jobs, tmp_path):
    """A record's `created` is written in its own zone's time (`created_timezone` beside it): --keep earliest
    compared those as written, and kept a wire's 09:00Z copy over the 10:00+08:00 original (02:00Z)."""
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": doc_id, "text": ZH_NEWS, "created": created}) + "\n"
                                               for doc_id, created in (("reprint", "2019-01-01T09:00:00Z"),
                                                                       ("original", "2019-01-01T10:00:00+08:00"))))
    run = corpusclean("run", "in.jsonl", "-q", *jobs, "--keep", "earliest", "-o", "out.jsonl", cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["original"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_file_named_dash_is_read_not_standard_input(jobs, tmp_path):
    """A file named '-' met by `run .` or a glob, or given as ./- (which pathlib spells '-'), had the path '-',
    standard input's: standard input was read in its place, its records written (exit 0) and the file's lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "-").write_text(json.dumps({"id": "file", "text": ZH_NEWS}, ensure_ascii=False) + "\n", "utf-8")
    piped = (json.dumps({"id": "piped", "text": ZH_MORE}, ensure_ascii=False) + "\n").encode()
    for given in (".", "*", "./-"):
        run = corpusclean("run", given, "-q", *jobs, "-o", tmp_path / "out.jsonl", input=piped, cwd=folder)
        assert (run.returncode, run.stderr.decode()) == (0, "")
        assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["file"]
    check = corpusclean("check", ".", "-q", "--select", "CC006", input=b'{"id": "p", "text": ""}\n', cwd=folder)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode()) == (0, "", "")


@pytest.mark.parametrize("in_place", [pytest.param(False, id="saved-as-a-new-file"),
                                      pytest.param(True, id="rewritten-in-place")])
def test_check_fix_leaves_a_file_that_changed_while_it_was_read(tmp_path, monkeypatch, capsys, in_place):
    """A file saved (an editor, a crawler's writer) while check --fix read it was replaced by the fix of what
    was read before: the new records were lost, 'fixed data.jsonl', exit 0. The fix is not put in place."""
    import io

    from corpusclean.check import command

    data = tmp_path / "data.jsonl"
    data.write_text('{"id": "1", "text": "正文第一段，内容足够长。\\nCopyright © 2024 示例网 版权所有"}\n'
                    '{"id": "2", "text": "正文第二段，内容也足够长。"}\n', "utf-8")
    saved = data.read_bytes() + b'{"id": "3", "text": "saved while the check ran"}\n'
    fixed = command.Checker.fixed

    def fixed_while_saved(self, path, line_no, line):
        if line_no == 1:
            if in_place:
                data.write_bytes(saved)
            else:
                (tmp_path / "new.jsonl").write_bytes(saved)
                os.replace(tmp_path / "new.jsonl", data)
        return fixed(self, path, line_no, line)

    monkeypatch.setattr(command.Checker, "fixed", fixed_while_saved)
    status = command.run_check([str(data)], fix=True, out=io.StringIO())
    assert data.read_bytes() == saved
    assert status == 2
    assert capsys.readouterr().err == (f"corpusclean: error: cannot fix {data}: it changed while it was read; "
                                       "check it again\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"], "the temporary file is removed"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_binary_file_named_jsonl_is_one_binary_reject(tmp_path, jobs):
    """A binary file named .jsonl (a parquet file, an image) was read line by line: each piece between its 0a
    bytes an invalid_json reject with a line on stderr, most telling to iconv it from its encoding (a 270 KB
    parquet file: 192 inputs in the report), and check gave a finding for each. It is one input, rejected as
    binary as a binary page is, and one CC001. A JSONL file whose first line alone is zeroed is still read."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "data.jsonl").write_bytes(bytes(range(256)) * 40)
    record = '{"id": "r%d", "text": "The council approved budget number %d after a long debate."}\n'
    records = "".join(record % (n, n) for n in range(3)).encode()
    (tmp_path / "in" / "zeroed.jsonl").write_bytes(b"\x00" * 200 + b"\n" + records)
    result = corpusclean("run", "in", "-q", "--no-dedup", "--report", "report.json", "-o", "out.jsonl", *jobs,
                         cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "corpusclean: in/data.jsonl: binary: binary content (NUL bytes), not text",
        "corpusclean: in/zeroed.jsonl:1: invalid_json: invalid JSON: unexpected character, expected a JSON value: "
        "line 1 column 1 (char 0)"]
    report = json.loads((tmp_path / "report.json").read_bytes())
    assert report["files"]["in/data.jsonl"] == {"inputs": 1, "rejected": 1}
    assert report["rejects_by_reason"] == {"binary": 1, "invalid_json": 1}
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["r0", "r1", "r2"]
    check = corpusclean("check", "in/data.jsonl", cwd=tmp_path)
    assert check.stdout.decode() == ("in/data.jsonl:1:1: CC001 binary content (NUL bytes), not text: run rejects it "
                                     "as binary\n")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_record_with_an_empty_text_beside_its_html_is_read_from_its_html(tmp_path, jobs):
    """A scraper writes "text": "" when its extraction found nothing, beside the page's "html": run took the
    empty text and rejected the record as empty (no text left after cleaning), exit 0, the article in its
    html lost; check said CC006. A record without a text (or null) was read from its html already."""
    page = ("<html><body><article><p>The city council approved a new budget for road repairs on Tuesday after a "
            "long debate.</p><p>Members argued for hours about school funding and the state of the bridges.</p>"
            "</article></body></html>")
    lines = [{"id": "empty", "text": "", "html": page}, {"id": "blank", "text": " \n", "raw_html": page},
             {"id": "none", "text": "", "html": 5}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    result = corpusclean("run", "in.jsonl", "-q", "--no-dedup", "--rejects", "rejects.jsonl", *jobs, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    written = {r["id"]: (r["text"], r["metadata"]["format"]) for r in jsonl(result.stdout)}
    article = ("The city council approved a new budget for road repairs on Tuesday after a long debate.\n"
               "Members argued for hours about school funding and the state of the bridges.")
    assert written == {"empty": (article, "html"), "blank": (article, "html")}
    assert [(r["id"], r["reject_reason"]) for r in jsonl((tmp_path / "rejects.jsonl").read_bytes())] == [
        ("none", "empty")]
    check = corpusclean("check", "--ignore", "CC015", "in.jsonl", cwd=tmp_path)  # the two pages are one text
    assert check.stdout.decode() == "in.jsonl:3:1: CC006 text is empty\n"


@pytest.mark.parametrize("jobs", JOBS)
def test_an_integer_metadata_field_beyond_64_bits_is_kept_in_extra(jobs, tmp_path):
    """A record's metadata line, replacement_chars or invalid_bytes beyond a 64-bit integer was written under our
    integer key as it was: Arrow (HF datasets, polars, pyarrow) read the column as doubles, the line
    123456789012345678901234567890 as 1.2345678901234568e+29, or refused it beside a file whose column is int64.
    Now such a value is kept exact in metadata.extra, as one of another type is, and the key holds ours."""
    huge, big = 123456789012345678901234567890, 2**63
    lines = [{"id": "a", "text": ZH_NEWS.splitlines()[0], "metadata": {"path": "x.txt", "line": huge,
                                                                       "invalid_bytes": big}},
             {"id": "b", "text": ZH_MORE.splitlines()[0], "metadata": {"line": -big - 1, "replacement_chars": 2**63 - 1}}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    result = corpusclean("run", "in.jsonl", "-q", "--no-dedup", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    out = (tmp_path / "out.jsonl").read_bytes()
    written = [r["metadata"] for r in jsonl(out)]
    assert [(m["line"], m["invalid_bytes"], m["replacement_chars"]) for m in written] == [(1, 0, 0), (2, 0, 2**63 - 1)]
    assert [json.loads(m["extra"]) for m in written] == [{"line": huge, "invalid_bytes": big}, {"line": -big - 1}]
    again = corpusclean("run", "out.jsonl", "-q", "--no-dedup", *jobs, cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, out), "read back as written"


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("option, name", [
    pytest.param("-o", "loop.jsonl", id="output"), pytest.param("--rejects", "loop.jsonl", id="rejects"),
    pytest.param("--report", "loop.json", id="report"), pytest.param("-o", "loop/out.jsonl", id="folder")])
def test_an_output_named_by_a_loop_of_links_is_one_line_and_exit_2(option, name, jobs, tmp_path):
    """An output path that is (or goes through) a symbolic link to itself ended in a traceback (RuntimeError:
    Symlink loop, from Path.resolve), exit 1; with that passed, -o loop.jsonl replaced the link with the records
    where the shell's `>` says 'Too many levels of symbolic links'. Now it is the one line an output that cannot
    be written gives, before any work, exit 2, and the link is left as it was."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / Path(name).parts[0]).symlink_to(Path(name).parts[0])
    outputs = ["-o", "out.jsonl"] if option != "-o" else []
    run = corpusclean("run", "in", "-q", option, name, *outputs, *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (
        2, f"corpusclean: cannot write {name}: Too many levels of symbolic links\n")
    assert os.readlink(tmp_path / Path(name).parts[0]) == Path(name).parts[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", Path(name).parts[0]]


def _article_page(before: str) -> str:
    """An HTML page of ZH_NEWS whose body opens with `before`, and no date our own reading of it finds."""
    paragraphs = "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
    return f"<html><head><title>{ZH_HEADLINE}</title></head><body>{before}<article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_htmldate_cannot_read_is_cleaned_and_the_run_goes_on(jobs, tmp_path):
    """htmldate, asked for a day where the page's own tags and lines gave none, raised ValueError on two kinds of
    page: a control character (a form feed, a stray \\x07) in a text beside a <script> or <style> (lxml refuses
    to set the text when htmldate drops it), and a date in the page whose zone is no zone ('+90'). The worker's
    error ended the whole run in a traceback, exit 1, no output. Now such a page gets no day from htmldate, is
    written as any other, and the run goes on."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "control.html").write_text(_article_page("<div>开头\x0c<script>var a = 1;</script>结尾</div>"), "utf-8")
    (folder / "zone.html").write_text(_article_page('<div class="time">2020-11-09T08:53:19+90</div>')
                                      .replace("市", "县"), "utf-8")
    (folder / "plain.html").write_text(_article_page("").replace("市", "省"), "utf-8")
    run = corpusclean("run", "in", "-q", "--no-dedup", "--report", "report.json", "-o", "out.jsonl", *jobs,
                      cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    written = {r["id"]: (r["created"], r["text"].splitlines()[0]) for r in jsonl((tmp_path / "out.jsonl").read_bytes())}
    assert written == {"in/control.html": ("", ZH_NEWS.splitlines()[0]),
                       "in/plain.html": ("", ZH_NEWS.splitlines()[0].replace("市", "省")),
                       "in/zone.html": ("", ZH_NEWS.splitlines()[0].replace("市", "县"))}
    assert json.loads((tmp_path / "report.json").read_text())["written"] == 3


@pytest.mark.parametrize("jobs", JOBS)
def test_a_crawl_wrapper_whose_encoding_holds_a_nul_is_read_as_if_it_declared_none(jobs, tmp_path):
    """A crawl wrapper's encoding= holding a NUL byte (a damaged dump: <text id=... encoding="gb\\x00k">) made
    codecs.lookup raise ValueError ('embedded null character') in the decode stage: the worker's error ended the
    whole run in a traceback, exit 1, no output file. Now the label is no charset, as an unknown one is, and
    the page is read as if it declared none."""
    wrapped = wrapped_beside_plain(tmp_path, b'<text id="http://example.cn/1" encoding="gb\x00k">\n'
                                   + ZH_NEWS.encode("gbk") + b"</text>\n", jobs)
    assert (wrapped["text"], wrapped["metadata"]["encoding"], wrapped["metadata"]["url"]) == (
        ZH_NEWS.strip(), "gb18030", "http://example.cn/1")


def wrapped_beside_plain(tmp_path, wrapped: bytes, jobs: list[str]) -> dict:
    """`run` on a page in a crawl wrapper (in/wrapped.txt) beside a plain page: exit 0, no message, the plain
    page written as it is; the wrapped page's record."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wrapped.txt").write_bytes(wrapped)
    (tmp_path / "in" / "plain.txt").write_text(ZH_MORE, "utf-8")
    run = corpusclean("run", "in", "-q", "--no-dedup", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert records["in/plain.txt"]["text"] == ZH_MORE
    return records["in/wrapped.txt"]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_chinese_page_in_the_utf_16_its_crawl_wrapper_declares_is_read(codec, jobs, tmp_path):
    """A crawl wrapper's encoding= was not asked before a page with NUL bytes was called binary: a Chinese page
    in UTF-16 without a byte order mark under '<text id=... encoding=utf-16le>' (its few NULs those of its ASCII,
    not the many of an English page's) was 'binary: binary content (NUL bytes), not text', exit 1, the page
    lost, where the decode stage reads a declared UTF-16. The binary test takes the declared encoding too."""
    label = codec.replace("-le", "le").replace("-be", "be")
    wrapped = wrapped_beside_plain(tmp_path, f'<text id="http://example.cn/1" encoding="{label}">\n'.encode()
                                   + ZH_NEWS.encode(codec) + b"</text>\n", jobs)
    assert (wrapped["text"], wrapped["metadata"]["encoding"], wrapped["metadata"]["url"]) == (
        ZH_NEWS.strip(), "utf-16", "http://example.cn/1")


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_chinese_page_in_utf_16_without_a_byte_order_mark_is_read(codec, jobs, tmp_path):
    """The sniff of UTF-16 without a byte order mark knew only mostly-ASCII text (a NUL in every other byte): a
    Chinese text page so saved, whose few NULs are its ASCII's, was 'binary: binary content (NUL bytes), not
    text', exit 1, the page lost, while the same text in English was read. Now bytes of few NULs are UTF-16 in
    the order whose strict reading is conclusively Chinese."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zh.txt").write_bytes(ZH_NEWS.encode(codec))
    (tmp_path / "in" / "tw.txt").write_bytes(TW_NEWS.encode(codec))
    (tmp_path / "in" / "random.txt").write_bytes(bytes(range(256)) * 40)
    run = corpusclean("run", "in", "-q", "--no-dedup", "--script", "keep", "-o", "out.jsonl", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (
        1, "corpusclean: in/random.txt: binary: binary content (NUL bytes), not text\n")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert {key: (r["text"], r["metadata"]["encoding"]) for key, r in records.items()} == {
        "in/zh.txt": (ZH_NEWS.strip(), "utf-16"), "in/tw.txt": (TW_NEWS.strip(), "utf-16")}


@pytest.mark.parametrize("jobs", JOBS)
def test_keep_earliest_reads_a_created_whose_moment_in_utc_leaves_the_calendar(jobs, tmp_path):
    """A record in this tool's shape dated at the calendar's edge with a zone (created 0001-01-01T00:30:00.000 at
    +01:00, or 9999-12-31T23:00:00.000 at -05:00: a zero time or a 'never' placeholder) has no moment in UTC:
    --keep earliest asked datetime for one, its OverflowError ended the run in a traceback, exit 1, no output.
    Now such a date orders as written, and the run goes on."""
    def record(doc_id: str, text: str, created: str, zone: str) -> str:
        metadata = {"path": "in.jsonl", "created_precision": "second", "created_timezone": zone}
        return json.dumps({"id": doc_id, "text": text, "created": created, "metadata": metadata}) + "\n"

    (tmp_path / "in.jsonl").write_text(record("zero", ZH_NEWS, "0001-01-01T00:30:00.000", "+01:00")
                                       + record("never", ZH_NEWS, "9999-12-31T23:00:00.000", "-05:00")
                                       + record("other", ZH_MORE, "2020-01-01T10:00:00.000", "+08:00"))
    run = corpusclean("run", "in.jsonl", "-q", *jobs, "--keep", "earliest", "-o", "out.jsonl",
                      "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (0, "")
    assert sorted(r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")) == ["other", "zero"]
    assert [(r["id"], r["duplicate_of"]) for r in read_jsonl_file(tmp_path / "rejects.jsonl")] == [("never", "zero")]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_path_given_that_cannot_be_looked_at_is_an_unreadable_input_and_the_run_goes_on(jobs, tmp_path):
    """A path named on the command line whose stat fails for another reason than that nothing is there (a name
    longer than the system takes; as another user, a file in a folder they may not enter) made pathlib's
    is_dir() raise: run and explain ended in a traceback, exit 1, before any work. Now it is an input that
    cannot be read, as a file without read permission is: one line naming it, exit 1, the rest read."""
    (tmp_path / "ok.txt").write_text(ZH_MORE, "utf-8")
    long_name = "x" * 300 + ".jsonl"
    run = corpusclean("run", long_name, "ok.txt", "-q", *jobs, "-o", "out.jsonl", "--report", "report.json",
                      cwd=tmp_path)
    assert (run.returncode, run.stderr.decode()) == (1, f"corpusclean: {long_name}: unreadable: File name too long\n")
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["ok.txt"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["written"], report["rejects_by_reason"]) == (2, 1, {"unreadable": 1})
    explain = corpusclean("explain", long_name, cwd=tmp_path)
    assert (explain.returncode, explain.stdout.decode()) == (1, "rejected: unreadable (File name too long)\n")


@pytest.mark.parametrize("jobs", JOBS)
def test_an_html_page_after_many_blank_lines_is_read_as_html(jobs, tmp_path):
    """A page generated by a template that prints blank lines before its doctype (PHP sites: thousands) was told
    from text by its first 4 KB: with more blank space than that, a page named .txt, without a suffix or on
    standard input was text, and its markup was written as the record's text, exit 0. The blank space before a
    document is skipped before it is looked at, as a browser skips it; so in a record's text with --text-format
    auto."""
    page = ("<!DOCTYPE html><html><head><title>防汛</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<article><h1>市气象台发布暴雨预警</h1>" + "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
            + "</article></body></html>")
    data = ("\n" * 3000 + "    \n" * 400 + page).encode("utf-8")
    (tmp_path / "in").mkdir()
    for name in ("page", "page.txt"):
        (tmp_path / "in" / name).write_bytes(data)
    for given, stdin in (("in", None), ("-", data)):
        run = corpusclean("run", given, "-q", *jobs, "--no-dedup", "-o", "out.jsonl", input=stdin, cwd=tmp_path)
        assert (run.returncode, run.stderr.decode()) == (0, "")
        records = read_jsonl_file(tmp_path / "out.jsonl")
        assert records and all(r["metadata"]["format"] == "html" and "<" not in r["text"]
                               and ZH_NEWS.splitlines()[1] in r["text"] for r in records)
    record = jsonl_line({"id": "r", "text": data.decode("utf-8")})
    run = corpusclean("run", "-", "-q", *jobs, "--text-format", "auto", input=record, cwd=tmp_path)
    assert [(r["metadata"]["format"], "<" in r["text"]) for r in jsonl(run.stdout)] == [("html", False)]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("first", [pytest.param(b"id\ttext\n", id="a-header-line"),
                                   pytest.param(b"null\n", id="null"),
                                   pytest.param('会议指出。'.encode() * 1000 + b'"}\n', id="a-record-cut-by-split-b"),
                                   pytest.param(b"\n" * 5000, id="blank-lines-past-4-kb")])
def test_json_lines_whose_first_line_is_no_record_are_read_as_json_lines(first, jobs, tmp_path):
    """JSON lines on standard input, or in a file without a suffix, were told from a page by their first 4 KB:
    a first line that opens no object (a header, a null, the end of a record cut by `split -b`, as its parts
    part-ab, part-ac... open, longer than 4 KB as often as not), or blank space past 4 KB, made the whole stream
    one text page, and its JSON was written as one record's text, exit 0: 3 or 4 records in, 1 out. Most lines
    after the first line of content opening an object make it JSON lines, looked at past a long first line or
    blank space: a first line that is no record is rejected (exit 1), every record read; check agrees."""
    records = b"".join(jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate(ZH_NEWS.splitlines(), 1))
    (tmp_path / "feed").write_bytes(first + records)
    bad = int(bool(first.strip()))
    for given, stdin in (("feed", None), ("-", first + records)):
        run = corpusclean("run", given, "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--report", "report.json",
                          input=stdin, cwd=tmp_path)
        assert run.returncode == bad, run.stderr.decode()
        assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["r1", "r2", "r3"]
        report = json.loads((tmp_path / "report.json").read_text())
        assert (report["inputs"], report["written"], report["rejected"]) == (3 + bad, 3, bad)
        assert run.stderr.decode().startswith(f"corpusclean: {given}:1: invalid_" if bad else "")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "feed").write_bytes(first + records)
    check = corpusclean("check", "data", "-q", "--select", "CC001,CC002,CC003,CC019", cwd=tmp_path)
    assert check.stdout.decode().startswith("data/feed:1:" if bad else ""), check.stderr.decode()
    assert (check.returncode, check.stdout.decode().count("\n")) == (bad, bad)



def stopped_run_leaves_nothing(tmp_path: Path, script: str, jobs: list[str]) -> None:
    """`run` under `script` (which stops it by a signal where it says) ends with SIGTERM's status and one line,
    and leaves no output, no temporary file and no spool behind."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The council approved the budget on Tuesday after a long debate.\n")
    (tmp_path / "stopping.py").write_text(script)
    env = isolated_tmp(tmp_path)
    result = subprocess.run([sys.executable, "stopping.py", "run", "in", "-q", *jobs, "-o", "out.jsonl",
                             "--rejects", "rejects.jsonl", "--report", "report.json"],
                            cwd=tmp_path, env=env, capture_output=True, timeout=60)
    assert (result.returncode, result.stderr.decode()) == (143, "corpusclean: stopped by signal 15\n")
    assert not any((tmp_path / name).exists() for name in ("out.jsonl", "rejects.jsonl", "report.json"))
    assert leftovers(tmp_path) == [] and leftovers(Path(env["TMPDIR"])) == []


STOP_WHILE_REPORTING = '''
import signal, sys
from corpusclean import cli, runner

write_json_file = runner.write_json_file


def write_json_file_under_a_stop(target, obj):
    signal.raise_signal(signal.SIGTERM)  # the handler raises here, as a signal finds a run writing its report
    write_json_file(target, obj)


runner.write_json_file = write_json_file_under_a_stop
sys.argv = ["corpusclean", *sys.argv[1:]]
cli.main()
'''


@pytest.mark.parametrize("jobs", JOBS)
def test_a_stop_while_the_report_is_written_leaves_no_temporary_outputs(jobs, tmp_path):
    """Ctrl-C, SIGTERM or SIGHUP once every record was written, while the report was made and written (11 s for
    a run of a million files) or the outputs put in place, ended the run (exit 130, 143) but left every output's
    temporary file in its folder: the whole run's records in a hidden .out.jsonl.*.tmp. They go, as they go
    when a signal stops the run earlier."""
    stopped_run_leaves_nothing(tmp_path, STOP_WHILE_REPORTING, jobs)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_in_utf_7_holding_a_lone_surrogate_is_read_and_the_run_goes_on(jobs, tmp_path):
    """UTF-7's base64 escapes name any UTF-16 code unit, and '+2AA-' decodes to a lone surrogate (U+D800), which
    no other codec read gives and UTF-8 cannot hold: a Chinese page read in the UTF-7 its crawl wrapper or
    <meta> declares, holding one, ended the whole run in a worker's traceback (the language stage's
    UnicodeEncodeError, 'surrogates not allowed'), exit 1, no output, for one such page among any number. Each
    lone surrogate a reading gives is U+FFFD, counted in invalid_bytes, as in a JSONL record."""
    (tmp_path / "in").mkdir()
    lines = ZH_NEWS.splitlines()
    text = "\n".join([lines[0], lines[1] + "+2AA-", lines[2]])  # '+2AA-' is no UTF-7 of a character: raw ASCII
    utf7 = "\n".join(line.encode("utf-7").decode("ascii") if "+2AA-" not in line
                     else line[:-5].encode("utf-7").decode("ascii") + "+2AA-" for line in text.splitlines())
    (tmp_path / "in" / "wrapped.txt").write_text(f"<text id=a encoding=utf-7>\n{utf7}\n</text>\n", "ascii")
    page = f'<html><head><meta charset="utf-7"></head><body><p>{"</p><p>".join(utf7.splitlines())}</p></body></html>'
    (tmp_path / "in" / "page.html").write_text(page, "ascii")
    (tmp_path / "in" / "plain.txt").write_text(ZH_MORE, "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == ["in/page.html", "in/plain.txt", "in/wrapped.txt"]
    for name in ("in/page.html", "in/wrapped.txt"):
        assert records[name]["text"] == "\n".join([lines[0], lines[1] + "\ufffd", lines[2]]), records[name]
        assert (records[name]["metadata"]["encoding"], records[name]["metadata"]["invalid_bytes"]) == ("utf-7", 1)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_line_of_a_million_unbalanced_brackets_does_not_stall_the_run(jobs, tmp_path):
    """A line of n full-width '（' then n '）' (a scraped page's runaway markup) cost the metadata stage time
    quadratic in n: reading it as a metadata line unwrapped one bracket pair at a time, each a copy of the rest
    of the line, 69-88 s for a million pairs (one page stalling a run that has millions to go). Unwrapping
    moves two indices and slices once: 3 s for the whole run."""
    (tmp_path / "in").mkdir()
    n = 1_000_000
    (tmp_path / "in" / "brackets.txt").write_text(f"{ZH_NEWS}{'（' * n}{'）' * n}\n", "utf-8")
    (tmp_path / "in" / "plain.txt").write_text(ZH_MORE, "utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "corpusclean", "run", "in", "-q", *jobs, "-o", "out.jsonl"],
                                cwd=tmp_path, capture_output=True, timeout=40)
    except subprocess.TimeoutExpired:
        pytest.fail("one page of a million bracket pairs stalled the run for over 40 s")
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == ["in/brackets.txt", "in/plain.txt"]
    assert records["in/brackets.txt"]["text"].endswith("（" * 10 + "）" * n)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_utf_16_page_with_a_bad_code_unit_is_read_with_it_counted(jobs, tmp_path):
    """A UTF-16 (or UTF-32) page with its byte order mark and one bad code unit mid-file (a lone surrogate) was
    rejected whole as 'undecodable: binary content', exit 1: the message named no fault of the page, and a page
    in any other encoding with a damaged byte or two is read, each bad byte U+FFFD and counted. Now it is read
    so too: the bad unit's bytes U+FFFD, counted in invalid_bytes. Bytes that are mostly no UTF-16 after its
    byte order mark stay undecodable, and the message says so."""
    (tmp_path / "in").mkdir()
    english = "The council approved the budget on Tuesday after a long debate.\n"
    pages = {"zh.txt": ("utf-16-le", codecs.BOM_UTF16_LE, ZH_NEWS), "en.txt": ("utf-16-be", codecs.BOM_UTF16_BE, english),
             "zh.html": ("utf-16-le", codecs.BOM_UTF16_LE, f"<html><body><p>{ZH_NEWS}</p></body></html>"),
             "en32.txt": ("utf-32-le", codecs.BOM_UTF32_LE, english)}
    bad_units = {"utf-16-le": b"\x00\xdc", "utf-16-be": b"\xdc\x00", "utf-32-le": b"\x00\x00\x11\x00"}
    expected = {}
    for name, (codec, bom, text) in pages.items():
        data, width = text.encode(codec), len(bad_units[codec])
        at = (len(data) // 2) // width * width
        (tmp_path / "in" / name).write_bytes(bom + data[:at] + bad_units[codec] + data[at + width:])
        expected[f"in/{name}"] = (text[:at // width] + "\ufffd" * width + text[at // width + 1:], codec[:6], width)
    (tmp_path / "in" / "noise.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xdc" * 40 + english.encode("utf-16-le"))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         "--report", "report.json", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (
        1, "corpusclean: in/noise.txt: undecodable: 80 of its 210 bytes are no utf-16, after its utf-16 byte order mark\n")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert sorted(records) == sorted(expected)
    for name, (text, encoding, invalid) in expected.items():
        record = records[name]
        if name.endswith(".html"):
            text = " ".join(text.removeprefix("<html><body><p>").removesuffix("</p></body></html>").split())
        assert record["text"] == text.strip(), name
        assert (record["metadata"]["encoding"], record["metadata"]["invalid_bytes"]) == (encoding, invalid), name
    assert [r["id"] for r in read_jsonl_file(tmp_path / "rejects.jsonl")] == ["in/noise.txt"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["written"], report["rejected"]) == (5, 4, 1)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("tag", ["span", "font", "strong"])
def test_a_page_whose_paragraphs_each_leave_an_inline_element_open_is_read(tag, jobs, tmp_path):
    """libxml2 nests each paragraph inside the inline element the paragraph before left open ('<p><span>text',
    a template's missing '</span>'), where a browser closes it at the next paragraph: 1,024 such paragraphs
    reach libxml2's depth limit (2048, huge_tree or not), and the whole page was rejected as truncated_html,
    exit 0, not a word on stderr, its text all there. The page is parsed again without its inline formatting
    tags (span, font, b, strong, ...), which hold no text of their own; a page still too deep without them
    (2,100 nested divs) is truncated_html as before."""
    paragraphs = [f"<p><{tag} class=x>第{n}段：{ZH_NEWS.splitlines()[n % 3]}\n" for n in range(1100)]
    lines = _lines_read_beside_deep_divs(tmp_path, "open.html", paragraphs, jobs)
    assert len(lines) == 1100
    assert lines[0] == "第0段：" + ZH_NEWS.splitlines()[0] and lines[-1] == "第1099段：" + ZH_NEWS.splitlines()[1]


def _lines_read_beside_deep_divs(tmp_path, name: str, paragraphs: list[str], jobs) -> list[str]:
    """`run` over a page of the paragraphs (`name`) beside 2,100 nested divs: the page's text lines, the divs
    rejected as truncated_html, exit 0 and nothing on stderr."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(
        f"<html><head><title>防汛</title></head><body><div class=content>{''.join(paragraphs)}</div></body></html>", "utf-8")
    (tmp_path / "in" / "deep.html").write_text(
        "<html><body>" + "<div>" * 2100 + f"<p>{ZH_MORE}</p>" + "</div>" * 2100 + "</body></html>", "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    [record] = jsonl((tmp_path / "out.jsonl").read_bytes())
    [reject] = jsonl((tmp_path / "rejects.jsonl").read_bytes())
    assert (record["id"], reject["id"], reject["reject_reason"]) == (f"in/{name}", "in/deep.html", "truncated_html")
    return record["text"].splitlines()


@pytest.mark.parametrize("jobs", JOBS)
def test_an_article_after_the_pages_closing_html_tag_is_read(jobs, tmp_path):
    """A page whose template closes the document before the article ('</body></html>' at the end of an included
    header, the article after it), which a browser shows as the page's body: libxml2 (2.14) drops every byte after
    '</html>' without an error, and the page was written without its article (the one paragraph before it), or
    rejected as no_content or, Chinese, truncated_html, exit 0, not a word on stderr; a '</html>' inside the
    article lost the paragraphs after it. A page with text after '</html>' is parsed again without its '</body>'
    and '</html>' tags."""
    (tmp_path / "in").mkdir()
    english = ["The council approved the budget on Tuesday after a long debate that ran late into the evening.",
               "The mayor said the new library would open in the spring, after two years of work on the old mill.",
               "Residents who spoke at the meeting asked for longer opening hours at weekends and in the holidays.",
               "The budget also sets aside money to repair the footbridge over the river, closed since the floods.",
               "Councillors from the opposition voted against it, saying that the rise in parking fees was too steep.",
               "The finance officer said the council would publish a full breakdown of the spending next month."]
    header = "<html><head><title>News</title></head><body><div class=nav><a href=/>Home</a> <a href=/n>News</a></div>"
    pages = {
        "en.html": header + "</body></html>\n<div class=article>" + "".join(f"<p>{line}</p>" for line in english),
        "zh.html": header + "</body></html>\n<div class=article>" + "".join(f"<p>第{n}段：{line}</p>" for n in range(2)
                                                                         for line in ZH_NEWS.splitlines()),
        "lead.html": f"<html><body><p>{english[0]}</p></body></html>\n" + "".join(f"<p>{line}</p>" for line in english[1:]),
        "half.html": "<html><body>" + "".join(f"<p>{line}</p>" for line in english[:4]) + "</body></html>"
                     + "".join(f"<p>{line}</p>" for line in english[4:]),
    }
    for name, page in pages.items():
        (tmp_path / "in" / name).write_text(page, "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    assert (tmp_path / "rejects.jsonl").read_bytes() == b""
    records = {r["id"]: r["text"].splitlines() for r in jsonl((tmp_path / "out.jsonl").read_bytes())}
    assert records["in/en.html"] == records["in/lead.html"] == records["in/half.html"] == english
    assert len(records["in/zh.html"]) == 6 and records["in/zh.html"][-1].endswith(ZH_NEWS.splitlines()[-1])


def cesu_8(text: str) -> bytes:
    """The text in CESU-8 (Java's and Oracle's 'UTF-8'): a character beyond U+FFFF as the UTF-8 of each of its two
    UTF-16 surrogates, three bytes each, where UTF-8 writes it in four."""
    pairs = "".join(chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + (ord(c) & 0x3FF)) if ord(c) > 0xFFFF else c
                    for c in text)
    return pairs.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_in_cesu_8_is_read_as_the_utf_8_it_is(jobs, tmp_path):
    """A UTF-8 page whose characters beyond U+FFFF (an emoji, a rare Han character of Extension B) are written as
    the UTF-8 of their two surrogates (CESU-8, as Java's modified UTF-8 and Oracle's UTF8 write them): strict UTF-8
    refuses those bytes, and an English page with one emoji was read as cp1252 ('í ½í¸€' in its text, exit 0); a
    Chinese page with three was rejected as undecodable, its 18 bytes too many damaged ones. Each such pair is
    now read as the character it encodes, as UTF-8; a lone encoded surrogate is a damaged byte as before."""
    (tmp_path / "in").mkdir()
    english = EN_NEWS.replace("Tuesday", "Tuesday 😀") + "Residents cheered the vote 🎉 outside the hall.\n"
    chinese = ZH_NEWS.replace("。", "😀。") + "𠀋𠮷字也在其中。\n"
    pages = {"en.txt": english, "zh.txt": chinese, "zh.html": f"<html><head><meta charset=utf-8></head><body>"
             + "".join(f"<p>{line}</p>" for line in chinese.splitlines()) + "</body></html>"}
    for name, text in pages.items():
        (tmp_path / "in" / name).write_bytes(cesu_8(text))
    (tmp_path / "in" / "bom.txt").write_bytes(codecs.BOM_UTF8 + cesu_8(english.replace("council", "board")))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--no-template", "-o", "out.jsonl",
                         "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    assert (tmp_path / "rejects.jsonl").read_bytes() == b""
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert records["in/en.txt"]["text"].splitlines() == english.splitlines()
    assert records["in/bom.txt"]["text"].splitlines() == english.replace("council", "board").splitlines()
    assert records["in/zh.txt"]["text"].splitlines() == records["in/zh.html"]["text"].splitlines() == chinese.splitlines()
    assert {(r["metadata"]["encoding"], r["metadata"]["invalid_bytes"]) for r in records.values()} == {("utf-8", 0)}


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_whose_paragraphs_each_leave_a_link_open_is_read(jobs, tmp_path):
    """libxml2 nests each paragraph inside the link the paragraph before left open ('<p>text<a href=...>more', a
    template's missing '</a>'), as it does an inline element: 1,024 such paragraphs reach its depth limit, and
    the page, parsed again without its inline formatting tags (which keep links), was still rejected as
    truncated_html, exit 0, its text all there. A page still too deep without those tags is parsed once more
    without its links' tags too; 2,100 nested divs are truncated_html as before."""
    zh = ZH_NEWS.splitlines()
    paragraphs = [f"<p><a href=/n/{n}.html>第{n}段</a>：{zh[n % 3]}<a href=/more/{n}>详情\n" for n in range(1100)]
    lines = _lines_read_beside_deep_divs(tmp_path, "links.html", paragraphs, jobs)
    assert len(lines) == 1100
    assert lines[0] == f"第0段：{zh[0]}详情" and lines[-1] == f"第1099段：{zh[1099 % 3]}详情"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_gzip_file_with_one_stray_byte_after_its_member_is_not_called_truncated(jobs, tmp_path):
    """One byte after a gzip member's end that can open no member ('x', not gzip's 1f) was taken for a next
    member cut short: 'the stream ends inside a member (a truncated file)', where two such bytes are 'Not a
    gzipped file'. It is damage after the data, said so; a lone 1f is still a next member cut short."""
    import gzip

    (tmp_path / "in").mkdir()
    records = b"".join(jsonl_line({"id": f"r{n}", "text": f"第{n}条：{ZH_NEWS}"}) for n in range(3))
    (tmp_path / "in" / "x.jsonl.gz").write_bytes(gzip.compress(records) + b"x")
    (tmp_path / "in" / "cut.jsonl.gz").write_bytes(gzip.compress(records.replace(b'"r', b'"c')) + b"\x1f")
    (tmp_path / "in" / "x.txt.gz").write_bytes(gzip.compress(ZH_NEWS.encode()) + b"x")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "corpusclean: in/cut.jsonl.gz:4: unreadable: read failed: gzip: the stream ends inside a member (a truncated "
        "file); its first 3 line(s) were read, the rest of the file is lost",
        "corpusclean: in/x.jsonl.gz:4: unreadable: read failed: Not a gzipped file (b'x'); its first 3 line(s) were "
        "read, the rest of the file is lost",
        "corpusclean: in/x.txt.gz: unreadable: read failed: Not a gzipped file (b'x')"]
    assert len(read_jsonl_file(tmp_path / "out.jsonl")) == 6


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_in_hz_or_iso_2022_undeclared_is_read_not_written_as_its_escapes(jobs, tmp_path):
    """HZ (GB2312 between '~{' and '~}', as Chinese Usenet and mail archives hold it) and ISO-2022-JP-2 (CJK after
    ESC $ designations) write their text in ASCII bytes: a page in either, declaring nothing (or gb2312, as HZ is
    labelled), was read as ASCII and written as its escapes ('~{;aRiV83v#,=qDjHkQ4RT@4'), lang 'other', exit 0.
    Such ASCII bytes are read in the escape encoding when that reading is Chinese (HZ: ASCII text may hold '~{')
    or, after an ESC, which no text holds, plausible (in the ISO-2022 codec a page declares, first); an English page
    mentioning '~{' stays as it is."""
    (tmp_path / "in").mkdir()
    japanese = "東京都は本日、今年の梅雨に備えた総合対策を発表した。都は低地の浸水を防ぐため、排水施設の点検を進めている。\n"
    code = "In Perl, the pattern s~{x}~y~ swaps braces; the council's web team used it to fix the old pages.\n" + EN_NEWS
    pages = {"hz.txt": ZH_NEWS.encode("hz"), "jp2.txt": ZH_MORE.encode("iso2022_jp_2"),
             "ja.txt": japanese.encode("iso2022_jp"), "code.txt": code.encode("ascii"),
             "hz.html": ("<html><head><meta charset=gb2312></head><body>" + "".join(
                 f"<p>{line}</p>" for line in ZH_NEWS.splitlines()) + "</body></html>").encode("hz"),
             "ja.html": (f"<html><head><meta charset=iso-2022-jp></head><body><p>{japanese}</p></body></html>"
                         ).encode("iso2022_jp")}
    for name, data in pages.items():
        (tmp_path / "in" / name).write_bytes(data)
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--no-template", "--script", "keep", "-o", "out.jsonl",
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"].removeprefix("in/"): r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert {name: (r["text"].splitlines(), r["metadata"]["encoding"]) for name, r in records.items()} == {
        "hz.txt": (ZH_NEWS.splitlines(), "hz"), "hz.html": (ZH_NEWS.splitlines(), "hz"),
        "jp2.txt": (ZH_MORE.splitlines(), "iso2022_jp_2"), "ja.txt": (japanese.splitlines(), "iso2022_jp_2"),
        "ja.html": (japanese.splitlines(), "iso2022_jp"),   # as it declares, as before
        "code.txt": (code.splitlines(), "utf-8")}


@pytest.mark.parametrize("jobs", JOBS)
def test_an_output_its_input_glob_matches_is_a_usage_error_on_the_first_run_too(jobs, tmp_path):
    """run 'in/*.jsonl' -o in/out.jsonl wrote its records where its own glob matches them, and only the second run
    was refused ('output in/out.jsonl is also an input file'), as a folder named is refused the first time. Now
    an output a glob would match is refused before any work, however it is named (--rejects too); one the glob
    skips (a hidden name) is written."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"id": "a", "text": ZH_NEWS}, ensure_ascii=False) + "\n")
    for pattern, option, out in (("in/*.jsonl", "-o", "in/out.jsonl"), ("in/**/*.jsonl", "--rejects", "in/rejects.jsonl"),
                                 (str(tmp_path / "in" / "?.jsonl"), "-o", "in/b.jsonl")):
        result = corpusclean("run", pattern, "-q", *jobs, option, out, cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr.decode()) == (
            2, b"", f"corpusclean: error: output {out} is a file the input glob {pattern!r} matches: the next run would "
                    "read it\n")
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["a.jsonl"]
    result = corpusclean("run", "in/*.jsonl", "-q", *jobs, "-o", "in/.out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [r["id"] for r in jsonl((tmp_path / "in" / ".out.jsonl").read_bytes())] == ["a"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_jsonl_line_in_cesu_8_is_read_as_the_utf_8_it_is_and_check_says_what_it_holds(jobs, tmp_path):
    """A JSONL line whose emoji are written as the UTF-8 of their two surrogates (CESU-8, as an Oracle or Java export
    writes them) was rejected as 'the line is not UTF-8, and JSONL must be UTF-8 (iconv converts it from its
    encoding)' (six bad bytes an emoji, over the 2% a damaged line may hold), its record lost and the advice
    wrong: iconv has no such encoding. run now reads each pair as its character, as in a page, and writes UTF-8;
    check still flags the line (CC001: other readers refuse it), saying what it holds."""
    (tmp_path / "in").mkdir()
    english = "The council approved the budget on Tuesday after a long debate about school funding 😀."
    chinese = ZH_NEWS.replace("。", "🎉。", 1)
    lines = [cesu_8(json.dumps({"id": "en", "text": english}, ensure_ascii=False)),
             cesu_8(json.dumps({"id": "zh", "text": chinese}, ensure_ascii=False))]
    (tmp_path / "in" / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    records = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert (records["en"]["text"], records["zh"]["text"].splitlines()) == (english, chinese.splitlines())
    assert {r["metadata"]["invalid_bytes"] for r in records.values()} == {0}
    check = corpusclean("check", "in/a.jsonl", cwd=tmp_path)
    assert check.returncode == 1
    assert [line.split(" CC001 ")[1] for line in check.stdout.decode().splitlines()] == [
        "invalid JSON: character(s) beyond U+FFFF written as the UTF-8 of two surrogates (CESU-8), which other readers "
        "refuse; run reads each as its character"] * 2


@pytest.mark.parametrize("jobs", JOBS)
def test_a_zero_width_joiner_that_joins_is_kept(jobs, tmp_path):
    """The whitespace stage dropped every zero-width joiner and non-joiner, exit 0: an emoji sequence came apart
    ('🤹‍♀️' a woman juggling written '🤹♀️', a juggler and a female sign; '👨‍👩‍👧' three people; '🏳️‍🌈' a
    white flag and a rainbow) and a Persian word lost its non-joiner ('می‌خواهم' written 'میخواهم', misspelt).
    A joiner between two such characters is kept; one between Han characters or ASCII, or at an edge, goes."""
    english = ("The juggler \U0001f939\u200d\u2640\ufe0f walked on stage with the family \U0001f468\u200d\U0001f469\u200d"
               "\U0001f467 and a \U0001f3f3\ufe0f\u200d\U0001f308 flag, and the council approved the budget on Tuesday.")
    persian = ("\u0627\u06cc\u0646 \u06cc\u06a9 \u0645\u062a\u0646 \u0641\u0627\u0631\u0633\u06cc \u0627\u0633\u062a "
               "\u06a9\u0647 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0622\u0646 \u0631\u0627 "
               "\u0628\u0646\u0648\u06cc\u0633\u0645 \u0648 \u0628\u0628\u06cc\u0646\u0645 \u0686\u0647 "
               "\u0645\u06cc\u200c\u0634\u0648\u062f.")
    watermarked = ZH_NEWS.replace("气象台", "气\u200d象\u200c台")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                                                     for i, t in (("en", english), ("fa", persian), ("zh", watermarked))))
    (tmp_path / "in" / "page.txt").write_text(english.replace("Tuesday", "Monday") + "\n", "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--script", "keep", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    texts = {r["id"]: r["text"] for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert texts == {"en": english, "fa": persian, "zh": ZH_NEWS.strip(), "in/page.txt": english.replace("Tuesday", "Monday")}
    check = corpusclean("check", "out.jsonl", cwd=tmp_path)
    assert (check.returncode, check.stdout) == (0, b"")


@pytest.mark.parametrize("jobs", JOBS)
def test_an_output_named_with_a_trailing_slash_is_a_folder_not_a_file(jobs, tmp_path):
    """-o out/ (or --rejects, --report) naming a folder that is not there yet wrote the output to a file named
    out, exit 0 (realpath drops the slash), where the shell's '> out/' refuses and an existing out/ is 'cannot
    write out/: it is a folder': the records were not where the user said, and a later 'mkdir out' failed."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_NEWS, "utf-8")
    for option in ("-o", "--rejects", "--report"):
        others = [] if option == "-o" else ["-o", "clean.jsonl"]
        result = corpusclean("run", "in", "-q", *jobs, *others, option, "out/", cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr.decode()) == (
            2, b"", "corpusclean: cannot write out/: a name ending in / names a folder, not a file\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_record_in_this_tools_shape_that_states_no_language_gets_one_detected(jobs, tmp_path):
    """A record in this tool's shape (metadata.path) whose metadata.lang was "" (as this tool writes a string
    nobody found), null or of another type kept no language: written with lang "", and the script stage, for
    which no language is maybe Chinese, converted a Japanese text's kanji to Simplified Chinese ('東京' '东京',
    '築地' '筑地'), exit 0. Its language is detected now; a language the record states is still kept."""
    japanese = ("東京都は新しい建築基準を発表しました。築地市場の跡地に大規模な國際会議場を建設する計画です。"
                "関係者によると、工事は來年春に始まる予定です。")
    records = [{"id": f"ja-{n}", "text": japanese + str(n), "metadata": {"path": "crawl/ja.jsonl", "lang": lang}}
               for n, lang in enumerate(["", None, ["ja"]])]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    written = read_jsonl_file(tmp_path / "out.jsonl")
    assert [(r["text"], r["metadata"]["lang"]) for r in written] == [(japanese + str(n), "other") for n in range(3)]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_record_in_this_tools_shape_with_empty_fields_keeps_what_its_text_gives(jobs, tmp_path):
    """A record in this tool's shape (metadata.path) stating author, editor, publisher and created_precision as
    "" (as this tool writes a string nobody found, and so a record made in its shape by another tool) had its
    byline, editor, source and date lines removed from the text and their values dropped: written with author,
    editor, publisher and created all empty, the names and the date in neither the text nor the metadata, exit 0.
    A key stated empty states nothing (but the title, which run's own records state "" where they found none)."""
    text = ("2020-11-09 08:53:19 来源： 浙江工人日报\n一项工会工作传统品牌，历久弥新，生机盎然。全省各级工会组织广泛开展劳动和"
            "技能竞赛，取得显著成效。\n记者 阮向民\n编辑： 李方")
    empty = {"path": "crawl/a.jsonl", "title": "", "author": "", "editor": "", "publisher": None,
             "created_precision": "", "created_timezone": ""}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text("".join(
        json.dumps({"id": id, "text": text, "created": "", "metadata": metadata}, ensure_ascii=False) + "\n"
        for id, metadata in (("ours", empty), ("plain", {}))), "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "-o", "out.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    written = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    for record in written.values():
        assert record["text"].startswith("一项工会工作传统品牌")
        assert (record["created"], [record["metadata"][k] for k in ("author", "editor", "publisher")]) == (
            "2020-11-09T08:53:19.000", ["阮向民", "李方", "浙江工人日报"])


def test_check_fix_keeps_the_lines_that_carry_a_records_date_source_and_names(tmp_path):
    """check --fix removed a record's metadata lines (CC014) as run removes them, but writes the text alone: run
    lifts the date, source, byline and editor into created and metadata, --fix had nowhere to put them, and the
    record lost them, exit 0, 'fixed a.jsonl' (run on the fixed file: created "", author, editor and publisher
    ""). Those lines now stay, and are still reported; the other lines run removes go as before."""
    text = ("市区新增三处口袋公园\n发布时间：2022-04-02 10:30 来源：晚报\n记者 张三\n市园林局今天表示，三处口袋公园已于本周对市民"
            "开放，每处面积约两千平方米，配有座椅和儿童游乐设施。\n附近居民说，公园让小区周边的环境明显改善，傍晚时分前来散步的人很多。"
            "\n责任编辑：李方\n版权所有 © 2024 示例新闻网")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    before = jsonl(corpusclean("run", "a.jsonl", "-q", cwd=tmp_path).stdout)
    fix = corpusclean("check", "--fix", "a.jsonl", cwd=tmp_path)
    assert fix.returncode == 1 and [line.split(": ", 2)[1].split(" text line")[0] for line in
                                    fix.stdout.decode().splitlines()] == ["CC014"] * 3
    fixed = read_jsonl_file(tmp_path / "a.jsonl")[0]["text"]
    assert fixed == text.rsplit("\n", 1)[0]  # the copyright line went
    after = jsonl(corpusclean("run", "a.jsonl", "-q", cwd=tmp_path).stdout)
    fields = ("created", "author", "editor", "publisher")
    assert [[r["created"], *(r["metadata"][k] for k in fields[1:])] for r in before + after] == [
        ["2022-04-02T10:30:00.000", "张三", "李方", "晚报"]] * 2
    assert before[0]["text"] == after[0]["text"]
    again = corpusclean("check", "--fix", "a.jsonl", cwd=tmp_path)
    assert (again.returncode, read_jsonl_file(tmp_path / "a.jsonl")[0]["text"]) == (1, fixed)


@pytest.mark.parametrize("jobs", JOBS)
def test_text_format_html_reads_a_text_without_a_tag_as_text(jobs, tmp_path):
    """run --text-format html read every JSONL text as HTML, one without any tag too (a record of a feed whose
    extraction gave plain text beside others of HTML): its lines ran together into one, as HTML runs a page's
    line breaks together, exit 0. A text without a tag, comment or doctype is text, as under html or raw_html
    and as a page named .html that holds none; one with markup is HTML as before."""
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in ZH_MORE.splitlines()) + "</body></html>"
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "plain", "text": ZH_NEWS}, ensure_ascii=False) + "\n"
                                      + json.dumps({"id": "html", "text": html}, ensure_ascii=False) + "\n", "utf-8")
    result = corpusclean("run", "a.jsonl", "-q", *jobs, "--text-format", "html", "--no-dedup", "-o", "out.jsonl",
                         cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    written = {r["id"]: r for r in read_jsonl_file(tmp_path / "out.jsonl")}
    assert written["plain"]["text"].splitlines() == ZH_NEWS.splitlines()
    assert written["plain"]["metadata"]["format"] == "txt"
    assert (written["html"]["text"].splitlines(), written["html"]["metadata"]["format"]) == (ZH_MORE.splitlines(), "html")


def _tar(files: dict[str, bytes]) -> bytes:
    import io
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


@pytest.mark.parametrize("jobs", JOBS)
def test_a_tar_archive_is_one_clear_reject_not_json_lines_glued_to_its_headers(jobs, tmp_path):
    """A tar archive read as JSON lines (named .jsonl, .jsonl.gz or without a suffix, or on standard input:
    `tar cf - *.jsonl | corpusclean run -`) had each file's first line glued to the 512-byte header before it,
    rejected as invalid_json in JSON's words ('unexpected character'), its record lost, and the padding after the
    last file was one more: 118 of 120 records written and three rejects that never said tar. A page archive was
    'binary content (NUL bytes)'. Now the archive is one unreadable reject that says what it is, as a zip file
    is; check says the same (exit 2). A JSONL file with 'ustar' at byte 257 but no tar version after it (Spanish
    text: 'gustaría') is JSON lines as before."""
    import gzip
    import tarfile

    files = {f"f{n}.jsonl": b"".join(jsonl_line({"id": f"f{n}-{i}", "text": f"{ZH_NEWS}{n}-{i}"}) for i in range(60))
             for n in range(2)}
    archive = _tar(files)
    (tmp_path / "data.jsonl").write_bytes(archive)
    (tmp_path / "data.jsonl.gz").write_bytes(gzip.compress(archive))
    (tmp_path / "pages.tar").write_bytes(_tar({"a.txt": ZH_NEWS.encode()}))
    posix = tmp_path / "posix"
    with tarfile.open(posix, "w", format=tarfile.PAX_FORMAT) as pax:  # "ustar\x0000", as POSIX tar writes it
        pax.add(tmp_path / "pages.tar", arcname="pages.tar")
    names = ["data.jsonl", "data.jsonl.gz", "pages.tar", "posix"]
    run = corpusclean("run", *names, "-", "-q", "-o", "out.jsonl", "--rejects", "rejects.jsonl", *jobs,
                      input=archive, cwd=tmp_path)
    inside = {"data.jsonl.gz": "read failed: a tar archive inside gzip"}
    said = [f"corpusclean: {name}: unreadable: {inside.get(name, 'a tar archive')}, which this tool does not read: "
            "extract it (tar xf) and give the folder of its files" for name in [*names, "-"]]
    assert (run.returncode, sorted(run.stderr.decode().splitlines())) == (1, sorted(said))
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert [r["reject_reason"] for r in read_jsonl_file(tmp_path / "rejects.jsonl")] == ["unreadable"] * 5
    check = corpusclean("check", "data.jsonl", cwd=tmp_path)
    assert (check.returncode, check.stdout.decode(), check.stderr.decode()) == (
        2, "", "corpusclean: error: cannot read data.jsonl: a tar archive, which this tool does not read: extract it "
               "(tar xf) and give the folder of its files\n")
    assert posix.read_bytes()[257:265] == b"ustar\x0000"

    spanish = jsonl_line({"id": "es", "text": "x" * 230 + " me gustaría leer el artículo entero, gracias."})
    assert spanish[257:262] == b"ustar"
    (tmp_path / "es.jsonl").write_bytes(spanish)
    read = corpusclean("run", "es.jsonl", "-q", *jobs, cwd=tmp_path)
    assert (read.returncode, [r["id"] for r in jsonl(read.stdout)]) == (0, ["es"])


@pytest.mark.parametrize("jobs", JOBS)
def test_a_zone_offset_in_full_width_digits_is_written_in_ascii(jobs, tmp_path):
    """An offset whose digits are full width ('+０８:００', as a Chinese page's dateline or a record's created may
    write it) was read (its hours as a number) but its minutes were written as they stood: created_timezone
    '+08:００', exit 0, a zone no ISO 8601 reader takes (datetime.fromisoformat refuses it). The offset is written
    in ASCII digits, as its hours were."""
    from datetime import datetime

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"防汛工作会议召开\n2023-05-01 10:30 +０８:００\n{ZH_NEWS}", "utf-8")
    (tmp_path / "in" / "b.jsonl").write_bytes(jsonl_line({"id": "b", "text": ZH_MORE,
                                                         "created": "2023-05-01T10:30:00-０５:３０"}))
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    written = {r["id"]: r for r in jsonl(result.stdout)}
    zones = {key: written[key]["metadata"]["created_timezone"] for key in ("in/a.txt", "b")}
    assert zones == {"in/a.txt": "+08:00", "b": "-05:30"}
    assert all(datetime.fromisoformat(f"{written[key]['created']}{zone}") for key, zone in zones.items())


def _warc_record(uri: str, html: str) -> bytes:
    body = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}".encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2023-05-01T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    return head + body + b"\r\n\r\n"


@pytest.mark.parametrize("jobs", JOBS)
def test_a_warc_file_is_one_clear_reject_not_one_record_of_every_page(jobs, tmp_path):
    """A WARC file (a crawl's archive), plain or gzip per record as crawlers write it, named on the command line
    or on standard input, was read as one text page: one record of every page's WARC and HTTP headers and its
    raw HTML, exit 0, not a word on stderr. It is one unreadable reject that says what it is, as a tar or zip
    archive is."""
    import gzip

    pages = [f"<html><head><title>{n}</title></head><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines())
             + "</body></html>" for n, text in enumerate((ZH_NEWS, ZH_MORE))]
    records = [_warc_record(f"http://news.example/{n}", page) for n, page in enumerate(pages)]
    (tmp_path / "crawl.warc").write_bytes(b"".join(records))
    (tmp_path / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(record) for record in records))
    run = corpusclean("run", "crawl.warc", "crawl.warc.gz", "-", "-q", "-o", "out.jsonl", *jobs,
                      input=b"".join(records), cwd=tmp_path)
    advice = ("which this tool does not read: extract its pages first (as files, or as JSON lines: HTML under html, a "
              "WET file's text under text)")
    said = [f"corpusclean: crawl.warc: unreadable: a WARC archive, {advice}",
            f"corpusclean: crawl.warc.gz: unreadable: read failed: a WARC archive inside gzip, {advice}",
            f"corpusclean: -: unreadable: a WARC archive, {advice}"]
    assert (run.returncode, sorted(run.stderr.decode().splitlines())) == (1, sorted(said))
    assert (tmp_path / "out.jsonl").read_bytes() == b""


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_saved_with_its_http_head_is_read_without_it(jobs, tmp_path):
    """A page saved with the HTTP response head before it (wget --save-headers, curl -i, curl -iL's head of each
    redirect) was read with it: without a suffix, or named .txt, the page was text, written with its headers and
    all its markup ('HTTP/1.1 200 OK', 'Content-Type: ...', '<html><head>...'), exit 0; named .html, its headers
    went into the text and the title ('HTTP/1.1 200 OK Server: nginx ... 防汛工作会议召开'). The head is no part of
    the page (nor an interim '100 Continue' before it); its charset is the page's, as a browser takes it. A text
    page opening with a status line and no header under it keeps that line."""
    (tmp_path / "in").mkdir()
    page = ("<html><head><title>防汛工作会议召开</title></head><body><h1>防汛工作会议召开</h1>"
            + "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines()) + "</body></html>")
    head = b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset=gbk\r\nSet-Cookie: a=b\r\n\r\n"
    redirect = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://news.example/a\r\n\r\n"
    (tmp_path / "in" / "wget").write_bytes(head + page.encode("gbk"))
    (tmp_path / "in" / "curl.html").write_bytes(head.replace(b"gbk", b"utf-8") + page.encode("utf-8"))
    (tmp_path / "in" / "curl-L.txt").write_bytes(redirect + head + page.encode("gbk"))
    (tmp_path / "in" / "continue").write_bytes(b"HTTP/1.1 100 Continue\r\n\r\n" + head + page.encode("gbk"))
    french = ("<html><body><h1>Un café crème à Genève</h1><p>Le conseil s'est réuni mardi à Genève pour débattre du "
              "budget, et a voté pour.</p><p>Les habitants présents ont dit être très satisfaits du résultat.</p>"
              "</body></html>")
    (tmp_path / "in" / "fr.html").write_bytes(head.replace(b"gbk", b"windows-1252") + french.encode("cp1252"))
    status = "HTTP/1.1 200 OK\n\n" + ZH_MORE
    (tmp_path / "in" / "status.txt").write_text(status, "utf-8")
    (tmp_path / "in" / "interim.txt").write_text(status.replace("200 OK", "100 Continue"), "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode(), (tmp_path / "rejects.jsonl").read_bytes()) == (0, "", b"")
    written = {r["id"]: r for r in jsonl(result.stdout)}
    for name in ("in/wget", "in/curl.html", "in/curl-L.txt", "in/continue"):
        record = written[name]
        assert (record["text"].splitlines(), record["metadata"]["title"], record["metadata"]["format"]) == (
            ZH_NEWS.splitlines(), "防汛工作会议召开", "html"), name
    assert written["in/fr.html"]["metadata"]["encoding"] == "cp1252"
    assert "très satisfaits" in written["in/fr.html"]["text"]
    assert written["in/status.txt"]["text"].splitlines() == status.replace("\n\n", "\n").splitlines()
    assert written["in/interim.txt"]["text"].splitlines()[0] == "HTTP/1.1 100 Continue"


RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>南岭晚报</title>
<link>https://news.example/</link>
<item>
<title>防汛工作会议召开</title>
<link>https://news.example/1</link>
<pubDate>Mon, 01 May 2023 10:30:00 +0800</pubDate>
<description><![CDATA[<p>{first}</p>]]></description>
</item>
<item>
<title>暴雨蓝色预警</title>
<link>https://news.example/2</link>
<description>{second}</description>
</item>
</channel>
</rss>
"""


@pytest.mark.parametrize("jobs", JOBS)
def test_a_feed_or_a_sitemap_is_one_clear_reject_not_a_page_of_its_xml(jobs, tmp_path):
    """An RSS or Atom feed, or a sitemap, in a crawl's folder was read as a page: without a suffix (wget saves
    /rss as rss), as text, one record of its XML markup ('<?xml version=...', '<item>', '<title>...'); named .html
    (wget saves /feed/ as feed/index.html), as HTML, every item's title, link, date and text run together into
    one line with a stray ']]>', exit 0 both, not a word on stderr. It is one unreadable reject that says what it
    is. An XHTML page opening with an XML declaration is a page as before."""
    (tmp_path / "in" / "feed").mkdir(parents=True)
    lines = ZH_NEWS.splitlines()
    feed = RSS_FEED.format(first=lines[0], second=lines[1])
    (tmp_path / "in" / "rss").write_text(feed, "utf-8")
    (tmp_path / "in" / "feed" / "index.html").write_text(feed, "utf-8")
    (tmp_path / "in" / "atom").write_text('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/'
                                          f'Atom"><title>南岭晚报</title><entry><title>{lines[2]}</title></entry></feed>',
                                          "utf-8")
    (tmp_path / "in" / "sitemap").write_text('<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="s.xsl"?>\n'
                                             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
                                             'https://news.example/1</loc></url></urlset>', "utf-8")
    xhtml = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>防汛'
             '</title></head><body>' + "".join(f"<p>{line}</p>" for line in ZH_MORE.splitlines()) + "</body></html>")
    (tmp_path / "in" / "page.html").write_text(xhtml, "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--rejects", "rejects.jsonl", cwd=tmp_path)
    tail = "(XML), not a page: this tool reads pages and JSON lines; give it the pages its links lead to"
    said = [f"corpusclean: in/atom: unreadable: an Atom feed {tail}",
            f"corpusclean: in/feed/index.html: unreadable: an RSS feed {tail}",
            f"corpusclean: in/rss: unreadable: an RSS feed {tail}",
            f"corpusclean: in/sitemap: unreadable: a sitemap {tail}"]
    assert (result.returncode, sorted(result.stderr.decode().splitlines())) == (1, said)
    assert [(r["id"], r["text"].splitlines()) for r in jsonl(result.stdout)] == [("in/page.html", ZH_MORE.splitlines())]
    assert len(read_jsonl_file(tmp_path / "rejects.jsonl")) == 4


@pytest.mark.parametrize("jobs", JOBS)
def test_an_array_of_records_one_a_line_is_one_clear_reject(jobs, tmp_path):
    """An array of records laid out one a line, its bracket on the first and the last ('[{...},' ... '{...}]', as a
    script joining records with ',\\n' writes it), gave one invalid_json a line in JSON's words ('unexpected end of
    data', 'unexpected content after document'), named .json, without a suffix or on standard input, and check a
    CC001 a line; a lone '[' on the first line (e237aac) or the array on one line (8722e7d) said what the file
    is. It is one document over many lines too. A JSONL file whose first line is an array of column names, no
    record, is JSON lines as before (that line rejected as its own)."""
    records = [{"id": f"r{n}", "text": line} for n, line in enumerate(ZH_NEWS.splitlines())]
    array = "[" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "]\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "array.json").write_text(array, "utf-8")
    (tmp_path / "in" / "array").write_text(array, "utf-8")
    header = '["id", "text"]\n' + "".join(json.dumps({**r, "id": f"h{r['id']}"}, ensure_ascii=False) + "\n"
                                          for r in records)
    (tmp_path / "in" / "header.jsonl").write_text(header, "utf-8")
    run = corpusclean("run", "in", "-", "-q", "--dedup", "none", "-o", "out.jsonl", *jobs, input=array.encode(),
                      cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        f"corpusclean: {path}: invalid_json: {JSON_DOCUMENT}" for path in ("in/array", "in/array.json")] + [
        "corpusclean: in/header.jsonl:1: invalid_record: an array, not an object",
        f"corpusclean: -: invalid_json: {JSON_DOCUMENT}"])
    assert [r["id"] for r in read_jsonl_file(tmp_path / "out.jsonl")] == ["hr0", "hr1", "hr2"]
    check = corpusclean("check", "in/array.json", "-q", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [f"in/array.json:1:1: CC001 {JSON_DOCUMENT}"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_page_saved_as_mhtml_is_one_clear_reject(jobs, tmp_path):
    """A page a browser saved as MHTML (one file: a MIME message of the page, quoted-printable, and its images in
    base64), named on the command line, was written as one text record of its MIME headers and encoded markup
    ('From: <Saved by Blink>', 'Content-Type: multipart/related;', '<html><head>...'), exit 0. It is one
    unreadable reject that says what it is. A text page opening with a label line ('Note: ...') is a page."""
    import quopri

    page = ("<html><head><title>防汛</title></head><body>" + "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
            + "</body></html>")
    mhtml = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a\r\nSubject: =?utf-8?Q?x?=\r\n"
             b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b--\"\r\n"
             b"\r\n\r\n----b--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
             + quopri.encodestring(page.encode()) + b"\r\n----b----\r\n")
    (tmp_path / "page.mhtml").write_bytes(mhtml)
    (tmp_path / "note.txt").write_text("Note: 本文转载自南岭晚报\n" + ZH_MORE, "utf-8")
    result = corpusclean("run", "page.mhtml", "note.txt", "-q", *jobs, "--no-dedup", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (1, (
        "corpusclean: page.mhtml: unreadable: a page saved as MHTML (a MIME message of the page and its images), "
        "which this tool does not read: save the page as HTML\n"))
    assert [r["id"] for r in jsonl(result.stdout)] == ["note.txt"]


@pytest.mark.parametrize("jobs", JOBS)
def test_json_lines_in_a_file_named_as_a_page_are_one_clear_reject(jobs, tmp_path):
    """A JSONL file named .txt (an export saved under the name its tool gives) or .html is one page by its name, and
    it was read as one: one record whose text was every line's JSON ('{"id": "r0", "text": "市气象台...'), exit
    0, not a word on stderr; so was one JSON document laid out over lines (json.dump with an indent), and an array
    of records on one line (json.dump of a list), also without a suffix. Each is one unreadable reject that says
    what it holds. A page whose first line opens with a brace but is no JSON object
    ('{编者按}...') is a page as before."""
    import gzip

    records = b"".join(jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate(ZH_NEWS.splitlines()))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "export.txt").write_bytes(records)
    (tmp_path / "in" / "export.html").write_bytes(b"\n" + records)
    (tmp_path / "in" / "export2.txt.gz").write_bytes(gzip.compress(records))
    (tmp_path / "in" / "note.txt").write_text("{编者按}本文转载自南岭晚报。\n" + ZH_MORE, "utf-8")
    (tmp_path / "in" / "pretty.txt").write_text(json.dumps([json.loads(line) for line in records.splitlines()],
                                                           ensure_ascii=False, indent=2), "utf-8")
    one_line = json.dumps([json.loads(line) for line in records.splitlines()], ensure_ascii=False)
    for name in ("records", "records.txt"):  # json.dump of a list: without a suffix the sniff leaves it to pages
        (tmp_path / "in" / name).write_text(one_line, "utf-8")
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", cwd=tmp_path)
    said = [f"corpusclean: in/{name}: unreadable: the file holds JSON lines, and a file named {suffix} is one page: "
            f"rename it with .jsonl in place of {suffix}"
            for name, suffix in (("export.html", ".html"), ("export.txt", ".txt"), ("export2.txt.gz", ".txt"))]
    said.append(f"corpusclean: in/pretty.txt: unreadable: {JSON_DOCUMENT}")
    for name in ("records", "records.txt"):
        said.append(f"corpusclean: in/{name}: unreadable: an array of 3 objects, not an object: a JSON array of "
                    "records on one line, not JSON lines (jq -c '.[]' converts it)")
    said.sort()
    assert (result.returncode, sorted(result.stderr.decode().splitlines())) == (1, said)
    assert [r["id"] for r in jsonl(result.stdout)] == ["in/note.txt"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_records_html_that_is_a_feed_is_rejected_and_check_says_so(jobs, tmp_path):
    """A JSONL crawl whose crawler fetched a feed (url .../feed/, its XML under html) had the feed read as HTML:
    every item's title, link, date and text run together into one line with a stray ']]>', written as a record,
    exit 0; check found nothing. The extraction rejects it as no_content ('an RSS feed (XML), not a page'), as
    a list page with no prose, and check reports it (CC020) as it reports such a page."""
    lines = ZH_NEWS.splitlines()
    feed = RSS_FEED.format(first=lines[0], second=lines[1])
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in ZH_MORE.splitlines()) + "</body></html>"
    (tmp_path / "crawl.jsonl").write_bytes(jsonl_line({"id": "feed", "url": "https://news.example/feed/", "html": feed})
                                           + jsonl_line({"id": "page", "html": page}))
    result = corpusclean("run", "crawl.jsonl", "-q", *jobs, "--no-dedup", "--rejects", "rejects.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    assert [r["id"] for r in jsonl(result.stdout)] == ["page"]
    assert [(r["id"], r["reject_reason"], r["reject_detail"]) for r in read_jsonl_file(tmp_path / "rejects.jsonl")] == [
        ("feed", "no_content", "an RSS feed (XML), not a page")]
    check = corpusclean("check", "crawl.jsonl", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [
        "crawl.jsonl:1:1: CC020 run rejects it as no_content: an RSS feed (XML), not a page"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_site_mirrors_pages_with_a_servers_suffix_are_read_not_skipped(jobs, tmp_path):
    """A site mirror keeps the server's suffix of each page (.php, .asp, .aspx, .jsp, .cgi, .do; wget saves
    'index.php?id=3' as that name): a folder walk skipped them all as unknown_type, exit 0, and the mirror's
    articles were lost. A file of another suffix whose first bytes open an HTML page (its doctype, <html>, <head> or
    <meta>, after a byte order mark, blank space, an HTTP head, inside gzip) is read as a page, and check's walk
    agrees (a page, no dataset to check); a stylesheet, a script, an image, a text named .dat stay skipped."""
    import gzip

    (tmp_path / "in" / "news").mkdir(parents=True)
    paragraphs = "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
    page = f"<html><head><title>防汛工作会议召开</title></head><body><h1>防汛工作会议召开</h1>{paragraphs}</body></html>"
    pages = {
        "a.php": b"\xef\xbb\xbf\n\n  <!DOCTYPE html>" + page.encode("utf-8"),
        "b.asp": ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' + page).encode("gbk"),
        "c.aspx": page.encode("utf-8"),
        "d.jsp": page.replace("<html>", "<HTML lang=zh>").encode("utf-8"),
        "e.cgi": b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\n\r\n" + page.encode("gbk"),
        "f.do": page.replace("<html>", "").encode("utf-8"),   # opens with <head>
        "index.php?id=3": page.encode("utf-8"),
        "news/g.php.gz": gzip.compress(page.encode("utf-8")),
    }
    for name, data in pages.items():
        (tmp_path / "in" / name).write_bytes(data)
    skipped = {"s.css": b"body { color: red }\n", "s.js": b"document.write('<html>');\n",
               "i.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "dump.dat": ZH_NEWS.encode("utf-8"),
               "api.php": jsonl_line({"id": "a", "text": ZH_NEWS})}
    for name, data in skipped.items():
        (tmp_path / "in" / name).write_bytes(data)
    result = corpusclean("run", "in", "-q", *jobs, "--no-dedup", "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    written = {r["id"]: r for r in jsonl(result.stdout)}
    assert sorted(written) == sorted(f"in/{name}" for name in pages)
    for name, record in written.items():
        assert (record["text"].splitlines(), record["metadata"]["title"], record["metadata"]["format"]) == (
            ZH_NEWS.splitlines(), "防汛工作会议召开", "html"), name
    assert json.loads((tmp_path / "report.json").read_text())["skipped"] == {
        "unknown_type": {"count": len(skipped), "first": "in/api.php"}}
    assert result.stderr.decode().startswith(f"corpusclean: skipped {len(skipped)} paths: unknown_type: ")
    (tmp_path / "in" / "data.jsonl").write_bytes(jsonl_line({"id": "r", "text": ZH_NEWS}))
    check = corpusclean("check", "in", "-q", cwd=tmp_path)
    assert (check.returncode, check.stdout, check.stderr) == (0, b"", result.stderr)


@pytest.mark.parametrize("jobs", JOBS)
def test_check_and_run_agree_on_a_file_that_run_reads_as_a_page(jobs, tmp_path):
    """check FILE read any file as JSON lines: a .txt of JSON lines, which run rejects whole (a file named .txt
    is one page), checked clean, exit 0; a page (.txt, .html, a page without a suffix) gave a CC001 'invalid
    JSON' for every line. Both now follow run's rule (its name, else its first bytes): one CC001 finding saying
    what run makes of the file."""
    records = b"".join(jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate(ZH_NEWS.splitlines()))
    (tmp_path / "data.txt").write_bytes(records)
    (tmp_path / "data").write_bytes(records)
    (tmp_path / "page.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "page").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "page.html").write_text("<html><body>" + "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
                                        + "</body></html>", "utf-8")
    names = ["data.txt", "data", "page.txt", "page", "page.html"]
    run = corpusclean("run", *names, "-q", "--no-dedup", *jobs, cwd=tmp_path)
    assert (run.returncode, run.stderr.decode().splitlines()) == (1, [
        "corpusclean: data.txt: unreadable: the file holds JSON lines, and a file named .txt is one page: rename it "
        "with .jsonl in place of .txt"])
    assert [r["id"] for r in jsonl(run.stdout)] == ["r0", "r1", "r2", "page.txt", "page", "page.html"]
    check = corpusclean("check", *names, cwd=tmp_path)
    assert (check.returncode, check.stdout.decode().splitlines()) == (1, [
        "data.txt:1:1: CC001 the file holds JSON lines, and a file named .txt is one page: rename it with .jsonl in "
        "place of .txt: run rejects it as unreadable",
        "page.txt:1:1: CC001 run reads the file as one page (txt), not as JSON lines: check lints JSON lines",
        "page:1:1: CC001 run reads the file as one page (txt), not as JSON lines: check lints JSON lines",
        "page.html:1:1: CC001 run reads the file as one page (html), not as JSON lines: check lints JSON lines"])
    piped = corpusclean("check", "-", input=ZH_NEWS.encode("utf-8"), cwd=tmp_path)
    assert (piped.returncode, piped.stdout.decode().splitlines()) == (1, [
        "-:1:1: CC001 run reads the file as one page (txt), not as JSON lines: check lints JSON lines"])


def _zstd_long(data: bytes, window_log: int) -> bytes:
    """data compressed as `zstd --long=N` writes a stream of unknown size: its frame asks for a 2**N-byte window."""
    import io

    import zstandard

    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=window_log, enable_ldm=True)
    out = io.BytesIO()
    with zstandard.ZstdCompressor(compression_params=params).stream_writer(out, closefd=False) as writer:
        writer.write(data)
    return out.getvalue()


@pytest.mark.parametrize("jobs", JOBS)
def test_a_zstd_file_of_a_long_window_says_how_to_decompress_it(jobs, tmp_path):
    """A file compressed with `zstd --long=31` (a 2 GB window, which streaming decompression must hold) was
    rejected in zstd's words, 'zstd decompressor error: Frame requires too much memory for decoding', which say
    neither why nor what to do. It is refused as before (2 GB a stream read is no bounded memory), in one line
    that names the window and gives the command that decompresses it; a window of 128 MB is read."""
    records = b"".join(jsonl_line({"id": f"r{n}", "text": line}) for n, line in enumerate(ZH_NEWS.splitlines()))
    (tmp_path / "long.jsonl.zst").write_bytes(_zstd_long(records, 31))
    (tmp_path / "page.txt.zst").write_bytes(_zstd_long(ZH_MORE.encode("utf-8"), 28))
    (tmp_path / "ok.jsonl.zst").write_bytes(_zstd_long(records.replace(b'"r', b'"ok'), 27))
    result = corpusclean("run", "long.jsonl.zst", "page.txt.zst", "ok.jsonl.zst", "-q", "--no-dedup", *jobs,
                         cwd=tmp_path)
    why = ("zstd: the file was compressed with a {} MB window (zstd --long={}), over the 128 MB this tool decompresses "
           "with to bound its memory: decompress it first with zstd -d --long={}")
    assert (result.returncode, result.stderr.decode().splitlines()) == (1, [
        f"corpusclean: long.jsonl.zst: unreadable: read failed: {why.format(2048, 31, 31)}",
        f"corpusclean: page.txt.zst: unreadable: read failed: {why.format(256, 28, 28)}"])
    assert [r["id"] for r in jsonl(result.stdout)] == ["ok0", "ok1", "ok2"]
    check = corpusclean("check", "long.jsonl.zst", cwd=tmp_path)
    assert (check.returncode, check.stderr.decode()) == (
        2, f"corpusclean: error: cannot read long.jsonl.zst: {why.format(2048, 31, 31)}\n")


@pytest.mark.parametrize("jobs", JOBS)
def test_a_json_ld_authors_markup_and_entities_are_not_written_into_the_author(jobs, tmp_path):
    """A JSON-LD script's text is not parsed as HTML, so a CMS's markup and entities in an author's name stay as
    written: '<b>John Smith</b>' was written as the author '<b>John Smith<, b>', 'John &amp; Jane' as 'John, amp,
    Jane', a linked name '<a href="/a/jd">Jane Doe</a>' as 'a>'. The name is read as text, as a <meta> author's
    attribute is."""
    (tmp_path / "in").mkdir()
    paragraphs = "".join(f"<p>{line}</p>" for line in EN_NEWS.splitlines())
    authors = {
        "bold": ('"<b>John Smith</b>"', "John Smith"),
        "entity": ('"John &amp; Jane"', "John, Jane"),   # as <meta name=author content="John &amp; Jane"> gives
        "link": ('{"@type": "Person", "name": "<a href=\\"/a/jd\\">Jane Doe</a>"}', "Jane Doe"),
        "escaped": ('[{"name": "&lt;span&gt;Tom Lee&lt;/span&gt;"}, {"name": "Ann O&#39;Neil"}]', "Tom Lee, Ann O'Neil"),
        "plain": ('"Mary Major"', "Mary Major"),
    }
    for name, (author, _) in authors.items():
        (tmp_path / "in" / f"{name}.html").write_text(
            f'<html><head><title>Council approves budget</title><script type="application/ld+json">{{"@type": '
            f'"NewsArticle", "headline": "Council approves budget", "author": {author}}}</script></head><body>'
            f"<article><h1>Council approves budget</h1>{paragraphs}</article></body></html>", "utf-8")
    result = corpusclean("run", "in", "-q", "--no-dedup", "--no-template", *jobs, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, b"")
    assert {r["id"]: r["metadata"]["author"] for r in jsonl(result.stdout)} == {
        f"in/{name}.html": expected for name, (_, expected) in authors.items()}


@pytest.mark.parametrize("jobs", JOBS)
def test_an_object_wrapping_an_array_of_records_says_what_it_holds(jobs, tmp_path):
    """A JSONL file holding one object that wraps the records ({"data": [...]}, an API's answer saved on one line)
    was rejected with "field 'text' is missing" only, and check said the same (CC003): nothing said the records
    were there, one level down, nor how to get them. The message says what the object holds and gives the jq that
    converts it, as the message of an array of records on one line does. An object whose arrays hold no record
    (a record without its text, whose comments are objects) keeps the plain message."""
    records = [{"id": f"r{n}", "text": line} for n, line in enumerate(ZH_NEWS.splitlines())]
    (tmp_path / "api.jsonl").write_bytes(jsonl_line({"data": records, "total": 3}))
    (tmp_path / "odd.jsonl").write_bytes(jsonl_line({"my items": records[:1]}))
    (tmp_path / "plain.jsonl").write_bytes(jsonl_line({"id": "p", "comments": [{"author": "a", "body": "好"}]}))
    names = ["api.jsonl", "odd.jsonl", "plain.jsonl"]
    result = corpusclean("run", *names, "-q", *jobs, cwd=tmp_path)
    wraps = "field 'text' is missing: the object wraps an array of {} under {!r}, one JSON document, not JSON lines " \
            "(jq -c '{}[]' converts it)"
    said = [wraps.format("3 records", "data", ".data"), wraps.format("1 record", "my items", '.["my items"]'),
            "field 'text' is missing"]
    assert (result.returncode, result.stdout, result.stderr.decode().splitlines()) == (
        1, b"", [f"corpusclean: {name}:1: invalid_record: {why}" for name, why in zip(names, said)])
    check = corpusclean("check", *names, "--select", "CC003", cwd=tmp_path)
    assert check.stdout.decode().splitlines() == [f"{name}:1:1: CC003 {why}" for name, why in zip(names, said)]
    converted = subprocess.run(["jq", "-c", ".data[]"], input=(tmp_path / "api.jsonl").read_bytes(),
                               capture_output=True)
    if converted.returncode == 0:  # the jq the message gives makes JSON lines of it
        assert [json.loads(line) for line in converted.stdout.splitlines()] == records


@pytest.mark.parametrize("jobs", [pytest.param({}, id="default-jobs"), pytest.param({"jobs": 2}, id="two-jobs")])
def test_a_page_given_to_the_api_as_a_str_is_read_as_its_bytes_are(jobs):
    """The Python API read a page given as a str without the checks its bytes get: an HTTP head saved before it
    stayed in its text (and in a text page's first lines), and an RSS feed, an MHTML archive or JSON lines given so
    were written as a page (or, for a feed as HTML, rejected as no_content) where their bytes are one unreadable
    reject that says what they are. A str page now gets those checks; an ordinary one is read as before."""
    import corpusclean
    from corpusclean import Config, Page

    paragraphs = "".join(f"<p>{line}</p>" for line in ZH_NEWS.splitlines())
    page = f"<html><head><title>防汛工作会议召开</title></head><body><h1>防汛工作会议召开</h1>{paragraphs}</body></html>"
    head = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    mhtml = ('From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";'
             '\r\n\tboundary="----b"\r\n\r\n------b\r\nContent-Type: text/html\r\n\r\n' + page)
    lines = ZH_NEWS.splitlines()
    records = "".join(jsonl_line({"id": f"r{n}", "text": line}).decode("utf-8") for n, line in enumerate(lines))
    pages = {"page": page, "http": head + page, "text": head + ZH_NEWS, "feed": RSS_FEED.format(first=lines[0],
             second=lines[1]), "mhtml": mhtml, "jsonl": records}
    config = Config(dedup="none", template=False, **jobs)
    for given in (lambda data: data, lambda data: data.encode("utf-8")):
        out = {r["id"]: r for r in corpusclean.clean_records(
            [Page(given(data), name, format="txt" if name == "text" else None) for name, data in pages.items()],
            config)}
        for name in ("page", "http"):
            assert (out[name]["text"].splitlines(), out[name]["metadata"]["title"]) == (lines, "防汛工作会议召开")
        assert out["text"]["text"].splitlines() == lines
        assert {name: out[name]["reject_reason"] for name in ("feed", "mhtml", "jsonl")} == dict.fromkeys(
            ("feed", "mhtml", "jsonl"), "unreadable")
        assert out["jsonl"]["reject_detail"] == "the file holds JSON lines, not a page: give them as records"
    for clean in (corpusclean.clean_html, corpusclean.clean_text):
        for name, data in pages.items():
            assert clean(data) == clean(data.encode("utf-8")), (clean.__name__, name)


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("option", ["--rejects", "--report"])
def test_rejects_or_report_to_a_pipe_whose_reader_goes_away_leave_the_records_on_stdout(option, jobs, tmp_path):
    """`--rejects >(head -1)` (a pipe of its own, not standard output) whose reader went away ended in a traceback,
    exit 120 ('NoneType' object has no attribute 'flush'): the dropped pipe took standard output with it, the
    records' stream, and its last flush failed again when the outputs were put in place."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(
        jsonl_line({"id": "a", "text": ZH_NEWS}) + b"{broken\n" * 3000 + jsonl_line({"id": "b", "text": TW_NEWS}))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    result = subprocess.run([sys.executable, "-m", "corpusclean", "run", "in", "-q", "--dedup", "none", *jobs,
                             option, f"/dev/fd/{write_end}"],
                            pass_fds=[write_end], capture_output=True, cwd=tmp_path, timeout=120)
    os.close(write_end)
    assert result.returncode == 1, result.stderr.decode()[-2000:]  # the invalid lines are read errors
    assert "Traceback" not in result.stderr.decode()
    assert [r["id"] for r in jsonl(result.stdout)] == ["a", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("jobs", JOBS)
def test_a_folder_named_twice_through_a_link_is_read_once(jobs, tmp_path):
    """`run data link` with link -> data (or a path through a linked folder, /home/u/crawl beside crawl in
    /data/u): each file was read twice, its records written a second time under new ids (--no-dedup); check
    reported each record a duplicate of itself. A link to a file stays a page of its own."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "b.jsonl").write_text(
        json.dumps({"id": "b", "text": "工会召开全体会议，部署下一阶段重点工作任务。"}) + "\n", "utf-8")
    (tmp_path / "data" / "a.txt").write_text(ZH_NEWS, "utf-8")
    (tmp_path / "link").symlink_to("data")
    (tmp_path / "page.txt").symlink_to("data/a.txt")
    result = corpusclean("run", "data", "link", "link/b.jsonl", "page.txt", "--no-dedup", "-q", *jobs,
                         "-o", "out.jsonl", "--report", "report.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in jsonl((tmp_path / "out.jsonl").read_bytes())] == ["data/a.txt", "b", "page.txt"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["inputs"], report["skipped"]["named_twice"]["count"]) == (3, 3)
    checked = corpusclean("check", "data/b.jsonl", "link/b.jsonl", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, b"")


STOP_TWICE = '''
import signal, sys
from corpusclean import cli, runner
from corpusclean.write import sink

documents, discard = runner.Run.documents, sink.JsonlSink.discard


def documents_then_a_stop(self):
    yield from documents(self)
    signal.raise_signal(signal.SIGTERM)  # the first signal: the run unwinds


def discard_under_a_second_stop(self):
    signal.raise_signal(signal.SIGINT)  # a second one (an impatient Ctrl-C) while it cleans up
    discard(self)


runner.Run.documents = documents_then_a_stop
sink.JsonlSink.discard = discard_under_a_second_stop
sys.argv = ["corpusclean", *sys.argv[1:]]
cli.main()
'''


@pytest.mark.parametrize("jobs", JOBS)
def test_a_second_stop_signal_while_the_run_stops_leaves_no_temporary_outputs(jobs, tmp_path):
    """Ctrl-C pressed twice (or SIGTERM, then Ctrl-C): the second signal raised again inside the cleanup of the
    first, which it cut short: the outputs' temporary files (and, landing earlier, the spool folder) stayed
    behind, 4 of 35 double Ctrl-C on a 3,000-page run, or a traceback came at exit ('Exception ignored in:
    <module 'threading'>'). The second signal is noted; the run ends as the first one says."""
    stopped_run_leaves_nothing(tmp_path, STOP_TWICE, jobs)
