"""Line labels of seeds/ (tests/data/seed_labels.tsv) against what the pipeline keeps: counts and misses.

    python bench/seed_quality.py

tests/test_seed_quality.py asserts the same figures against floors that only go up.
"""

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_seed_quality import load_labels  # noqa: E402

from corpusclean.config import Config  # noqa: E402
from corpusclean.engine import run_pipeline
from corpusclean.pipeline import build_pipeline  # noqa: E402
from corpusclean.read.paths import expand_paths  # noqa: E402
from corpusclean.read.sources import read_input  # noqa: E402


def main() -> None:
    config = Config(dedup="none", jobs=1)
    docs = []
    stream = (d for inp in expand_paths([str(REPO / "seeds")]) for d in read_input(inp, "text", 10**7))
    run_pipeline(stream, build_pipeline(config), 1, docs.append)
    by_name = {doc.id.split("/")[-1]: doc for doc in docs}
    total, removed = Counter(), Counter()
    for name, labels in load_labels().items():
        doc = by_name[name]
        for index, label in sorted(labels.items()):
            gone = doc.verdicts[index] is not None
            total[label] += 1
            removed[label] += gone
            if gone == (label == "article") and label != "either":
                print(f"miss {name}:{index} {label} {doc.verdicts[index]}: {doc.lines[index][:60]}")
    for label in ("article", "meta", "noise", "repeat", "either"):
        print(f"{label:8} {total[label]:4} lines, {removed[label]:4} removed")


if __name__ == "__main__":
    main()
