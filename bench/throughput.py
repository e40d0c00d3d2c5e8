"""Throughput of `corpusclean run` beside the floor, a baseline checkout and trafilatura, measured in the same run.

    python bench/throughput.py --mb 100            # build a corpus under bench/out/, measure everything
    python bench/throughput.py --baseline ../orig --real-html DIR   # also an older checkout, and real pages
    python bench/throughput.py --corpus DIR        # measure on your own folder of pages
    python bench/throughput.py --html-only DIR     # only the HTML comparison with trafilatura on DIR/*.html

The corpus is deterministic and built from text in this repo (the seed pages): pages of paragraphs drawn
from the seeds, half Chinese and half English, 30% of the Chinese converted to Traditional, 9% of the pages
saved in GB18030 or Big5, 5% republished copies; and HTML news pages in Chinese, 9% of them in GB18030 or
Big5 as they declare. Each measurement runs in a fresh process (interpreter start and imports included, as
a user sees them) and reports wall seconds, MB/s, docs/s and peak memory: RSS of the largest single process
(ru_maxrss), PSS of all its processes together (sampled from /proc every half second, so --jobs 2 counts
the main process and both workers, and their shared pages once; more often, the sampling itself takes CPU
from the run it times) and RSS of the main process alone (VmHWM, sampled every 20 ms). For --jobs 2 it also
gives the CPU seconds of the main process apart from the workers': the serial part, which bounds the
speed-up the workers can bring. Every figure is the median of --repeat
rounds, each round running every measurement once, in turn.

The floor is read + decode + write one JSON line per document, nothing else: each file is read, decoded
by the same decoder `run` uses (corpusclean.decode.decode_bytes: BOM, strict UTF-8, then legacy Chinese
and a detector for the rest) and written to /dev/null as one orjson line. No Python program that reads and
writes the corpus can beat it, so the ratio run/floor is the figure that travels between machines.
--baseline CHECKOUT runs that checkout's own `run --jobs 1` (its .venv) in the same rounds: the speed-up
of this checkout over it.

What the machine gives two processes: this machine is a share of a larger host, and when the host is busy
two processes at once each run slower than one alone (seen here: two copies of a CPU-bound loop at once
took 1.2-1.4x the wall seconds of one copy alone). So each round also runs such a loop (word counting over
the seed text, about 5 s) once alone and twice at once, and the run --jobs 2 speed-up is printed beside
the speed-up the machine gave that loop in the same rounds.

Memory per document: the main process of run --jobs 2 (which reads the inputs, passes references and
summaries, fits the corpus stages and writes) on the first quarter of the corpus and on all of it; the
growth of its peak RSS, per document added, is what a run holds per document. Measured with --no-dedup,
and the dedup summaries' share apart (the default run less that).

HTML: `run --jobs 1` on the pages beside trafilatura, as whole processes (trafilatura given each page
decoded in the charset it declares, by corpusclean's decoder) and as in-process loops over pages read
beforehand, on the synthetic pages and on each --real-html folder.

Before the rounds, the modules of each checkout measured are compiled to bytecode (compileall), as pip does
when it installs a package: trafilatura's are, and with PYTHONDONTWRITEBYTECODE set (or a source newer than
its cached bytecode) every run of a checkout would compile its changed modules again, 70 ms a run of a page
when none is cached.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parent.parent
SEEDS = REPO / "seeds"
CORPUS_VERSION = 2  # 2: 9% of the HTML pages in GB18030 or Big5


def seed_paragraphs() -> tuple[list[str], list[str], list[str]]:
    """Article paragraphs (zh, en) and noise lines from the seeds, split by a crude length rule."""
    zh, en, noise = [], [], []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if not line:
                continue
            han = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
            if len(line) < 40:
                noise.append(line)
            elif han > len(line) / 3:
                zh.append(line)
            else:
                en.append(line)
    return zh, en, noise


def build_corpus(folder: Path, megabytes: float, html_pages: int) -> None:
    import opencc

    rng = random.Random(20261121)
    zh, en, noise = seed_paragraphs()
    to_traditional, to_taiwan = opencc.OpenCC("s2t"), opencc.OpenCC("s2tw")
    (folder / "text").mkdir(parents=True, exist_ok=True)
    target, written, index, pages = megabytes * 1e6, 0, 0, []
    while written < target:
        chinese = index % 2 == 0
        pool = zh if chinese else en
        if pages and rng.random() < 0.05:
            body = list(rng.choice(pages))  # a republished copy
        else:
            body = rng.sample(pool, k=min(len(pool), rng.randint(4, 12)))
            pages.append(body)
            pages = pages[-200:]
        lines = rng.sample(noise, 3) + [f"稿件编号 {index}" if chinese else f"Story {index}"] + body
        lines += rng.sample(noise, 4)
        text = "\n\n".join(lines) + "\n"
        encoding = "utf-8"
        if chinese and rng.random() < 0.3:
            text = to_traditional.convert(text)
            if rng.random() < 0.3:
                encoding = "big5hkscs"
        elif chinese and rng.random() < 0.09:
            encoding = "gb18030"
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        sub = folder / "text" / f"{index // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{index:06d}.txt").write_bytes(data)
        written += len(data)
        index += 1
    html = folder / "html"
    html.mkdir(exist_ok=True)
    for i in range(html_pages):
        body = rng.sample(zh, k=min(len(zh), rng.randint(4, 10)))
        nav = " ".join(rng.sample(noise, 8))
        links = "".join(f'<li><a href="/n/{rng.randint(1, 9999)}.html">{t}</a></li>' for t in rng.sample(noise, 10))
        # 9% of the pages in a legacy encoding they declare, as the text corpus: GB18030, and Big5 (Traditional)
        encoding = rng.choices(["utf-8", "gb18030", "big5hkscs"], weights=[91, 6, 3])[0]
        page = news_page(body, nav, links, "big5" if encoding == "big5hkscs" else encoding)
        if encoding == "big5hkscs":
            page = to_taiwan.convert(page)  # Taiwan's forms: s2t gives 爲 where Big5 only has 為
        try:
            data = page.encode(encoding)
        except UnicodeEncodeError:  # a character the legacy encoding lacks: the page is saved as UTF-8
            data = news_page(body, nav, links, "utf-8").encode("utf-8")
        (html / f"{i:05d}.html").write_bytes(data)


def news_page(body: list[str], nav: str, links: str, charset: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{body[0][:20]}-新闻-示例网</title></head>"
        f"<body><div class='nav'>{nav}</div><div class='main'><h1>{body[0][:20]}</h1>"
        f"<div class='info'>2024-05-17 15:58 来源：示例日报</div><div class='content'>{paragraphs}</div></div>"
        f"<div class='sidebar'><ul>{links}</ul></div><div class='footer'>版权所有 示例网 京ICP备00000000号</div>"
        "</body></html>"
    )


def corpus_size(folders: list[Path]) -> tuple[int, int]:
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure_floor(folders: list[str]) -> None:
    """Runs inside a child process: read + decode (run's decoder) + write JSON lines to /dev/null."""
    import orjson

    from corpusclean.decode import decode_bytes

    with open(os.devnull, "wb") as out:
        for folder in folders:
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    decoded = decode_bytes(path.read_bytes())
                    out.write(orjson.dumps({"id": str(path), "text": decoded.text}) + b"\n")


def busy_loop() -> None:
    """A fixed amount of CPU-bound work of the kind the stages do (splitting text, counting in a dict)."""
    zh, en, noise = seed_paragraphs()
    lines = zh + en + noise
    counts: dict[str, int] = {}
    for _ in range(12000):
        for line in lines:
            for word in line.split():
                counts[word] = counts.get(word, 0) + 1


def measure_spin(copies: int) -> None:
    """Runs inside a child process: `copies` processes each doing busy_loop() at once."""
    import multiprocessing

    processes = [multiprocessing.Process(target=busy_loop) for _ in range(copies)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()


# How often PSS is sampled, in seconds. Reading a process's smaps_rollup walks its page tables: about 4 ms of
# CPU for the three processes of a --jobs 2 run, so sampled every 20 ms it took 2.6-3.9 s of CPU from a
# 15 s run on two cores and made --jobs 2 look 10-50% slower than it is (measured on the 100 MB corpus). The
# main process's CPU and peak RSS (VmHWM: a high-water mark) are cheap to read and still sampled every 20 ms.
PSS_EVERY = 0.5


def _tree_rss_kb(pid: int) -> int:
    """Proportional resident memory (PSS) of a process and all its descendants (Linux /proc), in KB; 0 when
    unavailable. PSS, not RSS: forked workers share the parent's pages, which a sum of RSS counts again
    for every worker."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _main_process(probe_pid: int) -> tuple[float, int]:
    """CPU seconds so far and peak RSS (VmHWM, KB) of the command's own process (the probe's child), not
    counting its workers; zeros when unavailable (Linux /proc only)."""
    try:
        [pid] = Path(f"/proc/{probe_pid}/task/{probe_pid}/children").read_text().split()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
        hwm = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), hwm  # utime + stime
    except (OSError, ValueError, StopIteration):
        return 0.0, 0


class Command(NamedTuple):
    args: list[str]
    cwd: Path = REPO  # `python -m corpusclean` imports the checkout it starts in


def timed_child(command: Command) -> dict:
    """Run a command in a fresh process: wall seconds, peak RSS of its largest process (ru_maxrss), peak PSS of
    all its processes together (sampled), in MB; CPU seconds of all its processes; and of its main process
    alone (sampled) the CPU seconds (the serial part that bounds what worker processes can gain) and the peak
    RSS, in MB."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:])\n"
        "s = time.perf_counter() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = usage.ru_utime + usage.ru_stime\n"
        "print(json.dumps({'seconds': s, 'rss_mb': usage.ru_maxrss / 1024, 'cpu': cpu, 'code': code}))\n"
    )
    child = subprocess.Popen([sys.executable, "-c", probe, *command.args], stdout=subprocess.PIPE, text=True,
                             cwd=command.cwd)
    tree_peak, main_cpu, main_peak = 0, 0.0, 0
    next_pss = 0.0
    while child.poll() is None:
        if time.perf_counter() >= next_pss:     # PSS costs the measured run CPU: see PSS_EVERY
            tree_peak = max(tree_peak, _tree_rss_kb(child.pid))
            next_pss = time.perf_counter() + PSS_EVERY
        cpu, hwm = _main_process(child.pid)
        main_cpu, main_peak = max(main_cpu, cpu), max(main_peak, hwm)
        time.sleep(0.02)
    result = json.loads(child.stdout.read().strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"{' '.join(command.args)} exited with {result['code']}")
    result["tree_rss_mb"] = tree_peak / 1024
    result["main_cpu"] = main_cpu
    result["main_rss_mb"] = main_peak / 1024
    return result


