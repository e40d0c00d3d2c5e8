"""Expand command-line PATH arguments (files, folders, globs, '-') into input files."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

# Files a folder walk picks up; a file named on the command line is read whatever its name.
KNOWN_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jsonl", ".json", ""}
STDIN = "-"


class UsageError(Exception):
    """A PATH argument that names nothing: reported before any work starts (exit 2)."""


@dataclass(frozen=True)
class InputFile:
    path: str      # where to read it ("-" for stdin)
    id_base: str   # stable name for ids: "<folder name>/<relative path>", or the path as given
    source: str    # the folder the file sits in: the site or crawl it came from


def inner_suffix(name: str) -> str:
    """The suffix that says what a file holds, looking through .gz: 'a.html.gz' -> '.html'."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return Path(stem).suffix.lower()


def _is_wanted(path: Path) -> bool:
    return not path.name.startswith(".") and inner_suffix(path.name) in KNOWN_SUFFIXES


def _walk_folder(folder: Path) -> list[InputFile]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and _is_wanted(p))
    name = folder.resolve().name
    return [
        InputFile(str(p), f"{name}/{p.relative_to(folder).as_posix()}", p.parent.name)
        for p in files
        if not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]


def _one_file(path: Path) -> InputFile:
    given = Path(os.path.normpath(path)).as_posix()
    return InputFile(str(path), given, path.resolve().parent.name)


def expand_paths(args: list[str]) -> list[InputFile]:
    """Every input file, in argument order then sorted order within folders and globs."""
    inputs: list[InputFile] = []
    for arg in args:
        if arg == STDIN:
            inputs.append(InputFile(STDIN, "stdin", "stdin"))
            continue
        path = Path(arg)
        if path.is_dir():
            inputs.extend(_walk_folder(path))
        elif path.exists():
            inputs.append(_one_file(path))
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {arg!r}")
            for match in matches:
                found = Path(match)
                inputs.extend(_walk_folder(found) if found.is_dir() else [_one_file(found)])
        else:
            raise UsageError(f"no such file or folder: {arg}")
    return inputs
