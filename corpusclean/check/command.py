"""`corpusclean check FILE...`: lint JSONL datasets, optionally fix them in place.

Findings are the command's data: one `path:line:col: CODE message` (or one JSON object, or one GitHub
Actions annotation) a line on stdout, printed as they are found. Files are streamed record by record, gzip
and zstd looked through: memory holds one record, and for the rules across files (CC005, CC015) a 64-bit
key and a location per record (CC016 adds a MinHash signature per record).
Heavy imports (orjson, the pipeline) happen inside functions so `corpusclean --help` stays instant.
"""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Any, BinaryIO, Iterator, Optional, TextIO

import typer

from corpusclean.read.paths import as_text

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDIN = "-"
FIX_PASSES = 8           # cleanings of one text by --fix at most (see Checker.fixed)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ExpectedScript(str, Enum):
    hans = "hans"
    hant = "hant"


class UsageError(Exception):
    """Bad options or missing files: exit 2 before anything is read or written."""


class ReadError(Exception):
    """A file that fails while it is read (a truncated or corrupt gzip or zstd stream): exit 2."""


def parse_codes(option: str | None, flag: str = "--select") -> set[str]:
    """Comma-separated rule codes; unknown codes are a usage error, and so is an option given that names none
    (`--select "$CODES"` with the variable unset checked every rule)."""
    from corpusclean.check.rules import RULES

    codes = {part.strip().upper() for part in (option or "").split(",") if part.strip()}
    if option is not None and not codes:
        raise UsageError(f"{flag} names no rule code: {option!r}")
    unknown = sorted(codes - set(RULES))
    if unknown:
        raise UsageError(f"unknown rule code(s) {', '.join(unknown)}; known: {', '.join(RULES)}")
    return codes


def enabled_codes(select: str | None, ignore: str | None, near_dups: bool) -> frozenset[str]:
    """--select (default: every rule on by default, plus CC016 with --near-dups) minus --ignore. A code both
    asked for and ignored is a usage error: one of the two would be dropped without a word."""
    from corpusclean.check.rules import OFF_BY_DEFAULT, RULES

    asked, ignored = parse_codes(select), parse_codes(ignore, "--ignore")
    if asked & ignored:
        raise UsageError(f"--select and --ignore both name {', '.join(sorted(asked & ignored))}: give each code "
                         f"to one of them")
    if near_dups and "CC016" in ignored:
        raise UsageError("--near-dups and --ignore CC016 contradict each other: give one of them")
    selected = asked or set(RULES) - OFF_BY_DEFAULT
    if near_dups:
        selected.add("CC016")
    return frozenset(selected - ignored)


def require_whole_fix(codes: frozenset[str], script: str | None) -> None:
    """--fix with a selection that leaves out a code its cleaning mends is a usage error: the cleaning is one
    pipeline and cannot mend only some of them (`--fix --select CC007` removed boilerplate lines too)."""
    from corpusclean.check.rules import FIXED_CODES

    mended = FIXED_CODES | ({"CC009"} if script else set())
    left_out = sorted(mended - codes)
    if left_out:
        raise UsageError(f"--fix cleans each text as run does, mending {', '.join(sorted(mended))} at once, and "
                         f"cannot leave out {', '.join(left_out)}: give --fix without --select or --ignore, or check "
                         f"without --fix")


def cleaning_stages(config: Any) -> list:
    """The per-document stages of `corpusclean run`, exactly: check and --fix cannot disagree with it."""
    from corpusclean.pipeline import document_stages

    return document_stages(config)


