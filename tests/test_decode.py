import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpusclean.decode import Decode, canonical_codec, chinese_score, decode_bytes, sniff_declared_charset
from corpusclean.document import Document

SIMPLIFIED = (
    "本报讯 记者从市人民政府新闻办公室获悉，今年前三季度全市地区生产总值同比增长百分之五点二，"
    "经济运行总体平稳。\n"
    "市统计局有关负责人表示，下一步将继续做好稳就业、稳物价工作，推动消费持续恢复，"
    "为全年经济发展目标的实现打下坚实基础。\n"
    "据介绍，全市规模以上工业企业利润保持增长，新能源汽车、集成电路等产业发展较快。\n"
)
TRADITIONAL = (
    "本報訊 行政院今日召開記者會，說明今年前三季經濟發展情況，主計總處發言人表示，"
    "臺灣經濟持續穩定成長，出口表現優於預期。\n"
    "發言人指出，政府將繼續推動產業轉型，加強對中小企業的協助，並關注國際情勢變化對民眾生活的影響。\n"
    "據了解，今年觀光人數明顯回升，各地商家營業額也較去年同期增加。\n"
)
ENGLISH = "City officials said on Monday that the new bridge will open to traffic next spring.\n"
OUTSIDE_GBK = "𠀀"  # CJK Extension B: GB18030 encodes it in four bytes, GBK cannot


def html_page(charset_meta: str, body: str) -> str:
    return f"<html><head>{charset_meta}<title>中文</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "text", "encoding", "method"),
    [
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SIMPLIFIED.encode(), SIMPLIFIED, "utf-8", "bom", id="utf-8-bom"),
        pytest.param(
            codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16", "bom", id="utf-16-le"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + TRADITIONAL.encode("utf-16-be"), TRADITIONAL, "utf-16", "bom", id="utf-16-be"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, "utf-32", "bom", id="utf-32-le"
        ),
        pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", "detector", id="gbk-undeclared"),
        pytest.param(
            (SIMPLIFIED + OUTSIDE_GBK).encode("gb18030"),
            SIMPLIFIED + OUTSIDE_GBK, "gb18030", "detector", id="gb18030-beyond-gbk",
        ),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, "big5hkscs", "detector", id="big5"),
        pytest.param("市政府召开新闻发布会".encode("gbk"), "市政府召开新闻发布会", "gb18030", "detector",
                     id="short-gbk-line"),
        pytest.param("行政院召開記者會".encode("big5"), "行政院召開記者會", "big5hkscs", "detector",
                     id="short-big5-line"),
        pytest.param(ENGLISH.encode("ascii"), ENGLISH, "utf-8", "utf-8", id="ascii-english"),
        pytest.param(b"", "", "utf-8", "utf-8", id="empty"),
    ],
)
def test_decodes_each_encoding_to_the_original_text(data, text, encoding, method):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.method, decoded.error) == (text, encoding, method, None)


@pytest.mark.parametrize(
    ("page", "codec", "encoding", "method"),
    [
        pytest.param(html_page('<meta charset="gb2312">', SIMPLIFIED), "gbk", "gb18030", "declared",
                     id="honest-gb2312"),
        pytest.param(
            html_page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', SIMPLIFIED),
            "gbk", "gb18030", "declared", id="honest-http-equiv-gbk",
        ),
        pytest.param(html_page('<meta charset="big5">', TRADITIONAL), "big5", "big5hkscs", "declared",
                     id="honest-big5"),
        pytest.param(html_page('<meta charset="utf-8">', SIMPLIFIED), "utf-8", "utf-8", "declared",
                     id="honest-utf-8"),
        pytest.param(html_page('<meta charset="gb2312">', SIMPLIFIED), "utf-8", "utf-8", "utf-8",
                     id="declares-gb2312-is-utf-8"),
        pytest.param(html_page('<meta charset="utf-8">', SIMPLIFIED), "gbk", "gb18030", "detector",
                     id="declares-utf-8-is-gbk"),
        pytest.param(html_page('<meta charset="gb2312">', TRADITIONAL), "big5", "big5hkscs", "detector",
                     id="declares-gb2312-is-big5"),
        pytest.param(html_page('<meta charset="iso-8859-1">', SIMPLIFIED), "gbk", "gb18030", "detector",
                     id="declares-latin-1-is-gbk"),
        pytest.param(html_page('<meta charset="no-such-charset">', SIMPLIFIED), "gbk", "gb18030", "detector",
                     id="unknown-label"),
    ],
)
def test_declared_charset_is_verified_against_the_bytes(page, codec, encoding, method):
    decoded = decode_bytes(page.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.method) == (page, encoding, method)


