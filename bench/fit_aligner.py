"""Fit the aligner's cost weights, and the temperature of its links' probabilities, on the dev gold.

Usage: python bench/fit_aligner.py [--modes semantic,lexical] [--objective crf|perceptron]
       [--rounds N] [--l2 X] [--swallow X] [--margin D] [--epochs N] [--rate R] [--seed 0,1,2]
       [--repeat SET=N] [--staged FEATURE,...] [--holdout NAME] [--from-scratch] [--write]

The cost of a link is a weighted sum of its features (:mod:`tmkit.align.cost`). Documents:
MAC-Dev's six chapters, aligner-eval's aca and mag, and TICO-19's five variants (gold at
sentence level), each cut into runs of CHUNK_LINKS gold links searched in a band around their
gold path; the Bible (gold at verse level) is left for checking. Two objectives:

* ``--objective crf`` (bench/crf.py): the weights that make the gold paths most probable, a
  path's probability being exp(-cost) over the sum for every path of the band; L-BFGS on the
  convex negative log-likelihood plus ``--l2`` times half the squared weights. ``--margin D``
  and ``--swallow X`` make it softmax-margin: links off the gold path count D cheaper while
  fitting, and X more for each sentence the gold leaves unmatched that they would take in.
* ``--objective perceptron``: an averaged structured perceptron (Collins 2002): where the
  cheapest path of a run differs from the gold one, the weights move by ``--rate`` times the
  difference of the two paths' feature sums; ``--margin D`` makes that search loss-augmented,
  ``--seed 0,1,2`` averages one perceptron per shuffling seed (one seed against another moves
  MAC-Dev by about 0.004).

Both start from tmkit/align/weights.py, or from the hand-set model with ``--from-scratch``.
The second pass's inputs (length model refitted on, and translations learned from, the first
path) depend on the weights, so fitting runs in ``--rounds`` rounds, each preparing the
documents with the previous round's weights. The word rates of the second pass without
embeddings (tmkit.align.learned.translation_rates) are left out while fitting and are there
when the documents are aligned for the temperature and the printed F1: the weights carry to
chapters left out of the fit better so (tmkit.align.WORD_RATES; README).

``--staged F1,F2`` leaves those features out of the rounds and fits them afterwards, alone,
with every other weight held at its fitted value (crf; the documents prepared with the last
round's weights): a feature that helps when added to a model but, fitted jointly with the rest,
moves the other weights in a way that costs unseen text (without embeddings the quotation
features: README, *How the aligner works*).

Then the temperature: every development document is aligned with the new weights, and the
scale T of the costs under which its matched links' probabilities (forward-backward,
:mod:`tmkit.align.posterior`) best predict which links are right is fitted by maximum
likelihood; the script prints F1 per dataset, the probabilities' ranking AUC and their
calibration table. ``--rounds 0`` fits the temperature alone.

``--holdout NAME`` leaves a dataset (mac, aca, mag, tico) out of the fit and reports its
F1 with weights fitted on the rest: the check that the weights generalise. ``--write``
rewrites ``tmkit/align/weights.py``.
"""

from __future__ import annotations

import argparse
import pprint
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize, minimize_scalar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align import Dataset, load_aligner_eval, load_mac, load_tico  # noqa: E402
from crf import negative_log_likelihood  # noqa: E402

from tmkit.align import FINE_MARGIN, AlignOptions, final_search_costs, link_features, prepare  # noqa: E402
from tmkit.align import weights as current  # noqa: E402
from tmkit.align.band import Band, band_around  # noqa: E402
from tmkit.align.cost import FEATURES, SEMANTIC_FEATURES  # noqa: E402
from tmkit.align.evaluate import score_links  # noqa: E402
from tmkit.align.link import Link  # noqa: E402
from tmkit.align.posterior import link_marginals  # noqa: E402
from tmkit.align.search import best_path  # noqa: E402

