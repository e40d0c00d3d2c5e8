"""One frozen configuration object. Each setting is declared once, here: its default, its command-line
flag (if any), its choices or range, and its help. The command line, the config file, validation and
`corpusclean stages` all read these declarations."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

SCRIPTS = ("keep", "hans", "hant", "tw", "hk")
DEDUP_MODES = ("none", "exact", "near")
KEEP_POLICIES = ("first", "longest", "earliest")
TEXT_FORMATS = ("text", "html", "auto")
ENGINES = ("local", "ray")


ONE_LINE_NAME = "a name with a visible character, on one line"


def is_one_line_name(name: str) -> bool:
    """What a name that ids and paths are made of must be (--source, the API's `name`): a blank one wrote ids
    '  /a.txt' or '#1', one with a line break ids over two lines of a message."""
    return bool(name.strip()) and name.splitlines() == [name]


def option(
    default: Any, *flags: str, help: str, choices: tuple[str, ...] = (),
    valid: Callable[[Any], bool] | None = None, must: str = "",
    acts: Callable[[Any], bool] | None = None, only: str = "",
) -> Any:
    """A setting. `flags` are its command-line option names ("--jobs", "-j"; "--template/--no-template"),
    none for a setting only a config file sets; `valid` and `must` say which values it takes; `acts` says
    whether it has any effect under a config, for a setting that others can void, and `only` why not (a format
    string of `config`)."""
    metadata = {"flags": flags, "help": help, "choices": choices, "valid": valid, "must": must, "acts": acts,
                "only": only}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Config:
    source: str = option("", "--source", help="the records' source: a name for the crawl or dataset (default: the "
                         "name of the folder each file is in; a JSONL record's own source is kept); ids start with it",
                         valid=lambda name: not name or is_one_line_name(name), must=ONE_LINE_NAME)
    text_key: str = option("text", "--text-key", help="field holding the text in JSONL inputs",
                           valid=lambda key: bool(key.strip()), must="a field name with a visible character")
    text_format: str = option("text", "--text-format", choices=TEXT_FORMATS,
                              help="what a JSONL text is: text, html, or auto (html when it starts as an HTML page)")
    script: str = option("hans", "--script", choices=SCRIPTS, help="convert Chinese to this script (keep: leave it)")
    cjk_punct: bool = option(True, "--cjk-punct/--no-cjk-punct",
                             help="ASCII , : ; ( ) ! ? between Han characters become full width")
    template: bool = option(True, "--template/--no-template", help="learn and remove per-site template lines")
    template_min_docs: int = option(5, help="a template line recurs in at least this many pages of a site",
                                    valid=lambda n: n >= 1, must="at least 1")
    template_min_share: float = option(0.3, help="... and in at least this share of the site's pages",
                                       valid=lambda x: 0.0 < x <= 1.0, must="in (0, 1]")
    dedup: str = option("near", "--dedup", choices=DEDUP_MODES, help="duplicate removal: none, exact, or near "
                        "(exact, then MinHash near duplicates)")
    dedup_threshold: float = option(0.7, "--dedup-threshold", help="MinHash similarity at which two documents "
                                    "are near duplicates (bench/dedup_eval.py)",
                                    valid=lambda x: 0.0 < x <= 1.0, must="in (0, 1]",
                                    acts=lambda config: config.dedup == "near",
                                    only="only near dedup uses it, and dedup is {config.dedup!r}")
    keep: str = option("first", "--keep", choices=KEEP_POLICIES, help="which copy of a duplicate cluster stays",
                       acts=lambda config: config.dedup != "none",
                       only="it picks the copy dedup keeps, and dedup is off ('none')")
    explain: bool = option(False, "--explain/--no-explain", help="each record also carries its trace of removed lines")
    jobs: int = option(0, "--jobs", "-j", help="worker processes; 0 = one per core", valid=lambda n: n >= 0,
                       must="0 or more",
                       acts=lambda config: config.engine == "local" or not os.environ.get("RAY_ADDRESS"),
                       only="with --engine ray and RAY_ADDRESS set, the cluster's own CPUs run the work")
    engine: str = option("local", "--engine", choices=ENGINES,
                         help="where the pipeline runs: local (worker processes) or ray (a Ray cluster; "
                         "pip install 'corpusclean[ray]')")
    max_page_bytes: int = option(8_000_000, help="larger inputs are rejected as too_large",
                                 valid=lambda n: n >= 1, must="at least 1")
    max_record_bytes: int = option(8_000_000, help="larger JSONL lines are rejected as too_large",
                                   valid=lambda n: 1 <= n < sys.maxsize,  # a line of it and one byte is read
                                   must=f"from 1 to {sys.maxsize - 1}")
    follow_links: bool = option(False, "--follow-links/--no-follow-links",
                                help="read symbolic links that leave an input folder, enter linked folders")
    max_page_elements: int = option(100_000, help="HTML pages with more elements are rejected as too_complex",
                                    valid=lambda n: n >= 1, must="at least 1")
    max_page_lines: int = option(10_000, help="pages with more lines are rejected as too_complex",
                                 valid=lambda n: n >= 1, must="at least 1")
    extra_boilerplate: tuple[str, ...] = option((), help="more boilerplate phrases")
    extra_titles: tuple[str, ...] = option((), help="more official titles for the sidebar stage")

    def __post_init__(self) -> None:
        for setting in fields(self):
            value = getattr(self, setting.name)
            if isinstance(value, list):  # as a TOML file and a caller write a list; held as a tuple, frozen
                object.__setattr__(self, setting.name, value := tuple(value))
            problem = _problem(setting, value)
            if problem:
                raise ValueError(f"{setting.name} {problem}")


# Each setting's declared type: the Python types its values may have, and how a message names it.
_TYPES = {
    "str": (str, "a string"), "bool": (bool, "true or false"), "int": (int, "a whole number"),
    "float": ((int, float), "a number"), "tuple[str, ...]": ((tuple, list), "a list of strings"),
}


def _shown(value: Any) -> str:
    """A setting's value in a message as it was written: a list is held as a tuple."""
    return repr(list(value)) if isinstance(value, tuple) else repr(value)


def _problem(setting: Field, value: Any) -> str | None:
    """What is wrong with a value of a setting, or None."""
    expected, named = _TYPES[str(setting.type)]
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        return f"must be {named}, not {_shown(value)}"
    if isinstance(value, (tuple, list)) and not all(isinstance(item, str) and item.strip() for item in value):
        return "must hold non-empty strings"
    choices, valid = setting.metadata["choices"], setting.metadata["valid"]
    if choices and value not in choices:
        return f"must be one of {', '.join(choices)}, not {_shown(value)}"
    if valid is not None and not valid(value):
        return f"must be {setting.metadata['must']}, not {_shown(value)}"
    return None


def voided(config: Config, given: set[str]) -> str | None:
    """Why a setting given for this run (on the command line) has no effect under the others, or None: one
    ignored without a word (`--dedup exact --dedup-threshold 0.9`) let the user believe it was used. A
    config file's setting that another voids is no error: a file serves many runs."""
    for setting in settings():
        acts = setting.metadata["acts"]
        if setting.name in given and acts is not None and not acts(config):
            flag = (setting.metadata["flags"] or (setting.name,))[0]
            return f"{flag} has no effect: {setting.metadata['only'].format(config=config)}; leave it out"
    return None


def settings() -> tuple[Field, ...]:
    """Every setting's declaration, in order."""
    return fields(Config)


def field_names() -> set[str]:
    return {f.name for f in fields(Config)}


class ConfigError(Exception):
    """A configuration file or option that cannot be used (exit 2)."""


def find_config_file(start: Path) -> Path | None:
    """corpusclean.toml, or a pyproject.toml with [tool.corpusclean], from `start` upwards."""
    for folder in (start, *start.parents):
        own = folder / "corpusclean.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_table(pyproject) is not None:
            return pyproject
    return None


def _tool_table(pyproject: Path) -> Any:
    """The [tool.corpusclean] value of a pyproject.toml (None when it has none), whatever its type."""
    tool = _read_toml(pyproject).get("tool")
    return tool.get("corpusclean") if isinstance(tool, dict) else None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: a run without a settings file never pays its import (2 ms)

    try:
        # a byte order mark opens the file as Notepad saves it; tomllib refuses it ("Invalid statement")
        return tomllib.loads(path.read_bytes().decode("utf-8").removeprefix("\ufeff"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 (byte {err.start + 1}), as a TOML file must be") from err


def file_settings(path: Path) -> dict[str, Any]:
    """The settings a file holds: [tool.corpusclean] of a pyproject.toml, the whole corpusclean.toml."""
    table = _tool_table(path) if path.name == "pyproject.toml" else _read_toml(path)
    if table is None:  # a pyproject.toml given by --config (one found upwards has the table)
        raise ConfigError(f"{path}: no [tool.corpusclean] table, so no settings")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.corpusclean] must be a table of settings, not {table!r}")
    found: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name in found:  # TOML sees two keys; one of the two values was dropped without a word
            raise ConfigError(f"{path}: {name} is set twice, as {spelled[name]} and as {key}")
        found[name], spelled[name] = value, key
    unknown = sorted(set(found) - field_names())
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(field_names()))}")
    return found


def load_config(config_file: str | None, overrides: dict[str, Any], start: Path | None = None) -> Config:
    """File settings (given, or found from `start` upwards), then command-line options on top."""
    if config_file == "":  # an unset variable (--config "$CONFIG"), not "find one"
        raise ConfigError("--config names no file: the path is empty")
    path = Path(config_file) if config_file else find_config_file(start or Path.cwd())
    if config_file:
        try:
            mode = os.stat(config_file).st_mode
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {config_file}") from None
        except OSError as err:  # a name longer than the system takes, a folder on its way it may not enter
            raise ConfigError(f"{config_file}: {err.strerror}") from None
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):  # a pipe: --config <(...)
            what = "a folder" if stat.S_ISDIR(mode) else "a device or socket"
            raise ConfigError(f"--config {config_file} is {what}, not a TOML file")
    values = file_settings(path) if path else {}
    given = {key: value for key, value in overrides.items() if value is not None}
    values.update(given)
    declared = {setting.name: setting for setting in settings()}
    for key, value in values.items():
        problem = _problem(declared[key], value)
        if problem:
            where = declared[key].metadata["flags"][0] if key in given else f"{path}: {key}"
            raise ConfigError(f"{where} {problem}")
    return Config(**values)
