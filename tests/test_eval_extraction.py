"""The extraction evaluation harness on a tiny gold file of its own."""

import io
from pathlib import Path

import pytest

from bench_script import load_bench_script

GOLD = Path(__file__).parent / "data" / "eval" / "gold.jsonl"


@pytest.fixture(scope="module")
def harness():
    return load_bench_script("eval_extraction")


@pytest.mark.parametrize("predicted, gold, expected", [
    ("港口 吞吐量", "港口吞吐量", (1.0, 1.0, 1.0)),
    ("Storm closes", "storm closes schools", (1.0, 2 / 3, 0.8)),
    ("", "some gold", (0.0, 0.0, 0.0)),
    ("extra words", "", (0.0, 0.0, 0.0)),
    ("", "", (1.0, 1.0, 1.0)),
    ("的的的", "的", (1 / 3, 1.0, 0.5)),  # a multiset: repeats count once per gold occurrence
])
def test_prf(harness, predicted, gold, expected):
    assert harness.prf(predicted, gold) == pytest.approx(expected)


def test_prf_folds_script_only_when_asked(harness):
    assert harness.prf("国际新闻", "國際新聞", fold_script=True) == pytest.approx((1.0, 1.0, 1.0))
    assert harness.prf("国际新闻", "國際新聞") == pytest.approx((0.25, 0.25, 0.25))  # only 新 is the same


@pytest.mark.parametrize("record, chinese", [
    ({"lang_guess": "zh", "text": "English only"}, True),
    ({"text": "中文为主的金标准文本 with a few words"}, True),
    ({"text": "Mostly English text with 一个 word"}, False),
    ({"text": ""}, False),
    ({"lang_guess": "ja", "text": "築73年、２階建ての古い建物"}, False),
])
def test_is_chinese(harness, record, chinese):
    assert harness.is_chinese(record) is chinese


def test_evaluate_on_tiny_gold(harness):
    tallies = harness.evaluate(GOLD, extract_only=True)
    ours = tallies["corpusclean"]
    assert ours.pages == 2
    assert ours.rejects == {"no_content": 1}  # the link list page
    precision, recall, f1, count = ours.mean("zh")
    assert count == 1 and recall == pytest.approx(1.0) and f1 > 0.9
    assert ours.mean("other")[3] == 1
    assert ours.title_hits == [True]
    out = io.StringIO()
    harness.report(tallies, out)
    text = out.getvalue()
    assert "corpusclean  zh" in text and "trafilatura" in text and "pages/s" in text
    assert "title accuracy: 1.000 of 1" in text
