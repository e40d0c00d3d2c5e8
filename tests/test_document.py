"""The document's line bookkeeping: removals, cuts, and the Simplified form line stages judge."""

import pytest

from corpusclean.document import Cut, Document, Removal
from corpusclean.pipeline import LineStage, apply_line_stage
from corpusclean.document import Judged


def traditional_doc() -> Document:
    doc = Document(id="1", source="s", location="p")
    doc.set_lines(["建功立業 投身主戰場", "記者 阮向民", "會議強調要壓實責任。會議強調要壓實責任。"])
    doc.folded = ["建功立业 投身主战场", "记者 阮向民", "会议强调要压实责任。会议强调要压实责任。"]
    doc.metadata["title"] = "建功立業 投身主戰場"
    return doc


@pytest.mark.parametrize(
    "spans, line, expected",
    [
        pytest.param(((0, 3),), "abcdef", ("abc", "def"), id="keep-head"),
        pytest.param(((0, 2), (4, 6)), "ab--cd", ("abcd", "--"), id="cut-middle"),
        pytest.param((), "abc", ("", "abc"), id="cut-all"),
        pytest.param(((3, 6),), "一二。三四。", ("三四。", "一二。"), id="cut-first-sentence"),
    ],
)
def test_cut_keeps_its_spans(spans, line, expected):
    assert Cut(spans, "r").apply(line) == expected


def test_unfold_gives_the_value_in_the_lines_own_script():
    doc = traditional_doc()
    assert doc.unfold("阮向民") == "阮向民"
    assert doc.unfold("投身主战场") == "投身主戰場"
    assert doc.unfold("不在文中") == "不在文中", "a value not found is given back as it is"


def test_the_judged_title_is_the_simplified_form_of_the_title():
    assert traditional_doc().view().title == "建功立业 投身主战场"


def test_a_cut_applies_to_the_line_and_its_simplified_form():
    doc = traditional_doc()
    doc.cut(2, "repeat_sentences", Cut(((0, 10),), "repeat.sentence"))
    assert doc.lines[2] == "會議強調要壓實責任。" and doc.folded[2] == "会议强调要压实责任。"
    assert doc.trace == [Removal(2, "repeat_sentences", "repeat.sentence", "會議強調要壓實責任。")]


def test_a_cut_is_skipped_when_the_simplified_form_has_another_length():
    doc = traditional_doc()
    doc.folded[2] = doc.folded[2] + "。"
    doc.cut(2, "repeat_sentences", Cut(((0, 10),), "repeat.sentence"))
    assert doc.lines[2].count("會議") == 2 and doc.trace == []


class LiftsAuthor(LineStage):
    name = "lifts"

    def judge(self, lines, view):
        verdicts = ["meta.author" if line.startswith("记者") else None for line in lines]
        return Judged(verdicts, {"author": "阮向民", "title": "投身主战场"})


def test_a_line_stage_sees_simplified_lines_and_fills_fields_in_the_documents_script():
    doc = traditional_doc()
    apply_line_stage(LiftsAuthor(), doc)
    assert doc.verdicts == [None, "meta.author", None]
    assert doc.metadata["author"] == "阮向民"
    assert doc.metadata["title"] == "建功立業 投身主戰場", "a field already set stays"


def test_a_record_written_from_html_is_viewed_as_html():
    """The layout stage skips HTML pages (extraction found their body); a record written from one and read
    back holds text, but is still an HTML page's body: rerunning `run` on it removed forum posts."""
    doc = Document(id="1", source="s", location="p", format="txt")
    doc.metadata["format"] = "html"
    assert doc.view().format == "html"
    doc.metadata["format"] = None
    assert doc.view().format == "txt"


def test_a_parked_document_comes_back_whole():
    """The spool pickles a document as the tuple of its fields, its trace's steps as plain tuples: unpickled,
    every field is equal and each step is a Removal again (explain and the report read them by name)."""
    import pickle

    doc = traditional_doc()
    doc.remove(1, "metadata", "meta.author")
    doc.cut(2, "repeat_sentences", Cut(((0, 10),), "repeat.sentence"))
    back = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.__dict__ == doc.__dict__
    assert [type(step) for step in back.trace] == [Removal, Removal]
    assert (back.trace[0].stage, back.trace[1].reason) == ("metadata", "repeat.sentence")
