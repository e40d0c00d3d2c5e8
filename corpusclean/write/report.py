"""The run's account: every input record is written or rejected with a reason, per file and in total."""

from __future__ import annotations

import platform
from array import array
from collections import Counter
from dataclasses import asdict
from typing import Any, Iterator

from corpusclean import __version__
from corpusclean.config import Config

LIBRARIES = ("typer", "rich", "lxml", "rapidfuzz", "chardet", "opencc", "orjson", "xxhash", "numpy", "rensa")


COUNTS = ("inputs", "written", "rejected")


class FileCounts:
    """Inputs, written and rejected per input file, in arrays (a Counter per file took about 230 bytes for every
    page file of a run). A file's counts list the keys counted so far, in the order they were first counted."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.columns = {key: array("q") for key in COUNTS}
        self.first_counted = array("B")  # the keys in order of first count, a base-4 digit each (1 + the key's index)

    def add(self, path: str, key: str, count: int = 1) -> None:
        row = self.rows.get(path)
        if row is None:
            row = self.rows[path] = len(self.rows)
            for column in self.columns.values():
                column.append(0)
            self.first_counted.append(0)
        digit = COUNTS.index(key) + 1
        if digit not in self._digits(row):
            self.first_counted[row] = self.first_counted[row] * 4 + digit
        self.columns[key][row] += count

    def _digits(self, row: int) -> list[int]:
        code, digits = self.first_counted[row], []
        while code:
            code, digit = divmod(code, 4)
            digits.insert(0, digit)
        return digits

    def __getitem__(self, path: str) -> dict[str, int]:
        row = self.rows[path]
        return {COUNTS[digit - 1]: self.columns[COUNTS[digit - 1]][row] for digit in self._digits(row)}

    def items(self) -> Iterator[tuple[str, dict[str, int]]]:
        return ((path, self[path]) for path in self.rows)

    def total(self, key: str) -> int:
        return sum(self.columns[key])


class Report:
    def __init__(self) -> None:
        self.per_file = FileCounts()
        self.rejects: Counter = Counter()
        self.removals: Counter = Counter()  # "stage/reason" -> lines (or sentences) removed

    def count_input(self, path: str, count: int = 1) -> None:
        self.per_file.add(path, "inputs", count)

    def count_output(self, path: str, reject_reason: str | None, removals: list[str]) -> None:
        """One document written or rejected; removals: "stage/reason" of each line it lost."""
        if reject_reason is not None:
            self.per_file.add(path, "rejected")
            self.rejects[reject_reason] += 1
        else:
            self.per_file.add(path, "written")
        self.removals.update(removals)

    def total(self, key: str) -> int:
        return self.per_file.total(key)

    def accounting_problems(self) -> list[str]:
        """Files whose inputs do not equal written + rejected: a bug, never a data problem."""
        problems = []
        inputs, written, rejected = (self.per_file.columns[key] for key in COUNTS)
        for path, row in sorted(self.per_file.rows.items()):
            if inputs[row] != written[row] + rejected[row]:
                problems.append(
                    f"{path}: {inputs[row]} inputs but {written[row]} written + {rejected[row]} rejected"
                )
        return problems

    def to_json(self, config: Config, timings: dict[str, float], elapsed: float, extra: dict[str, Any]) -> dict:
        return {
            "inputs": self.total("inputs"),
            "written": self.total("written"),
            "rejected": self.total("rejected"),
            "rejects_by_reason": dict(sorted(self.rejects.items())),
            "removed_by_reason": dict(sorted(self.removals.items())),
            "files": {path: dict(counts) for path, counts in sorted(self.per_file.items())},
            "seconds": round(elapsed, 3),
            "seconds_by_stage": {name: round(sec, 4) for name, sec in sorted(timings.items())},
            "config": asdict(config),
            "versions": versions(),
            **extra,
        }


def versions() -> dict[str, str]:
    from importlib import metadata as importlib_metadata   # here: a run without a report never pays its import

    found = {"corpusclean": __version__, "python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            found[name] = None
    return found
