"""Decode a folder of legacy-encoded pages and show, page by page, what decode_bytes made of them.

    python bench/check_netease.py                       # ../shared/devdata/netease-gbk/pages
    python bench/check_netease.py DIR                   # any folder of pages
    python bench/check_netease.py --mix 100             # throughput on a mostly-UTF-8 mix built from seeds/

Each line: file, encoding, method, milliseconds, and the first 40 Han characters of the page's <title>,
so a person can see at a glance that the text is readable Chinese. Totals follow: decoded, by method, MB/s.
The --mix corpus is the seed pages copied N times, all UTF-8 except that one copy in ten of each Chinese
page is saved as GB18030 and one in ten as Big5 (Traditional, via OpenCC): about the 9% share of legacy
pages in a news crawl. English pages saved in a legacy codec go through chardet, the expensive path;
--mix-all-legacy gives every page that treatment instead.
"""

from __future__ import annotations

import argparse
import collections
import re
import time
from pathlib import Path

from corpusclean.decode import decode_bytes

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO.parent / "shared" / "devdata" / "netease-gbk" / "pages"
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
HAN = re.compile(r"[\u3400-\u9fff]")


def warm_up() -> None:
    """Load chardet and the rules file once, so the first page does not carry their import time."""
    decode_bytes("市政府召开新闻发布会".encode("gbk"))


def title_han(text: str) -> str:
    match = TITLE.search(text)
    return "".join(HAN.findall(match.group(1)))[:40] if match else ""


def check_folder(folder: Path) -> int:
    paths = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: (len(p.name), p.name))
    methods: collections.Counter[str] = collections.Counter()
    failures, total_bytes, total_seconds = 0, 0, 0.0
    for path in paths:
        data = path.read_bytes()
        start = time.perf_counter()
        decoded = decode_bytes(data)
        seconds = time.perf_counter() - start
        total_bytes += len(data)
        total_seconds += seconds
        if decoded.text is None:
            failures += 1
            print(f"{path.name}\tFAILED\t{decoded.error}\t{seconds * 1000:.2f} ms")
            continue
        methods[decoded.method] += 1
        print(f"{path.name}\t{decoded.encoding}\t{decoded.method}\t{seconds * 1000:.2f} ms\t{title_han(decoded.text)}")
    print(f"\ndecoded {len(paths) - failures}/{len(paths)} files, {total_bytes / 1e6:.2f} MB")
    print("by method: " + ", ".join(f"{method} {count}" for method, count in methods.most_common()))
    print(f"decode throughput: {total_bytes / 1e6 / total_seconds:.1f} MB/s")
    return 1 if failures else 0


def mixed_corpus(copies: int, english_legacy: bool = False) -> list[bytes]:
    import opencc

    to_traditional = opencc.OpenCC("s2t.json")
    seeds = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    pages = []
    for copy in range(copies):
        for seed in seeds:
            if not english_legacy and not HAN.search(seed):
                pages.append(seed.encode("utf-8"))
            elif copy % 10 == 0:
                pages.append(seed.encode("gb18030"))
            elif copy % 10 == 1:
                pages.append(to_traditional.convert(seed).encode("big5hkscs", errors="replace"))
            else:
                pages.append(seed.encode("utf-8"))
    return pages


def measure_mix(copies: int, english_legacy: bool) -> int:
    pages = mixed_corpus(copies, english_legacy)
    methods: collections.Counter[tuple[str | None, str]] = collections.Counter()
    start = time.perf_counter()
    for data in pages:
        decoded = decode_bytes(data)
        methods[(decoded.encoding, decoded.method)] += 1
    seconds = time.perf_counter() - start
    size = sum(map(len, pages))
    print(f"{len(pages)} pages, {size / 1e6:.2f} MB in {seconds:.2f} s: {size / 1e6 / seconds:.1f} MB/s, "
          f"{len(pages) / seconds:.0f} docs/s")
    print("by encoding and method: " + ", ".join(f"{e}/{m} {n}" for (e, m), n in methods.most_common()))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--mix", type=int, metavar="COPIES", help="measure a mostly-UTF-8 mix of the seeds instead")
    parser.add_argument("--mix-all-legacy", action="store_true", help="in the mix, save English pages in legacy codecs too")
    args = parser.parse_args()
    warm_up()
    return measure_mix(args.mix, args.mix_all_legacy) if args.mix else check_folder(args.folder)


if __name__ == "__main__":
    raise SystemExit(main())
