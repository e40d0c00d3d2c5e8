"""Chinese script: detect Simplified or Traditional, convert to the configured target with OpenCC.

Detection counts Han, Traditional-only (rules/traditional_only.txt) and whitespace characters with one
lookup table: far cheaper than a conversion. Conversion is one OpenCC call per document, made only when the
text is not already in the target script.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

import numpy as np

from corpusclean.document import LIFTED_FIELDS, Document
from corpusclean.pipeline import DocumentStage
from corpusclean.text import HAN_RANGES, HAN_RE, to_simplified, traditional_only_chars

PREFIX_CHARS = 10_000
# Traditional-only characters are about a third of the Han characters of a Traditional text and
# (almost) none of a Simplified one; a name or a quoted title in Traditional stays far below this share.
HANT_SHARE = 0.15
# Below this share of Han characters among non-space characters a text is not Chinese (a name in an
# English article).
MIN_HAN_SHARE = 0.05

# (source script, target) -> OpenCC configuration; a missing pair needs no conversion.
OPENCC_CONFIGS = {
    ("hant", "hans"): "t2s",
    ("hans", "hant"): "s2t",
    ("hans", "tw"): "s2tw",
    ("hans", "hk"): "s2hk",
    ("hant", "tw"): "t2tw",
    ("hant", "hk"): "t2hk",
}


# What the probe counts, one class per code point; any other character is 0.
_HAN, _TRADITIONAL_HAN, _SPACE = 1, 2, 3
LAST_SPACE = 0x3000   # the ideographic space: no whitespace character comes after it


@cache
def _probe_table() -> np.ndarray:
    """The probe's class of every code point up to the last Han one, then a 0 that take(mode="clip") gives
    every code point above. A space is a character str.split() splits on."""
    table = np.zeros(max(stop for _, stop in HAN_RANGES) + 2, dtype=np.uint8)
    for start, stop in HAN_RANGES:
        table[start:stop + 1] = _HAN
    table[[ord(char) for char in traditional_only_chars() if HAN_RE.match(char)]] = _TRADITIONAL_HAN
    table[[code for code in range(LAST_SPACE + 1) if chr(code).isspace()]] = _SPACE
    table.flags.writeable = False
    return table


def _probe(text: str) -> tuple[str | None, int]:
    """(detected script, number of Traditional-only characters) of a prefix of the text."""
    prefix = text[:PREFIX_CHARS]
    codes = np.frombuffer(prefix.encode("utf-32-le"), dtype=np.uint32)
    _, other_han, traditional, spaces = np.bincount(_probe_table().take(codes, mode="clip"), minlength=4).tolist()
    han = other_han + traditional
    non_space = len(prefix) - spaces
    if han < 2 or han < MIN_HAN_SHARE * non_space:
        return None, traditional
    return ("hant" if traditional >= HANT_SHARE * han else "hans"), traditional


def detect_script(text: str) -> str | None:
    """Return "hans" or "hant", or None when the text has (almost) no Han characters."""
    return _probe(text)[0]


def opencc_config_for(detected: str | None, has_traditional: bool, target: str) -> str | None:
    """The OpenCC configuration to apply, or None when the text is already in the target script.

    A Simplified text with a few Traditional characters (a name, a quoted title) is still converted for
    the "hans" target, so the output is in one script.
    """
    if detected is None or target == "keep":
        return None
    if target == "hans" and detected == "hans":
        return "t2s" if has_traditional else None
    return OPENCC_CONFIGS.get((detected, target))


def may_convert(lang: str | None) -> bool:
    """Whether a document's language allows script conversion: Chinese, English with Chinese passages, or
    unknown; not another language (Japanese above all: its kanji are no Traditional Chinese)."""
    return lang is None or lang == "en" or lang.startswith("zh")


def writes_traditional(detected: str | None, target: str) -> bool:
    """Whether a Chinese document's lines are in Traditional script once converted to the target."""
    return detected is not None and (target in ("hant", "tw", "hk") or (target == "keep" and detected == "hant"))


class Script(DocumentStage):
    """Document stage: detect the script, convert lines and fields to the target, fold Traditional for judging.

    The detected script goes to doc.metadata["script"]; the lines and the fields found so far are converted
    to the target; Traditional lines get a Simplified form (doc.folded) that the line stages judge."""

    name = "script"
    options = ("script",)

    def __init__(self, target: str) -> None:
        self.target = target
        self._converters: dict[str, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        # OpenCC converters are C++ objects that do not pickle; each process builds its own.
        return {"target": self.target}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.target = state["target"]
        self._converters = {}

    def _converter(self, config: str) -> Any:
        if config not in self._converters:
            import opencc

            self._converters[config] = opencc.OpenCC(config)
        return self._converters[config]

    def __call__(self, doc: Document) -> Document:
        if not may_convert(doc.metadata.get("lang")):
            # Japanese kanji are not Traditional Chinese: t2s would write 築 as 筑 in a Japanese page.
            return doc
        text = "\n".join(doc.lines)
        detected, traditional = _probe(text)
        if "script" not in doc.preset:  # a record read back keeps the script its source had
            doc.metadata["script"] = detected
        config = opencc_config_for(detected, traditional > 0, self.target)
        if config is not None:
            converter = self._converter(config)
            doc.lines = _convert_lines(converter.convert, text, doc.lines)
            for key in LIFTED_FIELDS:
                if isinstance(doc.metadata.get(key), str):
                    doc.metadata[key] = converter.convert(doc.metadata[key])
        if writes_traditional(detected, self.target):
            doc.folded = _convert_lines(to_simplified, "\n".join(doc.lines), doc.lines)
        return doc


def _convert_lines(convert: Callable[[str], str], text: str, lines: list[str]) -> list[str]:
    """The lines converted in one call over their text; line by line if that ever moved a line break
    (lines stay aligned with their verdicts)."""
    converted = convert(text).split("\n")
    return converted if len(converted) == len(lines) else [convert(line) for line in lines]
