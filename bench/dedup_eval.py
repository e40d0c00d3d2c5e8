"""Evaluate and time the dedup stage on a labelled near-duplicate set built from real article text.

    python bench/dedup_eval.py [GOLD.jsonl] [--docs 100000] [--seed 7] [--scale 10]

GOLD.jsonl (default ../shared/devdata/magic-html/gold.jsonl) is read at run time; nothing of it is stored.
Each base article gets republished copies (new header/footer, a paragraph dropped, two reordered,
Traditional script, punctuation width, whitespace, and a mix); hard negatives are distinct articles that
share a long quote, and different bodies wrapped in the same long site template. Prints pair precision
and recall for the defaults and a sweep of thresholds and n-gram sizes, then docs/s of near vs exact-only
dedup on synthetic documents, bytes per summary and peak RSS, and the fit alone on --scale times
as many summaries.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import opencc
import orjson

from corpusclean.config import Config
from corpusclean.dedup.stage import Dedup, DedupParams, pack_summary, unpack_summary
from corpusclean.document import Document

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared/devdata/magic-html/gold.jsonl"

HEADERS = [
    ["首页 | 新闻 | 财经 | 科技 | 体育", "当前位置：首页 > 新闻中心 > 国内"],
    ["来源：东方日报网  2023-06-01 09:12", "【字体：大 中 小】  打印本页"],
    ["Home | World | Business | Tech | Sport", "Published 12 March 2021, 08:45 GMT"],
    ["南岭晚报数字版", "责任编辑：陈晓雨"],
    ["Share this article on Facebook Twitter Email"],
]
FOOTERS = [
    ["版权所有 © 2023 东方日报网 未经授权禁止转载", "京ICP备12345678号-1"],
    ["扫码关注我们的公众号", "违法和不良信息举报电话：010-12345678"],
    ["Copyright 2021 The Harbour Tribune. All rights reserved.", "Related stories: more from Business"],
    ["（编辑：王海峰 校对：李静）"],
    ["Sign up for our morning newsletter", "Contact the newsroom: news@example.org"],
]
TEMPLATE = [
    "首页 要闻 时政 经济 社会 文化 体育 科技 教育 健康 旅游 房产 汽车 图片 视频 专题",
    "当前位置：首页 > 要闻 > 正文",
    "友情链接：人民日报社 | 新华通讯社 | 中央广播电视总台 | 光明日报 | 经济日报 | 中国日报",
    "扫码关注官方微信 下载客户端 加入读者群",
    "关于我们 | 联系我们 | 广告服务 | 投稿须知 | 法律声明 | 网站地图",
    "版权所有 © 2008-2024 南岭传媒集团 未经书面授权不得转载、摘编或利用其它方式使用上述作品",
    "互联网新闻信息服务许可证 44120180001 粤ICP备10000000号 违法和不良信息举报电话：020-00000000",
]
TO_ASCII = str.maketrans("，。：；！？（）“”", ",.:;!?()\"\"")
TO_WIDE = str.maketrans(",.:;!?()", "，。：；！？（）")


def load_articles(path: Path, min_chars: int = 400) -> list[list[str]]:
    """Paragraph lists of the gold texts long enough to carry a story (at least three paragraphs)."""
    articles, seen = [], set()
    for line in path.read_bytes().split(b"\n"):
        if not line.strip():
            continue
        paragraphs = [p.strip() for p in orjson.loads(line)["text"].split("\n") if p.strip()]
        if len(paragraphs) >= 3 and sum(map(len, paragraphs)) >= min_chars and tuple(paragraphs) not in seen:
            seen.add(tuple(paragraphs))      # the gold holds a few pages twice
            articles.append(paragraphs)
    return articles


class Mutator:
    """The ways a republishing site changes a story; deterministic given the random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.to_traditional = opencc.OpenCC("s2t")

    def header_footer(self, paragraphs: list[str]) -> list[str]:
        return self.rng.choice(HEADERS) + paragraphs + self.rng.choice(FOOTERS)

    def drop_paragraph(self, paragraphs: list[str]) -> list[str]:
        index = self.rng.randrange(1, len(paragraphs))
        return paragraphs[:index] + paragraphs[index + 1:]

    def reorder(self, paragraphs: list[str]) -> list[str]:
        index = self.rng.randrange(len(paragraphs) - 1)
        swapped = list(paragraphs)
        swapped[index], swapped[index + 1] = swapped[index + 1], swapped[index]
        return swapped

    def traditional(self, paragraphs: list[str]) -> list[str]:
        return [self.to_traditional.convert(p) for p in paragraphs]

    def punctuation_width(self, paragraphs: list[str]) -> list[str]:
        return [p.translate(TO_ASCII).translate(TO_WIDE) if self.rng.random() < 0.5 else p.translate(TO_ASCII)
                for p in paragraphs]

    def whitespace(self, paragraphs: list[str]) -> list[str]:
        spaced = []
        for p in paragraphs:
            spaced.append("\u3000\u3000" + p.replace("，", "， ").replace(", ", ",  ") + "  ")
            if self.rng.random() < 0.5:
                spaced.append("   ")
        return spaced

    def mixed(self, paragraphs: list[str]) -> list[str]:
        return self.header_footer(self.traditional(self.drop_paragraph(paragraphs)))

    def transformations(self):
        return [self.header_footer, self.drop_paragraph, self.reorder, self.traditional,
                self.punctuation_width, self.whitespace, self.mixed]

    def any(self, paragraphs: list[str]) -> list[str]:
        return self.rng.choice(self.transformations())(paragraphs)


