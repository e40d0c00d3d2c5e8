"""Faults a real corpus or machine brings, one regression test each, named after the fault (issue 13).

Every run here uses the default --jobs (one worker per core) and, where the fault lives in the worker pool,
an explicit --jobs 2 as well, so the multi-process path is covered on any machine.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clirun import SEEDS, corpusclean

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
