"""Cleaning quality on whole-page text dumps, beside doing nothing and datatrove's C4 line filter.

    python bench/eval_textdumps.py ../shared/devdata/textdumps [--limit 50] [--worst 10] [--show ID]

PATH holds RENDERER/DATASET/<id>.txt dumps and gold.jsonl (id, dataset, text); the datasets are those the
gold names (../shared/devdata/textdumps: magic-html, scrapinghub; bench/data/heldout: heldout, our own
hand-written pages, see its README). For each renderer and dataset it prints mean precision, recall and F1 per page (the token scoring of eval_extraction.py) of:
- nothing: the dump as it is;
- c4: datatrove's C4 quality filter set for Chinese (。！？”」 also end a line; the minimum-words and
  minimum-sentences rules off, so it filters lines and never drops a page);
- corpusclean without the layout stage, and corpusclean: `run` on the folder (template learning
  included, no dedup), in process. Without the layout stage, the edges stage still asks the layout's
  rule of the article's extent once another rule of place removed lines of a page.
All measured in the same run. For the two corpusclean runs it also prints the split by line: each line of
the dump is an article line when its tokens are a line of the gold text (or, for a longer line, a stretch
of it), a boilerplate line otherwise; how many article lines are kept and how many boilerplate lines
removed. With the kind of each page (--kinds: magic-html's gold says article or forum; a forum thread's
replies are part of its gold text) it prints the scores by kind too. --worst N lists the pages whose token
recall the layout stage lowers most and the pages of lowest precision; --show ID prints one page line by
line: gold label, verdict, text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

RENDERERS = ("inscriptis", "w3m")
C4_TERMINALS = ("。", "！", "？", "”", "」")
MIN_STRETCH_TOKENS = 8   # a dump line this long counts as article when it is a stretch of a gold line


def _load_eval_extraction():
    spec = importlib.util.spec_from_file_location("eval_extraction", Path(__file__).with_name("eval_extraction.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


scoring = _load_eval_extraction()


def c4_filter():
    """The C4 line rules of datatrove, with Chinese sentence ends counted as terminal punctuation."""
    from datatrove.data import Document as C4Document
    from datatrove.pipeline.filters import c4_filters

    # the filter reads its terminal punctuation from this module constant
    c4_filters.END_PUNCTUATION = (*c4_filters.END_PUNCTUATION, *C4_TERMINALS)
    rules = c4_filters.C4QualityFilter(min_words_per_line=-1, min_num_sentences=-1)

    def run(text: str) -> str:
        doc = C4Document(text=text, id="page")
        verdict = rules.filter(doc)
        return doc.text if verdict is True else ""
    return run


def token_line(text: str, fold: bool) -> str:
    """A line's tokens joined by spaces, padded: punctuation, spacing and (with fold) script do not count."""
    if fold:
        text = scoring.to_simplified(text)
    found = scoring.TOKEN.findall(text.lower())
    return f" {' '.join(found)} " if found else ""


@dataclass
class Gold:
    lines: set[str]
    joined: str

    @classmethod
    def of(cls, text: str, fold: bool) -> "Gold":
        lines = {token_line(line, fold) for line in text.splitlines()} - {""}
        return cls(lines, "".join(sorted(lines)))

    def is_article(self, line_tokens: str) -> bool:
        if line_tokens in self.lines:
            return True
        return line_tokens.count(" ") - 1 >= MIN_STRETCH_TOKENS and line_tokens in self.joined


@dataclass
class Page:
    id: str
    chinese: bool
    gold: str
    dump: str


def datasets_of(root: Path) -> list[str]:
    """The datasets gold.jsonl names, in their first order."""
    records = (json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line)
    return list(dict.fromkeys(record["dataset"] for record in records))


