"""Main-text extraction quality of corpusclean beside trafilatura, on pages with hand-made gold text.

    python bench/eval_extraction.py ../shared/devdata/magic-html/gold.jsonl [--limit 50]

Each gold line: id, file (relative to the gold file's folder, .gz allowed), url, text; optional kind,
lang_guess, title, date. Pages are scored by precision/recall/F1 over a bag of tokens (one per Han
character, one per lowercased Latin word; multiset overlap), then averaged overall, over Chinese pages
(lang_guess zh, or more than 30% Han in the gold) and over the rest. trafilatura is a dev-only
dependency, imported here only.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def tokens(text: str) -> Counter:
    return Counter(token.lower() for token in TOKEN.findall(text or ""))


def prf(predicted: str, gold: str, fold_script: bool = False) -> tuple[float, float, float]:
    """Precision, recall, F1 of the predicted text's token bag against the gold one.

    With fold_script, both texts are compared in Simplified script: corpusclean converts Chinese pages to
    one script by design (--script hans), and extraction quality should not count that as missed text.
    """
    if fold_script:
        predicted, gold = to_simplified(predicted), to_simplified(gold)
    got, want = tokens(predicted), tokens(gold)
    overlap = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0, 1.0
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text or "")


def is_chinese(record: dict) -> bool:
    """Chinese by the gold's language tag; untagged (or "other") pages by their share of Han characters.
    Japanese pages are not Chinese, however many kanji they hold."""
    if record.get("lang_guess") in ("zh", "ja"):
        return record["lang_guess"] == "zh"
    text = record.get("text") or ""
    visible = len(text) - sum(text.count(c) for c in " \n\t")
    return visible > 0 and len(HAN.findall(text)) / visible > 0.3


def read_page(gold_path: Path, record: dict) -> bytes:
    path = gold_path.parent / record["file"]
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def decode(data: bytes) -> str:
    try:
        from corpusclean.decode import decode_bytes
    except ImportError:
        return data.decode("utf-8", errors="replace")
    return decode_bytes(data, declared=None).text


def corpusclean_extractor(extract_only: bool = False):
    """Every per-document stage (extraction and the cleaning stages), or the extract stage alone."""
    from corpusclean.config import Config
    from corpusclean.document import Document
    from corpusclean.api import Page, as_document
    from corpusclean.pipeline import document_stages, run_stages

    config = Config()
    if not extract_only:
        stages = document_stages(config)

        def run(data: bytes, path: str, url: str | None) -> tuple[str, dict, str | None]:
            doc = run_stages(stages, as_document(Page(data, path), config))
            return doc.clean_text(), {**doc.metadata, "created": doc.created}, doc.reject_reason
        return run

    from corpusclean.extract.stage import ExtractHtml

    stage = ExtractHtml(config)

    def run(data: bytes, path: str, url: str | None) -> tuple[str, dict, str | None]:
        doc = Document(id=path, source="eval", location=path, format="html", text=decode(data))
        doc.metadata["url"] = url
        doc = stage(doc)
        return doc.clean_text(), {**doc.metadata, "created": doc.created}, doc.reject_reason
    return run


def trafilatura_extractor():
    import trafilatura

    def run(data: bytes, path: str, url: str | None) -> tuple[str, dict, str | None]:
        text = trafilatura.extract(decode(data), url=url) or ""
        return text, {}, None
    return run


@dataclass
class Tally:
    scores: dict[str, list[tuple[float, float, float]]] = field(default_factory=dict)
    seconds: float = 0.0
    pages: int = 0
    rejects: Counter = field(default_factory=Counter)
    title_hits: list[bool] = field(default_factory=list)
    date_hits: list[bool] = field(default_factory=list)

    def add(self, group: str, score: tuple[float, float, float]) -> None:
        for name in ("all", group):
            self.scores.setdefault(name, []).append(score)

    def mean(self, group: str) -> tuple[float, float, float, int]:
        rows = self.scores.get(group, [])
        if not rows:
            return 0.0, 0.0, 0.0, 0
        return (*(sum(r[i] for r in rows) / len(rows) for i in range(3)), len(rows))


def same_title(found: str | None, gold: str) -> bool:
    return bool(found) and " ".join(found.split()) == " ".join(gold.split())


def evaluate(gold_path: Path, limit: int | None = None, extract_only: bool = False) -> dict[str, Tally]:
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[:limit] if limit else records
    tools = {"corpusclean": corpusclean_extractor(extract_only), "trafilatura": trafilatura_extractor()}
    tallies = {name: Tally() for name in tools}
    for record in records:
        data = read_page(gold_path, record)
        group = "zh" if is_chinese(record) else "other"  # Japanese pages are "other": kanji are not folded
        for name, run in tools.items():
            started = time.process_time()
            text, metadata, reject = run(data, record["file"], record.get("url"))
            tally = tallies[name]
            tally.seconds += time.process_time() - started
            tally.pages += 1
            if reject:
                tally.rejects[reject] += 1
            tally.add(group, prf(text, record.get("text", ""), fold_script=group == "zh"))
            if name == "corpusclean" and record.get("title"):
                tally.title_hits.append(same_title(metadata.get("title"), record["title"]))
            if name == "corpusclean" and record.get("date"):
                tally.date_hits.append((metadata.get("created") or "")[:10] == record["date"][:10])
    return tallies


def report(tallies: dict[str, Tally], out=sys.stdout) -> None:
    print(f"{'tool':<12} {'group':<6} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for name, tally in tallies.items():
        for group in ("all", "zh", "other"):
            p, r, f, n = tally.mean(group)
            print(f"{name:<12} {group:<6} {n:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}", file=out)
    for name, tally in tallies.items():
        speed = tally.pages / tally.seconds if tally.seconds else float("inf")
        print(f"{name}: {speed:.1f} pages/s (CPU time), rejects {dict(tally.rejects) or 'none'}", file=out)
    ours = tallies.get("corpusclean")
    if ours and ours.title_hits:
        print(f"title accuracy: {sum(ours.title_hits) / len(ours.title_hits):.3f} of {len(ours.title_hits)}", file=out)
    if ours and ours.date_hits:
        print(f"date accuracy: {sum(ours.date_hits) / len(ours.date_hits):.3f} of {len(ours.date_hits)}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold.jsonl (id, file, url, text per line)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--extract-only", action="store_true", help="the extract stage alone, without cleaning")
    args = parser.parse_args(argv)
    report(evaluate(args.gold, args.limit, args.extract_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
