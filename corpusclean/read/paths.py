"""Expand command-line PATH arguments (files, folders, globs, '-') into input files."""

from __future__ import annotations

import errno
import fnmatch
import glob
import itertools
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from corpusclean.compression import without_codec_suffix

# Files a folder walk picks up; a file named on the command line is read whatever its name.
KNOWN_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jsonl", ".ndjson", ".json", ""}
STDIN = "-"
# Standard input can be read once: named twice, it was an empty input the second time (exit 1).
STDIN_TWICE = "standard input (-) is named twice; it can be read once"
# A lone surrogate that is no byte os.fsdecode escaped (those are U+DC80-U+DCFF): a str of the Python API's.
_NOT_A_BYTE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


class UsageError(Exception):
    """A PATH argument that names nothing: reported before any work starts (exit 2)."""


def as_text(name: str) -> str:
    """A file name fit for JSON and messages: the bytes of a name that are not UTF-8 (which os.fsdecode
    keeps as lone surrogates, and JSON cannot hold) written as \\xNN; another lone surrogate (a name, a
    source or an id given to the Python API or a datatrove step) as U+FFFD, as a record's fields are read."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        name = _NOT_A_BYTE.sub("\ufffd", name)
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True)  # slots: the main process holds one per input file for the whole run
class InputFile:
    path: str          # where to read it ("-" for stdin)
    name: str          # as records give it (metadata.path): "<root folder>/<path below it>", "stdin" for stdin
    source: str        # the records' `source`: --source, else the folder the file sits in
    site: str = ""     # the folder the file sits in: what per-site stages group pages by ("": the source)
    id_base: str = ""  # what records' ids are made of: "<--source>/<name>", else the name ("": the name)
    counted: str = ""  # the report's name for it: its name, or the path as given when another input has the name

    def __post_init__(self) -> None:
        if not self.site:
            object.__setattr__(self, "site", self.source)
        if not self.id_base:
            object.__setattr__(self, "id_base", self.name)
        if not self.counted:
            object.__setattr__(self, "counted", self.name)

    @property
    def shown(self) -> str:
        """The path as given, for people's messages and the rejects' `location`."""
        return as_text(self.path)


def input_file(path: str, name: list[str], ids: list[str], site: str, source: str) -> InputFile:
    """The input file at `path`: records give `name` as its path and make their ids of `ids` (the two differ
    for a folder given by a relative path: `a/pages/x.txt`, ids `pages/x.txt`); `site` is the folder it
    sits in; `source` is --source, or "" for the site."""
    named, id_name = (as_text("/".join(part for part in parts if part)) for parts in (name, ids))
    if id_name == named:
        id_name = named  # one string for both, as most inputs have
    source, site = as_text(source), as_text(site)
    return InputFile(path, named, source or site, site, f"{source}/{id_name}" if source else id_name)


def named_path(path: str) -> str:
    """A path that names a file: './-' for a file named '-' (a folder's, a glob's match, `./-` given, which
    pathlib and normpath spell '-'), which as a path is standard input."""
    return os.path.join(os.curdir, path) if path == STDIN else path


def inner_suffix(name: str) -> str:
    """The suffix that says what a file holds, looking through .gz and .zst: 'a.html.gz' -> '.html'. The same
    as pathlib's Path(...).suffix, without building a Path (it is asked for every input file)."""
    stem = without_codec_suffix(name)
    if os.altsep:
        stem = stem.replace(os.altsep, os.sep)
    base = stem[stem.rfind(os.sep) + 1:]    # the name, as nearly every path ends; else the last real part
    if base in ("", "."):
        base = next((part for part in reversed(stem.split(os.sep)) if part not in ("", ".")), "")
    dot = base.rfind(".")
    return base[dot:].lower() if 0 < dot < len(base) - 1 else ""


def _is_wanted(name: str, path: str) -> bool:
    """Whether a folder walk reads a file: by its name, or for a name of another suffix (a server's .php, .asp,
    .jsp, 'index.php?id=3' in a site mirror) when its first bytes open an HTML page."""
    from corpusclean.read.sources import opens_as_html_page

    if name.startswith("."):
        return False
    return inner_suffix(name) in KNOWN_SUFFIXES or opens_as_html_page(path)