def dataset_files(args: list[str], fix: bool, skipped: list | None = None) -> list[str]:
    """The files to check: each file named, '-' for stdin, and the files of each folder that run reads as JSON
    lines (folder_datasets), in sorted order; the paths the folder walks skip added to `skipped`. A path that
    names nothing readable is a usage error, and so are folders that hold no dataset file."""
    from corpusclean.read.paths import STDIN_TWICE, Skipped, is_named_input, once

    if args.count(STDIN) > 1:
        raise UsageError(STDIN_TWICE)
    files = []
    for arg in args:
        if arg == STDIN:
            if fix:
                raise UsageError("--fix rewrites files in place; it cannot take standard input (-)")
            files.append(arg)
        elif os.path.isdir(arg):
            files += folder_datasets(arg, skipped)
        elif not os.path.exists(arg):
            raise UsageError(f"cannot read {as_text(arg)}: no such file or folder")
        elif not os.access(arg, os.R_OK):
            raise UsageError(f"cannot read {as_text(arg)}: permission denied")
        elif fix and not os.path.isfile(arg):  # a named pipe: --fix read back what it wrote into it, forever
            raise UsageError(f"--fix rewrites files in place; {as_text(arg)} is no regular file (a named pipe or a device)")
        elif not is_named_input(os.stat(arg).st_mode):  # skipped and reported, as run does
            if skipped is not None:
                skipped.append(Skipped(as_text(arg), "not_a_file"))
        else:
            files.append(arg)
    files = once(files, str, skipped if skipped is not None else [])
    if not files:  # folders only, holding no dataset: a check of nothing would pass
        raise UsageError(f"nothing to check: no file of JSON lines (.jsonl, .ndjson, .json or without a suffix; "
                         f"plain, .gz or .zst) in {', '.join(args)}")
    return files


def folder_datasets(folder: str, skipped: list | None = None) -> list[str]:
    """The files of a folder that run reads as JSON lines: those its folder walk reads (read.paths.find_inputs:
    hidden names, links out of the folder and devices skipped, and added to `skipped`), by their name or,
    without a suffix, their first bytes (read.sources.reads_as_jsonl); in the order run reads them, so that the
    first of two copies is the one run keeps. A folder that cannot be listed is a usage error: its datasets
    would go unchecked."""
    from corpusclean.read.paths import find_inputs, named_path
    from corpusclean.read.sources import reads_as_jsonl

    inputs, walk_skipped = find_inputs([folder])
    for skip in walk_skipped:
        if skip.reason == "unreadable_folder":
            raise UsageError(f"cannot read {skip.path}: the folder cannot be listed")
    if skipped is not None:
        skipped += walk_skipped
    return [named_path(os.path.normpath(inp.path)) for inp in inputs if reads_as_jsonl(inp.path)]


def open_dataset(path: str) -> tuple[BinaryIO, str | None]:
    """The file's bytes, decompressed when they are gzip or zstd; and the codec found. Opened as run opens
    it: a named pipe nobody writes to reads as empty."""
    from corpusclean.compression import decompressed
    from corpusclean.read.sources import open_raw

    try:
        return decompressed(open_raw(path))
    except OSError as err:
        raise ReadError(f"cannot read {as_text(path)}: {err.strerror or err}") from None


def record_text_issues(text: str, is_html: bool, expected_script: str | None, cleaned: Any, declared_fffd: int) -> list:
    from corpusclean.check import rules

    issues = rules.empty_text(text) + rules.encoding_damage(text, declared_fffd, is_html)
    issues += rules.control_chars(text, is_html)
    issues += rules.script_issue(text, expected_script)
    if cleaned is not None:
        line_numbers = rules.kept_line_numbers(text) if cleaned.format == "txt" else None
        issues += rules.rejected_whole(cleaned) + rules.leftover_lines(cleaned.trace, line_numbers)
    return issues


