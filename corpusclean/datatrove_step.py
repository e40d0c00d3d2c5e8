"""corpusclean inside a datatrove pipeline (`pip install 'corpusclean[datatrove]'`).

`Clean` runs corpusclean's per-document stages on each datatrove Document: the text becomes the cleaned
text, the metadata gains ``source``, ``created`` and corpusclean's metadata keys (flat, as datatrove's
readers give them), and a rejected document goes to the exclusion writer with ``filter_reason`` (and
``reject_detail``). With a `summaries` folder it also keeps each kept document's summaries for the
corpus stages (dedup, per-site templates); `FitCorpus` (one task) fits them, and `ApplyCorpus`, in a third
pipeline over Clean's output, removes the duplicates and the template lines: the map -> reduce -> map of
`corpusclean run`, as three datatrove pipelines like datatrove's own MinHash dedup.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

from datatrove.data import Document as DatatroveDocument
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from corpusclean.api import output, segments
from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.pipeline import Fitted, as_columns, fit_segment, run_stages
from corpusclean.read.ids import UniqueIds, input_id, renamed

MODELS = "models.pickle"


def _record(doc: DatatroveDocument, config: Config) -> dict[str, Any]:
    """A datatrove Document as a corpusclean input record: its metadata is the record's metadata, but for
    Dolma's document fields (`_keep` puts source and created there), which go at the top as in a JSONL line, and
    for a document whose text is blank, its page under html or raw_html (datatrove's readers give a line's other
    fields as metadata), which run reads as the record's text."""
    from corpusclean.read.sources import HTML_FIELDS

    blank = not (doc.text.strip() if isinstance(doc.text, str) else doc.text)
    fields = ("source", "added", "created", *(HTML_FIELDS if blank else ()))
    top = {key: doc.metadata[key] for key in fields if key in doc.metadata}
    metadata = {key: value for key, value in doc.metadata.items() if key not in top}
    return {**top, "id": doc.id, config.text_key: doc.text, "metadata": metadata}


def _document(doc: DatatroveDocument, config: Config, position: int | None = None) -> Document:
    """A datatrove Document as the Document `run` reads from its input file, which datatrove's readers note
    as `file_path`: named as `run` names a file given by its path, by its folder's name and its own (never
    an absolute path), and of that folder's source unless it states its own (per-site templates group by
    it); the config's source, as `run --source`, is the source of those without their own. A
    document without a file is its own; one without a file or an id, of the file `records`, as clean_records
    names it. `position`: the document's place in its file, the id of one without an id of its own
    (`in/a.jsonl#3`, as run gives a record without one)."""
    from corpusclean.read.paths import input_file
    from corpusclean.read.sources import record_doc

    file_path = str(doc.metadata.get("file_path") or "")
    parts = [part for part in file_path.split("/") if part][-2:]
    if parts:
        inp = input_file(file_path, parts, parts, parts[-2] if len(parts) > 1 else "", config.source)
    else:
        own = input_id(doc.id) or "records"  # an integer id too, as a dataset reader gives it
        inp = input_file(own, [own], [own], own, config.source)
    return record_doc(inp, position, _record(doc, config), config.text_key, config.text_format,
                      config.max_record_bytes)


def _keep(doc: DatatroveDocument, cleaned: Document) -> None:
    record = output(cleaned)
    doc.id = record["id"]  # as run writes it: a null one made of its place, a lone surrogate U+FFFD
    doc.text = record["text"]
    doc.metadata = {**doc.metadata, "source": record["source"], "created": record["created"], **record["metadata"]}


def _drop(doc: DatatroveDocument, cleaned: Document) -> tuple[bool, str]:
    if input_id(doc.id) is None:  # its own is kept: a document rejected unread (no text) has its file's
        doc.id = cleaned.id
    doc.metadata["reject_detail"] = cleaned.reject_detail
    return False, cleaned.reject_reason or ""


