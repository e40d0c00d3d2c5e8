"""bench/repeated_work.py: counts the calls a page's stages repeat with the same arguments."""

import uuid

import pytest

from bench_script import load_bench_script
from corpusclean import text


def test_repeated_work_counts_what_another_stage_asked_first(tmp_path, capsys):
    if not text.__file__.endswith(".py"):
        pytest.skip("the stages are compiled (setup.py): calls inside compiled modules cannot be counted")
    tag = uuid.uuid4().hex     # lines no memory of this process holds yet
    page = "\n".join([f"首页 新闻 {tag}", f"会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。{tag}",
                      f"各区各部门要压实责任，做好隐患排查。{tag}", f"责任编辑：李方 {tag}"])
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    assert load_bench_script("repeated_work").main([str(tmp_path), "--top", "100"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[2:]]
    by_function = {row[0]: [int(row[1]), int(row[2]), int(row[3])] for row in rows}
    calls, repeats, by_another_stage = by_function["text.py:has_han"]
    assert calls > repeats >= by_another_stage > 0
