"""`corpusclean check`: rule case tables, the command's contract (exit codes, formats, selection),
--fix (idempotent, atomic, keeps what it cannot fix) and the end-to-end agreement with `corpusclean run`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
import typer
from hypothesis import given, strategies as st
from typer.testing import CliRunner

from corpusclean.check import rules
from corpusclean.check.command import UsageError, check, enabled_codes
from corpusclean.document import Removal
from corpusclean.normalize.whitespace import normalize_lines, split_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

app = typer.Typer()
app.command()(check)


@app.command("version")  # a second command, so typer keeps `check` as a subcommand like the real app
def _version() -> None:
    pass


def invoke(*args: str):
    return CliRunner().invoke(app, ["check", *args])


def write_jsonl(path: Path, records: list) -> Path:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in records))
    return path


def codes_of(issues) -> list[str]:
    return [issue.code for issue in issues]


# --- rules -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, codes", [
    (b'{"id": "a", "text": "x"}', []),
    (b'{"id": "a", "text": "x"', ["CC001"]),
    (b"not json", ["CC001"]),
    (b"[1, 2]", ["CC002"]),
    (b"null", ["CC002"]),
    (b'{"id": "a"}', ["CC003"]),
    (b'{"id": "a", "text": 3}', ["CC003"]),
    (b'{"text": "x"}', ["CC004"]),
    (b'{"id": "", "text": "x"}', ["CC004"]),
    (b'{"id": " \xe3\x80\x80", "text": "x"}', ["CC004"]),
    (b'{"id": ["a"], "text": "x"}', ["CC004"]),
    (b'{"id": 7, "text": "x"}', []),
    pytest.param(b'{"id": "a", "html": "<p>x</p>"}', [], id="html-without-text-is-read-by-run"),
    pytest.param(b'{"id": "a", "text": null, "raw_html": "<p>x</p>"}', [], id="raw-html-with-null-text"),
    pytest.param(b'{"id": "a", "html": 5}', ["CC003"], id="html-not-a-string"),
])
def test_record_shape(raw, codes):
    value, _, issues = rules.parse_record(raw)
    if value is not rules.UNREAD:
        issues += rules.record_shape(value, "text")
    assert codes_of(issues) == codes


def test_invalid_json_reports_the_column():
    _, _, issues = rules.parse_record(b'{"id": "a", "text": }')
    assert issues[0].col == 21


@pytest.mark.parametrize("line", [
    pytest.param(b'{"id": "%s", "text": "%s\\ud800"}', id="lone-surrogate"),
    pytest.param(b'{"id": "%s", "text": "%s\xff"}', id="a-byte-that-is-not-utf-8"),
    pytest.param(b'\xef\xbb\xbf{"id": "%s", "text": "%s"}', id="a-byte-order-mark-inside-the-file"),
])
def test_a_line_run_reads_all_the_same_gets_every_rule(tmp_path, line):
    """A line with a lone surrogate (or a byte that is not UTF-8, or a BOM opening it inside the file) had its
    CC001 finding and no other: run reads it, replacing what UTF-8 cannot hold, and removed the copyright line
    check said nothing of (--fix removed it too), and rejected a field nested too deep to write (CC002). The
    characters CC001 counts are no CC007 too."""
    article = json.dumps(ARTICLE, ensure_ascii=False)[1:-1].encode()
    deep = b', "m": ' + b"[" * 300 + b"]" * 300 + b"}"
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "0", "text": "x"}\n' + line % (b"1", article + "\\n版权所有 © 2024 示例新闻网".encode())
                     + b"\n" + (line % (b"2", article[:60]))[:-1] + deep + b"\n")
    result = invoke(str(path))
    findings = [finding.removeprefix(f"{path}:").split(" ")[:2] for finding in result.stdout.splitlines()]
    assert [(where.split(":")[0], code) for where, code in findings] == [
        ("2", "CC001"), ("2", "CC010"), ("3", "CC001"), ("3", "CC002")], result.stdout


GBK_AS_KOI8 = "市统计局有关负责人表示，下一步将继续做好稳就业工作。".encode("gbk").decode("koi8-u")
BIG5_AS_CP866 = "發言人指出，政府將繼續推動產業轉型，加強對中小企業的協助。".encode("big5").decode("cp866")


@pytest.mark.parametrize("text, damaged", [
    ("工会要闻", False),
    ("café, créée, Müller Straße", False),
    ("a café… and the café’s menu", False),
    ("« à la française »", False),
    ("Copyright \ufffd 2008", True),
    ("caf\u00c3\u00a9", True),                # é as UTF-8 read as Latin-1: "Ã©"
    ("\u00e6\u0096\u0087\u00e5\u00ad\u0097", True),  # 文字 as UTF-8 read as Latin-1
    ("it\u00e2\u20ac\u2122s", True),         # ’ as UTF-8 read as cp1252: "â€™"
    ("锟斤拷锟斤拷", True),
    ("\u00d6\u00d0\u00b9\u00fa", True),      # 中国 as GBK read as Latin-1: "ÖÐ¹ú"
    (GBK_AS_KOI8, True),                      # GBK read as KOI8-U Cyrillic
    (BIG5_AS_CP866, True),                    # Big5 read as CP866 Cyrillic
    ("Министерство сообщило, что рост ВВП составил 2,3 процента. Анн-Софи приехала в Санкт-Петербург.", False),
])
def test_encoding_damage(text, damaged):
    assert codes_of(rules.encoding_damage(text)) == (["CC007"] if damaged else [])


def test_encoding_damage_names_a_cyrillic_misreading():
    [issue] = rules.encoding_damage("正文。\n" + GBK_AS_KOI8)
    assert "GBK/Big5 read as a single-byte codec" in issue.message and "text line 2 col 1" in issue.message


@pytest.mark.parametrize("text, declared, damaged", [
    pytest.param("图片\ufffd\ufffd说明", 2, False, id="fffd-the-record-declares"),
    pytest.param("图片\ufffd\ufffd说明", 1, True, id="more-fffd-than-declared"),
    pytest.param("图片\ufffd说明 caf\u00c3\u00a9", 1, True, id="declared-fffd-and-mojibake"),
])
def test_encoding_damage_a_record_declares(text, declared, damaged):
    assert codes_of(rules.encoding_damage(text, declared)) == (["CC007"] if damaged else [])


@pytest.mark.parametrize("record, count", [
    pytest.param({"metadata": {"replacement_chars": 3}}, 3, id="declared"),
    pytest.param({"metadata": {"replacement_chars": 1, "invalid_bytes": 2}}, 3, id="and-bytes-replaced"),
    pytest.param({"metadata": {"replacement_chars": None}}, 0, id="null"),
    pytest.param({"metadata": {"replacement_chars": True}}, 0, id="not-a-count"),
    pytest.param({"metadata": "x"}, 0, id="metadata-not-an-object"),
    pytest.param({}, 0, id="no-metadata"),
])
def test_declared_replacements(record, count):
    assert rules.declared_replacements(record) == count


def test_encoding_damage_points_at_the_first_spot():
    [issue] = rules.encoding_damage("ok\nab\ufffd and \ufffd")
    assert "2 × U+FFFD" in issue.message and "text line 2 col 3" in issue.message


@pytest.mark.parametrize("text, is_html, position", [
    pytest.param("ab\ncd\x00", False, (2, 3), id="lf"),
    pytest.param("ab\r\ncd\rxy\x00", False, (3, 3), id="cr-and-crlf-end-a-line"),
    pytest.param("ab\u2028cd\x0cx\x00", False, (3, 2), id="unicode-and-form-feed-end-a-line"),
    pytest.param("ab\r\x00", False, (2, 1), id="after-a-cr"),
    pytest.param("ab\x00\r\nc", False, (1, 3), id="before-a-crlf"),
    pytest.param("𠀅".encode().decode("latin-1") + "\nab\x00", False, (2, 3), id="nel-in-mojibake-run-repairs"),
    pytest.param("ÖÐ\x85\nab\x00", False, (3, 3), id="nel-in-mojibake-run-leaves-ends-a-line"),
    pytest.param("<p>a</p>\r<p>\x00", True, (2, 4), id="html-cr-ends-a-line"),
    pytest.param("<p>a\u2028b\x0c\x00", True, (1, 8), id="html-other-breaks-do-not"),
])
def test_text_position_counts_the_lines_run_reads(text, is_html, position):
    """check numbered a text's lines at LF only, where run reads CR and CRLF (and the other breaks of
    str.splitlines) as line breaks of a plain text."""
    assert rules.text_position(text, text.index("\x00"), is_html) == position


def test_findings_of_a_text_with_mojibake_name_the_lines_run_reads(tmp_path):
    """CC007 counted a NEL (U+0085) as a line break inside a run of UTF-8 read as Latin-1 that run repairs
    before it splits the lines ('𠀅' so read is 'ð\\xa0\\x80\\x85', which no damage pattern matches): it named
    text line 4 for the line CC010 named text line 3."""
    mojibake = "𠀅".encode().decode("latin-1")
    text = f"张{mojibake}先生在会上发言，介绍了今年的工作。\n版权所有 © 2024 示例新闻网\n锟斤拷\x01"
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": text}])
    result = invoke(str(path), "-q", "--select", "CC007,CC008,CC010")
    assert result.stdout.replace(str(path), "a.jsonl").splitlines() == [
        "a.jsonl:1:1: CC007 encoding damage (1 × 锟斤拷), first at text line 3 col 1: '锟斤拷\\x01'",
        "a.jsonl:1:1: CC008 3 control character(s) (U+0001, U+0080, U+0085), first at text line 1 col 4",
        "a.jsonl:1:1: CC010 text line 2: boilerplate.copyright: '版权所有 © 2024 示例新闻网'",
        "a.jsonl:1:1: CC010 text line 3: boilerplate.block: '锟斤拷'"]


@pytest.mark.parametrize("text, found", [
    ("line\n\tindented", False),
    ("windows\r\nline", True),
    ("nul\x00byte", True),
    ("c1 \x85 control", True),
    ("zero\u200bwidth is a format character", False),
])
def test_control_chars(text, found):
    assert codes_of(rules.control_chars(text)) == (["CC008"] if found else [])


@pytest.mark.parametrize("html, found", [
    pytest.param("<p>a</p>\r\n<p>b</p>", False, id="crlf-is-a-line-break"),
    pytest.param("<p>a</p>\r<p>b</p>", False, id="cr-is-a-line-break"),
    pytest.param("<p>nul\x00</p>", True, id="nul"),
    pytest.param("<p>\x0bvertical tab</p>", True, id="vertical-tab"),
])
def test_control_chars_in_html(html, found):
    assert codes_of(rules.control_chars(html, is_html=True)) == (["CC008"] if found else [])


def test_control_chars_are_exactly_category_cc_but_newline_and_tab():
    import unicodedata

    controls = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\t"]
    flagged = [chr(c) for c in range(0x10000) if rules.control_chars(chr(c))]
    assert flagged == controls


SIMPLIFIED = "全国总工会党组书记主持会议，会议听取了各地工会关于劳动和技能竞赛工作的汇报，并对下一步工作进行了部署。"
TRADITIONAL = "全國總工會黨組書記主持會議，會議聽取了各地工會關於勞動和技能競賽工作的匯報，並對下一步工作進行了部署。"
# Kanji: 17% of them Traditional-only and 12% Simplified-only, as a Chinese reader counts them.
JAPANESE = ("市長は二十日の定例会見で、来年度の予算案について説明した。県内の鉄道や道路の整備に重点を置き、"
            "観光客の増加に備える考えを示した。市議会は来月、予算案を審議する予定だ。")
ENGLISH_WITH_LANGUAGE_MENU = (
    "The council approved the budget on Tuesday after a three-hour debate, and the mayor said the new bridge "
    "would open next spring. Residents who spoke at the meeting asked for more buses on the river route, "
    "and the transport department promised a review of the timetable before the end of the year. " * 3
    + "Edition: 中国大陆（简体中文） 台灣（繁體中文） 香港（繁體中文） 新加坡（简体中文） 日本（日本語）"
)


@pytest.mark.parametrize("text, expected, flagged", [
    (SIMPLIFIED, None, False),
    (SIMPLIFIED, "hans", False),
    (SIMPLIFIED, "hant", True),
    (TRADITIONAL, None, False),
    (TRADITIONAL, "hant", False),
    (TRADITIONAL, "hans", True),
    (SIMPLIFIED + "\n" + TRADITIONAL, None, True),
    (SIMPLIFIED * 3 + "引用《紅樓夢》", "hans", False),  # a quoted Traditional title is not mixing
    ("龍", "hans", False),                            # too little Chinese to judge
    ("An English text.", "hans", False),
    pytest.param(JAPANESE, None, False, id="japanese-kanji-are-no-mixed-chinese"),
    pytest.param(JAPANESE, "hans", False, id="japanese-has-no-expected-chinese-script"),
    pytest.param(ENGLISH_WITH_LANGUAGE_MENU, None, False, id="language-menu-in-an-english-page"),
    pytest.param(SIMPLIFIED + "\n" + TRADITIONAL + "\n" + ENGLISH_WITH_LANGUAGE_MENU[:200], None, True,
                 id="mixed-chinese-with-some-english"),
])
def test_script_issue(text, expected, flagged):
    assert codes_of(rules.script_issue(text, expected)) == (["CC009"] if flagged else [])


def test_mixed_script_is_named():
    [issue] = rules.script_issue(SIMPLIFIED + TRADITIONAL, "hans")
    assert issue.message.startswith("mixed script")


@pytest.mark.parametrize("text, numbers", [
    ("a\nb", [1, 2]),
    ("  a  \n\n \u3000\nb", [1, 4]),
    ("a\r\nb\rc", [1, 2, 3]),       # CR and CRLF end a line, as the stages read the text
    ("a\u2028b\x85\n\nc", [1, 2, 5]),
    ("", []),
])
def test_kept_line_numbers(text, numbers):
    assert rules.kept_line_numbers(text) == numbers


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\u2028\u3000\u200b"), max_size=40))
def test_kept_line_numbers_match_the_whitespace_stage(text):
    assert len(rules.kept_line_numbers(text)) == len(normalize_lines(split_text(text)))


def test_leftover_lines_map_reasons_to_codes_and_text_lines():
    trace = [
        Removal(0, "boilerplate", "boilerplate.copyright", "版权所有"),
        Removal(1, "sidebar", "sidebar.leadership", "陈 刚 全国总工会党组书记"),
        Removal(2, "captions", "caption.repeat", "推进会"),
        Removal(2, "repeat_sentences", "repeat.sentence", "重复的句子。"),
        Removal(0, "metadata", "meta.editor", "编辑：张三"),
        Removal(1, "head", "boilerplate.head", "工会要闻"),
    ]
    issues = rules.leftover_lines(trace, [3, 5, 9])
    assert codes_of(issues) == ["CC010", "CC011", "CC012", "CC013", "CC014", "CC010"]
    assert issues[1].message.startswith("text line 5: sidebar.leadership:")


def test_first_seen_points_at_the_first_and_never_at_none():
    seen = rules.FirstSeen()
    entries = [(7, 0, 1), (None, 0, 2), (7, 1, 1), (None, 1, 2), (7, 1, 3), (8, 1, 4)]
    assert [seen.earlier(*entry) for entry in entries] == [None, None, (0, 1), None, (0, 1), None]


@pytest.mark.parametrize("a, b, same", [
    ("p-17", "p-17", True),
    ("7", 7, True),   # run writes both as "7"
    (7, 7, True),
    ("", "", False),
    ("  ", "  ", False),
    (True, True, False),
    (1.5, 1.5, False),
])
def test_id_hash_keys_ids_as_run_takes_them(a, b, same):
    key_a, key_b = rules.id_hash(a), rules.id_hash(b)
    assert (key_a is not None and key_a == key_b) == same


def test_exact_text_key_ignores_width_space_case_and_script():
    assert rules.exact_text_key("工会，Union 要闻") == rules.exact_text_key("工會,union  要聞")
    assert rules.exact_text_key(" 。 ") == rules.exact_text_key("。") != rules.exact_text_key("！")
    assert rules.exact_text_key(" \u3000\n") is None


@pytest.mark.parametrize("select, ignore, near, expected", [
    (None, None, False, set(rules.RULES) - {"CC016"}),
    (None, None, True, set(rules.RULES)),
    ("CC001, cc005", None, False, {"CC001", "CC005"}),
    (None, "CC010,CC012", False, set(rules.RULES) - {"CC010", "CC012", "CC016"}),
    ("CC001,CC002", "CC003", False, {"CC001", "CC002"}),
])
def test_enabled_codes(select, ignore, near, expected):
    assert enabled_codes(select, ignore, near) == expected


@pytest.mark.parametrize("select, ignore", [("CC999", None), (None, "E501"), ("CC001,bogus", None)])
def test_unknown_codes_are_usage_errors(select, ignore):
    with pytest.raises(UsageError):
        enabled_codes(select, ignore, False)


@pytest.mark.parametrize("select, ignore, near, message", [
    ("CC001,CC002", "cc002", False, "--select and --ignore both name CC002"),
    (None, "CC016", True, "--near-dups and --ignore CC016 contradict each other"),
])
def test_options_that_contradict_each_other_are_usage_errors(select, ignore, near, message):
    """Each was a silent choice: a code selected and ignored was not checked, --near-dups --ignore CC016
    found no near duplicates."""
    with pytest.raises(UsageError, match=message):
        enabled_codes(select, ignore, near)


@pytest.mark.parametrize("select, ignore, message", [
    ("", None, "--select names no rule code: ''"), (" , ", None, "--select names no rule code: ' , '"),
    (None, "", "--ignore names no rule code: ''"),
])
def test_a_selection_that_names_no_code_is_a_usage_error(select, ignore, message):
    """`check --select "$CODES"` with the variable unset checked every default rule, exit 1 on findings the
    user never asked for; --ignore "" ignored nothing without a word."""
    with pytest.raises(UsageError, match=f"^{message}$"):
        enabled_codes(select, ignore, False)


# --- the command -------------------------------------------------------------------------------------

ARTICLE = ("全省各级工会牢牢把握时代主题，主题劳动和技能竞赛风起云涌，广大职工投身高质量发展主战场激情澎湃。\n"
           "体系更健全、平台更广阔、成效更显著，这是对五年来全省工会劳动和技能竞赛的精准概括。")


def test_clean_file_exits_0_with_no_output(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": ARTICLE}])
    result = invoke(str(path))
    assert (result.exit_code, result.stdout) == (0, "")


def test_findings_are_lines_on_stdout_and_exit_1(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "1", "text": ARTICLE},
        b"{broken",
        {"id": "1", "text": "   "},
    ])
    result = invoke(str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:2:2: CC001 invalid JSON: ")  # then orjson's own words
    assert lines[1:] == [
        f"{path}:3:1: CC005 duplicate id '1', first at {path}:1",
        f"{path}:3:1: CC006 text is whitespace only",
    ]


def test_json_format_gives_one_object_per_finding(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": ARTICLE}])
    result = invoke(str(path), "--format", "json")
    assert result.exit_code == 1
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"path": str(path), "line": 1, "col": 1, "code": "CC004", "message": "no id"}
    ]


def test_duplicates_are_found_across_files(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": ARTICLE}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": ARTICLE.replace("，", ",") + "  "}])
    result = invoke(str(a), str(b))
    assert result.stdout.splitlines() == [
        f"{b}:1:1: CC005 duplicate id 'x', first at {a}:1",
        f"{b}:1:1: CC015 same text as {a}:1",
    ]


def test_near_duplicates_only_when_asked(tmp_path):
    near = ARTICLE.replace("激情澎湃", "热情高涨")
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": ARTICLE}, {"id": "2", "text": near}])
    assert invoke(str(path)).exit_code == 0
    result = invoke(str(path), "--near-dups")
    assert result.stdout.splitlines() == [f"{path}:2:1: CC016 near duplicate of {path}:1"]


def test_select_and_ignore_filter_findings(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": ""}])
    assert "CC006" not in invoke(str(path), "--select", "CC004").stdout
    result = invoke(str(path), "--ignore", "CC004,CC006")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("args", [["missing.jsonl"], ["{file}", "--select", "CC999"], ["{file}", "--ignore", "X1"]])
def test_usage_errors_exit_2(tmp_path, args):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": ARTICLE}])
    result = invoke(*(a.format(file=path) for a in args))
    assert (result.exit_code, result.stdout) == (2, "")


def test_help_opens_with_purpose_and_example():
    result = invoke("--help")
    assert "Lint JSONL datasets" in result.stdout
    assert "Example: corpusclean check data/*.jsonl" in result.stdout


# --- --fix -------------------------------------------------------------------------------------------

def raw_seed_records() -> list[dict]:
    return [{"id": p.name, "text": p.read_text("utf-8")} for p in sorted(SEEDS.glob("*.txt"))]


def test_fix_cleans_keeps_other_fields_and_leaves_what_it_cannot_fix(tmp_path):
    seed = raw_seed_records()[4]
    seed.update(source="workercn", metadata={"url": "http://example.com/1"})
    path = write_jsonl(tmp_path / "a.jsonl", [seed, b"{broken", {"id": "2", "text": ARTICLE}])
    before = path.read_bytes().split(b"\n")
    result = invoke(str(path), "--fix")
    after = path.read_bytes().split(b"\n")
    fixed = orjson.loads(after[0])
    assert {k: v for k, v in fixed.items() if k != "text"} == {k: v for k, v in seed.items() if k != "text"}
    assert "全总领导" not in fixed["text"] and "建功立业" in fixed["text"]
    assert after[1:] == before[1:]  # untouched records stay byte for byte
    # Left: the broken line, and the metadata lines run lifts into fields, which --fix keeps (it writes the text alone)
    findings = result.stdout.splitlines()
    assert {f.split(": ")[1].split()[0] for f in findings if not f.startswith(f"{path}:2:")} == {"CC014"}
    [broken] = [f for f in findings if f.startswith(f"{path}:2:")]
    assert broken.startswith(f"{path}:2:2: CC001 invalid JSON: ")
    assert "编辑： 李方" in fixed["text"]
    assert result.exit_code == 1
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]  # no temporary file left behind


def test_fix_is_idempotent(tmp_path):
    path = write_jsonl(tmp_path / "raw.jsonl", raw_seed_records())
    first = invoke(str(path), "--fix")
    once = path.read_bytes()
    second = invoke(str(path), "--fix")
    assert path.read_bytes() == once
    # what is left are the metadata lines --fix keeps (CC014): the same findings both times
    assert first.stdout == second.stdout and {f.split(": ")[1].split()[0] for f in second.stdout.splitlines()} == {"CC014"}


class _HeadlineChosenAnew:
    """A cleaning whose output a second cleaning changes, as the headline chosen anew in a text without its
    title made it: each pass takes the first of more than two lines as a label above the headline."""

    name, kind = "edges", "document"

    def __call__(self, doc):
        kept = doc.kept_indices()
        if len(kept) > 2:
            doc.remove(kept[0], self.name, "boilerplate.head")
        return doc


def test_fix_writes_a_text_a_second_fix_leaves_alone(tmp_path, monkeypatch):
    """--fix wrote what one cleaning gave; in a record without a title a second cleaning of that chose another
    headline and removed the labels above it: a second --fix changed the file again, and check reported those
    lines (CC010) in the file --fix had just written (dev text dumps as JSONL: 37 of 240 records). --fix
    cleans a text until a cleaning leaves it as it is."""
    from corpusclean.check import command

    stages = command.cleaning_stages
    monkeypatch.setattr(command, "cleaning_stages", lambda config: [*stages(config), _HeadlineChosenAnew()])
    text = ARTICLE + "\n各地工会组织职工开展技术比武。\n一批能工巧匠脱颖而出。\n竞赛活动覆盖全省重点工程。"
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": text}])
    assert invoke(str(path), "--fix").exit_code == 0
    once = path.read_bytes()
    assert orjson.loads(once)["text"] == "一批能工巧匠脱颖而出。\n竞赛活动覆盖全省重点工程。"
    assert invoke(str(path), "--fix").exit_code == 0
    assert path.read_bytes() == once


@pytest.mark.parametrize("selection", [["--select", "CC007"], ["--ignore", "CC010"], ["--select", "CC005"],
                                       ["--script", "hans", "--ignore", "CC009"]])
def test_fix_with_a_selection_leaving_out_a_mended_code_is_a_usage_error(tmp_path, selection):
    """`check --fix --select CC007` rewrote the text with every cleaning: the boilerplate lines went too, exit 0.
    The cleaning is one pipeline and cannot mend some codes only: exit 2, naming them, the file untouched."""
    text = "首页 新闻 国内 国际 财经 体育 娱乐\n" + ARTICLE + "\nCafÃ© au lait"
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": text}])
    before = path.read_bytes()
    result = invoke(str(path), "--fix", *selection)
    assert result.exit_code == 2
    assert "--fix cleans each text as run does" in result.stderr and "cannot leave out" in result.stderr
    assert path.read_bytes() == before
    whole = invoke(str(path), "--fix", "--select", "CC007,CC008,CC010,CC011,CC012,CC013,CC014,CC017")
    fixed = orjson.loads(path.read_bytes())["text"]
    assert whole.exit_code == 0 and not fixed.startswith("首页") and fixed.endswith("Café au lait")


def test_fix_with_script_converts_to_it(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": TRADITIONAL}])
    assert invoke(str(path), "--script", "hans").exit_code == 1
    assert invoke(str(path), "--script", "hans", "--fix").exit_code == 0
    assert orjson.loads(path.read_bytes())["text"] == SIMPLIFIED


# --- agreement with `corpusclean run` ----------------------------------------------------------------

def test_run_output_checks_clean_and_raw_seeds_do_not(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "corpusclean", "run", "-q", str(SEEDS)], capture_output=True, check=True
    )
    clean = tmp_path / "clean.jsonl"
    clean.write_bytes(run.stdout)
    result = invoke(str(clean))
    assert (result.exit_code, result.stdout) == (0, "")

    raw = write_jsonl(tmp_path / "raw.jsonl", raw_seed_records())
    result = invoke(str(raw))
    assert result.exit_code == 1
    found = {line.split(" ", 2)[1] for line in result.stdout.splitlines()}
    assert {"CC010", "CC011", "CC012"} <= found
    assert f"{raw}:5:1: CC011 text line 8: sidebar.leadership: '全总领导'" in result.stdout
    assert "boilerplate.copyright: 'Copyright © 2008-2024 by www.workercn.cn" in result.stdout


def test_fix_keeps_crlf_line_endings(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(orjson.dumps({"id": "1", "text": ARTICLE + "\n版权所有 中工网"}) + b"\r\n")
    invoke(str(path), "--fix")
    assert path.read_bytes() == orjson.dumps({"id": "1", "text": ARTICLE}) + b"\r\n"


@pytest.mark.parametrize("head, tail", [
    (b'{"id": "1", "title": "\xff\xfeok", ', b"}\n"),         # bytes that are not UTF-8 in another field
    (b'{"id": "1", "title": "\\ud83d half", ', b"}\n"),      # a lone surrogate in another field
    (b'{"id":"1","x":1,"x":2,"n":1e5,"big":1.0000000000000000001,', b"}\n"),  # as written, not as parsed
    (b'\xef\xbb\xbf {"id" : "1" ,', b' , "n": -0.0 }  \r\n'),  # a byte order mark, spacing, CRLF
])
def test_fix_changes_the_text_and_no_other_byte(tmp_path, head, tail):
    """--fix replaced the text in the parsed record and wrote it anew: a field's bad bytes or lone surrogate
    came back as U+FFFD (the CC001 finding gone, exit 0), a field named twice lost its first value."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(head + b'"text": ' + orjson.dumps(ARTICLE + "\n版权所有 中工网") + tail)
    invoke(str(path), "--fix")
    assert path.read_bytes() == head + b'"text": ' + orjson.dumps(ARTICLE) + tail


