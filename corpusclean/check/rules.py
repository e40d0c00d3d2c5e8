"""The check rules: each a pure function from a record (or its parts) to the issues it finds.

A rule knows nothing about files: it returns ``Issue``s (code, message, column), and the command turns
them into ``path:line:col: CODE message`` findings. Codes are stable: tools and configs refer to them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from corpusclean.document import Removal
from corpusclean.read.ids import input_id
from corpusclean.read.sources import text_field, unwritable_record
from corpusclean.text import HAN_RE, simplified_only_chars, traditional_only_chars

# code -> what the rule finds; the README's table of rules shows an example finding of each.
RULES: dict[str, str] = {
    "CC001": "line is not valid JSON",
    "CC002": "record is not a JSON object, or holds a field nested too deep to write",
    "CC003": "text field missing or not a string",
    "CC004": "id missing or empty",
    "CC005": "id already used by an earlier record (in any file checked)",
    "CC006": "text is empty or whitespace only",
    "CC007": "encoding damage: U+FFFD or mojibake",
    "CC008": "control characters other than \\n and \\t",
    "CC009": "Chinese in mixed or unexpected script",
    "CC010": "boilerplate line the cleaning stages would remove",
    "CC011": "sidebar line the cleaning stages would remove",
    "CC012": "repeated caption line the cleaning stages would remove",
    "CC013": "repeated paragraph or sentence the cleaning stages would remove",
    "CC014": "metadata line the cleaning stages would remove",
    "CC015": "exact duplicate of an earlier document (same normalized text)",
    "CC016": "near duplicate of an earlier document (only with --near-dups)",
    "CC017": "line outside the article body (menu, headline list, footer), a byline in its head or a button between "
             "a thread's posts, the layout stage would remove",
    "CC018": "record over max_record_bytes, which run rejects as too_large (read past, never held)",
    "CC019": "file holds no JSON lines (empty, or blank lines only), which run rejects as empty_input",
    "CC020": "record the cleaning stages reject whole, as run does: too_complex or too_large (a limit of the config), "
             "an HTML text without prose (no_content), malformed or truncated",
}
OFF_BY_DEFAULT = frozenset({"CC016"})
LINE_STAGE_CODES = frozenset({"CC010", "CC011", "CC012", "CC013", "CC014", "CC017"})
# Codes whose findings need the record cleaned by run's per-document stages.
CLEANING_CODES = LINE_STAGE_CODES | {"CC020"}
# What --fix's cleaning mends, all at once (one pipeline: a stage's verdicts depend on what the stages before it
# did): the lines of the line stages, mojibake (CC007), control characters (CC008), and the script when one is asked;
# not the metadata lines (CC014), whose values run lifts into fields and --fix, writing the text alone, would lose.
FIXED_CODES = (LINE_STAGE_CODES - {"CC014"}) | {"CC007", "CC008"}

# The first part of a stage's reason code ("caption.repeat") -> the rule that reports it. A reason of a
# stage added later falls under CC010 until it gets a code of its own.
REASON_CODES = {
    "boilerplate": "CC010", "sidebar": "CC011", "caption": "CC012", "repeat": "CC013", "meta": "CC014", "layout": "CC017",
}
OTHER_REASON_CODE = "CC010"

QUOTE_CHARS = 60

# Encoding damage, one alternative a kind:
# - fffd: U+FFFD, a character a decoder could not read;
# - gbk_fffd: the UTF-8 bytes of U+FFFD read as GBK, the classic 锟斤拷;
# - utf8_latin1: UTF-8 read as Latin-1 or cp1252: a lead byte shown as a Latin-1 letter, then its
#   continuation bytes as C1 controls, Latin-1 symbols or cp1252 punctuation ("Ã©", "æ\x96\x87", "â€™");
# - legacy_latin1: GBK or Big5 read as Latin-1 ("ÖÐ¹ú" for 中国): a run of high Latin-1 characters, four
#   at least so that French or German words ("créée") never match;
# - legacy_misread (plausibility.misread_chinese, not a pattern): GBK or Big5 read with any single-byte codec,
#   Cyrillic ones included ("ЦР№ъ", "╓╨╣·"): a run with the marks of a misreading whose bytes read as Chinese.
_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_DAMAGE = re.compile(
    "(?P<fffd>\ufffd)|(?P<gbk_fffd>锟斤拷)"
    f"|(?P<utf8_latin1>[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][{_CONTINUATION}]{{2}})"
    "|(?P<legacy_latin1>[\x81-\xfe]{4,})"
)
DAMAGE_NAMES = {
    "fffd": "U+FFFD", "gbk_fffd": "锟斤拷", "utf8_latin1": "UTF-8 read as Latin-1",
    "legacy_latin1": "GBK/Big5 read as Latin-1",
    "legacy_misread": "GBK/Big5 read as a single-byte codec",
}
# Category Cc is exactly C0, DEL and C1; \n and \t are the two a text may hold. In HTML a CR is a line break
# too: the parser reads CR and CRLF as LF, as browsers do.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_IN_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# "Mixed" script: both kinds of script-specific characters are at least this share of the Han characters.
# A Traditional text converted by OpenCC keeps < 0.5% of Simplified-only ones (variants such as 群, 采).
MIXED_SHARE = 0.05
MIN_HAN_FOR_SCRIPT = 20


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    col: int = 1


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    message: str

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "col": self.col, "code": self.code, "message": self.message}

    def as_github(self) -> str:
        """A GitHub Actions workflow command: the finding shows on the file's line in the pull request."""
        where = f"file={_escape(self.path, True)},line={self.line},col={self.col}"
        return f"::error title=corpusclean {self.code},{where}::{_escape(f'{self.code} {self.message}', False)}"


