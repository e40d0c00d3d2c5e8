"""The pre-commit hooks, for real: `pre-commit run` in fresh git repositories with a config naming this
checkout (committed as it is, in a copy) at a commit sha, as the README's snippet does. pre-commit
pip-installs the hooks once (about 35 s here) for both runs: a dataset with a dirty file and a copy of a
committed file fails each hook; a clean one passes them."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from corpusclean.check.command import folder_datasets

CHECKOUT = Path(__file__).resolve().parent.parent
HOOKS = ("corpusclean-check", "corpusclean-fix", "corpusclean-duplicates")
ARTICLE = ("全省各级工会牢牢把握时代主题，主题劳动和技能竞赛风起云涌，广大职工投身高质量发展主战场激情澎湃。\n"
           "体系更健全、平台更广阔、成效更显著，这是对五年来全省工会劳动和技能竞赛的精准概括。")
OTHER = ("记者从省粮食和物资储备局了解到，截至十一月十日，全省累计收购秋粮八百万吨，收购进度过半。\n"
         "各地粮库延长收购时间，开辟售粮绿色通道，方便农民就近售粮。")
DIRTY = [
    {"id": "1", "text": ARTICLE + "\nCopyright © 2008-2024 by www.workercn.cn. all rights reserved"},
    {"id": "1", "text": "工会要闻 \ufffd"},
]


def git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def jsonl(records: list[dict]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


@pytest.fixture(scope="module")
def hooks_config(tmp_path_factory) -> tuple[str, Path]:
    """A config naming a committed copy of this checkout (tracked and new files, as they are now) at its
    commit sha, and a PRE_COMMIT_HOME shared by the runs."""
    tmp = tmp_path_factory.mktemp("hooks")
    copy = tmp / "corpusclean"
    listed = git("ls-files", "-co", "--exclude-standard", "-z", cwd=CHECKOUT).split("\0")
    for name in filter(None, listed):
        if (CHECKOUT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CHECKOUT / name, copy / name)
    git("init", "-q", cwd=copy)
    git("add", ".", cwd=copy)
    git("commit", "-q", "-m", "hooks under test", cwd=copy)
    sha = git("rev-parse", "HEAD", cwd=copy).strip()
    hooks = "".join(f"      - id: {hook}\n" for hook in HOOKS)
    return f"repos:\n  - repo: {copy}\n    rev: {sha}\n    hooks:\n{hooks}", tmp / "pre-commit-home"


def dataset(root: Path, committed: dict[str, bytes], new: dict[str, bytes], config: str) -> Path:
    root.mkdir()
    (root / ".pre-commit-config.yaml").write_text(config)
    for name, data in committed.items():
        (root / name).write_bytes(data)
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-q", "-m", "dataset", cwd=root)
    for name, data in new.items():
        (root / name).write_bytes(data)
    git("add", ".", cwd=root)
    return root


def run_hooks(root: Path, home: Path) -> subprocess.CompletedProcess:
    # the hooks run the same code compiled or not: never compile them (45 s of mypyc and gcc), whatever the
    # environment asks for
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), CORPUSCLEAN_COMPILE="0")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run"], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900)


def hook_results(output: str) -> dict[str, str]:
    """Each hook's name -> Passed, Failed or Skipped, from pre-commit's summary lines."""
    return dict(re.findall(r"^(corpusclean[^.\n]*?)\.{2,}(Passed|Failed|\(no files to check\)Skipped)$", output, re.M))


def test_hooks_fail_on_a_dirty_file_and_on_a_copy_of_a_committed_one_and_pass_a_clean_dataset(hooks_config, tmp_path):
    config, home = hooks_config
    committed = {"a.jsonl": jsonl([{"id": "a1", "text": OTHER}])}
    dirty = dataset(tmp_path / "dirty", committed, {
        "dirty.jsonl": jsonl(DIRTY),
        "copy.jsonl.gz": gzip.compress(jsonl([{"id": "a1", "text": OTHER}]), mtime=0),
    }, config)
    result = run_hooks(dirty, home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert hook_results(result.stdout) == {
        "corpusclean check": "Failed", "corpusclean check --fix": "Failed",
        "corpusclean duplicates across the dataset": "Failed",
    }, result.stdout
    assert "dirty.jsonl:1:1: CC010 text line 3: boilerplate.copyright" in result.stdout
    assert "dirty.jsonl:2:1: CC005 duplicate id '1'" in result.stdout and "CC007" in result.stdout
    assert "copy.jsonl.gz:1:1: CC005 duplicate id 'a1', first at a.jsonl:1" in result.stdout
    assert "files were modified by this hook" in result.stdout
    assert "Copyright" not in (dirty / "dirty.jsonl").read_text("utf-8"), "the fix hook cleaned the file"

    clean = dataset(tmp_path / "clean", committed, {"b.ndjson": jsonl([{"id": "b1", "text": ARTICLE}])}, config)
    result = run_hooks(clean, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(hook_results(result.stdout).values()) == {"Passed"}, result.stdout


@pytest.mark.parametrize("name, hooked, from_folder", [
    ("a.jsonl", True, True), ("a.JSONL", True, True), ("a.jsonl.gz", True, True), ("a.jsonl.zst", True, True),
    ("a.ndjson", True, True), ("a.ndjson.gz", True, True), ("a.json", False, True), ("a.json.gz", False, True),
    ("a.jsonl.bz2", False, False), ("a.jsonl.tmp", False, False), (".a.jsonl", True, False),
    ("jsonl", False, True),  # no suffix: run reads it as JSON lines by its first bytes
])
def test_hooks_take_the_jsonl_names_check_takes_from_a_folder(name, hooked, from_folder, tmp_path):
    """The hooks take .jsonl and .ndjson, which check takes from a folder too; not .json, which a folder gives
    check as run reads it, but which a repository holds for much else (package.json); nor a name without a
    suffix, which a folder gives check when it holds JSON lines."""
    import yaml

    manifest = yaml.safe_load((CHECKOUT / ".pre-commit-hooks.yaml").read_text())
    [files] = {hook["files"] for hook in manifest}
    (tmp_path / name).write_bytes(b'{"id": "a", "text": "x"}\n')
    assert (bool(re.search(files, name)), folder_datasets(str(tmp_path)) != []) == (hooked, from_folder)
