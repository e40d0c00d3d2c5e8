import codecs

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from corpusclean.decode import (
    Decode, _marked_reading, binary_content, canonical_codec, decode_bytes, sniff_declared_charset,
)
from corpusclean.document import Document
from corpusclean.plausibility import chinese_score, misread_chinese, reads_as_text

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


@pytest.mark.parametrize(
    "data, binary",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06", True, id="png-header"),
        pytest.param(bytes(range(256)) * 8, True, id="all-byte-values"),
        # negatives: text with a stray NUL, and UTF-16 or UTF-32 (every other byte a NUL)
        pytest.param(SIMPLIFIED.encode()[:30] + b"\x00" + SIMPLIFIED.encode()[30:], False, id="text-with-a-stray-nul"),
        pytest.param(ENGLISH.encode("utf-16-le") * 3, False, id="utf-16-without-a-bom"),
        pytest.param(codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), False, id="utf-16-with-its-bom"),
        pytest.param(codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), False, id="utf-32-with-its-bom"),
    ],
)
def test_binary_content(data, binary):
    assert binary_content(data) is binary


def test_bytes_no_codec_accepts_are_an_error():
    decoded = decode_bytes(b"\xfe\xff" + b"\xdc\xfe" * 50)  # a UTF-16 BOM, then lone surrogates throughout
    assert (decoded.text, decoded.error) == (None, "100 of its 102 bytes are no utf-16, after its utf-16 byte order mark")


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


NOT_CHARSETS = [
    pytest.param(label, id=f"{label}-is-no-charset")
    for label in ("base64", "zlib", "rot13", "hex", "uu", "bz2", "quopri", "undefined", "idna", "punycode")
]


@pytest.mark.parametrize("label", NOT_CHARSETS)
@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SIMPLIFIED.encode("gbk"), id="gbk-bytes"),
        pytest.param(SIMPLIFIED.encode("utf-8"), id="utf-8-bytes"),
        pytest.param(ENGLISH.encode("ascii"), id="ascii-bytes"),
    ],
)
def test_a_page_declaring_a_codec_that_is_no_charset_is_decoded_by_its_bytes(label, data):
    """<meta charset=base64> raised LookupError and 'undefined', 'idna' and 'punycode' UnicodeError in the
    worker, which ended the whole run with a traceback."""
    assert canonical_codec(label) is None
    page = f'<html><head><meta charset="{label}"></head><body>'.encode() + data
    decoded = decode_bytes(page)
    assert decoded.encoding in ("gb18030", "utf-8") and decoded.text.endswith(data.decode(decoded.encoding))


def test_wrong_codec_readings_do_not_read_as_chinese():
    assert chinese_score(TRADITIONAL).reads_as_chinese
    assert chinese_score(SIMPLIFIED).reads_as_chinese
    assert not chinese_score(TRADITIONAL.encode("big5").decode("gb18030")).reads_as_chinese
    assert not chinese_score(ENGLISH).reads_as_chinese


@given(st.text())
@example("\ufeff")
def test_any_utf_8_text_decodes_back_to_itself(text):
    decoded = decode_bytes(text.encode("utf-8"))
    if decoded.error is None:
        assert decoded.text == text.removeprefix("\ufeff")     # the byte order mark goes
    else:  # text made mostly of control characters is refused, never mis-decoded
        assert decoded.error == "binary content"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
@example("\ufeff")
def test_utf_8_text_without_control_characters_always_decodes(text):
    """A U+FEFF opening the text is a byte order mark in its UTF-8 bytes, which decoding drops."""
    assert decode_bytes(text.encode("utf-8")).text == text.removeprefix("\ufeff")


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


RUSSIAN = (
    "Министерство экономического развития сообщило в понедельник, что рост ВВП в третьем квартале "
    "составил 2,3 процента. Эксперты считают, что достопримечательности Москвы привлекли больше туристов.\n"
)
FRENCH = "Le ministère de l'Économie a annoncé lundi une croissance de 2,3 % au troisième trimestre, a déclaré la porte-parole.\n"
GREEK = "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα στήριξης για τα νοικοκυριά και τις μικρές επιχειρήσεις.\n"
JAPANESE = "東京都は月曜日、新しい防災計画を発表した。地震や台風に備え、避難所の数を増やすという。\n"
KOREAN = "서울시는 월요일 새로운 방재 계획을 발표했다. 지진과 태풍에 대비해 대피소를 늘린다고 밝혔다.\n"


def damaged(text: str, codec: str, junk: bytes) -> bytes:
    """The text in the codec with junk bytes after its first line."""
    first, rest = text.split("\n", 1)
    return (first + "\n").encode(codec) + junk + rest.encode(codec)