class Checker:
    """The findings of the files given, one record at a time, with what the rules across files remember."""

    def __init__(self, text_key: str, text_format: str, codes: frozenset[str], expected_script: str | None,
                 stages: list | None, near_threshold: float, max_record_bytes: int) -> None:
        from corpusclean.check.rules import CLEANING_CODES, FirstSeen

        self.text_key, self.text_format, self.codes, self.expected_script = text_key, text_format, codes, expected_script
        self.max_record_bytes = max_record_bytes                # a longer line is read past, never held (CC018)
        self.stages = stages                                    # the cleaning stages, for --fix or CC010-CC014
        self.line_stages = stages if codes & CLEANING_CODES else None
        self.paths: list[str] = []
        self.ids, self.texts = FirstSeen(), FirstSeen()
        self.near = _NearDuplicates(near_threshold) if "CC016" in codes else None
        self.exact: set[tuple[int, int]] = set()                # CC015 copies, which CC016 does not report again
        self.fixed_paths: list[str] = []

    def cleaned(self, path: str, line_no: int, line: bytes) -> Any:
        """The record's Document after the cleaning stages, read by the reader `corpusclean run` uses for
        JSONL; None when it cannot be read."""
        import io
        from collections import defaultdict

        from corpusclean.pipeline import run_stages
        from corpusclean.read.paths import InputFile
        from corpusclean.read.sources import read_jsonl

        [doc] = read_jsonl(InputFile(path, path, path), io.BytesIO(line), self.text_key, self.text_format)
        return None if doc.rejected else run_stages(self.stages or [], doc, defaultdict(float))

    def fixed(self, path: str, line_no: int, line: bytes) -> bytes:
        """The line with its record's text replaced by what `corpusclean run` would write for it, cleaned again
        until a cleaning leaves it as it is; the line itself when it cannot be cleaned (invalid JSON, no text,
        HTML, nothing left) or is already clean.

        run writes the fields it lifts from the text beside it (the title), and cleaning its record again finds
        them there; --fix writes the text alone, and a record without a title gets a headline chosen anew from
        the cleaned text, and the labels above it removed: the text --fix wrote was not what check, or a second
        --fix, leaves alone (dev text dumps as JSONL: 37 of 240 records). Each pass that changes the text
        removes lines of it (the dev dumps hold after the second); FIX_PASSES bounds them all the same."""
        for _ in range(FIX_PASSES):
            new = self.fixed_once(path, line_no, line)
            if new == line:
                break
            line = new
        return line

    def fixed_once(self, path: str, line_no: int, line: bytes) -> bytes:
        """The line with its record's text replaced by what `corpusclean run` would write for it; the line
        itself when it cannot be cleaned or is already clean."""
        import codecs

        from corpusclean import json_numbers
        from corpusclean.clean.metadata import CARRIER_REASONS
        from corpusclean.read.sources import parse_json_line

        doc = self.cleaned(path, line_no, line)
        if doc is None or doc.rejected or doc.format != "txt":
            return line
        record = parse_json_line(line.removeprefix(codecs.BOM_UTF8))[0]  # as the reader parsed it
        # run lifts a metadata line's value into the record (created, metadata.author, ...) and removes the line;
        # --fix writes the text alone, so the line stays (CC014, still reported): removed, its date, source or
        # names were lost.
        clean = doc.clean_text(also=CARRIER_REASONS)
        if clean == record.get(self.text_key):
            return line
        return with_text(line, self.text_key, json_numbers.dumps(clean))

    def record_findings(self, path: str, file: int, line_no: int, line: bytes) -> list:
        """The findings of one non-blank JSONL line, in code order; of its text as run reads it (the field
        text_field names, HTML or not as record_text says)."""
        from corpusclean.check import rules
        from corpusclean.read.sources import record_text

        value, replaced, issues = rules.parse_record(line)
        if value is not rules.UNREAD:
            issues += rules.record_shape(value, self.text_key)
        findings = [rules.Finding(path, line_no, i.col, i.code, i.message) for i in issues]
        if isinstance(value, dict) and "CC005" in self.codes:
            first = self.ids.earlier(rules.id_hash(value.get("id")), file, line_no)
            if first is not None:
                findings.append(rules.Finding(path, line_no, 1, "CC005", f"duplicate id {rules.input_id(value['id'])!r}, "
                                                                        f"first at {self._at(first)}"))
        text, is_html = record_text(value, self.text_key, self.text_format) if isinstance(value, dict) else (None, False)
        if isinstance(text, str):
            cleaned = self.cleaned(path, line_no, line) if self.line_stages is not None else None
            declared_fffd = rules.declared_replacements(value) + replaced  # those CC001 reports
            issues = record_text_issues(text, is_html, self.expected_script, cleaned, declared_fffd)
            findings += [rules.Finding(path, line_no, i.col, i.code, i.message) for i in issues]
            if "CC015" in self.codes:
                first = self.texts.earlier(rules.exact_text_key(text), file, line_no)
                if first is not None:
                    self.exact.add((file, line_no))
                    findings.append(rules.Finding(path, line_no, 1, "CC015", f"same text as {self._at(first)}"))
            if self.near is not None:
                self.near.add(file, line_no, text)
        return sorted((f for f in findings if f.code in self.codes), key=lambda f: (f.code, f.col))

    def _at(self, where: tuple[int, int]) -> str:
        return f"{self.paths[where[0]]}:{where[1]}"

    def file_findings(self, path: str, fix: bool) -> Iterator:
        """Every finding of one file, as its records are read; with fix, of the fixed records, the file
        being rewritten beside itself (compressed as it was) and renamed over itself when a record changed.
        A line over max_record_bytes is CC018; --fix, which would have to copy it, stops at it (ReadError). A
        file without a record, which run rejects, is CC019."""
        import codecs

        from corpusclean.check.rules import Finding
        from corpusclean.config import Config
        from corpusclean.read.sources import EMPTY_JSONL, SNIFF_BYTES, page_not_json_lines, whole_file_reject
        from corpusclean.write.sink import AtomicFile, OutputError

        file = len(self.paths)
        shown = as_text(path)  # a name that is not UTF-8 (which JSON and stdout cannot hold) as \xNN
        self.paths.append(shown)
        read_from = _file_state(path) if fix else None
        stream, codec = open_dataset(path)
        target, unwritable = None, None
        if fix:
            try:
                target = AtomicFile(path, codec=codec or "", durable=True)
            except OutputError as err:  # an error once a record needs a fix: a clean file is only read
                unwritable = ReadError(str(err))
        changed, records = False, 0
        try:
            with _read_errors(path):
                # A file run reads as a page (by its name, .txt or .html, or by its first bytes): one finding
                page, stream = page_not_json_lines(path, stream, Config.max_page_bytes)
                head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
            if page is not None:
                if "CC001" in self.codes:
                    yield Finding(shown, 1, 1, "CC001", page)
                return
            # One finding, as run rejects such a file whole, not one per piece between 0a bytes or per line.
            rejected = whole_file_reject(head)
            if rejected is not None:
                reason, detail = rejected
                if "CC001" in self.codes:
                    yield Finding(shown, 1, 1, "CC001",
                                  detail if reason == "invalid_json" else f"{detail}: run rejects it as {reason}")
                return
            for line_no, line in enumerate(_read_lines(stream, path, self.max_record_bytes), 1):
                if isinstance(line, int):
                    too_large = f"{line} bytes, over the {self.max_record_bytes}-byte limit (max_record_bytes)"
                    if fix:
                        raise ReadError(f"cannot fix {shown}: line {line_no} is {too_large}")
                    records += 1
                    if "CC018" in self.codes:
                        yield Finding(shown, line_no, 1, "CC018", f"record of {too_large}: run rejects it")
                    continue
                if fix:
                    new = self.fixed(path, line_no, line)
                    changed = changed or new != line
                    if target is None and changed:
                        raise unwritable  # type: ignore[misc]
                    if target is not None:
                        target.write(new)
                    line = new
                if line_no == 1:  # a reader may skip a byte order mark opening the file (RFC 8259), as run does
                    line = line.removeprefix(codecs.BOM_UTF8)
                if line.strip():
                    records += 1
                    yield from self.record_findings(shown, file, line_no, line)
            if not records and "CC019" in self.codes:
                yield Finding(shown, 1, 1, "CC019", f"{EMPTY_JSONL}: run rejects it as empty_input")
            if target is not None and changed:
                if _file_state(path) != read_from:  # saved meanwhile: the fix of what was read would replace it
                    raise ReadError(f"cannot fix {shown}: it changed while it was read; check it again")
                target.commit()
                self.fixed_paths.append(path)
        except OutputError as err:
            raise ReadError(str(err)) from None
        finally:
            if target is not None:
                target.discard()
            if path != STDIN:
                stream.close()

    def last_findings(self) -> list:
        """What needs every record first: near duplicates (CC016), in file and line order."""
        if self.near is None:
            return []
        return self.near.findings(self.paths, self.exact)


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def with_text(line: bytes, key: str, value: bytes) -> bytes:
    """The JSONL line with the value of its object's `key` (the last one, which a reader takes) replaced by
    `value`, every other byte as it was: a field's bytes that are not UTF-8 or a lone surrogate, which the
    parsed record holds as U+FFFD, a field named twice, a number's spelling, the spacing, the line's end.
    The line itself when it holds no such object."""
    marked = line.decode("utf-8", "surrogateescape")  # each byte that is not UTF-8 kept, as a lone surrogate
    decoder = json.JSONDecoder()
    span = None
    at = _JSON_SPACE.match(marked, 1 if marked.startswith("\ufeff") else 0).end()
    if marked[at:at + 1] != "{":
        return line
    at = _JSON_SPACE.match(marked, at + 1).end()
    try:
        while marked[at:at + 1] == '"':
            name, at = json.decoder.scanstring(marked, at + 1)
            at = _JSON_SPACE.match(marked, at).end()
            if marked[at:at + 1] != ":":
                return line
            start = _JSON_SPACE.match(marked, at + 1).end()
            at = decoder.raw_decode(marked, start)[1]
            if name == key:
                span = (start, at)
            at = _JSON_SPACE.match(marked, at).end()
            if marked[at:at + 1] != ",":
                break
            at = _JSON_SPACE.match(marked, at + 1).end()
    except (ValueError, RecursionError):
        return line
    if span is None or marked[at:at + 1] != "}":
        return line
    return (marked[:span[0]] + value.decode("utf-8") + marked[span[1]:]).encode("utf-8", "surrogateescape")


