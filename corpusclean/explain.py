"""`corpusclean explain`: one page or record, each removed line marked with the stage and reason."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from corpusclean.config import Config
from corpusclean.document import Document, Removal
from corpusclean.pipeline import document_stages, run_stages
from corpusclean.read.paths import InputFile
from corpusclean.read.sources import read_input

KEPT, REMOVED, CUT = "  ", "- ", "~ "


def load_one(inp: InputFile, record: int | None, config: Config) -> tuple[Document | None, bool]:
    """The document of the input's line `record`, as run's messages and check's findings number a JSONL file's
    lines (blank ones too); a page, or a file rejected whole, is its only record, 1. For a file that breaks
    before that line (a truncated .gz), the unreadable reject that ends it, as run gives it. `record` None:
    the file's first record, wherever it is (after blank lines too). And whether that first record was taken
    from a file that holds more."""
    docs = read_input(inp, config.text_key, config.max_page_bytes, config.text_format, config.max_record_bytes)
    if record is None:
        first = next(docs, None)
        return first, first is not None and next(docs, None) is not None
    doc = None
    for doc in docs:
        if doc.location == f"{inp.shown}:{record}" or (doc.location == inp.shown and record == 1):
            return doc, False
    return (doc if doc is not None and doc.reject_reason == "unreadable" else None), False


def explain_document(doc: Document, config: Config) -> Document:
    """Every per-document stage; corpus stages (templates, dedup) need a corpus and are left out."""
    return run_stages(document_stages(config), doc, defaultdict(float))


def explained_lines(doc: Document) -> Iterator[tuple[str, str, str | None]]:
    """(marker, text, 'stage: reason' or None) for each line, cut sentences after their line."""
    removals = {step.line: step for step in doc.trace if doc.verdicts[step.line] == step.reason}
    cuts: dict[int, list[Removal]] = defaultdict(list)
    for step in doc.trace:
        if step.line not in removals or removals[step.line] is not step:
            cuts[step.line].append(step)
    for index, line in enumerate(doc.lines):
        step = removals.get(index)
        if step is None:
            yield KEPT, line, None
        else:
            yield REMOVED, step.text, f"{step.stage}: {step.reason}"
        for cut in cuts.get(index, []):
            yield CUT, cut.text, f"{cut.stage}: {cut.reason}"


def render(doc: Document, console: Any) -> None:
    from rich.text import Text

    rejection = Text(f"rejected: {doc.reject_reason} ({doc.reject_detail})", style="bold red") if doc.rejected else None
    if rejection is not None and not doc.lines:
        console.print(rejection, soft_wrap=True)
        return
    for marker, text, why in explained_lines(doc):
        line = Text(marker + text, style=None if why is None else "red strike" if marker == REMOVED else "yellow")
        if why:
            line.append(f"   [{why}]", style="dim")
        console.print(line, soft_wrap=True)
    console.print()
    if rejection is not None:
        console.print(rejection, soft_wrap=True)
    console.print(Text("metadata", style="bold"))
    console.print(Text(f"  created: {doc.created}"), soft_wrap=True)
    for key, value in doc.metadata.items():
        console.print(Text(f"  {key}: {value}"), soft_wrap=True)
