"""Dedup stage: each republishing change is caught, different stories stay apart, keep policies, modes."""

import pickle

import opencc
import pytest

from corpusclean.config import Config
from corpusclean.dedup.stage import Dedup, DedupModel, pack_summary, summary_id, unpack_summary
from corpusclean.document import Document

RIVER_FESTIVAL = [
    "本报讯（记者 林晓岚）第十二届沿江龙舟文化节昨日在滨江公园开幕，来自全省各地的三十六支代表队参加比赛。",
    "开幕式上，市文化和旅游局负责人介绍，本届文化节为期五天，除传统龙舟竞渡外，还安排了非遗展演、美食市集和夜间灯光秀等活动，预计将吸引游客超过二十万人次。",
    "记者在现场看到，江面上彩旗飘扬，锣鼓声此起彼伏。一支由退休工人组成的老年龙舟队格外引人注目，队员们平均年龄六十二岁，训练已经坚持了整整三个月。",
    "为保障活动安全，公安、交通、卫健等部门联合制定了应急预案，在沿江步道设置了十二个医疗服务点，并对周边道路实行临时交通管制。",
    "市民王女士带着孩子早早来到江边，她说，每年端午前后都会来看龙舟赛，今年的活动内容更加丰富，孩子们在非遗展区学会了包粽子和编五彩绳。",
    "据悉，文化节期间还将举办沿江文旅产业发展论坛，邀请专家学者共同探讨传统节庆与城市旅游融合发展的新路径。",
]

FACTORY_SAFETY = [
    "新华社讯 省应急管理厅近日通报，今年以来全省共开展安全生产大检查四轮，排查企业一万二千余家，整改各类隐患三万八千多项。",
    "通报指出，部分小微企业安全投入不足，消防通道堵塞、电气线路老化、危险化学品储存不规范等问题仍然较为突出，个别企业存在屡查屡犯的情况。",
    "下一步，应急管理部门将联合市场监管、住建等部门，对重点行业开展“四不两直”暗查暗访，对拒不整改的企业依法予以停产整顿并向社会公开曝光。",
    "省总工会同步启动“安康杯”竞赛活动，组织职工开展隐患随手拍，鼓励一线工人举报身边的安全隐患，经核实后给予一定奖励。",
    "业内人士认为，安全生产关键在于落实企业主体责任，只有把安全培训做到每一个岗位、每一名职工，才能从根本上减少事故发生。",
]

HARBOUR_BRIDGE = [
    "The new harbour bridge opened to traffic on Monday morning, three months ahead of schedule and slightly under its revised budget, city officials said.",
    "The four-lane crossing replaces a ferry service that had carried commuters between the two districts for more than sixty years, cutting a typical journey from forty minutes to under ten.",
    "Engineers used prefabricated deck sections floated into position on barges, a method the project director said had saved several weeks of work during the stormy winter months.",
    "Local businesses on the eastern shore welcomed the opening, although some ferry workers said they were still waiting to hear whether they would be offered new jobs with the transport authority.",
    "A cycle lane and a separate footpath run along the southern edge of the bridge, and the council plans to add a viewing platform at the midpoint next spring.",
    "Toll charges will not apply during the first month, after which drivers will pay a flat fee that the council has promised to review after one year.",
]

LIBRARY_FUNDING = [
    "The county council voted on Thursday to restore funding for six branch libraries that had faced closure, after a campaign by parents, teachers and retired residents.",
    "Councillors approved a revised budget that moves money from a delayed office refurbishment into the library service, securing opening hours until at least the end of next year.",
    "Campaigners delivered a petition with more than eleven thousand signatures last month and packed the public gallery for the vote, applauding as the result was announced.",
    "The head of the library service said the branches would also host job clubs, homework help and digital skills classes for older residents who struggle with online forms.",
    "Opposition members supported the motion but warned that the council still had not explained how it would pay for the repairs that several of the older buildings urgently need.",
]

# A long passage that two different stories both quote in full.
SHARED_QUOTE = (
    "“We have listened carefully to every community along the coast, and we will not approve any scheme that "
    "puts homes at greater risk of flooding. The sea wall must be repaired first, the drainage network must be "
    "upgraded second, and only then will we consider new construction on the reclaimed land,” the minister said "
    "in a statement read out at both meetings."
)

COAST_PLANNING = [
    "Residents of the coastal town packed the community hall on Tuesday evening to hear the outcome of a long-awaited review of the harbour development plan.",
    SHARED_QUOTE,
    "Several fishermen said the decision gave them hope that the old slipway would be saved, while a developer's spokesperson said the company would study the ruling before deciding whether to appeal.",
    "The council expects to publish a detailed timetable for the sea wall repairs in the autumn.",
]