def _escape(value: str, is_property: bool) -> str:
    """GitHub's escaping of workflow command values: %, CR and LF; in properties also : and ,."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


def quote(text: str) -> str:
    """A short, one-line rendering of a text for a message."""
    shown = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
    return repr(shown)


# The line breaks of an HTML text as its parser reads them (and an editor shows them): CR, LF and CRLF.
_HTML_LINE_BREAK = re.compile("\r\n|[\r\n]")


def text_position(text: str, index: int, is_html: bool = False) -> tuple[int, int]:
    """1-based (line, column) of a character index, lines as run reads them: a plain text's as the Whitespace
    stage splits it (CR, CRLF, LF and the other line breaks of str.splitlines, but a NEL, U+0085, in a run of
    UTF-8 read as Latin-1 that it repairs: 𠀅 read so is 'ð\xa0\x80\x85'), an HTML text's at CR, LF and CRLF."""
    from corpusclean.normalize.mojibake import repaired_runs
    from corpusclean.normalize.whitespace import LINE_BREAK

    repaired = repaired_runs(text) if not is_html and "\x85" in text[:index] else []
    line, start = 1, 0
    for match in (_HTML_LINE_BREAK if is_html else LINE_BREAK).finditer(text):
        if match.end() > index:
            break
        if not any(run_start <= match.start() < run_end for run_start, run_end in repaired):
            line, start = line + 1, match.end()
    return line, index - start + 1


# --- one record --------------------------------------------------------------------------------------


# A byte order mark at the start of a line after the first (files that each open with one, joined): run drops
# it as it drops the one opening the file, which the command skips; other JSONL readers refuse it.
BOM_INSIDE = "a UTF-8 byte order mark (BOM) opens the line, inside the file; run drops it, other JSONL readers refuse it"
CESU_8 = ("invalid JSON: character(s) beyond U+FFFF written as the UTF-8 of two surrogates (CESU-8), which other readers "
          "refuse; run reads each as its character")


# The value of a line run cannot read (parse_record): not JSON null, which is a value
UNREAD = object()


