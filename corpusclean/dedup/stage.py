"""The dedup corpus stage: summarize each document, fit clusters over all summaries, reject the copies."""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np

from corpusclean.config import Config
from corpusclean.dedup import cluster
from corpusclean.dedup.keys import spaced_forms, text_key
from corpusclean.dedup.minhash import signatures
from corpusclean.dedup.shingles import shingle_hashes_each
from corpusclean.document import Document
from corpusclean.fields.dates import in_utc
from corpusclean.pipeline import CorpusStage

# A document's summary packed in one bytes object: the main process holds one per document until the fit,
# and a tuple of Python objects took 780 bytes where this takes 600 (512 of them the signature). After the
# head come the id, the created date and the signature (num_perm uint32 in "near" mode, else nothing).
Summary = bytes
_HEAD = struct.Struct("<qQ??II")  # clean text length, exact key, has key, has created, id bytes, created bytes


def pack_summary(doc_id: str, created: str | None, length: int, key: int | None, near: bytes) -> Summary:
    id_bytes, created_bytes = doc_id.encode("utf-8"), (created or "").encode("utf-8")
    head = _HEAD.pack(length, key or 0, key is not None, created is not None, len(id_bytes), len(created_bytes))
    return b"".join((head, id_bytes, created_bytes, near))


def unpack_summary(summary: Summary) -> tuple[str, str | None, int, int | None, memoryview]:
    """(id, created, clean text length, exact key or None in mode "none", signature bytes, empty unless "near")"""
    length, key, has_key, has_created, id_size, created_size = _HEAD.unpack_from(summary)
    view = memoryview(summary)
    created_start = _HEAD.size + id_size
    near_start = created_start + created_size
    doc_id = str(view[_HEAD.size:created_start], "utf-8")
    created = str(view[created_start:near_start], "utf-8") if has_created else None
    return doc_id, created, length, key if has_key else None, view[near_start:]


def summary_id(summary: Summary) -> str:
    return unpack_summary(summary)[0]


@dataclass(frozen=True)
class DedupParams:
    """Knobs not (yet) in Config; the defaults are the ones measured best by bench/dedup_eval.py."""

    char_ngram: int = 5       # CJK characters per shingle
    word_ngram: int = 3       # words per shingle in other text
    num_perm: int = 128       # signature length: 512 bytes per document
    seed: int = 1


@dataclass
class DedupModel:
    duplicate_of: dict[str, str] = field(default_factory=dict)    # dropped id -> kept id
    cluster_sizes: dict[int, int] = field(default_factory=dict)   # cluster size -> number of clusters


def _refuse_shared_ids(ids: list[str], model: DedupModel) -> None:
    """A duplicate whose id another document has: apply, which goes by id, would reject that one too (both
    copies of a text under one id). `run` gives every document an id of its own; an engine of one's own
    (datatrove's readers take the input's `id`) may not."""
    count = Counter(doc_id for doc_id in ids if doc_id in model.duplicate_of)
    shared = next(doc_id for doc_id, n in count.items() if n > 1)
    raise ValueError(f"{count[shared]} documents have the id {shared!r}, and one is a duplicate: dedup rejects "
                     "documents by id, so each needs an id of its own")


def _created(doc: Document) -> str | None:
    """The date `keep earliest` orders a document by: in UTC when its zone is stated."""
    return in_utc(doc.created, doc.metadata.get("created_timezone"))


class Dedup(CorpusStage):
    """Corpus stage: exact and near-duplicate documents; a filter: it only rejects (`duplicate`)."""

    name = "dedup"
    filter = True
    options = ("dedup", "dedup_threshold", "keep")
    rejects_with = ("duplicate",)

    def __init__(self, config: Config, params: DedupParams = DedupParams()) -> None:
        self.mode = config.dedup
        self.threshold = config.dedup_threshold
        self.keep = config.keep
        self.params = params

    def summarize(self, doc: Document) -> Summary:
        [summary] = self.summarize_all([doc])
        return summary

    def summarize_all(self, docs: Sequence[Document]) -> list[Summary]:
        texts = [doc.clean_text() for doc in docs]
        if self.mode == "none":
            return [pack_summary(doc.id, _created(doc), len(text), None, b"") for doc, text in zip(docs, texts)]
        spaced = spaced_forms(texts)
        near = [b""] * len(docs)
        if self.mode == "near":
            flat, offsets = shingle_hashes_each(spaced, self.params.char_ngram, self.params.word_ngram)
            near = [found.tobytes() for found in signatures(flat, offsets, self.params.num_perm, self.params.seed)]
        # A text without words has no shingle: its empty signature was a near copy of every other one's.
        return [pack_summary(doc.id, _created(doc), len(text), text_key(text, form), found if form.strip() else b"")
                for doc, text, form, found in zip(docs, texts, spaced, near)]

    def fit(self, summaries: Iterable[Summary]) -> DedupModel:
        ids: list[str] = []
        created: list[str | None] = []
        lengths: list[int] = []
        first_with_key: dict[int, int] = {}
        exact_copies: list[tuple[int, int]] = []
        near_rows: list[int] = []          # first document of each exact key that has a signature
        signature_bytes = bytearray()
        for index, (doc_id, doc_created, length, key, near) in enumerate(map(unpack_summary, summaries)):
            ids.append(doc_id)
            created.append(doc_created)
            lengths.append(length)
            if key is None:
                continue
            first = first_with_key.setdefault(key, index)
            if first != index:
                exact_copies.append((first, index))
            elif near:
                near_rows.append(index)
                signature_bytes += near
        sets = cluster.UnionFind(len(ids))
        for first, copy in exact_copies:
            sets.union(first, copy)
        if near_rows:
            signatures = np.frombuffer(signature_bytes, dtype=np.uint32).reshape(len(near_rows), -1)
            for a, b in self._near_pairs(signatures):
                sets.union(near_rows[a], near_rows[b])
        return self._model(sets.groups(), ids, lengths, created)

    def _near_pairs(self, signatures: np.ndarray) -> np.ndarray:
        bands, rows = cluster.choose_bands(signatures.shape[1], self.threshold)
        return cluster.near_pairs(signatures, bands, rows, self.threshold)

    def _model(self, groups: list[list[int]], ids: list[str], lengths: list[int],
               created: list[str | None]) -> DedupModel:
        model = DedupModel(cluster_sizes=dict(sorted(Counter(len(g) for g in groups).items())))
        dropped = 0
        for members in groups:
            kept = cluster.kept_member(members, self.keep, lengths, created)
            for member in members:
                if member != kept:
                    model.duplicate_of[ids[member]] = ids[kept]
                    dropped += 1
        if dropped and sum(doc_id in model.duplicate_of for doc_id in ids) > dropped:
            _refuse_shared_ids(ids, model)
        return model

    def describe(self, model: DedupModel) -> dict:
        return {
            "duplicates": len(model.duplicate_of),
            "clusters": sum(model.cluster_sizes.values()),
            "cluster_sizes": {str(size): count for size, count in sorted(model.cluster_sizes.items())},
        }

    def rejects(self, summary: Summary, model: DedupModel) -> bool:
        """Whether apply rejects the document of this summary: dedup is a filter, it changes nothing else."""
        return summary_id(summary) in model.duplicate_of

    def apply(self, doc: Document, model: DedupModel) -> Document:
        kept_id = model.duplicate_of.get(doc.id)
        if kept_id is not None and not doc.rejected:
            doc.reject("duplicate", detail=kept_id)
        return doc
