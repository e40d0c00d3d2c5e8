"""One frozen configuration object; its field names are the command-line option names."""

from __future__ import annotations

from dataclasses import dataclass, fields

SCRIPTS = ("keep", "hans", "hant", "tw", "hk")
DEDUP_MODES = ("none", "exact", "near")
KEEP_POLICIES = ("first", "longest", "earliest")


@dataclass(frozen=True)
class Config:
    text_key: str = "text"              # where JSONL inputs keep their text
    script: str = "hans"                # target Chinese script: keep | hans | hant | tw | hk
    cjk_punct: bool = True              # ASCII , : ; ( ) ! ? between Han characters -> full width
    template: bool = True               # learn per-site template lines across the corpus
    template_min_docs: int = 3          # a template line recurs in at least this many pages of a site
    template_min_share: float = 0.3     # ... and in at least this share of the site's pages
    dedup: str = "near"                 # none | exact | near
    dedup_threshold: float = 0.8        # similarity above which two documents are near duplicates
    keep: str = "first"                 # which copy of a duplicate cluster stays: first | longest | earliest
    explain: bool = False               # each record carries its trace of removed lines
    jobs: int = 0                       # worker processes; 0 = one per core
    max_page_bytes: int = 8_000_000     # larger inputs are rejected as too_large
    extra_boilerplate: tuple[str, ...] = ()  # more boilerplate phrases, from the config file
    extra_titles: tuple[str, ...] = ()       # more official titles for the sidebar stage

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {self.script!r}")
        if self.dedup not in DEDUP_MODES:
            raise ValueError(f"dedup must be one of {', '.join(DEDUP_MODES)}, not {self.dedup!r}")
        if self.keep not in KEEP_POLICIES:
            raise ValueError(f"keep must be one of {', '.join(KEEP_POLICIES)}, not {self.keep!r}")
        if not 0.0 < self.dedup_threshold <= 1.0:
            raise ValueError(f"dedup_threshold must be in (0, 1], not {self.dedup_threshold}")


def field_names() -> set[str]:
    return {f.name for f in fields(Config)}
