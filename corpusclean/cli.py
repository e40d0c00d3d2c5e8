"""The command line: `corpusclean run`, `check`, `explain`, `stages`. Data on stdout, messages on stderr."""

from __future__ import annotations

import glob
import inspect
import os
import stat
import sys
from dataclasses import Field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

# No stage does linear algebra, yet numpy's OpenBLAS starts a thread per core at import, and those threads
# cost a run 50-100 ms of CPU (a run on one page: 0.45 -> 0.34 s): one thread, unless the user asks otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer  # noqa: E402

from corpusclean import __version__

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Clean and deduplicate scraped Chinese and English news pages into JSONL.\n\n"
    "Example: corpusclean run seeds/ > clean.jsonl",
)

EXIT_USAGE, EXIT_INTERRUPTED = 2, 130   # 0 ok and 1 a dataset problem come from the commands themselves


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
    """Whether the input at `path` is the target file; for '-', whether standard input is (`< in.jsonl`)."""
    try:
        return os.path.samestat(os.fstat(0) if path == "-" else os.stat(path), target)
    except OSError:
        return False


def _standard_output_as_dash(name: Optional[str]) -> Optional[str]:
    """'-' for an output path that names the file standard output writes to (/dev/stdout, /dev/fd/1, the file
    of `> out.jsonl`), which is then written through standard output, as the shell's >&1 does: put in place
    by a rename, it replaced what the run wrote there (`run in/ --rejects /dev/stdout > out.jsonl` left the
    rejects alone), and in a pipe it could not be made. A terminal or /dev/null (a character device) is
    written directly and may take several outputs."""
    if name in (None, "", "-"):
        return name
    try:
        target = os.stat(name)
        same = os.path.samestat(os.fstat(1), target)
    except (OSError, ValueError):
        return name
    return "-" if same and not stat.S_ISCHR(target.st_mode) else name


def _refuse_overlap(outputs: dict[str, Optional[str]], inputs: list, args: list[str]) -> None:
    """Two outputs in one file would lose one of them; an output inside an input folder would be read back
    next run; equal to an input it would destroy it."""
    on_stdout = [option for option, out in outputs.items() if out == "-" or (option == "--output" and out is None)]
    if len(on_stdout) > 1:  # rejects or the report among the records, or each other
        raise _usage_error(f"{on_stdout[1]} and {on_stdout[0]} both write to standard output")
    from corpusclean.read.paths import as_text, glob_matches
    from corpusclean.write.sink import input_written_to

    for fd, stream, what in ((1, "standard output", "the records"), (2, "standard error", "the messages")):
        same = input_written_to(fd, [i.path for i in inputs]) if fd == 2 or on_stdout else None
        if same is not None:
            read = "standard input" if same == "-" else f"the input file {as_text(same)}"
            raise _usage_error(f"{stream} is also {read}: write {what} elsewhere"
                               + (" (-o FILE outside the input folders)" if fd == 1 else ""))
    named = {option: out for option, out in outputs.items() if out not in (None, "-")}
    if not named:
        return
    seen: dict[Path, str] = {}
    for option, out in named.items():
        target = Path(os.path.realpath(out))
        if target in seen and not (os.path.exists(target) and target.is_char_device()):  # /dev/null may take both
            raise _usage_error(f"{option} and {seen[target]} name the same file {out}")
        seen[target] = option
    outputs = list(named.values())
    # The folders walked: those named, and those a glob matches ('crawl/*'), as read.paths.find_inputs finds them.
    patterns = [a for a in args if a != "-" and not os.path.exists(a) and glob.has_magic(a)]
    matched = [match for a in patterns for match in glob.glob(a, recursive=True)]
    folders = [Path(a).resolve() for a in [*args, *matched] if a != "-" and os.path.isdir(a)]
    for out in outputs:
        if out in (None, "-"):
            continue
        target = Path(os.path.realpath(out))
        # Only an existing file can be an input; comparing file identities is cheaper than resolving paths.
        if os.path.exists(target):  # False, not an error, where it cannot be looked at: the sink says why
            target_stat = target.stat()
            same = next((i.path for i in inputs if _same_file(i.path, target_stat)), None)
            if same is not None:
                raise _usage_error(f"output {out} is also {'standard input' if same == '-' else 'an input file'}")
        for folder in folders:
            if folder in target.parents:
                raise _usage_error(f"output {out} is inside the input folder {folder}")
        # Not yet there, it is no input of this run, but the next run's glob would read it.
        pattern = next((p for p in patterns if glob_matches(p, out)), None)
        if pattern is not None:
            raise _usage_error(f"output {out} is a file the input glob {pattern!r} matches: the next run would read it")


