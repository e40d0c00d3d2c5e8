"""Input walking and sniffing: every format, every failure is one rejected document."""

import codecs
import gzip
import io
import os
import sys
from pathlib import Path

import pytest

from corpusclean.read.paths import (
    SKIP_REASONS, Skipped, UsageError, expand_paths, find_inputs, inner_suffix, skip_counts, skip_messages,
)
from corpusclean.read.sources import (
    NotUtf8Line, PageFile, holds_one_page, jsonl_lines, looks_like_html, more_wrapped_pages, opens_json_document,
    parse_json_line, parse_wrapper, read_input, read_jsonl, record_text,
)

ZH = "市气象台今天上午发布暴雨蓝色预警，预计未来六小时内全市大部分地区将出现短时强降水。"
ZH_UTF8 = ZH.encode()
PAGE_ZH = "国务院常务会议部署稳就业工作。\n会议指出，要加大对中小企业的支持力度。\n".encode("utf-8")
PAGE_HTML = b"<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"


def docs_of(path, text_key="text", max_bytes=1_000_000):
    [inp] = expand_paths([str(path)])
    return list(read_input(inp, text_key, max_bytes))


@pytest.mark.parametrize(
    "name, expected",
    [("a.html.gz", ".html"), ("a.JSONL", ".jsonl"), ("a.txt", ".txt"), ("noext", ""), ("a.tar.gz", ".tar"),
     ("a.jsonl.zst", ".jsonl"), ("a.ndjson.ZST", ".ndjson")],
)
def test_inner_suffix(name, expected):
    assert inner_suffix(name) == expected


@pytest.mark.parametrize(
    "name", ["", "/", ".", "..", "x/..", "a/.", "a.txt/", "//a.txt", "g.", "h..txt", "..i", ".a.b", "a.b.c.json",
             "dir.d/noext", "A.TXT.GZ", "x.gz", ".gz", "dir/.x.txt", "ü.HTML", "b.jsonl.zst", ".zst"],
)
def test_inner_suffix_is_pathlibs_suffix(name):
    stem = name[:-3] if name.lower().endswith(".gz") else name[:-4] if name.lower().endswith(".zst") else name
    assert inner_suffix(name) == Path(stem).suffix.lower()


def test_folder_walk_finds_what_rglob_finds(tmp_path):
    """The walk lists folders itself (no Path per file); it must keep what the rglob walk kept."""
    for folder in ["", "s1", "s1/deep", "s-1", ".hidden", "S1", "s1.txt"]:
        (tmp_path / folder).mkdir(exist_ok=True)
        for name in ["a.txt", "B.TXT", "c.html.gz", "d", "e.jsonl", "f.pdf", ".h.txt", "h..txt", "l-m.txt", "l.txt"]:
            (tmp_path / folder / name).write_bytes(PAGE_ZH)
    (tmp_path / "link.txt").symlink_to(tmp_path / "f.pdf")      # a symlinked file is read
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "absent")
    (tmp_path / "dirlink").symlink_to(tmp_path / "s1")           # a symlinked folder is not entered
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith(".")
                   and inner_suffix(p.name) in {".txt", ".html", ".jsonl", ""})
    expected = [
        (str(p), f"{tmp_path.name}/{p.relative_to(tmp_path).as_posix()}", p.parent.name)
        for p in files if not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)
    ]
    assert [(i.path, i.name, i.source) for i in expand_paths([str(tmp_path)])] == expected
    assert len(expected) == 6 * 8 + 1  # 8 wanted names in 6 folders, and the symlinked file


def test_folder_walk_is_recursive_sorted_and_skips_unknown_and_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_bytes(PAGE_HTML)
    (tmp_path / "1.txt").write_bytes(PAGE_ZH)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_bytes(PAGE_ZH)
    inputs = expand_paths([str(tmp_path)])
    assert [i.id_base for i in inputs] == [f"{tmp_path.name}/1.txt", f"{tmp_path.name}/b/2.html"]
    assert inputs[1].source == "b"


def tree_of_two_crawls(tmp_path: Path) -> Path:
    for crawl in ("crawl-a", "crawl-b"):
        (tmp_path / crawl / "pages" / "news").mkdir(parents=True)
        (tmp_path / crawl / "pages" / "news" / "1.html").write_bytes(PAGE_HTML)
        (tmp_path / crawl / "pages" / "feed.jsonl").write_bytes(b'{"text": "x"}\n')
    return tmp_path


