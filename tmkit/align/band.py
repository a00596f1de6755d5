"""The search band: which alignment states the dynamic programme looks at.

A state ``(i, j)`` means "the first i Chinese and j English sentences are aligned". A
full search visits all (n+1)(m+1) states; tmkit visits only a band of them around a
path found cheaply first (a coarser alignment, or the previous pass), so time and
memory grow linearly with the length of the texts (the two-step idea of Bertalign and
the coarse-to-fine recursion of vecalign).

The band is ragged: row i holds the states ``lo[i] <= j < hi[i]``, stored one row after
the other in flat arrays (row i starts at ``offset[i]``). Everything the search needs
(link costs, back pointers) lives in such flat arrays, so it is computed with numpy
over the whole band at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class Band:
    """Rows 0..n of states; row i covers English positions ``lo[i]`` to ``hi[i] - 1``."""

    lo: np.ndarray  # (n+1,) int64
    hi: np.ndarray  # (n+1,) int64, exclusive
    offset: np.ndarray  # (n+2,) int64: row i's cells are offset[i]:offset[i+1]

    @classmethod
    def from_bounds(cls, lo: np.ndarray, hi: np.ndarray) -> "Band":
        lo = np.asarray(lo, dtype=np.int64)
        hi = np.asarray(hi, dtype=np.int64)
        offset = np.zeros(len(lo) + 1, dtype=np.int64)
        np.cumsum(hi - lo, out=offset[1:])
        return cls(lo, hi, offset)

    @property
    def rows(self) -> int:
        return len(self.lo)

    @property
    def size(self) -> int:
        return int(self.offset[-1])

    def cells(self) -> tuple[np.ndarray, np.ndarray]:
        """The (i, j) of every cell, in flat order."""
        widths = self.hi - self.lo
        rows = np.repeat(np.arange(self.rows, dtype=np.int64), widths)
        cols = np.arange(self.size, dtype=np.int64) - np.repeat(self.offset[:-1] - self.lo, widths)
        return rows, cols

    def index(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flat indices of states (i, j) and whether each lies in the band (index 0 where not)."""
        inside = (i >= 0) & (i < self.rows)
        row = np.where(inside, i, 0)
        inside &= (j >= self.lo[row]) & (j < self.hi[row])
        return np.where(inside, self.offset[row] + j - self.lo[row], 0), inside


def full_band(n: int, m: int) -> Band:
    """Every state: for short texts, where a band would save nothing."""
    return Band.from_bounds(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64))


def band_around(path: Sequence[tuple[int, int]], n: int, m: int, margin: int) -> Band:
    """The states within ``margin`` rows or columns of a monotone path of states.

    ``path`` lists states (i, j) from (0, 0) to (n, m); a step from one state to the next
    covers the rectangle between them. Each row's span is widened by ``margin`` on both
    sides and by the spans of the ``margin`` rows around it, so a link that leaves the
    path (a 1-0 run, a longer link) is still inside the band.
    """
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    points = np.asarray(path, dtype=np.int64)
    for (i0, j0), (i1, j1) in zip(points[:-1], points[1:]):
        lo[i0 : i1 + 1] = np.minimum(lo[i0 : i1 + 1], j0)
        hi[i0 : i1 + 1] = np.maximum(hi[i0 : i1 + 1], j1)
    # Rows the path jumps over keep lo > hi: give them their neighbours' span.
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    window = 2 * margin + 1
    lo = _sliding(lo, window, np.min) - margin
    hi = _sliding(hi, window, np.max) + margin + 1
    return Band.from_bounds(np.clip(lo, 0, m), np.clip(hi, 1, m + 1))


def _sliding(values: np.ndarray, window: int, reduce) -> np.ndarray:
    """``reduce`` (np.min or np.max) over a centred window, the ends padded with their value."""
    padded = np.pad(values, window // 2, mode="edge")
    return reduce(np.lib.stride_tricks.sliding_window_view(padded, window), axis=1)


def project_path(path: Sequence[tuple[int, int]], factor: int, n: int, m: int) -> list[tuple[int, int]]:
    """A coarse path's states in fine coordinates (unit k of the coarse text = sentences k*factor...)."""
    return [(min(i * factor, n), min(j * factor, m)) for i, j in path]
