"""Benchmark: write and read TMX memories of 100,000 and 1,000,000 units.

Prints wall-clock and CPU seconds (the machine may be shared), units/s, file size
and peak memory for each size, so that one can see the time grow linearly and the
memory stay flat: the writer streams, and the reader holds one run of units (a few
MB of the file) per process. Each measurement runs in a fresh process. Tasks:

* ``generate``: only making the synthetic units, the part of ``write`` that is not
  the writer's;
* ``write``: ``write_tmx`` of those units;
* ``read``: ``TmxReader`` as the command line uses it (``workers=None``: worker
  processes for files over 32 MB, one per core up to four);
* ``read-1``: ``TmxReader`` in one process (``workers=1``, the library's default).

``CPU s`` is the measured process's own CPU time, ``tree CPU`` that of the process and
its workers together, and the peak memory too is the whole tree's (``bench/measure.py``,
sampled every 0.1 s with psutil; NaN without it).
``--merge`` also times ``merge_tmx`` (as ``tmkit tmx merge`` runs it) on the memory
merged with itself (every unit a duplicate), which goes through an on-disk SQLite store.

    python bench/tmx.py                      # 100k and 1M units, write and read
    python bench/tmx.py --sizes 10000 --merge

Units are synthetic but shaped like tmkit's: a UN-style Chinese sentence of about
40 characters, its English of about 25 words, and the four x- properties.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_measured  # noqa: E402  (bench/measure.py)

ZH = "安全理事会第{n}次会议审议了秘书长关于中东局势，包括巴勒斯坦问题的报告，并通过了决议。"
EN = ("At its {n}th meeting, the Security Council considered the report of the Secretary-General "
      "on the situation in the Middle East, including the Palestinian question, and adopted a resolution.")


def units(count: int) -> Iterator:
    """The synthetic units; what varies per unit is precomputed where it repeats, so
    that making them costs little next to writing them (``generate`` times it alone)."""
    from tmkit.tmx import TranslationUnit

    zh_head, zh_tail = ZH.split("{n}")
    en_head, en_tail = EN.split("{n}")
    scores = [f"{i / 1000:.4f}" for i in range(1000)]
    paragraphs = [f"{i + 1}." for i in range(50)]
    for n in range(count):
        document = f"S/PV.{8000 + n // 200}"
        number = str(n)
        yield TranslationUnit(
            zh_head + number + zh_tail, en_head + number + en_tail, f"{document}:{n % 200 + 1}",
            {"x-document": document, "x-link": "1-1", "x-score": scores[n % 1000], "x-paragraph": paragraphs[n % 50]},
        )


def run_one(task: str, count: int, path: Path) -> dict:
    """One measurement, in this process; prints JSON."""
    start, cpu = time.perf_counter(), time.process_time()
    if task == "generate":
        done = sum(1 for _ in units(count))
    elif task == "write":
        from tmkit.tmx import write_tmx

        done = write_tmx(units(count), path)
    elif task in ("read", "read-1"):
        from tmkit.tmx import TmxReader

        done = sum(1 for _ in TmxReader(path, workers=None if task == "read" else 1))
    else:
        from tmkit.tmx import merge_tmx

        done = merge_tmx([path, path], path.with_suffix(".merged.tmx"), workers=None).written
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"task": task, "units": done, "seconds": seconds, "cpu": cpu, "own_mb": own_mb}


def measure(task: str, count: int, path: Path) -> dict:
    """One measurement in a fresh process, with the memory and CPU of its workers."""
    command = [sys.executable, __file__, "--child", task, str(count), str(path)]
    measured = run_measured(command)
    if measured.returncode != 0:
        raise SystemExit(f"{task} failed:\n{measured.stderr}")
    result = json.loads(measured.stdout)
    result["tree_cpu"] = measured.cpu
    result["peak_mb"] = max(result["own_mb"], measured.peak_mb)  # the sampling may miss a short peak
    return result


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
    tasks = ["generate", "write", "read", "read-1"] + (["merge"] if args.merge else [])
    print(f"{'task':<8} {'units':>10} {'seconds':>8} {'CPU s':>6} {'tree CPU':>8} {'units/s':>9} {'file MB':>8} "
          f"{'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="tmkit-bench-") as work:
        for count in args.sizes:
            path = Path(work) / f"{count}.tmx"
            for task in tasks:
                result = measure(task, count, path)
                size = path.stat().st_size / 1e6 if path.exists() else 0
                rate = result["units"] / result["seconds"] if result["seconds"] else 0
                print(f"{task:<8} {result['units']:>10,} {result['seconds']:>8.1f} {result['cpu']:>6.1f} "
                      f"{result['tree_cpu']:>8.1f} {rate:>9,.0f} "
                      f"{size:>8.0f} {result['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
