"""UTF-8 read as cp1252 or Latin-1 in the source itself: repaired where the whole run decodes and ftfy
agrees; text in Latin-script languages and other damage left as it is."""

import unicodedata

import pytest
from hypothesis import given, strategies as st

from corpusclean.check.rules import encoding_damage
from corpusclean.normalize.mojibake import repair_mojibake


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("82.0Â° F (28Â° C)", "82.0° F (28° C)", id="degree-sign"),
        pytest.param("Earthâ€™s atmosphere", "Earth’s atmosphere", id="apostrophe-as-cp1252"),
        pytest.param("Earthâ\x80\x99s atmosphere", "Earth’s atmosphere", id="apostrophe-as-latin1-c1-controls"),
        pytest.param("Sainte-BÃ©atrice, Quebec", "Sainte-Béatrice, Quebec", id="accented-letter"),
        pytest.param("Ã‰tÃ© Ã\xa0 Paris", "Été à Paris", id="capital-and-nbsp-continuations"),
        pytest.param("会议在Ã©tÃ©举行", "会议在été举行", id="inside-chinese"),
        pytest.param("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", id="cyrillic-utf8-as-cp1252"),
        pytest.param("â€œquotedâ€\x9d", "“quoted”", id="quotes"),
    ],
)
def test_mojibake_is_repaired(text, expected):
    assert repair_mojibake(text) == expected
    assert not encoding_damage(expected), "the repair leaves nothing for check to report"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("café, créée, Müller Straße, São Paulo, naïve", id="latin-languages"),
        pytest.param("THE CAFÉ’S MENU", id="capital-then-apostrophe-is-valid-utf8"),
        pytest.param("„SCHÖN”", id="capital-then-closing-quote"),
        pytest.param("10 ×\xa05", id="times-then-nbsp-is-valid-utf8"),
        pytest.param("\u00d6\u00d0\u00b9\u00fa", id="gbk-read-as-latin1-not-utf8"),
        pytest.param("Â\x85 and â€¨", id="would-decode-to-a-line-break"),
        pytest.param("……——“”", id="cjk-punctuation"),
        pytest.param("会议指出，今年入汛以来。", id="chinese"),
    ],
)
def test_text_that_is_not_mojibake_is_left_alone(text):
    assert repair_mojibake(text) == text


@given(st.text(alphabet=st.sampled_from("aé ÃÂâÐ©°€™\x80\x85\x99\xa0\xa8中"), max_size=30))
def test_repair_never_brings_a_line_break_or_control(text):
    new = set(repair_mojibake(text)) - set(text)
    assert not [char for char in new if unicodedata.category(char) in ("Cc", "Zl", "Zp")]
