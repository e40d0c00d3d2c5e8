"""UTF-8 read as cp1252 or Latin-1 in the source itself: "Â°" for °, "Ã©" for é, "â€™" or "â\x80\x99" for ’.

Each run of the characters that such a reading makes of bytes 0x80-0xFF, from a UTF-8 lead byte on, is
written back as those bytes and read as UTF-8. It is replaced only when the whole run is valid UTF-8 and
reads as text (no control character or line break), and when ftfy, whose heuristics tell mojibake from
Latin-script text, fixes the run the same way. Each test alone goes wrong: ftfy turns GBK read as Latin-1
("ÖÐ¹ú", not valid UTF-8 as a whole) into "Öйú", and valid UTF-8 alone turns "CAFÉ’S" into "CAFɒS"
(É’ spells C9 92). What stays is for `check` to report (CC007).
"""

from __future__ import annotations

import re
import unicodedata

from corpusclean.text import compiled_when_used

# cp1252's characters for the bytes 0x80-0x9F (five of them have none: Latin-1 keeps a C1 control there)
_CP1252_HIGH = {bytes([byte]).decode("cp1252", "ignore"): byte for byte in range(0x80, 0xA0)}
_CP1252_HIGH.pop("")
# each such character -> the Latin-1 character of its byte, so that encode("latin-1") gives the bytes
_AS_LATIN1 = str.maketrans({char: chr(byte) for char, byte in _CP1252_HIGH.items()})
_BYTE_CHARS = "\x80-\xff" + "".join(_CP1252_HIGH)
# a UTF-8 lead byte (C2-F4) read as Latin-1, then the run of byte characters that follows it
_mojibake_run = compiled_when_used(f"[\xc2-\xf4][{_BYTE_CHARS}]+")
_NOT_LEAD_BYTES = bytes(byte for byte in range(256) if not 0xC2 <= byte <= 0xF4)
NOT_TEXT = ("Cc", "Zl", "Zp")


def _redecoded(match: re.Match[str]) -> str:
    run = match.group()
    try:
        fixed = run.translate(_AS_LATIN1).encode("latin-1").decode("utf-8")
    except UnicodeError:
        return run
    if any(unicodedata.category(char) in NOT_TEXT for char in fixed):
        return run
    import ftfy  # here: only a page with such a run pays for the import

    return fixed if ftfy.fix_encoding(run) == fixed else run


def may_hold_mojibake(text: str) -> bool:
    """Whether the text holds a character a run opens with, one of \xc2-\xf4, which most non-ASCII text lacks:
    keeping the Latin-1 characters and deleting the others, in C, costs a tenth of the regex's scan."""
    return not text.isascii() and bool(text.encode("latin-1", "ignore").translate(None, _NOT_LEAD_BYTES))


def repair_mojibake(text: str) -> str:
    """The text with each run of UTF-8 read as cp1252 or Latin-1 decoded again (see the module)."""
    if not may_hold_mojibake(text):
        return text
    return _mojibake_run().sub(_redecoded, text)


def repaired_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run repair_mojibake replaces."""
    if not may_hold_mojibake(text):
        return []
    return [match.span() for match in _mojibake_run().finditer(text) if _redecoded(match) != match.group()]
