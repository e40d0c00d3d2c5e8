"""People's messages on stderr: errors, a progress bar on a terminal, the summary table. Never data."""

from __future__ import annotations

import io
import os
import sys
from typing import Any

from corpusclean.write.report import Report
from corpusclean.write.sink import FdWrites


class _MessageWrites(FdWrites):
    """File descriptor 2 under sys.stderr (see guard_stderr); fd None: closed, or a write to it failed."""

    stream = "standard error"

    def write(self, data: Any) -> int:
        view = memoryview(data)
        while self.fd is not None and view:
            try:
                view = view[os.write(self.fd, view):]
            except OSError:
                self.fd = None  # a full disk, a reader gone: the messages that follow go nowhere either
        return len(data)


def guard_stderr() -> None:
    """People's messages are written where they can be, and dropped where they cannot: with standard error
    closed (`2>&-`) print() sent them to standard output among the records (exit 0), and a failing write (a
    log on a full disk) ended the run with its outputs discarded. A stderr that is no file (a test's
    capture) is left as it is."""
    old = sys.stderr
    try:
        raw = _MessageWrites(None if old is None else old.fileno())
    except (AttributeError, OSError, ValueError):
        return
    sys.stderr = io.TextIOWrapper(raw, encoding=getattr(old, "encoding", None) or "utf-8",
                                  errors="backslashreplace", line_buffering=True, write_through=True)


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, no_color="NO_COLOR" in os.environ, highlight=False)


# Line breaks and the other control characters (a tab aside), written as escapes: a file may be named
# "a\nb.txt" or hold an escape sequence in its name.
_CONTROL_ESCAPES = {code: ascii(chr(code))[1:-1] for code in [*range(0x20), 0x7F] if code != 0x09}


def one_line(text: str) -> str:
    """The text with its line breaks and other control characters written as escapes (\\n, \\x1b)."""
    return text.translate(_CONTROL_ESCAPES)


def error(message: str) -> None:
    """One plain line per problem, so scripts can grep it."""
    print(f"corpusclean: {one_line(message)}", file=sys.stderr, flush=True)


class Progress:
    """On a terminal, a rich progress bar on stderr; nothing otherwise. The first pass counts the input files
    read (and the documents they gave), each later pass (the corpus stages: dedup, template) the documents
    it has gone through; the fit between passes shows by its name."""

    def __init__(self, enabled: bool, total_files: int, console: Any = None) -> None:
        self._bar = None
        self.files = self.docs = 0
        self._reading = True
        if not (enabled and (console is not None or sys.stderr.isatty())):
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn
        from rich.progress import TimeElapsedColumn

        self._bar = RichProgress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(), console=console or stderr_console(), transient=True,
        )
        self._task = self._bar.add_task("reading", total=total_files, detail="files")
        self._bar.start()

    def file_read(self) -> None:
        """One more input file read (its documents are on their way through the first pass)."""
        self.files += 1
        if self._bar is not None and self._reading:
            self._bar.update(self._task, completed=self.files)

    def segment(self, label: str, total: int | None) -> None:
        """A pass starts (engine.Watch): the first one, and a fit, with no total; a later pass over `total`
        documents."""
        if self._bar is None:
            return
        if total is None:
            self._bar.update(self._task, description=label)
            return
        self._reading = False
        self.docs = 0
        self._bar.reset(self._task, total=total, description=label, detail="docs")

    def batch(self, documents: int) -> None:
        self.docs += documents
        if self._bar is None:
            return
        elapsed = self._bar.tasks[0].elapsed or 0.0
        rate = f" ({self.docs / elapsed:,.0f} docs/s)" if elapsed > 0.5 else ""
        if self._reading:
            self._bar.update(self._task, detail=f"files, {self.docs:,} docs{rate}")
        else:
            self._bar.update(self._task, completed=self.docs, detail=f"docs{rate}")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def print_summary(report: Report, elapsed: float, input_bytes: int) -> None:
    from rich.table import Table

    table = Table(title="corpusclean run", title_justify="left", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents in", f"{report.total('inputs'):,}")
    table.add_row("written", f"{report.total('written'):,}")
    table.add_row("rejected", f"{report.total('rejected'):,}")
    for reason, count in sorted(report.rejects.items()):
        table.add_row(f"  rejected: {reason}", f"{count:,}")
    for stage_reason, count in sorted(report.removals.items(), key=lambda item: item[0].split("/")[1]):
        table.add_row(f"  removed: {stage_reason.split('/')[1]}", f"{count:,}")
    rate = input_bytes / 1e6 / elapsed if elapsed > 0 else 0.0
    table.add_row("time", f"{elapsed:.2f} s ({rate:.2f} MB/s)")
    stderr_console().print(table)
