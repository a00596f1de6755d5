"""Fit the aligner's cost weights and confidence curve on the development gold.

Usage: python bench/fit_aligner.py [--modes semantic,lexical] [--epochs N] [--rounds N]
       [--margin D] [--seed 0,1,2] [--repeat SET=N] [--holdout NAME] [--from-scratch] [--write]

The cost of a link is a weighted sum of its features (:mod:`tmkit.align.cost`). The weights
are fitted with an averaged structured perceptron (Collins 2002): for each development
document, the search runs in a band around the gold path with the current weights; where
the cheapest path differs from the gold one, the weights move by the difference of the
two paths' feature sums, so the gold path gets cheaper and the wrong one dearer. The
average of the weights over all updates is the result. Documents: MAC-Dev's six chapters,
aligner-eval's aca and mag, and TICO-19's five variants (gold at sentence level); the Bible
(gold at verse level) is left for checking. The second pass's inputs (length model refitted
on, and translations learned from, the first path) depend on the weights, so fitting runs
in ``--rounds`` rounds, each preparing the documents with the previous round's weights.
``--margin D`` makes the search loss-augmented while fitting (every link off the gold path D
cheaper: the gold path must win by a margin, the structured-SVM view of the perceptron);
``--seed 0,1,2`` runs one perceptron per shuffling seed and averages their weights, which
removes most of the fit's own noise (one seed against another moves MAC-Dev by about 0.004).

Then the confidence curve: every development document is aligned with the new weights and
a logistic curve P(link correct | cost) is fitted to its matched links (exactly right
against the gold = correct), by maximum likelihood.

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
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align import Dataset, load_aligner_eval, load_mac, load_tico  # noqa: E402

from tmkit.align import AlignOptions, align_steps, link_features, prepare  # noqa: E402
from tmkit.align import weights as current  # noqa: E402
from tmkit.align.band import Band, band_around  # noqa: E402
from tmkit.align.cost import FEATURES, SEMANTIC_FEATURES  # noqa: E402
from tmkit.align.evaluate import score_links  # noqa: E402
from tmkit.align.link import Link  # noqa: E402
from tmkit.align.search import best_path  # noqa: E402

# The hand-set model tmkit had before its weights were fitted, as features of tmkit.align.cost:
# where --from-scratch starts (a held-out check must not start from weights fitted on its set).
HAND_SET = {
    "unmatched": 5.0, "matched": 1.5, "extra_sentences": 2.3, "both_sides_many": 2.0,
    "length_z2": 0.5, "lexical": -6.0, "coverage": 10.0,
    "anchor_match": -2.0, "anchor_miss": 1.0, "label_same": -3.0, "label_different": 3.0,
    "semantic": -10.0,
}
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
    prepared = prepare(zh, en, AlignOptions(semantic=semantic, weights=weights),
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
        example.gold_phi = path_phi(example, local)
        cells = [(prepared.types.index((a, b)), int(sub.index(np.array([i]), np.array([j]))[0][0]))
                 for i, a, j, b in local]
        example.gold_cells = (np.array([t for t, _ in cells]), np.array([c for _, c in cells]))
        examples.append(example)
    return examples


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
        gold = costs[example.gold_cells[0], example.gold_cells[1]]
        costs -= margin
        costs[example.gold_cells[0], example.gold_cells[1]] = gold
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


def fit_confidence(costs: np.ndarray, correct: np.ndarray) -> tuple[float, float]:
    """(midpoint, scale) of P(correct) = 1 / (1 + exp((cost - midpoint) / scale)), maximum likelihood."""

    def loss(params: np.ndarray) -> float:
        midpoint, log_scale = params
        z = (costs - midpoint) / np.exp(log_scale)
        # -log P: log(1 + e^z) for correct links, log(1 + e^-z) for wrong ones
        return float(np.sum(np.logaddexp(0, np.where(correct, z, -z))))

    result = minimize(loss, np.array([float(np.median(costs)), 0.0]), method="Nelder-Mead")
    return float(result.x[0]), float(np.exp(result.x[1]))


def evaluate(datasets: list[Dataset], semantic: bool, weights: dict[str, float]):
    """Strict/lax F1 per dataset, and (cost, correct) of every matched link."""
    rows, costs, correct = [], [], []
    for dataset in datasets:
        gold_docs, test_docs = [], []
        for k, ((zh, en), gold) in enumerate(zip(dataset.docs, dataset.gold)):
            steps = align_steps(zh, en, AlignOptions(semantic=semantic, weights=weights),
                                vectors=vectors_of(zh, en) if semantic else None)
            links = [Link(tuple(range(s.i, s.i + s.a)), tuple(range(s.j, s.j + s.b))) for s in steps]
            gold_set = {(link.zh, link.en) for link in gold}
            for link, step in zip(links, steps):
                if link.zh and link.en:
                    costs.append(step.cost)
                    correct.append((link.zh, link.en) in gold_set)
            gold_docs.append(dataset.units(k, gold))
            test_docs.append(dataset.units(k, links))
        scores = score_links(gold_docs, test_docs)
        rows.append((dataset.name, scores.f1_strict, scores.f1_lax))
    return rows, np.array(costs), np.array(correct)


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
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--from-scratch", action="store_true",
                        help="start from the hand-set model, not from tmkit/align/weights.py")
    parser.add_argument("--repeat", default="", type=lambda text: {k: int(v) for k, v in
                        (item.split("=") for item in text.split(",") if item)},
                        help="show a dataset's examples N times an epoch, e.g. mac=3 (TICO-19's 124 documents "
                             "would otherwise outweigh MAC-Dev's six)")
    args = parser.parse_args()
    all_sets = load_datasets()
    check = [d for name, sets in all_sets.items() for d in sets]
    fitted: dict[str, dict[str, float]] = {}
    confidence: dict[str, tuple[float, float]] = {}
    for mode in args.modes.split(","):
        semantic = mode == "semantic"
        mask = np.array([semantic or name not in SEMANTIC_FEATURES for name in FEATURES], dtype=np.float64)
        weights = dict(current.SEMANTIC if semantic else current.LEXICAL)
        if args.from_scratch:
            weights = {name: value for name, value in HAND_SET.items() if semantic or name != "semantic"}
        for round_ in range(args.rounds):
            start = time.perf_counter()
            examples = [e for name, sets in all_sets.items() if name != args.holdout for d in sets
                        for (zh, en), gold in zip(d.docs, d.gold)
                        for e in make_examples(zh, en, gold, semantic, weights)
                        for _ in range(args.repeat.get(name, 1))]
            print(f"{mode} round {round_ + 1}: {len(examples)} examples prepared in "
                  f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
            start_w = np.array([weights.get(name, 0.0) for name in FEATURES]) * mask
            w = np.mean([perceptron(examples, mask, args.epochs, int(seed), start_w, args.rate, args.margin)
                         for seed in str(args.seed).split(",")], axis=0)
            weights = {name: round(float(v), 4) for name, v in zip(FEATURES, w) if v}
        rows, costs, correct = evaluate(check, semantic, weights)
        confidence[mode] = fit_confidence(costs, correct) if len(costs) else (0.0, 1.0)
        fitted[mode] = weights
        print(f"\n{mode}: weights {weights}\nconfidence midpoint/scale {confidence[mode]}")
        for name, strict, lax in rows:
            flag = " (held out)" if args.holdout and name.startswith(args.holdout[:3]) else ""
            print(f"  {name:24s} strict F1 {strict:.4f}  lax F1 {lax:.4f}{flag}")
    if args.write:
        write_weights(fitted, confidence, args)


def fit_command(args) -> str:
    """The command line that reproduces a mode's fit (recorded in weights.py beside its weights)."""
    parts = [f"--rounds {args.rounds}", f"--epochs {args.epochs}", f"--rate {args.rate}", f"--seed {args.seed}"]
    if args.margin:
        parts.append(f"--margin {args.margin}")
    if args.repeat:
        parts.append("--repeat " + ",".join(f"{k}={v}" for k, v in args.repeat.items()))
    if args.from_scratch:
        parts.append("--from-scratch")
    return " ".join(parts)


