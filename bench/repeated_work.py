"""Work asked more than once per document: calls of corpusclean's functions repeated with the same arguments.

    python bench/repeated_work.py ../shared/devdata/textdumps/inscriptis/magic-html [MORE_FOLDERS] [--top 40]

The pages go through the document stages of `run` as `run` takes them (each stage over a batch of 32 pages
before the next), twice. First under a profile hook that records, for every call of a corpusclean function
whose arguments are strings, lists of strings, numbers or None, whether the same function was already called
with the same arguments for the same page (a repeat), and whether another stage called it first. A function
remembered per line (corpusclean/memo.py) is seen only when it is called, when its memory does not hold the
answer: its repeats are the answers it forgot (memo.py's own wrappers are not counted). Then under cProfile,
for each function's mean cumulative cost per call. The table: each function's calls, repeats, the repeats
another stage asked first, and what the repeats cost (repeats x mean cost per call: a repeat inside another
function's repeat counts twice, so their sum is an upper bound), beside the whole second pass's time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections import Counter
from pathlib import Path

BATCH = 32


def run_pages(pages, config, stages, before_stage=None) -> None:
    from corpusclean.pipeline import apply_line_stage
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_page

    for first in range(0, len(pages), BATCH):
        docs = [read_page(InputFile(path, path, "page"), data, config.max_page_bytes)
                for path, data in pages[first:first + BATCH]]
        for stage in stages:
            for position, doc in enumerate(docs):
                if doc.rejected:
                    continue
                if before_stage:
                    before_stage(first + position, stage.name)
                docs[position] = apply_line_stage(stage, doc) if stage.kind == "line" else stage(doc)
        if before_stage:
            before_stage(None, None)


def _key(value):
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise TypeError


def main(argv: list[str] | None = None) -> int:
    import corpusclean
    from corpusclean.config import Config
    from corpusclean.pipeline import document_stages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of pages (*.txt, *.html)")
    parser.add_argument("--top", type=int, default=40, help="functions shown, most costly repeats first")
    args = parser.parse_args(argv)
    pages = [(str(path), path.read_bytes()) for folder in args.folders for path in sorted(folder.iterdir())
             if path.suffix in (".txt", ".html", ".htm")]
    config = Config(dedup="none", template=False)
    stages = document_stages(config)
    root = str(Path(corpusclean.__file__).parent) + "/"
    memo = root + "memo.py"     # its wrappers: the function they remember is seen when it is called

    calls: Counter[str] = Counter()
    repeats: Counter[str] = Counter()
    across: Counter[str] = Counter()
    asked: dict[tuple, str] = {}     # (page, function, arguments) -> the stage that asked first
    now: dict[str, object] = {"page": None, "stage": None}

    def before_stage(page, stage) -> None:
        if page is None:
            asked.clear()   # a batch is done: its pages are gone
        now["page"], now["stage"] = page, stage

    def hook(frame, event, arg) -> None:
        code = frame.f_code
        if (event != "call" or not code.co_filename.startswith(root) or code.co_filename == memo
                or code.co_name.startswith("<")):
            return
        names = [name for name in code.co_varnames[:code.co_argcount] if name != "self"]
        try:
            key = tuple(_key(frame.f_locals.get(name)) for name in names)
        except TypeError:
            return
        if not key:
            return
        function = f"{code.co_filename[len(root):]}:{code.co_name}"
        calls[function] += 1
        where = (now["page"], function, key)
        first = asked.get(where)
        if first is None:
            asked[where] = now["stage"]
        else:
            repeats[function] += 1
            across[function] += first != now["stage"]

    sys.setprofile(hook)
    try:
        run_pages(pages, config, stages, before_stage)
    finally:
        sys.setprofile(None)

    profile = cProfile.Profile()
    profile.runcall(run_pages, pages, config, stages)
    stats = pstats.Stats(profile).stats
    mean: dict[str, float] = {}
    for (filename, _, name), (_, ncalls, _, cumulative, _) in stats.items():
        if filename.startswith(root) and ncalls:
            mean[f"{filename[len(root):]}:{name}"] = cumulative / ncalls
    total = max(entry[3] for entry in stats.values())

    rows = sorted(((repeats[f] * mean.get(f, 0.0), f) for f in calls), reverse=True)[:args.top]
    print(f"{len(pages)} pages; the second pass under cProfile: {total:.2f} s; the repeats shown: "
          f"{sum(cost for cost, _ in rows):.2f} s (an upper bound: nested repeats count twice)")
    print(f"{'function':58} {'calls':>9} {'repeats':>9} {'by another stage':>17} {'their cost':>11}")
    for cost, function in rows:
        print(f"{function:58} {calls[function]:9} {repeats[function]:9} {across[function]:17} "
              f"{cost * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
