"""Line labels of seeds/ (tests/data/seed_labels.tsv) against what the pipeline keeps: counts and misses.

    python bench/seed_quality.py

tests/test_seed_quality.py asserts the same figures, from the functions here, against floors that only go up.
"""

from collections import Counter
from pathlib import Path

from corpusclean.config import Config
from corpusclean.document import Document
from corpusclean.engine import run_pipeline
from corpusclean.pipeline import build_pipeline
from corpusclean.read.paths import expand_paths
from corpusclean.read.sources import read_input

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
LABELS = REPO / "tests" / "data" / "seed_labels.tsv"


def load_labels() -> dict[str, dict[int, str]]:
    """Seed file name -> line index -> label (article, meta, noise, repeat, either)."""
    labels: dict[str, dict[int, str]] = {}
    for row in LABELS.read_text("utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        name, lines, label = row.split("\t")
        first, _, last = lines.partition("-")
        for index in range(int(first), int(last or first) + 1):
            labels.setdefault(name, {})[index] = label
    return labels


def clean_seeds() -> dict[str, Document]:
    """Each seed file name -> its document after the whole pipeline (no dedup: the seeds are all kept)."""
    config = Config(dedup="none", jobs=1)
    stream = (d for inp in expand_paths([str(SEEDS)]) for d in read_input(inp, config.text_key, config.max_page_bytes))
    docs: list[Document] = list(run_pipeline(stream, build_pipeline(config), 1))
    return {doc.id.split("/")[-1]: doc for doc in docs}


def line_counts(docs: dict[str, Document], labels: dict[str, dict[int, str]]) -> tuple[Counter, Counter, list[str]]:
    """Lines per label, lines removed per label, and the misses (an article line removed, another kept)."""
    total, removed, misses = Counter(), Counter(), []
    for name, by_line in sorted(labels.items()):
        doc = docs[name]
        for index, label in sorted(by_line.items()):
            gone = doc.verdicts[index] is not None
            total[label] += 1
            removed[label] += gone
            if gone == (label == "article") and label != "either":
                misses.append(f"{name}:{index} {label} {doc.verdicts[index]}: {doc.lines[index][:60]}")
    return total, removed, misses


def main() -> None:
    total, removed, misses = line_counts(clean_seeds(), load_labels())
    for miss in misses:
        print(f"miss {miss}")
    for label in ("article", "meta", "noise", "repeat", "either"):
        print(f"{label:8} {total[label]:4} lines, {removed[label]:4} removed")


if __name__ == "__main__":
    main()