# Why a path met in a folder walk (or named on the command line) is not read; each is reported.
SKIP_REASONS = {
    "unknown_type": ("not a page or JSONL file by its name (.txt, .html, .jsonl, ..., no suffix, or .gz or .zst of one), "
                     "nor an HTML page by its first bytes"),
    "hidden": "a hidden file or folder (its name starts with a dot)",
    "link_outside": "a symbolic link to a file outside the input folder",
    "link_to_folder": "a symbolic link to a folder",
    "link_loop": "a symbolic link back to a folder being walked",
    "broken_link": "a symbolic link to nothing, or a loop of links",
    "not_a_file": "a named pipe, socket or device, not a file",
    "unreadable_folder": "a folder that cannot be listed",
    "named_twice": "a path an earlier argument already names (a file, or a file of a folder given): read once",
}
# Skips that hide inputs: the files of a folder that cannot be listed are never read, so a run is incomplete.
UNREAD_SKIPS = frozenset({"unreadable_folder"})
# What run's --follow-links does with a path so skipped (check has no such option).
FOLLOW_LINKS = {"link_outside": " (--follow-links reads it)", "link_to_folder": " (--follow-links enters it)"}


@dataclass(frozen=True)
class Skipped:
    path: str     # as records and messages give it
    reason: str   # a key of SKIP_REASONS


T = TypeVar("T")


def once(items: list[T], path_of: Callable[[T], str], skipped: list[Skipped]) -> list[T]:
    """The items whose path no earlier item names (`a.jsonl ./a.jsonl`, `data/ data/a.jsonl`, `data/ link/` for
    a link to data), each later one added to `skipped` as named_twice: read twice, its records were duplicates
    of themselves. The folders on the way are resolved, not the file's own name: a link to a file is a page of
    its own, as in a folder walk."""
    seen: set[str] = set()
    folders: dict[str, str] = {}
    kept = []
    for item in items:
        path = path_of(item)
        key = path
        if path != STDIN:
            folder, name = os.path.split(os.path.abspath(path))
            if folder not in folders:
                folders[folder] = os.path.realpath(folder)
            key = os.path.join(folders[folder], name)
        if key in seen:
            skipped.append(Skipped(as_text(path), "named_twice"))
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(os.path.join(root, ""))


def _link_verdict(path: str, root: str, follow_links: bool, walked: tuple[str, ...]) -> tuple[str | None, bool]:
    """(why the link is skipped or None, whether it leads to a folder)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:  # dangling, or a loop of links
        return "broken_link", False
    real = os.path.realpath(path)
    if stat.S_ISDIR(mode):
        if not follow_links:
            return "link_to_folder", True
        return ("link_loop" if real in walked else None), True
    if not stat.S_ISREG(mode):
        return "not_a_file", False
    if not follow_links and not _inside(real, root):
        return "link_outside", False
    return None, False


def _walk(
    folder: str, parts: list[str], root: str, follow_links: bool, walked: tuple[str, ...]
) -> Iterator[tuple[list[str], str | None]]:
    """(parts below the walked folder, None) for each file to read, (parts, reason) for each path skipped.
    Regular files and links to files inside the walked folder are read; links elsewhere and links to
    folders only with follow_links (a folder once on each branch); hidden names never."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        yield parts, "unreadable_folder"
        return
    for entry in entries:
        here = [*parts, entry.name]
        if entry.name.startswith("."):
            yield here, "hidden"
            continue
        if entry.is_symlink():
            reason, is_folder = _link_verdict(entry.path, root, follow_links, walked)
            if reason is not None:
                yield here, reason
                continue
            if is_folder:
                yield from _walk(entry.path, here, root, follow_links, (*walked, os.path.realpath(entry.path)))
                continue
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, here, root, follow_links, (*walked, os.path.realpath(entry.path)))
            continue
        elif not entry.is_file(follow_symlinks=False):
            yield here, "not_a_file"
            continue
        yield here, None if _is_wanted(entry.name, entry.path) else "unknown_type"


