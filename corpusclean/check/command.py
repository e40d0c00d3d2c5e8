"""`corpusclean check FILE...`: lint JSONL datasets, optionally fix them in place.

Findings are the command's data: one `path:line:col: CODE message` (or one JSON object) a line on stdout.
Heavy imports (orjson, the pipeline) happen inside functions so `corpusclean --help` stays instant.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Any, Iterable, Optional, TextIO

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


class ExpectedScript(str, Enum):
    hans = "hans"
    hant = "hant"


class UsageError(Exception):
    """Bad options or missing files: exit 2 before anything is read or written."""


def parse_codes(option: str | None) -> set[str]:
    """Comma-separated rule codes; unknown codes are a usage error."""
    from corpusclean.check.rules import RULES

    codes = {part.strip().upper() for part in (option or "").split(",") if part.strip()}
    unknown = sorted(codes - set(RULES))
    if unknown:
        raise UsageError(f"unknown rule code(s) {', '.join(unknown)}; known: {', '.join(RULES)}")
    return codes


def enabled_codes(select: str | None, ignore: str | None, near_dups: bool) -> frozenset[str]:
    """--select (default: every rule on by default, plus CC016 with --near-dups) minus --ignore."""
    from corpusclean.check.rules import OFF_BY_DEFAULT, RULES

    selected = parse_codes(select) or set(RULES) - OFF_BY_DEFAULT
    if near_dups:
        selected.add("CC016")
    return frozenset(selected - parse_codes(ignore))


def cleaning_stages(config: Any) -> list:
    """The per-document stages of `corpusclean run`, exactly: check and --fix cannot disagree with it."""
    from corpusclean.pipeline import document_stages

    return document_stages(config)


def cleaned_records(data: bytes, path: str, text_key: str, stages: list) -> dict[int, Any]:
    """JSONL line number -> the record's Document after the cleaning stages, for each readable record.

    Documents are built by the same reader `corpusclean run` uses for JSONL inputs.
    """
    import io
    from collections import defaultdict

    from corpusclean.pipeline import run_stages
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_jsonl

    timings: dict[str, float] = defaultdict(float)
    docs = {}
    for doc in read_jsonl(InputFile(path, path, path), io.BytesIO(data), text_key):
        if not doc.rejected:
            docs[doc.metadata["line"]] = run_stages(stages, doc, timings)
    return docs


def fixed_file(data: bytes, path: str, text_key: str, stages: list) -> bytes:
    """The file with each record's text replaced by its cleaned text; every other field and every line
    that cannot be cleaned (invalid JSON, no text, nothing left after cleaning) is kept byte for byte."""
    import codecs

    import orjson

    from corpusclean.read.sources import parse_json_line

    docs = cleaned_records(data, path, text_key, stages)
    pieces = data.split(b"\n")
    for index, piece in enumerate(pieces):
        doc = docs.get(index + 1)
        if doc is None or doc.rejected:
            continue
        record = parse_json_line(piece.removeprefix(codecs.BOM_UTF8))[0]  # as the reader parsed it
        clean = doc.clean_text()
        if clean != record[text_key]:
            record[text_key] = clean
            ending = b"\r" if piece.endswith(b"\r") else b""  # a CRLF file stays CRLF
            pieces[index] = orjson.dumps(record) + ending
    return b"\n".join(pieces)


def replace_atomically(path: str, data: bytes) -> None:
    """Write beside the file, then rename over it: a reader sees the old file or the new, never half."""
    import os
    import shutil
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".corpusclean-", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, handle.name)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def file_findings(
    data: bytes, path: str, text_key: str, codes: frozenset[str], expected_script: str | None,
    stages: list | None,
) -> tuple[list, list, list, list]:
    """The per-record findings of one file, and the (path, line, value) entries of the cross-file rules:
    ids, exact-duplicate keys, and (path, line, text) for near duplicates."""
    from corpusclean.check import rules

    docs = cleaned_records(data, path, text_key, stages) if stages is not None else {}
    findings, ids, keys, texts = [], [], [], []
    for line_no, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        value, issues = rules.parse_record(raw)
        if not issues:
            issues = rules.record_shape(value, text_key)
        if isinstance(value, dict):
            ids.append((path, line_no, rules.id_key(value.get("id"))))
        text = value.get(text_key) if isinstance(value, dict) else None
        if isinstance(text, str):
            declared = rules.declared_replacements(value)
            issues += record_text_issues(text, expected_script, docs.get(line_no), declared)
            if "CC015" in codes:
                keys.append((path, line_no, rules.exact_text_key(text)))
            if "CC016" in codes:
                texts.append((path, line_no, text))
        findings += [rules.Finding(path, line_no, i.col, i.code, i.message) for i in issues if i.code in codes]
    return findings, ids, keys, texts


def record_text_issues(text: str, expected_script: str | None, cleaned: Any, declared_fffd: int) -> list:
    from corpusclean.check import rules

    issues = rules.empty_text(text) + rules.encoding_damage(text, declared_fffd) + rules.control_chars(text)
    issues += rules.script_issue(text, expected_script)
    if cleaned is not None:
        line_numbers = rules.kept_line_numbers(text) if cleaned.format == "txt" else None
        issues += rules.leftover_lines(cleaned.trace, line_numbers)
    return issues


def near_duplicates(texts: list[tuple[str, int, str]], threshold: float, exact: set[tuple[str, int]]) -> list:
    """CC016 for each document the Dedup stage (near mode) would drop, unless it is an exact copy."""
    from corpusclean.check.rules import Finding
    from corpusclean.config import Config
    from corpusclean.dedup.stage import Dedup
    from corpusclean.document import Document

    dedup = Dedup(Config(dedup="near", dedup_threshold=threshold))
    summaries = []
    for path, line, text in texts:
        doc = Document(id=f"{path}:{line}", source="", location=f"{path}:{line}")
        doc.set_lines([text])
        summaries.append(dedup.summarize(doc))
    where = {f"{path}:{line}": (path, line) for path, line, _ in texts}
    model = dedup.fit(summaries)
    return [
        Finding(*where[dropped], 1, "CC016", f"near duplicate of {kept}")
        for dropped, kept in model.duplicate_of.items()
        if where[dropped] not in exact
    ]


def collect_findings(
    contents: dict[str, bytes], text_key: str, codes: frozenset[str], expected_script: str | None,
    stages: list | None, near_threshold: float,
) -> list:
    """Every finding over the given files (path -> bytes), in file order then line order."""
    from corpusclean.check import rules

    findings, ids, keys, texts = [], [], [], []
    for path, data in contents.items():
        found = file_findings(data, path, text_key, codes, expected_script, stages)
        for total, part in zip((findings, ids, keys, texts), found):
            total += part
    if "CC005" in codes:
        findings += rules.duplicate_ids(ids)
    if "CC015" in codes:
        findings += rules.duplicate_texts(keys)
    if "CC016" in codes:
        exact = {(f.path, f.line) for f in findings if f.code == "CC015"}
        findings += near_duplicates(texts, near_threshold, exact)
    order = {path: index for index, path in enumerate(contents)}
    return sorted(findings, key=lambda f: (order[f.path], f.line, f.code, f.col))


def write_findings(findings: Iterable, output_format: str, out: TextIO) -> None:
    if output_format == "json":
        import orjson

        for finding in findings:
            out.write(orjson.dumps(finding.as_dict()).decode() + "\n")
    else:
        for finding in findings:
            out.write(finding.as_text() + "\n")
    out.flush()


def read_files(files: list[str]) -> dict[str, bytes]:
    contents = {}
    for path in files:
        try:
            with open(path, "rb") as handle:
                contents[path] = handle.read()
        except OSError as err:
            raise UsageError(f"cannot read {path}: {err.strerror or err}") from None
    return contents


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
    """The whole command, returning its exit status: 0 clean, 1 findings, 2 usage error."""
    from corpusclean.check.rules import LINE_STAGE_CODES
    from corpusclean.config import ConfigError, load_config
    from corpusclean.ui import error

    out = out or sys.stdout
    try:
        codes = enabled_codes(select, ignore, near_dups)
        # Script conversion is not a fix check makes unless asked: --script sets the target, else "keep".
        config = load_config(config_file, {"script": script or "keep", "text_key": text_key})
        contents = read_files(files)
    except (UsageError, ConfigError) as err:
        error(f"error: {err}")
        return EXIT_USAGE
    stages = cleaning_stages(config) if fix or codes & LINE_STAGE_CODES else None
    if fix:
        for path, data in contents.items():
            fixed = fixed_file(data, path, config.text_key, stages)
            if fixed != data:
                try:
                    replace_atomically(path, fixed)
                except OSError as err:
                    error(f"error: cannot write {path}: {err.strerror or err}")
                    return EXIT_USAGE
                contents[path] = fixed
                if not quiet:
                    error(f"fixed {path}")
    line_stages = stages if codes & LINE_STAGE_CODES else None
    findings = collect_findings(contents, config.text_key, codes, script, line_stages, config.dedup_threshold)
    try:
        write_findings(findings, output_format, out)
    except BrokenPipeError:
        # The reader stopped listening (`| head`): end quietly, with the status the findings decide.
        sys.stdout = None  # type: ignore[assignment]  # no flush of a closed pipe at exit
        return EXIT_FINDINGS if findings else EXIT_OK
    if findings and not quiet:
        error(f"{len(findings)} finding(s) in {len({f.path for f in findings})} of {len(files)} file(s)")
    return EXIT_FINDINGS if findings else EXIT_OK


def check(
    files: list[str] = typer.Argument(..., help="JSONL files to check.", metavar="FILE"),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rule codes (comma-separated)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Skip these rule codes (comma-separated)."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", help="text: path:line:col: CODE message; json: one object a line."
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

    Rules CC001-CC016 are described in docs/check.md. Lines the cleaning stages of `corpusclean run`
    would remove are findings too, so the output of `run` checks clean.
    """
    status = run_check(
        files, select, ignore, output_format.value, fix, script.value if script else None, near_dups,
        text_key, config_file, quiet,
    )
    raise typer.Exit(status)
