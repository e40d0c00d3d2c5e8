"""The field evaluation's scoring and report, on labels of its own (no dev page, no peer tool)."""

import gzip
import io

import pytest

from bench_script import load_bench_script


@pytest.fixture(scope="module")
def harness():
    return load_bench_script("eval_fields")


def label(harness, date=None, authors=(), title=None, lang="en"):
    return {"dataset": "made-up", "path": "p.html", "lang": lang, "date": date,
            "author": [harness.digest(name) for name in authors], "title": title and harness.digest(title)}


@pytest.mark.parametrize("gold, got, expected", [
    pytest.param(dict(date="2024-05-10T15:55", authors=["Jane Doe"], title="Storm closes schools"),
                 {"date": "2024-05-10T15:55:00", "author": ["Jane Doe"], "title": "Storm  closes\nschools"},
                 {"date": True, "minute": True, "author": True, "title": True}, id="all-right-white-space-collapsed"),
    pytest.param(dict(date="2024-05-10", authors=["Jane Doe", "Tom Lee"], title="Storm closes schools"),
                 {"date": "2024-05-10T09:00:00", "author": "Jane Doe and Tom Lee",
                  "title": "Storm closes schools | Courier"},
                 {"date": True, "minute": None, "author": True, "title": False},
                 id="no-time-in-the-label-a-site-suffix"),
    pytest.param(dict(), {"date": None, "author": [], "title": None},
                 {"date": True, "minute": None, "author": True, "title": True}, id="nothing-shown-nothing-found"),
    pytest.param(dict(), {"date": "2024-05-09", "author": ["Courier Staff"], "title": "Courier"},
                 {"date": False, "minute": None, "author": False, "title": False}, id="nothing-shown-something-found"),
    pytest.param(dict(date="2024-05-10", authors=["Jane Doe"], title="Storm closes schools"),
                 {"date": None, "author": ["JANE DOE"], "title": ""},
                 {"date": False, "minute": None, "author": False, "title": False}, id="shown-not-found-names-by-case"),
    pytest.param(dict(date="2024-05-10"), {"date": "2024-05-10"},
                 {"date": True, "minute": None, "author": None, "title": None}, id="a-date-only-tool"),
])
def test_scores(harness, gold, got, expected):
    assert harness.scores(label(harness, **gold), got) == expected


def test_page_bytes_reads_a_gzipped_page(harness, tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(b"<p>hi</p>"))
    (tmp_path / "b.html").write_bytes(b"<p>hi</p>")
    assert harness.page_bytes(tmp_path / "a.html.gz") == harness.page_bytes(tmp_path / "b.html") == b"<p>hi</p>"


def test_report_gives_a_block_per_language(harness):
    tallies = {}
    for lang, right in (("zh", "标题"), ("en", "Wrong title")):
        for group in ("all", "made-up"):
            tally = tallies[("html", "corpusclean", lang, group)] = harness.Tally()
            tally.add(label(harness, title="标题" if lang == "zh" else "Storm", lang=lang), {"title": right}, 0.01)
    out = io.StringIO()
    harness.report(tallies, out=out)
    rows = [line.split() for line in out.getvalue().splitlines()[1:]]
    assert [(row[0], row[3], row[-2]) for row in rows] == [("en", "all", "0.000"), ("zh", "all", "1.000")]
    out = io.StringIO()
    harness.report(tallies, by_dataset=True, out=out)
    assert [line.split()[:4] for line in out.getvalue().splitlines()[1:]] == [
        ["en", "html", "corpusclean", "all"], ["en", "html", "corpusclean", "made-up"],
        ["zh", "html", "corpusclean", "all"], ["zh", "html", "corpusclean", "made-up"]]
