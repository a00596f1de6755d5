"""How unlikely a candidate link is: a cost (about a negative log-likelihood, in nats).

A link's cost adds up independent pieces of evidence:

* a prior for its type (Gale & Church: 1-1 is by far the commonest link);
* a length model in the style of Gale & Church, on the log ratio of English to Chinese
  characters, whose mean and spread are estimated from the bitext itself;
* lexical evidence: the share of the link's words that have a translation on the other
  side, against the share expected of a true link;
* anchors: tokens both sides share (numbers, dates, symbols) make a link likelier;
  anchors on one side only make it less likely;
* paragraph labels (``16.``, ``(a)``): the same label at the start of both sides is
  strong evidence, different labels strong counter-evidence.

All of it is computed for every link type at every state of the search band at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from tmkit.align.band import Band
from tmkit.align.evidence import PairEvidence, UnitTotals
from tmkit.align.features import Bitext

# Link-type priors, as costs relative to 1-1: Gale & Church's (1993) by the number of
# sentences in the link, except 2-2, which also gathers the lexical evidence of four
# sentence pairs and would otherwise swallow two adjacent 1-1 links.
PRIOR_COST = {2: 0.0, 3: 2.3, 4: 4.5, 5: 6.5, 6: 8.5}
TWO_TWO_PRIOR = 6.5
SKIP_COST = 5.0
ANCHOR_MATCH_BONUS = 2.0
ANCHOR_MISS_PENALTY = 1.0
MAX_ANCHOR_EFFECT = 6.0
LABEL_EFFECT = 3.0
# Sentence-embedding cosine (optional): -weight * (cos - expected). The break-even cosine and
# the weight come from bench/semantic.py's fit and a sweep on aca/mag (W 0/10/20/35: aca .984/.987/
# .984/.973, mag .962/.963/.963/.943; larger links get no cosine, so a heavy weight starves them).
SEMANTIC_WEIGHT = 10.0
SEMANTIC_EXPECTED = 0.47


@dataclass(frozen=True)
class LengthModel:
    """log(English chars / Chinese chars) ~ Normal(mean, sigma)."""

    mean: float
    sigma: float

    def cost(self, zh_length: np.ndarray, en_length: np.ndarray) -> np.ndarray:
        z = (np.log((en_length + 1.0) / (zh_length + 1.0)) - self.mean) / self.sigma
        return 0.5 * z * z


@dataclass(frozen=True)
class LexicalModel:
    """Cost ``-weight * (similarity - expected)`` for a link's lexical similarity."""

    weight: float = 6.0
    expected: float = 0.25

    def cost(self, similarity: np.ndarray) -> np.ndarray:
        return -self.weight * (similarity - self.expected)


@dataclass(frozen=True)
class CostModel:
    length: LengthModel
    lexical: LexicalModel = LexicalModel()


def initial_length_model(bitext: Bitext) -> LengthModel:
    """Mean from the whole texts; a wide spread until links are known."""
    return LengthModel(mean=math.log((bitext.en_length.sum() + 1) / (bitext.zh_length.sum() + 1)), sigma=0.45)


def fit_length_model(zh_length: np.ndarray, en_length: np.ndarray, fallback: LengthModel) -> LengthModel:
    """Re-estimate the model from the lengths of confident 1-1 links (median and MAD)."""
    if len(zh_length) < 10:
        return fallback
    ratios = np.log((en_length + 1.0) / (zh_length + 1.0))
    median = float(np.median(ratios))
    mad = float(np.median(np.abs(ratios - median)))
    return LengthModel(mean=median, sigma=min(0.8, max(0.15, 1.4826 * mad)))


def prior_cost(a: int, b: int) -> float:
    return TWO_TWO_PRIOR if (a, b) == (2, 2) else PRIOR_COST.get(a + b, 10.0)


def _span_sums(prefix: np.ndarray, start: np.ndarray, count: int) -> np.ndarray:
    end = np.minimum(start + count, len(prefix) - 1)
    return prefix[end] - prefix[np.minimum(start, len(prefix) - 1)]


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1)
    np.cumsum(values, out=out[1:])
    return out