class Clean(BaseFilter):
    """corpusclean's per-document stages (decode, extract, normalize, every line stage) as a datatrove step."""

    name = "corpusclean"

    def __init__(self, config: Config = Config(), exclusion_writer: DiskWriter | None = None,
                 summaries: str | None = None) -> None:
        super().__init__(exclusion_writer)
        self.config = config
        self.summaries = summaries

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        file_path = str(doc.metadata.get("file_path") or "")
        self.positions[file_path] += 1
        # A document without an id (null, "", 1.5) is named by its place in its file, as run by its line.
        position = self.positions[file_path] if input_id(doc.id) is None else None
        read = _document(doc, self.config, position)
        if position is None:
            self.ids.note(read.id)
        else:  # two files of one folder and file name (p1/x/a.jsonl, p2/x/a.jsonl) give one place's id
            new_id = self.ids.claim(read.id, read.id)
            read = read if new_id == read.id else renamed(read, new_id)
        cleaned = run_stages(self.stages, read)
        if cleaned.rejected:
            return _drop(doc, cleaned)
        if self.summary_file is not None:
            summary = tuple(stage.summarize(cleaned) for stage in self.corpus)
            pickle.dump((cleaned.id, summary), self.summary_file, protocol=pickle.HIGHEST_PROTOCOL)
        _keep(doc, cleaned)
        return True

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        first, *_ = segments(self.config)
        self.stages, self.corpus, self.summary_file = first.stages, first.corpus, None
        self.positions: defaultdict[str, int] = defaultdict(int)  # documents of each file this task read
        self.ids = UniqueIds()  # the ids this task gave out, so that it gives none twice, as run gives none
        if self.summaries is None or not self.corpus:
            yield from super().run(data, rank, world_size)
            return
        Path(self.summaries).mkdir(parents=True, exist_ok=True)
        # The models of an earlier fit are of an earlier corpus: ApplyCorpus took them for this one's when
        # FitCorpus did not run again, and rejected its documents by the ids of that corpus's duplicates.
        (Path(self.summaries) / MODELS).unlink(missing_ok=True)
        with open(Path(self.summaries) / _summary_name(rank), "wb") as self.summary_file:
            # Which run wrote it, and the settings its summaries are for, for FitCorpus
            pickle.dump({"tasks": world_size, "settings": _settings(self.corpus, self.config)}, self.summary_file)
            yield from super().run(data, rank, world_size)
            pickle.dump(None, self.summary_file)  # the task finished its file


class FitCorpus(PipelineStep):
    """The reduce: every task's summaries, in rank order and then document order, fitted into the corpus
    stages' models (the same ones `corpusclean run` learns from the same documents in the same order)."""

    name = "corpusclean fit"
    type = "corpusclean"

    def __init__(self, summaries: str, config: Config = Config()) -> None:
        super().__init__()
        self.summaries, self.config = summaries, config

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        folder = Path(self.summaries)
        corpus = segments(self.config)[0].corpus
        found = any(folder.glob("*.summaries"))
        if corpus and not found:  # models fitted on nothing: ApplyCorpus then removed no duplicate, without a word
            raise ValueError(f"no summaries in {self.summaries}: run Clean(config, summaries={self.summaries!r}) "
                             "first (each of its tasks writes a file, even one that kept no document)")
        files = _last_run(folder) if found else []
        stated, mine = _header(files[0]).get("settings") if files else None, _settings(corpus, self.config)
        # Of the same corpus stages (others are told below), but fitted with other settings than Clean's: the
        # default Config of FitCorpus(summaries) kept the first copy where Clean's config said keep the longest.
        if stated is not None and stated.keys() == mine.keys() and stated != mine:
            differ = ", ".join(f"{name} {value!r} there, {mine[name]!r} here"
                               for name, value in stated.items() if value != mine[name])
            raise ValueError(f"the summaries in {self.summaries} were written by a Clean of other settings ({differ}): "
                             "give Clean, FitCorpus and ApplyCorpus one config")
        pairs = [pair for path in files for pair in _load_all(path)]
        if any(len(summary) != len(corpus) for _, summary in pairs):  # was an IndexError from the fit
            raise ValueError(f"the summaries in {self.summaries} were written by a Clean of other corpus stages than "
                             f"this config's ({_names(corpus)}): give Clean, FitCorpus and ApplyCorpus one config")
        fitted, _ = fit_segment(corpus, as_columns([summary for _, summary in pairs], corpus), defaultdict(float))
        (folder / MODELS).write_bytes(pickle.dumps({f.name: f.model for f in fitted}))
        self.stat_update("documents", value=len(pairs))
        yield from data or ()


