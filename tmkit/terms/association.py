"""Association measures for co-occurrence counts (pure functions).

Both term extraction steps use them: whether two Chinese tokens form a unit, and whether
a Chinese and an English candidate translate each other. Counts are over aligned units
(a unit either contains a candidate or not), as in Smadja et al. (1996) and Daille (1996).
"""

from __future__ import annotations

import math

__all__ = ["log_likelihood", "dice"]


def _xlogx(k: float, expected: float) -> float:
    return k * math.log(k / expected) if k > 0 else 0.0


def log_likelihood(both: int, first: int, second: int, total: int) -> float:
    """Dunning's (1993) log-likelihood ratio G² of a 2×2 contingency table, signed.

    ``both`` units hold both items, ``first``/``second`` hold each, ``total`` units in all.
    The sign is negative when the two co-occur less than chance would have them, so that
    ranking by the value never promotes repulsion.
    """
    k11 = both
    k12 = first - both
    k21 = second - both
    k22 = total - first - second + both
    if min(k11, k12, k21, k22) < 0 or total <= 0:
        raise ValueError("inconsistent contingency counts")
    rows = (k11 + k12, k21 + k22)
    cols = (k11 + k21, k12 + k22)
    g2 = 0.0
    for k, row, col in ((k11, rows[0], cols[0]), (k12, rows[0], cols[1]), (k21, rows[1], cols[0]),
                        (k22, rows[1], cols[1])):
        if k:
            g2 += _xlogx(k, row * col / total)
    g2 *= 2
    return g2 if k11 * total >= first * second else -g2


def dice(both: int, first: int, second: int) -> float:
    """Dice's coefficient 2·both / (first + second): 1 when the two always occur together."""
    return 2 * both / (first + second) if first + second else 0.0