def _file_state(path: str) -> tuple[int, ...] | None:
    """Which file a path names and its size and time of change: another when it was saved (a new file renamed
    over it, or written again in place); None when it names none (removed)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


@contextmanager
def _read_errors(path: str) -> Iterator[None]:
    """A broken compressed stream (OSError, gzip.BadGzipFile among them; EOFError) is a ReadError."""
    try:
        yield
    except (OSError, EOFError) as err:
        raise ReadError(f"cannot read {as_text(path)}: {err}") from None


def _read_lines(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a stream, each with its newline, or for a line over max_bytes its size (read past, as run
    reads it); a broken compressed stream is a ReadError."""
    from corpusclean.read.sources import jsonl_lines

    with _read_errors(path):
        yield from jsonl_lines(stream, max_bytes)


class _NearDuplicates:
    """CC016: each record's MinHash summary (about 600 bytes), fitted by the Dedup stage once all are in."""

    def __init__(self, threshold: float) -> None:
        from corpusclean.config import Config
        from corpusclean.dedup.stage import Dedup

        self.dedup = Dedup(Config(dedup="near", dedup_threshold=threshold))
        self.summaries: list[bytes] = []

    def add(self, file: int, line: int, text: str) -> None:
        from corpusclean.document import Document

        doc = Document(id=f"{file}:{line}", source="", location="")
        doc.set_lines([text])
        self.summaries.append(self.dedup.summarize(doc))

    def findings(self, paths: list[str], exact: set[tuple[int, int]]) -> list:
        """CC016 for each record the Dedup stage (near mode) would drop, unless it is an exact copy."""
        from corpusclean.check.rules import Finding

        def where(doc_id: str) -> tuple[int, int]:
            file, line = doc_id.split(":")
            return int(file), int(line)

        model = self.dedup.fit(self.summaries)
        dropped = sorted((where(dropped), where(kept)) for dropped, kept in model.duplicate_of.items())
        return [
            Finding(paths[file], line, 1, "CC016", f"near duplicate of {paths[kept[0]]}:{kept[1]}")
            for (file, line), kept in dropped if (file, line) not in exact
        ]