@pytest.mark.parametrize("args, source, expected", [
    pytest.param(["crawl-a/pages"], "", [("crawl-a/pages/feed.jsonl", "pages", "pages/feed.jsonl", "pages"),
                                         ("crawl-a/pages/news/1.html", "news", "pages/news/1.html", "news")],
                 id="relative folder: path as given, ids from its own name"),
    pytest.param(["{root}/crawl-a/pages"], "", [("pages/feed.jsonl", "pages", "pages/feed.jsonl", "pages"),
                                                ("pages/news/1.html", "news", "pages/news/1.html", "news")],
                 id="absolute folder: its own name, then the path below it"),
    pytest.param(["crawl-b/pages"], "crawl-b",
                 [("crawl-b/pages/feed.jsonl", "crawl-b", "crawl-b/pages/feed.jsonl", "pages"),
                  ("crawl-b/pages/news/1.html", "crawl-b", "crawl-b/pages/news/1.html", "news")],
                 id="--source: the records' source, ids start with it, sites stay folders"),
    pytest.param(["{root}/crawl-a/pages/news/1.html"], "", [("news/1.html", "news", "news/1.html", "news")],
                 id="absolute named file: the folder it is in, then its name"),
    pytest.param(["crawl-a/pages/../pages/news/1.html"], "",
                 [("crawl-a/pages/news/1.html", "news", "crawl-a/pages/news/1.html", "news")],
                 id="relative named file: as given"),
    pytest.param(["crawl-*/pages/news/*.html"], "",
                 [(f"crawl-{c}/pages/news/1.html", "news", f"crawl-{c}/pages/news/1.html", "news") for c in "ab"],
                 id="relative glob: as given"),
    pytest.param(["{root}/crawl-a/**/*.jsonl"], "",
                 [("crawl-a/pages/feed.jsonl", "pages", "crawl-a/pages/feed.jsonl", "pages")],
                 id="absolute recursive glob: from the folder it starts from"),
    pytest.param(["-"], "", [("stdin", "stdin", "stdin", "stdin")], id="stdin"),
    pytest.param(["-"], "wire", [("stdin", "wire", "wire/stdin", "stdin")], id="stdin with --source"),
])
def test_records_name_inputs_relative_to_the_input_root(tmp_path, monkeypatch, args, source, expected):
    root = tree_of_two_crawls(tmp_path)
    monkeypatch.chdir(root)
    inputs, _ = find_inputs([a.format(root=root) for a in args], source=source)
    named = [(i.name, i.source, i.id_base, i.site) for i in inputs]
    assert named == [tuple(row) for row in expected]


def test_glob_and_missing_paths(tmp_path):
    (tmp_path / "x1.txt").write_bytes(PAGE_ZH)
    (tmp_path / "x2.txt").write_bytes(PAGE_ZH)
    assert len(expand_paths([str(tmp_path / "x*.txt")])) == 2
    with pytest.raises(UsageError, match="no file matches"):
        expand_paths([str(tmp_path / "nothing*.txt")])
    with pytest.raises(UsageError, match="no such file"):
        expand_paths([str(tmp_path / "absent.txt")])


def test_text_page(tmp_path):
    (tmp_path / "a.txt").write_bytes(PAGE_ZH)
    [doc] = docs_of(tmp_path / "a.txt")
    assert (doc.format, doc.raw, doc.rejected) == ("txt", PAGE_ZH, False)
    assert doc.metadata["path"] == f"{tmp_path.name}/a.txt"  # relative to the input root, never absolute
    assert doc.location == str(tmp_path / "a.txt")  # messages and rejects say where it is


@pytest.mark.parametrize("name", ["page.txt", "page", "page.html"])
def test_html_sniffed_whatever_the_name(tmp_path, name):
    (tmp_path / name).write_bytes(PAGE_HTML)
    [doc] = docs_of(tmp_path / name)
    assert doc.format == "html"


def zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize("compress", [gzip.compress, zstd], ids=["gzip", "zstd"])
def test_compression_looked_through_even_when_the_name_lies(tmp_path, compress):
    (tmp_path / "a.html.gz").write_bytes(compress(PAGE_HTML))
    (tmp_path / "b.txt").write_bytes(compress(PAGE_ZH))
    (tmp_path / "c.jsonl.zst").write_bytes(compress(b'{"text": "x"}\n' * 2))
    assert docs_of(tmp_path / "a.html.gz")[0].raw == PAGE_HTML
    assert docs_of(tmp_path / "b.txt")[0].raw == PAGE_ZH
    assert [d.text for d in docs_of(tmp_path / "c.jsonl.zst")] == ["x", "x"]


