"""Quality gate on seeds/: our own line labels (tests/data/seed_labels.tsv) against what the pipeline keeps.

Article lines must all survive; noise, metadata and repeated lines must go, at least as well as the floors
in tests/data/seed_quality_floors.json, which only ever go up.
"""

import json
import re
from collections import Counter

import pytest

from bench_script import load_bench_script
from clirun import REPO, SEEDS
from corpusclean.normalize.whitespace import normalize_lines

DATA = REPO / "tests" / "data"


harness = load_bench_script("seed_quality")    # it owns the labels and the way the seeds are cleaned for them
load_labels = harness.load_labels


@pytest.fixture(scope="module")
def cleaned():
    return harness.clean_seeds()


def test_every_seed_line_is_labelled(cleaned):
    labels = load_labels()
    for path in sorted(SEEDS.glob("*.txt")):
        count = len(normalize_lines(path.read_text("utf-8").splitlines()))
        assert sorted(labels[path.name]) == list(range(count)), path.name
        assert len(cleaned[path.name].lines) == count


def test_line_labels_against_the_floors(cleaned):
    floors = json.loads((DATA / "seed_quality_floors.json").read_text())
    assert not [name for name, doc in cleaned.items() if doc.rejected]
    total, removed, misses = harness.line_counts(cleaned, load_labels())
    lost = [miss for miss in misses if " article " in miss]
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
        assert doc.metadata["created_precision"] == want["created_precision"], name
        assert doc.metadata["created_timezone"] is None, name
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