def test_a_file_named_twice_is_checked_once(tmp_path):
    """`check a.jsonl ./a.jsonl`, `check data/ data/a.jsonl` (a hook given its folder as args, and the files):
    every record was a duplicate id and text of itself (CC005, CC015), exit 1 on a clean file."""
    (tmp_path / "data").mkdir()
    path = write_jsonl(tmp_path / "data" / "a.jsonl", [{"id": "1", "text": ARTICLE}])
    for args in ([str(path), str(tmp_path / "data" / "." / "a.jsonl")], [str(tmp_path / "data"), str(path)]):
        result = invoke(*args)
        assert (result.exit_code, result.stdout) == (0, ""), args
        assert ": skipped: named_twice: " in result.stderr


def test_fix_in_a_folder_it_cannot_write_fails_only_on_a_file_that_needs_a_fix(tmp_path, monkeypatch):
    """--fix made its temporary file before reading: a clean file in a folder it cannot write (a read-only
    mount, another user's dataset) was exit 2, 'cannot write', and the files after it went unchecked."""
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    clean = write_jsonl(tmp_path / "clean.jsonl", [{"id": "1", "text": ARTICLE}])
    dirty = write_jsonl(tmp_path / "dirty.jsonl", [{"id": "2", "text": ARTICLE + "\n版权所有 中工网"}])
    before = dirty.read_bytes()
    result = invoke(str(clean), "--fix")
    assert (result.exit_code, result.stdout) == (0, "")
    result = invoke(str(clean), str(dirty), "--fix")
    assert result.exit_code == 2
    assert result.stderr == f"corpusclean: error: cannot write {dirty}: Permission denied\n"
    assert dirty.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_fix_keeps_the_owner_and_mode_of_the_file(tmp_path):
    """Run as root (a CI container, a cron job) --fix gave every file it rewrote to root: its owner could no
    longer write it."""
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": ARTICLE + "\n版权所有 中工网"}])
    os.chown(path, 65534, 65534)
    os.chmod(path, 0o2664)
    assert invoke(str(path), "--fix").exit_code == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, oct(info.st_mode & 0o7777)) == (65534, 65534, oct(0o2664))
    assert orjson.loads(path.read_bytes())["text"] == ARTICLE