FARM_SUBSIDY = [
    "Farmers in the river valley met agricultural officials on Wednesday to discuss compensation for fields that flooded twice during the spring storms.",
    SHARED_QUOTE,
    "Union representatives asked for the payments to be made before the harvest, arguing that many smaller farms would otherwise have to borrow money to buy seed for next season.",
    "Officials said an assessment team would visit every affected farm within the next fortnight.",
]

# The threshold bench/dedup_eval.py measured best (precision 1.0, recall 0.96 on its set).
THRESHOLD = 0.7
TO_TRADITIONAL = opencc.OpenCC("s2t")


def make_doc(doc_id: str, lines: list[str], created: str | None = None) -> Document:
    doc = Document(id=doc_id, source="test", location=doc_id, created=created)
    doc.set_lines(list(lines))
    return doc


def run(docs: list[Document], **config) -> DedupModel:
    stage = Dedup(Config(**{"dedup_threshold": THRESHOLD, **config}))
    model = stage.fit([stage.summarize(d) for d in docs])
    for doc in docs:
        stage.apply(doc, model)
    return model


def header_footer(p):
    return ["首页 | 新闻 | 本地 | 财经", "来源：南岭晚报 2024-06-10"] + p + ["版权所有 未经授权禁止转载", "责任编辑：周敏"]


def english_header_footer(p):
    return ["Home | News | Local | Business", "Published 10 June 2024"] + p + ["Copyright The Valley Courier"]


def drop_paragraph(p):
    return p[:2] + p[3:]


def reorder(p):
    return [p[1], p[0]] + p[2:]


def traditional(p):
    return [TO_TRADITIONAL.convert(line) for line in p]


def ascii_punctuation(p):
    return [line.translate(str.maketrans("，。：；（）“”", ",.:;()\"\"")) for line in p]


def wide_punctuation(p):
    return [line.translate(str.maketrans(",.;:", "，。；：")) for line in p]


def whitespace(p):
    return [line for para in p for line in ("\u3000\u3000" + para.replace("，", "， ") + "  ", "")]


def uppercase(p):
    return [line.upper() for line in p]


@pytest.mark.parametrize("article", [RIVER_FESTIVAL, FACTORY_SAFETY, HARBOUR_BRIDGE, LIBRARY_FUNDING])
@pytest.mark.parametrize("transform", [
    header_footer, english_header_footer, drop_paragraph, reorder, traditional, ascii_punctuation,
    wide_punctuation, whitespace, uppercase,
])
def test_a_republished_copy_is_a_near_duplicate(article, transform):
    original, copy = make_doc("original", article), make_doc("copy", transform(article))
    model = run([original, copy])
    assert model.duplicate_of == {"copy": "original"}
    assert not original.rejected
    assert (copy.reject_reason, copy.reject_detail) == ("duplicate", "original")


@pytest.mark.parametrize("first, second", [
    (RIVER_FESTIVAL, FACTORY_SAFETY),
    (HARBOUR_BRIDGE, LIBRARY_FUNDING),
    (COAST_PLANNING, FARM_SUBSIDY),               # different stories quoting the same long statement
    (header_footer(RIVER_FESTIVAL[:2]), header_footer(FACTORY_SAFETY[:2])),   # one template, two bodies
])
def test_different_articles_are_not_merged(first, second):
    docs = [make_doc("a", first), make_doc("b", second)]
    assert run(docs).duplicate_of == {}
    assert not any(d.rejected for d in docs)


@pytest.mark.parametrize("transform, exact, near", [
    (traditional, True, True),
    (whitespace, True, True),
    (ascii_punctuation, True, True),
    (header_footer, False, True),
    (drop_paragraph, False, True),
])
@pytest.mark.parametrize("mode", ["none", "exact", "near"])
def test_modes(transform, exact, near, mode):
    docs = [make_doc("a", RIVER_FESTIVAL), make_doc("b", transform(RIVER_FESTIVAL))]
    expected = {"none": False, "exact": exact, "near": near}[mode]
    assert run(docs, dedup=mode).duplicate_of == ({"b": "a"} if expected else {})


@pytest.mark.parametrize("keep, created, kept", [
    ("first", ["2024-06-03", "2024-06-01", "2024-06-02"], "a"),
    ("longest", [None, None, None], "b"),
    ("earliest", ["2024-06-03", "2024-06-01T08:00:00", "2024-06-02"], "b"),
    ("earliest", [None, None, "2024-06-02"], "c"),       # undated copies sort last
    ("earliest", [None, None, None], "a"),               # all undated: the first
    ("earliest", ["2024-06-02", None, "2024-06-02"], "a"),  # a tie: the first
])
def test_keep_policy(keep, created, kept):
    contents = [RIVER_FESTIVAL, header_footer(RIVER_FESTIVAL), drop_paragraph(RIVER_FESTIVAL)]
    docs = [make_doc(i, c, d) for i, c, d in zip("abc", contents, created)]
    model = run(docs, keep=keep)
    assert model.duplicate_of == {i: kept for i in "abc" if i != kept}
    assert model.cluster_sizes == {3: 1}
    assert [d.id for d in docs if not d.rejected] == [kept]


