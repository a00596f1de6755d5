"""Benchmark: what the optional sentence encoder (tmkit[semantic]) adds to alignment, and what it costs.

Usage: python bench/semantic.py [--datasets aca,mag,tico,bible,seeds] [--neighbours 3] [--seed N]
                                [--over-merge-sample N]

A standalone experiment on the gold alignments of ``../shared/corpora`` (read by the loaders
of ``bench/align.py``), before the encoder is part of the aligner's costs. Chinese to English:

(a) **1-1 links against near misses.** For each gold 1-1 link (i, j), the candidates are the
    English sentences j-k .. j+k (``--neighbours`` k, default 3): the true translation and its
    neighbours' translations, the confusions a monotone aligner can make. Accuracy is the share
    of links whose true translation scores strictly highest, for each kind of evidence:
    ``length`` (log ratio of characters, Gale & Church style, a normal fitted on the dataset's
    own gold, i.e. at its best), ``lexical`` (a CC-CEDICT proxy of the aligner's lexical
    evidence: the share of words with a dictionary translation on the other side, via
    ``tmkit.align.lexicon``), ``cosine`` (the encoder), and logistic-regression combinations of
    them whose weights (nats per unit) are fitted on the *other* datasets (leave one dataset
    out), so the figures are not fitted to the data they judge. AUC: cosine of the true pairs
    against the near misses.
(b) **Merged spans.** For each gold 2-1 and 1-2 link, the cosine of the two sentences
    concatenated (Chinese without a space, English with one, as Bertalign does) against the
    other side, versus each part alone ("> parts": the link beats 1-1 plus a deletion), versus
    the merges shifted by one sentence ("> shifted"), and the sum of the parts' vectors instead
    of a concatenation ("sum > parts": whether spans need their own embedding). "1-1 > merge":
    for sampled gold 1-1 links, the true sentence beats itself merged with a neighbour.
    TICO-19 has only 1-1 links: its 2-1 and 1-2 links are made as in ``bench/align.py``
    (~15 % of adjacent sentences merged, seeded).
(c) **Cost.** Each dataset runs in a fresh process on one BLAS thread: model load time,
    seconds to embed the dataset's Chinese and English sentences once, sentences/s, and peak
    memory (``ru_maxrss``, whole process). ``seeds`` (speed only) embeds the Chinese UN seed
    documents as tmkit segments them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from align import (
    CORPORA,
    Dataset,
    load_aligner_eval,
    load_bible,
    read_tico_documents,
    tico_merge_en,
    tico_merge_zh,
)

from tmkit.align.link import Link
from tmkit.align.semantic import join_span

ALL_DATASETS = ("aca", "mag", "tico", "bible", "seeds")
GOLD_DATASETS = ("aca", "mag", "tico", "bible")
SEEDS = CORPORA.parent / "seeds"
FEATURES = ("length", "lexical", "cosine")
COMBINATIONS = {
    "length+lexical": ("length", "lexical"),
    "length+cosine": ("length", "cosine"),
    "all three": ("length", "lexical", "cosine"),
}


@dataclass
class Pairs:
    """Candidate pairs of the neighbour test: one group per gold 1-1 link, one row per candidate."""

    group: np.ndarray  # (p,) link number
    true: np.ndarray  # (p,) bool: the gold translation
    cosine: np.ndarray
    log_ratio: np.ndarray  # log((English chars + 1) / (Chinese chars + 1))
    lexical: np.ndarray


@dataclass
class Measured:
    """What one worker process measured on one dataset."""

    name: str
    zh_sentences: int
    en_sentences: int
    zh_chars: float  # mean characters per sentence
    en_chars: float
    load_seconds: float
    zh_seconds: float  # wall clock
    en_seconds: float
    cpu_seconds: float  # process CPU time of both (on a busy machine, closer to one free core's time)
    load_mb: float  # peak RSS after loading the model
    peak_mb: float  # peak RSS after embedding the dataset
    identical_rerun: bool  # embedding the same list twice gives the same bits
    batch_difference: float  # largest change of a vector component when batched with other sentences
    pairs: Pairs | None = None
    merges: dict[str, np.ndarray] = field(default_factory=dict)  # link type -> rows of scores
    # rows: true 1-1 cosine, best merge-with-neighbour cosine, and their log length ratios
    over_merge: np.ndarray | None = None


# --------------------------------------------------------------------------- data


def tico_datasets(seed: int) -> list[Dataset]:
    """TICO-19 as it is (1-1), and with English and with Chinese sentences merged (2-1, 1-2)."""
    documents = read_tico_documents(CORPORA / "tico19" / "all.en-zh.tmx")
    plain = Dataset(
        "tico", [([zh for zh, _ in units], [en for _, en in units]) for units in documents],
        [[Link((k,), (k,)) for k in range(len(units))] for units in documents],
    )
    variants = [plain]
    for label, build in (("2-1 merged en", tico_merge_en), ("1-2 merged zh", tico_merge_zh)):
        # Same seeds as bench/align.py's variants, so both benchmarks see the same texts.
        built = [build(units, random.Random(f"{seed}:{label}:{k}")) for k, units in enumerate(documents)]
        variants.append(Dataset(f"tico {label}", [doc for doc, _ in built], [gold for _, gold in built]))
    return variants


def load_datasets(name: str, seed: int) -> list[Dataset]:
    """The dataset to time first, then any variants used only for the merge test."""
    if name == "aca":
        return [load_aligner_eval("aca", "001")]
    if name == "mag":
        return [load_aligner_eval("mag", "003")]
    if name == "bible":
        return [load_bible()]
    if name == "tico":
        return tico_datasets(seed)
    raise ValueError(name)


def seed_sentences() -> list[str]:
    """The Chinese seeds cleaned and segmented as ``tmkit align`` would."""
    from tmkit.clean import clean_extracted_text
    from tmkit.document import Document
    from tmkit.segment import segment_document

    sentences: list[str] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        document = Document(lang="zh", blocks=clean_extracted_text(path.read_text(encoding="utf-8"), "zh"))
        sentences += [sentence.text for sentence in segment_document(document)]
    return sentences


# --------------------------------------------------------------------------- lexical proxy


class LexicalProxy:
    """Share of words with a CC-CEDICT translation on the other side, averaged over both sides.

    A stand-in for the aligner's lexical evidence (its own tokenizer and caps differ), built
    from the same lexicon, so that the encoder is compared with what tmkit already knows.
    """

    def __init__(self) -> None:
        import jieba

        from tmkit.align.lexicon import cedict_lexicon, english_stems

        jieba.setLogLevel(60)
        self._cut = jieba.lcut
        self._stems = english_stems
        self._lexicon = cedict_lexicon()

    def zh_words(self, text: str) -> list[frozenset[str]]:
        return [self._lexicon[word] for word in self._cut(text) if word in self._lexicon]

    def en_stems(self, text: str) -> frozenset[str]:
        return frozenset(self._stems(text))

    @staticmethod
    def similarity(zh_words: Sequence[frozenset[str]], en_stems: frozenset[str]) -> float:
        if not zh_words or not en_stems:
            return 0.0
        zh_share = sum(1 for stems in zh_words if stems & en_stems) / len(zh_words)
        covered = frozenset().union(*zh_words) & en_stems
        return 0.5 * (zh_share + len(covered) / len(en_stems))


# --------------------------------------------------------------------------- worker


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Vectors:
    """Embeddings of texts, computed once each (merge tests reuse the sentences' vectors)."""

    def __init__(self) -> None:
        from tmkit.align.semantic import embed

        self._embed = embed
        self._cache: dict[str, np.ndarray] = {}

    def add(self, texts: Sequence[str]) -> tuple[float, float]:
        """Embed the texts not seen yet; the wall-clock and CPU seconds it took."""
        new = list(dict.fromkeys(text for text in texts if text not in self._cache))
        if not new:
            return 0.0, 0.0
        start, cpu_start = time.perf_counter(), time.process_time()
        vectors = self._embed(new)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        self._cache.update(zip(new, vectors))
        return seconds, cpu_seconds

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.add(texts)
        return np.stack([self._cache[text] for text in texts])


def log_ratio(zh: str, en: str) -> float:
    """log((English + 1) / (Chinese + 1)), in non-space characters: the length model's variable."""
    return float(np.log((len("".join(en.split())) + 1) / (len("".join(zh.split())) + 1)))


def neighbour_pairs(datasets: Sequence[Dataset], vectors: Vectors, lexical: LexicalProxy, k: int) -> Pairs:
    """Every gold 1-1 link's true pair and its near misses (English j-k .. j+k)."""
    group: list[int] = []
    true: list[bool] = []
    cosine: list[float] = []
    ratios: list[float] = []
    lexical_sim: list[float] = []
    for dataset in datasets:
        for (zh, en), gold in zip(dataset.docs, dataset.gold):
            zh_vectors, en_vectors = vectors(zh), vectors(en)
            en_stems = [lexical.en_stems(text) for text in en]
            for link in gold:
                if len(link.zh) != 1 or len(link.en) != 1:
                    continue
                (i,), (j,) = link.zh, link.en
                candidates = range(max(0, j - k), min(len(en), j + k + 1))
                if len(candidates) < 2:
                    continue
                zh_words = lexical.zh_words(zh[i])
                number = group[-1] + 1 if group else 0
                for c in candidates:
                    group.append(number)
                    true.append(c == j)
                    cosine.append(float(zh_vectors[i] @ en_vectors[c]))
                    ratios.append(log_ratio(zh[i], en[c]))
                    lexical_sim.append(lexical.similarity(zh_words, en_stems[c]))
    return Pairs(np.array(group), np.array(true), np.array(cosine), np.array(ratios), np.array(lexical_sim))


def merge_rows(datasets: Sequence[Dataset], vectors: Vectors) -> dict[str, np.ndarray]:
    """Per gold 2-1 / 1-2 link: (concat, best part, best shifted merge, normalised sum of parts)."""
    cases = []  # (link type, single sentence, its two parts, the true and shifted merges)
    for dataset in datasets:
        for (zh, en), gold in zip(dataset.docs, dataset.gold):
            for link in gold:
                if sorted((len(link.zh), len(link.en))) != [1, 2]:
                    continue
                merged_side = "zh" if len(link.zh) == 2 else "en"
                texts, (a, b) = (zh, link.zh) if merged_side == "zh" else (en, link.en)
                single = en[link.en[0]] if merged_side == "zh" else zh[link.zh[0]]
                spans = [(a, b)] + [(s, s + 1) for s in (a - 1, b) if 0 <= s and s + 1 < len(texts)]
                merges = [join_span([texts[s], texts[t]], merged_side) for s, t in spans]
                cases.append(("2-1" if merged_side == "zh" else "1-2", single, [texts[a], texts[b]], merges))
    vectors.add([text for _, single, parts, merges in cases for text in (single, *parts, *merges)])
    rows: dict[str, list[tuple[float, float, float, float]]] = {"2-1": [], "1-2": []}
    for key, single, parts, merges in cases:
        target = vectors([single])[0]
        merged_cos = vectors(merges) @ target
        part_vectors = vectors(parts)
        summed = part_vectors.sum(axis=0)
        summed /= np.linalg.norm(summed)
        shifted = float(merged_cos[1:].max()) if len(merges) > 1 else float("nan")
        rows[key].append((float(merged_cos[0]), float((part_vectors @ target).max()), shifted, float(summed @ target)))
    return {key: np.array(value).reshape(-1, 4) for key, value in rows.items()}


def over_merge_rows(dataset: Dataset, vectors: Vectors, sample: int, seed: int) -> np.ndarray:
    """Sampled gold 1-1 links: the true pair against the English merged with a neighbour.

    Rows: cosine of the true pair, of the best merge, and log length ratios of both.
    """
    links = [
        (doc, link.zh[0], link.en[0])
        for doc, gold in enumerate(dataset.gold)
        for link in gold
        if len(link.zh) == 1 and len(link.en) == 1
    ]
    rng = random.Random(f"{seed}:over-merge:{dataset.name}")
    cases = []  # (Chinese, its translation, the translation merged with each neighbour)
    for doc, i, j in rng.sample(links, min(sample, len(links))):
        zh, en = dataset.docs[doc]
        merges = [join_span(en[s : s + 2], "en") for s in (j - 1, j) if 0 <= s and s + 1 < len(en)]
        if merges:
            cases.append((zh[i], en[j], merges))
    vectors.add([text for zh_text, en_text, merges in cases for text in (zh_text, en_text, *merges)])
    rows = []
    for zh_text, en_text, merges in cases:
        target = vectors([zh_text])[0]
        merge_cos = vectors(merges) @ target
        best = merges[int(merge_cos.argmax())]
        rows.append((float(vectors([en_text])[0] @ target), float(merge_cos.max()),
                     log_ratio(zh_text, en_text), log_ratio(zh_text, best)))
    return np.array(rows).reshape(-1, 4)


def measure(name: str, neighbours: int, seed: int, over_merge_sample: int) -> Measured:
    """Run in a fresh process: load the encoder, embed the dataset, collect the scores."""
    from tmkit.align import semantic

    if not semantic.available():
        raise SystemExit(semantic.INSTALL_MESSAGE)
    if name == "seeds":
        datasets = [Dataset("seeds", [(seed_sentences(), [])], [[]])]
    else:
        datasets = load_datasets(name, seed)
    start = time.perf_counter()
    semantic.embed(["预热。"])  # loads the model
    load_seconds = time.perf_counter() - start
    load_mb = _peak_mb()
    vectors = Vectors()
    zh = [text for zh_doc, _ in datasets[0].docs for text in zh_doc]
    en = [text for _, en_doc in datasets[0].docs for text in en_doc]
    (zh_seconds, zh_cpu), (en_seconds, en_cpu) = vectors.add(zh), vectors.add(en)
    peak_mb = _peak_mb()
    sample = (zh + en)[:200]
    rerun = semantic.embed(sample)
    identical = bool(np.array_equal(rerun, semantic.embed(sample)))
    batch_difference = float(np.abs(rerun - vectors(sample)).max())
    result = Measured(
        name, len(zh), len(en), float(np.mean([len(t) for t in zh])) if zh else 0.0,
        float(np.mean([len(t) for t in en])) if en else 0.0,
        load_seconds, zh_seconds, en_seconds, zh_cpu + en_cpu, load_mb, peak_mb, identical, batch_difference,
    )
    if name != "seeds":
        result.pairs = neighbour_pairs(datasets[:1], vectors, LexicalProxy(), neighbours)
        result.merges = merge_rows(datasets, vectors)
        result.over_merge = over_merge_rows(datasets[0], vectors, over_merge_sample, seed)
    return result


# --------------------------------------------------------------------------- analysis


def length_costs(pairs: Pairs, ratios: np.ndarray | None = None) -> np.ndarray:
    """0.5 z^2 of log length ratios (default: the pairs') under a normal fitted on the true pairs.

    The normal's mean and spread are the median and MAD of the true pairs' ratios, as the
    aligner estimates them from its confident links.
    """
    true_ratios = pairs.log_ratio[pairs.true]
    median = float(np.median(true_ratios))
    sigma = max(0.05, 1.4826 * float(np.median(np.abs(true_ratios - median))))
    return 0.5 * ((pairs.log_ratio if ratios is None else ratios) - median) ** 2 / sigma**2


def feature_matrix(pairs: Pairs, names: Sequence[str]) -> np.ndarray:
    """Columns oriented so that larger means likelier: -length cost, lexical, cosine."""
    columns = {"length": -length_costs(pairs), "lexical": pairs.lexical, "cosine": pairs.cosine}
    return np.column_stack([columns[name] for name in names])


def fit_logistic(x: np.ndarray, y: np.ndarray, iterations: int = 50) -> np.ndarray:
    """Weights (intercept first) of a logistic regression, by Newton's method with a tiny ridge."""
    design = np.column_stack([np.ones(len(x)), x])
    weights = np.zeros(design.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (y - p) - 1e-6 * weights
        hessian = (design * (p * (1 - p))[:, None]).T @ design + 1e-6 * np.eye(len(weights))
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def top1_accuracy(pairs: Pairs, score: np.ndarray) -> float:
    """Share of groups whose true candidate scores strictly above every other candidate."""
    groups = pairs.group
    count = groups.max() + 1
    best_false = np.full(count, -np.inf)
    np.maximum.at(best_false, groups[~pairs.true], score[~pairs.true])
    true_score = np.full(count, np.nan)
    true_score[groups[pairs.true]] = score[pairs.true]
    return float(np.mean(true_score > best_false))


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    negative = np.sort(negative)
    below = np.searchsorted(negative, positive, side="left")
    not_above = np.searchsorted(negative, positive, side="right")
    return float(np.mean(below + 0.5 * (not_above - below)) / len(negative))


def pooled_weights(results: Sequence[Measured], names: Sequence[str]) -> np.ndarray:
    """Logistic weights of ``names`` (no intercept) fitted on the neighbour pairs of ``results``."""
    x = np.vstack([feature_matrix(r.pairs, names) for r in results])
    y = np.concatenate([r.pairs.true for r in results]).astype(float)
    return fit_logistic(x, y)[1:]


def neighbour_table(results: Sequence[Measured]) -> list[str]:
    """Table (a) and the weights fitted on all datasets together."""
    gold = [r for r in results if r.pairs is not None]
    header = ("| dataset | 1-1 links | length | lexical | cosine | " + " | ".join(COMBINATIONS)
              + " | AUC cosine | mean cos true / near miss |")
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for held_out in gold:
        pairs = held_out.pairs
        cells = [f"{top1_accuracy(pairs, feature_matrix(pairs, (f,))[:, 0]):.3f}" for f in FEATURES]
        for names in COMBINATIONS.values():
            weights = pooled_weights([r for r in gold if r is not held_out] or [held_out], names)
            cells.append(f"{top1_accuracy(pairs, feature_matrix(pairs, names) @ weights):.3f}")
        true, false = pairs.cosine[pairs.true], pairs.cosine[~pairs.true]
        lines.append(f"| {held_out.name} | {int(pairs.true.sum()):,} | " + " | ".join(cells)
                     + f" | {auc(true, false):.3f} | {true.mean():.2f} / {false.mean():.2f} |")
    lines.append("")
    lines.append("Logistic weights (nats per unit; length = per nat of length cost), fitted per dataset and on all:")
    for names in COMBINATIONS.values():
        for r in [*gold, None]:
            weights = pooled_weights(gold if r is None else [r], names)
            label = "all" if r is None else r.name
            lines.append(f"  {'+'.join(names):24} {label:6} " + "  ".join(f"{n} {w:6.2f}" for n, w in zip(names, weights)))
    lines.append("Cosine at even odds (the 'expected' of a cost -w * (cos - expected)), prior odds made 1:1:")
    for r in [*gold, None]:
        chosen = gold if r is None else [r]
        y = np.concatenate([c.pairs.true for c in chosen])
        bias, weight = fit_logistic(np.concatenate([c.pairs.cosine for c in chosen])[:, None], y.astype(float))
        even = -(bias + np.log((~y).sum() / y.sum())) / weight
        lines.append(f"  {'all' if r is None else r.name:6} w {weight:6.2f}  expected {even:.3f}")
    return lines


def over_merge_cell(r: Measured, weights: np.ndarray) -> str:
    """Share of sampled 1-1 links whose true pair beats the merge, by cosine and with length."""
    over = r.over_merge
    if over is None or not len(over):
        return "-"
    true_cos, merge_cos, true_ratio, merge_ratio = over.T
    w_length, w_cosine = weights
    true_score = w_cosine * true_cos - w_length * length_costs(r.pairs, true_ratio)
    merge_score = w_cosine * merge_cos - w_length * length_costs(r.pairs, merge_ratio)
    return f"{np.mean(true_cos > merge_cos):.3f} / {np.mean(true_score > merge_score):.3f} ({len(over)})"


def merge_table(results: Sequence[Measured]) -> list[str]:
    """Table (b); the over-merge test with length uses the length+cosine weights fitted on all."""
    header = ("| dataset | link | n | concat > parts | concat > shifted | sum > parts "
              "| mean cos concat / best part | 1-1 > merge: cosine / +length (n) |")
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    gold = [r for r in results if r.pairs is not None]
    weights = pooled_weights(gold, COMBINATIONS["length+cosine"]) if gold else np.zeros(2)
    for r in gold:
        over_cell = over_merge_cell(r, weights)
        for key, rows in r.merges.items():
            if not len(rows):
                continue
            concat, part, shifted, summed = rows.T
            has_shift = ~np.isnan(shifted)
            lines.append(
                f"| {r.name} | {key} | {len(rows)} | {np.mean(concat > part):.3f} "
                f"| {np.mean(concat[has_shift] > shifted[has_shift]):.3f} | {np.mean(summed > part):.3f} "
                f"| {concat.mean():.2f} / {part.mean():.2f} | {over_cell} |"
            )
            over_cell = ""
    return lines


def cost_table(results: Sequence[Measured]) -> list[str]:
    """Table (c)."""
    header = ("| dataset | zh sent. | en sent. | mean chars zh / en | load s | embed zh s | embed en s "
              "| sent/s zh / en | CPU s (sent/CPU s) | peak MB (after load) | rerun identical | batch effect |")
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for r in results:
        zh_rate = r.zh_sentences / r.zh_seconds if r.zh_seconds else float("nan")
        en_rate = r.en_sentences / r.en_seconds if r.en_seconds and r.en_sentences else float("nan")
        lines.append(
            f"| {r.name} | {r.zh_sentences:,} | {r.en_sentences:,} | {r.zh_chars:.0f} / {r.en_chars:.0f} "
            f"| {r.load_seconds:.2f} | {r.zh_seconds:.2f} | {r.en_seconds:.2f} | {zh_rate:,.0f} / {en_rate:,.0f} "
            f"| {r.cpu_seconds:.2f} ({(r.zh_sentences + r.en_sentences) / r.cpu_seconds:,.0f}) "
            f"| {r.peak_mb:.0f} ({r.load_mb:.0f}) | {'yes' if r.identical_rerun else 'NO'} | {r.batch_difference:.1e} |"
        )
    return lines


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default=",".join(ALL_DATASETS),
                        type=lambda text: [name for name in text.split(",") if name])
    parser.add_argument("--neighbours", type=int, default=3, help="near misses on each side (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the TICO-19 merges (as bench/align.py)")
    parser.add_argument("--over-merge-sample", type=int, default=1000,
                        help="gold 1-1 links per dataset for the '1-1 > merge' test")
    args = parser.parse_args(argv)
    unknown = set(args.datasets) - set(ALL_DATASETS)
    if unknown:
        parser.error(f"unknown datasets {sorted(unknown)}; choose from {', '.join(ALL_DATASETS)}")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if not CORPORA.is_dir():
        raise SystemExit(f"no corpora at {CORPORA}: the benchmark needs ../shared/corpora beside the repository")
    context = multiprocessing.get_context("spawn")
    results = []
    for name in args.datasets:  # one at a time: the timings are one core's
        with context.Pool(1) as pool:
            result = pool.apply(measure, (name, args.neighbours, args.seed, args.over_merge_sample))
        print(f"{name}: embedded {result.zh_sentences + result.en_sentences:,} sentences in "
              f"{result.zh_seconds + result.en_seconds:.1f} s", file=sys.stderr, flush=True)
        results.append(result)
    print(f"(a) Chinese -> English: top-1 accuracy of the true translation among the +-{args.neighbours} "
          "neighbours (combinations: weights fitted on the other datasets)\n")
    print("\n".join(neighbour_table(results)))
    print("\n(b) merged spans (cosine), 2-1 = two Chinese sentences : one English, 1-2 = one : two\n")
    print("\n".join(merge_table(results)))
    print("\n(c) cost on one BLAS thread (fresh process per dataset)\n")
    print("\n".join(cost_table(results)))


if __name__ == "__main__":
    main()