# The hand-set model tmkit had before its weights were fitted, as features of tmkit.align.cost:
# where --from-scratch starts (a held-out check must not start from weights fitted on its set).
HAND_SET = {
    "unmatched": 5.0, "matched": 1.5, "extra_sentences": 2.3, "both_sides_many": 2.0,
    "length_z2": 0.5, "lexical": -6.0, "coverage": 10.0,
    "anchor_match": -2.0, "anchor_miss": 1.0, "label_same": -3.0, "label_different": 3.0,
    "semantic": -10.0,
}
# Features no development set shows (no dev set labels paragraphs on both sides): they keep
# their starting weights, which an L2 penalty would otherwise pull to 0.
LEARNED = np.array([name not in ("label_same", "label_different") for name in FEATURES], dtype=np.float64)
WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "tmkit" / "align" / "weights.py"


def load_datasets() -> dict[str, list[Dataset]]:
    return {
        "mac": [load_mac()],
        "aca": [load_aligner_eval("aca", "001")],
        "mag": [load_aligner_eval("mag", "003")],
        "tico": load_tico(0),
    }


@dataclass
class Example:
    """One document prepared for fitting: every type's features in a band around the gold path."""

    band: object
    features: list[np.ndarray]  # per type: (F, band.size) float32
    valid: list[np.ndarray]  # per type: (band.size,) bool
    types: list[tuple[int, int]]
    gold_phi: np.ndarray  # (F,) feature sum of the gold path
    gold: list[tuple[int, int, int, int]]  # (i, a, j, b) of the gold links
    gold_cells: tuple[np.ndarray, np.ndarray] = (np.zeros(0, int), np.zeros(0, int))  # (type, cell) of each
    # per type: (band.size,) how many sentences the gold leaves unmatched a matched link would take
    swallowed: list[np.ndarray] | None = None


def _gold_steps(gold: list[Link]) -> list[tuple[int, int, int, int]] | None:
    """The gold links as search steps (i, a, j, b), or None where they are not a monotone path."""
    steps, i, j = [], 0, 0
    for link in sorted(gold, key=lambda g: (min(g.zh, default=10**9), min(g.en, default=10**9))):
        a, b = len(link.zh), len(link.en)
        if (link.zh and link.zh[0] != i) or (link.en and link.en[0] != j):
            return None
        if a and b:
            steps.append((i, a, j, b))
        else:  # unmatched sentences one at a time
            steps += [(i + k, 1, j, 0) for k in range(a)] + [(i, 0, j + k, 1) for k in range(b)]
        i, j = i + a, j + b
    return steps


