"""The local engine on toy stages: order, rejections, corpus stages across segments, workers."""

import os
from contextlib import closing
import tempfile
from collections import Counter
from pathlib import Path

import pytest

import corpusclean.engine as engine_module
from corpusclean.api import Page, as_document
from corpusclean.config import Config
from corpusclean.document import Document, Judged
from corpusclean.engine import Spool, park_all, run_pipeline
from corpusclean.normalize.whitespace import Whitespace
from corpusclean.pipeline import (
    CorpusStage, DocumentStage, LineStage, document_stages, run_stages, run_stages_on_batch, split_segments,
)

SEEDS = Path(__file__).parent.parent / "seeds"


class DropShort(LineStage):
    name = "short"

    def judge(self, lines, view):
        return Judged(["short.line" if len(line) < 3 else None for line in lines])


class RejectMarked(DocumentStage):
    name = "marked"

    def __call__(self, doc):
        if "REJECT" in doc.kept_lines():
            doc.reject("marked")
        return doc


class CommonLines(CorpusStage):
    """A toy corpus stage: drops lines that every document has."""

    name = "common"

    def summarize(self, doc):
        return frozenset(doc.kept_lines())

    def fit(self, summaries):
        summaries = list(summaries)
        counts = Counter(line for s in summaries for line in s)
        return frozenset(line for line, n in counts.items() if n == len(summaries))

    def describe(self, model):
        return {"lines": len(model)}

    def apply(self, doc, model):
        for i in doc.kept_indices():
            if doc.lines[i] in model:
                doc.remove(i, self.name, "common.line")
        return doc


def make_docs(n):
    docs = []
    for i in range(n):
        text = f"header line\nbody of document {i}\nok\n" + ("REJECT\n" if i % 5 == 3 else "")
        docs.append(Document(id=f"d{i}", source="s", location=f"d{i}", text=text))
    return docs


def run(pipeline, docs, jobs=1):
    results = run_pipeline(iter(docs), pipeline, jobs)
    out = list(results)
    return out, results.result


class SameText(CorpusStage):
    """A toy corpus stage that rejects a document whose kept text an earlier one has."""

    name = "same"

    def summarize(self, doc):
        return doc.id, "\n".join(doc.kept_lines())

    def fit(self, summaries):
        first = {}
        for doc_id, text in summaries:
            first.setdefault(text, doc_id)
        return {doc_id: first[text] for doc_id, text in summaries if first[text] != doc_id}

    def describe(self, model):
        return {"copies": len(model)}

    def apply(self, doc, model):
        if doc.id in model:
            doc.reject("same", model[doc.id])
        return doc


class SameTextFilter(SameText):
    """The same stage, declared a filter: the corpus stage after it is summarized in the same pass."""

    filter = True

    def rejects(self, summary, model):
        return summary[0] in model


def test_segments_split_at_corpus_stages():
    pipeline = [Whitespace(), DropShort(), CommonLines(), RejectMarked()]
    segments = split_segments(pipeline)
    assert [len(s.stages) for s in segments] == [2, 1]
    assert segments[0].corpus == pipeline[2:3] and segments[1].corpus == []


def test_a_corpus_stage_right_after_a_filter_closes_the_same_segment():
    same, common = SameTextFilter(), CommonLines()
    segments = split_segments([Whitespace(), same, common, DropShort()])
    assert [(len(s.stages), s.corpus) for s in segments] == [(1, [same, common]), (1, [])]
    segments = split_segments([Whitespace(), SameText(), common, DropShort()])
    assert [len(s.corpus) for s in segments] == [1, 1, 0]


def with_copies(docs):
    """Documents where some have the same text as an earlier one, a copy marked for rejection among them."""
    for i in (4, 9, 13, 17):
        docs[i].text = docs[i - 4].text.replace("\nREJECT", "")
    docs[18].text = docs[8].text
    return docs


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_filter_and_the_next_corpus_stage_in_one_segment_give_the_same_output(jobs):
    """Same documents, same verdicts, same order of leaving as with a segment for each corpus stage."""
    separate, _ = run([Whitespace(), SameText(), CommonLines(), RejectMarked()], with_copies(make_docs(150)), jobs)
    merged, result = run([Whitespace(), SameTextFilter(), CommonLines(), RejectMarked()], with_copies(make_docs(150)),
                         jobs)
    assert [(d.id, d.lines, d.verdicts, d.reject_reason, d.reject_detail) for d in merged] == [
        (d.id, d.lines, d.verdicts, d.reject_reason, d.reject_detail) for d in separate
    ]
    assert result.learned == {"same": {"copies": 5}, "common": {"lines": 2}}
    # the filter's rejects leave first, then the documents of the last segment
    assert [d.id for d in merged if d.rejected][:7] == ["d4", "d9", "d13", "d17", "d18", "d3", "d8"]


def test_every_document_is_emitted_once_in_order_with_its_trace():
    out, result = run([Whitespace(), DropShort(), RejectMarked(), CommonLines()], make_docs(10))
    assert [d.id for d in out if d.rejected] == ["d3", "d8"]
    assert sorted(d.id for d in out) == sorted(f"d{i}" for i in range(10))
    kept = [d for d in out if not d.rejected]
    assert [d.id for d in kept] == [f"d{i}" for i in range(10) if i % 5 != 3]
    assert kept[0].kept_lines() == ["body of document 0"]
    assert {(t.stage, t.reason) for t in kept[0].trace} == {("short", "short.line"), ("common", "common.line")}
    assert result.models["common"] == frozenset({"header line"})
    assert result.learned["common"] == {"lines": 1}
    assert set(result.timings) >= {"whitespace", "short", "marked", "common"}


