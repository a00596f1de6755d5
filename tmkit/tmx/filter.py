"""Keep the units whose alignment the aligner was sure enough of.

A memory made by automatic alignment holds some wrong pairs, and they cluster at
low ``x-score``. A translator who prefers fewer but safer matches drops the units
below a threshold; units without a score (from other tools) are dropped too unless
asked for, since nothing says they are safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tmkit.tmx.merge import best_score
from tmkit.tmx.writer import TranslationUnit

__all__ = ["FilterStats", "filter_by_score"]


@dataclass
class FilterStats:
    kept: int = 0
    below: int = 0  #: units whose x-score is under the threshold
    unscored: int = 0  #: units without a usable x-score that were dropped


def filter_by_score(
    units: Iterable[TranslationUnit], min_score: float, stats: FilterStats, *, keep_unscored: bool = False
) -> Iterator[TranslationUnit]:
    """The units with ``x-score >= min_score``, in order; ``stats`` counts what was dropped."""
    for unit in units:
        score = best_score(unit)
        if score is None and not keep_unscored:
            stats.unscored += 1
        elif score is not None and score < min_score:
            stats.below += 1
        else:
            stats.kept += 1
            yield unit
