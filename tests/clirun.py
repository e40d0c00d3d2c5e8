"""Run the installed command line in a subprocess, as a user would."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def corpusclean(*args, input=None, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "corpusclean", *map(str, args)],
        input=input, capture_output=True, cwd=cwd, env=env, timeout=300,
    )


def jsonl(data: bytes) -> list[dict]:
    import json

    return [json.loads(line) for line in data.decode("utf-8").split("\n") if line]
