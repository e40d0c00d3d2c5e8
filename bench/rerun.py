"""Idempotence of `run`: how many records change when `run` cleans its own output again.

    python bench/rerun.py ../shared/devdata/textdumps/inscriptis ../shared/devdata/magic-html/pages [--show 3]

For each input (a folder of pages, a JSONL file) it runs `corpusclean run INPUT -o first.jsonl`, then
`corpusclean run first.jsonl --explain -o second.jsonl` (default options both times, each in a process of
its own as a user runs them), and counts the records whose text, created date or metadata the second run
changes, or that it rejects. Cleaning clean output should change nothing: every count should be 0. For the
changed records it counts the stage/reason of each line the second run removed, and --show N prints the
first N changed records' removals.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

COMPARED = ("text", "created", "metadata")


def run(inputs: list[str], output: Path, *options: str) -> None:
    command = [sys.executable, "-m", "corpusclean", "run", *inputs, "--quiet", "--jobs", "2", "-o", str(output),
               *options]
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def records(path: Path) -> dict[str, dict]:
    return {record["id"]: record for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def compare(first: dict[str, dict], second: dict[str, dict]) -> tuple[list[str], Counter, list[tuple[str, list]]]:
    """(ids changed or rejected, stage/reason counts of the second run's removals in them, their removals)."""
    changed, reasons, shown = [], Counter(), []
    for record_id, before in first.items():
        after = second.get(record_id)
        if after is not None and all(before[key] == after[key] for key in COMPARED):
            continue
        changed.append(record_id)
        steps = after["trace"] if after is not None else []
        reasons.update(f"{step['stage']}/{step['reason']}" for step in steps)
        if after is None:
            reasons["(rejected)"] += 1
        elif not steps:
            reasons["(fields only)"] += 1
        shown.append((record_id, steps if after is not None else "rejected"))
    return changed, reasons, shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="folders of pages or JSONL files, each measured on its own")
    parser.add_argument("--show", type=int, default=0, help="print the removals of the first N changed records")
    args = parser.parse_args(argv)
    print(f"{'input':<50} {'records':>7} {'changed':>7}  second run's removals in them")
    with tempfile.TemporaryDirectory() as tmp:
        for number, source in enumerate(args.inputs):
            first_path, second_path = Path(tmp, f"{number}.first.jsonl"), Path(tmp, f"{number}.second.jsonl")
            run([source], first_path)
            run([str(first_path)], second_path, "--explain")
            first = records(first_path)
            changed, reasons, shown = compare(first, records(second_path))
            summary = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common())
            print(f"{source[-50:]:<50} {len(first):>7} {len(changed):>7}  {summary}")
            for record_id, steps in shown[:args.show]:
                print(f"    {record_id}")
                for step in steps if isinstance(steps, list) else [{"stage": steps, "reason": "", "text": ""}]:
                    print(f"      {step['stage']}/{step['reason']}: {step['text'][:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
