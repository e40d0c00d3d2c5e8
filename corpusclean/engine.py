"""The local engine: runs a pipeline over every document on worker processes, with every output in order.

Corpus stages (template learning, dedup) cut the list into segments. Each segment streams every document
through its per-document stages and hands each survivor's summary to the corpus stage; once all
documents have passed, the stage fits its model and the next segment starts by applying it. Documents
wait between segments in spool files on disk, so memory holds summaries, not texts. A corpus stage right
after a filter (dedup: a corpus stage that only rejects documents) closes the same segment as the filter, so
both summaries are taken in one pass: the documents the filter lets through reach the next corpus stage
unchanged.

A document that goes on to the next segment is parked (pickled) to a spool file by the process that ran its
stages, and read back by the process that runs its next stages: with workers, the main process only names
the inputs, passes references to parked documents along, fits the corpus stages and writes the output.
"""

from __future__ import annotations

import os
import pickle
import queue
import shutil
import signal
import tempfile
import threading
import traceback
from array import array
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any, BinaryIO, Callable, Generator, Generic, Iterable, Iterator, NamedTuple, TypeVar

from corpusclean.document import Document
from corpusclean.pipeline import Segment, fit_segment, run_stages_on_batch, split_segments

BATCH_SIZE = 32          # documents per task sent to a worker process
BATCHES_PER_WORKER = 2   # one running, one waiting: a worker never waits for the main process
IN_FLIGHT_PER_JOB = 4    # batches out per worker, waiting for their turn included: keeps memory flat
STAGED_BYTES = 4_000_000  # input bytes that go through the stages together: a group closes once it holds this many
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}

# What enters a segment: a Document, or an object whose read() makes it in the process that runs the stages
# (a Parked document, a page file not read yet), so the main process does not handle the bytes.
Item = Any


def park(doc: Document) -> bytes:
    """A document as bytes, to wait in a spool; its undecoded input is dropped."""
    doc.raw = None
    return pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)


def unpark(data: bytes) -> Document:
    return pickle.loads(data)


# The spool files this process reads parked documents from, left open until their spool is removed: opening
# a file took longer than reading a document from it.
_spool_files: dict[str, BinaryIO] = {}


class Parked(NamedTuple):
    """A parked document: `size` bytes at `offset` in a spool file."""

    path: str
    offset: int
    size: int

    def read(self) -> Document:
        spool_file = _spool_files.get(self.path)
        if spool_file is None:
            spool_file = _spool_files[self.path] = open(self.path, "rb", buffering=0)
        spool_file.seek(self.offset)
        return unpark(spool_file.read(self.size))


class SpoolError(Exception):
    """The spool folder cannot be created or written (a full disk, a read-only TMPDIR)."""


def park_all(docs: list[Document], folder: str) -> list[Parked]:
    """Park documents at the end of this process's own file in a spool folder, in one write."""
    data = [park(doc) for doc in docs]
    path = os.path.join(folder, str(os.getpid()))
    try:
        with open(path, "ab") as spool_file:
            offset = spool_file.tell()
            spool_file.write(b"".join(data))
    except OSError as err:
        raise SpoolError(f"cannot write the spool file {path}: {err.strerror or err}") from None
    parked = []
    for blob in data:
        parked.append(Parked(path, offset, len(blob)))
        offset += len(blob)
    return parked


class Spool:
    """A folder where documents wait between two segments. Each process that parks documents writes its own
    file there, so only references (Parked) pass through the main process, in document order; it keeps them
    in arrays (a Parked tuple per document took about 130 bytes)."""

    def __init__(self) -> None:
        try:
            self.folder = tempfile.mkdtemp(prefix="corpusclean-spool-")
        except OSError as err:
            raise SpoolError(f"cannot create a spool folder in {tempfile.gettempdir()}: {err.strerror or err}") from None
        self.files: list[str] = []
        self.numbers: dict[str, int] = {}  # a file's index in files
        self.file_of = array("I")
        self.offsets = array("q")
        self.sizes = array("q")

    def add(self, parked: list[Parked]) -> None:
        for path, offset, size in parked:
            number = self.numbers.get(path)
            if number is None:
                number = self.numbers[path] = len(self.files)
                self.files.append(path)
            self.file_of.append(number)
            self.offsets.append(offset)
            self.sizes.append(size)

    def parked(self, order: Iterable[int]) -> ParkedInOrder:
        return ParkedInOrder(self, order)

    def remove(self) -> None:
        for path in [path for path in _spool_files if os.path.dirname(path) == self.folder]:
            _spool_files.pop(path).close()
        shutil.rmtree(self.folder, ignore_errors=True)


