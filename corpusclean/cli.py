"""The command line: `corpusclean run`, `check`, `explain`, `stages`. Data on stdout, messages on stderr."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from corpusclean import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Clean and deduplicate scraped Chinese and English news pages into JSONL.\n\n"
    "Example: corpusclean run seeds/ > clean.jsonl",
)

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class ScriptChoice(str, Enum):
    keep = "keep"
    hans = "hans"
    hant = "hant"
    tw = "tw"
    hk = "hk"


class DedupChoice(str, Enum):
    none = "none"
    exact = "exact"
    near = "near"


class TextFormatChoice(str, Enum):
    text = "text"
    html = "html"
    auto = "auto"


class KeepChoice(str, Enum):
    first = "first"
    longest = "longest"
    earliest = "earliest"


def _version(value: bool) -> None:
    if value:
        print(f"corpusclean {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Clean and deduplicate scraped Chinese and English news pages into JSONL."""


def _usage_error(message: str) -> typer.Exit:
    from corpusclean.ui import error

    error(f"error: {message}")
    return typer.Exit(EXIT_USAGE)


def _same_file(path: str, target: os.stat_result) -> bool:
    try:
        return os.path.samestat(os.stat(path), target)
    except OSError:
        return False


def _refuse_overlap(outputs: dict[str, Optional[str]], inputs: list, args: list[str]) -> None:
    """Two outputs in one file would lose one of them; an output inside an input folder would be read back
    next run; equal to an input it would destroy it."""
    named = {option: out for option, out in outputs.items() if out not in (None, "-")}
    if not named:
        return
    seen: dict[Path, str] = {}
    for option, out in named.items():
        target = Path(out).resolve()
        if target in seen and not target.is_char_device():  # /dev/null may take both
            raise _usage_error(f"{option} and {seen[target]} name the same file {out}")
        seen[target] = option
    outputs = list(named.values())
    folders = [Path(a).resolve() for a in args if a != "-" and Path(a).is_dir()]
    for out in outputs:
        if out in (None, "-"):
            continue
        target = Path(out).resolve()
        # Only an existing file can be an input; comparing file identities is cheaper than resolving paths.
        if target.exists():
            target_stat = target.stat()
            if any(i.path != "-" and _same_file(i.path, target_stat) for i in inputs):
                raise _usage_error(f"output {out} is also an input file")
        for folder in folders:
            if folder in target.parents:
                raise _usage_error(f"output {out} is inside the input folder {folder}")


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin.", metavar="PATH..."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write JSONL here instead of stdout."),
    rejects: Optional[str] = typer.Option(None, "--rejects", help="Write rejected inputs (with reject_reason) here."),
    report: Optional[str] = typer.Option(None, "--report", help="Write the run report (counts, timings) as JSON."),
    text_key: Optional[str] = typer.Option(None, "--text-key", help="Field holding the text in JSONL inputs [text]."),
    text_format: Optional[TextFormatChoice] = typer.Option(
        None, "--text-format", help="JSONL texts are text, html, or auto (html when one starts as a page) [text]."
    ),
    follow_links: Optional[bool] = typer.Option(
        None, "--follow-links", help="Read symbolic links that leave an input folder, enter linked folders."
    ),
    script: Optional[ScriptChoice] = typer.Option(None, "--script", help="Convert Chinese to this script [hans]."),
    cjk_punct: Optional[bool] = typer.Option(
        None, "--cjk-punct/--no-cjk-punct", help="ASCII , : ; ( ) ! ? between Han characters -> full width [on]."
    ),
    template: Optional[bool] = typer.Option(
        None, "--template/--no-template", help="Learn and remove per-site template lines [on]."
    ),
    dedup: Optional[DedupChoice] = typer.Option(None, "--dedup", help="Duplicate removal: none, exact, near [near]."),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="Same as --dedup none."),
    dedup_threshold: Optional[float] = typer.Option(
        None, "--dedup-threshold", help="Similarity above which documents are near duplicates [0.7]."
    ),
    keep: Optional[KeepChoice] = typer.Option(None, "--keep", help="Which duplicate stays: first, longest, earliest."),
    explain: Optional[bool] = typer.Option(None, "--explain", help="Add each record's trace of removed lines."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes [one per core]."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary table."),
) -> None:
    """Clean pages into JSONL: decode, extract, strip boilerplate, dedup.

    Example: corpusclean run seeds/ -o clean.jsonl --rejects rejects.jsonl --report report.json
    """
    from corpusclean.config import ConfigError, load_config
    from corpusclean.read.paths import UsageError, find_inputs

    overrides = {
        "text_key": text_key, "text_format": text_format.value if text_format else None,
        "follow_links": follow_links, "script": script.value if script else None, "cjk_punct": cjk_punct,
        "template": template, "dedup": "none" if no_dedup else (dedup.value if dedup else None),
        "dedup_threshold": dedup_threshold, "keep": keep.value if keep else None, "explain": explain, "jobs": jobs,
    }
    try:
        config = load_config(config_file, overrides)
        inputs, skipped = find_inputs(paths, config.follow_links)
    except (ConfigError, UsageError) as err:
        raise _usage_error(str(err)) from None
    _refuse_overlap({"--output": output, "--rejects": rejects, "--report": report}, inputs, paths)
    from corpusclean.runner import run_command

    raise typer.Exit(run_command(config, inputs, output, rejects, report, quiet, skipped))