def compile_bytecode(checkout: Path, python: str = sys.executable) -> None:
    """Compile the checkout's modules to bytecode, as an install does (see the module's docstring)."""
    subprocess.run([python, "-m", "compileall", "-q", str(checkout / "corpusclean")], check=True,
                   stdout=subprocess.DEVNULL)


def build_of(python: str, cwd: Path | None = None) -> str:
    """Which corpusclean `python -m corpusclean` runs from `cwd`: its folder, and whether its modules are
    compiled (a non-editable install compiles some with mypyc, see setup.py; run from a checkout's root, or
    installed editable, it is the checkout's .py files)."""
    probe = ("import corpusclean, pathlib; folder = pathlib.Path(corpusclean.__file__).parent; "
             "print(folder, sum(1 for _ in folder.rglob('*.so')))")
    folder, compiled = subprocess.run([python, "-c", probe], cwd=cwd, capture_output=True, text=True,
                                      check=True).stdout.split()
    return f"{folder} ({compiled} modules compiled by mypyc)" if compiled != "0" else f"{folder} (plain Python)"


def run_args(folders: list[Path], *options: str, python: str = sys.executable) -> list[str]:
    return [python, "-m", "corpusclean", "run", *map(str, folders), "-o", os.devnull, "--quiet", *options]


