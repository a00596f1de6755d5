"""Benchmark: the whole ``tmkit align`` process on the Bible, warm and on a fresh machine (figures printed).

Usage: python bench/startup.py [--runs N] [--fresh-runs N] [--against DIR] [--cpu N]

Issue 12 asks that dictionary-only alignment of the Bible (6,301 × 5,000 sentences,
presegmented, links format) take under 3 CPU seconds for the whole process on one core,
and that a first run with an empty cache (CC-CEDICT and the termbase compiled then) take
no more than twice a warm run. The alignment calls alone are timed by ``bench/align.py``;
this times what a user waits for: interpreter start, imports, reading, the lexicon from the
cache or compiled, alignment, writing.

Each run is a fresh ``python -m tmkit align ...`` pinned to one processor (``--cpu``), its
CPU seconds (user + system) taken from the kernel's accounting of the finished child (``getrusage(RUSAGE_CHILDREN)``, what ``/usr/bin/time -v`` reports). Warm
runs share one cache folder, filled by a run not counted; each fresh run gets an empty one
(``XDG_CACHE_HOME``). ``--against DIR`` also runs another checkout of tmkit (its ``tmkit``
package first on ``PYTHONPATH``, same interpreter and dependencies) in turn with this one,
run by run, so both meet the same machine load; medians are printed, and the links both
write are compared byte for byte.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIBLE = REPO.parent / "shared" / "corpora" / "bible"
# Dictionary-only alignment (--no-semantic), the mode the target is set for.
MODES = {"--no-termbase": ["--no-semantic", "--no-termbase"], "default termbase": ["--no-semantic"]}


@dataclass
class Run:
    cpu: float  #: user + system CPU seconds of the child
    wall: float


def run_align(checkout: Path, extra: list[str], cache: Path, output: Path, cpu: int | None) -> Run:
    """One whole ``tmkit align`` process on the Bible; raise when it fails."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(checkout),
           "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "tmkit", "align", str(BIBLE / "001.zh"), str(BIBLE / "001.en"),
               "--presegmented", *extra, "-o", str(output)]
    pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None and hasattr(os, "sched_setaffinity") else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, preexec_fn=pin, cwd=checkout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr.decode(errors='replace')}")
    return Run((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall)


def median_row(label: str, runs: list[Run]) -> str:
    cpu = statistics.median(r.cpu for r in runs)
    return (f"| {label} | {cpu:.2f} ({min(r.cpu for r in runs):.2f}–{max(r.cpu for r in runs):.2f}) "
            f"| {statistics.median(r.wall for r in runs):.2f} | {len(runs)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="counted warm runs of each command")
    parser.add_argument("--fresh-runs", type=int, default=3, help="counted runs with an empty cache")
    parser.add_argument("--against", type=Path, metavar="DIR", help="another tmkit checkout to run in turn")
    parser.add_argument("--cpu", type=int, default=0, help="processor to pin each run to (-1: none)")
    args = parser.parse_args()
    if not (BIBLE / "001.zh").exists():
        raise SystemExit(f"{BIBLE} is not available (../shared is absent)")
    cpu = None if args.cpu < 0 else args.cpu
    checkouts = {"this": REPO, **({"against": args.against.resolve()} if args.against else {})}
    rows = ["| tmkit, mode | CPU s, median (min–max) | wall s | runs |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as temp:
        temp_dir = Path(temp)
        for mode, extra in MODES.items():
            warm: dict[str, list[Run]] = {name: [] for name in checkouts}
            fresh: dict[str, list[Run]] = {name: [] for name in checkouts}
            for name, checkout in checkouts.items():  # fill each warm cache, not counted
                run_align(checkout, extra, temp_dir / f"cache-{name}", temp_dir / f"{name}.links", cpu)
            for _ in range(args.runs):
                for name, checkout in checkouts.items():
                    warm[name].append(run_align(checkout, extra, temp_dir / f"cache-{name}",
                                                temp_dir / f"{name}.links", cpu))
            for _ in range(args.fresh_runs):
                for name, checkout in checkouts.items():
                    fresh[name].append(run_align(checkout, extra, Path(tempfile.mkdtemp(dir=temp_dir)),
                                                 temp_dir / f"{name}.links", cpu))
            for name in checkouts:
                rows.append(median_row(f"{name}, {mode}, warm", warm[name]))
                if not fresh[name]:  # --fresh-runs 0: warm runs only
                    continue
                rows.append(median_row(f"{name}, {mode}, empty cache", fresh[name]))
                ratio = statistics.median(r.cpu for r in fresh[name]) / statistics.median(r.cpu for r in warm[name])
                rows.append(f"| {name}, {mode}: empty cache / warm | {ratio:.2f}× | | |")
            if args.against:
                same = filecmp.cmp(temp_dir / "this.links", temp_dir / "against.links", shallow=False)
                rows.append(f"| links of both, {mode} | {'byte-identical' if same else 'DIFFERENT'} | | |")
    print(f"Bible 6,301 × 5,000, --presegmented, links format; each run pinned to CPU {cpu}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