def test_two_workers_give_the_same_documents_as_one():
    pipeline = [Whitespace(), DropShort(), RejectMarked(), CommonLines()]
    one, _ = run(pipeline, make_docs(200), jobs=1)
    two, _ = run(pipeline, make_docs(200), jobs=2)
    assert [(d.id, d.lines, d.verdicts, d.reject_reason) for d in one] == [
        (d.id, d.lines, d.verdicts, d.reject_reason) for d in two
    ]


class Broken(LineStage):
    name = "broken"

    def judge(self, lines, view):
        return Judged([])


def test_large_batches_both_ways_do_not_block_the_workers():
    """Batches and results far larger than a pipe holds, in flight both ways at once."""
    docs = [Document(id=f"d{i}", source="s", location=f"d{i}", text=f"line {i}\n" * 20_000) for i in range(100)]
    out, _ = run([Whitespace()], docs, jobs=2)
    assert [d.id for d in out] == [f"d{i}" for i in range(100)] and len(out[-1].lines) == 20_000


class Dies(DocumentStage):
    name = "dies"

    def __call__(self, doc):
        os._exit(3)


def test_a_worker_that_dies_stops_the_run():
    from corpusclean.engine import WorkerDied

    with pytest.raises(WorkerDied, match=r"worker process \d+ ended \(exit code 3\); the run stopped"):
        run([Whitespace(), Dies()], make_docs(10), jobs=2)


def test_a_line_stage_must_give_one_verdict_per_line():
    with pytest.raises(ValueError, match="broken"):
        run([Whitespace(), Broken()], make_docs(1))
    with pytest.raises(ValueError, match="broken"):  # raised in a worker, re-raised here
        run([Whitespace(), Broken()], make_docs(100), jobs=2)


def test_parked_documents_read_back_in_order():
    docs = make_docs(5)
    for doc in docs:
        doc.raw = b"bytes"
    spool = Spool()
    parked = park_all(docs[:2], spool.folder) + park_all(docs[2:], spool.folder)
    back = [p.read() for p in parked]
    assert [d.id for d in back] == [d.id for d in docs] and all(d.raw is None for d in back)
    assert len(os.listdir(spool.folder)) == 1  # one file per parking process
    spool.remove()
    assert not os.path.exists(spool.folder) and not engine_module._spool_files


@pytest.mark.parametrize("jobs", [1, 2])
def test_spool_folders_are_removed(jobs, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    pipeline = [Whitespace(), CommonLines(), DropShort(), CommonLines()]
    out, _ = run(pipeline, make_docs(100), jobs=jobs)
    assert len(out) == 100 and list(tmp_path.iterdir()) == []
    assert not engine_module._spool_files  # and the files read from them are closed
    with pytest.raises(ValueError):
        run([Whitespace(), CommonLines(), Broken()], make_docs(100), jobs=jobs)
    assert list(tmp_path.iterdir()) == []


class Recorded(engine_module.Watch):
    def __init__(self):
        self.calls = []

    def segment(self, label, total):
        self.calls.append((label, total))

    def batch(self, documents):
        self.calls.append(documents)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_tells_each_pass_and_each_batch_as_it_goes(jobs):
    """The progress bar moved only when documents left the last stage: with corpus stages, not at all
    until the last pass. Each pass is told, and each batch through it."""
    watch = Recorded()
    docs = make_docs(70)
    with closing(run_pipeline(iter(docs), [Whitespace(), RejectMarked(), CommonLines()], jobs, watch=watch)) as out:
        assert len(list(out)) == 70
    survivors = sum(1 for i in range(70) if i % 5 != 3)
    assert watch.calls == [("cleaning", None), 32, 32, 6, ("learning common", None), ("common", survivors), 32, 24]


def test_stages_over_a_batch_give_each_document_as_they_give_it_alone():
    stages = document_stages(Config())
    pages = [Page(path.read_bytes(), path.name) for path in sorted(SEEDS.iterdir())]
    pages += [Page(b"", "empty.txt"), Page("x", "one-letter.txt")]     # rejected before the line stages
    alone = [vars(run_stages(stages, as_document(page))) for page in pages]
    batch = [vars(doc) for doc in run_stages_on_batch(stages, [as_document(page) for page in pages])]
    assert batch == alone and any(doc["reject_reason"] for doc in alone)


@pytest.mark.parametrize("sizes, groups", [
    pytest.param([10] * 5, [5], id="small-pages-go-together"),
    pytest.param([30, 80, 10, 100, 5], [2, 2, 1], id="a-group-closes-once-it-holds-enough"),
    pytest.param([500, 500], [1, 1], id="a-huge-page-goes-alone"),
])
def test_a_batch_goes_through_the_stages_in_groups_of_bounded_input(monkeypatch, sizes, groups):
    monkeypatch.setattr(engine_module, "STAGED_BYTES", 100)
    docs = [Document(id=str(number), source="s", location="x", input_bytes=size) for number, size in enumerate(sizes)]
    opened = list(engine_module._opened(docs))
    assert [len(group) for group in opened] == groups and [doc for group in opened for doc in group] == docs
