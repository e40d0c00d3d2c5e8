"""The document that flows through the pipeline, and the three stage shapes.

A document carries its lines and, beside them, one verdict per line: None while the line is kept, a
reason code (``boilerplate.copyright``) once a stage removed it. Nothing is deleted; the writer joins the
kept lines and ``--explain`` shows the trace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

Verdict = str | None

METADATA_KEYS = (
    "path", "line", "url", "title", "author", "editor", "publisher",
    "lang", "script", "encoding", "format", "replacement_chars",
)


def empty_metadata() -> dict[str, Any]:
    """Every record has every key, with null where nothing was found (one type per key)."""
    return dict.fromkeys(METADATA_KEYS)


@dataclass
class Document:
    id: str
    source: str
    location: str                       # "path" or "path:line", for people's messages
    raw: bytes | None = None            # undecoded input; dropped once decoded
    input_bytes: int = 0                # size of what was read for it (raw bytes or record text), for the report
    declared_charset: str | None = None  # from a crawl wrapper or the input record
    format: str = "txt"                 # txt | html
    text: str = ""                      # decoded text (whole page, before line splitting)
    lines: list[str] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    trace: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=empty_metadata)
    preset: frozenset[str] = frozenset()  # metadata keys the input itself stated; detectors leave them
    created: str | None = None
    reject_reason: str | None = None
    reject_detail: str | None = None

    def set_lines(self, lines: list[str]) -> None:
        self.lines = lines
        self.verdicts = [None] * len(lines)

    def kept_indices(self) -> list[int]:
        return [i for i, v in enumerate(self.verdicts) if v is None]

    def kept_lines(self) -> list[str]:
        return [line for line, v in zip(self.lines, self.verdicts) if v is None]

    def remove(self, index: int, stage: str, reason: str) -> None:
        self.verdicts[index] = reason
        self.trace.append({"line": index, "stage": stage, "reason": reason, "text": self.lines[index]})

    def remove_judged(self, indices: list[int], verdicts: list[Verdict], stage: str) -> None:
        """Apply one verdict per line index (as a judge returned them for those lines)."""
        for index, verdict in zip(indices, verdicts):
            if verdict is not None:
                self.remove(index, stage, verdict)

    def edit(self, index: int, stage: str, reason: str, new_line: str, removed_text: str) -> None:
        """Replace a kept line by a shorter one (a sentence cut out of it), keeping the cut in the trace."""
        self.lines[index] = new_line
        self.trace.append({"line": index, "stage": stage, "reason": reason, "text": removed_text})

    def reject(self, reason: str, detail: str | None = None) -> None:
        self.reject_reason = reason
        self.reject_detail = detail

    @property
    def rejected(self) -> bool:
        return self.reject_reason is not None

    def clean_text(self) -> str:
        return "\n".join(self.kept_lines())


class DocumentStage(Protocol):
    """Document -> Document. Rejects by calling ``doc.reject(reason)``; never drops a document silently."""

    name: str

    def __call__(self, doc: Document) -> Document: ...


class LineStage(Protocol):
    """One verdict per kept line: a reason code to remove it, None to keep it. Pure: no state, no I/O."""

    name: str

    def judge(self, lines: list[str]) -> list[Verdict]: ...


class CorpusStage(Protocol):
    """A stage that needs the whole corpus, split as map -> reduce -> apply so it can run per shard.

    ``summarize`` runs once per document (in any worker) and returns a small picklable summary;
    ``fit`` merges all summaries into a model; ``apply`` uses the model on each document; ``describe`` sums
    the model up for the report. A filter, whose ``apply`` only rejects documents, also has
    ``rejects(summary, model) -> bool``, whether ``apply`` rejects the document of that summary: the next
    corpus stage can then summarize the documents in the same pass.
    """

    name: str

    def summarize(self, doc: Document) -> Any: ...

    def fit(self, summaries: Iterable[Any]) -> Any: ...

    def apply(self, doc: Document, model: Any) -> Document: ...

    def describe(self, model: Any) -> dict[str, Any]:
        """What the model learned, in numbers, for the run report."""
        ...


def apply_line_stage(stage: LineStage, doc: Document) -> Document:
    """Run a line stage on the lines still kept and record its verdicts in the document. A stage that needs
    to know more than the lines (the title, the input format) has ``context(doc)``: judge gets its answer."""
    kept = doc.kept_indices()
    lines = [doc.lines[i] for i in kept]
    verdicts = stage.judge(lines, stage.context(doc)) if hasattr(stage, "context") else stage.judge(lines)
    if len(verdicts) != len(kept):
        raise ValueError(f"stage {stage.name} gave {len(verdicts)} verdicts for {len(kept)} lines")
    doc.remove_judged(kept, verdicts, stage.name)
    return doc
