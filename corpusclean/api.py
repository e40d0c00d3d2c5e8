"""The Python API: clean one page, stream records through the whole pipeline, or run its pieces on an engine.

Every way of running corpusclean goes through here: `corpusclean run` streams its inputs through `stream`,
the Ray engine and the datatrove step use `as_document`, `segments`, `run_stages` and `output`.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

from corpusclean.config import ONE_LINE_NAME, Config, is_one_line_name
from corpusclean.document import Document
from corpusclean.engine import Results, Watch, run_pipeline
from corpusclean.pipeline import Segment, Stage, build_pipeline, document_stages, run_stages, split_segments

if TYPE_CHECKING:
    from corpusclean.read.ids import UniqueIds
    from corpusclean.read.paths import InputFile

Record = dict[str, Any]
T = TypeVar("T")


class Page(NamedTuple):
    """One page as it was saved: its bytes in whatever encoding, gzip or zstd too (read as `run` reads a page
    file), or its text; `format` "html" or "txt", or None to tell as `run` tells a page file."""

    data: bytes | str
    id: str
    source: str = ""
    url: str | None = None
    format: str | None = None


def _require(value: Any, kinds: type | tuple[type, ...], what: str) -> None:
    """A TypeError in one sentence, at the entry point, for an argument of the wrong type (instead of an
    AttributeError deep inside, or a record quietly rejected)."""
    if not isinstance(value, kinds):
        raise TypeError(f"{what}, not {type(value).__name__}")


def _require_name(name: str) -> None:
    _require(name, str, "name is a str")
    if not is_one_line_name(name):  # the records' path, source and ids are made of it
        raise ValueError(f"name is {ONE_LINE_NAME}, not {name!r}")


def _require_page(page: Page) -> None:
    _require(page.data, (str, bytes), "a page (its text or HTML) is str or bytes")
    _require(page.id, str, "a page's id is a str")
    if not page.id.strip():  # the id of a record: run never writes a blank one, and check flags it (CC004)
        raise ValueError(f"a page's id is a str with a visible character, not {page.id!r}")
    _require(page.source, str, "a page's source is a str")
    _require(page.url, (str, type(None)), "a page's url is a str or None")
    if page.format not in ("html", "txt", None):
        raise ValueError(f"a page's format is 'html', 'txt' or None, not {page.format!r}")


def as_document(item: Mapping[str, Any] | Page, config: Config = Config(), name: str = "records",
                position: int | None = 1) -> Document:
    """The Document of one input: a record (a dict shaped like a JSONL input line: ``text``, or ``html``, and
    optionally ``id``, ``source``, ``created``, ``url``, ``title``, ``metadata``), read as `run` reads line
    `position` of a JSONL file called `name` (None: a file of its own); or a Page."""
    from corpusclean.read.sources import holds_markup, page_of_str, read_page_bytes, record_doc, reject_too_large

    _require(item, (Mapping, Page), "a record is a dict (or a Page)")
    _require(config, Config, "config is a corpusclean.Config")
    _require_name(name)
    if position is not None and (not isinstance(position, int) or isinstance(position, bool) or position < 1):
        raise ValueError(f"position is a line number (1 or more) or None, not {position!r}")
    if isinstance(item, Page):
        _require_page(item)  # before _input_of reads its source
    where = _input_of(item, name, config.source)
    if not isinstance(item, Page):
        record = item if isinstance(item, dict) else dict(item)
        return record_doc(where, position, record, config.text_key, config.text_format, config.max_record_bytes)
    item = _without_surrogates(item)
    if isinstance(item.data, bytes):
        doc = read_page_bytes(where, item.data, config.max_page_bytes)
        # HTML only with markup, as a str page and a page file named .html are
        if not doc.rejected and (item.format == "txt" or item.format == "html" and holds_markup(doc.raw or b"")):
            doc.format = doc.metadata["format"] = item.format
    elif len(data := item.data.encode("utf-8", "surrogatepass")) > config.max_page_bytes:  # as a page file's
        return reject_too_large(record_doc(where, None, {}, config.text_key), len(data), config.max_page_bytes,
                                "max_page_bytes")
    else:  # read as its bytes are: without an HTTP head, and rejected when it is no page
        text, why = page_of_str(item.data, data, where.path)
        text_format = {"html": "html", "txt": "text", None: "auto"}[item.format]
        doc = record_doc(where, None, {} if why else {config.text_key: text}, config.text_key, text_format)
        if why is not None:
            doc.reject("unreadable", why)
    if item.url is not None:
        doc.metadata["url"] = item.url
    return doc


def _without_surrogates(page: Page) -> Page:
    """The page with each lone surrogate ("\ud800") in its id, source and url, which UTF-8 cannot hold, replaced
    by U+FFFD, as in a record's fields."""
    from corpusclean.read.sources import replace_surrogates

    return page._replace(**{key: replace_surrogates(getattr(page, key))[0] for key in ("id", "source", "url")})


def _input_of(item: Mapping[str, Any] | Page, name: str, source: str) -> InputFile:
    """The input file an item is read as: a page's own, or the JSONL file `name` that holds the records, as
    `run --source SOURCE` reads them (`source` "": the records' source is `name`; a page's, its own)."""
    from corpusclean.read.paths import InputFile, as_text, input_file

    if not isinstance(item, Page):
        return input_file(name, [name], [name], name, source)
    page = _without_surrogates(item)
    return InputFile(page.id, page.id, as_text(page.source or source))


