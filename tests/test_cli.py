"""The command line as users drive it: pipes, files, exit codes, accounting, errors."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from clirun import SEEDS, corpusclean, jsonl
from test_schema import problems

ZH_PAGE = (
    "市政府召开常务会议研究部署防汛工作\n\n"
    "会议指出，今年入汛以来，全市降雨偏多，防汛形势严峻复杂。各区各部门要压实责任，做好隐患排查。\n\n"
    "会议强调，要加强监测预警，及时转移受威胁群众，确保人民群众生命财产安全。\n"
)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result = corpusclean("run", SEEDS, "-o", out / "clean.jsonl", "--rejects", out / "rejects.jsonl",
                         "--report", out / "report.json", "--quiet")
    return result, out


def test_seeds_give_one_record_per_page(seeds_run):
    result, out = seeds_run
    assert result.returncode == 0, result.stderr.decode()
    records = jsonl((out / "clean.jsonl").read_bytes())
    assert len(records) == 5
    assert [r["id"] for r in records] == [f"seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]
    for record in records:
        assert not problems(record), "every record has every key of the schema, each of its type"
        assert record["text"].strip()


def test_output_is_plain_utf8_jsonl(seeds_run):
    _, out = seeds_run
    data = (out / "clean.jsonl").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\n")
    assert "中".encode("utf-8") in data, "Chinese is written as UTF-8, not \\u escapes"
    assert len(data.split(b"\n")) - 1 == len(jsonl(data))


def test_report_accounts_for_every_input(seeds_run):
    _, out = seeds_run
    report = json.loads((out / "report.json").read_text())
    assert report["inputs"] == 5 == report["written"] + report["rejected"]
    for counts in report["files"].values():
        assert counts["inputs"] == counts.get("written", 0) + counts.get("rejected", 0)
    assert report["versions"]["corpusclean"]
    assert report["removed_by_reason"]
    assert report["seconds_by_stage"]
    assert report["learned"]["dedup"] == {"duplicates": 0, "clusters": 0, "cluster_sizes": {}}
    assert report["config"]["jobs"] == os.cpu_count(), "the number of workers used, not 0 for 'one per core'"
    assert set(report["learned"]["template"]["template_lines_by_source"]) <= {"seeds"}


def test_stdin_to_stdout_pipe():
    records = [{"id": "r1", "text": ZH_PAGE}, {"id": "r2", "text": "Short English note about the weather."}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    result = corpusclean("run", "-", "--quiet", input=data)
    assert result.returncode == 0, result.stderr.decode()
    out = jsonl(result.stdout)
    assert [r["id"] for r in out] == ["r1", "r2"]
    assert result.stderr == b""


def test_gzipped_jsonl_on_stdin():
    data = gzip.compress(json.dumps({"id": "g", "text": ZH_PAGE}, ensure_ascii=False).encode() + b"\n")
    result = corpusclean("run", "-", "--quiet", input=data)
    assert [r["id"] for r in jsonl(result.stdout)] == ["g"]


def test_head_ends_quietly():
    command = f"{sys.executable} -m corpusclean run {SEEDS} --quiet --jobs 1 | head -1"
    result = subprocess.run(["bash", "-c", "set -o pipefail; " + command], capture_output=True, timeout=300)
    assert len(jsonl(result.stdout)) == 1
    assert b"Traceback" not in result.stderr and b"Error" not in result.stderr


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ZH_PAGE, "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "records.jsonl").write_bytes(b'{"id": "ok", "text": "fine text here"}\n{broken\n')
    rejects = tmp_path / "rejects.jsonl"
    result = corpusclean("run", folder, "--rejects", rejects, "--quiet", "--no-dedup")
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 3
    assert any("empty.txt" in e and "empty_input" in e for e in errors)
    assert any("image.txt" in e and "binary" in e for e in errors)
    assert any("records.jsonl:2" in e and "invalid_json" in e for e in errors)
    written, rejected = jsonl(result.stdout), jsonl(rejects.read_bytes())
    assert len(written) + len(rejected) == 5
    assert {r["reject_reason"] for r in rejected} >= {"empty_input", "binary", "invalid_json"}
    binary = next(r for r in rejected if r["reject_reason"] == "binary")
    assert binary["location"].endswith("image.txt")


def test_exit_code_zero_when_all_inputs_read(tmp_path):
    (tmp_path / "a.txt").write_text(ZH_PAGE, "utf-8")
    result = corpusclean("run", tmp_path / "a.txt", "--quiet")
    assert result.returncode == 0 and len(jsonl(result.stdout)) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "no/such/folder"], b"no such file"),
        (["run", "seeds/", "--script", "latin"], b"latin"),
        (["run", "seeds/", "--dedup-threshold", "2"], b"--dedup-threshold must be in (0, 1]"),
        (["run", "seeds/", "-o", "seeds/out.jsonl"], b"inside the input folder"),
        (["run", "seeds/000_0ebebded1c068a09.txt", "-o", "seeds/000_0ebebded1c068a09.txt"], b"also an input"),
        (["frobnicate"], b"No such command"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = corpusclean(*args, cwd=SEEDS.parent)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == b""


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]])
@pytest.mark.parametrize("options", [["--no-dedup", "--dedup", "exact"], ["--dedup", "near", "--no-dedup"]])
def test_no_dedup_beside_another_dedup_mode_is_a_usage_error(tmp_path, options, jobs):
    """Both given, --no-dedup won without a word (whatever the order); --dedup none beside it agrees."""
    (tmp_path / "a.txt").write_text(ZH_PAGE, "utf-8")
    result = corpusclean("run", tmp_path / "a.txt", "-q", *options, *jobs)
    assert (result.returncode, result.stdout) == (2, b"")
    assert b"--no-dedup and --dedup " in result.stderr and b"contradict each other" in result.stderr
    agreeing = corpusclean("run", tmp_path / "a.txt", "-q", "--no-dedup", "--dedup", "none", *jobs)
    assert agreeing.returncode == 0 and len(jsonl(agreeing.stdout)) == 1


@pytest.mark.parametrize("jobs", [[], ["--jobs", "2"]])
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dedup", "exact", "--dedup-threshold", "0.9"],
         b"--dedup-threshold has no effect: only near dedup uses it, and dedup is 'exact'"),
        (["--no-dedup", "--dedup-threshold", "0.9"],
         b"--dedup-threshold has no effect: only near dedup uses it, and dedup is 'none'"),
        (["--dedup", "none", "--keep", "longest"],
         b"--keep has no effect: it picks the copy dedup keeps, and dedup is off"),
        (["--no-dedup", "--keep", "first"], b"--keep has no effect"),
    ],
)
def test_an_option_the_others_void_is_a_usage_error(tmp_path, options, message, jobs):
    """`--dedup exact --dedup-threshold 0.9` and `--no-dedup --keep longest` ran, exit 0, the option ignored
    without a word. Set in a config file, which serves many runs, such a setting is no error."""
    (tmp_path / "a.txt").write_text(ZH_PAGE, "utf-8")
    result = corpusclean("run", "a.txt", "-q", *options, *jobs, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.startswith(b"corpusclean: error: " + message) and result.stderr.count(b"\n") == 1
    (tmp_path / "corpusclean.toml").write_text("dedup-threshold = 0.9\nkeep = 'longest'\n")
    from_file = corpusclean("run", "a.txt", "-q", "--no-dedup", *jobs, cwd=tmp_path)
    assert from_file.returncode == 0 and len(jsonl(from_file.stdout)) == 1
    used = corpusclean("run", "a.txt", "-q", "--dedup", "exact", "--keep", "longest", *jobs, cwd=tmp_path)
    assert used.returncode == 0 and len(jsonl(used.stdout)) == 1


def test_jobs_with_ray_on_a_named_cluster_is_a_usage_error(tmp_path):
    """With RAY_ADDRESS set, --engine ray runs on that cluster's CPUs: --jobs was ignored without a word."""
    (tmp_path / "a.txt").write_text(ZH_PAGE, "utf-8")
    result = corpusclean("run", "a.txt", "-q", "--engine", "ray", "--jobs", "2", cwd=tmp_path,
                         env={**os.environ, "RAY_ADDRESS": "auto"})
    assert (result.returncode, result.stdout) == (2, b"")
    assert b"--jobs has no effect: with --engine ray and RAY_ADDRESS set" in result.stderr


