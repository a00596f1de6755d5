"""Sums of per-pair evidence over the rectangles that links cover, for every band state at once.

A link of a Chinese and b English sentences starting at state (i, j) covers the sentence
pairs [i, i+a) x [j, j+b). Its lexical, anchor and semantic evidence are sums over that
rectangle, and its coverage and margin terms are sums over one of its rows or columns.
With links of up to eight sentences (a + b <= 8) adding a link type pair by pair would cost
a x b gathers; prefix sums along the band's rows and columns make each row or column sum
two gathers, so a rectangle costs 2a.

The band's rows are contiguous column ranges whose ends never decrease with the row
(:mod:`tmkit.align.band` builds them so), hence its columns are contiguous row ranges
too, and a transposed copy of the band gives column prefix sums the same way. Pairs
outside the band count as zero (a sum is clipped to the part of the row or column that
lies in the band).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tmkit.align.band import Band


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1, dtype=np.float64)
    np.cumsum(values, out=out[1:])
    return out


@dataclass(frozen=True)
class BandSums:
    """Row and column prefix sums of per-cell values over one band."""

    band: Band
    col_lo: np.ndarray  # (m+1,) first row of each column in the band
    col_hi: np.ndarray  # (m+1,) one past its last row
    col_offset: np.ndarray  # (m+2,) start of each column in column-major order
    order: np.ndarray  # (size,) flat cell indices in column-major order
    # Rows and columns as (lo, hi, base) with PAD empty lines on each side, so that the lines
    # just outside the band (i - 1, j + b) need no test: their spans are empty.
    row_lines: np.ndarray  # (3, rows + 2 * PAD)
    col_lines: np.ndarray  # (3, m + 1 + 2 * PAD)

    @classmethod
    def of(cls, band: Band, m: int) -> "BandSums":
        rows, cols = band.cells()
        order = np.lexsort((rows, cols))
        counts = np.bincount(cols, minlength=m + 1)
        col_offset = np.zeros(m + 2, dtype=np.int64)
        np.cumsum(counts, out=col_offset[1:])
        first = np.full(m + 1, 0, dtype=np.int64)
        has = counts > 0
        first[has] = rows[order[col_offset[:-1][has]]]
        row_lines = _lines(band.lo, band.hi, band.offset[:-1])
        col_lines = _lines(first, first + counts, col_offset[:-1])
        return cls(band, first, first + counts, col_offset, order, row_lines, col_lines)

    def row_prefix(self, values: np.ndarray) -> np.ndarray:
        return _prefix(values)

    def col_prefix(self, values: np.ndarray) -> np.ndarray:
        return _prefix(values[self.order])

    def row_sum(self, prefix: np.ndarray, i: np.ndarray, j0: np.ndarray, j1: np.ndarray) -> np.ndarray:
        """Sum of row i over columns [j0, j1), for arrays of (i, j0, j1); 0 for rows outside the band."""
        return self.row_sum_at(prefix, self.row_geometry(i), j0, j1)

    def row_geometry(self, i: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lo, hi, base) of rows i, where base + j is the prefix position of column j; an
        empty span (lo = hi) for rows outside the band, so their sums are 0."""
        return _line_geometry(self.row_lines, i)

    def col_geometry(self, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lo, hi, base) of columns j, as :meth:`row_geometry` for rows."""
        return _line_geometry(self.col_lines, j)

    @staticmethod
    def row_sum_at(prefix: np.ndarray, geometry, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Sum over [start, stop) along the lines whose geometry is given (rows or columns)."""
        lo, hi, base = geometry
        return prefix[base + np.clip(stop, lo, hi)] - prefix[base + np.clip(start, lo, hi)]

    def col_sum(self, prefix: np.ndarray, j: np.ndarray, i0: np.ndarray, i1: np.ndarray) -> np.ndarray:
        """Sum of column j over rows [i0, i1); 0 for columns outside the band."""
        return self.row_sum_at(prefix, self.col_geometry(j), i0, i1)

    def row_top_mean(self, values: np.ndarray, k: int) -> np.ndarray:
        """(rows,) the mean of each band row's k largest values (of all, in a shorter row)."""
        band = self.band
        rows, cols = band.cells()
        return _top_mean(values, rows, cols - band.lo[rows], band.rows, int((band.hi - band.lo).max()), k)

    def col_top_mean(self, values: np.ndarray, k: int) -> np.ndarray:
        """(m+1,) the mean of each band column's k largest values."""
        rows, cols = self.band.cells()
        width = int((self.col_hi - self.col_lo).max())
        return _top_mean(values, cols, rows - self.col_lo[cols], len(self.col_lo), width, k)

    def row_max(self, values: np.ndarray) -> np.ndarray:
        """(rows,) the largest value of each band row."""
        return np.maximum.reduceat(values, self.band.offset[:-1])

    def col_max(self, values: np.ndarray) -> np.ndarray:
        """(m+1,) the largest value of each band column (0 for a column outside the band)."""
        out = np.zeros(len(self.col_lo))
        has = self.col_hi > self.col_lo
        out[has] = np.maximum.reduceat(values[self.order], self.col_offset[:-1][has])
        return out


def _top_mean(values: np.ndarray, line: np.ndarray, position: np.ndarray, lines: int, width: int,
              k: int) -> np.ndarray:
    dense = np.full((lines, max(width, 1)), -np.inf)
    dense[line, position] = values
    k = min(k, dense.shape[1])
    top = -np.partition(-dense, k - 1, axis=1)[:, :k]
    present = np.isfinite(top)
    count = present.sum(axis=1)
    return np.divide(np.where(present, top, 0.0).sum(axis=1), count, out=np.zeros(lines), where=count > 0)


PAD = 9  # more than the widest link reaches past a line (a + 1 for a <= 8)


def _lines(lo: np.ndarray, hi: np.ndarray, start: np.ndarray) -> np.ndarray:
    """(3, lines + 2 * PAD): lo, hi and base (start - lo) of each line, empty lines around."""
    out = np.zeros((3, len(lo) + 2 * PAD), dtype=np.int64)
    out[0, PAD:-PAD], out[1, PAD:-PAD], out[2, PAD:-PAD] = lo, hi, start - lo
    return out


def _line_geometry(lines: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = np.clip(k + PAD, 0, lines.shape[1] - 1)  # lines further out are empty too
    lo, hi, base = lines[:, index]
    return lo, hi, base
