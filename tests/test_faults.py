"""Faults a real corpus brings (issue 13): each a regression test named after the fault, run through the
command line as a user would, with the default --jobs so the worker processes are covered."""

import json

import pytest

from clirun import corpusclean, jsonl


# --- robustness faults (limits, rule files, run/check agreement) ---


@pytest.mark.parametrize(
    "setting, message",
    [
        pytest.param('extra_boilerplate = [""]', "extra_boilerplate: phrase 1 is empty", id="empty-boilerplate-phrase"),
        pytest.param('extra_titles = ["总经理", " "]', "extra_titles: phrase 2 is empty", id="blank-title"),
    ],
)
def test_fault_empty_user_phrase_would_match_every_line(tmp_path, setting, message):
    (tmp_path / "corpusclean.toml").write_text(setting + "\n")
    (tmp_path / "a.txt").write_text("市政府召开常务会议\n会议指出，今年入汛以来，全市降雨偏多。\n", encoding="utf-8")
    result = corpusclean("run", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode() and "corpusclean.toml" in result.stderr.decode()
    assert not result.stdout