def output(doc: Document, explain: bool = False) -> Record:
    """A document leaving the pipeline as its output record; a rejected one as its reject record (the same
    shape plus ``reject_reason``, ``reject_detail``, ``duplicate_of``, ``location``, ``raw``,
    ``raw_base64``)."""
    from corpusclean.write.records import to_record, to_reject

    _require(doc, Document, "output takes a corpusclean.Document")
    return to_reject(doc, explain) if doc.rejected else to_record(doc, explain)


@functools.lru_cache(maxsize=8)
def _document_stages(config: Config) -> list[Stage]:
    return document_stages(config)


def clean_text(text: str | bytes, config: Config = Config(), *, id: str = "text", source: str = "",
               url: str | None = None) -> Record:
    """One plain-text page cleaned into a record (bytes are read as `run` reads a page file). Only the
    per-document stages run: per-site templates and dedup need a corpus (see `clean_records`)."""
    return _clean_one(Page(text, id, source, url, "txt"), config)


def clean_html(page: str | bytes, config: Config = Config(), *, id: str = "page", source: str = "",
               url: str | None = None) -> Record:
    """One HTML page cleaned into a record: its article text and the metadata found. Only the per-document
    stages run, as in `clean_text`."""
    return _clean_one(Page(page, id, source, url, "html"), config)


def _clean_one(page: Page, config: Config) -> Record:
    _require(config, Config, "config is a corpusclean.Config")
    doc = run_stages(_document_stages(config), as_document(page, config))
    return output(doc, config.explain)


def clean_records(inputs: Iterable[Mapping[str, Any] | Page], config: Config = Config(),
                  name: str = "records") -> Iterator[Record]:
    """Every input through the whole pipeline, per-site templates and dedup included, on the engine the
    config names: an output record, or a reject record (with ``reject_reason``), for each input. A record
    without an id gets ``name#N``, N its 1-based position. The records leave once every input is read (the
    corpus stages need them all); the local engine keeps the documents waiting on disk, not in memory.
    TypeError here for inputs that are not an iterable of records or Pages (a str, a single dict), and when
    the records are read for an item that is neither."""
    if isinstance(inputs, (str, bytes, Mapping, Page)) or not isinstance(inputs, Iterable):
        single = " (put a single record in a list)" if isinstance(inputs, (Mapping, Page)) else ""
        raise TypeError(f"clean_records takes an iterable of records (dicts) or Pages, not {type(inputs).__name__}"
                        f"{single}")
    _require(config, Config, "config is a corpusclean.Config")
    _require_name(name)
    return _records(stream(_documents(inputs, config, name), config, functools.partial(output, explain=config.explain)))


def _documents(inputs: Iterable[Mapping[str, Any] | Page], config: Config, name: str) -> Iterator[Document]:
    """The inputs as documents, each with an id no earlier one has, as `run` gives them (read.ids.UniqueIds)."""
    from corpusclean.read.ids import UniqueIds

    ids = UniqueIds()
    for position, item in enumerate(inputs, 1):
        yield ids.document(as_document(item, config, name, position), _input_of(item, name, config.source))


def _records(results: Results[Record]) -> Iterator[Record]:
    try:
        yield from results
    finally:
        results.close()


# More worker processes than this per core only cost memory: jobs=100000 forked until the kernel killed the
# run. Per core, so one config file suits every machine.
MAX_JOBS_PER_CORE = 16


def default_jobs(config: Config) -> int:
    """The worker processes a run of `config` uses: its jobs, or one per core for 0. ValueError for more than
    MAX_JOBS_PER_CORE per core."""
    cores = os.cpu_count() or 1
    if config.jobs > MAX_JOBS_PER_CORE * cores:
        raise ValueError(f"jobs must be at most {MAX_JOBS_PER_CORE * cores} ({MAX_JOBS_PER_CORE} per core, "
                         f"{cores} cores here), not {config.jobs}")
    return config.jobs or cores


def stream(items: Iterable[Any], config: Config, finish: Callable[[Document], T],
           ids: UniqueIds | None = None, watch: Watch = Watch()) -> Results[T]:
    """Documents through the pipeline that `config` builds, on its engine. An item is a Document or stands
    for documents read where they are cleaned (a page file; with the Ray engine, any input file). `finish`
    makes what leaves the pipeline of each document, where it was cleaned, so it must pickle. `ids` gives
    the Ray engine, which reads the input files itself, the ids taken so far, so that a repeated id is
    renamed as the local run renames it while it reads. `watch` (the progress bar) is told each pass of the
    local engine and each batch through it."""
    jobs = default_jobs(config)
    if config.engine == "ray":
        from corpusclean.ray_engine import run_on_ray

        return run_on_ray(items, config, finish, ids)
    return run_pipeline(items, build_pipeline(config), jobs, finish, watch)


def segments(config: Config) -> list[Segment]:
    """The pipeline cut at its corpus stages, for an engine that runs it its own way: for each segment,
    run its stages on every document (`run_stages`), summarize each survivor for each of its corpus stages
    (`stage.summarize`), fit them over all summaries in input order (`stage.fit`; what a filter rejects,
    `stage.rejects(summary, model)`, is left out of the fits after it), and open the next segment by
    applying each model (`stage.apply`) until one rejects the document."""
    _require(config, Config, "config is a corpusclean.Config")
    return split_segments(build_pipeline(config))
