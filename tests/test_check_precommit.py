"""The pre-commit hook, for real: `pre-commit try-repo <this checkout> corpusclean-check` in a fresh git
repository. Each try-repo pip-installs the checkout into a new environment (about 35 s here), so there
are two runs only: a dirty file fails the hook, a clean one passes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
ARTICLE = ("全省各级工会牢牢把握时代主题，主题劳动和技能竞赛风起云涌，广大职工投身高质量发展主战场激情澎湃。\n"
           "体系更健全、平台更广阔、成效更显著，这是对五年来全省工会劳动和技能竞赛的精准概括。")
DIRTY = [
    {"id": "1", "text": ARTICLE + "\nCopyright © 2008-2024 by www.workercn.cn. all rights reserved"},
    {"id": "1", "text": "工会要闻 \ufffd"},
]
CLEAN = [{"id": "1", "text": ARTICLE}]


@pytest.fixture
def dataset_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "datasets"
    repo.mkdir()
    for name, records in (("dirty.jsonl", DIRTY), ("clean.jsonl", CLEAN)):
        (repo / name).write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    return repo


def try_hook(repo: Path, file: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(CHECKOUT), "corpusclean-check", "--files", file],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_fails_on_a_dirty_file(dataset_repo, tmp_path):
    result = try_hook(dataset_repo, "dirty.jsonl", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "dirty.jsonl:1:1: CC010 text line 3: boilerplate.copyright" in result.stdout
    assert "dirty.jsonl:2:1: CC005 duplicate id '1'" in result.stdout
    assert "CC007" in result.stdout


def test_hook_passes_on_a_clean_file(dataset_repo, tmp_path):
    result = try_hook(dataset_repo, "clean.jsonl", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "corpusclean check" in result.stdout and "Passed" in result.stdout
