"""People's messages on stderr: errors, a progress bar on a terminal, the summary table. Never data."""

from __future__ import annotations

import os
import sys
from typing import Any

from corpusclean.write.report import Report


def stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, no_color="NO_COLOR" in os.environ, highlight=False)


def error(message: str) -> None:
    """One plain line per problem, so scripts can grep it."""
    print(f"corpusclean: {message}", file=sys.stderr, flush=True)


class Progress:
    """A rich progress display (documents, MB, rate) when stderr is a terminal; nothing otherwise."""

    def __init__(self, enabled: bool, total_files: int) -> None:
        self._bar = None
        if not (enabled and sys.stderr.isatty()):
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn
        from rich.progress import TimeElapsedColumn

        self._bar = RichProgress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[docs]} docs, {task.fields[rate]}"), TimeElapsedColumn(),
            console=stderr_console(), transient=True,
        )
        self._task = self._bar.add_task("cleaning", total=total_files, docs=0, rate="")
        self._bar.start()

    def advance(self, files_done: int, docs: int) -> None:
        if self._bar is not None:
            elapsed = self._bar.tasks[0].elapsed or 0.0
            rate = f"{docs / elapsed:,.0f} docs/s" if elapsed > 0.5 else ""
            self._bar.update(self._task, completed=files_done, docs=docs, rate=rate)

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