def link_costs(
    bitext: Bitext,
    band: Band,
    evidence: PairEvidence,
    totals: UnitTotals,
    model: CostModel,
    types: Sequence[tuple[int, int]],
) -> np.ndarray:
    """(len(types), band.size): the cost of a link of each type starting at each band state.

    ``inf`` where the link would run past the end of a text.
    """
    n, m = bitext.n, bitext.m
    i, j = band.cells()
    costs = np.full((len(types), band.size), np.inf)
    stacked = np.stack([evidence.zh_hits, evidence.en_hits, evidence.anchors])
    sums = {name: _prefix(values) for name, values in (
        ("zh_length", bitext.zh_length), ("en_length", bitext.en_length),
        ("zh_known", totals.zh_known), ("en_known", totals.en_known),
        ("zh_anchors", totals.zh_anchors), ("en_anchors", totals.en_anchors))}
    label = np.zeros(band.size)
    opens = (i < n) & (j < m)
    zh_label = np.where(opens, bitext.zh_label[np.minimum(i, n - 1)] if n else -1, -1)
    en_label = np.where(opens, bitext.en_label[np.minimum(j, m - 1)] if m else -1, -1)
    both = (zh_label >= 0) & (en_label >= 0)
    label[both] = np.where(zh_label[both] == en_label[both], -LABEL_EFFECT, LABEL_EFFECT)
    gathered: dict[tuple[int, int], np.ndarray] = {}  # evidence of pair (i + r, j + c), by (r, c)

    def pair_at(r: int, c: int) -> np.ndarray:
        if (r, c) not in gathered:
            index, inside = band.index(i + r, j + c)
            gathered[r, c] = np.where(inside, stacked[:, index], 0.0)
        return gathered[r, c]

    spans: dict[tuple[str, int], np.ndarray] = {}  # sums over a link's sentences, by quantity and count

    def span(name: str, count: int) -> np.ndarray:
        if (name, count) not in spans:
            spans[name, count] = _span_sums(sums[name], i if name.startswith("zh") else j, count)
        return spans[name, count]

    for t, (a, b) in enumerate(types):
        valid = (i + a <= n) & (j + b <= m)
        if a == 0 or b == 0:
            costs[t, valid] = SKIP_COST
            continue
        pair = sum(pair_at(r, c) for r in range(a) for c in range(b))
        zh_known, en_known = span("zh_known", a), span("en_known", b)
        known = zh_known + en_known
        hits = np.minimum(pair[0], zh_known) + np.minimum(pair[1], en_known)
        similarity = np.divide(hits, known, out=np.zeros(band.size), where=known > 0)
        lexical = np.where(known > 0, model.lexical.cost(similarity), 0.0)
        zh_anchors, en_anchors = span("zh_anchors", a), span("en_anchors", b)
        matched = np.minimum(pair[2], np.minimum(zh_anchors, en_anchors))
        missing = zh_anchors + en_anchors - 2 * matched
        anchor = np.clip(-ANCHOR_MATCH_BONUS * matched + ANCHOR_MISS_PENALTY * missing,
                         -MAX_ANCHOR_EFFECT, MAX_ANCHOR_EFFECT)
        length = model.length.cost(span("zh_length", a), span("en_length", b))
        total = prior_cost(a, b) + length + lexical + anchor + label
        if a > 1 or b > 1:
            total += _coverage_cost(pair_at, totals, i, j, a, b)
        if evidence.semantic is not None and (a, b) in evidence.semantic:
            total -= SEMANTIC_WEIGHT * (evidence.semantic[a, b] - SEMANTIC_EXPECTED)
        costs[t, valid] = total[valid]
    return costs


COVERAGE_FLOOR = 0.2
COVERAGE_WEIGHT = 10.0


def _coverage_cost(pair_at, totals: UnitTotals, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
    """Every sentence of a many-sentence link must itself be (partly) translated.

    The link's similarity is a share over all its words, so an untranslated sentence
    merged into a well-matched neighbour dilutes it only a little; a 1-2 link would then
    beat the truthful 1-1 plus 0-1. Each sentence whose own share of words with a
    translation on the other side falls below COVERAGE_FLOOR costs in proportion. The
    share is of all its words, not only those with a translation somewhere in the other
    text: an untranslated sentence's words often have none, which is itself the sign.
    """
    cost = np.zeros(len(i))
    sides = [(0, totals.zh_words, i + r, [(r, c) for c in range(b)]) for r in range(a)] if a > 1 else []
    sides += [(1, totals.en_words, j + c, [(r, c) for r in range(a)]) for c in range(b)] if b > 1 else []
    for side, known, unit, pairs in sides:
        unit_known = known[np.minimum(unit, len(known) - 1)] if len(known) else np.zeros(len(i))
        hits = sum(pair_at(r, c)[side] for r, c in pairs)
        share = np.divide(hits, unit_known, out=np.ones(len(i)), where=unit_known > 0)
        cost += COVERAGE_WEIGHT * np.maximum(0.0, COVERAGE_FLOOR - share)
    return cost


CONFIDENCE_MIDPOINT = 9.0
CONFIDENCE_SCALE = 3.0


def confidence(cost: np.ndarray | float) -> np.ndarray | float:
    """A link's cost as the probability that it is right.

    A logistic curve fitted to the share of correct links by cost on the development sets
    (aca, mag, TICO-19 with deletions; 4,837 links): 98-99 % of links costing under 0
    are right, 94 % at 0-1, 88 % at 1-2, 85 % at 2-4, 77 % at 4-6, about 60 % above 6.
    """
    return 1.0 / (1.0 + np.exp((np.asarray(cost) - CONFIDENCE_MIDPOINT) / CONFIDENCE_SCALE))
