import pickle
import sys

import pytest
from hypothesis import given, strategies as st

from corpusclean.document import Document
from corpusclean.text import HAN_RE, traditional_only_chars
from corpusclean.normalize.script import (
    HANT_SHARE, LAST_SPACE, MIN_HAN_SHARE, Script, _probe, detect_script, opencc_config_for,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国务院总理主持召开国务院常务会议，部署进一步稳就业工作。", "hans"),
        ("國務院總理主持召開國務院常務會議，部署進一步穩就業工作。", "hant"),
        ("臺灣地區今年經濟成長率預估為百分之三點二", "hant"),
        ("他們說這是一個學習的機會", "hant"),
        ("香港特區政府發言人表示，會繼續與內地加強合作。", "hant"),
        # a Simplified text with a Traditional character in a name stays hans
        ("记者从全国总工会获悉，今年以来，劳模代表鄧小华在车间开展技术攻关，带领团队完成了多项创新成果，"
         "为企业节约成本数百万元。", "hans"),
        ("《紅樓夢》是中国古典小说的巅峰之作，今天我们来谈谈它的艺术成就和人物塑造。", "hans"),
        ("工会", "hans"),
        # negative cases: no Han, or only a stray name in English text
        ("The union held its annual meeting in Jiaxing on Monday.", None),
        ("", None),
        ("2023-10-20 07:19", None),
        ("President Xi Jinping (习近平) met the delegation in Beijing on Tuesday and discussed trade, "
         "investment and the climate with its members for two hours.", None),
        ("东京都政府20日发布消息称，新增确诊病例。", "hans"),
        ("中", None),
        ("BEIJING (Reuters) - 國", None),
        # every kind of whitespace is left out of the share of Han characters
        ("國" * 2 + "\u3000" * 30 + "\xa0\x1c\u2028" * 10, "hant"),
        ("国" * 2 + "x" * 50, None),
        ("𠮷野家 😀", "hans"),
    ],
)
def test_detect_script(text, expected):
    assert detect_script(text) == expected


@pytest.mark.parametrize(
    "detected, has_traditional, target, expected",
    [
        ("hant", True, "hans", "t2s"),
        ("hans", True, "hans", "t2s"),
        ("hans", False, "hans", None),
        ("hans", False, "hant", "s2t"),
        ("hans", False, "tw", "s2tw"),
        ("hans", False, "hk", "s2hk"),
        ("hant", True, "tw", "t2tw"),
        ("hant", True, "hk", "t2hk"),
        ("hant", True, "hant", None),
        ("hant", True, "keep", None),
        (None, False, "hans", None),
    ],
)
def test_opencc_config_for(detected, has_traditional, target, expected):
    assert opencc_config_for(detected, has_traditional, target) == expected


def _doc(lines):
    doc = Document(id="1", source="s", location="p")
    doc.set_lines(lines)
    return doc


def test_traditional_to_simplified_keeps_lines_and_full_width_punctuation():
    doc = _doc(["「這是一個測試」，他說：“我們來了！”（臺灣）", "Hello, world", "國際新聞"])
    Script("hans")(doc)
    assert doc.lines == ["「这是一个测试」，他说：“我们来了！”（台湾）", "Hello, world", "国际新闻"]
    assert doc.metadata["script"] == "hant"


def test_simplified_to_taiwan():
    doc = _doc(["他们说这是一个学习的机会。"])
    Script("tw")(doc)
    assert doc.lines == ["他們說這是一個學習的機會。"]
    assert doc.metadata["script"] == "hans"


def test_keep_only_detects():
    doc = _doc(["國際新聞"])
    Script("keep")(doc)
    assert doc.lines == ["國際新聞"] and doc.metadata["script"] == "hant"


def test_english_document_is_untouched():
    doc = _doc(["The union held its annual meeting."])
    Script("hant")(doc)
    assert doc.lines == ["The union held its annual meeting."] and doc.metadata["script"] is None


def test_stage_pickles_after_use():
    stage = Script("hans")
    stage(_doc(["國際新聞"]))
    copy = pickle.loads(pickle.dumps(stage))
    assert copy(_doc(["國際新聞"])).lines == ["国际新闻"]


def test_vocabulary_holds_common_traditional_only_characters():
    chars = traditional_only_chars()
    assert set("們這來說國對會學時為與經發長開關當區") <= chars
    assert not set("着著于於后干乾的中") & chars


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80))
def test_ascii_text_is_identity(text):
    for target in ("hans", "hant", "tw", "hk"):
        doc = _doc([text])
        assert Script(target)(doc).lines == [text]


def test_japanese_document_keeps_its_kanji():
    doc = _doc(["築73年、２階建ての古い建物が競売にかけられた。"])
    for lang in ("other", "ja"):
        doc.metadata["lang"] = lang
        Script("hans")(doc)
        assert doc.lines == ["築73年、２階建ての古い建物が競売にかけられた。"] and doc.metadata["script"] is None


def test_chinese_document_by_language_tag_is_converted():
    for lang in ("zh", "zh-Hant", "en", None):
        doc = _doc(["國際新聞"])
        doc.metadata["lang"] = lang
        assert Script("hans")(doc).lines == ["国际新闻"]


def probe_by_definition(text):
    """_probe the slow, obvious way."""
    prefix = text[:10_000]
    han = HAN_RE.findall(prefix)
    traditional = sum(map(traditional_only_chars().__contains__, han))
    if len(han) < 2 or len(han) < MIN_HAN_SHARE * len("".join(prefix.split())):
        return None, traditional
    return ("hant" if traditional >= HANT_SHARE * len(han) else "hans"), traditional


@given(st.text(st.sampled_from("國们這这中𠮷 \u3000\xa0\n\x1cabc，😀"), max_size=60))
def test_probe_matches_its_definition(text):
    assert _probe(text) == probe_by_definition(text)


def test_no_whitespace_after_the_last_space():
    assert max(code for code in range(sys.maxunicode + 1) if chr(code).isspace()) == LAST_SPACE
