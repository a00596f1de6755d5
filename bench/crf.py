"""The objective the aligner's weights are fitted with: the probability of the gold path.

The aligner's cost of a path is the sum of its links' costs, each linear in the link's
features (``w @ x``). Read as a log-linear model, P(path) = exp(-cost(path)) / Z, where Z
sums exp(-cost) over every monotone path of the band: a linear-chain CRF over the search
states (Lafferty et al. 2001), whose negative log-likelihood of the gold path is convex in
``w``. Its gradient is the gold path's feature sum less the features expected under the
model, which forward-backward (:mod:`tmkit.align.posterior`, the same code that gives each
aligned link its probability) computes over the same band and link types as the search.

``bench/fit_aligner.py --objective crf`` minimises the summed negative log-likelihood of the
development documents' gold paths plus an L2 penalty with L-BFGS: one optimum, whatever the
start and the order of the documents, unlike a perceptron's walk. An ``augment`` array makes
it a softmax-margin CRF (Gimpel & Smith 2010): the links off the gold path count that much
cheaper, so the gold path must win by that margin.
"""

from __future__ import annotations

import numpy as np

from tmkit.align.band import Band
from tmkit.align.posterior import link_probabilities


def negative_log_likelihood(band: Band, types: list[tuple[int, int]], features: np.ndarray, valid: np.ndarray,
                            gold_cells: tuple[np.ndarray, np.ndarray], gold_phi: np.ndarray, w: np.ndarray,
                            augment: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """-log P(gold path) and its gradient in ``w``. ``features`` is (types, F, cells), ``valid``
    (types, cells) the links that can be taken; ``augment`` (types, cells), 0 on the gold links,
    makes the other links that much cheaper."""
    costs = np.einsum("f,tfc->tc", w, features)
    if augment is not None:
        costs -= augment
    costs[~valid] = np.inf
    log_z, probabilities = link_probabilities(band, costs, types)
    expected = np.einsum("tc,tfc->f", probabilities, features)
    return float(costs[gold_cells[0], gold_cells[1]].sum()) + log_z, gold_phi - expected