def _shown(finding: Any, output_format: str) -> str:
    if output_format == "json":
        import orjson

        return orjson.dumps(finding.as_dict()).decode()
    if output_format == "github":
        return finding.as_github()
    from corpusclean.ui import one_line

    return one_line(finding.as_text())  # a file name holding a line break would cut the finding in two


def run_check(
    files: list[str],
    select: str | None = None,
    ignore: str | None = None,
    output_format: str = "text",
    fix: bool = False,
    script: str | None = None,
    near_dups: bool = False,
    text_key: str | None = None,
    config_file: str | None = None,
    quiet: bool = False,
    out: TextIO | None = None,
) -> int:
    """The whole command, returning its exit status: 0 clean, 1 findings, 2 a usage error, or a file that
    fails while it is read (a corrupt compressed stream): the check stops there, after printing the findings
    of the records before it."""
    from corpusclean.check.rules import CLEANING_CODES
    from corpusclean.config import ConfigError, load_config
    from corpusclean.read.paths import skip_messages
    from corpusclean.ui import error
    from corpusclean.write.sink import OutputError, input_written_to, require_stdout

    if out is None:
        try:
            require_stdout()
        except OutputError as err:
            error(str(err))
            return EXIT_USAGE
        out = sys.stdout
    skipped: list = []
    try:
        codes = enabled_codes(select, ignore, near_dups)
        if fix:
            require_whole_fix(codes, script)
        # Script conversion is not a fix check makes unless asked: --script sets the target, else "keep".
        config = load_config(config_file, {"script": script or "keep", "text_key": text_key})
        paths = dataset_files(files, fix, skipped)
        same = input_written_to(1, paths)
        if same is not None:  # its findings, read back as records, gave findings without end
            what = "standard input" if same == "-" else f"the file checked {as_text(same)}"
            raise UsageError(f"standard output is also {what}: write the findings elsewhere")
    except (UsageError, ConfigError) as err:
        usage = err
    else:
        usage = None
    for message in skip_messages(skipped, follow_links_option=False):  # as run reports them
        error(message)
    if usage is not None:
        error(f"error: {usage}")
        return EXIT_USAGE
    stages = cleaning_stages(config) if fix or codes & CLEANING_CODES else None
    checker = Checker(config.text_key, config.text_format, codes, script, stages, config.dedup_threshold,
                      config.max_record_bytes)
    count, flagged = 0, set()
    lost: Exception | None = None  # why findings could no longer be written; --fix fixes every file all the same

    def show(finding: Any) -> None:
        nonlocal count, lost
        count += 1
        flagged.add(finding.path)
        if lost is None:
            try:
                out.write(_shown(finding, output_format) + "\n")
                out.flush()
            except (BrokenPipeError, OutputError) as err:
                if not fix:  # a check only reads: nothing is left half done
                    raise
                lost = err

    try:
        for path in paths:
            try:
                for finding in checker.file_findings(path, fix):
                    show(finding)
            except ReadError as err:
                error(f"error: {err}")
                return EXIT_USAGE
            if path in checker.fixed_paths and not quiet:
                error(f"fixed {as_text(path)}")
        for finding in checker.last_findings():
            show(finding)
        if lost is None:
            out.flush()
    except BrokenPipeError:
        lost = BrokenPipeError()
    if isinstance(lost, OutputError):
        error(str(lost))
        return EXIT_USAGE
    if lost is not None:
        # The reader stopped listening (`| head`): end quietly, with the status the findings decide.
        sys.stdout = None  # type: ignore[assignment]  # no flush of a closed pipe at exit
        return EXIT_FINDINGS if count else EXIT_OK
    if count and not quiet:
        error(f"{count} finding(s) in {len(flagged)} of {len(paths)} file(s)")
    return EXIT_FINDINGS if count else EXIT_OK