def as_read(text: str, junk: bytes) -> str:
    """What a tolerant reading gives for damaged(text, codec, junk): each bad byte U+FFFD, ASCII bytes as they are."""
    first, rest = text.split("\n", 1)
    return first + "\n" + "".join("\ufffd" if byte > 0x7F else chr(byte) for byte in junk) + rest


@pytest.mark.parametrize(
    ("text", "codec", "junk", "encoding", "method"),
    [
        pytest.param(SIMPLIFIED, "utf-8", b"\xff", "utf-8", "utf-8", id="utf-8-one-ff"),
        pytest.param(SIMPLIFIED, "gbk", b"\xff", "gb18030", "detector", id="gbk-one-ff"),
        pytest.param(SIMPLIFIED, "gbk", b"\x80", "gb18030", "detector", id="gbk-one-80"),
        pytest.param(SIMPLIFIED, "gbk", b"\x81 ", "gb18030", "detector", id="gbk-81-space"),
        pytest.param(TRADITIONAL, "big5", b"\xa1\x7f", "big5hkscs", "detector", id="big5-a1-7f"),
        pytest.param(TRADITIONAL, "big5", b"\xff", "big5hkscs", "detector", id="big5-one-ff"),
        pytest.param(html_page('<meta charset="gbk">', "\n" + SIMPLIFIED), "gbk", b"\x80", "gb18030", "declared",
                     id="declared-gbk-one-80"),
    ],
)
def test_a_few_bad_bytes_are_replaced_and_counted(text, codec, junk, encoding, method):
    decoded = decode_bytes(damaged(text, codec, junk))
    assert (decoded.encoding, decoded.method, decoded.text) == (encoding, method, as_read(text, junk))
    assert (decoded.invalid_bytes, decoded.replacement_chars) == (1, 0)


@given(st.binary(max_size=64), st.sampled_from(["utf-8", "gb18030", "big5hkscs"]))
def test_a_marked_reading_marks_what_the_marking_handler_marks(data, codec):
    assert _marked_reading(data, codec) == data.decode(codec, "corpusclean-mark")


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        pytest.param(b"\xfe9", "gb18030", id="gb18030-bad-range-holding-ascii"),
        pytest.param(b"\x81\x30\x81", "gb18030", id="gb18030-cut-four-byte-sequence"),
        pytest.param(b"a\xf0\x9f\x98", "utf-8", id="utf-8-cut-four-byte-sequence"),
        pytest.param(b"\xed\xa0\x80", "utf-8", id="utf-8-encoded-surrogate"),
    ],
)
def test_a_marked_reading_of_awkward_bad_ranges(data, codec):
    assert _marked_reading(data, codec) == data.decode(codec, "corpusclean-mark")


@pytest.mark.parametrize(
    ("data", "text", "encoding", "method"),
    [
        pytest.param(codecs.BOM_UTF8 + SIMPLIFIED.encode() + b"\xe4\xb8", SIMPLIFIED + "\ufffd\ufffd", "utf-8", "bom",
                     id="utf-8-with-bom-cut-inside-a-character"),
        pytest.param(SIMPLIFIED.encode("gbk") + b"\xb1", SIMPLIFIED + "\ufffd", "gb18030", "detector",
                     id="gbk-ending-on-a-lead-byte"),
        # rejected as 'binary content', or (UTF-32 LE, whose BOM opens with UTF-16 LE's) read as UTF-16
        pytest.param(codecs.BOM_UTF16_LE + (SIMPLIFIED + "中").encode("utf-16-le")[:-1], SIMPLIFIED + "\ufffd",
                     "utf-16", "bom", id="utf-16-cut-inside-a-character"),
        pytest.param(codecs.BOM_UTF16_BE + (SIMPLIFIED + OUTSIDE_GBK).encode("utf-16-be")[:-2],
                     SIMPLIFIED + "\ufffd\ufffd", "utf-16", "bom", id="utf-16-cut-inside-a-surrogate-pair"),
        pytest.param(codecs.BOM_UTF32_LE + (SIMPLIFIED + "中").encode("utf-32-le")[:-1], SIMPLIFIED + "\ufffd" * 3,
                     "utf-32", "bom", id="utf-32-cut-inside-a-character"),
    ],
)
def test_a_file_cut_inside_a_character_keeps_its_text(data, text, encoding, method):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.method) == (text, encoding, method)
    assert decoded.invalid_bytes == text.count("\ufffd")


def test_a_utf_8_bom_before_bytes_of_another_encoding_is_not_read_as_text():
    """A UTF-8 BOM before GBK bytes (an editor's 'UTF-8 with BOM' over a GBK file) was read with the text: its
    three bytes shifted GB18030's pairs, and the first line came out as mojibake ('锘炕嵋...')."""
    for data in (codecs.BOM_UTF8 + SIMPLIFIED.encode("gbk"),
                 codecs.BOM_UTF8 + html_page('<meta charset="gbk">', SIMPLIFIED).encode("gbk")):
        decoded = decode_bytes(data)
        assert (decoded.encoding, decoded.invalid_bytes) == ("gb18030", 0)
        assert SIMPLIFIED.splitlines()[0] in decoded.text and "锘" not in decoded.text


