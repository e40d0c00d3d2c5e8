import pytest
from hypothesis import given, strategies as st

from corpusclean.document import Document
from corpusclean.normalize.lang import (
    _ENGLISH_SPELLINGS, _FOREIGN_SPELLINGS, _STOPWORD_COUNTS, ENGLISH_STOPWORDS, FOREIGN_STOPWORDS, LATIN_WORD_RE,
    Lang, _classes, detect_lang, latin_words,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("新华社北京10月20日电 国务院总理主持召开国务院常务会议，部署进一步稳就业工作。", "zh"),
        ("新華社北京10月20日電 國務院總理主持召開國務院常務會議，部署進一步穩就業工作。", "zh"),
        ("習近平在APEC會議上發表講話", "zh"),
        ("2023年中国国际进口博览会(CIIE)在上海开幕，吸引了来自Apple、Tesla等企业参展。", "zh"),
        ("BEIJING, Oct 20 (Reuters) - China's economy grew 4.9% in the third quarter from a year "
         "earlier, official data showed on Wednesday, beating analysts' expectations.", "en"),
        ("Trade unions hold annual meeting", "en"),
        ("The workers said the new training centre in Jiaxing (嘉兴) had helped them find jobs.", "en"),
        # negative cases: Japanese with kana, Korean, French, German, Russian, empty, numbers only
        ("東京都は20日、新型コロナウイルスの感染者が新たに確認されたと発表した。", "other"),
        ("서울시는 20일 새로운 정책을 발표했다고 밝혔다.", "other"),
        ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les entreprises "
         "et les salariés dans la crise.", "other"),
        ("Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die Unternehmen und die "
         "Beschäftigten in der Krise zu unterstützen.", "other"),
        ("Правительство объявило во вторник о новых мерах поддержки.", "other"),
        ("", "other"),
        ("2023-10-20 07:19", "other"),
        ("El gobierno anunció el martes nuevas medidas para apoyar a las empresas y los trabajadores.", "other"),
        # stopwords in capitals count; an apostrophe joins a lowercase ending to its word
        ("THE UNION SAID IT WAS READY FOR THE TALKS AND THAT THE WORKERS HAD BEEN CONSULTED", "en"),
        ("LE GOUVERNEMENT ET LES SYNDICATS DANS LA CRISE POUR LES SALARIÉS DU PAYS", "other"),
        ("the union's members didn't say it'S over and the talks are on", "en"),
        # more Latin letters than Han characters, yet fewer words: the words decide
        ("中国工会代表大会 Internationalization", "zh"),
        ("中国 Internationalization Internationalization", "en"),
    ],
)
def test_detect_lang(text, expected):
    assert detect_lang(text) == expected


def test_stage_sets_metadata():
    doc = Document(id="1", source="s", location="p")
    doc.set_lines(["全国总工会召开会议", "会议强调，要切实维护职工合法权益。"])
    assert Lang()(doc).metadata["lang"] == "zh"


LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZÀÉİıſßÿĀŉǅȺɏ"


@given(st.lists(st.one_of(
    st.sampled_from(sorted(ENGLISH_STOPWORDS | FOREIGN_STOPWORDS)).flatmap(
        lambda word: st.sampled_from([word, word.upper(), word.title(), word[:-1] + word[-1].upper()])),
    st.text(alphabet=LATIN_LETTERS + "'", max_size=8),
)).map(" ".join))
def test_a_found_word_is_a_stopword_spelling_exactly_when_it_lowers_to_a_stopword(text):
    for word in LATIN_WORD_RE.findall(text):
        assert (word in _ENGLISH_SPELLINGS) == (word.lower() in ENGLISH_STOPWORDS)
        assert (word in _FOREIGN_SPELLINGS) == (word.lower() in FOREIGN_STOPWORDS)
        english, foreign = divmod(_STOPWORD_COUNTS.get(word, 0), 2**32)[::-1]
        assert (english, foreign) == (word.lower() in ENGLISH_STOPWORDS, word.lower() in FOREIGN_STOPWORDS)


def test_no_letter_of_a_latin_word_lowers_to_ascii_but_ascii_letters():
    letters = [chr(code) for code in range(0x250) if LATIN_WORD_RE.fullmatch(chr(code))]
    assert [c for c in letters if not c.isascii() and c.lower().isascii()] == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("the union's members didn't say it'S over", id="apostrophes-inside-words"),
        pytest.param("'quoted' words and rock'n'roll, o'clock'", id="apostrophes-around-and-between"),
        pytest.param("' '' a' 'b ''c d''", id="apostrophes-alone-and-doubled"),
        pytest.param("state-of-the-art 3×4 Müller’s café 中国Apple", id="hyphens-symbols-accents-han"),
        pytest.param("", id="empty"),
    ],
)
def test_latin_words_are_the_regex_words(text):
    assert sorted(latin_words(*_classes(text))) == sorted(LATIN_WORD_RE.findall(text))


@given(st.text(alphabet=LATIN_LETTERS + "' -.,’×中1\n", max_size=40))
def test_latin_words_are_the_regex_words_for_any_text(text):
    assert sorted(latin_words(*_classes(text))) == sorted(LATIN_WORD_RE.findall(text))
