"""One frozen configuration object; its field names are the command-line option names."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

SCRIPTS = ("keep", "hans", "hant", "tw", "hk")
DEDUP_MODES = ("none", "exact", "near")
KEEP_POLICIES = ("first", "longest", "earliest")
TEXT_FORMATS = ("text", "html", "auto")


@dataclass(frozen=True)
class Config:
    text_key: str = "text"              # where JSONL inputs keep their text
    text_format: str = "text"           # a JSONL text is: text | html | auto (html when it starts as a document)
    script: str = "hans"                # target Chinese script: keep | hans | hant | tw | hk
    cjk_punct: bool = True              # ASCII , : ; ( ) ! ? between Han characters -> full width
    template: bool = True               # learn per-site template lines across the corpus
    template_min_docs: int = 5          # a template line recurs in at least this many pages of a site
    template_min_share: float = 0.3     # ... and in at least this share of the site's pages
    dedup: str = "near"                 # none | exact | near
    dedup_threshold: float = 0.7        # MinHash Jaccard estimate at which documents merge (bench/dedup_eval.py)
    keep: str = "first"                 # which copy of a duplicate cluster stays: first | longest | earliest
    explain: bool = False               # each record carries its trace of removed lines
    jobs: int = 0                       # worker processes; 0 = one per core
    max_page_bytes: int = 8_000_000     # larger inputs are rejected as too_large
    max_record_bytes: int = 8_000_000   # larger JSONL lines are rejected as too_large
    follow_links: bool = False          # read symbolic links that leave the input folder, enter linked folders
    extra_boilerplate: tuple[str, ...] = ()  # more boilerplate phrases, from the config file
    extra_titles: tuple[str, ...] = ()       # more official titles for the sidebar stage

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")
        if self.dedup not in DEDUP_MODES:
            raise ValueError(f"dedup must be one of {', '.join(DEDUP_MODES)}, not {self.dedup!r}")
        if self.text_format not in TEXT_FORMATS:
            raise ValueError(f"text_format must be one of {', '.join(TEXT_FORMATS)}, not {self.text_format!r}")
        if self.keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, not {self.keep!r}")
        if not 0.0 < self.dedup_threshold <= 1.0:
            raise ValueError(f"dedup_threshold must be in (0, 1], not {self.dedup_threshold}")


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
        if pyproject.is_file() and "corpusclean" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: {err}") from err


def file_settings(path: Path) -> dict[str, Any]:
    """The settings a file holds: [tool.corpusclean] of a pyproject.toml, the whole corpusclean.toml."""
    data = _read_toml(path)
    table = data.get("tool", {}).get("corpusclean", {}) if path.name == "pyproject.toml" else data
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    unknown = sorted(set(settings) - field_names())
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(field_names()))}")
    return settings


def load_config(config_file: str | None, overrides: dict[str, Any], start: Path | None = None) -> Config:
    """File settings (given, or found from `start` upwards), then command-line options on top."""
    path = Path(config_file) if config_file else find_config_file(start or Path.cwd())
    if config_file and not path.is_file():  # type: ignore[union-attr]
        raise ConfigError(f"config file not found: {config_file}")
    settings = file_settings(path) if path else {}
    settings.update({key: value for key, value in overrides.items() if value is not None})
    for key in ("extra_boilerplate", "extra_titles"):
        if key in settings:
            settings[key] = tuple(settings[key])
    try:
        return Config(**settings)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{path or 'options'}: {err}") from err
