"""Benchmark: write and read TMX memories of 100,000 and 1,000,000 units.

Prints wall-clock and CPU seconds (the machine may be shared), units/s, file size
and peak memory (``ru_maxrss``) for each size, so
that one can see the time grow linearly and the memory stay flat: the writer and the
reader stream, and neither holds more than one unit. Each measurement runs in a
fresh process, so its peak memory is its own. ``--merge`` also times ``merge_tmx`` on
the memory merged with itself (every unit a duplicate), which goes through an
on-disk SQLite store.

    python bench/tmx.py                      # 100k and 1M units, write and read
    python bench/tmx.py --sizes 10000 --merge

Units are synthetic but shaped like tmkit's: a UN-style Chinese sentence of about
40 characters, its English of about 25 words, and the four x- properties.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ZH = "安全理事会第{n}次会议审议了秘书长关于中东局势，包括巴勒斯坦问题的报告，并通过了决议。"
EN = ("At its {n}th meeting, the Security Council considered the report of the Secretary-General "
      "on the situation in the Middle East, including the Palestinian question, and adopted a resolution.")


def units(count: int) -> Iterator:
    from tmkit.tmx import TranslationUnit

    for n in range(count):
        document = f"S/PV.{8000 + n // 200}"
        yield TranslationUnit(
            zh=ZH.format(n=n), en=EN.format(n=n), tuid=f"{document}:{n % 200 + 1}",
            props={"x-document": document, "x-link": "1-1", "x-score": f"{(n % 1000) / 1000:.4f}",
                   "x-paragraph": f"{n % 50 + 1}."},
        )


def run_one(task: str, count: int, path: Path) -> dict:
    """One measurement, in this process; prints JSON."""
    start, cpu = time.perf_counter(), time.process_time()
    if task == "write":
        from tmkit.tmx import write_tmx

        done = write_tmx(units(count), path)
    elif task == "read":
        from tmkit.tmx import TmxReader

        done = sum(1 for _ in TmxReader(path))
    else:
        from tmkit.tmx import merge_tmx

        done = merge_tmx([path, path], path.with_suffix(".merged.tmx")).written
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"task": task, "units": done, "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb}


def measure(task: str, count: int, path: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", task, str(count), str(path)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--merge", action="store_true", help="also time merge_tmx (memory merged with itself)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        task, count, path = args.child
        print(json.dumps(run_one(task, int(count), Path(path))))
        return
    tasks = ["write", "read"] + (["merge"] if args.merge else [])
    print(f"{'task':<6} {'units':>10} {'seconds':>8} {'CPU s':>6} {'units/s':>9} {'file MB':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="tmkit-bench-") as work:
        for count in args.sizes:
            path = Path(work) / f"{count}.tmx"
            for task in tasks:
                result = measure(task, count, path)
                size = path.stat().st_size / 1e6
                rate = result["units"] / result["seconds"] if result["seconds"] else 0
                print(f"{task:<6} {result['units']:>10,} {result['seconds']:>8.1f} {result['cpu']:>6.1f} {rate:>9,.0f} "
                      f"{size:>8.0f} {result['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