def _walk_folder(
    folder: Path, follow_links: bool, skipped: list[Skipped], source: str, named: list[str] | None = None
) -> list[InputFile]:
    """The files of a folder. Their ids start with the folder's own name; their path with the folder as
    given (or `named`), or its own name when given by an absolute path or one out of the working folder."""
    root = os.path.realpath(folder)
    found = sorted(_walk(str(folder), [], root, follow_links, (root,)),
                   key=lambda item: [os.path.normcase(part) for part in item[0]])
    prefix = "" if str(folder) == "." else os.path.join(str(folder), "")  # as str(folder / part) spells it
    skipped += [Skipped(as_text(prefix + os.sep.join(parts) if parts else str(folder)), reason)
                for parts, reason in found if reason is not None]
    own = [Path(root).name]
    if named is None:
        named = [part for part in _given_parts(str(folder), own) if part != os.curdir]
    given = [Path(os.path.abspath(folder)).name]  # the site of its top files: the folder's name as given
    return [input_file(named_path(prefix + os.sep.join(parts)), [*named, *parts], [*own, *parts], [*given, *parts][-2],
                       source)
            for parts, reason in found if reason is None]


# Why a path cannot be looked at when nothing is there: no such name, a file where a folder should be, a loop of
# links (the errors pathlib's exists() takes for "not there")
_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.ELOOP)


def _out_of_view(path: str) -> bool:
    """Whether a path cannot be looked at for another reason than that nothing is there: a folder on its way
    that may not be entered (permissions), a name longer than the system takes. Named on the command line, it
    is a file whose reading says why it cannot be read (pathlib's is_dir() raised: a traceback)."""
    try:
        os.stat(path)
    except OSError as err:
        return err.errno not in _NOT_THERE
    return False


def is_named_input(mode: int) -> bool:
    """Whether a path named on the command line, of this st_mode, is read: a file, or a named pipe
    (`<(zcat a.jsonl.gz)`), but not a socket or a device, whose reading would never end (/dev/zero)."""
    return stat.S_ISREG(mode) or stat.S_ISFIFO(mode)


