"""Golden end-to-end cases: fixtures/<case>/input/ -> expected.jsonl and expected_rejects.jsonl.

Each case may hold an `args` file (extra options, one line). Regenerate with `pytest --regen-fixtures`
and read the diff before committing.
"""

from pathlib import Path

import pytest

from clirun import REPO, corpusclean

CASES = sorted(p for p in (REPO / "fixtures").iterdir() if (p / "input").is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, regen: bool, tmp_path: Path):
    args = (case / "args").read_text().split() if (case / "args").exists() else []
    rejects = tmp_path / "rejects.jsonl"
    result = corpusclean("run", "input", "--quiet", "--jobs", "1", "--rejects", rejects, *args, cwd=case)
    assert result.returncode in (0, 1), result.stderr.decode()
    outputs = {"expected.jsonl": result.stdout, "expected_rejects.jsonl": rejects.read_bytes()}
    for name, actual in outputs.items():
        if regen:
            (case / name).write_bytes(actual)
        assert actual == (case / name).read_bytes(), f"{case.name}/{name} differs; see --regen-fixtures"
