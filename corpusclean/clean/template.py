"""Per-site template lines: lines that recur across many pages of the same site (doc.site).

map -> reduce -> apply: ``summarize`` hashes a page's kept lines, ``count_lines``/``merge_counts`` add up
per-site counts (associative, so shards merge in any order), ``select_template`` keeps the hashes frequent
enough to be template, and ``apply`` removes them.
"""

from __future__ import annotations

import struct
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import xxhash

from corpusclean.document import Document
from corpusclean.pipeline import CorpusStage
from corpusclean.text import han_at_least

REASON = "boilerplate.template"
SENTENCE_ENDS = ("。", "！", "？", ".", "!", "?", "”", "\"")
SENTENCE_MIN_CHARS = 40
SENTENCE_MIN_HAN = 12
# Two articles quoting the same sentence must keep it: sentence-like lines need most of the site's pages.
SENTENCE_MIN_DOCS = 5
SENTENCE_MIN_SHARE = 0.8


def line_hash(line: str) -> int:
    return xxhash.xxh3_64_intdigest(line.encode("utf-8"))


def is_sentence_like(line: str) -> bool:
    """A sentence, not a label: Han text is dense, so a dozen characters already make one."""
    if not line.endswith(SENTENCE_ENDS):
        return False
    return len(line) > SENTENCE_MIN_CHARS or han_at_least(SENTENCE_MIN_HAN).match(line) is not None


@dataclass
class SiteCounts:
    """Per-site tallies: distinct pages seen, and in how many of them each line hash occurs."""

    pages: set[int] = field(default_factory=set)          # page fingerprints: a copied page counts once
    lines: Counter = field(default_factory=Counter)
    sentences: Counter = field(default_factory=Counter)
    # Pages whose sentence-like lines are those of an earlier page count once for them: copies of one article
    # under other headers (a release the site republished, dedup off) made their every sentence a template
    # line, and the article went from each of them, written all the same.
    bodies: set[int] = field(default_factory=set)         # fingerprints of the pages' sets of sentences
    sentence_pages: int = 0                               # pages counted for sentences


# A page's summary packed in one bytes object: the main process holds one per page until the fit, and a
# tuple of Python ints took 720 bytes where this takes 160 (on the benchmark corpus). After the head come the
# hashes (short lines first, each sorted) and the source.
Summary = bytes
_HEAD = struct.Struct("<QII")  # page fingerprint, number of short-line hashes, number of sentence hashes


def summarize_lines(source: str, lines: list[str]) -> Summary:
    """The page's fingerprint, the hashes of its short lines and of its sentence-like lines (each hash once),
    and its source."""
    short: set[int] = set()
    sentences: set[int] = set()
    for line in lines:
        (sentences if is_sentence_like(line) else short).add(line_hash(line))
    fingerprint = line_hash("\n".join(lines))
    hashes = array("Q", sorted(short))
    hashes.extend(sorted(sentences))
    return b"".join((_HEAD.pack(fingerprint, len(short), len(sentences)), hashes.tobytes(), source.encode("utf-8")))


def unpack_summary(summary: Summary) -> tuple[str, int, memoryview, memoryview]:
    """(source, page fingerprint, hashes of short lines, hashes of sentence-like lines)"""
    fingerprint, short_count, sentence_count = _HEAD.unpack_from(summary)
    view = memoryview(summary)
    hashes_end = _HEAD.size + 8 * (short_count + sentence_count)
    hashes = view[_HEAD.size:hashes_end].cast("Q")
    return str(view[hashes_end:], "utf-8"), fingerprint, hashes[:short_count], hashes[short_count:]


