"""Peak memory of `corpusclean check` on a large JSONL file, beside the same check on a tenth of it.

    python bench/check_memory.py --mb 1000                     # build bench/out/check_*.jsonl, measure
    python bench/check_memory.py --mb 1000 --select CC001,CC005,CC015   # the duplicates hook's rules only
    python bench/check_memory.py --mb 200 --python /work/main/.venv/bin/python   # another checkout's check

The file is deterministic, built from the seed pages: records of 1-8 paragraphs drawn from them, each text
made unique (its number in front) so CC015 finds no copies; a tenth of the records carry a leftover
copyright line so there are findings to print. Each measurement runs `check` in a fresh process, findings
to /dev/null, and reports wall seconds, MB/s and the peak RSS of that process (ru_maxrss from wait4). A
check that streams holds one record at a time plus, for CC005 and CC015, a key and a location per record:
its peak RSS barely grows from the small file to the large one, and the growth per million records is
that per-record cost. One that reads each file whole grows by the file's size (or more) instead.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"


def paragraphs() -> list[str]:
    found = []
    for page in sorted((REPO / "seeds").glob("*.txt")):
        found += [line.strip() for line in page.read_text("utf-8").splitlines() if len(line.strip()) > 30]
    return found


def build(path: Path, megabytes: int) -> int:
    """A JSONL file of about `megabytes` MB; returns its number of records."""
    rng = random.Random(15)
    pool = paragraphs()
    limit, size, count = megabytes * 1_000_000, 0, 0
    with path.open("wb") as out:
        while size < limit:
            body = [f"{count}. " + pool[rng.randrange(len(pool))]] + rng.sample(pool, rng.randint(0, 7))
            if count % 10 == 0:
                body.append("Copyright © 2008-2024 by www.example-news.cn. all rights reserved")
            line = orjson.dumps({"id": f"r{count}", "text": "\n".join(body)}) + b"\n"
            out.write(line)
            size += len(line)
            count += 1
    return count


def measure(python: str, path: Path, select: str | None) -> tuple[float, int]:
    """(wall seconds, peak RSS in bytes) of one `check` process."""
    command = [python, "-m", "corpusclean", "check", "-q", str(path)] + (["--select", select] if select else [])
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(command, stdout=devnull, cwd=OUT)  # not REPO: -m would import this checkout
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"check failed with exit status {process.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="size of the large file (the small one is a tenth)")
    parser.add_argument("--select", help="check only these rules (comma-separated codes)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose corpusclean is measured")
    args = parser.parse_args()
    if args.mb < 10:
        parser.error("--mb must be at least 10 (the small file is a tenth of it)")
    OUT.mkdir(exist_ok=True)
    rows = []
    for megabytes in (args.mb // 10, args.mb):
        path = OUT / f"check_{megabytes}mb.jsonl"
        records = build(path, megabytes)
        seconds, peak = measure(args.python, path, args.select)
        rows.append((path.stat().st_size, records, seconds, peak))
        print(f"{path.stat().st_size / 1e6:8.0f} MB  {records:>9,} records  {seconds:7.1f} s  "
              f"{path.stat().st_size / 1e6 / seconds:6.2f} MB/s  peak RSS {peak / 1e6:7.1f} MB", flush=True)
    (small_size, small_records, _, small_peak), (large_size, large_records, _, large_peak) = rows
    growth = large_peak - small_peak
    print(f"peak RSS grew {growth / 1e6:.1f} MB for {(large_size - small_size) / 1e9:.2f} GB more input: "
          f"{growth / ((large_size - small_size) / 1e9) / 1e6:.1f} MB per GB, "
          f"{growth / ((large_records - small_records) / 1e6) / 1e6:.0f} MB per million records")


if __name__ == "__main__":
    main()