_VECTORS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def vectors_of(zh: list[str], en: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sentence vectors of a document, computed once per run (rounds and modes reuse them)."""
    from tmkit.align.semantic import sentence_vectors

    key = hash((tuple(zh), tuple(en)))
    if key not in _VECTORS:
        _VECTORS[key] = (sentence_vectors(zh), sentence_vectors(en))
    return _VECTORS[key]


FIT_MARGIN = 8  # band around the gold path while fitting: wrong paths may stray this far from it
CHUNK_LINKS = 24  # gold links per fitting example: small examples make small, steady updates


def make_examples(zh: list[str], en: list[str], gold: list[Link], semantic: bool,
                  weights: dict[str, float]) -> list[Example]:
    """A document's fitting examples: runs of CHUNK_LINKS gold links, each searched in a band
    around its gold path from its first state to its last."""
    prepared = prepare(zh, en, AlignOptions(semantic=semantic, weights=weights, word_rates=False),
                       vectors=vectors_of(zh, en) if semantic else None)
    steps = _gold_steps(gold)
    if steps is None or any((a, b) not in prepared.types for _, a, _, b in steps):
        return []
    states = [(0, 0)] + [(i + a, j + b) for i, a, j, b in steps]
    band = band_around(states, len(zh), len(en), FIT_MARGIN)
    lf = link_features(prepared.bitext, band, prepared.length, prepared.types, prepared.shapes)
    features = [lf.of_type(t).astype(np.float32) for t in range(len(prepared.types))]
    examples = []
    for k in range(0, len(steps), CHUNK_LINKS):
        part = steps[k : k + CHUNK_LINKS]
        (i0, j0), (i1, j1) = states[k], states[k + len(part)]
        lo = np.clip(band.lo[i0 : i1 + 1], j0, j1) - j0
        hi = np.clip(band.hi[i0 : i1 + 1], j0, j1 + 1) - j0
        hi = np.maximum(hi, lo + 1)
        hi[-1] = j1 - j0 + 1
        sub = Band.from_bounds(lo, hi)
        rows, cols = sub.cells()
        index, inside = band.index(rows + i0, cols + j0)
        sub_features, sub_valid = [], []
        for t, (a, b) in enumerate(prepared.types):
            x = np.where(inside, features[t][:, index], 0.0).astype(np.float32)
            sub_features.append(x)
            sub_valid.append(inside & (rows + a <= i1 - i0) & (cols + b <= j1 - j0))
        local = [(i - i0, a, j - j0, b) for i, a, j, b in part]
        example = Example(sub, sub_features, sub_valid, prepared.types, np.zeros(len(FEATURES)), local)
        example.swallowed = _swallowed(local, rows, cols, prepared.types, i1 - i0, j1 - j0)
        example.gold_phi = path_phi(example, local)
        cells = [(prepared.types.index((a, b)), int(sub.index(np.array([i]), np.array([j]))[0][0]))
                 for i, a, j, b in local]
        example.gold_cells = (np.array([t for t, _ in cells]), np.array([c for _, c in cells]))
        examples.append(example)
    return examples


def _swallowed(steps, rows: np.ndarray, cols: np.ndarray, types, n: int, m: int) -> list[np.ndarray]:
    """Per link type, at each cell: the sentences that the gold leaves unmatched and a matched
    link starting there would take into it."""
    zh = np.zeros(n + 1)
    en = np.zeros(m + 1)
    for i, a, j, b in steps:
        if not b:
            zh[i] = 1
        if not a:
            en[j] = 1
    zh_prefix, en_prefix = np.concatenate(([0], np.cumsum(zh))), np.concatenate(([0], np.cumsum(en)))
    out = []
    for a, b in types:
        if not (a and b):
            out.append(np.zeros(len(rows), np.float32))
            continue
        taken = (zh_prefix[np.minimum(rows + a, n + 1)] - zh_prefix[np.minimum(rows, n + 1)]
                 + en_prefix[np.minimum(cols + b, m + 1)] - en_prefix[np.minimum(cols, m + 1)])
        out.append(taken.astype(np.float32))
    return out


def path_phi(example: Example, steps) -> np.ndarray:
    phi = np.zeros(len(FEATURES))
    for i, a, j, b in steps:
        cell, _ = example.band.index(np.array([i]), np.array([j]))
        phi += example.features[example.types.index((a, b))][:, cell[0]]
    return phi


def decode(example: Example, w: np.ndarray, margin: float = 0.0) -> list[tuple[int, int, int, int]]:
    """The cheapest path; with ``margin``, every link not in the gold path is that much cheaper
    (loss-augmented search: the weights must then prefer the gold path by a margin)."""
    costs = np.full((len(example.types), example.band.size), np.inf)
    for t, (x, valid) in enumerate(zip(example.features, example.valid)):
        costs[t, valid] = (w @ x)[valid]
    if margin:
        costs -= augment(example, margin, 0.0)
    return [(s.i, s.a, s.j, s.b) for s in best_path(example.band, costs, example.types)]


def perceptron(examples: list[Example], mask: np.ndarray, epochs: int, seed: int,
               start: np.ndarray, rate: float, margin: float = 0.0) -> np.ndarray:
    """Averaged structured perceptron over the features in ``mask``, from ``start``."""
    w = start.copy()
    total = np.zeros(len(FEATURES))
    count = 0
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1.0 + epoch)
        errors = 0
        for k in order:
            example = examples[k]
            predicted = decode(example, w, margin)
            if predicted != example.gold:
                errors += len(set(predicted) ^ set(example.gold))
                w += step * (path_phi(example, predicted) - example.gold_phi) * mask
            total += w
            count += 1
        print(f"  epoch {epoch + 1}: {errors} differing links", file=sys.stderr, flush=True)
    return total / count


def crf_fit(examples: list[Example], mask: np.ndarray, start: np.ndarray, l2: float,
            margin: float = 0.0, swallow: float = 0.0) -> np.ndarray:
    """The weights that minimise the examples' summed -log P(gold path) + l2/2 |w|^2 (bench/crf.py),
    over the features in ``mask``, by L-BFGS from ``start``; the others keep their start values."""
    stacked = [np.stack(e.features) for e in examples]
    valid = [np.array(e.valid) for e in examples]
    augments = [augment(e, margin, swallow) for e in examples]
    free = np.flatnonzero(mask)
    calls = [0]

    def objective(x: np.ndarray) -> tuple[float, np.ndarray]:
        w = start.copy()
        w[free] = x
        total, gradient = 0.5 * l2 * float(x @ x), l2 * x
        for example, features, ok, extra in zip(examples, stacked, valid, augments):
            loss, grad = negative_log_likelihood(example.band, example.types, features, ok, example.gold_cells,
                                                 example.gold_phi, w, extra)
            total += loss
            gradient = gradient + grad[free]
        calls[0] += 1
        if calls[0] % 10 == 0:
            print(f"  evaluation {calls[0]}: -log P {total:.1f}", file=sys.stderr, flush=True)
        return total, gradient

    result = minimize(objective, start[free], jac=True, method="L-BFGS-B", options={"maxiter": 500, "ftol": 1e-7})
    print(f"  L-BFGS: {result.nit} iterations, {calls[0]} evaluations, -log P {result.fun:.1f} ({result.message})",
          file=sys.stderr, flush=True)
    w = start.copy()
    w[free] = result.x
    return w


def augment(example: Example, margin: float, swallow: float) -> np.ndarray | None:
    """How much cheaper each candidate link counts while fitting (softmax-margin, bench/crf.py):
    ``margin`` for every link off the gold path, ``swallow`` more for each sentence the gold
    leaves unmatched that the link would take in (losing a sentence inside a wrong unit is worse
    for a translator than a boundary one sentence off)."""
    if not margin and not swallow:
        return None
    extra = np.full((len(example.types), example.band.size), margin)
    if swallow:
        extra += swallow * np.array(example.swallowed)
    extra[example.gold_cells[0], example.gold_cells[1]] = 0.0
    return extra


CALIBRATION_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0001)


def ranking_auc(scores: np.ndarray, correct: np.ndarray) -> float:
    """The chance that a right link scores above a wrong one (ties count one half)."""
    from scipy.stats import rankdata

    right = int(correct.sum())
    wrong = len(correct) - right
    if not right or not wrong:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[correct].sum() - right * (right + 1) / 2) / (right * wrong))


def calibration(probabilities: np.ndarray, correct: np.ndarray) -> list[tuple[float, float, int, float]]:
    """(low, high, links, share right) of the matched links by their probability: a probability
    that means what it says has a share right inside its bin."""
    rows = []
    for low, high in zip(CALIBRATION_BINS[:-1], CALIBRATION_BINS[1:]):
        inside = (probabilities >= low) & (probabilities < high)
        if inside.any():
            rows.append((low, min(high, 1.0), int(inside.sum()), float(correct[inside].mean())))
    return rows


@dataclass
class Aligned:
    """One development document aligned with fitted weights: what the temperature is fitted on."""

    band: Band
    costs: np.ndarray  # (types, band cells) float32, as the final search saw them
    types: list[tuple[int, int]]
    steps: list  # the path (Step)
    correct: np.ndarray  # (steps,) bool: the link is a gold link (False for unmatched steps: unused)
    matched: np.ndarray  # (steps,) bool: the link pairs sentences (its score is its probability)


def align_document(zh: list[str], en: list[str], gold: list[Link], semantic: bool,
                   weights: dict[str, float]) -> Aligned:
    """The final search of :func:`tmkit.align.align_steps` (at temperature 1), with its costs kept."""
    prepared = prepare(zh, en, AlignOptions(semantic=semantic, weights=weights),
                       vectors=vectors_of(zh, en) if semantic else None)
    band, costs = final_search_costs(prepared, weights, FINE_MARGIN[semantic])
    steps = best_path(band, costs, prepared.types)
    gold_set = {(link.zh, link.en) for link in gold}
    correct = np.array([(tuple(range(s.i, s.i + s.a)), tuple(range(s.j, s.j + s.b))) in gold_set for s in steps])
    matched = np.array([bool(s.a and s.b) for s in steps])
    return Aligned(band, costs, prepared.types, steps, correct, matched)


def evaluate(datasets: list[Dataset], semantic: bool, weights: dict[str, float]):
    """Strict/lax F1 per dataset, and every document's alignment (for the temperature)."""
    rows, aligned = [], []
    for dataset in datasets:
        gold_docs, test_docs = [], []
        for k, ((zh, en), gold) in enumerate(zip(dataset.docs, dataset.gold)):
            document = align_document(zh, en, gold, semantic, weights)
            aligned.append(document)
            links = [Link(tuple(range(s.i, s.i + s.a)), tuple(range(s.j, s.j + s.b))) for s in document.steps]
            gold_docs.append(dataset.units(k, gold))
            test_docs.append(dataset.units(k, links))
        scores = score_links(gold_docs, test_docs)
        rows.append((dataset.name, scores.f1_strict, scores.f1_lax))
    return rows, aligned


def aligned_names(datasets: list[Dataset]) -> list[str]:
    """The dataset name of each document, in the order :func:`evaluate` aligns them."""
    return [dataset.name for dataset in datasets for _ in dataset.docs]


def probabilities(aligned: list[Aligned], temperature: float) -> tuple[np.ndarray, np.ndarray]:
    """(probability, correct) of every matched link, the costs divided by ``temperature``."""
    p = [link_marginals(d.band, d.costs / np.float32(temperature), d.types, d.steps)[d.matched] for d in aligned]
    c = [d.correct[d.matched] for d in aligned]
    return np.concatenate(p), np.concatenate(c)


def fit_temperature(aligned: list[Aligned]) -> float:
    """The temperature T that makes the links' probabilities (costs / T) most likely to tell
    right links from wrong ones (maximum likelihood of the right/wrong outcomes). A model
    fitted as a CRF is already on this scale (T near 1); a perceptron's weights are not."""

    def loss(log_t: float) -> float:
        p, correct = probabilities(aligned, float(np.exp(log_t)))
        p = np.clip(p, 1e-9, 1 - 1e-9)
        return float(-np.sum(np.where(correct, np.log(p), np.log1p(-p))))

    result = minimize_scalar(loss, bounds=(np.log(0.05), np.log(20.0)), method="bounded",
                             options={"xatol": 1e-3})
    return round(float(np.exp(result.x)), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--holdout", choices=["mac", "aca", "mag", "tico"], default=None)
    parser.add_argument("--modes", default="semantic,lexical")
    parser.add_argument("--seed", default="0", help="shuffling seed; several (0,1,2): one perceptron "
                        "each, their weights averaged (the fit's own noise, about +-0.004 on MAC-Dev, averages out)")
    parser.add_argument("--rate", type=float, default=0.02, help="perceptron step (weights start at the current ones)")
    parser.add_argument("--margin", type=float, default=0.0,
                        help="loss-augmented search: links off the gold path are this much cheaper while fitting")
    parser.add_argument("--objective", choices=["perceptron", "crf"], default="perceptron",
                        help="crf: maximise the gold paths' probability (bench/crf.py) with L-BFGS")
    parser.add_argument("--l2", type=float, default=1.0, help="crf: L2 penalty on the weights")
    parser.add_argument("--swallow", type=float, default=0.0,
                        help="crf: links that take in a sentence the gold leaves unmatched count this much "
                             "cheaper while fitting, per sentence")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--from-scratch", action="store_true",
                        help="start from the hand-set model, not from tmkit/align/weights.py")
    parser.add_argument("--repeat", default="", type=lambda text: {k: int(v) for k, v in
                        (item.split("=") for item in text.split(",") if item)},
                        help="show a dataset's examples N times an epoch, e.g. mac=3 (TICO-19's 124 documents "
                             "would otherwise outweigh MAC-Dev's six)")
    parser.add_argument("--staged", default="", type=lambda text: [name for name in text.split(",") if name],
                        help="crf: features fitted after the rounds, alone, the other weights held")
    args = parser.parse_args()
    unknown = [name for name in args.staged if name not in FEATURES]
    if unknown or (args.staged and args.objective != "crf"):
        parser.error(f"--staged: unknown features {unknown}" if unknown else "--staged needs --objective crf")
    all_sets = load_datasets()
    check = [d for name, sets in all_sets.items() for d in sets]
    fitted: dict[str, dict[str, float]] = {}
    temperature: dict[str, float] = {}
    for mode in args.modes.split(","):
        semantic = mode == "semantic"
        mask = np.array([(semantic or name not in SEMANTIC_FEATURES) and name not in args.staged
                         for name in FEATURES], dtype=np.float64)
        weights = dict(current.SEMANTIC if semantic else current.LEXICAL)
        if args.from_scratch:
            weights = {name: value for name, value in HAND_SET.items() if semantic or name != "semantic"}
        for round_ in range(args.rounds):
            start = time.perf_counter()
            examples = fit_examples(all_sets, semantic, weights, args)
            print(f"{mode} round {round_ + 1}: {len(examples)} examples prepared in "
                  f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
            start_w = np.array([weights.get(name, 0.0) for name in FEATURES]) * mask
            if args.objective == "crf":
                w = crf_fit(examples, mask * LEARNED, start_w, args.l2, args.margin, args.swallow)
            else:
                w = np.mean([perceptron(examples, mask, args.epochs, int(seed), start_w, args.rate, args.margin)
                             for seed in str(args.seed).split(",")], axis=0)
            weights = {name: round(float(v), 4) for name, v in zip(FEATURES, w) if v}
        if args.staged and args.rounds:
            examples = fit_examples(all_sets, semantic, weights, args)
            staged = np.array([name in args.staged for name in FEATURES], dtype=np.float64)
            w = crf_fit(examples, staged, np.array([weights.get(name, 0.0) for name in FEATURES]), args.l2,
                        args.margin, args.swallow)
            weights = {name: round(float(v), 4) for name, v in zip(FEATURES, w) if v}
        rows, aligned = evaluate(check, semantic, weights)
        temperature[mode] = fit_temperature(aligned)
        fitted[mode] = weights
        print(f"\n{mode}: weights {weights}\ntemperature {temperature[mode]}")
        for name, strict, lax in rows:
            flag = " (held out)" if args.holdout and name.startswith(args.holdout[:3]) else ""
            print(f"  {name:24s} strict F1 {strict:.4f}  lax F1 {lax:.4f}{flag}")
        p, correct = probabilities(aligned, temperature[mode])
        mac = [d for d, name in zip(aligned, aligned_names(check)) if name == "mac-dev"]
        print(f"  matched links by probability (right links above wrong ones: AUC {ranking_auc(p, correct):.3f}; "
              f"MAC-Dev {ranking_auc(*probabilities(mac, temperature[mode])):.3f}):")
        for low, high, count, right in calibration(p, correct):
            print(f"    {low:.2f}-{high:.2f}: {count:5d} links, {100 * right:5.1f} % right")
    if args.write:
        write_weights(fitted, temperature, args)


def fit_examples(all_sets: dict[str, list[Dataset]], semantic: bool, weights: dict[str, float], args) -> list[Example]:
    """The fitting runs of every development document but the held-out set's, prepared with ``weights``."""
    return [e for name, sets in all_sets.items() if name != args.holdout for d in sets
            for (zh, en), gold in zip(d.docs, d.gold)
            for e in make_examples(zh, en, gold, semantic, weights)
            for _ in range(args.repeat.get(name, 1))]


def fit_command(args) -> str:
    """The command line that reproduces a mode's fit (recorded in weights.py beside its weights)."""
    if args.objective == "crf":
        parts = [f"--objective crf --rounds {args.rounds} --l2 {args.l2}"]
        if args.swallow:
            parts.append(f"--swallow {args.swallow}")
        if args.staged:
            parts.append("--staged " + ",".join(args.staged))
    else:
        parts = [f"--rounds {args.rounds}", f"--epochs {args.epochs}", f"--rate {args.rate}", f"--seed {args.seed}"]
    if args.margin:
        parts.append(f"--margin {args.margin}")
    if args.repeat:
        parts.append("--repeat " + ",".join(f"{k}={v}" for k, v in args.repeat.items()))
    if args.from_scratch:
        parts.append("--from-scratch")
    return " ".join(parts)


def write_weights(fitted: dict[str, dict[str, float]], temperature: dict[str, float], args) -> None:
    """Rewrite weights.py with the modes fitted now; the other mode keeps its weights and record."""
    previous = getattr(current, "FITTED_WITH", {})
    # (--rounds 0 fits the temperature alone: the weights and their record stay)
    record = {key: (fit_command(args) if mode in fitted and args.rounds else previous.get(key, "unrecorded"))
              for key, mode in (("SEMANTIC", "semantic"), ("LEXICAL", "lexical"))}
    semantic = fitted.get("semantic", current.SEMANTIC)
    lexical = fitted.get("lexical", current.LEXICAL)
    temperatures = {"SEMANTIC": temperature.get("semantic", current.TEMPERATURE["SEMANTIC"]),
                    "LEXICAL": temperature.get("lexical", current.TEMPERATURE["LEXICAL"])}
    header = (
        '"""Weights of the aligner\'s cost model (:mod:`tmkit.align.cost`), fitted on development gold.\n\n'
        "Written by ``python bench/fit_aligner.py --modes MODE --write`` over the gold paths of MAC-Dev,\n"
        "aca, mag and TICO-19's variants; FITTED_WITH holds each mode's options (``--objective crf``:\n"
        "maximum likelihood of the gold paths, from the hand-set start with --from-scratch; otherwise\n"
        "an averaged structured perceptron from the previous weights). Do not edit by hand. The label\n"
        "weights keep their starting values: no development set has paragraph labels on both sides.\n"
        "TEMPERATURE holds each mode's cost scale under which link probabilities (forward-backward,\n"
        'tmkit.align.posterior) are most likely on the same documents\' links.\n"""\n\n'
    )
    body = "".join(f"{name} = {pprint.pformat(value, width=100, sort_dicts=False)}\n" for name, value in (
        ("SEMANTIC", semantic), ("LEXICAL", lexical),
        ("TEMPERATURE", temperatures),
        ("FITTED_WITH", record)))
    WEIGHTS_FILE.write_text(header + body, encoding="utf-8")
    print(f"written to {WEIGHTS_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