def count_lines(summaries: Iterable[Summary]) -> dict[str, SiteCounts]:
    counts: dict[str, SiteCounts] = {}
    for source, fingerprint, short, sentences in map(unpack_summary, summaries):
        site = counts.get(source)
        if site is None:  # (not counts.setdefault(source, SiteCounts()): that made a SiteCounts for every page)
            site = counts[source] = SiteCounts()
        if fingerprint in site.pages:
            continue
        site.pages.add(fingerprint)
        site.lines.update(short)
        if len(sentences):
            body = xxhash.xxh3_64_intdigest(sentences.tobytes())  # the hashes are sorted: one set, one body
            if body in site.bodies:
                continue
            site.bodies.add(body)
            site.sentences.update(sentences)
        site.sentence_pages += 1
    return counts


def merge_counts(a: dict[str, SiteCounts], b: dict[str, SiteCounts]) -> dict[str, SiteCounts]:
    """Counts of two shards added up (a page seen in both shards is counted once per shard)."""
    merged: dict[str, SiteCounts] = {}
    for source in sorted(a.keys() | b.keys()):
        site = merged.setdefault(source, SiteCounts())
        for part in (a.get(source), b.get(source)):
            if part is not None:
                site.pages |= part.pages
                site.lines.update(part.lines)
                site.sentences.update(part.sentences)
                site.bodies |= part.bodies
                site.sentence_pages += part.sentence_pages
    return merged


def select_template(counts: dict[str, SiteCounts], min_docs: int, min_share: float) -> dict[str, frozenset[int]]:
    """Per site, the line hashes frequent enough to be its template; sites with too few pages learn nothing."""
    model: dict[str, frozenset[int]] = {}
    for source, site in counts.items():
        pages = len(site.pages)
        if pages < min_docs:
            continue
        short_bar = max(min_docs, min_share * pages)
        sentence_bar = max(min_docs, SENTENCE_MIN_DOCS, SENTENCE_MIN_SHARE * site.sentence_pages)
        template = {h for h, n in site.lines.items() if n >= short_bar}
        template |= {h for h, n in site.sentences.items() if n >= sentence_bar}
        if template:
            model[source] = frozenset(template)
    return model


class TemplateLines(CorpusStage):
    """Corpus stage: per-site template lines, removed with reason boilerplate.template."""

    name = "template"
    options = ("template", "template_min_docs", "template_min_share")
    reasons = ("boilerplate.template",)

    def __init__(self, min_docs: int, min_share: float) -> None:
        self.min_docs = min_docs
        self.min_share = min_share

    def summarize(self, doc: Document) -> Summary:
        return summarize_lines(doc.site, doc.kept_lines())

    def fit(self, summaries: Iterable[Summary]) -> dict[str, frozenset[int]]:
        return select_template(count_lines(summaries), self.min_docs, self.min_share)

    def describe(self, model: dict[str, frozenset[int]]) -> dict:
        return {"template_lines_by_source": {source: len(lines) for source, lines in sorted(model.items())}}

    def apply(self, doc: Document, model: dict[str, frozenset[int]]) -> Document:
        template = model.get(doc.site)
        if not template:
            return doc
        kept = doc.kept_indices()
        for index in template_indices([doc.lines[i] for i in kept], template):
            doc.remove(kept[index], self.name, REASON)
        return doc


def template_indices(lines: list[str], template: frozenset[int]) -> list[int]:
    """The lines of a page that are its site's template. Sentence-like ones that are most of the page's
    sentences go only at its edges, in a run of template lines from its first or its last line: copies of one
    article that each add a sentence of their own (a release a site republished, dedup not near) made the
    article's sentences the site's template, and every copy lost its article, written with its header and its
    own sentence; a brief's footer, after its one sentence, is at its edge."""
    found = [index for index, line in enumerate(lines) if line_hash(line) in template]
    if not found:   # no template line: no sentence to weigh
        return found
    hit = set(found)
    sentences = {index for index, line in enumerate(lines) if is_sentence_like(line)}
    if 2 * len(hit & sentences) <= len(sentences):
        return found
    head = next((index for index in range(len(lines)) if index not in hit), len(lines))
    tail = next((index for index in reversed(range(len(lines))) if index not in hit), -1)
    return [index for index in found if index not in sentences or index < head or index > tail]
