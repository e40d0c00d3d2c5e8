import pytest

from corpusclean.clean.captions import Captions, is_caption_candidate, judge_captions
from corpusclean.document import DocView

BODY = "新华社北京10月20日电 全国总工会20日召开会议，部署今年第四季度重点工作，要求各级工会切实维护职工合法权益。"
BODY2 = "会议强调，要深入开展劳动和技能竞赛，大力弘扬劳模精神、劳动精神、工匠精神。"
CAPTION = "全国总工会机关干部职工参加义务植树活动现场"
EN_BODY = "BEIJING (Reuters) - Chinese factory activity expanded in October, a private survey showed on Wednesday."
EN_CAPTION = "Workers assemble electric vehicles at a factory in Hefei, Anhui province"

LONG_EN_CAPTION = "Workers assemble electric vehicles on the new production line at a factory in Hefei"

R = "caption.repeat"


@pytest.mark.parametrize(
    "lines, expected",
    [
        # exact repeats interleaved with the body
        ([CAPTION, BODY, CAPTION, BODY2, CAPTION], [None, None, R, None, R]),
        # an organisation-name prefix and a photo credit suffix are the same caption
        ([CAPTION, BODY, "北京市总工会" + CAPTION, "北京市总工会" + CAPTION], [None, None, R, R]),
        ([CAPTION, BODY, CAPTION + "（新华社记者 王明 摄）"], [None, None, R]),
        # the prefixed variant first, the bare caption later
        (["北京市总工会" + CAPTION, BODY, CAPTION], [None, None, R]),
        # quotes and a typo: small edits
        (["“" + CAPTION + "”", BODY, CAPTION], [None, None, R]),
        (["全国总工会机关干部职工参加义务植树活动现场", "全国总工会机关干部职工参加义务植数活动现场"], [None, R]),
        # English captions, with a credit suffix
        ([EN_CAPTION, EN_BODY, EN_CAPTION + ". REUTERS/Stringer"], [None, None, R]),
        # negative: two different English captions
        (["Workers attend a skills training session in Hangzhou", EN_BODY,
          "Students attend a skills training session in Ningbo"], [None, None, None]),
        # negative: distinct subheadings appear once and survive
        (["一、加强组织领导", BODY, "二、加强队伍建设", BODY2], [None, None, None, None]),
        (["坚持党建引领 夯实基层基础", BODY, "坚持改革创新 激发组织活力", BODY2], [None] * 4),
        # negative: headings that differ only by the number
        (["2023年第一季度全市经济运行情况", BODY, "2023年第二季度全市经济运行情况"], [None, None, None]),
        (["一、加强组织领导", "二、加强组织领导"], [None, None]),
        (["第一季度", "第二季度"], [None, None]),
        # negative: a table of contents repeats numbered headings
        (["一、总体要求", "二、主要任务", BODY, "一、总体要求", BODY2, "二、主要任务"], [None] * 6),
        # negative: a repeated short line that is not a caption (too short, or a sentence)
        (["更多>>", BODY, "更多>>"], [None, None, None]),
        (["“我们一定能做到！”", BODY, "“我们一定能做到！”"], [None, None, None]),
        (["主要做法如下：", BODY, "主要做法如下："], [None, None, None]),
        # negative: two courts differ by more than a small edit
        (["北京市朝阳区人民法院召开工作会议", "北京市海淀区人民法院召开工作会议"], [None, None]),
        # negative: an English headline repeated with a different word
        (["Police say the suspect was arrested on Monday", EN_BODY, "Police say the suspect was released on Monday"],
         [None, None, None]),
        # negative: English headings that differ by a letter label, a short template phrase, code
        (["Photos of the winning entries in Group A", EN_BODY, "Photos of the winning entries in Group B"],
         [None, None, None]),
        (["Order it online for", "$19.99", "Order it online for", "$24.50"], [None] * 4),
        (["docker stop web && docker rm web", "docker stop web && docker rm web"], [None, None]),
        # negative: a short heading contained in a much longer one
        (["加强队伍建设", "进一步加强基层工会队伍建设工作的若干措施"], [None, None]),
        # long body lines repeated are not captions (the paragraph stage handles them)
        ([BODY, BODY2, BODY], [None, None, None]),
        # edits: a length difference of two can be a small edit, of three cannot
        (["全国总工会机关干部职工参加义务植树活动", "全国总工会机关干部职工们都参加义务植树活动"], [None, R]),
        (["全国总工会机关干部职工参加义务植树活动", "全国总工会机关干部职工们都去参加义务植树活动"], [None, None]),
        # a caption longer than 64 characters contained in its variant
        ([LONG_EN_CAPTION, EN_BODY, LONG_EN_CAPTION + " REUTERS/Stringer"], [None, None, R]),
        # a contained Chinese caption needs ten characters
        (["九字图片的说明文字", "北京总工会九字图片的说明文字"], [None, None]),
        (["十个字图片的说明文字", "北京总工会十个字图片的说明文字"], [None, R]),
        # one key without numbers does not make numbers differ
        (["2023年全市经济运行情况分析会议召开", "全市经济运行情况分析会议召开"], [None, R]),
        ([], []),
    ],
)
def test_judge_captions(lines, expected):
    assert judge_captions(lines) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        (CAPTION, True),
        (EN_CAPTION, True),
        ("一、加强组织领导", False),
        ("（三）强化监督检查", False),
        ("第二章 总则", False),
        (BODY, False),
        ("这是一句话。", False),
        ("Read more", False),
        # the length limits, at and just over them
        ("a" * 5 + " word" * 23, True),
        ("a" * 6 + " word" * 23, False),
        ("全" * 60, True),
        ("全" * 61, False),
        ("全" * 7, False),
        ("全" * 8, True),
        ("a b c d e f", True),
        ("a b c d e", False),
        # code symbols: one is fine, two apart or together make code or markup
        ("Q&A session with plant workers in Hefei", True),
        ("Q&A session with plant workers in Hefei & Wuhu", False),
        ("docker stop web && docker rm web now", False),
        ("全总 | 工会 | 职工 | 劳模 | 工匠 | 维权", False),
        # an original-title line repeats the headline as part of the article
        pytest.param("原标题：前11个月全国铁路完成固定资产投资", False, id="original-title"),
        pytest.param("（原标题：市区新增三处口袋公园）", False, id="original-title-in-brackets"),
        pytest.param("Original title: Workers shine in the real economy", False, id="english-original-title"),
        pytest.param("标题：前11个月全国铁路完成固定资产投资", True, id="another-label-is-no-original-title"),
        # an official document's number, which a record table above the document may print too
        pytest.param("临市监处罚〔2026〕0417号", False, id="a-documents-number"),
        pytest.param("上市一部问询函〔2026〕第118号", False, id="a-letters-number"),
    ],
)
def test_is_caption_candidate(line, expected):
    assert is_caption_candidate(line) is expected