def _names(corpus: list) -> str:
    return ", ".join(stage.name for stage in corpus) or "none"


def _summary_name(rank: int) -> str:
    return f"{rank:05d}.summaries"


def _settings(corpus: list, config: Config) -> dict[str, Any]:
    """The settings the corpus stages read (their options), which their fit depends on."""
    return {name: getattr(config, name) for stage in corpus for name in stage.options}


def _header(path: Path) -> dict[str, Any]:
    """The first item of a summaries file: which Clean run wrote it; {} when unknown."""
    try:
        with open(path, "rb") as handle:
            head = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError):
        return {}
    return head if isinstance(head, dict) else {}


def _tasks_of(path: Path) -> int | None:
    """How many tasks the Clean run that wrote a summaries file had, None when unknown."""
    return _header(path).get("tasks")


def _last_run(folder: Path) -> list[Path]:
    """The summaries files of the last Clean run into `folder`, in rank order: those of its task 0, which every
    run writes, names the number of tasks. A run of fewer tasks than an earlier one left that one's files of
    the higher ranks, which the fit took in (their duplicates and template lines removed from the new corpus);
    they are left out. A file of a rank below it written by another run (a task that did not run again) is an
    error, as is a missing one."""
    first = folder / _summary_name(0)
    tasks = _tasks_of(first) if first.exists() else None
    if tasks is None:
        raise ValueError(f"{first} is missing or was not written by this version's Clean: run Clean(config, "
                         f"summaries={str(folder)!r}) again")
    files = [folder / _summary_name(rank) for rank in range(tasks)]
    for path in files:
        if not path.exists():
            raise ValueError(f"{path} is missing: Clean ran in {tasks} tasks and this one wrote no summaries; run it "
                             "again")
        if _tasks_of(path) != tasks:
            raise ValueError(f"the summaries in {folder} are of two Clean runs ({first.name} of a run of {tasks} "
                             f"task(s), {path.name} of another): run Clean again into an empty folder")
    return files


def _load_all(path: Path) -> Iterator[tuple[str, tuple]]:
    """The (id, summary) pairs of a summaries file; ValueError for one its task did not finish."""
    with open(path, "rb") as handle:
        pickle.load(handle)  # the run's header
        while True:
            try:
                item = pickle.load(handle)
            except (EOFError, pickle.UnpicklingError):
                raise ValueError(f"{path} ends before its task finished: run Clean again") from None
            if item is None:
                return
            yield item


class ApplyCorpus(BaseFilter):
    """The second map, over Clean's output: the fitted models applied (duplicates rejected, template lines
    removed), then the stages that follow the corpus stages in `corpusclean run`."""

    name = "corpusclean apply"

    def __init__(self, summaries: str, config: Config = Config(), exclusion_writer: DiskWriter | None = None):
        super().__init__(exclusion_writer)
        self.summaries, self.config = summaries, config

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        cleaned = _document(doc, self.config)
        cleaned.set_lines(doc.text.split("\n"))  # Clean's text: the kept lines, one per line
        cleaned = run_stages(self.stages, cleaned)
        if cleaned.rejected:
            return _drop(doc, cleaned)
        _keep(doc, cleaned)
        return True

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        first, *rest = segments(self.config)
        if not rest:
            raise ValueError("this config has no corpus stage (dedup none, no template): nothing to apply")
        second = rest[0]
        path = Path(self.summaries) / MODELS
        if not path.exists():
            raise ValueError(f"no models in {self.summaries}: run FitCorpus({self.summaries!r}, config) after the last "
                             "Clean into it, then ApplyCorpus")
        models = pickle.loads(path.read_bytes())
        if set(models) != {stage.name for stage in first.corpus}:  # was a KeyError, or models left unused
            raise ValueError(f"the models in {self.summaries} are of other corpus stages ({', '.join(models) or 'none'}) "
                             f"than this config's ({_names(first.corpus)}): give Clean, FitCorpus and ApplyCorpus one "
                             "config")
        self.stages = [Fitted(stage, models[stage.name]) for stage in first.corpus] + second.stages
        yield from super().run(data, rank, world_size)
