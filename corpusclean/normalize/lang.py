"""Language of a document: "zh", "en" or "other", from character classes and a stopword probe.

Cheap on purpose: it reads a prefix of the text, counts Han characters against Latin letters and other
scripts, and tells English from other Latin-script languages by the share of common English words.
"""

from __future__ import annotations

import re

from corpusclean.document import Document

PREFIX_CHARS = 4000

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_CLASS}]")
KANA_RE = re.compile("[\u3040-\u309f\u30a0-\u30ff]")
HANGUL_RE = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:'[a-z]+)?")
# Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai: a page mostly in one of these is "other".
OTHER_SCRIPT_RE = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f]")

ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by at from it are be this said has have will an not "
    "which his her their its were been they we he she but or who had also more than after about".split()
)
# Frequent words of other Latin-script languages that are not English words.
FOREIGN_STOPWORDS = frozenset(
    "le la les des et est du une dans pour qui pas sur au aux "
    "der die das und ist nicht ein eine mit den dem von zu sich auf "
    "el los las y que del por con una para se es lo "
    "il di che per non della sono ".split()
)

# A Latin word counts for about this many Han characters when weighing a mixed text.
HAN_CHARS_PER_WORD = 1.5
# A kana or hangul share of the CJK characters above this makes the text Japanese or Korean.
KANA_HANGUL_SHARE = 0.1


def _is_english(words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    english = sum(w in ENGLISH_STOPWORDS for w in lowered)
    foreign = sum(w in FOREIGN_STOPWORDS for w in lowered)
    if foreign * 2 > english:
        return False
    if len(lowered) < 8:  # a headline has few stopwords; no foreign evidence is enough
        return True
    return english >= 0.12 * len(lowered)


def detect_lang(text: str) -> str:
    """Return "zh", "en" or "other" for a text, judged on its first few thousand characters."""
    prefix = text[:PREFIX_CHARS]
    han = len(HAN_RE.findall(prefix))
    kana_hangul = len(KANA_RE.findall(prefix)) + len(HANGUL_RE.findall(prefix))
    words = LATIN_WORD_RE.findall(prefix)
    other = len(OTHER_SCRIPT_RE.findall(prefix))
    if kana_hangul >= 3 and kana_hangul > KANA_HANGUL_SHARE * (han + kana_hangul):
        return "other"
    latin_weight = len(words) * HAN_CHARS_PER_WORD
    if han > 0 and han >= latin_weight and han >= other:
        return "zh"
    if words and latin_weight >= other and _is_english(words):
        return "en"
    return "other"


class Lang:
    """Set doc.metadata["lang"] from the document's lines."""

    name = "lang"

    def __call__(self, doc: Document) -> Document:
        if doc.metadata["lang"] is None:  # a record read back keeps the language its source had
            doc.metadata["lang"] = detect_lang(_text_prefix(doc))
        return doc


def _text_prefix(doc: Document) -> str:
    parts: list[str] = []
    size = 0
    for line in doc.kept_lines():
        parts.append(line)
        size += len(line) + 1
        if size >= PREFIX_CHARS:
            break
    return "\n".join(parts) if parts else doc.text[:PREFIX_CHARS]
