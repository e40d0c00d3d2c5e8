"""JSONL out: one object per line, UTF-8, no BOM. Files appear only when complete (temp name + rename),
compressed when their name ends in .gz or .zst.

Every output file is created when the run starts, so a path that cannot be written fails before any work;
a write that fails later (a full disk) is one OutputError naming the file, never a traceback. So is one to
standard output, whatever command writes it (guard_stdout).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from corpusclean.compression import Compressed, codec_of_name, foreign_codec_suffix
from corpusclean.json_numbers import dumps


def json_line(record: dict[str, Any]) -> bytes:
    """One JSONL line: compact UTF-8 JSON and a newline."""
    return dumps(record, orjson.OPT_APPEND_NEWLINE)


class OutputClosed(Exception):
    """The reader of stdout went away (`| head`): stop quietly."""


class OutputError(Exception):
    """An output file that cannot be created or written (a missing folder, permissions, a full disk)."""


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode(target: Path) -> int:
    """The mode the file gets: an existing file keeps its own; a new one gets what open() would give it
    (mkstemp makes its temporary file 0600 whatever the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def keep_owner(fd: int, target: Path) -> None:
    """An existing file keeps its owner and group, where this process may give them (root; a group of its own)."""
    try:
        info = target.stat()
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        pass  # a new file, or an owner this process cannot give: the writer's, as sed -i leaves it


def _reason(err: OSError) -> str:
    return err.strerror or str(err)


class FdWrites(io.RawIOBase):
    """A standard stream's file descriptor under its sys stream, written with os.write; fd None: closed."""

    stream = "standard output"

    def __init__(self, fd: int | None) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.fd is not None and os.isatty(self.fd)

    def fileno(self) -> int:
        if self.fd is None:
            raise io.UnsupportedOperation(f"{self.stream} is closed")
        return self.fd


class _StdoutWrites(FdWrites):
    """File descriptor 1 under sys.stdout (see guard_stdout); fd None: the process was started with it closed."""

    def __init__(self, fd: int | None) -> None:
        super().__init__(fd)
        self._failed = False

    def write(self, data: Any) -> int:
        if self._failed:  # reported once and the command is ending: what a buffer still holds goes at exit
            return len(data)
        if not len(data):  # click probes the stream with an empty write, and takes its failure for "not binary"
            return 0
        try:
            if self.fd is None:
                raise OSError(errno.EBADF, "it is closed")
            return os.write(self.fd, data)
        except OSError as err:
            self._failed = True
            if isinstance(err, BrokenPipeError):  # the reader went away (`| head`): each command ends quietly
                raise
            raise OutputError(f"cannot write to standard output: {_reason(err)}") from None


def guard_stdout() -> None:
    """Make a write to sys.stdout that fails (a full disk) raise OutputError, which cli.main reports in one line
    with exit 2, for every command and for the help and version that typer prints; a process started with
    standard output closed (`>&-`) fails at its first write, where print() wrote nothing and it exited 0.
    A stdout that is no file (a test's capture) is left as it is."""
    old = sys.stdout
    try:
        raw = _StdoutWrites(None if old is None else old.fileno())
    except (AttributeError, OSError, ValueError):
        return
    unbuffered = isinstance(getattr(old, "buffer", None), io.RawIOBase)  # python -u, PYTHONUNBUFFERED
    sys.stdout = io.TextIOWrapper(
        raw if unbuffered else io.BufferedWriter(raw),
        encoding=getattr(old, "encoding", None) or "utf-8", errors=getattr(old, "errors", None) or "strict",
        line_buffering=getattr(old, "line_buffering", False), write_through=getattr(old, "write_through", False),
    )


def require_stdout() -> None:
    """OutputError when the process was started with standard output closed: a command whose data go there
    stops before any work."""
    binary = getattr(sys.stdout, "buffer", None)
    raw = getattr(binary, "raw", binary)
    if sys.stdout is None or (isinstance(raw, _StdoutWrites) and raw.fd is None):
        raise OutputError("cannot write to standard output: it is closed")


def input_written_to(fd: int, paths: list[str]) -> str | None:
    """The input path that file descriptor `fd` (1, standard output; 2, standard error) writes to, when it is
    redirected to one (`run . > out.jsonl` in the folder walked, `run a.jsonl >> a.jsonl`, `run . 2> err.jsonl`;
    '-' for standard input read from that file), else None. Read while it was written, such a file gave its
    lines back without end (20,000 records were 331,648 in a minute, and growing)."""
    try:
        target = os.fstat(fd)
    except OSError:
        return None
    if not stat.S_ISREG(target.st_mode):
        return None
    for path in paths:
        try:
            if os.path.samestat(os.fstat(0) if path == "-" else os.stat(path), target):
                return path
        except OSError:
            continue
    return None


class AtomicFile:
    """A file written under a temporary name beside its target and renamed into place by commit(); a
    device or pipe (/dev/null) is written directly. A regular file is compressed as its name says (.gz, .zst),
    or as `codec` says when given ("" for none). Named by a symbolic link, it replaces the file the link leads
    to (or creates it, for a link to nothing), not the link, as the shell's `>` writes through it. A durable
    file (one that replaces the user's own, check --fix) is on disk before it is renamed over the old one."""

    def __init__(self, path: str, codec: str | None = None, durable: bool = False) -> None:
        self.path = Path(os.path.realpath(path))
        self.name = path  # as given, for messages
        self.durable = durable
        self._tmp_name: str | None = None
        self._compressed: Compressed | None = None
        try:
            with contextlib.suppress(FileNotFoundError):  # a new file, or a link to nothing: created
                os.stat(path)  # a loop of links fails here, as the shell's > fails on it: not replaced by a file
            if path.endswith(tuple(filter(None, (os.sep, os.altsep)))) and not os.path.isdir(path):
                # realpath drops the separator: `-o out/`, no such folder yet, wrote a file named out (exit 0)
                raise OutputError(f"cannot write {path}: a name ending in {path[-1]} names a folder, not a file")
            if os.path.exists(path) and not os.path.isfile(path):  # as given: the real path of /dev/fd/63, the
                if os.path.isdir(path):                            # pipe of `-o >(gzip > out.gz)`, names no file
                    raise OutputError(f"cannot write {path}: it is a folder")
                self.handle: BinaryIO = open(path, "wb")
                self._out: BinaryIO | Compressed = self.handle
                return
            foreign = foreign_codec_suffix(path) if codec is None else None
            if foreign is not None:
                raise OutputError(f"cannot write {path}: {foreign} is a compression this tool does not write; "
                                  "name it .gz (gzip) or .zst (zstd), or without either for plain JSONL")
            fd, self._tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            keep_owner(fd, self.path)  # before the mode: a change of owner clears set-user-ID
            os.fchmod(fd, new_file_mode(self.path))
            self.handle = self._out = os.fdopen(fd, "wb")
            codec = codec_of_name(path) if codec is None else codec
            if codec:
                self._compressed = self._out = Compressed(self.handle, codec)
        except OSError as err:
            raise OutputError(f"cannot write {path}: {_reason(err)}") from None

    def write(self, data: bytes) -> None:
        try:
            self._out.write(data)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {self.name}: {_reason(err)}") from None

    def finish(self) -> None:
        """End the compressed stream and flush: every byte is written, the file not yet in place. A failure (a
        full disk) is an OutputError, and the file is discarded."""
        try:
            if self._compressed is not None:
                self._compressed.finish()
                self._compressed = None
            self.handle.flush()
            if self._tmp_name is not None and self.durable:
                os.fsync(self.handle.fileno())
        except BrokenPipeError:
            raise
        except OSError as err:
            self.discard()
            raise OutputError(f"cannot write {self.name}: {_reason(err)}") from None

    def commit(self) -> None:
        """Finish and, for a regular file, rename into place: the file appears only now, complete."""
        self.finish()
        try:
            if self._tmp_name is not None:
                self.handle.close()
                os.replace(self._tmp_name, self.path)
                self._tmp_name = None
        except OSError as err:
            self.discard()
            raise OutputError(f"cannot write {self.name}: {_reason(err)}") from None

    def placeable(self) -> bool:
        """Whether commit() may rename the file into place: its folder can still be written (not made read-only,
        remounted or made immutable during the run) and its name is no folder."""
        if self._tmp_name is None:
            return True
        return os.access(self.path.parent, os.W_OK | os.X_OK) and not self.path.is_dir()

    def discard(self) -> None:
        """Drop an unfinished file: a run that failed leaves no half-written output behind."""
        if self._tmp_name is not None:
            try:
                self.handle.close()
            except OSError:
                pass        # a full disk fails the close's flush too; the file goes anyway
            try:
                os.unlink(self._tmp_name)
            except OSError:
                pass        # a folder that can no longer be written keeps it; the error that led here is told
            self._tmp_name = None


class JsonlSink:
    """One output of a run (the records, the rejects, the report): a file, written atomically, or stdout."""

    def __init__(self, path: str | None, beside_records: bool = False) -> None:
        """path None or '-' means stdout. An output beside the records (the rejects, the report: on stdout only
        when the records go to a file) whose reader goes away (`| head`) is dropped, and the run goes on to
        write the records; the records' own reader going away ends the run (OutputClosed)."""
        if path in (None, "-"):
            require_stdout()
        self.file = None if path in (None, "-") else AtomicFile(path)
        self._out: BinaryIO | AtomicFile = sys.stdout.buffer if self.file is None else self.file
        self.count = 0
        self.beside_records = beside_records
        self.dropped = False

    def write_line(self, line: bytes) -> None:
        """A line made by json_line (in the worker process that finished the document)."""
        if self.dropped:
            return
        try:
            self._out.write(line)
        except BrokenPipeError as err:
            self._reader_gone(err)
            return
        self.count += 1

    def _reader_gone(self, err: BrokenPipeError) -> None:
        if not self.beside_records:
            raise OutputClosed from err
        self.dropped = True
        if self.file is None:  # a pipe of its own (`--rejects >(head -1)`) leaves standard output to the records
            sys.stdout = None  # type: ignore[assignment]  # no flush of a closed pipe at exit

    def finish(self) -> None:
        """Every line written out (stdout flushed, a file's last bytes written), a file not yet in place: a run
        finishes each of its outputs before it closes any, so that one that fails (a full disk) leaves none."""
        if self.dropped:
            return
        try:
            if self.file is None:
                sys.stdout.buffer.flush()
            else:
                self.file.finish()
        except BrokenPipeError as err:
            self._reader_gone(err)

    def close(self) -> None:
        """Finish, and put a file in place."""
        self.finish()
        if self.placed is not None:
            self.placed.commit()

    @property
    def placed(self) -> AtomicFile | None:
        """The file put in place when the run ends: none for standard output, nor for an output dropped when
        its reader went away (a pipe, whose last flush would fail again)."""
        return None if self.dropped else self.file

    def discard(self) -> None:
        if self.file is not None:
            self.file.discard()


def put_in_place(files: list[AtomicFile]) -> None:
    """Rename a run's finished outputs into place together, as far as the filesystem allows: every folder is
    checked first, so that one that can no longer be written leaves all of them as they were; a rename that
    fails all the same leaves the later ones unwritten, and the OutputError names what was written and what
    was not (the records were in place, the rejects lost, and the error named the rejects alone)."""
    for file in files:
        if not file.placeable():
            for each in files:
                each.discard()
            raise OutputError(f"cannot write {file.name}: its folder can no longer be written (or the name is a "
                              f"folder){_fates([], files)}")
    for done, file in enumerate(files):
        try:
            file.commit()
        except OutputError as err:
            for each in files[done:]:
                each.discard()
            raise OutputError(f"{err}{_fates(files[:done], files[done:])}") from None


def _fates(written: list[AtomicFile], lost: list[AtomicFile]) -> str:
    """What became of each output file when one failed: nothing to add when it is the only one."""
    if len(written) + len(lost) < 2:
        return ""
    names = ", ".join(file.name for file in lost)
    if not written:
        return f"; no output file was written ({names} left as they were)"
    return f"; written: {', '.join(file.name for file in written)}; not written: {names}"


def write_json_file(target: JsonlSink, obj: Any) -> None:
    """A small JSON document (the report), written to a sink opened when the run started and finished; the
    caller closes it."""
    target.write_line(orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    target.finish()