def parse_record(raw: bytes) -> tuple[Any, int, list[Issue]]:
    """The JSON value of one line as run reads it, how many bad characters its reader replaced in it, and CC001
    issues: for a line run reads all the same (a byte order mark opening it, bytes that are not UTF-8, lone
    surrogates: its other rules still apply), or one it cannot read, whose value is UNREAD."""
    import codecs

    import orjson

    from corpusclean import json_numbers
    from corpusclean.read.sources import NotUtf8Line, parse_json_line

    if raw.startswith(codecs.BOM_UTF8):
        rest = raw.removeprefix(codecs.BOM_UTF8)
        value, replaced, issues = parse_record(rest) if rest.strip() else (UNREAD, 0, [])
        return value, replaced, issues or [Issue("CC001", BOM_INSIDE)]
    try:
        return json_numbers.loads(raw), 0, []
    except orjson.JSONDecodeError as err:
        error = err
    try:
        value, replaced = parse_json_line(raw)
    except orjson.JSONDecodeError as unread:  # what run cannot read past, where it is
        return UNREAD, 0, [Issue("CC001", f"invalid JSON: {unread.msg}", unread.colno)]
    except NotUtf8Line as legacy:
        return UNREAD, 0, [Issue("CC001", str(legacy), error.colno)]
    if not replaced:   # no bad character: pairs of surrogates, each read as its character (parse_json_line)
        return value, 0, [Issue("CC001", CESU_8, error.colno)]
    try:  # orjson says 'surrogates not allowed' of a bad byte too
        raw.decode("utf-8")
        what = "lone surrogate(s) (\\ud800-\\udfff), which UTF-8 cannot hold"
    except UnicodeDecodeError:
        what = "byte(s) that are not UTF-8"
    message = f"invalid JSON: {replaced} {what}; run replaces each with U+FFFD and counts it"
    return value, replaced, [Issue("CC001", message, error.colno)]


def record_shape(value: Any, text_key: str) -> list[Issue]:
    """CC002 for a non-object or one with a field run cannot write (nested too deep), CC003 for a missing or
    non-string text (the field run reads it from: text_key, or for a record without a `text` its html or
    raw_html), CC004 for a missing id."""
    from corpusclean.json_numbers import json_kind
    from corpusclean.read.sources import missing_text, not_an_object

    if not isinstance(value, dict):
        return [Issue("CC002", not_an_object(value))]
    issues = []
    text = value.get(text_field(value, text_key))
    if not isinstance(text, str):
        issues.append(Issue("CC003", missing_text(value, text_key, text)))
    elif (unwritable := unwritable_record(value, text_key)) is not None:
        issues.append(Issue("CC002", unwritable))
    doc_id = value.get("id")
    if doc_id is None or doc_id == "":
        issues.append(Issue("CC004", "no id"))
    elif input_id(doc_id) is None:  # run gives the record its location's id
        what = "whitespace only" if isinstance(doc_id, str) else f"{json_kind(doc_id)}, not a string or an integer"
        issues.append(Issue("CC004", f"id is {what}"))
    return issues


def empty_text(text: str) -> list[Issue]:
    """CC006: a text run finds nothing in: empty, white space, or characters its whitespace stage drops (zero
    width spaces, byte order marks, controls), which run rejected as empty where check said nothing."""
    from corpusclean.normalize.whitespace import normalize_line

    if not text.strip():
        return [Issue("CC006", "text is empty" if not text else "text is whitespace only")]
    if normalize_line(text):
        return []
    return [Issue("CC006", "text holds only invisible characters (zero-width, byte order marks, controls), which "
                           "run drops: nothing is left")]


def declared_replacements(record: dict[str, Any]) -> int:
    """The U+FFFD a record says it holds, as `corpusclean run` counts them: those its input held
    (metadata.replacement_chars) and those that replace bytes it could not decode (metadata.invalid_bytes).
    Encoding damage the record reports itself."""
    metadata = record.get("metadata")
    if not isinstance(metadata, dict):
        return 0
    counts = [metadata.get(key) for key in ("replacement_chars", "invalid_bytes")]
    return sum(count for count in counts if isinstance(count, int) and not isinstance(count, bool))