def test_declared_argument_beats_the_page_declaration():
    page = html_page('<meta charset="utf-8">', TRADITIONAL)
    decoded = decode_bytes(page.encode("big5"), declared="big5")
    assert (decoded.text, decoded.encoding, decoded.method) == (page, "big5hkscs", "declared")


def test_declared_latin_1_english_with_accents_stays_latin_1():
    text = "Café owners in Montréal welcomed the decision, said the mayor’s office.\n" * 3
    page = f'<html><head><meta charset="windows-1252"><title>News</title></head><body>{text}</body></html>'
    decoded = decode_bytes(page.encode("cp1252"))
    assert (decoded.text, decoded.encoding, decoded.method) == (page, "cp1252", "declared")


@pytest.mark.parametrize(
    ("parts", "encoding"),
    [
        pytest.param([(SIMPLIFIED, "utf-8"), (SIMPLIFIED, "gbk")], "mixed", id="utf-8-then-gbk"),
        pytest.param([(TRADITIONAL, "big5"), (SIMPLIFIED, "utf-8")], "mixed", id="big5-then-utf-8"),
        pytest.param([(SIMPLIFIED, "utf-8"), (SIMPLIFIED, "gbk"), (TRADITIONAL, "big5")], "mixed",
                     id="three-encodings"),
    ],
)
def test_a_file_mixing_encodings_is_decoded_line_by_line(parts, encoding):
    data = b"".join(text.encode(codec) for text, codec in parts)
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.method) == ("".join(t for t, _ in parts), encoding, "per-line")


def test_a_mixed_file_declaring_gbk_is_still_decoded_line_by_line():
    data = html_page('<meta charset="gbk">', "").encode() + b"\n" + SIMPLIFIED.encode() + SIMPLIFIED.encode("gbk")
    decoded = decode_bytes(data)
    assert decoded.method == "per-line"
    assert decoded.text.count(SIMPLIFIED) == 2


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06", id="png-header"),
        pytest.param(bytes(range(256)) * 8, id="all-byte-values"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), id="zip-header"),
    ],
)
def test_binary_content_is_an_error_not_text(data):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.error) == (None, "binary content")


def test_bytes_no_codec_accepts_are_an_error():
    decoded = decode_bytes(b"\xfe\xff\xfe" * 33)  # a UTF-16 BOM, then an odd number of bytes
    assert (decoded.text, decoded.error) == (None, "no encoding gives plausible text for these bytes")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param("版权所有 \ufffd 2023 市新闻中心", 1, id="one-fffd"),
        pytest.param("\ufffd\ufffd 乱码 \ufffd", 3, id="three-fffd"),
        pytest.param(SIMPLIFIED, 0, id="clean"),
    ],
)
def test_replacement_characters_already_present_are_counted(text, count):
    assert decode_bytes(text.encode()).replacement_chars == count


def test_english_utf_16_without_bom_is_text_not_binary():
    decoded = decode_bytes(ENGLISH.encode("utf-16-le"))
    assert (decoded.text, decoded.encoding) == (ENGLISH, "utf-16")


