"""Benchmark: cleaning and segmenting the five seed documents (figures printed, not asserted).

Usage: python bench/segment.py [SEEDS_DIR] [--repeat N]

Target (issue 3): the five seeds, about 130k characters, cleaned and segmented in well
under a second after start-up. Start-up (imports) is reported separately.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

_t0 = time.perf_counter()
from tmkit.clean import clean_extracted_text  # noqa: E402
from tmkit.document import Document  # noqa: E402
from tmkit.segment import segment_document  # noqa: E402

STARTUP = time.perf_counter() - _t0
DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.seeds.glob("0*.txt"))]
    if not texts:
        raise SystemExit(f"no seeds in {args.seeds}")
    chars = sum(len(text) for text in texts)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    # First run warms caches (prefix tables, compiled regexes); then the best of N.
    best = float("inf")
    sentences = 0
    for _ in range(args.repeat + 1):
        start = time.perf_counter()
        sentences = 0
        for text in texts:
            document = Document(lang="zh", blocks=clean_extracted_text(text, "zh"))
            sentences += len(segment_document(document))
        best = min(best, time.perf_counter() - start)
    print(f"start-up (imports): {STARTUP:.3f} s")
    print(f"{len(texts)} documents, {chars:,} characters, {megabytes:.2f} MB, {sentences:,} segments")
    print(f"clean + segment: {best:.3f} s (best of {args.repeat}) = "
          f"{sentences / best:,.0f} segments/s, {megabytes / best:.2f} MB/s")


if __name__ == "__main__":
    main()
