"""The recipe: the stage shapes, the ordered list of stages, and how one document goes through them.

Three shapes cover every stage, each declaring its kind once by its base class:
- a document stage: ``Document -> Document`` (decode, extract, normalize); rejects with ``doc.reject``;
- a line stage: ``judge(lines, view) -> Judged``, one verdict per kept line (every cleaning heuristic);
  the loop that applies verdicts and lifted fields lives here, in ``apply_line_stage``, and nowhere else;
- a corpus stage: ``summarize`` per document, ``fit`` over all summaries (mergeable, so it can shard),
  ``apply`` the model per document. A filter only rejects documents and tells from a summary whether it
  will (``rejects``), so the next corpus stage can summarize in the same pass.

The corpus stages cut the list into segments (``split_segments``): every document goes through a segment's
document and line stages and is summarized for the corpus stages that close it; once all are summarized,
those stages are fitted (``fit_segment``) and the next segment opens by applying them (``Fitted``). How
that runs over a corpus (processes and spools, or a cluster) is an engine's business: corpusclean/engine.py
runs it locally, corpusclean/ray_engine.py on Ray.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from time import perf_counter
from typing import Any, ClassVar, Iterable, Sequence

from corpusclean.config import Config
from corpusclean.document import Cut, Document, DocView, Judged


class Stage:
    """What every stage declares: its name (trace, report, timings), the Config options it reads, the
    reason codes it removes lines with, and the reasons it rejects whole documents with."""

    kind: ClassVar[str]
    name: ClassVar[str]
    options: ClassVar[tuple[str, ...]] = ()
    reasons: ClassVar[tuple[str, ...]] = ()
    rejects_with: ClassVar[tuple[str, ...]] = ()


class DocumentStage(Stage):
    kind = "document"

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError


class LineStage(Stage):
    """Pure: no state, no I/O. Sees the kept lines in Simplified script and a read-only view of the page."""

    kind = "line"

    def judge(self, lines: list[str], view: DocView) -> Judged:
        raise NotImplementedError


class CorpusStage(Stage):
    kind = "corpus"
    filter: ClassVar[bool] = False   # apply only rejects documents; rejects(summary, model) says which

    def summarize(self, doc: Document) -> Any:
        raise NotImplementedError

    def summarize_all(self, docs: Sequence[Document]) -> list[Any]:
        """The summary of each document, in order: a stage that costs less per document in batches says so here."""
        return [self.summarize(doc) for doc in docs]

    def fit(self, summaries: Iterable[Any]) -> Any:
        raise NotImplementedError

    def apply(self, doc: Document, model: Any) -> Document:
        raise NotImplementedError

    def describe(self, model: Any) -> dict[str, Any]:
        """What the model learned, in numbers, for the run report."""
        raise NotImplementedError

    def rejects(self, summary: Any, model: Any) -> bool:
        raise NotImplementedError


def build_pipeline(config: Config) -> list[Stage]:
    """The recipe, top to bottom. Imports are here so `corpusclean --help` loads none of them."""
    from corpusclean.clean.boilerplate import Boilerplate
    from corpusclean.clean.captions import Captions
    from corpusclean.clean.edges import ArticleEdges
    from corpusclean.clean.layout import Layout
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

    stages: list[Stage] = [Decode(), ExtractHtml(config), Whitespace(config.max_page_lines)]
    if config.cjk_punct:
        stages.append(CjkPunct())
    # Script last among the normalizers: it also makes the Simplified form the line stages judge.
    stages += [Lang(), Script(config.script)]
    stages += [
        MetadataLines(),
        Sidebar(config.extra_titles),
        Boilerplate(config.extra_boilerplate),
        Captions(),
        RepeatedParagraphs(),
        RepeatedSentences(),
        # After the stages that remove lines inside the article (captions, repeats), so that cleaning its
        # output finds the body it found; after metadata, which lifted the byline and date lines.
        Layout(),
        # Last: the rules of place (labels above the headline, the dateline under it, boilerplate at the
        # edges, the article's extent) asked again of what every stage before kept, so that cleaning clean
        # output changes nothing.
        ArticleEdges(config.extra_boilerplate),
    ]
    stages.append(RequireText())
    # Dedup first: syndicated copies of one story would otherwise look like a site template to each other.
    if config.dedup != "none":
        stages.append(Dedup(config))
    if config.template:
        stages.append(TemplateLines(config.template_min_docs, config.template_min_share))
        stages.append(RequireText())  # template lines may have been all that was left
    return stages


class RequireText(DocumentStage):
    """Document stage: a document with no line left is rejected as `empty`, not written as an empty record."""

    name = "require_text"
    rejects_with = ("empty",)

    def __call__(self, doc: Document) -> Document:
        if not doc.kept_indices():
            doc.reject("empty", "no text left after cleaning")
        return doc


def document_stages(config: Config) -> list[Stage]:
    """Every per-document stage of the pipeline, in order: all but the corpus stages."""
    return [stage for stage in build_pipeline(config) if stage.kind != "corpus"]


def apply_line_stage(stage: LineStage, doc: Document) -> Document:
    """Run a line stage on the lines still kept and record its verdicts and fields in the document."""
    kept = doc.kept_indices()
    lines = doc.judged_lines()
    judged = stage.judge([lines[i] for i in kept], doc.view())
    verdicts = judged.verdicts
    if len(verdicts) != len(kept):
        raise ValueError(f"stage {stage.name} gave {len(verdicts)} verdicts for {len(kept)} lines")
    if verdicts.count(None) < len(verdicts):   # most stages keep every line of most pages: nothing to record
        for index, verdict in zip(kept, verdicts):
            if verdict is None:
                continue
            if isinstance(verdict, Cut):
                doc.cut(index, stage.name, verdict)
            else:
                doc.remove(index, stage.name, verdict)
    if judged.fields:
        doc.fill(judged.fields)
    return doc


def run_stages(stages: list[Stage], doc: Document, timings: dict[str, float] | None = None) -> Document:
    """One document through a list of document and line stages, stopping at the first rejection; the
    seconds each stage took are added to `timings`. A TypeError in one sentence for a record or a Page given for
    the document, or a Segment for its stages (an AttributeError deep inside: 'dict' object has no attribute
    'rejected')."""
    if not isinstance(doc, Document):
        raise TypeError(f"run_stages takes a corpusclean.Document (as_document makes one of a record or a Page), "
                        f"not {type(doc).__name__}")
    if isinstance(stages, Segment):
        raise TypeError("run_stages takes a list of stages (a Segment's .stages), not Segment")
    [doc] = run_stages_on_batch(stages, [doc], timings)
    return doc


def run_stages_on_batch(stages: list[Stage], docs: Sequence[Document],
                        timings: dict[str, float] | None = None) -> list[Document]:
    """Each document as run_stages makes it, each stage run over all of them before the next: the code and
    the data of one stage stay in the CPU's caches (on 4,000 synthetic pages in batches of 32, every stage
    ran faster, 15-20% in all). The seconds each stage took are added to `timings`."""
    if timings is None:
        timings = defaultdict(float)
    docs = list(docs)
    for stage in stages:
        live = [position for position, doc in enumerate(docs) if not doc.rejected]
        if not live:
            break
        start = perf_counter()
        if stage.kind == "line":
            for position in live:
                apply_line_stage(stage, docs[position])  # type: ignore[arg-type]
        else:
            for position in live:
                docs[position] = stage(docs[position])  # type: ignore[operator]
        timings[stage.name] += perf_counter() - start
    return docs


@dataclass
class Segment:
    stages: list[Stage]           # document and line stages, in order
    corpus: list[CorpusStage]     # the corpus stages that close the segment, in order; none for the last segment


def split_segments(pipeline: list[Stage]) -> list[Segment]:
    """Stages between corpus stages; a corpus stage right after a filter joins the filter's segment, so both
    are summarized in one pass: the documents the filter lets through reach the next corpus stage unchanged."""
    segments: list[Segment] = []
    current: list[Stage] = []
    for stage in pipeline:
        if not isinstance(stage, CorpusStage):
            current.append(stage)
        elif not current and segments and segments[-1].corpus[-1].filter:
            segments[-1].corpus.append(stage)
        else:
            segments.append(Segment(current, [stage]))
            current = []
    segments.append(Segment(current, []))
    return segments


class Fitted(DocumentStage):
    """A corpus stage bound to its fitted model: applies it like any document stage."""

    def __init__(self, stage: CorpusStage, model: Any) -> None:
        self.name, self.stage, self.model = stage.name, stage, model  # type: ignore[misc]

    def __call__(self, doc: Document) -> Document:
        return self.stage.apply(doc, self.model)


def fit_segment(
    corpus: list[CorpusStage], summaries: Sequence[Sequence], timings: dict[str, float]
) -> tuple[list[Fitted], list[int]]:
    """The corpus stages closing a segment fitted in order, each on the summaries (a column per corpus stage,
    in order, holding one per surviving document, in input order) of the documents the filters before it
    let through; and the order in which the documents go on: first those each filter rejects, filter by
    filter, then the others, as if each corpus stage closed a segment of its own."""
    fitted: list[Fitted] = []
    rejected: list[int] = []
    passing = range(len(summaries[0])) if summaries else range(0)
    for stage, column in zip(corpus, summaries):
        start = perf_counter()
        model = stage.fit([column[i] for i in passing])
        if stage.filter:
            rejects = [stage.rejects(column[i], model) for i in passing]
            rejected += [i for i, reject in zip(passing, rejects) if reject]
            passing = [i for i, reject in zip(passing, rejects) if not reject]
        timings[stage.name] += perf_counter() - start
        fitted.append(Fitted(stage, model))
    return fitted, rejected + list(passing)


def as_columns(rows: Sequence[tuple], corpus: list[CorpusStage]) -> list[list]:
    """Summaries kept a tuple per document (one item per corpus stage) as fit_segment takes them."""
    return [[row[position] for row in rows] for position in range(len(corpus))]
