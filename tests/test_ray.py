"""`run --engine ray` on a local Ray cluster writes the records, rejects and accounting of `run`.

Starts Ray (about 30 s): deselect with `-m "not ray"` while working on something else; CI runs it.
"""

import json

import pytest

from clirun import corpusclean, jsonl
from test_jobs import EN, ZH, mixed_corpus

pytestmark = pytest.mark.ray


def near_copies_and_legacy_pages(folder):
    """Stories of a site with its own template line, each republished with a line added (near duplicates,
    not exact ones), and a Big5 page."""
    site = folder / "site4"
    site.mkdir()
    for n in range(6):
        news = f"本报讯（记者 王{n}）{n + 3}月{n + 9}日，南岭市第{n + 2}届职工技能大赛开幕，共有{n + 20}支队伍参加比赛。"
        story = ["本版稿件由南岭晚报社区新闻部提供", news, ZH[n], ZH[(n + 1) % 6], EN[n]]
        (site / f"story{n}.txt").write_text("\n".join(story) + "\n", "utf-8")
        (site / f"story{n}-again.txt").write_text("\n".join(story + [f"（转载自第{n}号）"]) + "\n", "utf-8")
    traditional = "會議指出，今年入汛以來，全市降雨偏多，防汛形勢嚴峻複雜。各區各部門要壓實責任，做好隱患排查。"
    (site / "big5.txt").write_bytes(f"{traditional}\n據介紹，該市今年將新建改建職工之家五十個。\n".encode("big5"))
    return folder


# Standard input, beside the folder: records whose ids the folder's records have, and a line that is no JSON.
# The Ray engine shipped it to the cluster, whose tasks read it twice (ids, then cleaning) or not at all.
STDIN = "".join(json.dumps({"id": f"r{n}", "text": f"{ZH[n]}\n{EN[n]}"}, ensure_ascii=False) + "\n" for n in range(4))
STDIN += "{not json\n"


def run(engine, corpus, out):
    folder = out / engine
    folder.mkdir()
    result = corpusclean("run", corpus, "-", "--engine", engine, "--jobs", "2", "--explain", "--quiet",
                         "-o", folder / "clean.jsonl", "--rejects", folder / "rejects.jsonl",
                         "--report", folder / "report.json", input=STDIN.encode())
    assert result.returncode == 1, result.stderr.decode()  # the corpus has unreadable inputs
    report = json.loads((folder / "report.json").read_text("utf-8"))
    for key in ("seconds", "seconds_by_stage", "config", "workers"):
        report.pop(key, None)
    by_id = lambda path: sorted(jsonl(path.read_bytes()), key=lambda record: record["id"])  # noqa: E731
    return by_id(folder / "clean.jsonl"), by_id(folder / "rejects.jsonl"), report, result.stderr


def test_ray_engine_writes_the_records_rejects_and_report_of_the_local_engine(tmp_path):
    corpus = near_copies_and_legacy_pages(mixed_corpus(tmp_path / "corpus"))
    local = run("local", corpus, tmp_path)
    ray = run("ray", corpus, tmp_path)
    assert ray[0] == local[0], "other records"
    assert ray[1] == local[1], "other rejects"
    assert ray[2] == local[2], "other accounting"
    assert sorted(ray[3].splitlines()) == sorted(local[3].splitlines()), "other read errors on stderr"
    # The corpus exercises every corpus stage, near duplicates and legacy encodings included.
    stories = {r["id"].split("/")[-1][:6] for r in local[1] if r["reject_reason"] == "duplicate" and "story" in r["id"]}
    assert stories == {f"story{n}" for n in range(6)}  # one of each story's two versions
    assert local[2]["removed_by_reason"].get("template/boilerplate.template")
    assert {r["metadata"]["encoding"] for r in local[0]} >= {"gb18030", "big5hkscs"}
    assert local[2]["files"]["stdin"]["inputs"] == 5
    renamed = {r["metadata"]["original_id"] for r in local[0] if r["metadata"]["path"] == "stdin"}
    assert renamed and renamed <= {f"r{n}" for n in range(4)}  # ids the folder's records have


# The command line, with a thread that sends the process SIGTERM once Ray runs (and a moment more: ray.init has
# returned), as a user's `kill` or a batch scheduler's would land in the middle of a run.
STOPPED_ONCE_RAY_RUNS = """
import os, signal, sys, threading, time
import ray

def stop():
    while not ray.is_initialized():
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)

threading.Thread(target=stop, daemon=True).start()
sys.argv = ["corpusclean", *sys.argv[1:]]
from corpusclean.cli import main
main()
"""


def test_sigterm_stops_a_ray_run_as_it_stops_a_local_one(tmp_path):
    """ray.init put its own SIGTERM handler over the run's, sys.exit(15): a run stopped by SIGTERM ended with
    status 15 and Ray's dump of the stack (`*** SIGTERM received at time=...`, `PC: @ ... clock_nanosleep`), not
    the 143 and 'corpusclean: stopped by signal 15' of the local engine."""
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(200):
        (corpus / f"{n}.txt").write_text(f"{ZH[n % 6]}\n{EN[n % 6]} ({n})\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-c", STOPPED_ONCE_RAY_RUNS, "run", str(corpus), "--engine", "ray", "--jobs", "2", "-q",
         "-o", "out.jsonl", "--rejects", "rejects.jsonl"],
        cwd=tmp_path, capture_output=True, timeout=300,
    )
    assert (result.returncode, result.stderr.decode()) == (143, "corpusclean: stopped by signal 15\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus"]  # no output, whole or partial


@pytest.mark.parametrize("address", ["nonsense", "http://127.0.0.1:8265"])
def test_a_ray_address_naming_no_cluster_is_one_line_and_exit_2(address, tmp_path):
    """RAY_ADDRESS naming no cluster (a typo, the dashboard's HTTP address, `auto` where none runs) ended the run
    with Ray's error under a traceback of about a hundred lines, exit 1 (the status of an unreadable input)."""
    import os

    (tmp_path / "a.txt").write_text(f"{ZH[0]}\n{EN[0]}\n", "utf-8")
    result = corpusclean("run", "a.txt", "--engine", "ray", "-q", "-o", "out.jsonl", "--rejects", "rejects.jsonl",
                         cwd=tmp_path, env={**os.environ, "RAY_ADDRESS": address})
    stderr = result.stderr.decode()
    assert result.returncode == 2 and stderr.count("\n") == 1, stderr
    assert stderr.startswith(f"corpusclean: cannot connect to the Ray cluster RAY_ADDRESS={address!r} names: ")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt"]