def test_keep_earliest_orders_dates_of_other_zones_in_time():
    """`created` is written in the time of the zone its page states: keep earliest compared those times as written,
    so 10:00 at +08:00 (02:00 UTC) was taken for later than 09:00 at +00:00, and the later copy stayed."""
    contents = [RIVER_FESTIVAL, header_footer(RIVER_FESTIVAL), drop_paragraph(RIVER_FESTIVAL)]
    stated = [("2019-01-01T09:00:00", "+00:00"), ("2019-01-01T10:00:00", "+08:00"), ("2019-01-01T05:00:00", None)]
    docs = []
    for doc_id, lines, (created, zone) in zip("abc", contents, stated):
        docs.append(make_doc(doc_id, lines, created))
        docs[-1].metadata["created_timezone"] = zone
    assert run(docs, keep="earliest").duplicate_of == {"a": "b", "c": "b"}


def test_clusters_are_transitive():
    # Each step appends two more paragraphs: neighbours are similar (>= 0.73), the ends are not (0.47).
    chain = [LIBRARY_FUNDING + HARBOUR_BRIDGE[:k] for k in range(0, 7, 2)]
    docs = [make_doc(f"v{i}", lines) for i, lines in enumerate(chain)]
    model = run(docs)
    assert model.duplicate_of == {"v1": "v0", "v2": "v0", "v3": "v0"}
    assert model.cluster_sizes == {4: 1}


def test_cluster_sizes_count_each_cluster():
    docs = [make_doc("a", RIVER_FESTIVAL), make_doc("b", traditional(RIVER_FESTIVAL)),
            make_doc("c", HARBOUR_BRIDGE), make_doc("d", reorder(HARBOUR_BRIDGE)),
            make_doc("e", FACTORY_SAFETY), make_doc("f", header_footer(FACTORY_SAFETY)),
            make_doc("g", whitespace(FACTORY_SAFETY)), make_doc("h", LIBRARY_FUNDING)]
    assert run(docs).cluster_sizes == {2: 2, 3: 1}


def test_summary_comes_from_clean_text_only():
    noisy = make_doc("noisy", ["扫码关注我们的公众号，下载客户端"] * 8 + RIVER_FESTIVAL)
    for index in range(8):
        noisy.remove(index, "boilerplate", "boilerplate.app")
    stage = Dedup(Config(dedup="exact"))
    clean = make_doc("clean", RIVER_FESTIVAL)
    assert unpack_summary(stage.summarize(noisy))[2:4] == unpack_summary(stage.summarize(clean))[2:4]


def test_a_rejected_document_keeps_its_reason():
    docs = [make_doc("a", RIVER_FESTIVAL), make_doc("b", RIVER_FESTIVAL)]
    docs[1].reject("too_short")
    stage = Dedup(Config())
    stage.apply(docs[1], DedupModel(duplicate_of={"b": "a"}))
    assert docs[1].reject_reason == "too_short"


def test_same_input_gives_the_same_model_and_the_stage_pickles():
    contents = [RIVER_FESTIVAL, traditional(RIVER_FESTIVAL), HARBOUR_BRIDGE, drop_paragraph(HARBOUR_BRIDGE),
                COAST_PLANNING, FARM_SUBSIDY]
    stage = Dedup(Config(dedup_threshold=THRESHOLD, keep="longest"))
    summaries = [stage.summarize(make_doc(f"d{i}", c)) for i, c in enumerate(contents)]
    copy = pickle.loads(pickle.dumps(stage))
    again = [copy.summarize(make_doc(f"d{i}", c)) for i, c in enumerate(contents)]
    assert pickle.dumps(summaries) == pickle.dumps(again)
    assert stage.fit(summaries) == copy.fit(again)


def test_empty_and_short_documents():
    """A text without words ('。') is a copy of an equal one only, not of an empty one (nor of '！')."""
    docs = [make_doc("a", []), make_doc("b", ["。"]), make_doc("c", ["短讯"]), make_doc("d", ["短讯！"]),
            make_doc("e", ["！"]), make_doc("f", [" 。"])]
    assert run(docs).duplicate_of == {"d": "c", "f": "b"}


@pytest.mark.parametrize("fields", [
    ("seeds/a.txt", None, 120, 2**64 - 1, b"\x01\x02\x03\x04" * 128),
    ("新闻/报道.jsonl:7", "", 0, None, b""),
    ("b.jsonl:1", "2024-05-17T15:58:00+08:00", 3, 0, b""),
])
def test_summary_packs_and_unpacks(fields):
    summary = pack_summary(*fields)
    doc_id, created, length, key, near = unpack_summary(summary)
    assert (doc_id, created, length, key, bytes(near)) == fields
    assert summary_id(summary) == fields[0]
