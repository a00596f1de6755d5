"""Dynamic programming over link types: the cheapest monotone path through a band of states.

The recurrence is the classic one (Gale & Church; hunalign; vecalign): the best way to
reach state (i, j) is the best over link types (a, b) of the best way to reach
(i - a, j - b) plus the cost of that link. Rows are filled in order; within a row all
link types with a >= 1 read finished rows only, so a whole row is one numpy gather
and a minimum. The 0-1 link (one English sentence alone) reads the same row: it is a
running minimum along the row, also one numpy call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from tmkit.align.band import Band

MAX_LINK_SENTENCES = 8  # a + b of the longest link (Bertalign's setting for literary text)


def link_types(max_link: int, max_sentences: int = MAX_LINK_SENTENCES) -> list[tuple[int, int]]:
    """0-1, 1-0, 1-1 and every a-b with a, b >= 1, a + b <= max_sentences and a, b <= max_link."""
    types = [(0, 1), (1, 0), (1, 1)]
    for total in range(3, max_sentences + 1):
        for a in range(1, total):
            b = total - a
            if max(a, b) <= max_link:
                types.append((a, b))
    return types


@dataclass(frozen=True)
class Step:
    """One link of a path: it starts at state (i, j), takes a Chinese and b English sentences."""

    i: int
    a: int
    j: int
    b: int
    cost: float


def best_path(band: Band, costs: np.ndarray, types: Sequence[tuple[int, int]]) -> list[Step]:
    """Cheapest sequence of links from state (0, 0) to the band's last state (n, m_last).

    ``costs[t, cell]`` is the cost of a link of type ``types[t]`` starting at that band
    cell (``inf`` where impossible); the search uses it as scratch space (its rows are
    overwritten). ``types`` must contain (0, 1).
    """
    size = band.size
    n = band.rows - 1
    m = int(band.hi[n]) - 1
    skip_type = types.index((0, 1))
    skip_cost = costs[skip_type]
    row_types = [t for t, (a, _) in enumerate(types) if a > 0]
    _, cols = band.cells()
    # gather[k, cell]: the cell a link of row_types[k] ending at this cell starts from, or
    # `size` for sources outside the band (where `total` holds inf). The candidate is the cost
    # of reaching the source plus the link's cost there, gathered row by row: no array of
    # every cell's candidates is kept.
    gather = np.empty((len(row_types), size), dtype=np.int64 if size >= 2**31 - 1 else np.int32)
    widths = band.hi - band.lo
    for a in sorted({types[t][0] for t in row_types}):
        # Row i - a of every cell, as Band.index finds it, spread over the cells (they are in
        # row order) instead of gathered once per link type.
        above = np.arange(band.rows) - a
        exists = above >= 0
        above = np.maximum(above, 0)
        base = np.repeat(band.offset[above] - band.lo[above], widths)
        lo = np.repeat(np.where(exists, band.lo[above], np.iinfo(np.int64).max), widths)
        hi = np.repeat(band.hi[above], widths)
        for k, t in enumerate(row_types):
            if types[t][0] == a:
                left = cols - types[t][1]
                gather[k] = np.where((left >= lo) & (left < hi), base + left, size)
    # Each row type's costs moved in place from the cell a link starts at to the cell it ends
    # at (the source of sources outside the band is clipped: their total is inf anyway), so
    # that a row's candidates read a slice of them, not a gather.
    for k, t in enumerate(row_types):
        costs[t] = costs[t][np.minimum(gather[k], size - 1)]
    first = row_types[0]  # (a view when the row types are contiguous, as link_types puts them)
    contiguous = row_types == list(range(first, first + len(row_types)))
    arrive = costs[first:first + len(row_types)] if contiguous else costs[row_types]
    # Cost of 0-1 links from the start of each row to each cell, for the running minimum.
    # (The last cell of a row starts no 0-1 link within the row: its inf is not needed.)
    skips = np.zeros(size + 1)
    np.cumsum(np.where(np.isfinite(skip_cost), skip_cost, 0.0), out=skips[1:])
    before_all = skips[:-1] - np.repeat(skips[band.offset[:-1]], band.hi - band.lo)
    padded_total = np.full(size + 1, np.inf)
    total = padded_total[:-1]
    # back[cell]: k of row_types[k], or len(row_types) for a 0-1 link (types by _trace)
    back = np.full(size, len(row_types), dtype=np.int16)
    offsets = band.offset.tolist()
    for i in range(band.rows):
        start, stop = offsets[i], offsets[i + 1]
        if i == 0:
            best = np.full(stop - start, np.inf)
            choice = np.full(stop - start, len(row_types), dtype=np.int64)
            if band.lo[0] == 0:
                best[0] = 0.0
        else:
            candidates = padded_total[gather[:, start:stop]]
            candidates += arrive[:, start:stop]
            choice = candidates.argmin(axis=0)
            best = candidates.min(axis=0)
        # 0-1 links along the row: cheapest of arriving here or skipping from the left.
        before = before_all[start:stop]
        run = np.minimum.accumulate(best - before)
        run += before
        # (the tolerance keeps the rounding error of best - before + before from passing
        # for a cheaper path from the left)
        from_left = run < best - 1e-7
        total[start:stop] = np.where(from_left, run, best)
        back[start:stop] = np.where(from_left, len(row_types), choice)
    return _trace(band, total, back, costs, types, row_types + [skip_type], n, m)


def _trace(band: Band, total: np.ndarray, back: np.ndarray, costs: np.ndarray,
           types: Sequence[tuple[int, int]], back_types: list[int], n: int, m: int) -> list[Step]:
    lo, hi, offset = band.lo.tolist(), band.hi.tolist(), band.offset.tolist()
    if not lo[n] <= m < hi[n] or not np.isfinite(total[offset[n] + m - lo[n]]):
        raise RuntimeError("the search band does not reach the end of the texts")
    steps = []
    i, j = n, m
    while i or j:
        end = offset[i] + j - lo[i]
        t = back_types[int(back[end])]
        a, b = types[t]
        i, j = i - a, j - b
        # (best_path moved the costs of links with a >= 1 to the cell they end at)
        steps.append(Step(i, a, j, b, float(costs[t, end if a else offset[i] + j - lo[i]])))
    steps.reverse()
    return steps