def setting_parameter(setting: Field) -> inspect.Parameter:
    """A setting's command-line option, built from its declaration in corpusclean/config.py. Its default
    is None, so that a setting the user does not give comes from the config file or the declaration."""
    meta = setting.metadata
    shown = ("on" if setting.default else "off") if isinstance(setting.default, bool) else setting.default
    annotation: Any = {"str": str, "bool": bool, "int": int, "float": float}[str(setting.type)]
    if meta["choices"]:  # typer offers choices as the members of an Enum
        annotation = Enum(setting.name, {choice: choice for choice in meta["choices"]}, type=str)
    default = f" [{shown}]" if shown != "" else ""
    return inspect.Parameter(
        setting.name, inspect.Parameter.KEYWORD_ONLY, annotation=Optional[annotation],
        default=typer.Option(None, *meta["flags"], help=f"{meta['help'][0].upper()}{meta['help'][1:]}{default}.",
                             show_default=False),
    )


def with_settings(command: Callable, names: tuple[str, ...] | None = None) -> Callable:
    """The command with an option for each setting that has a flag (or for the named ones), given to it as
    keyword arguments (**settings)."""
    from corpusclean.config import settings

    chosen = [s for s in settings() if s.metadata["flags"] and (names is None or s.name in names)]
    own = [p for p in inspect.signature(command).parameters.values() if p.kind != p.VAR_KEYWORD]
    command.__signature__ = inspect.Signature(own + [setting_parameter(s) for s in chosen])  # type: ignore[attr-defined]
    return command


def _load(config_file: Optional[str], overrides: dict, paths: list[str]) -> tuple:
    """The config, the input files and the paths skipped on the way to them."""
    from corpusclean.config import ConfigError, load_config
    from corpusclean.read.paths import UsageError, find_inputs

    values = {key: value.value if isinstance(value, Enum) else value for key, value in overrides.items()}
    try:
        config = load_config(config_file, values)
        return (config, *find_inputs(paths, config.follow_links, config.source))
    except (ConfigError, UsageError) as err:
        raise _usage_error(str(err)) from None


def run(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin.", metavar="PATH..."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write JSONL here instead of stdout."),
    rejects: Optional[str] = typer.Option(
        None, "--rejects", help="Write rejected inputs (with reject_reason) here; - for stdout, with -o FILE."),
    report: Optional[str] = typer.Option(
        None, "--report", help="Write the run report (counts, timings) as JSON here; - for stdout, with -o FILE."),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="Same as --dedup none."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary table."),
    **settings: Any,
) -> None:
    """Clean pages into JSONL: decode, extract, strip boilerplate, dedup.

    Example: corpusclean run seeds/ -o clean.jsonl --rejects rejects.jsonl --report report.json
    """
    if no_dedup:
        given = settings.get("dedup")
        given = given.value if isinstance(given, Enum) else given
        if given not in (None, "none"):  # one of the two was dropped without a word
            raise _usage_error(f"--no-dedup and --dedup {given} contradict each other: give one of them")
        settings["dedup"] = "none"
    if settings.get("source") == "":  # an unset variable (--source "$NAME"): the folders' names, without a word
        raise _usage_error("--source names no source: the name is empty")
    config, inputs, skipped = _load(config_file, settings, paths)
    from corpusclean.config import voided

    problem = voided(config, {name for name, value in settings.items() if value is not None})
    if problem:
        raise _usage_error(problem)
    from corpusclean.api import default_jobs

    try:  # --jobs 100000 forked until the kernel killed the run, leaving its temporary output and spool behind
        default_jobs(config)
    except ValueError as err:
        raise _usage_error(str(err)) from None
    if config.engine == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise _usage_error("--engine ray needs Ray: pip install 'corpusclean[ray]'")
    outputs = {"--output": output, "--rejects": rejects, "--report": report}
    for flag, name in outputs.items():
        if name == "":  # --rejects "" wrote nothing, -o "" said 'cannot write : it is a folder'
            raise _usage_error(f"{flag} names no file: the path is empty")
    outputs = {flag: _standard_output_as_dash(name) for flag, name in outputs.items()}
    output, rejects, report = outputs.values()
    _refuse_overlap(outputs, inputs, paths)
    from corpusclean.runner import run_command

    raise typer.Exit(run_command(config, inputs, output, rejects, report, quiet, skipped))


