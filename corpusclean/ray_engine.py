"""The Ray engine: the pipeline as Ray Data tasks, for a corpus larger than one machine (`run --engine ray`).

Each segment of the pipeline (see pipeline.split_segments) is one `map_batches` over the documents, the
first one reading the input files where it runs (pages and JSONL shards alike: the cluster reads, the
driver only names the files). A document that leaves the pipeline there is finished in the task (the
JSON line is made where it was cleaned); a survivor of a segment closed by corpus stages is pickled into
the dataset beside its summaries, and the dataset is materialized: Ray's object store, spilling to disk,
is the local engine's spool. The driver takes the finished documents and the summaries (never a
document), fits the corpus stages on the summaries in input order, so that the models are the local
engine's, and the next segment's tasks open by applying them (map -> reduce -> map).

`ray` is imported here only, and only when a run starts: it is an optional extra.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import resource
import signal
import socket
import stat
from collections import Counter, defaultdict
from time import perf_counter
from typing import Any, Callable, Generator, Iterable, Iterator, NamedTuple

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.engine import STOP_SIGNALS, EngineError, Results, RunResult, park, unpark
from corpusclean.pipeline import Fitted, as_columns, build_pipeline, fit_segment, run_stages, split_segments
from corpusclean.read.ids import UniqueIds, renamed
from corpusclean.stopping import Stopped

DOCS_PER_OUTPUT = 256     # documents per output batch of a task: bounds a task's memory on a large JSONL shard
ITEMS_PER_BLOCK = 1000    # input items (files, or documents given to the API) per read task, at most
BLOCKS_PER_CPU = 4        # read tasks per CPU of the cluster, at least: keeps every CPU busy to the end
# A document's place in the input: its item's index in the high bits, its index among the item's documents
# (records of a JSONL file) in the low ones, so that sorting by it gives the order the local engine reads in.
INDEX_BITS = 32


def run_on_ray(items: Iterable[Any], config: Config, finish: Callable[[Document], Any],
               ids: UniqueIds | None = None) -> Results:
    """Like engine.run_pipeline, on Ray: the cluster RAY_ADDRESS names, else one started on this machine
    with `config.jobs` CPUs (all of them for 0). An item is a Document, a page file or an input file.
    With `ids`, a record whose id an earlier one has gets a new one, as the local run gives it."""
    return Results(_run([_read_here(item, config) for item in items], config, finish, ids))


class ReadHere(NamedTuple):
    """An input file the driver read, with its documents: a stream, which gives its bytes once, to this
    process (standard input, a named pipe, `<(zcat a.jsonl.gz)`), where the cluster would read it twice (ids,
    then cleaning) or find nothing (another process's standard input, /dev/fd/63)."""

    inp: Any  # an InputFile
    docs: list[Document]


def _read_here(item: Any, config: Config) -> Any:
    """An input file that is a stream (not a regular file) read into its documents; any other item as it is."""
    from corpusclean.read.paths import STDIN, InputFile
    from corpusclean.read.sources import read_input

    if not isinstance(item, InputFile):
        return item
    if item.path != STDIN:
        try:
            if stat.S_ISREG(os.stat(item.path).st_mode):
                return item
        except OSError:
            return item  # the task that reads it reports it
    docs = read_input(item, config.text_key, config.max_page_bytes, config.text_format, config.max_record_bytes)
    return ReadHere(item, list(docs))


def _start_ray(config: Config) -> bool:
    """Connect to Ray; True when this call started it (and so stops it at the end)."""
    import ray
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # no notes on every dataset executed, on stderr
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    if not os.environ.get("RAY_ADDRESS") and config.jobs > 0:
        options["num_cpus"] = config.jobs
    handlers = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    try:
        ray.init(**options)
    except BaseException as err:
        ray.shutdown()  # stopped, or failed, while Ray starts: what it started so far goes too
        if isinstance(err, SystemExit) and err.code == signal.SIGTERM:  # ray.init's own handler, below
            raise Stopped(signal.SIGTERM) from None
        if isinstance(err, (ConnectionError, ValueError)):  # no cluster at RAY_ADDRESS, or no address Ray reads
            address = os.environ.get("RAY_ADDRESS")
            where = f"the Ray cluster RAY_ADDRESS={address!r} names" if address else "Ray"
            raise EngineError(f"cannot connect to {where}: {' '.join(str(err).split())}") from None
        raise
    finally:
        # ray.init puts a SIGTERM handler of its own, sys.exit(15): the run ended with status 15, without a word
        # and with Ray's dump of the stack, where the run's handler stops it (143, 'stopped by signal 15').
        for signum, handler in handlers.items():
            if signal.getsignal(signum) is not handler:  # only the main thread may set one; Ray sets none in another
                signal.signal(signum, handler)
    return True


def _run(items: list[Any], config: Config, finish: Callable[[Document], Any],
         ids: UniqueIds | None) -> Generator[Any, None, RunResult]:
    if not items:
        return RunResult({}, {}, {})
    started = _start_ray(config)
    import ray
    import ray.data

    timings: dict[str, float] = defaultdict(float)
    inputs: Counter = Counter()
    memory: dict[str, tuple[int, int]] = {}  # worker -> highest (resident, heap) memory seen
    models: dict[str, Any] = {}
    learned: dict[str, dict[str, Any]] = {}
    try:
        pipeline = build_pipeline(config)
        segments = split_segments(pipeline)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        blocks = min(len(items), max(BLOCKS_PER_CPU * cpus, math.ceil(len(items) / ITEMS_PER_BLOCK)))
        rows = [{"number": index << INDEX_BITS, "item": pickle.dumps(item)} for index, item in enumerate(items)]
        dataset = ray.data.from_items(rows, override_num_blocks=blocks)
        renames = _unique_ids(dataset, config, ids) if ids is not None else {}
        carried: list[Fitted] = []
        for position, segment in enumerate(segments):
            state = {"stages": carried + segment.stages, "corpus": segment.corpus, "finish": finish,
                     "read": config if position == 0 else None, "renames": renames if position == 0 else {}}
            dataset = dataset.map_batches(_clean_batch, batch_size=None, fn_kwargs={"state": state})
            if segment.corpus:
                dataset = dataset.materialize()
            summaries: list[tuple[int, tuple]] = []
            columns = ["number", "path", "finished", "summaries", "stats"]
            for batch in dataset.select_columns(columns).iter_batches(batch_size=4096, batch_format="numpy"):
                _collect_stats(batch["stats"], timings, memory)
                for number, path, finished, summary in zip(
                    batch["number"], batch["path"], batch["finished"], batch["summaries"]
                ):
                    if position == 0:
                        inputs[str(path)] += 1
                    if finished:
                        yield pickle.loads(finished)
                    else:
                        summaries.append((int(number), pickle.loads(summary)))
            if not segment.corpus:
                break
            summaries.sort(key=lambda pair: pair[0])
            carried, _ = fit_segment(segment.corpus, as_columns([summary for _, summary in summaries], segment.corpus),
                                     timings)
            del summaries
            for fitted in carried:
                models[fitted.name] = fitted.model
                learned[fitted.name] = fitted.stage.describe(fitted.model)
            dataset = dataset.select_columns(["number", "doc"])
    finally:
        if started:
            ray.shutdown()
    workers = {"count": len(memory), "peak_rss_bytes": max((rss for rss, _ in memory.values()), default=0),
               "peak_heap_bytes": max((heap for _, heap in memory.values()), default=0)}
    return RunResult(dict(timings), models, learned, dict(inputs), workers)


def _documents(item: Any, config: Config) -> Iterator[Document]:
    """The documents an input item stands for, read here: a document; a page file; every record of an input
    file (a JSONL shard), read as `run` reads it; those the driver read."""
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_input

    if isinstance(item, Document):
        yield item
    elif isinstance(item, ReadHere):
        yield from item.docs
    elif isinstance(item, InputFile):
        yield from read_input(item, config.text_key, config.max_page_bytes, config.text_format, config.max_record_bytes)
    else:
        yield item.read()


def _unique_ids(dataset: Any, config: Config, ids: UniqueIds) -> dict[int, str]:
    """The new id of each record whose id an earlier record has ({number: id}): the ids are read on the
    cluster (a pass of their own, before any cleaning, as the local run reads them first) and given out
    here in input order."""
    found: list[tuple[int, str, str]] = []
    for batch in dataset.map_batches(_id_batch, batch_size=None, fn_kwargs={"config": config}).iter_batches(
        batch_size=4096, batch_format="numpy"
    ):
        found += [(int(number), str(doc_id), str(base)) for number, doc_id, base in
                  zip(batch["number"], batch["id"], batch["base"])]
    found.sort()
    renames = {}
    for number, doc_id, base in found:
        new_id = ids.claim(doc_id, base)
        if new_id != doc_id:
            renames[number] = new_id
    return renames


def _id_batch(batch: dict[str, Any], config: Config) -> dict[str, list]:
    """(number, id, location id) of every record of a batch of items that will be written if it is clean:
    a page file's id is its location (taken before it is read, as the local run does); a record rejected
    as it is read takes none."""
    from corpusclean.read.ids import location_id
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import holds_one_page

    out: dict[str, list] = {"number": [], "id": [], "base": []}
    for number, data in zip(batch["number"], batch["item"]):
        item = pickle.loads(data)
        if isinstance(item, InputFile) and holds_one_page(item):
            found: Iterable[tuple[int, str, str]] = [(0, item.id_base, item.id_base)]
        elif isinstance(item, (InputFile, ReadHere)):
            inp = item.inp if isinstance(item, ReadHere) else item
            found = [(index, doc.id, location_id(inp, doc.metadata["line"]))
                     for index, doc in enumerate(_documents(item, config)) if not doc.rejected]
        else:
            found = [(index, doc.id, doc.id) for index, doc in enumerate(_documents(item, config)) if not doc.rejected]
        for index, doc_id, base in found:
            out["number"].append(int(number) + index)
            out["id"].append(doc_id)
            out["base"].append(base)
    return out


def _clean_batch(batch: dict[str, Any], state: dict[str, Any]) -> Iterator[dict[str, list]]:
    """One segment's stages on every document of a batch: the first segment reads its items into documents
    (numbered in input order), the others unpickle theirs (a row finished before has none). Each document
    leaves as a row: finished (what `finish` made of it, pickled), or a survivor with its summaries for the
    corpus stages closing the segment, pickled."""
    stages, corpus, finish, config = state["stages"], state["corpus"], state["finish"], state["read"]
    renames = state["renames"]
    timings: dict[str, float] = defaultdict(float)
    out = _empty_output()
    for number, data in zip(batch["number"], batch["item" if config is not None else "doc"]):
        if config is not None:
            docs: Iterable[tuple[int, Document]] = enumerate(_documents(pickle.loads(data), config))
        elif data:
            docs = [(0, unpark(data))]
        else:
            continue
        for index, doc in docs:
            if int(number) + index in renames:
                doc = renamed(doc, renames[int(number) + index])
            path = doc.input_name
            doc = run_stages(stages, doc, timings)
            out["number"].append(int(number) + index)
            out["path"].append(path)
            if not corpus or doc.rejected:
                out["finished"].append(pickle.dumps(finish(doc), protocol=pickle.HIGHEST_PROTOCOL))
                out["summaries"].append(b"")
                out["doc"].append(b"")
            else:
                summaries = []
                for stage in corpus:
                    start = perf_counter()
                    summaries.append(stage.summarize(doc))
                    timings[stage.name] += perf_counter() - start
                out["finished"].append(b"")
                out["summaries"].append(pickle.dumps(tuple(summaries), protocol=pickle.HIGHEST_PROTOCOL))
                out["doc"].append(park(doc))
            if len(out["number"]) == DOCS_PER_OUTPUT:
                yield _with_stats(out, timings)
                out, timings = _empty_output(), defaultdict(float)
    if out["number"]:
        yield _with_stats(out, timings)


def _empty_output() -> dict[str, list]:
    return {"number": [], "path": [], "finished": [], "summaries": [], "doc": [], "stats": []}


def _with_stats(out: dict[str, list], timings: dict[str, float]) -> dict[str, list]:
    """The batch with its stage timings and this worker's memory in the first row's stats: its peak
    resident memory, which counts the pages of Ray's shared object store it wrote its output to, and its
    heap now (Linux only; else 0)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    stats = pickle.dumps((dict(timings), f"{socket.gethostname()}:{os.getpid()}", peak, _heap()))
    out["stats"] = [stats] + [b""] * (len(out["number"]) - 1)
    return out


def _heap() -> int:
    """This process's anonymous memory: its own objects and buffers, without the object store's pages
    (shared memory, which the kernel counts as private to the one process that touched them)."""
    try:
        with open("/proc/self/smaps_rollup") as rollup:
            return next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Anonymous:"))
    except (OSError, StopIteration):
        return 0


def _collect_stats(column: Any, timings: dict[str, float], memory: dict[str, tuple[int, int]]) -> None:
    """Stage timings added up; each worker's highest (resident, heap) memory seen."""
    for stats in column:
        if stats:
            batch_timings, worker, peak, heap = pickle.loads(stats)
            for name, seconds in batch_timings.items():
                timings[name] += seconds
            seen = memory.get(worker, (0, 0))
            memory[worker] = (max(seen[0], peak), max(seen[1], heap))