def test_zstd_frames_one_after_another_are_one_stream(tmp_path):
    (tmp_path / "a.jsonl.zst").write_bytes(zstd(b'{"text": "a"}\n') + zstd(b'{"text": "b"}\n'))
    assert [d.text for d in docs_of(tmp_path / "a.jsonl.zst")] == ["a", "b"]


@pytest.mark.parametrize("data", [
    pytest.param(zstd(b'{"text": "x"}\n' * 5000)[:-5], id="zstd cut short"),
    pytest.param(zstd(b'{"text": "x"}\n')[:8] + b"garbage" * 4, id="zstd corrupt"),
    pytest.param(gzip.compress(b'{"text": "x"}\n' * 5000)[:-5], id="gzip cut short"),
])
def test_a_broken_compressed_file_is_unreadable_never_shorter(tmp_path, data):
    (tmp_path / "a.jsonl.zst").write_bytes(data)
    docs = docs_of(tmp_path / "a.jsonl.zst")
    assert docs[-1].reject_reason == "unreadable"


def test_ndjson_and_zst_names_are_read_by_a_folder_walk(tmp_path):
    for name in ("a.ndjson", "b.jsonl.zst", "c.txt.zst", "d.zip"):
        (tmp_path / name).write_bytes(b"")
    inputs, skipped = find_inputs([str(tmp_path)])
    assert [Path(i.path).name for i in inputs] == ["a.ndjson", "b.jsonl.zst", "c.txt.zst"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("d.zip", "unknown_type")]


def test_crawl_wrapper_gives_url_and_charset(tmp_path):
    body = "<html><body><p>正文</p></body></html>".encode("gbk")
    data = b'<text id="http://news.example.cn/a/1.html" encoding="gbk">\n' + body + b"\n</text>\n"
    (tmp_path / "dump.txt").write_bytes(data)
    [doc] = docs_of(tmp_path / "dump.txt")
    assert doc.metadata["url"] == "http://news.example.cn/a/1.html"
    assert doc.declared_charset == "gbk"
    assert doc.format == "html"
    assert doc.raw.strip() == body


def test_parse_wrapper_leaves_plain_pages_alone():
    assert parse_wrapper(PAGE_ZH) == (PAGE_ZH, {})


def test_a_crawl_wrapper_after_a_byte_order_mark_is_taken_off_and_the_mark_kept():
    data = codecs.BOM_UTF8 + b'<text id="http://x.cn/1" encoding="utf-8">\n' + PAGE_ZH + b"</text>\n"
    assert parse_wrapper(data) == (codecs.BOM_UTF8 + PAGE_ZH, {"id": "http://x.cn/1", "encoding": "utf-8"})


@pytest.mark.parametrize("body, more", [
    pytest.param(b'A\n</text>\n<text id="http://x.cn/2" encoding="utf-8">\nB\n', 1, id="a-second-page"),
    pytest.param(b'A\r</text>\r<text id="http://x.cn/2" encoding="utf-8">\rB\r</text>\r<text id="http://x.cn/3" '
                 b'encoding="gbk">\rC', 2, id="classic-mac-line-breaks"),
    pytest.param(b'A\r\n</text>\r\n\r\n<text id="http://x.cn/2" encoding="utf-8">\r\nB', 1, id="windows-line-breaks"),
    # an SVG's text elements, set out over lines: other attributes, or an id that is no URL
    pytest.param(b'<svg>\n<text x="1" y="2">\nA\n</text>\n<text x="3" y="4">\nB\n</text>\n</svg>', 0, id="svg"),
    pytest.param(b'<svg>\n<text id="t1" encoding="x">\nA\n</text>\n<text id="t2" encoding="x">\nB\n</svg>', 0,
                 id="svg-ids"),
    pytest.param(b"A </text> <text id='http://x.cn/2' encoding='utf-8'> B", 0, id="not-lines-of-their-own"),
])
def test_more_wrapped_pages(body, more):
    assert more_wrapped_pages(body, {"id": "http://x.cn/1", "encoding": "utf-8"}) == more


