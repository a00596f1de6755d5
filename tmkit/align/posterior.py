"""How probable each link is, given every other way the two texts could be aligned.

The cost of a path is the sum of its links' costs; read as a log-linear model (a linear-chain
CRF over the search states), P(path) = exp(-cost(path)) / Z, with Z the sum of exp(-cost) over
every monotone path of the band. The weights are fitted to maximise exactly this probability
of the gold paths (``bench/fit_aligner.py``), so a link's **marginal** — the total probability
of the paths that hold it — is the probability that it is right. Unlike any function of the
link's own cost, it sees the competition: a 1-2 link whose 1-1 + 0-1 rival is nearly as cheap
gets about one half, however good its own evidence (on MAC-Dev the marginal ranks wrong links
below right ones with AUC 0.90, the link's cost 0.72).

Forward-backward runs over the same band, link types and costs as the search
(:mod:`tmkit.align.search`): rows in order, every link type with a >= 1 read from finished
rows with one gather; the 0-1 link (within a row) is a running log-sum along the row.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from tmkit.align.band import Band
from tmkit.align.search import Step, link_sources, link_targets, row_runs

CHUNK_CELLS = 1 << 13  # cells (whole rows) whose link sources or targets are gathered at a time
# The log-weight of what cannot happen, finite so that no row's sum is -inf - (-inf): a link
# outside the band or past the texts, a state no path reaches. exp() of it is 0.
IMPOSSIBLE = -1e30


def _log_sum(parts: np.ndarray) -> np.ndarray:
    """log(sum(exp(parts), axis=0)), shifted by the largest part against overflow."""
    top = parts.max(axis=0)
    parts -= top
    return np.log(np.exp(parts, out=parts).sum(axis=0)) + top


def _row_prefix(band: Band, steps: np.ndarray) -> np.ndarray:
    """prefix[cell] = the sum of ``steps`` from its row's first cell up to the cell before it."""
    total = np.concatenate(([0.0], np.cumsum(steps)))
    widths = band.hi - band.lo
    return total[:-1] - np.repeat(total[band.offset[:-1]], widths)


def forward_backward(band: Band, costs: np.ndarray, types: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(alpha, beta) over the band's cells (one more at the end, impossible): the log of the summed
    exp(-cost) of the paths from the first state to each state, and from each to the last.
    ``costs[t, cell]`` is the cost of a link of type ``types[t]`` starting at the cell (inf where
    impossible), as for :func:`tmkit.align.search.best_path`; float32 will do, and is read a
    chunk of rows at a time, never copied whole."""
    size = band.size
    skip = list(types).index((0, 1))
    row_types = [t for t, (a, _) in enumerate(types) if a > 0]
    shapes = [types[t] for t in row_types]
    # A 0-1 chain along a row from cell k to cell l adds the scores of the 0-1 links in between:
    # differences of one running sum per row. (A row's last cell starts no 0-1 link inside the
    # row; its score, inf or not, is clipped and never used.)
    chain = _row_prefix(band, np.maximum(-costs[skip].astype(np.float64), -1e4))
    offsets = band.offset.tolist()
    alpha = np.full(size + 1, IMPOSSIBLE)
    for first, end in row_runs(band, CHUNK_CELLS):
        chunk_start = offsets[first]
        source = link_sources(band, shapes, first, end)
        arrive = np.empty(source.shape)  # score of the link, read where it starts
        for k, t in enumerate(row_types):
            arrive[k] = -costs[t][np.minimum(source[k], size - 1)]
        arrive[source == size] = IMPOSSIBLE
        np.maximum(arrive, IMPOSSIBLE, out=arrive)
        for i in range(first, end):
            start, stop = offsets[i], offsets[i + 1]
            if i == 0:
                into = np.full(stop - start, IMPOSSIBLE)
                if band.lo[0] == 0:
                    into[0] = 0.0
            else:
                s, e = start - chunk_start, stop - chunk_start
                into = _log_sum(alpha[source[:, s:e]] + arrive[:, s:e])
            # alpha[l] = log sum over k <= l of exp(into[k] + the 0-1 links from k to l)
            prefix = chain[start:stop]
            into -= prefix
            alpha[start:stop] = np.logaddexp.accumulate(into) + prefix
    beta = np.full(size + 1, IMPOSSIBLE)
    for first, end in reversed(row_runs(band, CHUNK_CELLS)):
        chunk_start, chunk_stop = offsets[first], offsets[end]
        target = link_targets(band, shapes, first, end)
        scores = np.maximum(-costs[row_types, chunk_start:chunk_stop].astype(np.float64), IMPOSSIBLE)
        for i in range(end - 1, first - 1, -1):
            start, stop = offsets[i], offsets[i + 1]
            s, e = start - chunk_start, stop - chunk_start
            leave = _log_sum(beta[target[:, s:e]] + scores[:, s:e])
            if i == band.rows - 1:
                leave[-1] = 0.0  # the last state: every path ends there
            # beta[k] = log sum over l >= k of exp(the 0-1 links from k to l + leave[l]), the links
            # from k to l being prefix[l] - prefix[k]
            prefix = chain[start:stop]
            leave += prefix
            beta[start:stop] = np.logaddexp.accumulate(leave[::-1])[::-1] - prefix
    return alpha, beta


def link_probabilities(band: Band, costs: np.ndarray, types: Sequence[tuple[int, int]]) -> tuple[float, np.ndarray]:
    """(log Z, probabilities): the log of the summed exp(-cost) of every path through the band,
    and the probability of every candidate link, (len(types), cells) like ``costs`` (what fitting
    the weights needs: the features each link is expected to contribute)."""
    alpha, beta = forward_backward(band, costs, types)
    log_z = float(alpha[band.size - 1])
    rows, cols = band.cells()
    out = np.zeros(costs.shape)
    for t, (a, b) in enumerate(types):
        end, inside = band.index(rows + a, cols + b)
        ok = inside & np.isfinite(costs[t])
        out[t, ok] = np.exp(np.minimum(alpha[:-1][ok] - costs[t, ok] + beta[end[ok]] - log_z, 0.0))
    return log_z, out


def link_marginals(band: Band, costs: np.ndarray, types: Sequence[tuple[int, int]],
                   steps: Sequence[Step]) -> np.ndarray:
    """The probability of each of ``steps`` (a path through the band): the summed probability
    of the paths that take that link, P(path) = exp(-cost(path)) / Z."""
    alpha, beta = forward_backward(band, costs, types)
    log_z = alpha[band.size - 1]
    i = np.array([s.i for s in steps], dtype=np.int64)
    j = np.array([s.j for s in steps], dtype=np.int64)
    a = np.array([s.a for s in steps], dtype=np.int64)
    b = np.array([s.b for s in steps], dtype=np.int64)
    start, _ = band.index(i, j)
    end, _ = band.index(i + a, j + b)
    index = {shape: t for t, shape in enumerate(types)}
    t = np.array([index[(s.a, s.b)] for s in steps], dtype=np.int64)
    log_p = alpha[start] - costs[t, start].astype(np.float64) + beta[end] - log_z
    return np.exp(np.minimum(log_p, 0.0))
