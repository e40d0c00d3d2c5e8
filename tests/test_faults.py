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
