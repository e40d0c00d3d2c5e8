"""Text dumps of unlabelled HTML pages, with what `run` extracts from the same HTML as their (silver) gold.

    python bench/make_silver.py ../shared/devdata/gne-news/pages ../shared/devdata/netease-gbk/pages \
        ../shared/devdata/gerapy-samples/pages/detail --out bench/out/silver
    python bench/eval_textdumps.py bench/out/silver

The Chinese news pages of ../shared/devdata have no gold text, but they are what users of a Chinese corpus
crawl. Every page under the folders (*.html, *.htm, any depth) is decoded (corpusclean's decoder), written to
OUT/html/ and rendered by each renderer of bench/textdump.py to OUT/RENDERER/silver/<id>.txt; `run` on
OUT/html (no dedup) gives the text of each page, written to OUT/gold.jsonl as dataset "silver". Pages whose
HTML text is shorter than --min-chars (list pages, empty shells) are left out. eval_textdumps.py then says how
far the text path agrees with the HTML path on sites with no hand-made gold, beside doing nothing and C4.
It is agreement, not quality: the HTML path keeps noise of its own on some pages (a comment box, a teaser
feed), and a rule that agrees with it there is no better for that. OUT stays out of the repository (the pages
are third-party).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # textdump.py beside this file
from textdump import renderers  # noqa: E402

DATASET = "silver"


def pages_under(folders: list[Path]) -> dict[str, Path]:
    """Page id (the folder's parent's name, then the path inside the folder, joined by "_") -> file."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.htm*")):
            parts = path.relative_to(folder).with_suffix("").parts
            found["_".join((folder.parent.name, *parts))] = path
    return found


def main(argv: list[str] | None = None) -> int:
    from corpusclean.decode import decode_bytes

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of HTML pages")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / DATASET)
    parser.add_argument("--min-chars", type=int, default=100, help="shortest HTML text that makes a page")
    args = parser.parse_args(argv)
    pages = pages_under(args.folders)
    if not pages:
        print(f"no .html pages under {', '.join(map(str, args.folders))}", file=sys.stderr)
        return 1
    html_folder = args.out / "html"
    html_folder.mkdir(parents=True, exist_ok=True)
    renderer_of = renderers()
    for name in renderer_of:
        (args.out / name / DATASET).mkdir(parents=True, exist_ok=True)
    for page_id, path in pages.items():
        html = decode_bytes(path.read_bytes()).text
        (html_folder / f"{page_id}.html").write_text(html, encoding="utf-8")
        for name, render in renderer_of.items():
            (args.out / name / DATASET / f"{page_id}.txt").write_text(render(html), encoding="utf-8")
    extracted = args.out / "html.jsonl"
    subprocess.run([sys.executable, "-m", "corpusclean", "run", str(html_folder), "--no-dedup", "--quiet",
                    "-o", str(extracted)], check=True)
    kept = 0
    with open(args.out / "gold.jsonl", "w", encoding="utf-8") as gold:
        for line in extracted.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record.get("text") or ""
            if len(text) >= args.min_chars:
                page_id = Path(record["metadata"]["path"]).stem
                gold.write(json.dumps({"id": page_id, "dataset": DATASET, "text": text}, ensure_ascii=False) + "\n")
                kept += 1
    print(f"{len(pages)} pages rendered by {', '.join(renderer_of)} into {args.out}; {kept} with a text of "
          f"{args.min_chars} characters or more in gold.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
