"""How unlikely a candidate link is: a cost (negative log-likelihood, in nats).

A length model in the style of Gale & Church, on the log ratio of English to Chinese
characters (whose mean and spread are estimated from the bitext itself), plus number
anchors: numbers that appear on both sides make a link likelier, numbers on only one
side make it less likely.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from tmkit.align.features import SentenceFeatures

# Gale & Church (1993) link-type priors, as costs relative to 1-1.
PRIOR_COST = {1: 0.0, 2: 2.3, 3: 4.5, 4: 6.5, 5: 8.5}
NUMBER_MATCH_BONUS = 2.0
NUMBER_MISS_PENALTY = 1.0
MAX_NUMBER_EFFECT = 6.0


@dataclass(frozen=True)
class LengthModel:
    """log(English chars / Chinese chars) ~ Normal(mean, sigma)."""

    mean: float
    sigma: float

    def cost(self, zh_len: int, en_len: int) -> float:
        ratio = math.log((en_len + 1.0) / (zh_len + 1.0))
        z = (ratio - self.mean) / self.sigma
        return 0.5 * z * z


def initial_length_model(zh: Sequence[SentenceFeatures], en: Sequence[SentenceFeatures]) -> LengthModel:
    """Mean from the whole texts; a wide spread until links are known."""
    zh_total = sum(f.length for f in zh) + 1
    en_total = sum(f.length for f in en) + 1
    return LengthModel(mean=math.log(en_total / zh_total), sigma=0.45)


def fit_length_model(pairs: Sequence[tuple[int, int]], fallback: LengthModel) -> LengthModel:
    """Re-estimate the model from the lengths of confident 1-1 links (median and MAD)."""
    ratios = sorted(math.log((e + 1.0) / (z + 1.0)) for z, e in pairs)
    if len(ratios) < 10:
        return fallback
    median = ratios[len(ratios) // 2]
    mad = sorted(abs(r - median) for r in ratios)[len(ratios) // 2]
    sigma = min(0.8, max(0.15, 1.4826 * mad))
    return LengthModel(mean=median, sigma=sigma)


def number_cost(zh_numbers: Sequence[str], en_numbers: Sequence[str]) -> float:
    """Negative when numbers match across the link, positive for numbers on one side only."""
    if not zh_numbers and not en_numbers:
        return 0.0
    zh_counts, en_counts = Counter(zh_numbers), Counter(en_numbers)
    matched = sum((zh_counts & en_counts).values())
    missing = sum((zh_counts - en_counts).values()) + sum((en_counts - zh_counts).values())
    cost = -NUMBER_MATCH_BONUS * matched + NUMBER_MISS_PENALTY * missing
    return max(-MAX_NUMBER_EFFECT, min(MAX_NUMBER_EFFECT, cost))


def label_cost(zh_labels: Sequence[str], en_labels: Sequence[str]) -> float:
    """Paragraph labels (16.1, 14., (a)) are the same in both languages."""
    if not zh_labels or not en_labels:
        return 0.0
    return -3.0 if set(zh_labels) & set(en_labels) else 3.0


LEXICAL_WEIGHT = 6.0
LEXICAL_EXPECTED = 0.25


def lexical_similarity(zh: Sequence[SentenceFeatures], en: Sequence[SentenceFeatures], lexicon) -> float | None:
    """Share of words on both sides that have a translation on the other side (None: no words)."""
    en_stems = {s for f in en for s in f.words}
    zh_words = [w for f in zh for w in f.words]
    if not zh_words or not en_stems:
        return None
    translations = set().union(*(f.translations for f in zh))
    zh_hits = sum(1 for w in zh_words if lexicon[w] & en_stems)
    en_words = [s for f in en for s in f.words]
    en_hits = sum(1 for s in en_words if s in translations)
    return (zh_hits + en_hits) / (len(zh_words) + len(en_words))


def link_cost(
    zh: Sequence[SentenceFeatures],
    en: Sequence[SentenceFeatures],
    model: LengthModel,
    lexicon=None,
) -> float:
    """Cost of linking the Chinese sentences ``zh`` with the English sentences ``en``."""
    zh_len = sum(f.length for f in zh)
    en_len = sum(f.length for f in en)
    zh_numbers = [n for f in zh for n in f.numbers]
    en_numbers = [n for f in en for n in f.numbers]
    # Labels only count where a sentence starts its block, i.e. carries the label first.
    zh_labels = [f.label for f in zh[:1] if f.label]
    en_labels = [f.label for f in en[:1] if f.label]
    prior = PRIOR_COST.get(max(len(zh), len(en)) + min(len(zh), len(en)) - 1, 10.0)
    lexical = 0.0
    if lexicon is not None:
        similarity = lexical_similarity(zh, en, lexicon)
        if similarity is not None:
            lexical = -LEXICAL_WEIGHT * (similarity - LEXICAL_EXPECTED)
    return (
        prior
        + lexical
        + model.cost(zh_len, en_len)
        + number_cost(zh_numbers, en_numbers)
        + label_cost(zh_labels, en_labels)
    )


def confidence(cost: float) -> float:
    """Map a link cost to a confidence in [0, 1]: 0.95 for a perfect 1-1, 0.5 at cost 3."""
    return 1.0 / (1.0 + math.exp(cost - 3.0))
