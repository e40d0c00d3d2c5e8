"""The run's account: every input record is written or rejected with a reason, per file and in total."""

from __future__ import annotations

import platform
from collections import Counter, defaultdict
from dataclasses import asdict
from importlib import metadata as importlib_metadata
from typing import Any

from corpusclean import __version__
from corpusclean.config import Config

LIBRARIES = ("typer", "rich", "lxml", "rapidfuzz", "chardet", "opencc", "orjson", "xxhash", "numpy", "rensa")


class Report:
    def __init__(self) -> None:
        self.per_file: dict[str, Counter] = defaultdict(Counter)
        self.rejects: Counter = Counter()
        self.removals: Counter = Counter()  # "stage/reason" -> lines (or sentences) removed

    def count_input(self, path: str, count: int = 1) -> None:
        self.per_file[path]["inputs"] += count

    def count_output(self, path: str, reject_reason: str | None, removals: list[str]) -> None:
        """One document written or rejected; removals: "stage/reason" of each line it lost."""
        counts = self.per_file[path]
        if reject_reason is not None:
            counts["rejected"] += 1
            self.rejects[reject_reason] += 1
        else:
            counts["written"] += 1
        self.removals.update(removals)

    def total(self, key: str) -> int:
        return sum(counts[key] for counts in self.per_file.values())

    def accounting_problems(self) -> list[str]:
        """Files whose inputs do not equal written + rejected: a bug, never a data problem."""
        problems = []
        for path, counts in sorted(self.per_file.items()):
            if counts["inputs"] != counts["written"] + counts["rejected"]:
                problems.append(
                    f"{path}: {counts['inputs']} inputs but {counts['written']} written "
                    f"+ {counts['rejected']} rejected"
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
    found = {"corpusclean": __version__, "python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            found[name] = None
    return found