from corpusclean.check.command import check  # noqa: E402  (typer only at import time)

app.command()(check)


@app.command()
def explain(
    path: str = typer.Argument(..., help="A page (txt or HTML) or a JSONL file; - for stdin."),
    record: int = typer.Option(1, "--record", "-n", min=1, help="Which record of a JSONL file (1-based)."),
    script: Optional[ScriptChoice] = typer.Option(None, "--script", help="Convert Chinese to this script [hans]."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
) -> None:
    """Show which lines of one page the cleaning removes, and why, then the metadata found.

    Example: corpusclean explain seeds/004_a5b3ca67eec450e6.txt | less -R

    Removed lines are marked "- " (struck through on a terminal), sentences cut out of a kept line "~ ",
    each with the stage and reason code. Per-site templates and dedup need a whole corpus and are not run.
    """
    from corpusclean.config import ConfigError, load_config
    from corpusclean.read.paths import UsageError, expand_paths

    try:
        config = load_config(config_file, {"script": script.value if script else None})
        inputs = expand_paths([path])
    except (ConfigError, UsageError) as err:
        raise _usage_error(str(err)) from None
    if len(inputs) != 1:
        raise _usage_error(f"explain takes one file; {path} gives {len(inputs)}")
    from rich.console import Console

    from corpusclean.explain import explain_document, load_one, render

    doc = load_one(inputs[0], record, config)
    if doc is None:
        raise _usage_error(f"{path} has fewer than {record} records")
    render(explain_document(doc, config), Console(no_color="NO_COLOR" in os.environ, highlight=False))


@app.command()
def stages() -> None:
    """List the pipeline in order: each stage, its kind, its options and the reason codes it gives.

    Example: corpusclean stages
    """
    from corpusclean.config import Config
    from corpusclean.pipeline import build_pipeline

    for number, stage in enumerate(build_pipeline(Config()), 1):
        print(f"{number:2}. {stage.name} ({stage.kind} stage, {type(stage).__module__})")
        doc = (type(stage).__doc__ or "").strip().splitlines()
        if doc:
            print(f"      {doc[0]}")
        options = getattr(stage, "options", ())
        if options:
            print(f"      options: {', '.join(options)}")
        reasons = getattr(stage, "reasons", ())
        if reasons:
            print(f"      reasons: {', '.join(reasons)}")


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwind like Ctrl-C, so that workers stop and temporary files and spools go."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def main() -> None:
    import signal

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        print("corpusclean: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Terminated as stop:
        print(f"corpusclean: stopped by signal {stop.args[0]}", file=sys.stderr)
        sys.exit(128 + stop.args[0])