def quarter(folder: Path) -> list[Path]:
    """About the first quarter of a corpus: its first subfolders (the generated corpus has one per 1,000
    pages) until they hold a quarter of the bytes; the folder itself when it has too few."""
    parts = sorted(p for p in folder.iterdir() if p.is_dir())
    if len(parts) < 4:
        return [folder]
    total, chosen, size = corpus_size([folder])[1], [], 0
    for part in parts:
        chosen.append(part)
        size += corpus_size([part])[1]
        if size >= total / 4:
            break
    return chosen


def median_run(runs: list[dict]) -> dict:
    """The median of each time over the runs (these machines are shared: a slow spell moves the median
    less than the mean), with the highest peak memory seen."""
    times = {key: statistics.median(r[key] for r in runs) for key in ("seconds", "cpu", "main_cpu")}
    memory = {key: max(r[key] for r in runs) for key in ("rss_mb", "tree_rss_mb", "main_rss_mb")}
    return {**times, **memory}


def median_of_rounds(repeat: int, commands: dict[str, Command]) -> dict[str, dict]:
    """The median run of each command over `repeat` rounds that run every command once, in turn: a slow
    spell of the shared machine then falls on all of them alike, not on the whole repeats of one."""
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for number in range(repeat):
        print(f"  round {number + 1} of {repeat} ...", file=sys.stderr)
        for name, command in commands.items():
            runs[name].append(timed_child(command))
    return {name: median_run(found) for name, found in runs.items()}


