import pytest
from hypothesis import given, strategies as st

from corpusclean.clean.repeats import (
    RepeatedParagraphs,
    RepeatedSentences,
    _has_real_length,
    _key_if_real_length,
    comparison_key,
    judge_repeated_paragraphs,
    judge_repeated_sentences,
    split_sentences,
)
from corpusclean.document import DocView, Document
from corpusclean.pipeline import apply_line_stage


def cut_repeated_sentences(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each line as judge_repeated_sentences leaves it, and the pieces its Cut removes."""
    results = []
    for line, verdict in zip(lines, judge_repeated_sentences(lines)):
        if verdict is None:
            results.append((line, []))
            continue
        pieces, start = [], 0
        for begin, end in (*verdict.kept, (len(line), len(line))):
            if begin > start:
                pieces.append(line[start:begin])
            start = end
        results.append((verdict.apply(line)[0], pieces))
    return results

QUOTE = "“只要肯钻研，普通岗位也能干出不普通的业绩！”全国劳动模范、某汽车零部件公司高级技师李建国这样说。"
PARA = "今年以来，全市各级工会组织职工开展劳动和技能竞赛120余场，参赛职工超过3万人次。"
S1 = "全市各级工会共走访慰问困难职工2300余户，发放慰问金560万元。"
S2 = "市总工会将继续深化产业工人队伍建设改革，为高质量发展提供人才支撑。"
EN = "Factory output rose 4.5% from a year earlier, the statistics bureau said on Tuesday."
EN2 = "Retail sales, a gauge of consumption, grew 5.5% in the same period."
P = "repeat.paragraph"


@pytest.mark.parametrize(
    "lines, expected",
    [
        ([QUOTE, PARA, QUOTE, QUOTE], [None, None, P, P]),
        # copies that differ only in whitespace or punctuation width are copies
        ([PARA, PARA.replace("，", ",")], [None, P]),
        ([PARA, " ".join(PARA[:10]) + PARA[10:]], [None, P]),
        ([EN + " " + EN2, EN + "  " + EN2], [None, P]),
        # negative: short repeated lines are left to the caption stage or kept
        (["是的。", PARA, "是的。"], [None, None, None]),
        (["Thank you.", EN, "Thank you."], [None, None, None]),
        # negative: similar but different paragraphs
        ([PARA, PARA.replace("120", "130")], [None, None]),
        ([EN, EN.replace("rose", "fell")], [None, None]),
        # ten words are a paragraph, nine are not, however they are spaced
        (["one two three four five six seven eight nine ten"] * 2, [None, P]),
        (["one two three four five six seven eight nine ten", " one two\tthree four five six seven eight nine ten "],
         [None, P]),
        (["one two three four five six seven eight nine"] * 2, [None, None]),
        ([" one two three four five six seven eight nine\t"] * 2, [None, None]),
        ([], []),
    ],
)
def test_judge_repeated_paragraphs(lines, expected):
    assert judge_repeated_paragraphs(lines) == expected
    view = DocView(title=None, lang="zh", format="txt", source="s")
    assert RepeatedParagraphs().judge(lines, view).verdicts == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("第一句话。第二句话！第三句话？", ["第一句话。", "第二句话！", "第三句话？"]),
        ("“说得好！”他说。", ["“说得好！”", "他说。"]),
        ("The U.S. Treasury said so. Prices rose 3.5% in May.", ["The U.S. Treasury said so. ", "Prices rose 3.5% in May."]),
        ("Mr. Smith met Dr. Lee. They talked.", ["Mr. Smith met Dr. Lee. ", "They talked."]),
        ("没有句号的标题", ["没有句号的标题"]),
        ("Visit www.gov.cn for details. Thanks", ["Visit www.gov.cn for details. ", "Thanks"]),
    ],
)
def test_split_sentences(line, expected):
    assert split_sentences(line) == expected
    assert "".join(split_sentences(line)) == line


@pytest.mark.parametrize(
    "lines, expected",
    [
        # a later paragraph repeats a sentence of an earlier one
        ([S1 + S2, "会议还指出，" + "要做好困难职工帮扶工作。" + S1],
         [(S1 + S2, []), ("会议还指出，要做好困难职工帮扶工作。", [S1])]),
        # a sentence repeated inside one line
        ([S1 + S2 + S1], [(S1 + S2, [S1])]),
        # nothing left of the line
        ([S1, S1.replace("，", ",")], [(S1, []), ("", [S1.replace("，", ",")])]),
        # English sentence repeated
        ([EN + " " + EN2, "Analysts were surprised. " + EN], [(EN + " " + EN2, []), ("Analysts were surprised.", [EN])]),
        # negative: short sentences may recur
        (["他说：“是的。”今天天气很好。", "是的。今天天气很好。"], [("他说：“是的。”今天天气很好。", []), ("是的。今天天气很好。", [])]),
        (["He said yes. It was sunny.", "He said yes. It was late."], [("He said yes. It was sunny.", []), ("He said yes. It was late.", [])]),
        # negative: an English sentence repeated with different words
        ([EN, EN.replace("said on Tuesday", "reported on Tuesday")], [(EN, []), (EN.replace("said on Tuesday", "reported on Tuesday"), [])]),
        # negative: numbers differ
        ([S1, S1.replace("2300", "2400")], [(S1, []), (S1.replace("2300", "2400"), [])]),
        # negative: a formula that articles of a law or a notice repeat on purpose
        (["第十二条 调查人员应当出示证件。被调查单位应当依法予以协助。", "第十三条 检查结束后应当制作笔录。被调查单位应当依法予以协助。"],
         [("第十二条 调查人员应当出示证件。被调查单位应当依法予以协助。", []),
          ("第十三条 检查结束后应当制作笔录。被调查单位应当依法予以协助。", [])]),
    ],
)
def test_cut_repeated_sentences(lines, expected):
    # adjacent sentences cut from one line are one piece
    assert [(line, "".join(cut)) for line, cut in cut_repeated_sentences(lines)] == [
        (line, "".join(cut)) for line, cut in expected
    ]


def _is_deletion(short: str, long: str) -> bool:
    """Whether short is long with some substrings deleted (short is a subsequence of long)."""
    chars = iter(long)
    return all(char in chars for char in short)


SENTENCE = st.sampled_from([S1, S2, EN + " ", EN2 + " ", "是的。", "没有句号的标题", "A.B. c. ", "  "])


@given(st.lists(st.lists(SENTENCE, max_size=5).map("".join), max_size=6))
def test_cutting_never_adds_text(lines):
    results = cut_repeated_sentences(lines)
    assert len(results) == len(lines)
    for line, (new_line, cut) in zip(lines, results):
        assert _is_deletion(new_line, line)
        assert len(new_line) <= len(line)
        for sentence in cut:
            assert sentence in line


def test_document_stage_edits_and_removes():
    doc = Document(id="1", source="s", location="p")
    doc.set_lines([S1 + S2, "标题行", S2 + "会议要求，各地抓好落实。", S1])
    doc.verdicts[1] = "boilerplate.nav"
    apply_line_stage(RepeatedSentences(), doc)
    assert doc.lines[2] == "会议要求，各地抓好落实。"
    assert doc.verdicts == ["boilerplate.nav" if i == 1 else None for i in range(3)] + ["repeat.sentence"]
    assert [entry.reason for entry in doc.trace] == ["repeat.sentence", "repeat.sentence"]
    assert doc.trace[0].text == S2


def test_the_headline_over_its_dateline_stays_whole_under_a_breadcrumb_ending_with_it():
    # a breadcrumb rendered as an ordered list printed the headline first; the headline stays, the later stage
    # that reads the breadcrumb removes it
    headline = "Weekly Fishing Report: April 9, 2026"
    doc = Document(id="1", source="s", location="p")
    doc.set_lines(["1. Home", "2. Fishing Reports", f"3. {headline}", headline, "Published April 9, 2026",
                   "Warmer days this week pushed water temperatures into the low 50s on many reservoirs."])
    doc.verdicts[4] = "meta.date"
    doc.metadata["title"] = headline
    apply_line_stage(RepeatedSentences(), doc)
    assert doc.verdicts == [None] * 4 + ["meta.date", None]
    assert judge_repeated_sentences([f"3. {headline}", headline])[1] is not None   # a copy elsewhere is cut
    # the headline's copy above it goes, so that a second run, with no dateline left, finds one copy
    assert judge_repeated_sentences([headline, headline], headline=1)[0] is not None
    assert judge_repeated_sentences([headline, headline], headline=1)[1] is None


TEXT = st.lists(st.sampled_from(list("工会ab. \t\u3000，,Ａ\ufb01é") + ["e\u0301"]), max_size=30).map("".join)


@given(TEXT, st.integers(min_value=-1, max_value=12))
def test_word_count_stops_early_but_counts_right(text, min_words):
    assert _has_real_length(text, 10**6, min_words) == (len(text.split()) >= min_words)


@given(TEXT, st.integers(min_value=1, max_value=8), st.integers(min_value=1, max_value=8))
def test_key_if_real_length(text, min_han, min_words):
    expected = comparison_key(text) if _has_real_length(text, min_han, min_words) else None
    assert _key_if_real_length(text, min_han, min_words) == expected


def test_an_organisation_named_among_a_notices_contacts_signs_it_again():
    agency = "招标代理机构：临江恒信工程咨询有限公司"
    lines = ["联系方式", agency, "联系人：彭工", "本项目招标文件每套售价0元，投标人可在交易平台免费下载。", agency, "2025年4月8日"]
    assert judge_repeated_paragraphs(lines) == [None] * len(lines)