# --- formats, inputs, streaming ----------------------------------------------------------------------

def test_github_format_annotates_the_line(tmp_path):
    path = write_jsonl(tmp_path / "a,b.jsonl", [{"text": ARTICLE}, {"id": "2", "text": "100% 工会\r要闻"}])
    result = invoke(str(path), "--format", "github")
    assert result.exit_code == 1
    shown = str(path).replace(",", "%2C").replace(":", "%3A")
    assert result.stdout.splitlines() == [
        f"::error title=corpusclean CC004,file={shown},line=1,col=1::CC004 no id",
        f"::error title=corpusclean CC008,file={shown},line=2,col=1::CC008 1 control character(s) (U+000D), "
        "first at text line 1 col 8",
    ]


def zstd(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


@pytest.mark.parametrize("name, compress", [
    ("a.jsonl.gz", lambda data: __import__("gzip").compress(data)), ("a.jsonl.zst", zstd), ("a.ndjson", bytes),
])
def test_compressed_files_and_folders_are_checked(tmp_path, name, compress):
    data = b"".join(orjson.dumps(r) + b"\n" for r in [{"id": "1", "text": ARTICLE}, {"id": "1", "text": "   "}])
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / name).write_bytes(compress(data))
    (tmp_path / "data" / "notes.txt").write_bytes(b"[1]")  # a page by its name, no dataset: a folder walk leaves it
    path = tmp_path / "data" / name
    expected = [f"{path}:2:1: CC005 duplicate id '1', first at {path}:1", f"{path}:2:1: CC006 text is whitespace only"]
    assert invoke(str(path)).stdout.splitlines() == expected
    assert invoke(str(tmp_path / "data")).stdout.splitlines() == expected


