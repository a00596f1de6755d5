"""Dynamic programming over link types: the cheapest monotone path through the bitext."""

from __future__ import annotations

import math
from typing import Callable, Sequence

LinkCost = Callable[[int, int, int, int], float]  # (zh start, zh count, en start, en count)


def link_types(max_link: int) -> list[tuple[int, int]]:
    """0-1, 1-0, 1-1 and every a-b with a, b >= 1, a + b <= max_link + 1 and one side 1 or both 2."""
    types = [(0, 1), (1, 0), (1, 1)]
    for a in range(1, max_link + 1):
        for b in range(1, max_link + 1):
            if (a, b) != (1, 1) and (min(a, b) == 1 or (a, b) == (2, 2)) and a + b <= max_link + 1:
                types.append((a, b))
    return types


def diagonal_band(n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each Chinese position i, the English positions within ``width`` of the diagonal."""
    band = []
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        band.append((max(0, centre - width), min(m, centre + width)))
    return band


def best_path(
    n: int,
    m: int,
    cost: LinkCost,
    skip_cost: float,
    types: Sequence[tuple[int, int]],
    band: Sequence[tuple[int, int]],
) -> list[tuple[int, int, int, int, float]]:
    """Cheapest sequence of links covering n Chinese and m English sentences.

    Returns (zh start, zh count, en start, en count, link cost) tuples in order.
    """
    inf = math.inf
    table: list[dict[int, tuple[float, int, int, float]]] = [dict() for _ in range(n + 1)]
    table[0][0] = (0.0, 0, 0, 0.0)
    for i in range(n + 1):
        low, high = band[i]
        if i == n:
            high = m
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                continue
            best = (inf, 0, 0, 0.0)
            for a, b in types:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                previous = table[pi].get(pj)
                if previous is None:
                    continue
                step = skip_cost if a == 0 or b == 0 else cost(pi, a, pj, b)
                total = previous[0] + step
                if total < best[0]:
                    best = (total, a, b, step)
            if best[0] < inf:
                table[i][j] = best
    if m not in table[n]:
        raise RuntimeError("alignment band does not reach the end of the texts")
    path = []
    i, j = n, m
    while i or j:
        _, a, b, step = table[i][j]
        path.append((i - a, a, j - b, b, step))
        i, j = i - a, j - b
    path.reverse()
    return path
