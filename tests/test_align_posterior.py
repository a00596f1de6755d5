"""Links' probabilities (tmkit.align.posterior) and the objective the weights are fitted with
(bench/crf.py), against brute force.

Forward-backward must give the log of the summed exp(-cost) of every monotone path and each
link's probability of being on the path; the fitting gradient must be the derivative of the
negative log-likelihood of the gold path. Small bands are enumerated path by path.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from tmkit.align import align
from tmkit.align.band import band_around, full_band
from tmkit.align.posterior import link_marginals, link_probabilities
from tmkit.align.search import best_path, link_types

REPO = Path(__file__).resolve().parents[1]


def _costs(band, types, n, m, seed):
    rows, cols = band.cells()
    costs = np.random.default_rng(seed).normal(2.0, 1.0, (len(types), band.size))
    for t, (a, b) in enumerate(types):
        costs[t, (rows + a > n) | (cols + b > m)] = np.inf
    return costs


def _paths(band, types, n, m):
    """Every monotone path from (0, 0) to (n, m) inside the band, as (type, start cell) lists."""
    out = []

    def extend(i, j, cells):
        if (i, j) == (n, m):
            out.append(cells)
            return
        cell, _ = band.index(np.array([i]), np.array([j]))
        for t, (a, b) in enumerate(types):
            if i + a <= n and j + b <= m and band.index(np.array([i + a]), np.array([j + b]))[1][0]:
                extend(i + a, j + b, cells + [(t, int(cell[0]))])

    extend(0, 0, [])
    return out


@pytest.mark.parametrize("n, m, banded", [(3, 4, False), (4, 3, False), (1, 3, False), (6, 5, True)])
def test_probabilities_sum_over_every_path(n, m, banded):
    types = link_types(3, 5)
    band = band_around([(0, 0), (2, 2), (4, 3), (n, m)], n, m, 1) if banded else full_band(n, m)
    costs = _costs(band, types, n, m, n * 10 + m)
    log_z, probabilities = link_probabilities(band, costs, types)
    paths = _paths(band, types, n, m)
    path_costs = np.array([sum(costs[t, c] for t, c in path) for path in paths])
    expected_log_z = float(np.logaddexp.reduce(-path_costs))
    expected = np.zeros_like(costs)
    for path, cost in zip(paths, path_costs):
        for t, c in path:
            expected[t, c] += math.exp(-cost - expected_log_z)
    assert log_z == pytest.approx(expected_log_z, abs=1e-9)
    assert np.abs(probabilities - expected).max() < 1e-9
    # The links of the cheapest path: their probabilities are the same numbers, from float32 too.
    steps = best_path(band, costs, types)
    on_path = [expected[types.index((s.a, s.b)), band.index(np.array([s.i]), np.array([s.j]))[0][0]] for s in steps]
    assert link_marginals(band, costs, types, steps) == pytest.approx(on_path, abs=1e-9)
    assert link_marginals(band, costs.astype(np.float32), types, steps) == pytest.approx(on_path, abs=1e-5)


def test_sharp_costs_put_all_probability_on_the_cheapest_path():
    n, m = 5, 6
    types = link_types(3, 5)
    band = full_band(n, m)
    costs = _costs(band, types, n, m, 3)
    steps = best_path(band, costs, types)
    log_z, probabilities = link_probabilities(band, 1000.0 * costs, types)
    assert -log_z / 1000.0 == pytest.approx(sum(s.cost for s in steps), abs=1e-6)
    on_path = {(types.index((s.a, s.b)), int(band.index(np.array([s.i]), np.array([s.j]))[0][0])) for s in steps}
    assert {tuple(x) for x in np.argwhere(probabilities > 0.5)} == on_path


def test_a_doubtful_link_gets_a_doubtful_probability():
    """An English sentence that belongs to no Chinese one: the link that takes it in and the one
    that leaves it out compete, and neither can be near certain, while the clear links are."""
    zh = ["安全理事会审议了秘书长的报告。", "大会通过了关于可持续发展的决议。", "会议在主席宣布闭幕后结束。"]
    en = ["The Security Council considered the report of the Secretary-General.",
          "The General Assembly adopted a resolution on sustainable development.",
          "It was a long day.",
          "The meeting ended after the President declared it closed."]
    links = align(zh, en)
    assert [(link.zh, link.en) for link in links][0] == ((0,), (0,))
    assert links[0].score > 0.9
    doubtful = [link for link in links if 2 in link.en]
    assert doubtful[0].score < 0.8  # below the review threshold



@pytest.fixture(scope="module")
def crf():
    spec = importlib.util.spec_from_file_location("crf", REPO / "bench" / "crf.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["crf"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("margin", [0.0, 0.7])
def test_fitting_gradient_is_the_derivative_of_the_negative_log_likelihood(crf, margin):
    n, m, features = 4, 5, 3
    types = link_types(3, 5)
    band = full_band(n, m)
    rows, cols = band.cells()
    valid = np.array([(rows + a <= n) & (cols + b <= m) for a, b in types])
    x = np.random.default_rng(5).normal(0.0, 1.0, (len(types), features, band.size))
    gold = [(1, 1, 0, 0), (1, 2, 1, 1), (2, 2, 2, 3)]  # (a, b, i, j): 1-1, 1-2, 2-2
    cells = [int(band.index(np.array([i]), np.array([j]))[0][0]) for _, _, i, j in gold]
    gold_cells = (np.array([types.index((a, b)) for a, b, _, _ in gold]), np.array(cells))
    gold_phi = x[gold_cells[0], :, gold_cells[1]].sum(axis=0)
    augment = np.full((len(types), band.size), margin)
    augment[gold_cells[0], gold_cells[1]] = 0.0

    def nll(w):
        return crf.negative_log_likelihood(band, types, x, valid, gold_cells, gold_phi, w, augment)

    w = np.array([0.3, -0.2, 0.5])
    loss, gradient = nll(w)
    assert loss > 0  # the gold path is one path of many
    for k in range(features):
        step = np.zeros(features)
        step[k] = 1e-6
        assert gradient[k] == pytest.approx((nll(w + step)[0] - nll(w - step)[0]) / 2e-6, rel=1e-5, abs=1e-7)
