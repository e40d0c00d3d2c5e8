import pickle

import pytest

from corpusclean.clean.template import (
    TemplateLines,
    count_lines,
    is_sentence_like,
    line_hash,
    merge_counts,
    select_template,
    summarize_lines,
    unpack_summary,
)
from corpusclean.document import Document

T = "boilerplate.template"
NAV = "首页 | 要闻 | 地方 | 视频"
FOOTER = "某某日报社 版权所有 未经授权禁止转载"
QUOTE = "“绿水青山就是金山银山”，这一理念已经深入人心，成为各地推动高质量发展的共同遵循。"


def page(source: str, number: int, *extra: str) -> Document:
    doc = Document(id=f"{source}-{number}", source=source, location=f"{source}/{number}")
    doc.set_lines([NAV, f"第{number}篇报道的标题", f"这是第{number}篇报道的正文，内容各不相同。", *extra, FOOTER])
    return doc


def run(docs: list[Document], min_docs: int = 3, min_share: float = 0.3) -> list[Document]:
    stage = TemplateLines(min_docs, min_share)
    model = stage.fit([stage.summarize(d) for d in docs])
    return [stage.apply(d, model) for d in docs]


@pytest.mark.parametrize(
    "line, expected",
    [
        (QUOTE, True),
        ("Officials said the new rules would take effect on January 1 next year across the region.", True),
        (NAV, False),
        (FOOTER, False),
        ("短句。", False),
        ("A heading without a full stop that is nonetheless rather long for a heading", False),
        # a short line needs twelve Han characters (corpusclean.text: Extension A counts too)
        ("一二三四五六七八九十，一二。", True),
        ("一二三四五六七八九十，一。", False),
        ("\u3400" * 12 + "。", True),
    ],
)
def test_is_sentence_like(line, expected):
    assert is_sentence_like(line) is expected


@pytest.mark.parametrize(
    "pages, min_docs, min_share, removed_in_first",
    [
        # nav and footer on every page of the site
        (4, 3, 0.3, [T, None, None, T]),
        # too few pages of the site: nothing learned
        (2, 3, 0.3, [None, None, None, None]),
        # the share bar: 3 pages of 3 is enough, a min_share above 1 never is
        (3, 3, 0.3, [T, None, None, T]),
        (3, 3, 1.5, [None, None, None, None]),
        # a high min_docs learns nothing from a small site
        (4, 10, 0.1, [None, None, None, None]),
    ],
)
def test_template_lines_per_site(pages, min_docs, min_share, removed_in_first):
    docs = run([page("a.example.cn", n) for n in range(pages)], min_docs, min_share)
    assert docs[0].verdicts == removed_in_first


def test_sites_are_kept_apart():
    docs = run([page("a.example.cn", n) for n in range(4)] + [page("b.example.cn", 9)])
    assert docs[-1].verdicts == [None, None, None, None]


def test_quoted_sentence_in_two_articles_survives():
    docs = [page("a.example.cn", n, QUOTE) if n < 2 else page("a.example.cn", n) for n in range(6)]
    run(docs)
    assert docs[0].verdicts[3] is None


def test_sentence_on_nearly_every_page_is_template():
    docs = run([page("a.example.cn", n, QUOTE) for n in range(6)])
    assert docs[0].verdicts == [T, None, None, T, T]


def test_copies_of_one_page_do_not_make_a_template():
    docs = run([page("a.example.cn", 1) for _ in range(5)])
    assert all(v is None for d in docs for v in d.verdicts)


def test_already_removed_lines_are_not_counted_or_judged_again():
    docs = [page("a.example.cn", n) for n in range(4)]
    for doc in docs:
        doc.remove(0, "boilerplate", "boilerplate.nav")
    run(docs)
    assert docs[0].verdicts == ["boilerplate.nav", None, None, T]


def test_shard_counts_merge_to_the_same_model():
    summaries = [summarize_lines("a.example.cn", page("a.example.cn", n).lines) for n in range(6)]
    whole = select_template(count_lines(summaries), 3, 0.3)
    merged = merge_counts(count_lines(summaries[:2]), count_lines(summaries[2:]))
    assert select_template(merged, 3, 0.3) == whole
    assert len(whole["a.example.cn"]) == 2


def test_stage_and_model_pickle():
    stage = TemplateLines(3, 0.3)
    model = stage.fit([stage.summarize(page("a.example.cn", n)) for n in range(3)])
    assert pickle.loads(pickle.dumps(model)) == model
    assert pickle.loads(pickle.dumps(stage)).min_docs == 3


def test_summary_packs_the_source_fingerprint_and_hashes():
    lines = [NAV, QUOTE, FOOTER, NAV]
    source, fingerprint, short, sentences = unpack_summary(summarize_lines("新闻网.cn", lines))
    assert source == "新闻网.cn"
    assert fingerprint == line_hash("\n".join(lines))
    assert list(short) == sorted({line_hash(NAV), line_hash(FOOTER)})
    assert list(sentences) == [line_hash(QUOTE)]


def test_a_briefs_footer_sentences_go_though_they_are_most_of_its_sentences():
    """Template sentences that are most of a page's sentences go only at its edges (copies of one article,
    each with a sentence of its own after it, keep the article): a brief's footer is at its end."""
    footer = ["本网站所有内容均受版权保护，未经书面许可不得转载或者使用。", "如有侵权请与本站联系，我们将在第一时间删除相关内容。"]
    docs = []
    for n in range(6):
        doc = Document(id=f"b-{n}", source="a.example.cn", location=f"b/{n}")
        doc.set_lines([f"第{n}条简讯", f"这是第{n}条简讯的正文，今天全市各地的天气晴朗。", *footer])
        docs.append(doc)
    run(docs)
    assert docs[0].verdicts == [None, None, T, T]