@pytest.mark.parametrize(
    "head, is_html",
    [
        pytest.param(PAGE_HTML, True, id="doctype"),
        pytest.param(b"  <html lang='zh'>", True, id="html-tag-after-space"),
        pytest.param(b"\xef\xbb\xbf<!doctype html>\n<html>", True, id="after-a-bom"),
        pytest.param(b'<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">',
                     True, id="xhtml-after-xml-declaration"),
        pytest.param(b"<!-- saved from url=(0041)http://news.example.cn/ -->\n<HTML><HEAD>", True,
                     id="after-a-comment"),
        pytest.param(b"<body bgcolor=white><p>x</p>", True, id="body-without-html"),
        # negatives: text that mentions tags, fragments, look-alikes
        pytest.param("文中提到<p>标签的用法。".encode(), False, id="prose-mentioning-p"),
        pytest.param(b"An HTML document has a <head> and a <body> inside <html>.", False, id="prose-about-html"),
        pytest.param(b"[<p>text</p><p> ]", False, id="markup-inside-a-text-dump"),
        pytest.param(b"<div class='a'>x</div>", False, id="fragment-is-not-a-document"),
        pytest.param(b"<htmlfoo>", False, id="tag-lookalike"),
        pytest.param(PAGE_ZH, False, id="chinese-text"),
        pytest.param(b"a < b and c > d", False, id="comparison"),
        pytest.param(b"<<<>>>", False, id="brackets"),
    ],
)
def test_looks_like_html(head, is_html):
    assert looks_like_html(head) is is_html


@pytest.mark.parametrize(
    "head, is_document",
    [
        pytest.param(b'{\n    "id": "a",\n    "text": "x"\n}', True, id="object-with-an-indent"),
        pytest.param(b'[\n  {\n    "id": "a"', True, id="array-with-an-indent"),
        pytest.param(b'[\n{"url": "http://a.cn/1", "text": "x"},\n', True, id="scrapy-feed"),
        pytest.param(b'\xef\xbb\xbf\r\n  [ \r\n{"id": "a"},', True, id="after-a-bom-and-blank-lines"),
        pytest.param(b"[\n]", True, id="empty-array"),
        pytest.param(b'{\r    "id": "a",\r    "text": "x"\r}', True, id="classic-mac-line-breaks"),
        # negatives: JSON lines, text opening with a bracket, a first line not yet whole
        pytest.param(b'{"id": "a", "text": "x"}\n{"id": "b"', False, id="json-lines"),
        pytest.param(b'[{"id": "a", "text": "x"}]\n', False, id="array-on-one-line"),
        pytest.param("[新华社] 市气象台发布暴雨蓝色预警\n".encode(), False, id="text-opening-with-a-bracket"),
        pytest.param(b"[", False, id="no-line-end-yet"),
        pytest.param(b"", False, id="empty"),
    ],
)
def test_opens_json_document(head, is_document):
    assert opens_json_document(head) is is_document


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty_input"), (b"  \n\n", "empty_input"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_unreadable_pages_are_rejected_with_a_reason(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    [doc] = docs_of(tmp_path / "bad.txt")
    assert doc.reject_reason == reason