class ParkedInOrder:
    """The documents of a spool as Parked references, in a given order, made as they are taken."""

    def __init__(self, spool: Spool, order: Iterable[int]) -> None:
        self.spool, self.order = spool, array("I", order)

    def __len__(self) -> int:
        return len(self.order)

    def __iter__(self) -> Iterator[Parked]:
        spool = self.spool
        for i in self.order:
            yield Parked(spool.files[spool.file_of[i]], spool.offsets[i], spool.sizes[i])


def open_item(item: Item) -> Document:
    """The document an item stands for, in the process that runs its stages."""
    return item if isinstance(item, Document) else item.read()


class BatchOut(NamedTuple):
    finished: list             # what `finish` made of the documents that left the pipeline, in order
    parked: list[Parked]       # the survivors of a segment closed by corpus stages, in order
    summaries: list[tuple]     # their summaries, one per corpus stage, in the same order
    timings: dict[str, float]


def _process_batch(
    stages: list, corpus: list, finish: Callable[[Document], Any], spool_folder: str | None, batch: list[Item]
) -> BatchOut:
    """A document rejected, or at the end of the pipeline, leaves it finished; a survivor of a segment closed
    by corpus stages is summarized for each of them and parked in the spool folder."""
    timings: dict[str, float] = defaultdict(float)
    finished, survivors = [], []
    for docs in _opened(batch):
        for doc in run_stages_on_batch(stages, docs, timings):
            if not corpus or doc.rejected:
                finished.append(finish(doc))
            else:
                survivors.append(doc)
    columns = []
    for stage in corpus:
        start = perf_counter()
        columns.append(stage.summarize_all(survivors))
        timings[stage.name] += perf_counter() - start
    parked = park_all(survivors, spool_folder) if survivors else []
    return BatchOut(finished, parked, list(zip(*columns)), dict(timings))


def _opened(batch: list[Item]) -> Iterator[list[Document]]:
    """The batch's documents, opened a few at a time: as many as hold STAGED_BYTES of input (at least one),
    which go through the stages together. A batch of small pages is one such group; one of huge pages is
    not held whole at once, as read and as decoded."""
    docs: list[Document] = []
    size = 0
    for item in batch:
        doc = open_item(item)
        docs.append(doc)
        size += doc.input_bytes
        if size >= STAGED_BYTES:
            yield docs
            docs, size = [], 0
    if docs:
        yield docs


