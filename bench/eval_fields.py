"""Date, author and title accuracy on hand-labelled pages, beside trafilatura, GNE and htmldate.

    python bench/eval_fields.py [bench/data/field_labels.jsonl] [--devdata ../shared/devdata] [--misses TOOL]

Each label line: dataset (gne-news, netease-gbk, gerapy-samples: Chinese; scrapinghub, magic-html: English),
path (inside the dataset's pages folder, .gz allowed), lang (zh or en, the page's language), date, author (the
digest of each name), title (its digest); read by hand from the page: the headline and byline a reader sees,
the publication date it shows (not an update's, and a time only where it shows one). A field the page does
not show is null (no author: an empty list), and a tool is right on it when it finds none. Names and titles are
kept as digests (see digest()), never as text: the dev pages' words stay out of the repository. Every page is run as
HTML, and as a whole-page text dump from each renderer of bench/textdump.py (inscriptis, and w3m when
installed). On the dumps the peers, which read only HTML, get the dump's lines as <p> elements. Scores are
given per language, and with --by-dataset per dataset too.

Scores: the date right at day level, and to the minute over the labels that give a time (compared as written,
without time zones: a label holds the local time the page shows, a tool may give a tag's UTC); the authors right
when the set of names equals the label's (no author = no author); the title right when equal after white
space is collapsed (and dropped between two Han characters, where w3m drops it). ms/page is CPU time per page of each tool's whole call (corpusclean: every
per-document stage; cc-fields: its
field reading alone, on the page already parsed and its article selected; trafilatura: bare_extraction with metadata; GNE: extract; htmldate: find_date).
trafilatura, gne, htmldate and inscriptis are bench dependencies (pip install -e '.[bench]').
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html as html_escape
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # textdump.py beside this file

DEFAULT_LABELS = HERE / "data" / "field_labels.jsonl"
DEFAULT_DEVDATA = HERE.parent.parent / "shared" / "devdata"
PAGES = {"gne-news": "gne-news/pages", "netease-gbk": "netease-gbk/pages", "gerapy-samples": "gerapy-samples/pages",
         "scrapinghub": "scrapinghub/pages", "magic-html": "magic-html/pages"}
FIELDS = ("date", "minute", "author", "title")

# The bench reads every tool's date the same way: a year, month and day, and a time if one follows.
ANY_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                      r"(?:[T\s]*(\d{1,2})[:：时](\d{2}))?")
NAME_SEPARATORS = re.compile(r"\s*(?:[,，、;；/|&]|\band\b)\s*")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff]) (?=[\u3400-\u9fff\uf900-\ufaff])")


def bench_date(value: str | None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, YYYY-MM-DDTHH:MM or None) of a tool's date, whatever its layout."""
    match = ANY_DATE.search(value or "")
    if not match:
        return None, None
    year, month, day, hour, minute = match.groups()
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    return date, f"{date}T{int(hour):02d}:{minute}" if hour else None


def names(value) -> frozenset[str]:
    """The names in a tool's author value: a list, or a string of names separated by commas, 、, ;, 'and',
    or (between Chinese names) spaces."""
    if not value:
        return frozenset()
    parts = value if isinstance(value, list) else NAME_SEPARATORS.split(value)
    found = set()
    for part in parts:
        part = " ".join(part.split())
        if HAN.search(part) and " " in part:
            found.update(part.split())
        elif part:
            found.add(part)
    return frozenset(found)


def spaced(text: str | None) -> str:
    """White space collapsed, and dropped between two Han characters (w3m drops it there)."""
    return SPACE_BETWEEN_HAN.sub("", " ".join((text or "").split()))