def test_stdin_is_checked_as_dash(tmp_path):
    result = CliRunner().invoke(app, ["check", "-"], input=b'{"id": "1", "text": ""}\n')
    assert (result.exit_code, result.stdout) == (1, "-:1:1: CC006 text is empty\n")
    result = CliRunner().invoke(app, ["check", "--fix", "-"], input=b"")
    assert result.exit_code == 2, "--fix cannot rewrite standard input"


def test_findings_are_printed_as_the_records_are_read():
    """The first finding is out before the input ends: check streams, it does not read everything first."""
    process = subprocess.Popen([sys.executable, "-m", "corpusclean", "check", "-q", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE)
    try:
        process.stdin.write(b'{"id": "1", "text": ""}\n')
        process.stdin.flush()
        assert process.stdout.readline() == b"-:1:1: CC006 text is empty\n"
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    assert process.returncode == 1


def test_a_file_broken_inside_is_exit_2_after_the_findings_before_it(tmp_path):
    import gzip

    records = b"".join(orjson.dumps({"id": str(n), "text": ""}) + b"\n" for n in range(3000))
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(records)[:-20])
    result = subprocess.run([sys.executable, "-m", "corpusclean", "check", "-q", str(path)], capture_output=True)
    assert result.returncode == 2
    assert result.stdout.startswith(f"{path}:1:1: CC006 text is empty\n".encode())
    assert result.stderr.decode().startswith(f"corpusclean: error: cannot read {path}: ")


def test_fix_keeps_a_compressed_file_compressed(tmp_path):
    path = tmp_path / "a.jsonl.zst"
    path.write_bytes(zstd(orjson.dumps({"id": "1", "text": ARTICLE + "\n版权所有 中工网"}) + b"\n"))
    assert invoke(str(path), "--fix").exit_code == 0
    import zstandard

    assert zstandard.ZstdDecompressor().decompressobj().decompress(path.read_bytes()) == (
        orjson.dumps({"id": "1", "text": ARTICLE}) + b"\n")