def check(
    files: list[str] = typer.Argument(
        ..., help="JSONL files (.gz and .zst too), folders (the files run reads from them as JSON lines), or - for "
        "stdin.",
        metavar="FILE",
    ),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rule codes (comma-separated)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Skip these rule codes (comma-separated)."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format",
        help="text: path:line:col: CODE message; json: one object a line; github: GitHub Actions annotations.",
    ),
    fix: bool = typer.Option(False, "--fix", help="Rewrite the files in place with each record's text cleaned."),
    script: Optional[ExpectedScript] = typer.Option(
        None, "--script", help="Expected Chinese script (CC009); --fix converts to it. Default: mixing only."
    ),
    near_dups: bool = typer.Option(False, "--near-dups", help="Also report near-duplicate documents (CC016)."),
    text_key: Optional[str] = typer.Option(None, "--text-key", help="Field holding the text [text]."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    """Lint JSONL datasets: one finding a line on stdout, exit 1 when there is any.

    Example: corpusclean check data/*.jsonl

    Rules CC001-CC020 are listed in the README ("corpusclean check"). Lines the cleaning stages of
    `corpusclean run` would remove are findings too, so the output of `run` checks clean. Exit status: 0
    nothing found, 1 findings, 2 a usage error or a file that cannot be read.
    """
    status = run_check(
        files, select, ignore, output_format.value, fix, script.value if script else None, near_dups,
        text_key, config_file, quiet,
    )
    raise typer.Exit(status)
