"""corpusclean: clean and deduplicate scraped news pages into JSONL.

    import corpusclean
    record = corpusclean.clean_html(page_bytes, id="https://example.com/a.html")
    for record in corpusclean.clean_records(records, corpusclean.Config(dedup="exact")):
        ...

The names are imported when first used, so that `import corpusclean` (and `corpusclean --help`) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name and the module it lives in.
_HOMES = {
    "Config": "corpusclean.config",
    "Page": "corpusclean.api",
    "Record": "corpusclean.api",
    "clean_text": "corpusclean.api",
    "clean_html": "corpusclean.api",
    "clean_records": "corpusclean.api",
    "as_document": "corpusclean.api",
    "segments": "corpusclean.api",
    "output": "corpusclean.api",
    "run_stages": "corpusclean.pipeline",
    "Segment": "corpusclean.pipeline",
    "DocumentStage": "corpusclean.pipeline",
    "LineStage": "corpusclean.pipeline",
    "CorpusStage": "corpusclean.pipeline",
    "Document": "corpusclean.document",
}

__all__ = ["__version__", *_HOMES]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'corpusclean' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from corpusclean.api import Page, Record, clean_html, clean_records, as_document, clean_text, output, segments
    from corpusclean.config import Config
    from corpusclean.document import Document
    from corpusclean.pipeline import CorpusStage, DocumentStage, LineStage, Segment, run_stages
