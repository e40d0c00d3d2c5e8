"""`corpusclean run`: inputs -> pipeline -> JSONL, rejects and report, with every input accounted for."""

from __future__ import annotations

import gc
import sys
from contextlib import closing
from dataclasses import replace
from functools import partial
from time import perf_counter
from typing import Iterator

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.api import default_jobs, stream
from corpusclean.engine import EngineError, SpoolError, WorkerDied
from corpusclean.read.ids import UniqueIds
from corpusclean.read.paths import UNREAD_SKIPS, InputFile, Skipped, skip_counts, skip_messages
from corpusclean.read.sources import READ_ERRORS, PageFile, holds_one_page, read_input
from corpusclean.stopping import raise_if_stopped
from corpusclean.ui import Progress, error, print_summary
from corpusclean.write.records import Finished, finish
from corpusclean.write.report import Report
from corpusclean.write.sink import JsonlSink, OutputClosed, OutputError, put_in_place, write_json_file


class Run:
    """State of one run: the sinks, the report, the progress display."""

    def __init__(self, config: Config, inputs: list[InputFile], quiet: bool) -> None:
        self.config, self.inputs = config, inputs
        self.report = Report()
        self.ids = UniqueIds()
        self.input_bytes = 0
        self.progress = Progress(not quiet, len(inputs))

    def documents(self) -> Iterator[Document | PageFile | InputFile]:
        """Every input record; page files only named, to be read by the worker that cleans them. The Ray
        engine reads every input file on the cluster, and counts what it read."""
        config = self.config
        text_key, max_bytes = config.text_key, config.max_page_bytes
        for inp in self.inputs:
            raise_if_stopped()
            if config.engine == "ray":
                yield inp
            elif holds_one_page(inp):
                self.report.count_input(inp.counted)
                yield self.ids.page(PageFile(inp, text_key, max_bytes))
            else:
                for doc in read_input(inp, text_key, max_bytes, config.text_format, config.max_record_bytes):
                    self.report.count_input(doc.input_name)
                    yield self.ids.document(doc, inp)
            self.progress.file_read()

    def emit_to(self, out: JsonlSink, rejects: JsonlSink | None):
        def emit(done: Finished) -> None:
            raise_if_stopped()
            if done.read_error is not None:
                error(done.read_error)
            if done.reject_reason is None:
                out.write_line(done.line)
            elif rejects is not None:
                rejects.write_line(done.line)
            self.report.count_output(done.path, done.reject_reason, done.removals)
            self.input_bytes += done.input_bytes

        return emit


def run_command(
    config: Config, inputs: list[InputFile], output: str | None, rejects_path: str | None,
    report_path: str | None, quiet: bool, skipped: list[Skipped] | None = None,
) -> int:
    """The whole run; returns the exit status: 0 ok, 1 some input could not be read (or none was found, or a
    folder could not be listed), 2 an output or the spool could not be written, a worker process was killed, or
    the engine could not start (one line on stderr; no output file is left behind)."""
    skipped = skipped or []
    for message in skip_messages(skipped):
        error(message)
    if not inputs:
        error(f"nothing to read: no input file found ({len(skipped)} paths skipped)")
    opened: list[JsonlSink] = []  # each output's temporary file goes if a later one cannot be opened
    try:
        out = JsonlSink(output)
        opened.append(out)
        rejects = JsonlSink(rejects_path, beside_records=True) if rejects_path else None
        opened += [rejects] if rejects is not None else []
        report_file = JsonlSink(report_path, beside_records=True) if report_path else None
    except OutputError as err:
        for sink in opened:
            sink.discard()
        error(str(err))
        return 2
    sinks = [sink for sink in (out, rejects, report_file) if sink is not None]
    run = Run(config, inputs, quiet)
    start = perf_counter()
    try:
        keep_rejects = rejects is not None
        results = stream(run.documents(), config, partial(finish, explain=config.explain, keep_rejects=keep_rejects),
                         run.ids, watch=run.progress)
        # What this process holds now (the modules, the stages, their vocabularies and patterns) lives until the
        # run ends: frozen, the garbage collector no longer walks it at each older-generation pass, here and in
        # the worker processes forked from here. Given back to the collector after the run, for a caller in the
        # same process.
        gc.freeze()
        try:
            with closing(results):
                emit = run.emit_to(out, rejects)
                for done in results:
                    emit(done)
        finally:
            gc.unfreeze()
        result = results.result
        raise_if_stopped()
        for path, count in result.inputs.items():
            run.report.count_input(path, count)
        out.finish()
        if rejects is not None:
            rejects.finish()
    except OutputClosed:
        # The records' reader stopped listening (`| head`): end quietly, leaving no half-written file behind.
        run.progress.stop()
        for sink in sinks:
            sink.discard()
        sys.stdout = None  # type: ignore[assignment]  # no flush of a closed pipe at exit
        return 0
    except (OutputError, SpoolError, WorkerDied, EngineError) as err:
        run.progress.stop()
        for sink in sinks:
            sink.discard()
        error(str(err))
        return 2
    except BaseException:
        run.progress.stop()
        for sink in sinks:
            sink.discard()
        raise
    elapsed = perf_counter() - start
    run.progress.stop()

    try:
        problems = run.report.accounting_problems()
        for problem in problems:
            error(f"accounting: {problem}")
        if run.ids.renamed:
            error(f"{run.ids.renamed} record(s) got a new id because an earlier record had the same one "
                  "(their own is in metadata.original_id)")
        if report_file is not None:
            extra = {"input_bytes": run.input_bytes, "learned": result.learned, "skipped": skip_counts(skipped),
                     "ids_renamed": run.ids.renamed}
            if result.workers:
                extra["workers"] = result.workers
            used = replace(config, jobs=default_jobs(config))  # the number of workers used, not 0 for "one per core"
            write_json_file(report_file, run.report.to_json(used, result.timings, elapsed, extra))
        put_in_place([sink.placed for sink in sinks if sink.placed is not None])  # each finished: only now placed
    except OutputError as err:
        for sink in sinks:
            sink.discard()
        error(str(err))
        return 2
    except BaseException:  # a stop signal while the report is made and written, or the outputs put in place
        for sink in sinks:
            sink.discard()
        raise
    if not quiet:
        print_summary(run.report, elapsed, run.input_bytes)
    read_errors = sum(run.report.rejects[reason] for reason in READ_ERRORS)
    unread = any(skip.reason in UNREAD_SKIPS for skip in skipped)
    return 1 if problems or read_errors or unread or not inputs else 0
