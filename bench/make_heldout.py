"""Renders the held-out pages (bench/data/heldout/html) as whole-page text dumps, the way the dev dumps were made.

    python bench/make_heldout.py [bench/data/heldout] [--dataset heldout]

Each html/<id>.html becomes RENDERER/DATASET/<id>.txt for every renderer of bench/textdump.py (inscriptis,
and w3m when installed), so that `python bench/eval_textdumps.py bench/data/heldout` scores them against
gold.jsonl; DATASET is the dataset the gold names (heldout; heldout2 for bench/data/heldout2). A page is read
as a browser reads it: by its byte-order mark or the charset its meta tag declares (big5, gbk, ...), else as
UTF-8; a page that reads in none of these is an error naming it. The pages and the gold are written by hand
and frozen; only the dumps are generated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # textdump.py beside this file
from textdump import renderers  # noqa: E402

from corpusclean.decode import decode_bytes  # noqa: E402

DATASET = "heldout"
BROWSER_READINGS = ("bom", "declared", "utf-8")     # decode_bytes' methods a browser shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path(__file__).parent / "data" / DATASET,
                        help="the folder holding html/ and gold.jsonl")
    parser.add_argument("--dataset", default=DATASET, help=f"the dataset gold.jsonl names (default {DATASET})")
    args = parser.parse_args(argv)
    pages = sorted((args.root / "html").glob("*.html"))
    if not pages:
        print(f"{args.root / 'html'}: no .html pages", file=sys.stderr)
        return 1
    html = {}
    for page in pages:
        decoded = decode_bytes(page.read_bytes())
        if decoded.method not in BROWSER_READINGS or decoded.invalid_bytes:
            print(f"{page}: not readable by its byte-order mark, its declared charset or as UTF-8", file=sys.stderr)
            return 1
        html[page.stem] = decoded.text
    renderer_of = renderers()
    for name, render in renderer_of.items():
        folder = args.root / name / args.dataset
        folder.mkdir(parents=True, exist_ok=True)
        for stem, text in html.items():
            (folder / f"{stem}.txt").write_text(render(text), encoding="utf-8")
    print(f"{len(pages)} pages rendered by {', '.join(renderer_of)} into {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
