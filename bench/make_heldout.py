"""Renders the held-out pages (bench/data/heldout/html) as whole-page text dumps, the way the dev dumps were made.

    python bench/make_heldout.py [bench/data/heldout] [--dataset heldout]

Each html/<id>.html becomes RENDERER/DATASET/<id>.txt for every renderer of bench/textdump.py (inscriptis,
and w3m when installed), so that `python bench/eval_textdumps.py bench/data/heldout` scores them against
gold.jsonl; DATASET is the dataset the gold names (heldout; heldout2 for bench/data/heldout2). The pages
and the gold are written by hand and frozen; only the dumps are generated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # textdump.py beside this file
from textdump import renderers  # noqa: E402

DATASET = "heldout"


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
    renderer_of = renderers()
    for name, render in renderer_of.items():
        folder = args.root / name / args.dataset
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (folder / f"{page.stem}.txt").write_text(render(page.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{len(pages)} pages rendered by {', '.join(renderer_of)} into {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