def write_weights(fitted: dict[str, dict[str, float]], confidence: dict[str, tuple[float, float]], args) -> None:
    """Rewrite weights.py with the modes fitted now; the other mode keeps its weights and record."""
    previous = getattr(current, "FITTED_WITH", {})
    record = {key: (fit_command(args) if mode in fitted else previous.get(key, "unrecorded"))
              for key, mode in (("SEMANTIC", "semantic"), ("LEXICAL", "lexical"))}
    semantic = fitted.get("semantic", current.SEMANTIC)
    lexical = fitted.get("lexical", current.LEXICAL)
    conf = {"SEMANTIC": confidence.get("semantic", current.CONFIDENCE["SEMANTIC"]),
            "LEXICAL": confidence.get("lexical", current.CONFIDENCE["LEXICAL"])}
    header = (
        '"""Weights of the aligner\'s cost model (:mod:`tmkit.align.cost`), fitted on development gold.\n\n'
        "Written by ``python bench/fit_aligner.py --modes MODE --write`` (averaged structured perceptron\n"
        "over the gold paths of MAC-Dev, aca, mag and TICO-19's variants, each fit starting from the\n"
        "previous weights); FITTED_WITH holds each mode's options. Do not edit by hand. The label\n"
        "weights keep their starting values: no development set has paragraph labels on both sides.\n"
        "CONFIDENCE holds the (midpoint, scale) of the logistic curve P(link right | cost) fitted on\n"
        'the same documents\' links.\n"""\n\n'
    )
    body = "".join(f"{name} = {pprint.pformat(value, width=100, sort_dicts=False)}\n" for name, value in (
        ("SEMANTIC", semantic), ("LEXICAL", lexical),
        ("CONFIDENCE", {key: tuple(round(v, 4) for v in pair) for key, pair in conf.items()}),
        ("FITTED_WITH", record)))
    WEIGHTS_FILE.write_text(header + body, encoding="utf-8")
    print(f"written to {WEIGHTS_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
