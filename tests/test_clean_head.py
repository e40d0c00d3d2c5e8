import pytest

from corpusclean.clean.head import is_label, judge_head_labels

HEADLINE_ZH = "我国成功发射新一代气象卫星"
HEADLINE_EN = "Flood waters recede as rebuilding begins in the valley"


@pytest.mark.parametrize(
    "lines, title, expected",
    [
        # channel labels above the headline go
        (["国内要闻", HEADLINE_ZH, "正文第一段。"], HEADLINE_ZH, ["boilerplate.head", None, None]),
        (["新闻中心", "科技频道", HEADLINE_ZH], HEADLINE_ZH, ["boilerplate.head", "boilerplate.head", None]),
        (["World News", HEADLINE_EN, "Body."], HEADLINE_EN, ["boilerplate.head", None, None]),
        (["Sports Desk", HEADLINE_EN], HEADLINE_EN, ["boilerplate.head", None]),
        (["财经 快讯", HEADLINE_ZH], HEADLINE_ZH, ["boilerplate.head", None]),
        # kickers and overlines above the headline stay: they are longer or punctuated
        (["坚持创新驱动发展 加快建设科技强国", HEADLINE_ZH], HEADLINE_ZH, [None, None]),
        (["——记全国劳动模范", HEADLINE_ZH], HEADLINE_ZH, [None, None]),
        (["Analysis: what the rate cut means", HEADLINE_EN], HEADLINE_EN, [None, None]),
        (["Study and implement the new plan for rural roads", HEADLINE_EN], HEADLINE_EN, [None, None]),
        (["2024年5月", HEADLINE_ZH], HEADLINE_ZH, [None, None]),
        # nothing happens without a title, or when the title is not a line near the top
        (["国内要闻", HEADLINE_ZH], None, [None, None]),
        (["国内要闻", HEADLINE_ZH], "别的标题", [None, None]),
        (["栏目"] * 9 + [HEADLINE_ZH], HEADLINE_ZH, [None] * 10),
        # lines below the headline are never touched
        ([HEADLINE_ZH, "本报讯", "要闻"], HEADLINE_ZH, [None, None, None]),
        ([HEADLINE_EN, "Sports Desk"], HEADLINE_EN, [None, None]),
    ],
)
def test_judge_head_labels(lines, title, expected):
    assert judge_head_labels(lines, title) == expected


@pytest.mark.parametrize(
    "line, label",
    [("要闻", True), ("Home", True), ("人民日报社论：坚定信心", False), ("Breaking: storm hits", False),
     ("第3版", False), ("这是一个很长的栏目名称不会是标签", False)],
)
def test_is_label(line, label):
    assert is_label(line) is label