app.command()(with_settings(run))


from corpusclean.check.command import check  # noqa: E402  (typer only at import time)

app.command()(check)


def explain(
    path: str = typer.Argument(..., help="A page (txt or HTML) or a JSONL file; - for stdin."),
    record: Optional[int] = typer.Option(None, "--record", "-n", min=1, help="The record at this line of a JSONL file (as run's messages and check number lines); default: its first record."),
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
    **settings: Any,
) -> None:
    """Show which lines of one page the cleaning removes, and why, then the metadata found.

    Example: corpusclean explain seeds/004_a5b3ca67eec450e6.txt | less -R

    Removed lines are marked "- " (struck through on a terminal), sentences cut out of a kept line "~ ",
    each with the stage and reason code. Per-site templates and dedup need a whole corpus and are not run.
    """
    config, inputs, skipped = _load(config_file, settings, [path])
    if len(inputs) != 1:
        from corpusclean.read.paths import skip_messages
        from corpusclean.ui import error

        for message in skip_messages(skipped):  # why a path gives no file, as run says it
            error(message)
        raise _usage_error(f"explain takes one file; {path} gives {len(inputs)}")
    from rich.console import Console

    from corpusclean.explain import explain_document, load_one, render

    doc, more = load_one(inputs[0], record, config)
    if doc is None:
        raise _usage_error(f"{path} has no record at line {record}" if record else f"{path} holds no record")
    if more:  # which one of many is explained, or a user takes it for the file's only record
        from corpusclean.ui import error

        error(f"{doc.location}: the file's first record, of several (--record N explains the one at line N)")
    render(explain_document(doc, config), Console(no_color="NO_COLOR" in os.environ, highlight=False))
    from corpusclean.read.sources import READ_ERRORS

    if doc.reject_reason in READ_ERRORS:  # as `run` would exit on this input
        raise typer.Exit(1)


# The settings that change what one page's cleaning removes; the others are about whole runs.
app.command()(with_settings(explain, ("text_key", "text_format", "script", "cjk_punct")))


@app.command()
def stages(
    config_file: Optional[str] = typer.Option(None, "--config", help="Read settings from this TOML file."),
) -> None:
    """List the pipeline in order: each stage, its kind, its options and the reason codes it gives.

    Example: corpusclean stages --config corpusclean.toml

    The stages are those `run` builds from the settings (the config file given, or found as `run` finds it):
    a stage a setting turns off is not listed, and an option set to another value than its default says so.
    """
    from corpusclean.config import ConfigError, load_config, settings
    from corpusclean.pipeline import build_pipeline

    try:
        config = load_config(config_file, {})
    except ConfigError as err:
        raise _usage_error(str(err)) from None
    declared = {setting.name: setting for setting in settings()}
    for number, stage in enumerate(build_pipeline(config), 1):
        print(f"{number:2}. {stage.name} ({stage.kind} stage, {type(stage).__module__})")
        doc = (type(stage).__doc__ or "").strip().splitlines()
        if doc:
            print(f"      {doc[0]}")
        for name in stage.options:
            setting = declared[name]
            where = " ".join(setting.metadata["flags"]) or "config file"
            value = getattr(config, name)
            here = f", set to {value!r}" if value != setting.default else ""
            print(f"      option {name} ({where}, default {setting.default!r}{here}): {setting.metadata['help']}")
        if stage.reasons:
            print(f"      removes lines as: {', '.join(stage.reasons)}")
        if stage.rejects_with:
            print(f"      rejects documents as: {', '.join(stage.rejects_with)}")


def main() -> None:
    import signal

    from corpusclean.stopping import Stopped, stop
    from corpusclean.ui import error, guard_stderr
    from corpusclean.write.sink import OutputError, guard_stdout

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    guard_stdout()
    guard_stderr()
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:  # a buffer's failing write shows here, not as 'Exception ignored' at exit
                sys.stdout.flush()
    except OutputError as err:  # standard output full, or closed
        error(str(err))
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:  # the reader went away (`| head`) before the last buffer: quietly, as click does
        sys.exit(1)
    except Stopped as stopped:
        if stopped.args[0] == signal.SIGINT:
            print("corpusclean: interrupted", file=sys.stderr)
            sys.exit(EXIT_INTERRUPTED)
        print(f"corpusclean: stopped by signal {stopped.args[0]}", file=sys.stderr)
        sys.exit(128 + stopped.args[0])