def leading_paragraphs(paragraphs: list[str], min_chars: int) -> list[str]:
    taken: list[str] = []
    for paragraph in paragraphs:
        if sum(map(len, taken)) >= min_chars:
            break
        taken.append(paragraph)
    return taken


def labelled_set(articles: list[list[str]], seed: int) -> tuple[list[str], list[int]]:
    """(texts, true cluster label per text): positives from 60% of the articles, hard negatives from the rest."""
    rng = random.Random(seed)
    mutate = Mutator(rng)
    order = list(range(len(articles)))
    rng.shuffle(order)
    split = len(order) * 6 // 10
    texts: list[str] = []
    labels: list[int] = []

    def add(paragraphs: list[str], label: int) -> None:
        texts.append("\n".join(paragraphs))
        labels.append(label)

    for label in order[:split]:
        add(articles[label], label)
        for transform in mutate.transformations():
            add(transform(articles[label]), label)
    negatives = order[split:]
    next_label = len(articles)
    for a, b, quoted in zip(negatives[0::3], negatives[1::3], negatives[2::3]):
        quote = max(articles[quoted], key=len)     # the same long passage quoted by two different stories
        for base in (a, b):
            add(articles[base][:2] + [quote] + articles[base][2:], next_label)
            next_label += 1
        for base in (a, b):                        # short different bodies in one long site template
            add(TEMPLATE[:3] + leading_paragraphs(articles[base], 300) + TEMPLATE[3:], next_label)
            next_label += 1
    return texts, labels


def as_document(index: int, text: str, created: str | None = None) -> Document:
    doc = Document(id=f"doc{index}", source="bench", location=f"bench:{index}", created=created)
    doc.set_lines(text.split("\n"))
    return doc


def predicted_labels(duplicate_of: dict[str, str], count: int) -> list[str]:
    return [duplicate_of.get(f"doc{i}", f"doc{i}") for i in range(count)]


def pair_scores(predicted: list, truth: list) -> tuple[float, float]:
    """Pair precision and recall: pairs inside predicted clusters against pairs inside true clusters."""
    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts)
    true_positive = pairs(Counter(zip(predicted, truth)).values())
    predicted_pairs, true_pairs = pairs(Counter(predicted).values()), pairs(Counter(truth).values())
    return (true_positive / predicted_pairs if predicted_pairs else 1.0,
            true_positive / true_pairs if true_pairs else 1.0)


def evaluate(texts: list[str], labels: list[int], mode: str, params: DedupParams,
             thresholds: list[float]) -> list[tuple[float, float, float]]:
    stage = Dedup(Config(dedup=mode), params)
    summaries = [stage.summarize(as_document(i, t)) for i, t in enumerate(texts)]
    results = []
    for threshold in thresholds:
        model = Dedup(Config(dedup=mode, dedup_threshold=threshold), params).fit(summaries)
        results.append((threshold, *pair_scores(predicted_labels(model.duplicate_of, len(texts)), labels)))
    return results


def synthetic_corpus(articles: list[list[str]], count: int, seed: int) -> tuple[list[str], list[int]]:
    """(texts, origin story per text): mostly distinct stories spliced from 6-12 random paragraphs, one in
    five a mutated copy of an earlier one. Paragraphs are capped at 400 characters: two splices sharing
    one huge paragraph would really be near duplicates, and the labels would be wrong."""
    rng = random.Random(seed)
    mutate = Mutator(rng)
    pool = [p for paragraphs in articles for p in paragraphs if 40 <= len(p) <= 400]
    stories: list[list[str]] = []
    origins: list[int] = []
    for index in range(count):
        if stories and rng.random() < 0.2:
            copied = rng.randrange(len(stories))
            stories.append(mutate.any(stories[copied]))
            origins.append(origins[copied])
        else:
            stories.append(rng.sample(pool, rng.randint(6, 12)))
            origins.append(index)
    return ["\n".join(s) for s in stories], origins


