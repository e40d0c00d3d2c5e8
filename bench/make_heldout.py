"""Renders the held-out pages (bench/data/heldout/html) as whole-page text dumps, the way the dev dumps were made.

    python bench/make_heldout.py [bench/data/heldout]

Each html/<id>.html becomes RENDERER/heldout/<id>.txt for every renderer of bench/textdump.py (inscriptis,
and w3m when installed), so that `python bench/eval_textdumps.py bench/data/heldout` scores them against
gold.jsonl. The pages and the gold are written by hand and frozen; only the dumps are generated.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

DATASET = "heldout"


def _load_textdump():
    spec = importlib.util.spec_from_file_location("textdump", Path(__file__).with_name("textdump.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path(__file__).parent / "data" / DATASET,
                        help="the folder holding html/ and gold.jsonl")
    args = parser.parse_args(argv)
    pages = sorted((args.root / "html").glob("*.html"))
    if not pages:
        print(f"{args.root / 'html'}: no .html pages", file=sys.stderr)
        return 1
    renderers = _load_textdump().renderers()
    for name, render in renderers.items():
        folder = args.root / name / DATASET
        folder.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (folder / f"{page.stem}.txt").write_text(render(page.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{len(pages)} pages rendered by {', '.join(renderers)} into {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