def _named_file(path: Path, skipped: list[Skipped], source: str, named: list[str] | None = None) -> list[InputFile]:
    """A file named on the command line is read whatever its name or wherever its link leads, when
    is_named_input. Records name it `named`, else as given, or by the folder it is in when given by an
    absolute path."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if err.errno in _NOT_THERE:  # a glob's match that is a link to nothing, or a loop of links
            skipped.append(Skipped(as_text(str(path)), "broken_link"))
            return []
        mode = stat.S_IFREG  # out of view: read as a file, whose reading says why it cannot be
    if is_named_input(mode):
        parts = named if named is not None else _given_parts(str(path), [Path(os.path.abspath(path)).parent.name, path.name])
        return [input_file(named_path(str(path)), parts, parts, path.resolve().parent.name, source)]
    skipped.append(Skipped(as_text(str(path)), "not_a_file"))
    return []


def _in_working_folder(path: str) -> bool:
    given = os.path.normpath(path)
    return not os.path.isabs(given) and given.split(os.sep)[0] != os.pardir


def _given_parts(path: str, otherwise: list[str]) -> list[str]:
    """The parts of a path as given when it is relative and stays in the working folder ('data/a.jsonl');
    else `otherwise`: records never hold an absolute path."""
    return os.path.normpath(path).split(os.sep) if _in_working_folder(path) else otherwise


def _glob_root(pattern: str) -> str:
    """The folder a glob starts from: its leading parts without wildcards ('crawl/**/*.html' -> 'crawl')."""
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not glob.has_magic(part), parts[:-1]))
    return os.path.join(*fixed) if fixed else "."


def glob_matches(pattern: str, path: str) -> bool:
    """Whether find_inputs's glob of `pattern` matches `path` when it exists (an output a run is about to write):
    '**' a run of folders, '*' within one name, neither a hidden name ('.x') unless the pattern's part starts with
    a dot, as glob.glob(recursive=True) matches them."""
    def match(parts: tuple[str, ...], names: tuple[str, ...]) -> bool:
        if not parts:
            return not names
        if parts[0] == "**":
            return match(parts[1:], names) or (bool(names) and not names[0].startswith(".") and match(parts, names[1:]))
        return (bool(names) and (parts[0].startswith(".") or not names[0].startswith("."))
                and fnmatch.fnmatchcase(names[0], parts[0]) and match(parts[1:], names[1:]))

    return match(Path(os.path.abspath(pattern)).parts, Path(os.path.abspath(path)).parts)


def find_inputs(
    args: list[str], follow_links: bool = False, source: str = ""
) -> tuple[list[InputFile], list[Skipped]]:
    """Every input file, in argument order then sorted order within folders and globs; and every path a
    folder walk (or the command line) met and skipped, with its reason. Records name an input by its path as
    given when that is relative and stays in the working folder; else from the folder given (or the folder
    a glob starts from, or the one a named file is in), starting with that folder's own name: never an
    absolute path. `source` is --source ("": the folder each file sits in)."""
    if args.count(STDIN) > 1:
        raise UsageError(STDIN_TWICE)
    inputs: list[InputFile] = []
    skipped: list[Skipped] = []
    for arg in args:
        if not arg:  # Path("") is the working folder: an unset variable ("$DIR") would clean all of it
            raise UsageError("an empty PATH names no file or folder")
        if arg == STDIN:
            inputs.append(InputFile(STDIN, "stdin", source or "stdin", "stdin", f"{source}/stdin" if source else ""))
            continue
        path = Path(arg)
        if os.path.isdir(arg):
            inputs.extend(_walk_folder(path, follow_links, skipped, source))
        elif os.path.exists(arg) or _out_of_view(arg):
            inputs.extend(_named_file(path, skipped, source))
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {arg!r}")
            root = _glob_root(arg)
            walked: set[Path] = set()
            for match in matches:
                found = Path(match)
                if walked.intersection(Path(os.path.abspath(match)).parents):
                    continue  # 'data/**' matches data/ and all below it, which its walk has read (or skipped)
                from_root = [Path(os.path.realpath(root)).name, *Path(os.path.relpath(match, root)).parts]
                named = _given_parts(match, from_root) if _in_working_folder(root) else from_root
                if found.is_dir():
                    walked.add(Path(os.path.abspath(match)))
                inputs.extend(_walk_folder(found, follow_links, skipped, source, named) if found.is_dir()
                              else _named_file(found, skipped, source, named))
        else:
            raise UsageError(f"no such file or folder: {arg}")
    inputs = once(inputs, lambda inp: inp.path, skipped)
    # Two files of one folder and file name given by paths out of the working folder (/a/x/p.jsonl,
    # /b/x/p.jsonl) are both x/p.jsonl: the report counted them as one file.
    names = Counter(inp.name for inp in inputs)
    return [replace(inp, counted=inp.shown) if names[inp.name] > 1 else inp for inp in inputs], skipped


def expand_paths(args: list[str], follow_links: bool = False) -> list[InputFile]:
    """Every input file (see find_inputs), without the skipped paths."""
    return find_inputs(args, follow_links)[0]


# A reason with more skipped paths than this gets one line with the count and the first path.
MAX_SKIP_LINES = 3


def skip_messages(skipped: list[Skipped], follow_links_option: bool = True) -> list[str]:
    """The stderr lines for skipped paths: one per path, or one per reason with a count when there are many;
    with what --follow-links would do, for a command that has it."""
    by_reason: dict[str, list[str]] = {}
    for skip in skipped:
        by_reason.setdefault(skip.reason, []).append(skip.path)
    messages = []
    for reason, paths in by_reason.items():
        why = SKIP_REASONS[reason] + (FOLLOW_LINKS.get(reason, "") if follow_links_option else "")
        if len(paths) <= MAX_SKIP_LINES:
            messages += [f"{path}: skipped: {reason}: {why}" for path in paths]
        else:
            messages.append(f"skipped {len(paths)} paths: {reason}: {why}; the first is {paths[0]}")
    return messages


def skip_counts(skipped: list[Skipped]) -> dict[str, dict[str, object]]:
    """Skipped paths by reason, for the run report: how many, and the first."""
    counts: dict[str, dict[str, object]] = {}
    for skip in skipped:
        entry = counts.setdefault(skip.reason, {"count": 0, "first": skip.path})
        entry["count"] += 1  # type: ignore[operator]
    return dict(sorted(counts.items()))