def summary_bytes(summary: bytes) -> int:
    """What the main process holds per document until the fit: one packed bytes object."""
    return sys.getsizeof(summary)


def throughput(texts: list[str], mode: str, threshold: float) -> tuple[float, float, list[tuple], object]:
    """(docs/s, MB/s, summaries, model) of summarize + fit + apply over all texts, in CPU time."""
    stage = Dedup(Config(dedup=mode, dedup_threshold=threshold))
    docs = [as_document(i, t) for i, t in enumerate(texts)]
    started = time.process_time()
    summaries = [stage.summarize(d) for d in docs]
    model = stage.fit(summaries)
    for d in docs:
        stage.apply(d, model)
    seconds = time.process_time() - started
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return len(texts) / seconds, megabytes / seconds, summaries, model


def scaled_summaries(summaries: list[bytes], factor: int) -> list[bytes]:
    """``factor`` disjoint copies of a corpus: new ids, keys and signature values, the same structure."""
    scaled = []
    for copy in range(factor):
        for doc_id, created, length, key, near in map(unpack_summary, summaries):
            signature = np.frombuffer(near, dtype=np.uint32) ^ np.uint32(copy * 0x9E3779B1 & 0xFFFFFFFF)
            new_key = None if key is None else key ^ (copy << 40)
            scaled.append(pack_summary(f"{doc_id}/{copy}", created, length, new_key, signature.tobytes()))
    return scaled


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--docs", type=int, default=100_000, help="synthetic documents for the timing run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=int, default=10, help="copies of the synthetic summaries for the fit-only run")
    parser.add_argument("--threshold", type=float, default=Config().dedup_threshold,
                        help="dedup_threshold of the defaults line and the synthetic runs")
    args = parser.parse_args()

    articles = load_articles(args.gold)
    texts, labels = labelled_set(articles, args.seed)
    print(f"eval set: {len(texts)} documents from {len(articles)} articles, "
          f"{sum(n * (n - 1) // 2 for n in Counter(labels).values())} true duplicate pairs")
    defaults = DedupParams()
    default_threshold = args.threshold
    print(f"\ndefaults: char_ngram={defaults.char_ngram} word_ngram={defaults.word_ngram} "
          f"num_perm={defaults.num_perm} threshold={default_threshold}")
    for mode in ("exact", "near"):
        (_, precision, recall), = evaluate(texts, labels, mode, defaults, [default_threshold])
        print(f"  {mode:5}  precision {precision:.4f}  recall {recall:.4f}")

    print("\nsweep (near):  char_n word_n num_perm threshold  precision  recall")
    for char_ngram, word_ngram, num_perm in [(3, 3, 128), (4, 3, 128), (5, 3, 128), (7, 3, 128),
                                            (5, 2, 128), (5, 5, 128), (5, 3, 64), (5, 3, 256)]:
        params = DedupParams(char_ngram=char_ngram, word_ngram=word_ngram, num_perm=num_perm)
        for threshold, precision, recall in evaluate(texts, labels, "near", params, [0.6, 0.7, 0.75, 0.8, 0.9]):
            print(f"  {char_ngram:>13} {word_ngram:>6} {num_perm:>8} {threshold:>9}  {precision:9.4f}  {recall:6.4f}")

    corpus, origins = synthetic_corpus(articles, args.docs, args.seed)
    print(f"\nsynthetic corpus: {len(corpus)} documents (summarize + fit + apply, one process, CPU time)")
    for mode in ("exact", "near"):
        docs_per_s, mb_per_s, summaries, model = throughput(corpus, mode, args.threshold)
        precision, recall = pair_scores(predicted_labels(model.duplicate_of, len(corpus)), origins)
        per_summary = sum(map(summary_bytes, summaries)) // len(summaries)
        print(f"  {mode:5}  {docs_per_s:8.0f} docs/s  {mb_per_s:5.1f} MB/s  {per_summary} bytes per summary  "
              f"precision {precision:.4f}  recall {recall:.4f}")
    print(f"peak RSS so far {rss_mib():.0f} MiB (synthetic texts and documents included)")

    scaled = scaled_summaries(summaries, args.scale)
    del corpus, summaries
    started = time.process_time()
    model = Dedup(Config(dedup_threshold=args.threshold)).fit(scaled)
    print(f"fit over {len(scaled)} near summaries ({args.scale} disjoint copies): "
          f"{time.process_time() - started:.1f} s, {len(model.duplicate_of)} duplicates, "
          f"peak RSS {rss_mib():.0f} MiB (the summaries included)")

if __name__ == "__main__":
    main()