def encoding_damage(text: str, declared_fffd: int = 0, is_html: bool = False) -> list[Issue]:
    """CC007 once per record, at the first damaged spot, with the count of each kind. U+FFFD are not
    counted when the record declares at least as many (declared_replacements)."""
    from corpusclean.plausibility import misread_chinese

    spots = [(match.start(), match.end(), match.lastgroup) for match in _DAMAGE.finditer(text)]
    if spots and text.count("\ufffd") <= declared_fffd:
        spots = [spot for spot in spots if spot[2] != "fffd"]
    latin1 = [(start, end) for start, end, kind in spots if kind == "legacy_latin1"]
    spots += [  # a Latin-1 run the pattern found is not counted twice
        (start, end, "legacy_misread") for start, end in misread_chinese(text)
        if not any(start < other_end and other_start < end for other_start, other_end in latin1)
    ]
    if not spots:
        return []
    counts = Counter(kind for _, _, kind in spots)
    first = min(start for start, _, _ in spots)
    line, col = text_position(text, first, is_html)
    kinds = ", ".join(f"{count} × {DAMAGE_NAMES[kind]}" for kind, count in counts.items())
    return [Issue("CC007", f"encoding damage ({kinds}), first at text line {line} col {col}: "
                           f"{quote(text[first:first + 12])}")]


def control_chars(text: str, is_html: bool = False) -> list[Issue]:
    """CC008 once per record: characters of category Cc other than \\n and \\t (\\r included, but in HTML)."""
    control = _CONTROL_IN_HTML if is_html else _CONTROL
    found = control.findall(text)
    if not found:
        return []
    line, col = text_position(text, control.search(text).start(), is_html)  # type: ignore[union-attr]
    kinds = ", ".join(sorted({f"U+{ord(char):04X}" for char in found}))
    return [Issue("CC008", f"{len(found)} control character(s) ({kinds}), first at text line {line} col {col}")]


def script_shares(text: str) -> tuple[int, float, float]:
    """(Han characters, Traditional-only share, Simplified-only share) of a text."""
    han = HAN_RE.findall(text)
    if not han:
        return 0, 0.0, 0.0
    traditional = sum(map(traditional_only_chars().__contains__, han))
    simplified = sum(map(simplified_only_chars().__contains__, han))
    return len(han), traditional / len(han), simplified / len(han)


def is_chinese_text(text: str) -> bool:
    """Whether `corpusclean run` takes the text for Chinese and sets its script: the language and script
    probes of its Lang and Script stages. Japanese kanji are not Traditional Chinese, and a language menu
    ("简体中文 繁體中文") in an English page is no Chinese text."""
    from corpusclean.normalize.lang import detect_lang
    from corpusclean.normalize.script import detect_script, may_convert

    return may_convert(detect_lang(text)) and detect_script(text) is not None


def script_issue(text: str, expected: str | None) -> list[Issue]:
    """CC009 when Traditional-only and Simplified-only characters are both common ("mixed"), or when
    the text's Chinese is not in the expected script (hans or hant; None checks mixing only). Only for
    Chinese text (is_chinese_text)."""
    han, traditional, simplified = script_shares(text)
    if han < MIN_HAN_FOR_SCRIPT or not is_chinese_text(text):
        return []
    if traditional >= MIXED_SHARE and simplified >= MIXED_SHARE:
        return [Issue("CC009", f"mixed script: {traditional:.0%} Traditional-only and {simplified:.0%} "
                               f"Simplified-only of {han} Han characters")]
    if expected is None:
        return []
    from corpusclean.normalize.script import detect_script

    detected = detect_script(text)
    if detected is not None and detected != expected:
        return [Issue("CC009", f"script is {detected}, expected {expected}")]
    return []


