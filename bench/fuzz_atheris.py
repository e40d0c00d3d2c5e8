"""Coverage-guided fuzzing of reading, decoding, extraction and cleaning with atheris (opt-in, not in the tests).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python bench/fuzz_atheris.py -atheris_runs=200000 -max_len=20000 [CORPUS_DIR]

CORPUS_DIR, where atheris keeps the inputs that reach new code, can start with pages (fixtures/*/input/).

Each input is one page (HTML, text, or a name that says neither) or one JSONL line, chosen by its first byte,
run through every per-document stage as `corpusclean run` runs them. An exception, or a document that is
neither rejected with a reason nor written as a clean record, is a crash: atheris stops and saves the input
(crash-*), which a test in tests/test_fuzz.py should then hold as an @example. tests/test_fuzz.py checks the
same with hypothesis, and the whole run's accounting too.
"""

from __future__ import annotations

import io
import sys
import unicodedata
from collections import defaultdict

import atheris

with atheris.instrument_imports(include=["corpusclean"]):
    from corpusclean.config import Config
    from corpusclean.pipeline import document_stages, run_stages
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import read_jsonl, read_page
    from corpusclean.write.records import to_record
    from corpusclean.write.sink import json_line

    STAGES = document_stages(Config())  # here: the stages import their modules when built
NAMES = ("page.html", "page.txt", "page", "records.jsonl")


def documents(data: bytes):
    name = NAMES[data[0] % len(NAMES)] if data else NAMES[0]
    inp = InputFile(name, name, "fuzz")
    if name.endswith(".jsonl"):
        return list(read_jsonl(inp, io.BytesIO(data[1:]), "text"))
    return [read_page(inp, data[1:], Config.max_page_bytes)]


def test_one_input(data: bytes) -> None:
    for doc in documents(data):
        doc = run_stages(STAGES, doc, defaultdict(float))
        if doc.rejected:
            if not doc.reject_reason:
                raise AssertionError("rejected without a reason")
            continue
        text = to_record(doc)["text"]
        json_line(to_record(doc))
        if not text.strip():
            raise AssertionError("an empty text written")
        if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in text):
            raise AssertionError("a control character written")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
