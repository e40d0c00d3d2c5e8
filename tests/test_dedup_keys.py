"""Normalized form, exact key, Traditional probe, and n-gram shingles."""

import re
import unicodedata

import numpy as np
import opencc
import pytest
from hypothesis import given, strategies as st

from corpusclean.text import T2S_BLOCKS, t2s_changed_alone, t2s_changes
from corpusclean.dedup.keys import (
    _NOT_ASKED, _SLOW, _TABLE_LIMIT, _UNSET, _looked_up, _tables, _traditional_table, exact_key, has_traditional,
    normalize, spaced_form, spaced_forms,
)
from corpusclean.dedup.minhash import estimated_jaccard, signature, signatures
from corpusclean.dedup.shingles import (
    _POSITION_MULTIPLIERS, mix64, ngram_hashes, shingle_hashes, shingle_hashes_each, token_hashes,
)


@pytest.mark.parametrize("text, expected", [
    ("全國總工會發佈通知", "全国总工会发布通知"),
    ("“中国工会”，　大会！", "中国工会 大会"),
    ("Ｈｅｌｌｏ，Ｗｏｒｌｄ", "hello world"),
    ("  The  Harbour\tBridge\n\nOPENS  ", "the harbour bridge opens"),
    ("２０２４年６月", "2024年6月"),
    ("snake_case--and...dots", "snake case and dots"),
    ("", ""),
    ("。！？", ""),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def normalize_by_definition(text):
    """normalize() the slow, obvious way."""
    text = unicodedata.normalize("NFKC", text)
    if has_traditional(text):
        text = opencc.OpenCC("t2s").convert(text)
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


@pytest.mark.parametrize("text", [
    "Straße ΣΑΣ σς İstanbul ǅungla ﬁne ŉ",          # case folds to several characters, or context-free
    "𠮷野家 😀 \U00030001 \U0010FFFF",              # beyond the BMP, beyond the fold table
    "全國 and ÉCOLE x\u0345y",                        # Traditional; a mark that folds into a letter
    "snake_case ²³ Ⅻ ① ｆｕｌｌ ＷＩＤＴＨ",
    "龙舟赛，今天开幕。The Harbour   Bridge\topens!",
    # characters that compose: each text alone, or one of them sends the others down the slow path
    "\u1100\u1161", "\u1100\u1161\u11a8", "가\u11a8", "e\u0301", "A\u030a", "\u212b",
    "\u0b47\u0b3e", "\u0cbf\u0cd5", "\u0d46\u0d3e", "\u1025\u102e",      # vowel signs (no marks)
    "中国……工会—— ｆｕｌｌ ①② ﬁ \uf900 ⼀",                              # NFKD alone: one lookup
    "\ufa6c 全國 \ufad7",                       # compatibility ideographs NFKD makes plane-2 ones (slow path)
])
def test_normalize_fast_and_slow_paths_match_the_definition(text):
    assert normalize(text) == normalize_by_definition(text)
    batch = ["龙舟赛 Bridge", text, "", text]   # with the others of a batch, each takes its own way
    assert spaced_forms(batch) == [spaced_form(one) for one in batch]
    assert exact_key(spaced_form(text)) == exact_key(normalize(text))
    assert (shingle_hashes(spaced_form(text), 5, 3) == shingle_hashes(normalize(text), 5, 3)).all()


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_normalize_matches_the_definition_on_any_text(text):
    assert normalize(text) == normalize_by_definition(text)


# Characters that NFKC maps alone or with their neighbours: combining marks, precomposed letters, Hangul
# jamo and syllables, Oriya vowel signs (they compose without being marks), compatibility forms, ligatures.
INTERACTING = "ae éÅ\u212b\u1100\u1161\u11a8가각\u0b47\u0b3e\u0b48ｆＡ１…①ﬁ\uf900⼀ΐ中，"


@given(st.text(alphabet=INTERACTING, max_size=12) | st.text(alphabet=INTERACTING + "\u0301\u0308\u0327\u0345", max_size=12))
def test_normalize_matches_the_definition_where_nfkc_joins_neighbours(text):
    assert normalize(text) == normalize_by_definition(text)


def whole_table(nfkc):
    return _looked_up(np.arange(_TABLE_LIMIT + 1, dtype=np.uint32), nfkc)


def test_nfkc_fold_table_maps_a_character_as_nfkc_then_the_fold_table():
    table, fold = whole_table(nfkc=True), whole_table(nfkc=False)
    assert table[_TABLE_LIMIT] == _SLOW
    for code in range(_TABLE_LIMIT):
        if 0xD800 <= code < 0xE000 or table[code] == _SLOW:
            continue
        folded = [fold[ord(char)] for char in unicodedata.normalize("NFKC", chr(code))]
        assert _SLOW not in folded
        assert "".join(map(chr, folded)).split() == chr(table[code]).split(), hex(code)


def test_fold_table_is_casefold_then_the_word_regex():
    table = whole_table(nfkc=False)
    assert table[_TABLE_LIMIT] == _SLOW       # every code point beyond the table takes the slow path
    word, traditional = re.compile(r"[^\W_]"), t2s_changes()
    for code in range(_TABLE_LIMIT):
        if 0xD800 <= code < 0xE000:
            continue
        folded = chr(code).casefold()
        if chr(code) in traditional or len(folded) != 1:
            assert table[code] == _SLOW
        else:
            assert chr(table[code]) == (folded if word.match(folded) else " ")


def test_the_tables_hold_the_characters_met_and_the_same_values_in_any_order():
    _tables.cache_clear()
    try:
        texts = ["全國總工會 Straße ﬁ e\u0301", "가\u11a8 ①"]
        assert [" ".join(form.split()) for form in spaced_forms(texts)] == list(map(normalize_by_definition, texts))
        fold, table = _tables()
        met = {ord(char) for char in "\n".join(texts)}      # spaced_forms looks the texts up joined by a line break
        assert {int(code) for code in np.flatnonzero(table != _UNSET)} == met | {_TABLE_LIMIT}
        assert (fold == _UNSET).sum() > _TABLE_LIMIT - 100
        shuffled = np.random.default_rng(7).permutation(_TABLE_LIMIT).astype(np.uint32)
        for nfkc in (True, False):
            for batch in np.array_split(shuffled, 13):
                _looked_up(batch, nfkc)
        filled = [table.copy() for table in _tables()]
        _tables.cache_clear()
        assert all((whole_table(nfkc) == filled[nfkc]).all() for nfkc in (False, True))
    finally:
        _tables.cache_clear()


def test_t2s_changed_alone_does_not_depend_on_the_other_characters():
    chars = [chr(code) for start, stop in T2S_BLOCKS for code in range(start, stop, 97)]
    assert t2s_changed_alone(chars) == t2s_changes() & set(chars) != frozenset()
    assert t2s_changed_alone(chars[::-1][:50]) == t2s_changes() & set(chars[::-1][:50])


@pytest.mark.parametrize("text, expected", [
    ("全國總工會", True),
    ("臺灣的經濟發展", True),
    ("全国总工会", False),
    ("The harbour bridge", False),
    ("", False),
])
def test_has_traditional(text, expected):
    assert has_traditional(text) == expected


def test_the_traditional_table_asks_t2s_only_about_the_characters_met_and_answers_as_it():
    _traditional_table.cache_clear()
    try:
        assert has_traditional("全國總工會 the") and not has_traditional("全国")
        met = {ord(char) for char in "全國總工會 the全国"}
        assert {int(code) for code in np.flatnonzero(_traditional_table() != _NOT_ASKED)} == met
        chars = [chr(code) for start, stop in T2S_BLOCKS for code in range(start, stop, 89)]
        assert [has_traditional(char) for char in chars] == [char in t2s_changes() for char in chars]
    finally:
        _traditional_table.cache_clear()


@pytest.mark.parametrize("a, b, same", [
    ("中国工会 召开大会", "中國工會召開大會", True),
    ("龙舟赛，今天开幕。", "龙舟赛,今天开幕.", True),
    ("Bridge opens", "bridge  OPENS!", True),
    ("龙舟赛今天开幕", "龙舟赛明天开幕", False),
    ("bridge opens", "bridge closes", False),
])
def test_exact_key(a, b, same):
    assert (exact_key(normalize(a)) == exact_key(normalize(b))) == same


@pytest.mark.parametrize("normalized, tokens, cjk", [
    ("中国工会", 4, 4),
    ("the harbour bridge", 3, 0),
    ("2024年6月 bridge opens", 6, 2),
    ("", 0, 0),
])
def test_tokens(normalized, tokens, cjk):
    hashes, cjk_count = token_hashes(normalized)
    assert (hashes.size, cjk_count) == (tokens, cjk)


def test_equal_tokens_hash_equal_and_different_tokens_differ():
    hashes, _ = token_hashes("bridge 桥 bridges 桥 bridge")
    assert hashes[0] == hashes[4] and hashes[1] == hashes[3]
    assert len(set(hashes[:3].tolist())) == 3


@pytest.mark.parametrize("tokens, n, windows", [(10, 5, 6), (5, 5, 1), (3, 5, 1), (0, 5, 0)])
def test_ngram_windows(tokens, n, windows):
    assert ngram_hashes(np.arange(tokens, dtype=np.uint64), n).size == windows


@pytest.mark.parametrize("n", [0, 17])
def test_ngram_size_out_of_range(n):
    with pytest.raises(ValueError):
        ngram_hashes(np.arange(10, dtype=np.uint64), n)


@pytest.mark.parametrize("n", [1, 3, 5, 16])
def test_an_ngram_hash_is_the_mixed_weighted_sum_of_its_tokens_modulo_2_64(n):
    tokens = np.array([2**64 - 1, 2**63 + 5, 12345, 2**40, 7] * 4, dtype=np.uint64)
    sums = [sum(int(tokens[k + o]) * int(_POSITION_MULTIPLIERS[o]) for o in range(n)) % 2**64
            for k in range(tokens.size - n + 1)]
    assert ngram_hashes(tokens, n).tolist() == mix64(np.array(sums, dtype=np.uint64)).tolist()



def test_position_multipliers_are_the_seeded_draw_they_were_made_from():
    # Written out in shingles.py to keep numpy.random out of a run: a changed value would change every signature.
    drawn = np.random.default_rng(20240605).integers(1, 2**63, 16, dtype=np.uint64) * 2 + 1
    assert _POSITION_MULTIPLIERS.tolist() == drawn.tolist()

def test_ngram_order_matters():
    forward = ngram_hashes(np.array([1, 2, 3], dtype=np.uint64), 3)
    backward = ngram_hashes(np.array([3, 2, 1], dtype=np.uint64), 3)
    assert forward[0] != backward[0]


@pytest.mark.parametrize("normalized, char_ngram, word_ngram, count", [
    ("一二三四五六七八", 5, 3, 4),                  # mostly CJK: character 5-grams
    ("one two three four five six", 5, 3, 4),      # English: word 3-grams
])
def test_shingles_pick_the_ngram_size_by_script(normalized, char_ngram, word_ngram, count):
    assert shingle_hashes(normalized, char_ngram, word_ngram).size == count


def test_signature_estimates_jaccard():
    shared = np.arange(3000, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    a, b = shared[:2000], shared[1000:]               # true Jaccard 1000 / 3000
    assert abs(estimated_jaccard(signature(a, 256, 1), signature(b, 256, 1)) - 1 / 3) < 0.1
    assert signature(np.zeros(0, dtype=np.uint64), 128, 1).size == 0


@pytest.mark.parametrize("texts", [
    pytest.param(["一二三四五六七八", "one two three four five six"], id="chinese-then-english"),
    pytest.param(["", "一二", "", "a"], id="empty-and-shorter-than-n"),
    pytest.param(["the harbour bridge 中国工会今天开幕", "  x  ", "一"], id="mixed-spaces-one-char"),
    pytest.param(["", ""], id="all-empty"),
    pytest.param([], id="no-text"),
])
def test_shingles_of_a_batch_are_those_of_each_text(texts):
    flat, offsets = shingle_hashes_each(texts, 5, 3)
    assert len(offsets) == len(texts) + 1
    for text, start, end in zip(texts, offsets, offsets[1:]):
        assert flat[start:end].tolist() == shingle_hashes(text, 5, 3).tolist()
    for text, found in zip(texts, signatures(flat, offsets, 64, 1)):
        alone = signature(shingle_hashes(text, 5, 3), 64, 1)
        assert found.tolist() == alone.tolist() and (found.size == 0) == (shingle_hashes(text, 5, 3).size == 0)