@pytest.mark.parametrize("compress", [False, True])
def test_too_large_page(tmp_path, compress):
    """The reject gave every page over the limit its size as the limit and one byte ('101 bytes')."""
    page = PAGE_ZH * 10
    (tmp_path / "big.txt").write_bytes(gzip.compress(page) if compress else page)
    [doc] = docs_of(tmp_path / "big.txt", max_bytes=100)
    assert (doc.reject_reason, doc.reject_detail) == (
        "too_large", f"{len(page)} bytes, over the 100-byte limit (max_page_bytes)")


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [
        b'{"id": "a1", "text": "\xe6\x96\x87\xe6\x9c\xac", "url": "http://x.cn/1"}',
        b"",
        b"{not json",
        b"[1, 2]",
        b'{"text": 3}',
        b'{"body": "elsewhere"}',
        '{"text": "line\u2028separator"}'.encode("utf-8"),
    ]
    (tmp_path / "d.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    docs = docs_of(tmp_path / "d.jsonl")
    assert [d.reject_reason for d in docs] == [None, "invalid_json", "invalid_record", "invalid_record",
                                               "invalid_record", None]
    assert docs[0].id == "a1" and docs[0].text == "文本" and docs[0].metadata["url"] == "http://x.cn/1"
    assert docs[1].location.endswith("d.jsonl:3") and docs[1].metadata["line"] == 3
    assert docs[5].id.endswith("d.jsonl#7")
    assert docs[5].text == "line\u2028separator"


def test_text_key(tmp_path):
    (tmp_path / "d.jsonl").write_bytes(b'{"body": "hello"}\n')
    [doc] = docs_of(tmp_path / "d.jsonl", text_key="body")
    assert doc.text == "hello"


def test_empty_jsonl_file_is_one_rejected_input(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"\n\n")
    [doc] = docs_of(tmp_path / "e.jsonl")
    assert doc.reject_reason == "empty_input"


def test_stdin_jsonl_is_sniffed(monkeypatch):
    data = b'{"text": "one"}\n{"text": "two"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    [inp] = expand_paths(["-"])
    docs = list(read_input(inp, "text", 1000))
    assert [d.text for d in docs] == ["one", "two"]
    assert [d.id for d in docs] == ["stdin#1", "stdin#2"]


def test_unreadable_file(tmp_path):
    target = tmp_path / "locked.txt"
    target.write_bytes(PAGE_ZH)
    [inp] = expand_paths([str(target)])
    target.unlink()
    [doc] = read_input(inp, "text", 1000)
    assert doc.reject_reason == "unreadable"


@pytest.mark.parametrize(
    "name, one_page",
    [("a.txt", True), ("a.html.gz", True), ("a.SHTML", True), ("a.jsonl", False), ("a.json.gz", False),
     ("noext", False), ("a.text", False)],
)
def test_only_names_that_say_one_page_are_left_to_the_worker(tmp_path, name, one_page):
    (tmp_path / name).write_bytes(PAGE_ZH)
    [inp] = expand_paths([str(tmp_path / name)])
    assert holds_one_page(inp) == one_page
    assert not holds_one_page(expand_paths(["-"])[0])


@pytest.mark.parametrize("data", [PAGE_ZH, gzip.compress(PAGE_HTML), b"", b"\x1f\x8b\x08broken"])
def test_a_page_file_reads_as_read_input_does(tmp_path, data):
    (tmp_path / "p.txt").write_bytes(data)
    [inp] = expand_paths([str(tmp_path / "p.txt")])
    [expected] = read_input(inp, "text", 1000)
    assert PageFile(inp, "text", 1000).read() == expected


def test_input_bytes_is_what_was_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b'<text id="http://x.cn/1">\n' + PAGE_ZH + b"</text>")
    (tmp_path / "d.jsonl").write_bytes(b'{"text": "\xe6\x96\x87"}\n{oops\n')
    [page] = docs_of(tmp_path / "a.txt")
    assert page.input_bytes == len(PAGE_ZH)
    assert [d.input_bytes for d in docs_of(tmp_path / "d.jsonl")] == [3, 0]


@pytest.mark.parametrize("compress", [False, True])
def test_pages_larger_than_a_read_are_read_whole_up_to_the_limit(tmp_path, compress):
    page = PAGE_ZH * 3000  # about 270 KB: several reads
    (tmp_path / "big.txt").write_bytes(gzip.compress(page) if compress else page)
    [doc] = docs_of(tmp_path / "big.txt", max_bytes=len(page))
    assert doc.raw == page
    [doc] = docs_of(tmp_path / "big.txt", max_bytes=len(page) - 1)
    assert doc.reject_reason == "too_large" and doc.reject_detail.startswith(f"{len(page)} bytes")


@pytest.mark.parametrize(
    "line, value, replaced",
    [
        pytest.param(b'{"text": "ok"}', {"text": "ok"}, 0, id="clean"),
        pytest.param(b'{"text": "\\ud83d\\ude00 pair"}', {"text": "\U0001f600 pair"}, 0, id="surrogate-pair-is-fine"),
        pytest.param(b'{"text": "a\\ud800b"}', {"text": "a\ufffdb"}, 1, id="lone-surrogate"),
        pytest.param(b'{"text": "a\\udc00", "id": "\\ud800"}', {"text": "a\ufffd", "id": "\ufffd"}, 2,
                     id="lone-surrogates-in-every-field"),
        pytest.param(b'{"text": "' + ZH_UTF8 + b'a\xffb\xfe"}', {"text": ZH + "a\ufffdb\ufffd"}, 2,
                     id="bytes-that-are-not-utf-8"),
        pytest.param(b'{"meta": {"t\xff": ["\\udfff"]}, "text": "' + ZH_UTF8 + b'"}',
                     {"meta": {"t\ufffd": ["\ufffd"]}, "text": ZH}, 2, id="nested-keys-and-lists"),
    ],
)
def test_parse_json_line_replaces_bad_characters(line, value, replaced):
    assert parse_json_line(line) == (value, replaced)


