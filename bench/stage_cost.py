"""What each per-document stage of `run` costs, in milliseconds per MB of input, on your own pages.

    python bench/stage_cost.py ../shared/devdata/textdumps/inscriptis/magic-html [MORE_FOLDERS] [--repeat 5]

Every page of the folders goes through the document stages of `run` (as `explain` runs them) in this
process; each stage's time is summed over the pages and divided by the MB of the input files. With --batch N
the pages go through them N at a time, each stage over the N pages before the next, as `run` takes its
batches (--batch 32); the default, 1, times each page alone. The figure
of a stage is the best of --repeat rounds (timings on a shared machine only ever come out too slow), and
the total is the best round's sum. Times are CPU seconds of this process (time.process_time): on a shared
machine they drift less than wall seconds. Pages are read once, before the first round.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from corpusclean.config import Config
    from corpusclean.pipeline import document_stages
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_page

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of pages (*.txt, *.html)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; each stage's best round counts")
    parser.add_argument("--batch", type=int, default=1, help="pages through the stages together (run: 32)")
    args = parser.parse_args(argv)
    pages = [(str(path), path.read_bytes()) for folder in args.folders for path in sorted(folder.iterdir())
             if path.suffix in (".txt", ".html", ".htm")]
    megabytes = sum(len(data) for _, data in pages) / 1e6
    config = Config(dedup="none", template=False)
    stages = document_stages(config)
    best: dict[str, float] = {}
    best_total = float("inf")
    for _ in range(args.repeat):
        timings: dict[str, float] = defaultdict(float)
        start = time.process_time()
        for first in range(0, len(pages), args.batch):
            docs = [read_page(InputFile(path, path, "page"), data, config.max_page_bytes)
                    for path, data in pages[first:first + args.batch]]
            for stage in stages:
                began = time.process_time()
                docs = [doc if doc.rejected else _run(stage, doc) for doc in docs]
                timings[stage.name] += time.process_time() - began
        best_total = min(best_total, time.process_time() - start)
        for name, seconds in timings.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    import corpusclean

    folder = Path(corpusclean.__file__).parent
    compiled = sum(1 for _ in folder.rglob("*.so"))    # a non-editable install compiles some (setup.py)
    print(f"corpusclean from {folder}: " + (f"{compiled} modules compiled by mypyc" if compiled else "plain Python"))
    print(f"{len(pages)} pages, {megabytes:.2f} MB, best of {args.repeat} rounds")
    print(f"{'stage':<20} {'ms per MB':>10}")
    for name, seconds in best.items():
        print(f"{name:<20} {seconds * 1000 / megabytes:>10.1f}")
    print(f"{'all (best round)':<20} {best_total * 1000 / megabytes:>10.1f}")
    return 0


def _run(stage, doc):
    from corpusclean.pipeline import apply_line_stage

    if stage.kind == "line":
        return apply_line_stage(stage, doc)
    return stage(doc)


if __name__ == "__main__":
    sys.exit(main())