def _batches(docs: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_segment(
    segment: Segment, stages: list, finish: Callable[[Document], Any], spool: Spool | None,
    docs: Iterable[Item], jobs: int, timings: dict[str, float],
) -> Iterator[BatchOut]:
    """Every batch of documents through the segment's stages, in input order, on `jobs` processes."""
    state = (stages, segment.corpus, finish, spool.folder if spool is not None else None)
    if jobs <= 1:
        outs: Iterator[BatchOut] = (_process_batch(*state, batch) for batch in _batches(docs, BATCH_SIZE))
    else:
        outs = _on_workers(jobs, state, _batches(docs, BATCH_SIZE))
    try:
        for out in outs:
            yield _collected(out, timings)
    finally:
        outs.close()  # stops the workers now, not whenever the generator is collected


def _collected(out: BatchOut, timings: dict[str, float]) -> BatchOut:
    for name, seconds in out.timings.items():
        timings[name] += seconds
    return out


@dataclass
class _Worker:
    process: Any
    tasks: Any        # connection: (number, batch) to the worker, None to stop it
    results: Any      # connection: (number, BatchOut, exception) back
    busy: int = 0     # batches sent and not answered yet


def _on_workers(jobs: int, state: tuple, batches: Iterator[list[Item]]) -> Iterator[BatchOut]:
    """Each batch through _process_batch(*state, batch) on `jobs` worker processes, results in batch order.

    Not multiprocessing.Pool nor ProcessPoolExecutor: their helper threads in this process compete with it for
    the GIL and spend more CPU than the work of passing batches (Pool's worker handler even spins while results
    wait unread). Here this process sends and receives itself, and a thread in each worker reads its batches
    as they come, so that neither side ever blocks the other on a full pipe.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    workers: list[_Worker] = []
    try:
        for _ in range(jobs):
            task_reader, task_writer = context.Pipe(duplex=False)
            result_reader, result_writer = context.Pipe(duplex=False)
            # The main process's pipe ends a worker would inherit (its own and the other workers'): closed in it,
            # so that each task pipe has one writer, the main process, and a worker sees the end of its pipe
            # when the main process ends, however it ends (even by SIGKILL).
            inherited = [task_writer.fileno(), result_reader.fileno()]
            inherited += [fd for w in workers for fd in (w.tasks.fileno(), w.results.fileno())]
            process = context.Process(target=_serve, args=(task_reader, result_writer, state, inherited), daemon=True)
            # A stop signal arriving while a worker forks would leave it half started (unknown to the
            # cleanup below) or raise the main process's exception inside it: held until it is recorded.
            held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
            try:
                process.start()
                workers.append(_Worker(process, task_writer, result_reader))
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
            task_reader.close()
            result_writer.close()
        arrived: dict[int, BatchOut] = {}  # results that came back before their turn
        sent = turn = 0  # batches sent; the next one to yield
        pending = True   # batches left to send
        while pending or turn < sent:
            while pending and sent - turn < jobs * IN_FLIGHT_PER_JOB:
                worker = min(workers, key=lambda w: w.busy)
                if worker.busy >= BATCHES_PER_WORKER:
                    break
                batch = next(batches, None)
                if batch is None:
                    pending = False
                    break
                try:
                    worker.tasks.send((sent, batch))
                except OSError:  # the worker has stopped: its last answer says why, or _receive that it died
                    while True:
                        _receive(worker)
                worker.busy += 1
                sent += 1
            if turn in arrived:
                yield arrived.pop(turn)
                turn += 1
                continue
            if turn == sent:  # nothing out: the last batch was sent and answered, or there was none
                continue
            ready = wait([w.results for w in workers if w.busy])
            for worker in workers:
                if worker.results in ready:
                    number, out = _receive(worker)
                    arrived[number] = out
        for worker in workers:
            worker.tasks.send(None)
            worker.process.join()
    finally:
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()
            worker.tasks.close()
            worker.results.close()


class EngineError(Exception):
    """The engine cannot start: a Ray cluster that RAY_ADDRESS names and that cannot be reached."""


class WorkerDied(Exception):
    """A worker process ended without answering: killed (the kernel's out-of-memory killer sends SIGKILL)."""


def _death(pid: int, exitcode: int | None) -> str:
    if exitcode is None or exitcode >= 0:
        return f"worker process {pid} ended (exit code {exitcode}); the run stopped"
    try:
        name = signal.Signals(-exitcode).name
    except ValueError:
        name = f"signal {-exitcode}"
    hint = " (the out-of-memory killer sends it: fewer --jobs need less memory)" if -exitcode == signal.SIGKILL else ""
    return f"worker process {pid} was killed by {name}{hint}; the run stopped"


def _receive(worker: _Worker) -> tuple[int, BatchOut]:
    try:
        number, out, error = worker.results.recv()
    except EOFError:
        worker.process.join(1)  # for its exit code
        raise WorkerDied(_death(worker.process.pid, worker.process.exitcode)) from None
    if error is not None:
        raise error
    worker.busy -= 1
    return number, out


def _serve(tasks: Any, results: Any, state: tuple, inherited: list[int]) -> None:
    """A worker process: _process_batch on each batch received, until None (or the end of the pipe)."""
    for fd in inherited:
        os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process, which stops the workers
    for signum in STOP_SIGNALS - {signal.SIGINT}:
        signal.signal(signum, signal.SIG_DFL)  # the main process's handler cleans up; a worker just ends
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # held by the main process while it forked
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(tasks, inbox), daemon=True).start()
    while (task := inbox.get()) is not None:
        number, batch = task
        try:
            results.send((number, _process_batch(*state, batch), None))
        except Exception as err:
            err.add_note(f"in worker process {os.getpid()}:\n{traceback.format_exc()}")
            results.send((number, None, err))
            return


def _read_tasks(tasks: Any, inbox: Any) -> None:
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            task = None
        inbox.put(task)
        if task is None:
            return


@dataclass
class RunResult:
    timings: dict[str, float]
    models: dict[str, Any]
    learned: dict[str, dict[str, Any]]  # each corpus stage's own summary of its model, for the report
    # Documents read per input file by the engine itself (the Ray engine reads files on the cluster); empty
    # when the caller read them.
    inputs: dict[str, int] = field(default_factory=dict)
    workers: dict[str, Any] = field(default_factory=dict)  # the Ray engine's worker processes: count, peak memory


T = TypeVar("T")


class Results(Generic[T]):
    """What an engine gives back: each document that leaves the pipeline, as `finish` made it, once; then
    `result`, when every one has been taken. Close it (contextlib.closing) when stopping early: the engine
    stops its workers and removes its spools."""

    def __init__(self, outputs: Generator[T, None, RunResult]) -> None:
        self._outputs = outputs
        self.result: RunResult | None = None

    def __iter__(self) -> Iterator[T]:
        self.result = yield from self._outputs

    def close(self) -> None:
        self._outputs.close()


def _unchanged(doc: Document) -> Document:
    return doc


class Watch:
    """What a run tells about its progress (the progress bar implements it; this one ignores it)."""

    def segment(self, label: str, total: int | None) -> None:
        """A pass over the documents starts: `total` of them, None while they are being read."""

    def batch(self, documents: int) -> None:
        """That many more documents went through the current pass."""


def run_pipeline(
    docs: Iterable[Item], pipeline: list, jobs: int, finish: Callable[[Document], Any] = _unchanged,
    watch: Watch = Watch(),
) -> Results:
    """Run every document through the pipeline on `jobs` processes; each one leaves it once, written or
    rejected, as `finish` made it in the process that cleaned it (so `finish` must be picklable). `watch`
    is told each pass and each batch through it."""
    return Results(_run(docs, pipeline, jobs, finish, watch))


def _run(docs: Iterable[Item], pipeline: list, jobs: int, finish: Callable[[Document], Any], watch: Watch) -> Generator:
    timings: dict[str, float] = defaultdict(float)
    models: dict[str, Any] = {}
    learned: dict[str, dict[str, Any]] = {}
    carried: list = []  # fitted corpus stages that open the next segment
    reading: Spool | None = None  # where the segment's documents wait
    writing: Spool | None = None  # where it parks its survivors
    try:
        for segment in split_segments(pipeline):
            stages = carried + segment.stages
            writing = Spool() if segment.corpus else None
            summaries: list[list] = [[] for _ in segment.corpus]  # a column per corpus stage
            watch.segment(", ".join(f.name for f in carried) or "cleaning", len(docs) if carried else None)
            with closing(map_segment(segment, stages, finish, writing, docs, jobs, timings)) as outs:
                for out in outs:
                    yield from out.finished
                    if writing is not None:
                        writing.add(out.parked)
                        for column, found in zip(summaries, zip(*out.summaries)):
                            column += found
                    watch.batch(len(out.finished) + len(out.parked))
            if reading is not None:
                reading.remove()  # every document parked there has been read
            reading, writing = writing, None
            if not segment.corpus:
                break
            watch.segment("learning " + ", ".join(stage.name for stage in segment.corpus), None)
            carried, order = fit_segment(segment.corpus, summaries, timings)
            docs = reading.parked(order)
            del summaries
            for fitted in carried:
                models[fitted.name] = fitted.model
                learned[fitted.name] = fitted.stage.describe(fitted.model)
    finally:
        for spool in (reading, writing):
            if spool is not None:
                spool.remove()
    return RunResult(dict(timings), models, learned)
