"""`corpusclean run --engine ray` on a million short documents: time, memory of the driver and of each worker.

    nice python bench/ray_scale.py [--docs 1000000] [--shards 20] [--compare 100000] [--jobs 2]

Generates --docs short news documents (Chinese and English, 200 sites each with its own template line, 5%
exact and 5% near copies) as JSONL shards in a temporary folder, then runs `corpusclean run` as a user
would (output to a file, a report) and prints, per run: wall seconds, documents/s, MB/s, the driver's peak
memory, the Ray workers' peak memory (each worker measures its own), what dedup and the templates found,
and the bytes per document of the corpus stages' summaries, which is what the driver holds for the fit.
First both engines run on the first --compare documents, for their ratio in the same run; then Ray on all.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

CLAUSES_ZH = [
    "市总工会召开全体会议", "传达学习上级工会精神", "部署下一阶段重点工作", "职工代表提出意见建议",
    "相关部门逐条作出答复", "开展送清凉慰问活动", "走访一线困难职工家庭", "推进产业工人队伍建设改革",
    "举办职工技能大赛", "建设职工之家五十个", "加强劳动安全教育培训", "维护职工合法权益",
    "全省规模以上工业增加值同比增长", "增速比上年同期加快", "防汛形势严峻复杂", "做好隐患排查整改",
    "及时转移受威胁群众", "确保人民群众生命财产安全", "推动企业高质量发展", "深化劳动和技能竞赛",
]
CLAUSES_EN = [
    "the council approved the budget", "after a three-hour debate", "workers voted to accept the contract",
    "ending a two-week strike", "the union pressed for safety training", "officials said the bridge would open",
    "travel times will fall by twenty minutes", "schools will open an hour later", "to save energy this winter",
    "the committee chair said", "the plan passed by a wide margin", "the district announced on Monday",
]


def sentence(rng: random.Random, chinese: bool) -> str:
    if chinese:
        return "，".join(rng.sample(CLAUSES_ZH, 3)) + f"，第{rng.randrange(10**6)}号。"
    words = rng.sample(CLAUSES_EN, 3)
    return f"{words[0].capitalize()}, {words[1]}, and {words[2]} (report {rng.randrange(10**6)})."


def generate(folder: Path, docs: int, shards: int, seed: int = 1) -> int:
    """JSONL shards of short documents; returns their total size in bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_shard = -(-docs // shards)
    recent: list[str] = []
    written = 0
    for shard in range(shards):
        lines = []
        for index in range(shard * per_shard, min(docs, (shard + 1) * per_shard)):
            site = rng.randrange(200)
            chinese = site % 3 != 0
            roll = rng.random()
            if roll < 0.05 and recent:
                text = rng.choice(recent)                                   # an exact copy
            elif roll < 0.10 and recent:
                text = rng.choice(recent) + "\n" + sentence(rng, chinese)   # a near copy
            else:
                template = f"本站第{site}频道稿件均经编辑部审核后发布" if chinese else f"Channel {site} stories are reviewed"
                text = "\n".join([template] + [sentence(rng, chinese) for _ in range(rng.randint(2, 4))])
                recent = (recent + [text])[-1000:]
            lines.append(orjson.dumps({"id": f"d{index}", "source": f"site{site}", "text": text}))
        data = b"\n".join(lines) + b"\n"
        (folder / f"shard-{shard:03d}.jsonl").write_bytes(data)
        written += len(data)
    return written


def peak_memory(pid: int) -> int:
    """The peak resident memory of a live process so far, in bytes (VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(inputs: Path, engine: str, jobs: int, work: Path) -> dict:
    out, report = work / f"{engine}.jsonl", work / f"{engine}.report.json"
    command = [sys.executable, "-m", "corpusclean", "run", str(inputs), "--engine", engine, "--jobs", str(jobs),
               "-o", str(out), "--report", str(report), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    driver_peak = 0
    while process.poll() is None:
        driver_peak = max(driver_peak, peak_memory(process.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{engine} run failed with exit code {process.returncode}")
    result = json.loads(report.read_text("utf-8"))
    out.unlink()
    return {"wall": wall, "driver_peak": driver_peak, "report": result}


def summary_bytes(inputs: Path, sample: int = 5000) -> dict[str, float]:
    """Bytes per document of each corpus stage's summary, on the first documents of the corpus."""
    import corpusclean
    from corpusclean.config import Config

    config = Config()
    first, *_ = corpusclean.segments(config)
    records = [orjson.loads(line) for line in next(inputs.glob("*.jsonl")).read_bytes().splitlines()[:sample]]
    sizes = {stage.name: 0 for stage in first.corpus}
    count = 0
    for position, record in enumerate(records, 1):
        doc = corpusclean.run_stages(first.stages, corpusclean.as_document(record, config, "bench", position))
        if doc.rejected:
            continue
        count += 1
        for stage in first.corpus:
            sizes[stage.name] += len(pickle.dumps(stage.summarize(doc)))
    return {name: size / max(count, 1) for name, size in sizes.items()}


def show(name: str, docs: int, size: int, measured: dict) -> None:
    report = measured["report"]
    workers = report.get("workers", {})
    learned = report["learned"]
    print(f"{name}: {docs:,} documents, {size / 1e6:.0f} MB in {measured['wall']:.0f} s: "
          f"{docs / measured['wall']:,.0f} docs/s, {size / 1e6 / measured['wall']:.2f} MB/s; "
          f"written {report['written']:,}, rejected {report['rejected']:,} "
          f"({learned.get('dedup', {}).get('duplicates', 0):,} duplicates); "
          f"template lines learned for {len(learned.get('template', {}).get('template_lines_by_source', {}))} sites")
    line = f"  driver peak memory {measured['driver_peak'] / 2**20:,.0f} MiB"
    if workers:
        line += (f"; {workers['count']} Ray workers, peak memory per worker: heap "
                 f"{workers['peak_heap_bytes'] / 2**20:,.0f} MiB, resident {workers['peak_rss_bytes'] / 2**20:,.0f} MiB "
                 f"(counting the object store pages it wrote)")
    print(line)
    stages = report["seconds_by_stage"]
    print("  CPU seconds by stage (all workers): " + ", ".join(f"{k} {v:.0f}" for k, v in sorted(
        stages.items(), key=lambda item: -item[1])[:8]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--compare", type=int, default=100_000, help="documents both engines run on, 0 for none")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corpusclean-ray-scale-"))
    try:
        if args.compare:
            small = work / "compare"
            size = generate(small, args.compare, max(1, args.shards * args.compare // args.docs))
            local = run(small, "local", args.jobs, work)
            ray = run(small, "ray", args.jobs, work)
            show("local", args.compare, size, local)
            show("ray", args.compare, size, ray)
            print(f"ray / local wall time on {args.compare:,} documents: {ray['wall'] / local['wall']:.2f}")
            shutil.rmtree(small)
        full = work / "full"
        size = generate(full, args.docs, args.shards)
        print(f"summary bytes per document: {summary_bytes(full)}")
        show("ray", args.docs, size, run(full, "ray", args.jobs, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