def timed_loop(work, items: list) -> tuple[float, float]:
    """(wall, CPU) seconds of work(item) over the items, in this process."""
    start, cpu = time.perf_counter(), time.process_time()
    for item in items:
        work(item)
    return time.perf_counter() - start, time.process_time() - cpu


def page_text(path: Path) -> str:
    """A page as text for trafilatura, decoded in the charset the page declares (corpusclean's decoder, the one
    the floor uses): trafilatura given the bytes guesses the charset with a detector, and reading every page
    as UTF-8 fails on the GB18030 and Big5 ones."""
    from corpusclean.decode import decode_bytes

    return decode_bytes(path.read_bytes()).text


def trafilatura_in_process(folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of trafilatura.extract over the pages, read and decoded beforehand, in this process:
    no interpreter start, no imports, no reading or writing counted."""
    import trafilatura

    return timed_loop(trafilatura.extract, [page_text(p) for p in sorted(folder.glob("*.html"))])


def corpusclean_in_process(folder: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of every per-document stage of corpusclean (extraction and all the cleaning; no
    dedup, no template) over the pages, read beforehand, in this process: the same terms as
    trafilatura_in_process."""
    from corpusclean.config import Config
    from corpusclean.api import Page, as_document
    from corpusclean.pipeline import document_stages, run_stages

    config = Config()
    stages = document_stages(config)
    pages = [(str(p), p.read_bytes()) for p in sorted(folder.glob("*.html"))]
    return timed_loop(lambda page: run_stages(stages, as_document(Page(page[1], page[0]), config)), pages)


def measure_trafilatura_run(folder: str) -> None:
    """Runs inside a child process: trafilatura measured the way `corpusclean run` is, interpreter start and
    imports included, every page file read and decoded, and one JSON line written per page to /dev/null."""
    import orjson
    import trafilatura

    with open(os.devnull, "wb") as out:
        for path in sorted(Path(folder).glob("*.html")):
            text = trafilatura.extract(page_text(path))
            out.write(orjson.dumps({"id": str(path), "text": text}) + b"\n")


def measure_html(html_dir: Path, repeat: int) -> None:
    """`corpusclean run --jobs 1` on the HTML pages beside trafilatura, in a process of its own and in a loop;
    medians of interleaved rounds."""
    pages = len(list(html_dir.glob("*.html")))
    try:
        import trafilatura  # noqa: F401  (only whether it is installed)
    except ImportError:
        print("html: trafilatura not installed (pip install -e '.[bench]')")
        return
    results = median_of_rounds(repeat, {
        "ours": Command(run_args([html_dir], "--jobs", "1")),
        "theirs": Command([sys.executable, str(SCRIPT), "--trafilatura-only", str(html_dir)]),
    })
    ours, theirs_run = results["ours"], results["theirs"]
    loops = [(corpusclean_in_process(html_dir), trafilatura_in_process(html_dir)) for _ in range(repeat)]
    ours_loop = tuple(statistics.median(mine[i] for mine, _ in loops) for i in (0, 1))
    theirs_loop = tuple(statistics.median(theirs[i] for _, theirs in loops) for i in (0, 1))
    print(f"html: {html_dir} ({pages} pages), median of {repeat} rounds; pages/s by wall seconds "
          "(by CPU seconds: one core's speed)")

    def speeds(wall: float, cpu: float) -> str:
        return f"{pages / wall:5.0f} pages/s ({pages / cpu:5.0f} by CPU)"

    print(f"  corpusclean run --jobs 1, whole process (start, imports, read, all stages, dedup, write): "
          f"{speeds(ours['seconds'], ours['cpu'])}")
    print(f"  trafilatura, whole process (start, import, read, decode, extract, a JSON line per page): "
          f"{speeds(theirs_run['seconds'], theirs_run['cpu'])}")
    print(f"  corpusclean document stages in a loop, in-process (pages read beforehand):              "
          f"{speeds(*ours_loop)}")
    print(f"  trafilatura.extract in a loop, in-process (pages read and decoded beforehand):          "
          f"{speeds(*theirs_loop)}")
    print(f"  ratio corpusclean / trafilatura, whole processes: {theirs_run['seconds'] / ours['seconds']:.2f}x "
          f"({theirs_run['cpu'] / ours['cpu']:.2f}x by CPU); in-process loops: "
          f"{theirs_loop[0] / ours_loop[0]:.2f}x ({theirs_loop[1] / ours_loop[1]:.2f}x by CPU)  (target: 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100.0, help="size of the generated text corpus")
    parser.add_argument("--html-pages", type=int, default=2000)
    parser.add_argument("--corpus", help="measure this folder instead of building one")
    parser.add_argument("--out", default=str(REPO / "bench" / "out"))
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median of each measurement is shown")
    parser.add_argument("--baseline", metavar="CHECKOUT",
                        help="another checkout of corpusclean (with its .venv) measured in the same rounds")
    parser.add_argument("--real-html", metavar="DIR", action="append", default=[],
                        help="also compare with trafilatura on this folder of pages (repeatable)")
    parser.add_argument("--floor-only", help=argparse.SUPPRESS)
    parser.add_argument("--trafilatura-only", help=argparse.SUPPRESS)
    parser.add_argument("--spin-only", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--html-only", metavar="DIR", help="only compare with trafilatura on this folder of pages")
    args = parser.parse_args()
    if args.floor_only:
        measure_floor(args.floor_only.split(os.pathsep))
        return
    if args.spin_only:
        measure_spin(args.spin_only)
        return
    if args.trafilatura_only:
        measure_trafilatura_run(args.trafilatura_only)
        return
    compile_bytecode(REPO)
    print(f"this checkout: corpusclean from {build_of(sys.executable)}")
    if args.html_only:
        measure_html(Path(args.html_only), args.repeat)
        return

    if args.corpus:
        text_dir, html_dir = Path(args.corpus), None
    else:
        root = Path(args.out) / f"corpus-{args.mb:g}mb-{CORPUS_VERSION}"
        if not root.exists():
            print(f"building {args.mb:g} MB corpus in {root} ...", file=sys.stderr)
            build_corpus(root, args.mb, args.html_pages)
        text_dir, html_dir = root / "text", root / "html"

    full, part = [text_dir], quarter(text_dir)
    sizes = {"full": corpus_size(full), "quarter": corpus_size(part)}
    docs, size = sizes["full"]
    print(f"corpus: {text_dir} ({docs:,} files, {size / 1e6:.1f} MB); median of {args.repeat} rounds "
          "(each runs every measurement once, in turn)")
    print("floor = read + corpusclean.decode.decode_bytes + one orjson line per file to /dev/null, one process")
    rows = [
        ("floor (read+decode+write)", "full", Command([sys.executable, str(SCRIPT), "--floor-only", str(text_dir)])),
        ("run --jobs 1", "full", Command(run_args(full, "--jobs", "1"))),
        ("run --jobs 2", "full", Command(run_args(full, "--jobs", "2"))),
        ("run --jobs 2, quarter", "quarter", Command(run_args(part, "--jobs", "2"))),
        ("run --jobs 2 --no-dedup", "full", Command(run_args(full, "--jobs", "2", "--no-dedup"))),
        ("run --jobs 2 --no-dedup, quarter", "quarter", Command(run_args(part, "--jobs", "2", "--no-dedup"))),
    ]
    if args.baseline:
        checkout = Path(args.baseline).resolve()
        python = str(checkout / ".venv" / "bin" / "python")
        compile_bytecode(checkout, python)
        print(f"baseline: corpusclean from {build_of(python, checkout)}")
        rows += [
            ("baseline run --jobs 1", "full", Command(run_args(full, "--jobs", "1", python=python), checkout)),
            ("baseline run --jobs 2 --no-dedup", "full",
             Command(run_args(full, "--jobs", "2", "--no-dedup", python=python), checkout)),
            ("baseline run --jobs 2 --no-dedup, quarter", "quarter",
             Command(run_args(part, "--jobs", "2", "--no-dedup", python=python), checkout)),
        ]
    spin = {copies: Command([sys.executable, str(SCRIPT), "--spin-only", str(copies)]) for copies in (1, 2)}
    results = median_of_rounds(args.repeat, {
        **{name: command for name, _, command in rows}, "spin 1": spin[1], "spin 2": spin[2],
    })
    print(f"{'what':42} {'seconds':>8} {'CPU s':>7} {'MB/s':>7} {'docs/s':>8} {'RSS MB max proc':>16} "
          f"{'PSS MB all procs':>17} {'RSS MB main proc':>17}")
    for name, corpus, _ in rows:
        r = results[name]
        docs, size = sizes[corpus]
        print(f"{name:42} {r['seconds']:8.2f} {r['cpu']:7.2f} {size / 1e6 / r['seconds']:7.2f} "
              f"{docs / r['seconds']:8.0f} {r['rss_mb']:16.0f} {r['tree_rss_mb']:17.0f} {r['main_rss_mb']:17.1f}")
    mb = sizes["full"][1] / 1e6
    floor = results["floor (read+decode+write)"]["seconds"]
    one, two = results["run --jobs 1"]["seconds"], results["run --jobs 2"]["seconds"]
    one_cpu = results["run --jobs 1"]["cpu"]
    print(f"run --jobs 1: {mb / one:.2f} MB/s ({mb / one_cpu:.2f} by CPU seconds); speed / floor: 1/{one / floor:.1f}")
    if args.baseline:
        before, before_cpu = (results["baseline run --jobs 1"][key] for key in ("seconds", "cpu"))
        print(f"  baseline ({args.baseline}) run --jobs 1: {mb / before:.2f} MB/s ({mb / before_cpu:.2f} by CPU); "
              f"this checkout / baseline: {before / one:.2f}x ({before_cpu / one_cpu:.2f}x by CPU)  (target: 2x)")
        print("  (on a busy machine wall seconds swing with the load; the CPU seconds hold)")
    loop_speedup = 2 * results["spin 1"]["seconds"] / results["spin 2"]["seconds"]
    print(f"run --jobs 2 / run --jobs 1 speed: {one / two:.2f}x   (target: at least 1.7x)")
    print(f"  for comparison, the machine's speed-up in these rounds for a CPU-bound loop, two copies at once "
          f"against one alone: {loop_speedup:.2f}x")
    parallel = results["run --jobs 2"]
    main_cpu = parallel["main_cpu"]
    print(f"run --jobs 2 CPU: main process {main_cpu:.1f} s ({main_cpu / mb * 1000:.0f} ms/MB), "
          f"workers {parallel['cpu'] - main_cpu:.1f} s; --jobs 1: {results['run --jobs 1']['cpu']:.1f} s")
    print(f"run --jobs 2 peak memory, all processes (PSS): {parallel['tree_rss_mb']:.0f} MB")

    def growth(prefix: str, options: str) -> float:
        """Bytes per document by which the main process's peak RSS grows from the quarter to the whole."""
        added = sizes["full"][0] - sizes["quarter"][0]
        full_mb = results[f"{prefix}run --jobs 2{options}"]["main_rss_mb"]
        quarter_mb = results[f"{prefix}run --jobs 2{options}, quarter"]["main_rss_mb"]
        return (full_mb - quarter_mb) * 2**20 / added

    if sizes["full"][0] == sizes["quarter"][0]:
        print("main process memory growth: not measured (the corpus has fewer than 4 subfolders)")
    else:
        print_growth(growth, args.baseline)

    if html_dir is not None and html_dir.exists():
        measure_html(html_dir, args.repeat)
    for folder in args.real_html:
        measure_html(Path(folder), args.repeat)


def print_growth(growth, baseline: str | None) -> None:
    without = growth("", " --no-dedup")
    dedup = growth("", "") - without
    print(f"main process memory growth (peak RSS, run --jobs 2, quarter -> whole corpus): {without:,.0f} bytes/doc "
          f"without dedup (target: under 1 KB); the dedup summaries add {dedup:,.0f} bytes/doc")
    if baseline:
        print(f"  baseline, without dedup: {growth('baseline ', ' --no-dedup'):,.0f} bytes/doc")


if __name__ == "__main__":
    main()