def test_replacement_characters_in_the_input_are_not_bad_bytes():
    decoded = decode_bytes(damaged("版权所有 \ufffd 2023\n" + SIMPLIFIED, "utf-8", b"\xff"))
    assert (decoded.replacement_chars, decoded.invalid_bytes) == (1, 1)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param(RUSSIAN * 2, "koi8-r", id="russian-koi8-r"),
        pytest.param(RUSSIAN * 2, "cp1251", id="russian-cp1251"),
        pytest.param(RUSSIAN * 2, "cp866", id="russian-cp866"),
        pytest.param(FRENCH * 2, "cp1252", id="french-cp1252"),
        pytest.param(GREEK * 2, "cp1253", id="greek-cp1253"),
        pytest.param(JAPANESE * 2, "shift_jis", id="japanese-shift-jis"),
        pytest.param(KOREAN * 2, "euc-kr", id="korean-euc-kr"),
        pytest.param("Café owners welcomed the decision.\n", "latin-1", id="one-accent-is-no-damaged-utf-8"),
    ],
)
def test_legacy_text_in_other_scripts_still_reads_as_itself(text, codec):
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.text, decoded.invalid_bytes) == (text, 0)


# "臺北市政府今日召開記者會，說明明年度預算編列情形。" in EUC-TW: strict GB18030 reads it as nonsense Han.
EUC_TW = bytes.fromhex("ead7c6a1c6cbd1c9cdb4c4f4c5cac6aee2e4d8b4cfafe4c4a1a2eba9cdfccdfcc8a1d0f9e7dfeaabeebec7c4dac5cab0a1a4")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(EUC_TW * 3, id="euc-tw"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, id="every-high-byte"),
    ],
)
def test_bytes_with_no_plausible_reading_are_an_error(data):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.error) == (None, "no encoding gives plausible text for these bytes")


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        pytest.param(SIMPLIFIED, True, id="chinese"),
        pytest.param(RUSSIAN, True, id="russian"),
        pytest.param(FRENCH + "1½ cups, ¼ tsp, 5 m², ±2 °C, © 2024, don´t", True, id="usual-symbols"),
        pytest.param(GREEK, True, id="greek"),
        pytest.param(ENGLISH, True, id="english"),
        pytest.param(SIMPLIFIED.encode("gbk").decode("koi8-u"), False, id="gbk-as-koi8-u"),
        pytest.param(TRADITIONAL.encode("big5").decode("cp866"), False, id="big5-as-cp866"),
        pytest.param(SIMPLIFIED.encode("gbk").decode("cp1251"), False, id="gbk-as-cp1251"),
        pytest.param(SIMPLIFIED.encode("gbk").decode("latin-1"), False, id="gbk-as-latin-1"),
        pytest.param(TRADITIONAL.encode("big5").decode("gb18030"), False, id="big5-as-gb18030"),
    ],
)
def test_reads_as_text(text, plausible):
    assert reads_as_text(text) is plausible


@pytest.mark.parametrize(
    ("text", "misread"),
    [
        *[pytest.param(SIMPLIFIED.encode("gbk").decode(codec), True, id=f"gbk-as-{codec}")
          for codec in ("koi8-u", "koi8-r", "cp866", "cp1251", "latin-1", "iso8859-5", "mac-cyrillic")],
        *[pytest.param(TRADITIONAL.encode("big5").decode(codec), True, id=f"big5-as-{codec}")
          for codec in ("koi8-u", "cp866", "cp1251", "iso8859-5")],
        pytest.param(f"正文第一段。\n{SIMPLIFIED.splitlines()[1].encode('gbk').decode('cp1251')}\n正文第三段。", True,
                     id="one-misread-line-among-chinese-lines"),
        # negatives: real text in those scripts, including runs that carry a mark
        pytest.param(RUSSIAN, False, id="russian"),
        pytest.param("Анн-Софи и Жан-Пьер приехали в Санкт-Петербург. " * 3, False, id="hyphenated-russian-names"),
        pytest.param("ДзенеВакансииДзенеРекламаДзене", False, id="russian-menu-words-run-together"),
        pytest.param("Straße, Ärger, ÖSTERREICH, café, crème brûlée", False, id="german-and-french"),
        pytest.param(GREEK, False, id="greek"),
        pytest.param(SIMPLIFIED, False, id="chinese"),
        pytest.param("•Lifestyle•Worth•Trending•News", False, id="bullets-between-english-words"),
    ],
)
def test_misread_chinese(text, misread):
    assert bool(misread_chinese(text)) is misread
