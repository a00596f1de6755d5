"""A progress bar for reading a big file, shown only to a person at a terminal.

Reading, merging or validating a memory of millions of units takes minutes; without a
sign of life a user cannot tell slow from stuck. On a terminal a tqdm bar shows the
bytes read, the rate and the time left; it appears only for files of
:data:`PROGRESS_MIN_BYTES` or more and only after half a second, and disappears when
done, so the command's one-line summary is all that stays. When stderr is a file or a
pipe nothing is shown: logs stay clean.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TypeVar

Item = TypeVar("Item")

__all__ = ["PROGRESS_MIN_BYTES", "PROGRESS_MIN_UNITS", "ReadProgress", "counted", "elapsed_display",
           "wants_progress"]

PROGRESS_MIN_BYTES = 16 * 2**20
#: About the number of units in a file of PROGRESS_MIN_BYTES.
PROGRESS_MIN_UNITS = 25_000
#: The bar is moved once per this many units: cheap next to parsing them.
UNITS_PER_UPDATE = 2000


def wants_progress() -> bool:
    """Whether a person is watching stderr."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class ReadProgress:
    """Bytes of ``handle`` read so far, as a bar; :meth:`tick` once per unit read."""

    def __init__(self, path: Path, handle: BinaryIO, enabled: bool) -> None:
        self.handle = handle
        self.bar = None
        self._units = 0
        if not enabled or not wants_progress():
            return
        try:
            size = os.fstat(handle.fileno()).st_size
        except (OSError, AttributeError, ValueError):
            return
        if size >= PROGRESS_MIN_BYTES:
            from tqdm import tqdm

            self.bar = tqdm(total=size, unit="B", unit_scale=True, unit_divisor=1024, desc=f"reading {path.name}",
                            file=sys.stderr, delay=0.5, leave=False, dynamic_ncols=True, mininterval=0.5)

    def tick(self) -> None:
        if self.bar is None:
            return
        self._units += 1
        if self._units % UNITS_PER_UPDATE == 0:
            try:
                self.bar.update(max(0, self.handle.tell() - self.bar.n))
            except (OSError, ValueError):
                self.close()

    def close(self) -> None:
        if self.bar is not None:
            try:
                self.bar.close()
            except OSError:
                pass
            self.bar = None


def counted(items: Iterable[Item], total: int, description: str, enabled: bool) -> Iterator[Item]:
    """``items``, with a bar of how many of ``total`` have passed (terminal, big totals only)."""
    if not enabled or total < PROGRESS_MIN_UNITS or not wants_progress():
        yield from items
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit=" units", unit_scale=True, desc=description, file=sys.stderr, delay=0.5,
               leave=False, dynamic_ncols=True, mininterval=0.5)
    try:
        for n, item in enumerate(items, start=1):
            if n % UNITS_PER_UPDATE == 0:
                bar.update(UNITS_PER_UPDATE)
            yield item
    finally:
        bar.close()


@contextmanager
def elapsed_display(description: str, enabled: bool = True, after: float = 2.0) -> Iterator[None]:
    """A line saying the work goes on, with the time it has taken, while the block runs.

    For work that cannot count its steps (an alignment runs inside the aligner): on a
    terminal, after ``after`` seconds, ``description: 0:42 elapsed`` is shown and kept
    current; it disappears when the block ends.
    """
    if not enabled or not wants_progress():
        yield
        return
    from tqdm import tqdm

    done = threading.Event()
    bar = tqdm(total=None, desc=description, bar_format="{desc}: {elapsed} elapsed", file=sys.stderr,
               delay=after, leave=False)

    def tick() -> None:
        while not done.wait(1.0):
            try:
                bar.refresh()
            except (OSError, ValueError):
                return

    thread = threading.Thread(target=tick, name="tmkit-elapsed", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        bar.close()
