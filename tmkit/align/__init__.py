"""Sentence alignment of Chinese and English texts.

``align(zh_sentences, en_sentences) -> list[Link]``: every sentence in exactly one
link, links in order and never crossing, each with a confidence in [0, 1].

Links hold up to eight sentences (a + b <= 8); a link's cost is a weighted sum of its
features (:mod:`tmkit.align.cost`), the weights fitted on development gold
(:mod:`tmkit.align.weights`, ``bench/fit_aligner.py``). The search is coarse-to-fine
(vecalign's recursion, Bertalign's two steps): long texts are first aligned as runs of
sentences, halving the run length at each level, with links of up to five sentences, and
each finer level searches only a band around the coarser path, so time and memory grow
linearly with length. Where both texts number their paragraphs, same-numbered paragraphs
split them first into stretches aligned independently. A second pass then re-estimates
the length model from the 1-1 links of the first, adds the word translations its
cheapest links teach (Dice), without embeddings weights each word by how often the first
path's links translate it, and searches a band around the first path with every link
type. A link's confidence is its probability given every other path through that band
(:mod:`tmkit.align.posterior`): the model whose weights were fitted to make the gold paths
probable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Sequence

import numpy as np

from tmkit.align import weights as fitted
from tmkit.align.band import Band, band_around, full_band, project_path
from tmkit.align.cost import (
    FEATURES,
    CostModel,
    LengthModel,
    LinkFeatures,
    fit_length_model,
    initial_length_model,
    shape_surprise,
)
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import Bitext, bitext_features
from tmkit.align.learned import learned_translations, translation_rates
from tmkit.align.link import Link
from tmkit.align.paragraphs import paragraph_anchors, stretches
from tmkit.align.posterior import link_marginals
from tmkit.align.search import Step, best_path, link_types
from tmkit.align.tokens import aligner_tokenizer

__all__ = ["AlignOptions", "Link", "align"]

DEFAULT_MAX_LINK = 7
FULL_SEARCH_UNITS = 250  # texts up to this many units per side are searched in full
COARSE_MARGIN = 4  # band margin, in units, around a coarse path projected to the next level
# Band margin, in sentences, of the final search around the first path: the smallest margin at
# which every dev set keeps its ±8 F1, 4 with embeddings (Bible 0.988 either way) and 3 without
# (every dev set's links the same as at 4; the --no-semantic Bible alignment 5 % faster, which
# pays for part of the links' probabilities).
FINE_MARGIN = {True: 4, False: 3}  # by AlignOptions.semantic
FIRST_PASS_SENTENCES = 5  # the first pass (and coarse levels) look for links of up to 5 sentences
# The cheapest share of 1-1 links of the first pass teach the second (learned translations).
# Without embeddings, on MAC-Dev's chapters left out of the fit (tmkit.align.learned): 0.4 ->
# 0.845 but mag 0.976 -> 0.972, 0.6 -> 0.844, 0.8 -> 0.841, all of them -> 0.840; with
# embeddings 0.4 -> 0.895, 0.6 -> 0.896, 0.8 -> 0.896.
CONFIDENT_SHARE = 0.6


def link_features(bitext: Bitext, band: Band, length: LengthModel, types: Sequence[tuple[int, int]],
                  shapes: Mapping[int, float] | None = None) -> LinkFeatures:
    """The features of every candidate link of ``band``."""
    return LinkFeatures(bitext, band, pair_evidence(bitext, band), unit_totals(bitext), length, types, shapes)


def _search(bitext: Bitext, band: Band, model: CostModel, types: list[tuple[int, int]],
            shapes: Mapping[int, float] | None = None) -> list[Step]:
    features = link_features(bitext, band, model.length, types, shapes)
    return best_path(band, lambda start, stop: features.block_costs(model.weights, start, stop), types)


def _states(steps: Sequence[Step]) -> list[tuple[int, int]]:
    return [(0, 0)] + [(s.i + s.a, s.j + s.b) for s in steps]


def _coarse_to_fine(bitext: Bitext, model: CostModel, types: list[tuple[int, int]]) -> list[Step]:
    """Align ``bitext``, first as pairs of units when it is long."""
    n, m = bitext.n, bitext.m
    if max(n, m) <= FULL_SEARCH_UNITS:
        return _search(bitext, full_band(n, m), model, types)
    coarse = _coarse_to_fine(bitext.coarsen(2), model, types)
    band = band_around(project_path(_states(coarse), 2, n, m), n, m, COARSE_MARGIN)
    return _search(bitext, band, model, types)


def _first_pass(bitext: Bitext, model: CostModel, types: list[tuple[int, int]],
                anchors: Sequence[tuple[int, int]]) -> list[Step]:
    """Each stretch between paragraph anchors aligned on its own, coarse to fine."""
    steps: list[Step] = []
    skip = float(model.weights[FEATURES.index("unmatched")])  # the cost of an unmatched sentence
    for i0, i1, j0, j1 in stretches(bitext.n, bitext.m, anchors):
        if i0 == i1 or j0 == j1:
            steps += [Step(i, 1, j0, 0, skip) for i in range(i0, i1)]
            steps += [Step(i1, 0, j, 1, skip) for j in range(j0, j1)]
            continue
        part = _coarse_to_fine(bitext.part(slice(i0, i1), slice(j0, j1)), model, types)
        steps += [Step(s.i + i0, s.a, s.j + j0, s.b, s.cost) for s in part]
    return steps


@dataclass(frozen=True)
class Prepared:
    """What the final search needs: the features (with learned translations), the refitted
    length model, the first path, the link types, and how common each link shape was."""

    bitext: Bitext
    length: LengthModel
    first: list[Step]
    types: list[tuple[int, int]]
    shapes: dict[int, float]


# Whether the second pass weights each word by how often the first path's links translate it
# (tmkit.align.learned.translation_rates), by AlignOptions.semantic. Measured with the weights
# fitted without the rates (strict F1): without embeddings MAC-Dev 0.836 -> 0.850, and 0.836 ->
# 0.844 on chapters left out of the fit, the other dev sets the same or better; with embeddings
# MAC-Dev 0.899 -> 0.897 (left out 0.896 -> 0.890), aca 0.993 -> 0.992, mag 0.985 -> 0.983, so not there.
WORD_RATES = {True: False, False: True}


def weights_for(semantic: bool) -> Mapping[str, float]:
    return fitted.SEMANTIC if semantic else fitted.LEXICAL


@dataclass(frozen=True)
class AlignOptions:
    """How to align, whatever the document: the options of :func:`align`, in one place."""

    max_link: int = DEFAULT_MAX_LINK
    term_pairs: Sequence[tuple[str, str]] = ()
    semantic: bool = False
    weights: Mapping[str, float] | None = None  # None: the fitted weights of the mode
    word_rates: bool | None = None  # None: as WORD_RATES says for the mode

    @property
    def cost_weights(self) -> Mapping[str, float]:
        return weights_for(self.semantic) if self.weights is None else self.weights

    @property
    def rates(self) -> bool:
        return WORD_RATES[self.semantic] if self.word_rates is None else self.word_rates

    @property
    def temperature(self) -> float:
        """The scale of the costs under which links' probabilities are calibrated (fitted with
        the weights; 1 for weights given by hand)."""
        return fitted.TEMPERATURE["SEMANTIC" if self.semantic else "LEXICAL"] if self.weights is None else 1.0


def prepare(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    options: AlignOptions = AlignOptions(),
    *,
    zh_labels: Sequence[str | None] | None = None,
    en_labels: Sequence[str | None] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> Prepared:
    """Features and first pass; the final search is a band around ``first``."""
    tokenizer = aligner_tokenizer(tuple(options.term_pairs))
    bitext = bitext_features(zh_sentences, en_sentences, tokenizer, zh_labels, en_labels)
    if options.semantic:
        if vectors is None:
            from tmkit.align.semantic import sentence_vectors

            vectors = (sentence_vectors(zh_sentences), sentence_vectors(en_sentences))
        bitext = replace(bitext, semantic=vectors)
    types = link_types(options.max_link)
    model = CostModel.of(initial_length_model(bitext), options.cost_weights)
    anchors = paragraph_anchors(zh_labels or [], en_labels or [])
    # Long links are rare and the final search looks for them in a band around this path.
    first_types = link_types(min(options.max_link, FIRST_PASS_SENTENCES - 1), FIRST_PASS_SENTENCES)
    steps = _first_pass(bitext, model, first_types, anchors)
    ones = [s for s in steps if s.a == s.b == 1]
    # The length model from every 1-1 link (median and MAD are robust to the wrong ones; the
    # cheapest links alone are the ones whose lengths agree best, and would narrow it).
    refined = fit_length_model(
        bitext.zh_length[[s.i for s in ones]], bitext.en_length[[s.j for s in ones]], model.length
    )
    if ones:
        threshold = float(np.quantile([s.cost for s in ones], CONFIDENT_SHARE))
        ones = [s for s in ones if s.cost <= threshold]
    learned = learned_translations(bitext, ones)
    bitext = bitext.with_translations(((bitext.translations + learned) > 0).astype(np.float64))
    if options.rates:
        bitext = bitext.reweighted(*translation_rates(bitext, steps))
    return Prepared(bitext, refined, steps, types, shape_surprise([(s.a, s.b) for s in steps]))


def final_search_costs(prepared: Prepared, weights: Mapping[str, float], margin: int) -> tuple[Band, np.ndarray]:
    """The final search's band (``margin`` sentences around the first path) and the cost of every
    link type at every cell of it: kept whole, in float32, for forward-backward reads them twice
    (the first pass's searches stream theirs)."""
    model = CostModel.of(prepared.length, weights)
    band = band_around(_states(prepared.first), prepared.bitext.n, prepared.bitext.m, margin)
    features = link_features(prepared.bitext, band, model.length, prepared.types, prepared.shapes)
    return band, features.costs(model.weights, np.float32)


def align_steps(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    options: AlignOptions = AlignOptions(),
    *,
    zh_labels: Sequence[str | None] | None = None,
    en_labels: Sequence[str | None] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[list[Step], np.ndarray]:
    """The links of :func:`align` as search steps, each with its cost, and each link's probability."""
    n, m = len(zh_sentences), len(en_sentences)
    if not n or not m:
        steps = [Step(i, 1, 0, 0, 0.0) for i in range(n)] + [Step(n, 0, j, 1, 0.0) for j in range(m)]
        return steps, np.zeros(len(steps))
    prepared = prepare(zh_sentences, en_sentences, options, zh_labels=zh_labels, en_labels=en_labels,
                       vectors=vectors)
    band, costs = final_search_costs(prepared, options.cost_weights, FINE_MARGIN[options.semantic])
    steps = best_path(band, costs, prepared.types)
    costs /= np.float32(options.temperature)  # (the path is the same at any scale)
    return steps, link_marginals(band, costs, prepared.types, steps)


def _one_blas_thread():
    """The aligner's small matrix products gain nothing from BLAS threads, which only spin on
    other cores (batch runs one alignment per core): one thread, where threadpoolctl is there."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - installed with the encoder's [fast] extra
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(1)


def align(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    *,
    zh_labels: Sequence[str | None] | None = None,
    en_labels: Sequence[str | None] | None = None,
    max_link: int = DEFAULT_MAX_LINK,
    term_pairs: Sequence[tuple[str, str]] = (),
    semantic: bool = False,
    weights: Mapping[str, float] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Link]:
    """Align Chinese with English sentences.

    ``zh_labels``/``en_labels`` give each sentence's paragraph label (or None), when the
    documents are structured; they anchor the alignment. Links hold up to ``max_link``
    sentences on a side and eight in all. ``term_pairs`` are (Chinese, English) terms
    (from a termbase) that translate each other, added to the CC-CEDICT lexicon.
    ``semantic`` adds multilingual sentence embeddings (``tmkit.align.semantic``);
    ``vectors`` gives them precomputed (``sentence_vectors`` of each side). ``weights``
    replaces the fitted weights of the cost model (for fitting them).
    """
    options = AlignOptions(max_link=max_link, term_pairs=term_pairs, semantic=semantic, weights=weights)
    with _one_blas_thread():
        steps, probabilities = align_steps(zh_sentences, en_sentences, options, zh_labels=zh_labels,
                                           en_labels=en_labels, vectors=vectors)
    scores = np.round(probabilities, 4)
    return [
        Link(
            zh=tuple(range(s.i, s.i + s.a)),
            en=tuple(range(s.j, s.j + s.b)),
            score=float(score) if s.a and s.b else 0.0,
        )
        for s, score in zip(steps, scores)
    ]