def test_output_file_appears_only_when_complete(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_PAGE, "utf-8")
    out = tmp_path / "out.jsonl"
    result = corpusclean("run", tmp_path / "in", "-o", out, "--quiet")
    assert result.returncode == 0 and len(jsonl(out.read_bytes())) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_summary_table_on_stderr_only(tmp_path):
    (tmp_path / "a.txt").write_text(ZH_PAGE, "utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    result = corpusclean("run", tmp_path / "a.txt", env=env)
    assert b"documents in" in result.stderr and b"\x1b[" not in result.stderr
    assert len(jsonl(result.stdout)) == 1


@pytest.mark.parametrize("command", [[], ["run"], ["explain"], ["stages"]])
def test_help_opens_with_purpose_and_example(command):
    result = corpusclean(*command, "--help")
    assert result.returncode == 0
    assert b"Example: corpusclean" in result.stdout


def test_explain_marks_removed_lines():
    result = corpusclean("explain", SEEDS / "004_a5b3ca67eec450e6.txt")
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "\n- " in text and "sidebar" in text and "metadata" in text
    assert "\x1b[" not in text, "plain markers when piped"


def test_stages_lists_the_pipeline_in_order():
    result = corpusclean("stages")
    names = [line.split()[1] for line in result.stdout.decode().splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert names[:3] == ["decode", "extract", "whitespace"]
    assert names.index("dedup") < names.index("template"), "syndicated copies go before templates are learned"


def test_version():
    result = corpusclean("--version")
    assert result.returncode == 0 and result.stdout.startswith(b"corpusclean ")


def test_running_on_its_own_output_changes_nothing(seeds_run, tmp_path):
    _, out = seeds_run
    again = tmp_path / "again.jsonl"
    result = corpusclean("run", out / "clean.jsonl", "-o", again, "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert again.read_bytes() == (out / "clean.jsonl").read_bytes()


def test_config_file_adds_boilerplate_phrases_and_options_override_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ZH_PAGE + "\n本站温馨提示本页内容\n", "utf-8")
    plain = jsonl(corpusclean("run", "in", "-q", "--no-dedup", cwd=tmp_path).stdout)
    assert "本站温馨提示" in plain[0]["text"]
    (tmp_path / "corpusclean.toml").write_text('extra_boilerplate = ["本站温馨提示"]\nscript = "tw"\n', "utf-8")
    configured = jsonl(corpusclean("run", "in", "-q", "--no-dedup", "--script", "hans", cwd=tmp_path).stdout)
    assert "本站温馨提示" not in configured[0]["text"]
    assert "会议指出" in configured[0]["text"], "--script hans overrides the file's tw"


def test_every_on_off_setting_a_config_file_turns_on_the_command_line_turns_off(tmp_path):
    """`explain = true` or `follow_links = true` in a config file could not be undone for one run: the
    command line had --explain and --follow-links, and no --no-explain or --no-follow-links."""
    from corpusclean.config import settings

    for setting in settings():
        if isinstance(setting.default, bool) and setting.metadata["flags"]:
            assert "/--no-" in setting.metadata["flags"][0], setting.name
    (tmp_path / "in").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "a.txt").write_text(ZH_PAGE, "utf-8")
    (tmp_path / "in" / "a.txt").symlink_to(tmp_path / "outside" / "a.txt")
    (tmp_path / "in" / "b.txt").write_text(ZH_PAGE + "\n第二篇不同的内容，记者报道了会议。\n", "utf-8")
    (tmp_path / "corpusclean.toml").write_text("explain = true\nfollow_links = true\n", "utf-8")
    configured = jsonl(corpusclean("run", "in", "-q", "--no-dedup", cwd=tmp_path).stdout)
    assert len(configured) == 2 and all("trace" in record for record in configured)
    result = corpusclean("run", "in", "-q", "--no-dedup", "--no-explain", "--no-follow-links", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert [("trace" in record, record["id"]) for record in jsonl(result.stdout)] == [(False, "in/b.txt")]
    assert "link_outside" in result.stderr.decode()


def test_file_names_that_are_not_utf8_are_written_escaped(tmp_path):
    """A scrape saved on a GBK system has GBK file names: its pages are cleaned, and the names' bytes that
    are not UTF-8 appear as \\xNN in ids, sources, paths and the report."""
    site = os.fsencode(tmp_path) + b"/" + "报道".encode("gbk")
    os.mkdir(site)
    with open(site + b"/" + "新闻".encode("gbk") + b".txt", "w", encoding="utf-8") as page:
        page.write(ZH_PAGE)
    result = corpusclean("run", tmp_path, "--report", tmp_path.parent / "gbk-report.json", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    [record] = jsonl(result.stdout)
    assert record["id"] == f"{tmp_path.name}/\\xb1\\xa8\\xb5\\xc0/\\xd0\\xc2\\xce\\xc5.txt"
    assert record["source"] == "\\xb1\\xa8\\xb5\\xc0"
    assert record["metadata"]["path"].endswith("/\\xb1\\xa8\\xb5\\xc0/\\xd0\\xc2\\xce\\xc5.txt")
    report = json.loads((tmp_path.parent / "gbk-report.json").read_text())
    assert report["written"] == 1 and list(report["files"]) == [record["metadata"]["path"]]


def test_stages_shows_each_stages_options_reasons_and_rejects():
    shown = corpusclean("stages").stdout.decode()
    dedup = shown[shown.index(". dedup ("):]
    assert "option dedup_threshold (--dedup-threshold, default 0.7)" in dedup
    assert "rejects documents as: duplicate" in dedup
    assert "option extra_titles (config file" in shown
    assert "removes lines as: repeat.paragraph" in shown and "removes lines as: repeat.sentence" in shown


@pytest.mark.parametrize("suffix, decompress", [
    pytest.param(".gz", gzip.decompress, id="gzip"),
    pytest.param(".zst", lambda data: __import__("zstandard").ZstdDecompressor().decompressobj().decompress(data),
                 id="zstd"),
])
def test_outputs_are_compressed_as_their_names_say_and_read_back(seeds_run, tmp_path, suffix, decompress):
    _, out = seeds_run
    plain = (out / "clean.jsonl").read_bytes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.jsonl").write_bytes(b"{broken\n")
    result = corpusclean("run", SEEDS, tmp_path / "in", "-q", "-o", tmp_path / f"clean.jsonl{suffix}",
                         "--rejects", tmp_path / f"rejects.jsonl{suffix}")
    assert result.returncode == 1, "the broken line is a read error"
    assert decompress((tmp_path / f"clean.jsonl{suffix}").read_bytes()) == plain
    [reject] = jsonl(decompress((tmp_path / f"rejects.jsonl{suffix}").read_bytes()))
    assert reject["raw"] == "{broken"
    again = corpusclean("run", tmp_path / f"clean.jsonl{suffix}", "-q")
    assert again.stdout == plain, "a compressed output is read back (idempotent)"


def test_source_names_the_records_and_keeps_ids_of_two_crawls_apart(tmp_path):
    for crawl in ("crawl-a", "crawl-b"):
        (tmp_path / crawl / "pages").mkdir(parents=True)
        (tmp_path / crawl / "pages" / "1.txt").write_text(ZH_PAGE.replace("防汛", crawl), "utf-8")
    ids = []
    for crawl in ("crawl-a", "crawl-b"):
        [record] = jsonl(corpusclean("run", tmp_path / crawl / "pages", "-q", "--source", crawl).stdout)
        assert (record["source"], record["metadata"]["path"]) == (crawl, "pages/1.txt")
        ids.append(record["id"])
    assert ids == ["crawl-a/pages/1.txt", "crawl-b/pages/1.txt"]
    [default] = jsonl(corpusclean("run", tmp_path / "crawl-a" / "pages", "-q").stdout)
    assert (default["source"], default["id"]) == ("pages", "pages/1.txt"), "default: the folder the file is in"


def test_shell_completion_is_offered():
    result = corpusclean("--help")
    assert b"--install-completion" in result.stdout and b"--show-completion" in result.stdout


def test_check_help_names_no_missing_document():
    import re

    shown = corpusclean("check", "--help").stdout.decode()
    for path in re.findall(r"\b[\w/]+\.md\b", shown):
        assert (SEEDS.parent / path).exists(), path


def test_stages_shows_the_pipeline_a_config_file_makes(tmp_path):
    """stages had no --config: it listed the default pipeline whatever a config turns off or sets."""
    (tmp_path / "c.toml").write_text('dedup = "exact"\ntemplate = false\ncjk_punct = false\nextra_titles = ["总干事"]\n',
                                     "utf-8")
    shown = corpusclean("stages", "--config", "c.toml", cwd=tmp_path).stdout.decode()
    names = [line.split()[1] for line in shown.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert "dedup" in names and not {"punct", "template"} & set(names)
    assert "option dedup (--dedup, default 'near', set to 'exact')" in shown
    assert "option extra_titles (config file, default (), set to ('总干事',))" in shown
    (tmp_path / "corpusclean.toml").write_text("template = false\n", "utf-8")
    found = corpusclean("stages", cwd=tmp_path).stdout.decode()
    assert ". template (" not in found and ". punct (" in found, "the config file run finds"
    missing = corpusclean("stages", "--config", "none.toml", cwd=tmp_path)
    assert (missing.returncode, missing.stderr.decode()) == (2, "corpusclean: error: config file not found: none.toml\n")


@pytest.mark.parametrize("command", [["run", "in.txt", "-q"], ["check", "in.jsonl"], ["explain", "in.txt"], ["stages"]])
def test_a_config_path_that_cannot_be_looked_at_is_one_line_and_exit_2(command, tmp_path):
    """--config with a name longer than the system takes (or, run as another user, in a folder they may not
    enter) made pathlib's is_file() raise: a traceback, exit 1, for every command. Now it is a configuration
    error naming it and why, as one that is not there is."""
    name = "c" * 300 + ".toml"
    result = corpusclean(*command, "--config", name, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (2, f"corpusclean: error: {name}: File name too long\n")
