"""Finishing a document: what the main process writes and counts, made where the document was cleaned."""

import orjson
import pytest

from corpusclean.document import Document
from corpusclean.write.records import finish, to_record, to_reject
from corpusclean.write.report import FileCounts, Report


def cleaned_doc():
    doc = Document(id="a", source="site", location="in/a.txt", input_name="in/a.txt")
    doc.metadata["path"] = "in/a.txt"
    doc.input_bytes = 42
    doc.set_lines(["menu", "kept line", "copyright"])
    doc.remove(0, "sidebar", "sidebar.nav")
    doc.remove(2, "boilerplate", "boilerplate.copyright")
    return doc


def test_a_written_document_becomes_its_record_line():
    doc = cleaned_doc()
    done = finish(doc, explain=True, keep_rejects=False)
    assert done.line == orjson.dumps(to_record(doc, True)) + b"\n"
    assert orjson.loads(done.line)["text"] == "kept line"
    assert (done.path, done.reject_reason, done.read_error, done.input_bytes) == ("in/a.txt", None, None, 42)
    assert done.removals == ["sidebar/sidebar.nav", "boilerplate/boilerplate.copyright"]


def test_a_rejected_document_becomes_its_reject_line_only_when_rejects_are_kept():
    doc = Document(id="b", source="site", location="in/b.txt", raw=b"\xff\xfe?")
    doc.metadata["path"] = "in/b.txt"
    doc.reject("undecodable", "no encoding fits")
    kept = finish(doc, explain=False, keep_rejects=True)
    assert kept.line == orjson.dumps(to_reject(doc)) + b"\n"
    assert kept.read_error == "in/b.txt: undecodable: no encoding fits"
    assert finish(doc, explain=False, keep_rejects=False).line is None


def test_a_rejection_that_is_no_read_error_gives_no_message():
    doc = cleaned_doc()
    doc.reject("duplicate", "other-id")
    assert finish(doc, explain=False, keep_rejects=True).read_error is None


def test_report_counts_finished_documents():
    report = Report()
    report.count_input("in/a.txt")
    report.count_input("in/a.txt")
    report.count_output("in/a.txt", None, ["sidebar/sidebar.nav", "sidebar/sidebar.nav"])
    report.count_output("in/a.txt", "duplicate", [])
    assert report.per_file["in/a.txt"] == {"inputs": 2, "written": 1, "rejected": 1}
    assert report.rejects == {"duplicate": 1} and report.removals == {"sidebar/sidebar.nav": 2}
    assert report.accounting_problems() == []


@pytest.mark.parametrize("counted, expected", [
    pytest.param([("inputs", 1), ("written", 1)], {"inputs": 1, "written": 1}, id="page-written"),
    pytest.param([("inputs", 1), ("rejected", 1)], {"inputs": 1, "rejected": 1}, id="page-rejected"),
    pytest.param([("inputs", 3), ("rejected", 1), ("written", 1), ("rejected", 1)],
                 {"inputs": 3, "rejected": 2, "written": 1}, id="reject-first"),
    pytest.param([("written", 2), ("inputs", 2)], {"written": 2, "inputs": 2}, id="inputs-counted-last"),
    pytest.param([("inputs", 0)], {"inputs": 0}, id="counted-zero"),
])
def test_file_counts_list_the_keys_counted_in_the_order_first_counted(counted, expected):
    counts = FileCounts()
    for key, count in counted:
        counts.add("in/a.jsonl", key, count)
    assert list(counts["in/a.jsonl"].items()) == list(expected.items())


def test_a_reject_keeps_its_raw_input_as_text_when_it_is_utf8_else_in_base64():
    import base64

    line = Document(id="c", source="s", location="in/c.jsonl:3", raw='{"text": "断'.encode())
    legacy = Document(id="d", source="s", location="in/d.txt", raw="新闻".encode("gbk"))
    clean = Document(id="e", source="s", location="in/e.txt")
    for doc in (line, legacy, clean):
        doc.reject("invalid_json")
    assert (to_reject(line)["raw"], to_reject(line)["raw_base64"]) == ('{"text": "断', "")
    assert to_reject(legacy)["raw"] == ""
    assert base64.b64decode(to_reject(legacy)["raw_base64"]) == "新闻".encode("gbk")
    assert (to_reject(clean)["raw"], to_reject(clean)["raw_base64"]) == ("", "")