def kept_line_numbers(text: str) -> list[int]:
    """For each line the Whitespace stage keeps, its 1-based line number: the lines it reads (text_lines)."""
    from corpusclean.normalize.whitespace import normalize_line, text_lines

    return [number for number, line in enumerate(text_lines(text), 1) if normalize_line(line)]


def rejected_whole(doc: Any) -> list[Issue]:
    """CC020 when the cleaning rejects the record whole: for a limit (more lines than max_page_lines, an HTML
    text of more elements than max_page_elements or more bytes than max_page_bytes: too_complex, too_large,
    which make run exit 1), or an HTML text without prose, malformed or truncated. run drops it, where check,
    finding no line to report, said nothing. Not `empty`: the findings of its lines (or CC006) show why."""
    if not doc.rejected or doc.reject_reason == "empty":
        return []
    return [Issue("CC020", f"run rejects it as {doc.reject_reason}: {doc.reject_detail}")]


def leftover_lines(trace: Iterable[Removal], line_numbers: list[int] | None) -> list[Issue]:
    """One issue per trace entry of the cleaning stages: the line (or sentence) they would remove.

    ``line_numbers`` maps the stages' line indices to text lines; None when the text was HTML, whose
    extracted lines have no line in the text.
    """
    issues = []
    for entry in trace:
        code = REASON_CODES.get(entry.reason.split(".", 1)[0], OTHER_REASON_CODE)
        where = f"text line {line_numbers[entry.line]}" if line_numbers is not None else f"extracted line {entry.line + 1}"
        issues.append(Issue(code, f"{where}: {entry.reason}: {quote(entry.text)}"))
    return issues


# --- across records and files ------------------------------------------------------------------------


class FirstSeen:
    """Where each key (a 64-bit hash) was first seen, as (file number, line) packed in 64 bits: an open
    addressing table in two numpy arrays kept at most half full, 32 bytes a record whatever the records'
    size (a dict of Python ints took 110), so `check` streams a dataset in memory that grows this little."""

    def __init__(self, capacity: int = 1 << 16) -> None:
        import numpy as np

        self._keys = np.zeros(capacity, dtype=np.uint64)   # 0: an empty slot
        self._where = np.zeros(capacity, dtype=np.uint64)
        self._count = 0

    def earlier(self, key: int | None, file: int, line: int) -> tuple[int, int] | None:
        """The (file, line) that had the key first, or None when this is the first (None is never a key)."""
        if key is None:
            return None
        where = file << 32 | line
        first = self._claim(key or 1, where)
        return None if first == where else (first >> 32, first & 0xFFFFFFFF)

    def _claim(self, key: int, where: int) -> int:
        """The location stored for the key, storing `where` when the key is new."""
        keys, mask = self._keys, len(self._keys) - 1
        slot = key & mask
        while True:
            found = int(keys[slot])
            if found == key:
                return int(self._where[slot])
            if found == 0:
                keys[slot], self._where[slot] = key, where
                self._count += 1
                if 2 * self._count > len(keys):
                    self._grow()
                return where
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        import numpy as np

        keys, where = self._keys, self._where
        self._keys = np.zeros(2 * len(keys), dtype=np.uint64)
        self._where = np.zeros(2 * len(keys), dtype=np.uint64)
        self._count = 0
        for slot in np.flatnonzero(keys).tolist():
            self._claim(int(keys[slot]), int(where[slot]))


def id_hash(doc_id: Any) -> int | None:
    """A 64-bit key of an id as run takes it (read.ids.input_id): the string "7" and the number 7 are one id,
    written "7" both."""
    import xxhash

    key = input_id(doc_id)
    if key is None:
        return None
    return xxhash.xxh3_64_intdigest(key.encode("utf-8", "surrogatepass"))


def exact_text_key(text: str) -> int | None:
    """The Dedup stage's exact key of a text; None for white space alone (reported by CC006)."""
    from corpusclean.dedup.keys import spaced_form, text_key

    return text_key(text, spaced_form(text))