def test_utf_16_declared_by_a_page_readable_as_ascii_is_ignored():
    page = html_page('<meta charset="utf-16">', SIMPLIFIED)
    decoded = decode_bytes(page.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (page, "utf-8")


def test_utf_16_without_bom_is_decoded_as_declared():
    decoded = decode_bytes(TRADITIONAL.encode("utf-16-le"), declared="utf-16-le")
    assert (decoded.text, decoded.encoding, decoded.method) == (TRADITIONAL, "utf-16", "declared")


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (b'<html><head><meta charset="GB2312">', "gb2312"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>", "big5"),
        (b'<?xml version="1.0" encoding="GBK"?><rss>', "gbk"),
        (b"<meta name=\"description\" content=\"news\"><meta charset='x-gbk' />", "x-gbk"),
        # negatives: no declaration, or one too far into the page to be the page's own
        (b"<html><head><title>charset=gbk</title>", None),
        (b"<html>" + b" " * 10_000 + b'<meta charset="gbk">', None),
        (b"x" * 8191 + b'<meta charset="gbk">', None),
        (b"plain text that mentions charset=gbk", None),
        (b"a < b\n" + b'<meta charset="gbk">', "gbk"),
        (b"", None),
    ],
)
def test_sniff_declared_charset(data, label):
    assert sniff_declared_charset(data) == label


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"), ("cp936", "gb18030"),
        ("gb18030", "gb18030"), ("big5", "big5hkscs"), ("Big5-HKSCS", "big5hkscs"), ("UTF8", "utf-8"),
        ("iso-8859-1", "cp1252"), ("shift_jis", "shift_jis"), ("nonsense", None), ("", None), (None, None),
    ],
)
def test_canonical_codec(label, codec):
    assert canonical_codec(label) == codec


def test_wrong_codec_readings_do_not_read_as_chinese():
    assert chinese_score(TRADITIONAL).reads_as_chinese
    assert chinese_score(SIMPLIFIED).reads_as_chinese
    assert not chinese_score(TRADITIONAL.encode("big5").decode("gb18030")).reads_as_chinese
    assert not chinese_score(ENGLISH).reads_as_chinese


@given(st.text())
def test_any_utf_8_text_decodes_back_to_itself(text):
    decoded = decode_bytes(text.encode("utf-8"))
    if decoded.error is None:
        assert decoded.text == text
    else:  # text made mostly of control characters is refused, never mis-decoded
        assert decoded.error == "binary content"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_utf_8_text_without_control_characters_always_decodes(text):
    assert decode_bytes(text.encode("utf-8")).text == text


class TestDecodeStage:
    def test_sets_text_and_metadata_and_frees_the_bytes(self):
        doc = Document(id="a", source="s", location="a.html", raw=TRADITIONAL.encode("big5"))
        doc = Decode()(doc)
        assert (doc.text, doc.raw, doc.rejected) == (TRADITIONAL, None, False)
        assert (doc.metadata["encoding"], doc.metadata["replacement_chars"]) == ("big5hkscs", 0)

    def test_uses_the_declared_charset_of_the_document(self):
        doc = Document(id="a", source="s", location="a.txt", raw=SIMPLIFIED.encode("gbk"), declared_charset="gbk")
        assert Decode()(doc).metadata["encoding"] == "gb18030"

    def test_rejects_binary_and_keeps_the_bytes(self):
        raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        doc = Decode()(Document(id="a", source="s", location="a.png", raw=raw))
        assert (doc.reject_reason, doc.reject_detail, doc.raw) == ("undecodable", "binary content", raw)

    def test_text_inputs_keep_their_text_and_count_replacements(self):
        doc = Document(id="a", source="s", location="a.jsonl:3", text="标题\ufffd正文")
        doc = Decode()(doc)
        assert (doc.text, doc.metadata["encoding"], doc.metadata["replacement_chars"]) == ("标题\ufffd正文", "utf-8", 1)
