"""Run one command and measure it with its whole process tree: wall time, peak memory, CPU.

Shared by the benchmarks whose work runs in worker processes (``bench/batch.py``,
``bench/tmx.py``): a process's own ``ru_maxrss`` and CPU time miss its workers. Peak
memory is the largest sum of resident memory over the process and all its descendants,
sampled every 0.1 s with psutil; CPU time is the last value sampled for each process of
the tree (at most 0.1 s short per process): divided by wall time it says how many cores
the run really had, which on a shared machine is what limits scaling. Without psutil,
both are NaN.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Measured:
    seconds: float  #: wall time, start to exit
    peak_mb: float  #: peak resident memory of the process tree
    cpu: float  #: CPU seconds of the process tree
    stdout: str
    stderr: str
    returncode: int


def run_measured(command: Sequence[str]) -> Measured:
    """Run ``command`` to its end, sampling its process tree."""
    try:
        import psutil
    except ImportError:
        psutil = None
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        peak = 0
        cpu: dict[int, float] = {}
        while process.poll() is None:
            if psutil is not None:
                try:
                    root = psutil.Process(process.pid)
                    tree = [root, *root.children(recursive=True)]
                    peak = max(peak, sum(_rss(p) for p in tree))
                    cpu.update((p.pid, _cpu(p, cpu.get(p.pid, 0.0))) for p in tree)
                except psutil.Error:
                    pass
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    nan = float("nan")
    return Measured(seconds, peak / 2**20 if psutil else nan, sum(cpu.values()) if psutil else nan,
                    stdout, stderr, process.returncode)


def _rss(process) -> int:
    try:
        return process.memory_info().rss
    except Exception:
        return 0


def _cpu(process, previous: float) -> float:
    try:
        times = process.cpu_times()
        return times.user + times.system
    except Exception:
        return previous