def digest(text: str) -> str:
    """How a label keeps a name or a title: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def same_names(found, gold_digests: list[str]) -> bool:
    return {digest(name) for name in names(found)} == set(gold_digests)


def same_title(found: str | None, gold_digest: str | None) -> bool:
    """The title's digest equals the label's; with no title in the label, right when the tool finds none."""
    found = spaced(found)
    return digest(found) == gold_digest if gold_digest else not found


def scores(label: dict, got: dict) -> dict[str, bool | None]:
    """Each field right (True), wrong (False) or not scored (None: no time in the label, a date-only tool)."""
    want_day = (label["date"] or "")[:10] or None
    want_minute = label["date"][:16] if label["date"] and len(label["date"]) >= 16 else None
    day, minute = bench_date(got.get("date"))
    result: dict[str, bool | None] = {"date": day == want_day, "minute": None, "author": None, "title": None}
    if want_minute:
        result["minute"] = minute == want_minute
    if "author" in got:
        result["author"] = same_names(got["author"], label["author"])
    if "title" in got:
        result["title"] = same_title(got["title"], label["title"])
    return result


def page_bytes(page: Path) -> bytes:
    """The page as served: a .gz page decompressed."""
    data = page.read_bytes()
    return gzip.decompress(data) if page.suffix == ".gz" else data


def decode(data: bytes) -> str:
    from corpusclean.decode import decode_bytes

    return decode_bytes(data).text


def as_paragraphs(text: str) -> str:
    """A text dump as HTML for the peers, which read only HTML: one <p> per line."""
    body = "".join(f"<p>{html_escape.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body>{body}</body></html>"


def corpusclean_tool():
    from corpusclean.config import Config
    from corpusclean.api import Page, as_document
    from corpusclean.pipeline import document_stages, run_stages

    config = Config()
    stages = document_stages(config)

    def run(data: bytes, path: str) -> dict:
        doc = run_stages(stages, as_document(Page(data, path), config))
        return {"date": doc.created, "author": doc.metadata["author"], "title": doc.metadata["title"]}
    return run


def fields_tool():
    """corpusclean's field reading alone on an HTML page (its tags, its lines, htmldate where they give no
    date): the page is parsed and its article selected outside the timed part."""
    from corpusclean.extract.content import select_content
    from corpusclean.extract.html import html_blocks, parse_html
    from corpusclean.extract.meta import page_metadata, title_guess
    from corpusclean.fields.html import read_tags
    from corpusclean.fields.page import Layout

    def run(html: str) -> tuple[dict, float]:
        root = parse_html(html)
        kinds: list[str] = []
        blocks = html_blocks(root, kinds=kinds)
        tags = read_tags(root)
        selection = select_content(blocks, title_guess(tags), kinds)
        layout = Layout(title=tags.og_title or tags.title)
        if selection is not None:
            layout = Layout(selection.headline, selection.start, selection.end, tags.og_title or tags.title)
        started = time.process_time()
        found = page_metadata(html, tags, [block.text for block in blocks], layout)
        seconds = time.process_time() - started
        return {"date": found["created"], "author": found["author"], "title": found["title"]}, seconds
    return run


def trafilatura_tool():
    from trafilatura import bare_extraction

    params = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S"}

    def run(html: str) -> dict:
        found = bare_extraction(html, with_metadata=True, date_extraction_params=params)
        if found is None:
            return {"date": None, "author": None, "title": None}
        return {"date": found.date, "author": found.author, "title": found.title}
    return run


def gne_tool():
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def run(html: str) -> dict:
        try:
            found = extractor.extract(html)
        except Exception as error:  # GNE raises on pages it cannot read; count it as nothing found
            return {"date": None, "author": None, "title": None, "error": repr(error)}
        return {"date": found.get("publish_time"), "author": found.get("author"), "title": found.get("title")}
    return run


def htmldate_tool():
    from htmldate import find_date

    def run(html: str) -> dict:
        return {"date": find_date(html, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")}
    return run


@dataclass
class Tally:
    hits: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, label: dict, got: dict, seconds: float) -> None:
        self.pages += 1
        self.seconds += seconds
        wrong = []
        for name, right in scores(label, got).items():
            if right is not None:
                self.hits[name].append(right)
                if not right:
                    wrong.append(name)
        if wrong:
            want = {"date": label["date"], "author": label["author"], "title": label["title"]}
            self.misses.append(f"{label['dataset']}/{label['path']}: {','.join(wrong)}\n"
                               f"    want {json.dumps(want, ensure_ascii=False)}\n"
                               f"    got  {json.dumps(got, ensure_ascii=False)}")

    def share(self, name: str) -> str:
        hits = self.hits.get(name)
        return f"{sum(hits) / len(hits):.3f}" if hits else "-"


def timed(run, *args) -> tuple[dict, float]:
    started = time.process_time()
    got = run(*args)
    return got, time.process_time() - started


def evaluate(labels: list[dict], devdata: Path) -> dict[tuple[str, str, str, str], Tally]:
    """A tally per (input, tool, language, dataset), and per (input, tool, language, "all")."""
    from textdump import renderers

    ours = corpusclean_tool()
    fields_alone = fields_tool()
    peers = {"trafilatura": trafilatura_tool(), "gne": gne_tool(), "htmldate": htmldate_tool()}
    dumpers = renderers()
    tallies: dict[tuple[str, str, str, str], Tally] = defaultdict(Tally)

    def add(mode: str, tool: str, label: dict, got: dict, seconds: float) -> None:
        for group in ("all", label["dataset"]):
            tallies[mode, tool, label["lang"], group].add(label, got, seconds)

    for label in labels:
        data = page_bytes(devdata / PAGES[label["dataset"]] / label["path"])
        html = decode(data)
        name = f"{label['dataset']}/{label['path']}".removesuffix(".gz")
        got, seconds = timed(ours, data, name)
        add("html", "corpusclean", label, got, seconds)
        add("html", "cc-fields", label, *fields_alone(html))
        for peer, run in peers.items():
            add("html", peer, label, *timed(run, html))
        for renderer, dump in dumpers.items():
            text = dump(html)
            got, seconds = timed(ours, text.encode("utf-8"), name.rsplit(".", 1)[0] + ".txt")
            add(renderer, "corpusclean", label, got, seconds)
            wrapped = as_paragraphs(text)
            for peer, run in peers.items():
                add(renderer, peer, label, *timed(run, wrapped))
    return tallies


def report(tallies: dict[tuple[str, str, str, str], Tally], by_dataset: bool = False, out=sys.stdout) -> None:
    """A block per language, its "all" rows first."""
    print(f"{'lang':<4} {'input':<11} {'tool':<12} {'dataset':<14} {'pages':>5} {'date':>6} {'minute':>6} "
          f"{'author':>6} {'title':>6} {'ms/page':>8}", file=out)
    for (mode, tool, lang, group), tally in sorted(tallies.items(), key=lambda item: (item[0][2], item[0][3] != "all")):
        if group != "all" and not by_dataset:
            continue
        ms = 1000 * tally.seconds / tally.pages
        print(f"{lang:<4} {mode:<11} {tool:<12} {group:<14} {tally.pages:>5} "
              + " ".join(f"{tally.share(f):>6}" for f in FIELDS) + f" {ms:>8.1f}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="?", default=DEFAULT_LABELS)
    parser.add_argument("--devdata", type=Path, default=DEFAULT_DEVDATA, help="the devdata folder")
    parser.add_argument("--dataset", action="append", help="only these datasets (repeatable)")
    parser.add_argument("--lang", choices=("zh", "en"), help="only the pages of this language")
    parser.add_argument("--by-dataset", action="store_true", help="also one row per dataset")
    parser.add_argument("--misses", metavar="INPUT/TOOL", help="print the pages this tool gets wrong: html/corpusclean")
    args = parser.parse_args(argv)
    labels = [json.loads(line) for line in args.labels.read_text("utf-8").splitlines() if line.strip()]
    if args.dataset:
        labels = [label for label in labels if label["dataset"] in args.dataset]
    if args.lang:
        labels = [label for label in labels if label["lang"] == args.lang]
    tallies = evaluate(labels, args.devdata)
    if args.misses:
        mode, _, tool = args.misses.partition("/")
        for lang in sorted({label["lang"] for label in labels}):
            for miss in tallies[mode, tool, lang, "all"].misses:
                print(miss)
    report(tallies, args.by_dataset)
    return 0


if __name__ == "__main__":
    sys.exit(main())
