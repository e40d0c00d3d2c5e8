"""The pipeline: a plain list of stages, and the loop that runs documents through it.

Corpus stages (template learning, dedup) cut the list into segments. Each segment streams every document
through its per-document stages and hands each survivor's summary to the corpus stage; once all
documents have passed, the stage fits its model and the next segment starts by applying it. Documents
wait between segments in a spool file on disk, so memory holds summaries, not texts.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import defaultdict, deque
from dataclasses import dataclass
from time import perf_counter
from typing import Any, Callable, Iterable, Iterator

from corpusclean.config import Config
from corpusclean.document import Document, apply_line_stage

BATCH_SIZE = 32          # documents per task sent to a worker process
IN_FLIGHT_PER_JOB = 4    # tasks queued per worker: enough to keep it busy, few enough to keep memory flat


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


def _process_batch(stages: list, corpus: Any, batch: list[Document]) -> tuple[list, dict[str, float]]:
    timings: dict[str, float] = defaultdict(float)
    out = []
    for doc in batch:
        doc = run_stages(stages, doc, timings)
        summary = None
        if corpus is not None and not doc.rejected:
            start = perf_counter()
            summary = corpus.summarize(doc)
            timings[corpus.name] += perf_counter() - start
        out.append((doc, summary))
    return out, dict(timings)


_worker_state: tuple[list, Any] | None = None


def _init_worker(stages: list, corpus: Any) -> None:
    global _worker_state  # one per worker process, set once: the stages it runs
    _worker_state = (stages, corpus)


def _work(batch: list[Document]) -> tuple[list, dict[str, float]]:
    assert _worker_state is not None
    return _process_batch(*_worker_state, batch)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_segment(
    segment: Segment, stages: list, docs: Iterable[Document], jobs: int, timings: dict[str, float]
) -> Iterator[tuple[Document, Any]]:
    """(document, corpus summary) for every document, in input order, on `jobs` processes."""
    if jobs <= 1:
        for batch in _batches(docs, BATCH_SIZE):
            results, spent = _process_batch(stages, segment.corpus, batch)
            for name, seconds in spent.items():
                timings[name] += seconds
            yield from results
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(stages, segment.corpus)) as pool:
        pending: deque = deque()
        batches = _batches(docs, BATCH_SIZE)
        for batch in batches:
            pending.append(pool.apply_async(_work, (batch,)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from _collect(pending.popleft(), timings)
        while pending:
            yield from _collect(pending.popleft(), timings)


def _collect(result: Any, timings: dict[str, float]) -> list:
    results, spent = result.get()
    for name, seconds in spent.items():
        timings[name] += seconds
    return results


class Spool:
    """Documents parked on disk between two segments, read back once in the same order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self.count = 0

    def add(self, doc: Document) -> None:
        doc.raw = None
        pickle.dump(doc, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def drain(self) -> Iterator[Document]:
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)
        self._file.close()


@dataclass
class RunResult:
    timings: dict[str, float]
    models: dict[str, Any]


def run_pipeline(
    docs: Iterable[Document], pipeline: list, jobs: int, emit: Callable[[Document], None]
) -> RunResult:
    """Run every document through the pipeline; `emit` receives each one once, written or rejected."""
    timings: dict[str, float] = defaultdict(float)
    models: dict[str, Any] = {}
    carried: list = []  # fitted corpus stages that open the next segment
    for segment in split_segments(pipeline):
        stages = carried + segment.stages
        if segment.corpus is None:
            # Applying fitted models alone is cheap: not worth shipping documents to workers.
            final_jobs = jobs if segment.stages else 1
            for doc, _ in map_segment(segment, stages, docs, final_jobs, timings):
                emit(doc)
            break
        spool, summaries = Spool(), []
        for doc, summary in map_segment(segment, stages, docs, jobs, timings):
            if doc.rejected:
                emit(doc)
            else:
                summaries.append(summary)
                spool.add(doc)
        start = perf_counter()
        model = segment.corpus.fit(summaries)
        timings[segment.corpus.name] += perf_counter() - start
        del summaries
        models[segment.corpus.name] = model
        carried = [Fitted(segment.corpus, model)]
        docs = spool.drain()
    return RunResult(dict(timings), models)


def process_page(data: bytes, path: str, config: Config) -> Document:
    """One page through every per-document stage (no corpus stages): for evaluation harnesses."""
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_page

    doc = read_page(InputFile(path, path, "page"), data, config.max_page_bytes)
    stages = [s for s in build_pipeline(config) if not is_corpus_stage(s)]
    return run_stages(stages, doc, defaultdict(float))
