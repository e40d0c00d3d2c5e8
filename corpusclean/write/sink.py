"""JSONL out: one object per line, UTF-8, no BOM. Files appear only when complete (temp name + rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

import orjson


def json_line(record: dict[str, Any]) -> bytes:
    """One JSONL line: compact UTF-8 JSON and a newline."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


class OutputClosed(Exception):
    """The reader of stdout went away (`| head`): stop quietly."""


class JsonlSink:
    def __init__(self, path: str | None) -> None:
        """path None or '-' means stdout."""
        self.path = None if path in (None, "-") else Path(path)
        self._tmp_name: str | None = None
        if self.path is None:
            self._out: BinaryIO = sys.stdout.buffer
        elif self.path.exists() and not self.path.is_file():
            self._out = open(self.path, "wb")  # a device or pipe (/dev/null): nothing to rename
        else:
            fd, self._tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            self._out = os.fdopen(fd, "wb")
        self.count = 0

    def write_line(self, line: bytes) -> None:
        """A line made by json_line (in the worker process that finished the document)."""
        try:
            self._out.write(line)
        except BrokenPipeError as err:
            raise OutputClosed from err
        self.count += 1

    def close(self) -> None:
        """Flush; a file is renamed into place only now, when it is complete."""
        try:
            self._out.flush()
        except BrokenPipeError as err:
            raise OutputClosed from err
        if self.path is not None and self._tmp_name is not None:
            self._out.close()
            os.replace(self._tmp_name, self.path)
            self._tmp_name = None

    def discard(self) -> None:
        """Drop an unfinished file: a run that failed leaves no half-written output behind."""
        if self._tmp_name is not None:
            self._out.close()
            os.unlink(self._tmp_name)
            self._tmp_name = None


def write_json_file(path: str, obj: Any) -> None:
    """A small JSON document (the report), written atomically."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    os.replace(tmp, target)
