"""Quality gate on seeds/: our own line labels (tests/data/seed_labels.tsv) against what the pipeline keeps.

Article lines must all survive; noise, metadata and repeated lines must go, at least as well as the floors
in tests/data/seed_quality_floors.json, which only ever go up.
"""

import json
import re
from collections import Counter

import pytest

from clirun import REPO, SEEDS
from corpusclean.config import Config
from corpusclean.normalize.whitespace import normalize_lines
from corpusclean.engine import run_pipeline
from corpusclean.pipeline import build_pipeline
from corpusclean.read.paths import expand_paths
from corpusclean.read.sources import read_input

DATA = REPO / "tests" / "data"


def load_labels() -> dict[str, dict[int, str]]:
    labels: dict[str, dict[int, str]] = {}
    for row in (DATA / "seed_labels.tsv").read_text("utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        name, lines, label = row.split("\t")
        first, _, last = lines.partition("-")
        for index in range(int(first), int(last or first) + 1):
            labels.setdefault(name, {})[index] = label
    return labels


@pytest.fixture(scope="module")
def cleaned():
    config = Config(dedup="none", jobs=1)
    docs = []
    inputs = expand_paths([str(SEEDS)])
    stream = (doc for inp in inputs for doc in read_input(inp, config.text_key, config.max_page_bytes))
    run_pipeline(stream, build_pipeline(config), 1, docs.append)
    return {doc.id.split("/")[-1]: doc for doc in docs}


def test_every_seed_line_is_labelled(cleaned):
    labels = load_labels()
    for path in sorted(SEEDS.glob("*.txt")):
        count = len(normalize_lines(path.read_text("utf-8").splitlines()))
        assert sorted(labels[path.name]) == list(range(count)), path.name
        assert len(cleaned[path.name].lines) == count


def test_line_labels_against_the_floors(cleaned):
    labels = load_labels()
    floors = json.loads((DATA / "seed_quality_floors.json").read_text())
    total, removed, lost = Counter(), Counter(), []
    for name, by_line in labels.items():
        doc = cleaned[name]
        assert not doc.rejected, (name, doc.reject_reason)
        for index, label in by_line.items():
            total[label] += 1
            gone = doc.verdicts[index] is not None
            removed[label] += gone
            if label == "article" and gone:
                lost.append(f"{name}:{index}: {doc.verdicts[index]}: {doc.lines[index][:60]}")
    assert not lost, "article lines removed:\n" + "\n".join(lost)
    assert 1 - removed["article"] / total["article"] >= floors["article_lines_kept"]
    for label in ("noise", "meta", "repeat"):
        share = removed[label] / total[label]
        assert share >= floors[f"{label}_lines_removed"], f"{label}: {share:.3f} removed"


def test_metadata_of_each_seed(cleaned):
    expected = json.loads((DATA / "seed_metadata.json").read_text("utf-8"))
    source_lines = {
        p.name: normalize_lines(p.read_text("utf-8").splitlines()) for p in sorted(SEEDS.glob("*.txt"))
    }
    for name, want in expected.items():
        doc = cleaned[name]
        assert doc.created == want["created"], name
        assert doc.metadata["lang"] == want["lang"], name
        for key in ("publisher", "author", "editor"):
            if want[key] is None:
                assert doc.metadata[key] is None, (name, key)
            else:
                assert want[key] in (doc.metadata[key] or ""), (name, key, doc.metadata[key])
        titles = {normalize_lines([source_lines[name][i]])[0] for i in want["title_line"]}
        assert doc.metadata["title"] in titles, (name, doc.metadata["title"])


SENTENCE = re.compile(r"[^。！？]{10,}[。！？]")


def test_each_repeated_sentence_and_caption_appears_once(cleaned):
    doc = cleaned["003_284404b5d97bd2fa.txt"]
    text = doc.clean_text()
    sentences = Counter(m.group(0) for m in SENTENCE.finditer(text))
    assert [s for s, n in sentences.items() if n > 1] == []
    kept = Counter(doc.kept_lines())
    assert [line for line, n in kept.items() if n > 1] == []
