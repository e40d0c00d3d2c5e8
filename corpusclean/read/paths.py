"""Expand command-line PATH arguments (files, folders, globs, '-') into input files."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

# Files a folder walk picks up; a file named on the command line is read whatever its name.
KNOWN_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jsonl", ".json", ""}
STDIN = "-"


class UsageError(Exception):
    """A PATH argument that names nothing: reported before any work starts (exit 2)."""


def as_text(name: str) -> str:
    """A file name fit for JSON and messages: the bytes of a name that are not UTF-8 (which os.fsdecode
    keeps as lone surrogates, and JSON cannot hold) written as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class InputFile:
    path: str      # where to read it ("-" for stdin)
    id_base: str   # stable name for ids: "<folder name>/<relative path>", or the path as given
    source: str    # the folder the file sits in: the site or crawl it came from

    @property
    def shown(self) -> str:
        """The path as records, the report and messages give it."""
        return as_text(self.path)


def inner_suffix(name: str) -> str:
    """The suffix that says what a file holds, looking through .gz: 'a.html.gz' -> '.html'. The same as
    pathlib's Path(...).suffix, without building a Path (it is asked for every input file)."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    if os.altsep:
        stem = stem.replace(os.altsep, os.sep)
    base = next((part for part in reversed(stem.split(os.sep)) if part not in ("", ".")), "")
    dot = base.rfind(".")
    return base[dot:].lower() if 0 < dot < len(base) - 1 else ""


def _is_wanted(name: str) -> bool:
    return not name.startswith(".") and inner_suffix(name) in KNOWN_SUFFIXES


def _is_file(entry: os.DirEntry) -> bool:
    """Path.is_file() of a folder entry: a stat only for symlinks, the others' type came with the listing."""
    return Path(entry.path).is_file() if entry.is_symlink() else entry.is_file(follow_symlinks=False)


def _wanted_files(folder: str) -> Iterator[list[str]]:
    """The parts, below folder, of each wanted file: the files Path.rglob('*') finds (symlinked files
    followed, symlinked folders not entered, unreadable folders skipped) less hidden names at any depth."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            for parts in _wanted_files(entry.path):
                yield [entry.name, *parts]
        elif _is_wanted(entry.name) and _is_file(entry):
            yield [entry.name]


def _walk_folder(folder: Path) -> list[InputFile]:
    files = sorted(_wanted_files(str(folder)), key=lambda parts: [os.path.normcase(part) for part in parts])
    name = folder.resolve().name
    prefix = "" if str(folder) == "." else os.path.join(str(folder), "")  # as str(folder / part) spells it
    return [
        InputFile(
            prefix + os.sep.join(parts), as_text(f"{name}/{'/'.join(parts)}"), as_text((folder.name, *parts)[-2])
        )
        for parts in files
    ]


def _one_file(path: Path) -> InputFile:
    given = Path(os.path.normpath(path)).as_posix()
    return InputFile(str(path), as_text(given), as_text(path.resolve().parent.name))


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