@pytest.mark.parametrize(
    "line, message",
    [
        pytest.param(f'{{"text": "{ZH}"}}'.encode("gbk"), "the line is GB18030, and JSONL must be UTF-8 (iconv -f "
                     "GB18030 -t UTF-8 converts it)", id="gbk"),
        pytest.param('{"text": "高雄市政府昨日宣布，將在年底前完成港區周邊道路的拓寬工程。"}'.encode("big5"),
                     "the line is BIG5HKSCS, and JSONL must be UTF-8 (iconv -f BIG5HKSCS -t UTF-8 converts it)",
                     id="big5"),
        pytest.param(b'{"text": "a\xffb\xfe"}', None, id="bytes-beyond-ascii-none-of-them-utf-8"),
        pytest.param(b'{"text": "' + ZH_UTF8[:30] + b'\xff\xfe\xff"}', None, id="utf-8-with-as-many-bad-bytes"),
    ],
)
def test_parse_json_line_refuses_a_line_in_a_legacy_encoding(line, message):
    """Read as damaged UTF-8, its text was all U+FFFD: a GBK JSONL file was written as such, exit 0."""
    with pytest.raises(NotUtf8Line) as raised:
        parse_json_line(line)
    if message is not None:
        assert str(raised.value) == message


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(b'{"text": "cut', id="cut-off"),
        pytest.param(b'{"text": NaN}', id="nan-is-not-json"),
        pytest.param(b'{"text": "' + ZH_UTF8 + b'\xff", ', id="bad-byte-in-a-broken-line"),
        pytest.param(b'\xff{"text": "' + ZH_UTF8 + b'"}', id="bad-byte-outside-a-string"),
    ],
)
def test_parse_json_line_refuses_what_is_not_json(line):
    import orjson

    with pytest.raises(orjson.JSONDecodeError):
        parse_json_line(line)


HTML_DOC = "<!DOCTYPE html><html><body><p>正文</p></body></html>"


@pytest.mark.parametrize(
    "record, text_key, text_format, expected",
    [
        pytest.param({"text": "文中提到<p>标签"}, "text", "text", ("文中提到<p>标签", False), id="text-is-text"),
        pytest.param({"text": HTML_DOC}, "text", "text", (HTML_DOC, False), id="even-a-page-by-default"),
        pytest.param({"text": HTML_DOC}, "text", "html", (HTML_DOC, True), id="option-html"),
        pytest.param({"text": HTML_DOC}, "text", "auto", (HTML_DOC, True), id="auto-takes-a-document"),
        pytest.param({"text": "文中提到<p>标签"}, "text", "auto", ("文中提到<p>标签", False), id="auto-leaves-prose"),
        pytest.param({"html": HTML_DOC}, "text", "text", (HTML_DOC, True), id="html-field"),
        pytest.param({"raw_html": HTML_DOC}, "text", "text", (HTML_DOC, True), id="raw-html-field"),
        pytest.param({"text": "正文", "html": HTML_DOC}, "text", "text", ("正文", False), id="text-before-html-field"),
        pytest.param({"html": HTML_DOC}, "html", "text", (HTML_DOC, True), id="text-key-html"),
        pytest.param({"html": HTML_DOC}, "body", "text", (None, False), id="named-key-missing-no-fallback"),
        pytest.param({"text": 3}, "text", "html", (3, False), id="not-a-string"),
    ],
)
def test_record_text(record, text_key, text_format, expected):
    assert record_text(record, text_key, text_format) == expected


