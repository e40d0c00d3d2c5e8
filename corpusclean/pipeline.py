"""The pipeline: a plain list of stages, and the loop that runs documents through it.

Corpus stages (template learning, dedup) cut the list into segments. Each segment streams every document
through its per-document stages and hands each survivor's summary to the corpus stage; once all
documents have passed, the stage fits its model and the next segment starts by applying it. Documents
wait between segments in a spool file on disk, so memory holds summaries, not texts.

A document that goes on to the next segment is parked (pickled) by the process that ran its stages and
stays bytes until a process runs its next stages: with workers, the main process only reads inputs, copies
bytes to and from the spool, fits the corpus stages and writes the output.
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
from collections import defaultdict, deque
from dataclasses import dataclass
from time import perf_counter
from typing import Any, Callable, Iterable, Iterator

from corpusclean.config import Config
from corpusclean.document import Document, apply_line_stage

BATCH_SIZE = 32          # documents per task sent to a worker process
IN_FLIGHT_PER_JOB = 4    # tasks queued per worker: enough to keep it busy, few enough to keep memory flat

# What enters a segment: a Document, a parked one (bytes), or one not read yet (an object whose read() makes
# it, so a worker reads the input rather than the main process).
Item = Any


def build_pipeline(config: Config) -> list:
    """The recipe, top to bottom. Imports are here so `corpusclean --help` loads none of them."""
    from corpusclean.clean.boilerplate import Boilerplate
    from corpusclean.clean.captions import Captions
    from corpusclean.clean.head import HeadLabels
    from corpusclean.clean.metadata import MetadataLines
    from corpusclean.clean.repeats import RepeatedParagraphs, RepeatedSentences
    from corpusclean.clean.sidebar import Sidebar
    from corpusclean.clean.template import TemplateLines
    from corpusclean.decode import Decode
    from corpusclean.dedup.stage import Dedup
    from corpusclean.extract.stage import ExtractHtml
    from corpusclean.normalize.lang import Lang
    from corpusclean.normalize.punct import CjkPunct
    from corpusclean.normalize.script import Script
    from corpusclean.normalize.whitespace import Whitespace

    stages: list = [Decode(), ExtractHtml(config), Whitespace(), Lang(), Script(config.script)]
    if config.cjk_punct:
        stages.append(CjkPunct())
    stages += [
        MetadataLines(),
        Sidebar(config.extra_titles),
        Boilerplate(config.extra_boilerplate),
        HeadLabels(),
        Captions(),
        RepeatedParagraphs(),
        RepeatedSentences(),
    ]
    stages.append(RequireText())
    # Dedup first: syndicated copies of one story would otherwise look like a site template to each other.
    if config.dedup != "none":
        stages.append(Dedup(config))
    if config.template:
        stages.append(TemplateLines(config.template_min_docs, config.template_min_share))
        stages.append(RequireText())  # template lines may have been all that was left
    return stages


class RequireText:
    """A document with no line left is rejected as `empty`: it is not written as an empty record."""

    name = "require_text"

    def __call__(self, doc: Document) -> Document:
        if not doc.kept_indices():
            doc.reject("empty", "no text left after cleaning")
        return doc


def is_corpus_stage(stage: Any) -> bool:
    return hasattr(stage, "summarize")


@dataclass
class Segment:
    stages: list              # document and line stages, in order
    corpus: Any | None        # the corpus stage that closes the segment, if any


def split_segments(pipeline: list) -> list[Segment]:
    segments, current = [], []
    for stage in pipeline:
        if is_corpus_stage(stage):
            segments.append(Segment(current, stage))
            current = []
        else:
            current.append(stage)
    segments.append(Segment(current, None))
    return segments


class Fitted:
    """A corpus stage bound to its fitted model: applies it like any document stage."""

    def __init__(self, stage: Any, model: Any) -> None:
        self.name, self.stage, self.model = stage.name, stage, model

    def __call__(self, doc: Document) -> Document:
        return self.stage.apply(doc, self.model)


def run_stages(stages: list, doc: Document, timings: dict[str, float]) -> Document:
    """One document through a list of stages, stopping at the first rejection."""
    for stage in stages:
        if doc.rejected:
            break
        start = perf_counter()
        if hasattr(stage, "judge"):
            apply_line_stage(stage, doc)
        else:
            doc = stage(doc)
        timings[stage.name] += perf_counter() - start
    return doc


def park(doc: Document) -> bytes:
    """A document as bytes, to wait in a spool or travel between processes; its undecoded input is dropped."""
    doc.raw = None
    return pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)


def unpark(data: bytes) -> Document:
    return pickle.loads(data)


def open_item(item: Item) -> Document:
    """The document an item stands for, in the process that runs its stages."""
    if isinstance(item, Document):
        return item
    if isinstance(item, bytes):
        return unpark(item)
    return item.read()


def _process_batch(
    stages: list, corpus: Any, finish: Callable[[Document], Any], batch: list[Item]
) -> tuple[list[tuple[Any, Any]], dict[str, float]]:
    """(document, summary) per input. A survivor of a segment closed by a corpus stage comes back parked,
    with its summary; a rejected document, or one at the end of the pipeline, comes back finished."""
    timings: dict[str, float] = defaultdict(float)
    out: list[tuple[Any, Any]] = []
    for item in batch:
        doc = run_stages(stages, open_item(item), timings)
        if corpus is None or doc.rejected:
            out.append((finish(doc), None))
            continue
        start = perf_counter()
        summary = corpus.summarize(doc)
        timings[corpus.name] += perf_counter() - start
        out.append((park(doc), summary))
    return out, dict(timings)


_worker_state: tuple[list, Any, Callable[[Document], Any]] | None = None


def _init_worker(stages: list, corpus: Any, finish: Callable[[Document], Any]) -> None:
    global _worker_state  # one per worker process, set once: the stages it runs
    _worker_state = (stages, corpus, finish)


def _work(batch: list[Item]) -> tuple[list, dict[str, float]]:
    assert _worker_state is not None
    return _process_batch(*_worker_state, batch)


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
    segment: Segment, stages: list, finish: Callable[[Document], Any], docs: Iterable[Item],
    jobs: int, timings: dict[str, float],
) -> Iterator[tuple[Any, Any]]:
    """(document, corpus summary) for every document, in input order, on `jobs` processes; see
    _process_batch for which documents come back parked."""
    if jobs <= 1:
        for batch in _batches(docs, BATCH_SIZE):
            results, spent = _process_batch(stages, segment.corpus, finish, batch)
            for name, seconds in spent.items():
                timings[name] += seconds
            yield from results
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Not multiprocessing.Pool: its worker-handler thread spins while results wait unread in its queue,
    # taking CPU and the GIL from this process.
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pool = ProcessPoolExecutor(jobs, context, initializer=_init_worker, initargs=(stages, segment.corpus, finish))
    try:
        pending: deque = deque()
        for batch in _batches(docs, BATCH_SIZE):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from _collect(pending.popleft(), timings)
        while pending:
            yield from _collect(pending.popleft(), timings)
    finally:
        pool.shutdown(cancel_futures=True)


def _collect(result: Any, timings: dict[str, float]) -> list:
    results, spent = result.result()
    for name, seconds in spent.items():
        timings[name] += seconds
    return results


class Spool:
    """Documents parked on disk between two segments, read back once in the same order."""

    _SIZE = struct.Struct("<Q")

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self.count = 0

    def add(self, doc: Document) -> None:
        self.add_parked(park(doc))

    def add_parked(self, data: bytes) -> None:
        self._file.write(self._SIZE.pack(len(data)))
        self._file.write(data)
        self.count += 1

    def drain(self) -> Iterator[Document]:
        return map(unpark, self.drain_parked())

    def drain_parked(self) -> Iterator[bytes]:
        self._file.seek(0)
        for _ in range(self.count):
            (size,) = self._SIZE.unpack(self._file.read(self._SIZE.size))
            yield self._file.read(size)
        self._file.close()


@dataclass
class RunResult:
    timings: dict[str, float]
    models: dict[str, Any]
    learned: dict[str, dict[str, Any]]  # each corpus stage's own summary of its model, for the report


def _unchanged(doc: Document) -> Document:
    return doc


def run_pipeline(
    docs: Iterable[Item], pipeline: list, jobs: int, emit: Callable[[Any], None],
    finish: Callable[[Document], Any] = _unchanged,
) -> RunResult:
    """Run every document through the pipeline; each one leaves it once, written or rejected, through
    `finish` (in the process that cleaned it: must be picklable) and then `emit` (in this process)."""
    timings: dict[str, float] = defaultdict(float)
    models: dict[str, Any] = {}
    learned: dict[str, dict[str, Any]] = {}
    carried: list = []  # fitted corpus stages that open the next segment
    for segment in split_segments(pipeline):
        stages = carried + segment.stages
        if segment.corpus is None:
            # Applying fitted models alone is cheap: not worth shipping documents to workers.
            final_jobs = jobs if segment.stages else 1
            for done, _ in map_segment(segment, stages, finish, docs, final_jobs, timings):
                emit(done)
            break
        spool, summaries = Spool(), []
        for item, summary in map_segment(segment, stages, finish, docs, jobs, timings):
            if isinstance(item, bytes):
                summaries.append(summary)
                spool.add_parked(item)
            else:
                emit(item)  # rejected
        start = perf_counter()
        model = segment.corpus.fit(summaries)
        timings[segment.corpus.name] += perf_counter() - start
        del summaries
        models[segment.corpus.name] = model
        learned[segment.corpus.name] = segment.corpus.describe(model)
        carried = [Fitted(segment.corpus, model)]
        docs = spool.drain_parked()
    return RunResult(dict(timings), models, learned)


def process_page(data: bytes, path: str, config: Config) -> Document:
    """One page through every per-document stage (no corpus stages): for evaluation harnesses."""
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_page

    doc = read_page(InputFile(path, path, "page"), data, config.max_page_bytes)
    stages = [s for s in build_pipeline(config) if not is_corpus_stage(s)]
    return run_stages(stages, doc, defaultdict(float))
