"""Dynamic programming over link types: the cheapest monotone path through a band of states.

The recurrence is the classic one (Gale & Church; hunalign; vecalign): the best way to
reach state (i, j) is the best over link types (a, b) of the best way to reach
(i - a, j - b) plus the cost of that link. Rows are filled in order; within a row all
link types with a >= 1 read finished rows only, so a whole row is one numpy gather
and a minimum. The 0-1 link (one English sentence alone) reads the same row: it is a
running minimum along the row, also one numpy call. Link costs are asked for a run of
rows at a time as the rows are reached, and dropped once no link can reach back to them,
so the search holds a few numbers per state, not one per link type.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable, Sequence

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


#: A function (start, stop) -> (len(types), stop - start) array: the costs of the links of
#: every type starting at band cells start .. stop - 1 (``inf`` where impossible).
CostBlocks = Callable[[int, int], np.ndarray]
CHUNK_CELLS = 1 << 13  # cells (whole rows) whose link costs are asked for at a time


def best_path(band: Band, costs: np.ndarray | CostBlocks, types: Sequence[tuple[int, int]]) -> list[Step]:
    """Cheapest sequence of links from state (0, 0) to the band's last state (n, m_last).

    ``costs[t, cell]`` is the cost of a link of type ``types[t]`` starting at that band
    cell (``inf`` where impossible), given as the whole array or as :data:`CostBlocks`, which
    the search calls for consecutive runs of whole rows: then only the costs of the rows a
    link can still reach back to are held (the whole array is 30 floats a cell, the largest
    of an alignment). ``types`` must contain (0, 1).
    """
    if isinstance(costs, np.ndarray):
        table = costs
        costs = lambda start, stop: table[:, start:stop]  # noqa: E731
    size = band.size
    n = band.rows - 1
    m = int(band.hi[n]) - 1
    skip_type = types.index((0, 1))
    row_types = [t for t, (a, _) in enumerate(types) if a > 0]
    reach = max(a for a, _ in types)  # rows back that a link can start
    offsets = band.offset.tolist()
    padded_total = np.full(size + 1, np.inf)
    total = padded_total[:-1]
    # back[cell]: k of row_types[k], or len(row_types) for a 0-1 link (types by _trace);
    # step_cost[cell]: the cost of that link, for the path's steps.
    back = np.full(size, len(row_types), dtype=np.int16)
    step_cost = np.full(size, np.inf)
    held, held_start = np.zeros((len(types), 0)), 0  # costs of the cells from held_start on
    skipped = 0.0  # running sum of the finite 0-1 costs of the cells before the chunk
    positions: dict[int, np.ndarray] = {}  # arange(width), by width
    for first_row, end_row in row_runs(band, CHUNK_CELLS):
        chunk_start, chunk_stop = offsets[first_row], offsets[end_row]
        chunk = np.asarray(costs(chunk_start, chunk_stop), dtype=np.float64)
        keep = offsets[max(0, first_row - reach)]
        held = np.concatenate([held[:, keep - held_start:], chunk], axis=1)
        held_start = keep
        # arrive[k, cell]: the cost of a link of row_types[k] ending at the cell, read where it
        # starts (held); source[k, cell]: where it starts, or `size` outside the band (where
        # `total` holds inf).
        source = link_sources(band, [types[t] for t in row_types], first_row, end_row)
        arrive = np.empty(source.shape)
        for k, t in enumerate(row_types):
            arrive[k] = held[t][np.clip(source[k] - held_start, 0, held.shape[1] - 1)]
        # Cost of 0-1 links from the start of each row to each cell, for the running minimum:
        # differences of one running sum over the band, carried from chunk to chunk.
        # (The last cell of a row starts no 0-1 link within the row: its inf is not needed.)
        skip_cost = chunk[skip_type]
        skips = np.cumsum(np.concatenate(([skipped], np.where(np.isfinite(skip_cost), skip_cost, 0.0))))
        skipped = float(skips[-1])
        widths = band.hi[first_row:end_row] - band.lo[first_row:end_row]
        before_all = skips[:-1] - np.repeat(skips[band.offset[first_row:end_row] - chunk_start], widths)
        skip_from_left = np.concatenate(([np.inf], skip_cost[:-1]))  # (a row's first cell has none)
        for i in range(first_row, end_row):
            start, stop = offsets[i], offsets[i + 1]
            s, e = start - chunk_start, stop - chunk_start
            if i == 0:
                best = np.full(stop - start, np.inf)
                choice = np.full(stop - start, len(row_types), dtype=np.int64)
                link = best
                if band.lo[0] == 0:
                    best[0] = 0.0
            else:
                candidates = padded_total[source[:, s:e]]
                candidates += arrive[:, s:e]
                choice = candidates.argmin(axis=0)
                best = candidates.min(axis=0)
                across = positions.get(e - s)
                if across is None:
                    across = positions[e - s] = np.arange(e - s)
                link = arrive[:, s:e][choice, across]
            # 0-1 links along the row: cheapest of arriving here or skipping from the left.
            before = before_all[s:e]
            run = np.minimum.accumulate(best - before)
            run += before
            # (the tolerance keeps the rounding error of best - before + before from passing
            # for a cheaper path from the left)
            from_left = run < best - 1e-7
            total[start:stop] = np.where(from_left, run, best)
            back[start:stop] = np.where(from_left, len(row_types), choice)
            step_cost[start:stop] = np.where(from_left, skip_from_left[s:e], link)
    return _trace(band, total, back, step_cost, types, row_types + [skip_type], n, m)


def row_runs(band: Band, cells: int) -> list[tuple[int, int]]:
    """Runs of whole rows of about ``cells`` cells (at least one row each): (first row, end row)."""
    offsets = band.offset.tolist()
    out, first = [], 0
    while first < band.rows:
        end = min(band.rows, max(first + 1, bisect.bisect_right(offsets, offsets[first] + cells, first) - 1))
        out.append((first, end))
        first = end
    return out


def link_targets(band: Band, shapes: list[tuple[int, int]], first_row: int, end_row: int) -> np.ndarray:
    """(len(shapes), cells of rows first_row .. end_row - 1): the cell where a link of each shape
    starting at each of these cells ends, or band.size where that is outside the band (the
    reverse of :func:`link_sources`)."""
    start, stop = int(band.offset[first_row]), int(band.offset[end_row])
    widths = band.hi[first_row:end_row] - band.lo[first_row:end_row]
    rows = np.repeat(np.arange(first_row, end_row), widths)
    cols = np.arange(start, stop) - np.repeat(band.offset[first_row:end_row] - band.lo[first_row:end_row], widths)
    out = np.empty((len(shapes), stop - start), dtype=np.int64)
    for k, (a, b) in enumerate(shapes):
        end, inside = band.index(rows + a, cols + b)
        out[k] = np.where(inside, end, band.size)
    return out


def link_sources(band: Band, shapes: list[tuple[int, int]], first_row: int, end_row: int) -> np.ndarray:
    """(len(shapes), cells of rows first_row .. end_row - 1): the cell where a link of each
    shape ending at each of these cells starts, or band.size where that is outside the band
    (Band.index, with the rows above spread over the cells, as they are in row order)."""
    widths = band.hi[first_row:end_row] - band.lo[first_row:end_row]
    start = int(band.offset[first_row])
    cols = np.arange(start, int(band.offset[end_row])) - np.repeat(
        band.offset[first_row:end_row] - band.lo[first_row:end_row], widths)
    out = np.empty((len(shapes), len(cols)), dtype=np.int64)
    for a in sorted({a for a, _ in shapes}):
        above = np.arange(first_row, end_row) - a
        exists = above >= 0
        above = np.maximum(above, 0)
        base = np.repeat(band.offset[above] - band.lo[above], widths)
        lo = np.repeat(np.where(exists, band.lo[above], np.iinfo(np.int64).max), widths)
        hi = np.repeat(band.hi[above], widths)
        for k, (shape_a, b) in enumerate(shapes):
            if shape_a == a:
                left = cols - b
                out[k] = np.where((left >= lo) & (left < hi), base + left, band.size)
    return out


def _trace(band: Band, total: np.ndarray, back: np.ndarray, step_cost: np.ndarray,
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
        steps.append(Step(i, a, j, b, float(step_cost[end])))
    steps.reverse()
    return steps
