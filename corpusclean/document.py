"""The document that flows through the pipeline, and what a line stage says about its lines.

A document carries its lines and, beside them, one verdict per line: None while the line is kept, a
reason code (``boilerplate.copyright``) once a stage removed it. Nothing is deleted; the writer joins the
kept lines and ``--explain`` shows the trace.

Line stages judge a Simplified form of the lines (``judged_lines``) whatever script the output is in, so
their vocabularies (all Simplified) and the user's phrases match a page written or converted to
Traditional; what they lift into fields is given back in the document's own script.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Collection, Mapping, NamedTuple, Sequence

from corpusclean.write.schema import METADATA

METADATA_KEYS = tuple(METADATA)  # declared with their types in corpusclean/write/schema.py
# `created` is one value with its precision and zone: set together or not at all.
CREATED_KEYS = ("created", "created_precision", "created_timezone")
# Metadata a page states in words, lifted from its lines or its HTML: in the output script like the text.
LIFTED_FIELDS = ("title", "author", "editor", "publisher")


def empty_metadata() -> dict[str, Any]:
    """Every metadata key, None until something is found (the writer gives each its type's empty value).
    `extra` holds a dict: the input record's fields the tool does not use."""
    return dict.fromkeys(METADATA_KEYS)


class Removal(NamedTuple):
    """One step of a document's trace: a line removed, or a part cut out of a kept line."""

    line: int       # index into the document's lines
    stage: str
    reason: str
    text: str       # what was removed


class Cut(NamedTuple):
    """A verdict that keeps part of a line: the spans kept, in order; the rest is removed for `reason`."""

    kept: tuple[tuple[int, int], ...]
    reason: str

    def apply(self, line: str) -> tuple[str, str]:
        """(what remains of the line, stripped; what was cut, joined and stripped)."""
        remains, cut, start = [], [], 0
        for begin, end in self.kept:
            cut.append(line[start:begin])
            remains.append(line[begin:end])
            start = end
        cut.append(line[start:])
        return "".join(remains).strip(), "".join(cut).strip()


Verdict = str | Cut | None


# Judged and DocView are made for every document by every line stage: named tuples are as read-only as frozen
# dataclasses and 2x quicker to make (0.9 and 2.2 us each as frozen dataclasses).
NO_FIELDS: Mapping[str, str | None] = MappingProxyType({})


class Judged(NamedTuple):
    """What a line stage says of the lines it was given: one verdict each, and any fields they state."""

    verdicts: list[Verdict]
    fields: Mapping[str, str | None] = NO_FIELDS


class DocView(NamedTuple):
    """What a line stage may know of its document besides the lines (read-only)."""

    title: str | None       # the headline found so far, in the judged (Simplified) form
    lang: str | None
    format: str             # txt | html: what the page was (a record we wrote from HTML is html, though its text is text)
    source: str
    url: str | None = None  # the page's address (its path may carry the publication date)
    # Each line's verdict so far (None: kept), all the document's lines: what earlier stages removed.
    verdicts: Sequence[str | None] = ()


@dataclass
class Document:
    id: str
    source: str
    location: str                       # "path" or "path:line", for people's messages
    # The input file it was read from (InputFile.name), which the report counts it under: a record read back
    # keeps the metadata.path of the file it first came from.
    input_name: str = ""
    raw: bytes | None = None            # undecoded input; dropped once decoded
    input_bytes: int = 0                # size of what was read for it (raw bytes or record text), for the report
    declared_charset: str | None = None  # from a crawl wrapper or the input record
    format: str = "txt"                 # txt | html
    text: str = ""                      # decoded text (whole page, before line splitting)
    lines: list[str] = field(default_factory=list)
    verdicts: list[str | None] = field(default_factory=list)
    # The lines in Simplified script, index for index, when the lines themselves are Traditional; None when
    # the lines are their own Simplified form.
    folded: list[str] | None = None
    trace: list[Removal] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=empty_metadata)
    preset: frozenset[str] = frozenset()  # metadata keys the input itself stated (read.sources); detectors leave them
    created: str | None = None
    added: str | None = None            # when the input was acquired: the input record's own `added` (Dolma)
    # What per-site stages (template lines) group documents by: the folder a page file is in, or a JSONL
    # record's own source; "" means the source.
    site: str = ""
    reject_reason: str | None = None
    reject_detail: str | None = None

    def __post_init__(self) -> None:
        if not self.site:
            self.site = self.source

    # Pickled as the tuple of its fields, in order: a document waits in the spool between two segments, and
    # unpickling one from its __dict__ took 40% longer (19 against 13.5 us a synthetic page). The trace's
    # steps go as plain tuples: pickle asks a named tuple's class for the arguments to make each one anew,
    # which took half the time of the whole document (synthetic text page: 17 -> 10 us to pickle, 26 -> 13
    # to unpickle).
    def __getstate__(self) -> tuple:
        state = [self.__dict__[name] for name in _FIELD_NAMES]
        state[_TRACE] = list(map(tuple, self.trace))
        return tuple(state)

    def __setstate__(self, state: tuple) -> None:
        self.__dict__.update(zip(_FIELD_NAMES, state))
        self.trace = list(map(Removal._make, self.trace))

    def set_lines(self, lines: list[str]) -> None:
        self.lines = lines
        self.verdicts = [None] * len(lines)
        self.folded = None

    def judged_lines(self) -> list[str]:
        """The lines as line stages see them: in Simplified script."""
        return self.lines if self.folded is None else self.folded

    def kept_indices(self) -> list[int]:
        return [i for i, v in enumerate(self.verdicts) if v is None]

    def kept_lines(self, also: Collection[str] = ()) -> list[str]:
        """The lines no stage removed, and those removed for one of the reasons `also`."""
        return [line for line, v in zip(self.lines, self.verdicts) if v is None or v in also]

    def remove(self, index: int, stage: str, reason: str) -> None:
        self.verdicts[index] = reason
        self.trace.append(Removal(index, stage, reason, self.lines[index]))

    def cut(self, index: int, stage: str, cut: Cut) -> None:
        """Keep part of a line; a line left empty is removed. A Traditional line whose Simplified form has
        another length (the spans would not fit it) is kept whole: losing text is worse than a repeat."""
        if self.folded is not None and len(self.folded[index]) != len(self.lines[index]):
            return
        remains, removed = cut.apply(self.lines[index])
        if not remains:
            self.remove(index, stage, cut.reason)
            return
        self.lines[index] = remains
        if self.folded is not None:
            self.folded[index] = cut.apply(self.folded[index])[0]
        self.trace.append(Removal(index, stage, cut.reason, removed))

    def view(self) -> DocView:
        # (positional arguments: a named tuple made with keywords costs 120 ns more, 8 times a document)
        return DocView(self.judged_title(), self.metadata.get("lang"), self.metadata.get("format") or self.format,
                       self.source, self.metadata.get("url"), self.verdicts)

    def judged_title(self) -> str | None:
        """The title in the judged form: the Simplified words of the line it came from."""
        title = self.metadata.get("title")
        if title is None or self.folded is None:
            return title
        for line, folded in zip(self.lines, self.folded):
            start = line.find(title)
            if start >= 0 and len(line) == len(folded):
                return folded[start:start + len(title)]
        return title

    def unfold(self, value: str) -> str:
        """A value found in the judged lines, in the lines' own script: the same span of the line it was
        read from (Simplified folding keeps lengths on nearly every line), else the value as found."""
        if self.folded is None:
            return value
        for line, folded in zip(self.lines, self.folded):
            start = folded.find(value)
            if start >= 0 and len(line) == len(folded):
                return line[start:start + len(value)]
        return value

    def fill(self, fields: Mapping[str, str | None]) -> None:
        """Fields a stage found, where nothing filled them yet (HTML <meta>, the input record) and the input
        did not state them (a value; an empty title too, which a record we wrote states where it found none);
        ``created`` with its precision and zone, as one value."""
        if fields.get("created") is not None and self.created is None and "created_precision" not in self.preset:
            self.created = fields["created"]
            self.metadata["created_precision"] = fields.get("created_precision")
            self.metadata["created_timezone"] = fields.get("created_timezone")
        for key, value in fields.items():
            if value is None or key in CREATED_KEYS or key in self.preset:
                continue
            if self.metadata.get(key) is None:
                self.metadata[key] = self.unfold(value) if key in LIFTED_FIELDS else value

    def reject(self, reason: str, detail: str | None = None) -> None:
        self.reject_reason = reason
        self.reject_detail = detail

    @property
    def rejected(self) -> bool:
        return self.reject_reason is not None

    def clean_text(self, also: Collection[str] = ()) -> str:
        return "\n".join(self.kept_lines(also))


_FIELD_NAMES = tuple(each.name for each in fields(Document))
_TRACE = _FIELD_NAMES.index("trace")