def test_jsonl_bom_lines_and_raw_lines_of_rejects(tmp_path):
    lines = [b'\xef\xbb\xbf{"id": "a", "text": "one"}', b'\xef\xbb\xbf', b'{"id": "b", "text": "tw\\ud800o"}',
             b"{broken", b"[1]", b'{"body": 1}']
    (tmp_path / "d.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    docs = docs_of(tmp_path / "d.jsonl")
    assert [d.reject_reason for d in docs] == [None, None, "invalid_json", "invalid_record", "invalid_record"]
    assert [d.text for d in docs[:2]] == ["one", "tw\ufffdo"]
    assert [d.metadata["invalid_bytes"] for d in docs[:2]] == [0, 1]
    assert [d.raw for d in docs[2:]] == [b"{broken", b"[1]", b'{"body": 1}']


class ReadSizes(io.BytesIO):
    """A stream that remembers the largest read asked of it."""

    largest = 0

    def readline(self, size=-1):
        self.largest = max(self.largest, size)
        return super().readline(size)


def test_an_oversized_jsonl_line_is_read_past_in_pieces_and_rejected_with_its_size():
    big = b'{"text": "' + b"x" * 100_000 + b'"}'
    stream = ReadSizes(b'{"text": "a"}\n' + big + b'\n{"text": "b"}\n' + big)
    [inp] = expand_paths(["-"])
    docs = list(read_jsonl(inp, stream, "text", max_record_bytes=1000))
    assert [d.reject_reason for d in docs] == [None, "too_large", None, "too_large"]
    assert docs[1].reject_detail == f"{len(big)} bytes, over the 1000-byte limit (max_record_bytes)"
    assert docs[3].reject_detail.startswith(f"{len(big)} bytes")
    assert [d.text for d in docs if not d.rejected] == ["a", "b"]
    assert stream.largest <= 1 << 16, "never asked for the whole line"


@pytest.mark.parametrize(
    "data, lines",
    [
        pytest.param(b"a\rb\rc", [b"a\r", b"b\r", b"c"], id="classic-mac"),
        pytest.param(b"a\rb\r\r", [b"a\r", b"b\r", b"\r"], id="classic-mac-blank-line-last"),
        pytest.param(b"a\rb\r\nc\nd", [b"a\rb\r\n", b"c\n", b"d"], id="lf-in-the-first-line-splits-at-lf-only"),
        pytest.param(b"a\r\nb\r\n", [b"a\r\n", b"b\r\n"], id="crlf"),
        pytest.param(b"a\nb", [b"a\n", b"b"], id="lf"),
        pytest.param(b"a\r" + b"x" * 11 + b"\rb", [b"a\r", 11, b"b"], id="classic-mac-line-over-the-limit"),
        pytest.param(b"a\r" + b"x" * 10 + b"\r\nb", [b"a\r", b"x" * 10 + b"\r\n", b"b"], id="crlf-across-a-read"),
        pytest.param(b"x" * 10 + b"\r\ny", [11, b"y"], id="crlf-cut-at-the-limit-is-no-classic-mac-break"),
        pytest.param(b"x" * 11 + b"\ra\rb", [11, b"a\r", b"b"], id="classic-mac-first-line-over-the-limit"),
        pytest.param(b"x" * 30 + b"\ra\nb\rc", [30, b"a\n", b"b\r", b"c"], id="classic-mac-cr-beyond-the-limit"),
        pytest.param(b"x" * 10 + b"\ra\rb", [b"x" * 10 + b"\r", b"a\r", b"b"], id="classic-mac-first-line-of-the-limit"),
        pytest.param(b"x" * 10 + b"\r", [b"x" * 10 + b"\r"], id="classic-mac-one-line-of-the-limit"),
        pytest.param(b"x" * 30 + b"\r\na\rb", [31, b"a\rb"], id="crlf-beyond-the-limit-splits-at-lf-only"),
        pytest.param(b"x" * 30, [30], id="one-line-over-the-limit"),
    ],
)
def test_jsonl_lines_end_at_cr_in_a_classic_mac_file(data, lines):
    assert list(jsonl_lines(io.BytesIO(data), 10)) == lines


def test_a_classic_mac_line_over_the_limit_is_read_past_in_chunks():
    big = b'{"text": "' + b"x" * 300_000 + b'"}'
    data = b'{"text": "a"}\r' + big + b'\r{"text": "b"}\r' + big
    stream = io.BufferedReader(io.BytesIO(data), 1 << 16)
    assert list(jsonl_lines(stream, 1000)) == [b'{"text": "a"}\r', len(big), b'{"text": "b"}\r', len(big)]


class ReadChunks(io.BufferedReader):
    """A buffered stream that remembers the largest read asked of it."""

    largest = 0

    def readline(self, size=-1):
        self.largest = max(self.largest, size)
        return super().readline(size)

    def read1(self, size=-1):
        self.largest = max(self.largest, size)
        return super().read1(size)


def test_a_classic_mac_first_line_over_the_limit_is_read_past_in_chunks():
    """Over the limit, a classic Mac file's first line was taken for an LF file's: the whole file one line."""
    big = b'{"text": "' + b"x" * 300_000 + b'"}'
    stream = ReadChunks(io.BytesIO(big + b'\r{"text": "a"}\r' + big + b'\r{"text": "b"}'), 1 << 16)
    assert list(jsonl_lines(stream, 1000)) == [len(big), b'{"text": "a"}\r', len(big), b'{"text": "b"}']
    assert stream.largest <= 1 << 16, "never asked for the whole line"


def test_a_line_of_exactly_the_limit_is_read():
    line = b'{"text": "' + b"x" * 50 + b'"}'
    [inp] = expand_paths(["-"])
    [doc] = read_jsonl(inp, io.BytesIO(line + b"\n"), "text", max_record_bytes=len(line))
    assert not doc.rejected


def make_tree(root: Path) -> None:
    """A folder of pages beside every kind of path a walk must skip, and a folder outside it."""
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_bytes(PAGE_ZH)
    tree = root / "in"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_bytes(PAGE_ZH)
    (tree / "sub" / "b.html").write_bytes(PAGE_HTML)
    (tree / "inside.txt").symlink_to(tree / "a.txt")                    # a link within the tree: read
    (tree / "escape.txt").symlink_to(root / "outside" / "secret.txt")   # link_outside
    (tree / "out-folder").symlink_to(root / "outside")                  # link_to_folder
    (tree / "sub" / "up").symlink_to(tree)                              # link_to_folder (a loop when followed)
    (tree / "loop.txt").symlink_to(tree / "loop.txt")                   # broken_link
    os.mkfifo(tree / "pipe.txt")                                        # not_a_file
    (tree / "feed.xml").write_bytes(b"<rss/>")                          # unknown_type
    (tree / ".git").mkdir()                                             # hidden


@pytest.mark.parametrize(
    "follow_links, read, skipped",
    [
        pytest.param(False, ["in/a.txt", "in/inside.txt", "in/sub/b.html"],
                     {"broken_link": ["loop.txt"], "hidden": [".git"], "link_outside": ["escape.txt"],
                      "link_to_folder": ["out-folder", "sub/up"], "not_a_file": ["pipe.txt"],
                      "unknown_type": ["feed.xml"]},
                     id="links-stay-in-the-tree"),
        pytest.param(True, ["in/a.txt", "in/escape.txt", "in/inside.txt", "in/out-folder/secret.txt",
                            "in/sub/b.html"],
                     {"broken_link": ["loop.txt"], "hidden": [".git"], "link_loop": ["sub/up"],
                      "not_a_file": ["pipe.txt"], "unknown_type": ["feed.xml"]},
                     id="follow-links"),
    ],
)
def test_a_walk_reads_what_it_should_and_says_why_it_skips_the_rest(tmp_path, follow_links, read, skipped):
    make_tree(tmp_path)
    inputs, skips = find_inputs([str(tmp_path / "in")], follow_links)
    assert [i.id_base for i in inputs] == read
    found: dict[str, list[str]] = {}
    for skip in skips:
        found.setdefault(skip.reason, []).append(Path(skip.path).relative_to(tmp_path / "in").as_posix())
    assert found == skipped


def test_special_files_named_on_the_command_line(tmp_path):
    import socket

    os.mkfifo(tmp_path / "pipe.jsonl")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "sock.txt"))
    listener.close()
    inputs, skips = find_inputs([str(tmp_path / "pipe.jsonl"), str(tmp_path / "sock.txt")])
    assert [i.path for i in inputs] == [str(tmp_path / "pipe.jsonl")], "a named pipe is read (<(zcat ...))"
    assert [(s.path, s.reason) for s in skips] == [(str(tmp_path / "sock.txt"), "not_a_file")]
    [doc] = read_input(inputs[0], "text", 1000)  # no writer: empty at once instead of blocking
    assert doc.reject_reason == "empty_input"


def test_skip_messages_give_each_path_or_a_count_per_reason():
    few = [Skipped("in/a.xml", "unknown_type"), Skipped("in/p", "not_a_file")]
    assert skip_messages(few) == [
        f"in/a.xml: skipped: unknown_type: {SKIP_REASONS['unknown_type']}",
        f"in/p: skipped: not_a_file: {SKIP_REASONS['not_a_file']}",
    ]
    many = [Skipped(f"in/{n}.xml", "unknown_type") for n in range(5)]
    assert skip_messages(many) == [
        f"skipped 5 paths: unknown_type: {SKIP_REASONS['unknown_type']}; the first is in/0.xml"
    ]
    assert skip_counts(many + few) == {
        "not_a_file": {"count": 1, "first": "in/p"}, "unknown_type": {"count": 6, "first": "in/0.xml"},
    }