def read_pages(root: Path, renderer: str, dataset: str, limit: int | None) -> list[Page]:
    records = [json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pages = []
    for record in records:
        if record["dataset"] != dataset:
            continue
        path = root / renderer / dataset / f"{record['id']}.txt"
        if path.exists():
            dump = path.read_bytes().decode("utf-8", errors="replace")
            pages.append(Page(record["id"], scoring.is_chinese(record), record["text"], dump))
    return pages[:limit] if limit else pages


def corpusclean_docs(folder: Path, ids: set[str], with_layout: bool) -> dict:
    """`run FOLDER` in this process (no dedup), with or without the layout stage: page id -> Document."""
    from corpusclean.config import Config
    from corpusclean.engine import run_pipeline
    from corpusclean.pipeline import build_pipeline
    from corpusclean.read.paths import InputFile
    from corpusclean.read.sources import PageFile

    config = Config(dedup="none", jobs=1)
    pipeline = [stage for stage in build_pipeline(config) if with_layout or stage.name != "layout"]
    inputs = [PageFile(InputFile(str(folder / f"{page_id}.txt"), f"{folder.name}/{page_id}.txt", folder.name),
                       config.text_key, config.max_page_bytes) for page_id in sorted(ids)]
    return {Path(doc.metadata["path"]).stem: doc for doc in run_pipeline(inputs, pipeline, 1)}


@dataclass
class LineSplit:
    article: int = 0
    article_kept: int = 0
    noise: int = 0
    noise_removed: int = 0

    def add(self, other: "LineSplit") -> None:
        for name in ("article", "article_kept", "noise", "noise_removed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def line_labels(doc, gold: Gold, fold: bool) -> list[tuple[bool | None, bool]]:
    """(article?, kept?) per line of the document; article is None for a line without tokens."""
    labels = []
    for line, verdict in zip(doc.lines, doc.verdicts):
        tokens = token_line(line, fold)
        labels.append((gold.is_article(tokens) if tokens else None, verdict is None))
    return labels


def split_of(labels: list[tuple[bool | None, bool]]) -> LineSplit:
    split = LineSplit()
    for article, kept in labels:
        if article is None:
            continue
        if article:
            split.article += 1
            split.article_kept += kept
        else:
            split.noise += 1
            split.noise_removed += not kept
    return split


@dataclass
class Cell:
    ids: list[str] = field(default_factory=list)       # the pages, in the order of each system's scores
    scores: dict[str, list[tuple[float, float, float]]] = field(default_factory=lambda: defaultdict(list))
    splits: dict[str, LineSplit] = field(default_factory=lambda: defaultdict(LineSplit))


def read_kinds(path: Path | None) -> dict[str, str]:
    """Page id -> kind (article, forum) from a gold file that has them (magic-html's)."""
    if path is None or not path.exists():
        return {}
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {record["id"]: record["kind"] for record in records if record.get("kind")}


def evaluate(root: Path, limit: int | None) -> dict[tuple[str, str], Cell]:
    c4 = c4_filter()
    cells = {}
    for renderer in RENDERERS:
        for dataset in datasets_of(root):
            pages = read_pages(root, renderer, dataset, limit)
            folder = root / renderer / dataset
            runs = {name: corpusclean_docs(folder, {p.id for p in pages}, with_layout)
                    for name, with_layout in (("corpusclean -layout", False), ("corpusclean", True))}
            cell = cells[renderer, dataset] = Cell()
            for page in pages:
                cell.ids.append(page.id)
                outputs = {"nothing": page.dump, "c4": c4(page.dump)}
                outputs.update({name: _text(docs.get(page.id)) for name, docs in runs.items()})
                for name, text in outputs.items():
                    cell.scores[name].append(scoring.prf(text, page.gold, fold_script=page.chinese))
                gold = Gold.of(page.gold, page.chinese)
                for name, docs in runs.items():
                    if page.id in docs:
                        cell.splits[name].add(split_of(line_labels(docs[page.id], gold, page.chinese)))
    return cells


def _text(doc) -> str:
    return "" if doc is None or doc.rejected else doc.clean_text()


def _mean(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(sum(row[i] for row in rows) / len(rows) for i in range(3)) if rows else (0.0, 0.0, 0.0)


def report(cells: dict[tuple[str, str], Cell], kinds: dict[str, str], worst: int, out=sys.stdout) -> None:
    print(f"{'renderer':<11} {'dataset':<12} {'system':<20} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6}"
          f"  {'article lines kept':>22}  {'boilerplate lines removed':>26}", file=out)
    for (renderer, dataset), cell in cells.items():
        for name, rows in cell.scores.items():
            p, r, f = _mean(rows)
            split = cell.splits.get(name)
            extra = ""
            if split is not None:
                extra = (f"  {split.article_kept:>6}/{split.article:<6} {_share(split.article_kept, split.article)}"
                         f"  {split.noise_removed:>7}/{split.noise:<7} {_share(split.noise_removed, split.noise)}")
            print(f"{renderer:<11} {dataset:<12} {name:<20} {len(rows):>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}{extra}",
                  file=out)
    by_kind = [(key, cell) for key, cell in cells.items() if any(page_id in kinds for page_id in cell.ids)]
    if by_kind:
        print(f"\n{'renderer':<11} {'dataset':<12} {'kind':<8} {'system':<20} {'pages':>5} "
              f"{'P':>6} {'R':>6} {'F1':>6}", file=out)
    for (renderer, dataset), cell in by_kind:
        for kind in sorted({kinds.get(page_id, "?") for page_id in cell.ids}):
            for name, rows in cell.scores.items():
                chosen = [row for page_id, row in zip(cell.ids, rows) if kinds.get(page_id, "?") == kind]
                p, r, f = _mean(chosen)
                print(f"{renderer:<11} {dataset:<12} {kind:<8} {name:<20} {len(chosen):>5} "
                      f"{p:>6.3f} {r:>6.3f} {f:>6.3f}", file=out)
    if worst:
        for (renderer, dataset), cell in cells.items():
            pages = list(zip(cell.ids, cell.scores["corpusclean -layout"], cell.scores["corpusclean"]))
            lost = sorted(pages, key=lambda page: page[2][1] - page[1][1])[:worst]
            noisy = sorted(pages, key=lambda page: page[2][0])[:worst]
            print(f"\n{renderer}/{dataset}: most token recall lost by the layout stage (R without -> with)", file=out)
            for page_id, without, with_layout in lost:
                print(f"  {page_id[:16]}  {kinds.get(page_id, ''):<8} R {without[1]:.2f} -> {with_layout[1]:.2f}",
                      file=out)
            print(f"{renderer}/{dataset}: lowest precision (P without -> with)", file=out)
            for page_id, without, with_layout in noisy:
                print(f"  {page_id[:16]}  {kinds.get(page_id, ''):<8} P {without[0]:.2f} -> {with_layout[0]:.2f}",
                      file=out)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def show(root: Path, page_prefix: str, renderer: str, out=sys.stdout) -> None:
    """One page, line by line: A(rticle) or b(oilerplate) by the gold, the verdict, the text."""
    for dataset in datasets_of(root):
        pages = [p for p in read_pages(root, renderer, dataset, None) if p.id.startswith(page_prefix)]
        if not pages:
            continue
        page = pages[0]
        doc = corpusclean_docs(root / renderer / dataset, {page.id}, True)[page.id]
        gold = Gold.of(page.gold, page.chinese)
        for line, verdict, (article, _) in zip(doc.lines, doc.verdicts, line_labels(doc, gold, page.chinese)):
            label = "-" if article is None else "A" if article else "b"
            print(f"{label} {verdict or '':<24} {line[:150]}", file=out)
        return
    print(f"no page {page_prefix}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the textdumps folder (RENDERER/DATASET/<id>.txt, gold.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each dataset")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each cell")
    parser.add_argument("--show", metavar="ID", help="print one page (an id prefix) line by line, and stop")
    parser.add_argument("--renderer", default="inscriptis", choices=RENDERERS, help="the renderer for --show")
    parser.add_argument("--kinds", type=Path, default=None,
                        help="a gold file with each page's kind (article, forum) for the split by kind; "
                             "default: ROOT/../magic-html/gold.jsonl when it exists")
    args = parser.parse_args(argv)
    if args.show:
        show(args.root, args.show, args.renderer)
        return 0
    kinds = read_kinds(args.kinds or args.root.parent / "magic-html" / "gold.jsonl")
    report(evaluate(args.root, args.limit), kinds, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