def test_stage_judges_like_the_function():
    lines = [CAPTION, BODY, CAPTION]
    view = DocView(title=None, lang="zh", format="txt", source="s", verdicts=[None] * 3)
    assert Captions().judge(lines, view).verdicts == judge_captions(lines)


HEADLINE = "全国总工会部署第四季度重点工作"


@pytest.mark.parametrize("lines, expected", [
    pytest.param([HEADLINE, "首页", HEADLINE, BODY], ["caption.repeat", None, None, None], id="an-earlier-copy-goes"),
    pytest.param([f"最新要闻：{HEADLINE}", HEADLINE, BODY], ["caption.repeat", None, None],
                 id="an-earlier-variant-goes"),
])
def test_the_headline_over_its_dateline_stays_and_its_earlier_copies_go(lines, expected):
    # the dateline under the headline, removed by the metadata stage, stood between it and the body
    at = lines.index(HEADLINE, 1) if lines.count(HEADLINE) > 1 else lines.index(HEADLINE)
    verdicts = [None] * (at + 1) + ["meta.date"] + [None] * (len(lines) - at - 1)
    view = DocView(title=HEADLINE, lang="zh", format="txt", source="s", verdicts=verdicts)
    assert Captions().judge(lines, view).verdicts == expected


def test_the_title_of_the_document_a_notice_issues_is_no_caption_of_its_headline():
    headline = "市政府关于印发临江市老旧小区改造三年行动实施方案的通知"
    lines = [headline, "各区县人民政府：", "现将《临江市老旧小区改造三年行动实施方案》印发给你们，请认真贯彻执行。",
             "临江市老旧小区改造三年行动实施方案", BODY]
    assert judge_captions(lines, title=headline) == [None] * len(lines)
    # a shorter part of a headline that issues nothing is a caption's copy, as before
    other = "临江市召开老旧小区改造工作推进会议暨现场观摩活动"
    assert judge_captions([other, BODY, "临江市召开老旧小区改造工作推进会议", BODY2], title=other)[2] == "caption.repeat"


def test_an_organisation_signing_a_notice_is_no_caption_its_sites_header_repeats():
    lines = ["临江市青湖区人民法院", "首页", "公告", "许某某：本院受理原告诉被告一案，现依法向你公告送达起诉状副本。",
             "特此公告。", "临江市青湖区人民法院", "二〇二五年三月十四日"]
    assert judge_captions(lines) == [None] * len(lines)


def test_a_list_of_more_caption_like_lines_than_fuzzy_matching_compares_loses_only_its_exact_copies():
    """Fuzzy matching compares every pair of distinct caption-like lines: a text page listing 10,000 short headlines
    held its worker 14 s in this stage alone (quadratic: 1,000 took 0.09 s). A page with more than MAX_FUZZY_KEYS
    of them is a list, not a gallery: its exact copies go, its variants stay; at the limit, variants go as before."""
    from corpusclean.clean.captions import MAX_FUZZY_KEYS

    headlines = [f"全市重点工程建设项目推进情况通报 {n}" for n in range(MAX_FUZZY_KEYS - 1)]
    lines = [*headlines, CAPTION, CAPTION, "北京市总工会" + CAPTION]
    assert judge_captions(lines[1:])[-2:] == [R, R]   # at the limit: the exact copy and the variant
    assert judge_captions(lines)[-2:] == [R, None]    # one more key: the exact copy only
