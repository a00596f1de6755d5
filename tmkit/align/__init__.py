"""Sentence alignment of Chinese and English texts.

``align(zh_sentences, en_sentences) -> list[Link]``: every sentence in exactly one
link, links in order and never crossing, each with a confidence in [0, 1].
"""

from __future__ import annotations

from typing import Sequence

from tmkit.align.cost import (
    LengthModel,
    confidence,
    fit_length_model,
    initial_length_model,
    link_cost,
)
from tmkit.align.features import SentenceFeatures, chinese_features, english_features
from tmkit.align.lexicon import cedict_lexicon
from tmkit.align.link import Link
from tmkit.align.search import best_path, diagonal_band, link_types

__all__ = ["Link", "align"]

SKIP_COST = 5.0
CONFIDENT_COST = 1.5


def _labels(sentences: Sequence[str], labels: Sequence[str | None] | None) -> Sequence[str | None]:
    return labels or [None] * len(sentences)


def _run(zh: list[SentenceFeatures], en: list[SentenceFeatures], model: LengthModel, max_link: int, lexicon):
    n, m = len(zh), len(en)
    width = max(20, (max(n, m) // 8) + abs(n - m))
    band = diagonal_band(n, m, width)

    def cost(i: int, a: int, j: int, b: int) -> float:
        return link_cost(zh[i : i + a], en[j : j + b], model, lexicon)

    return best_path(n, m, cost, SKIP_COST, link_types(max_link), band)


def align(
    zh_sentences: Sequence[str],
    en_sentences: Sequence[str],
    *,
    zh_labels: Sequence[str | None] | None = None,
    en_labels: Sequence[str | None] | None = None,
    max_link: int = 4,
) -> list[Link]:
    """Align Chinese with English sentences.

    ``zh_labels``/``en_labels`` give each sentence's paragraph label (or None), when the
    documents are structured; they anchor the alignment. ``max_link`` is the largest
    number of sentences on one side of a link.
    """
    lexicon = cedict_lexicon()
    zh = [chinese_features(t, lab, lexicon) for t, lab in zip(zh_sentences, _labels(zh_sentences, zh_labels))]
    en = [english_features(t, lab) for t, lab in zip(en_sentences, _labels(en_sentences, en_labels))]
    if not zh or not en:
        return [Link((i,), ()) for i in range(len(zh))] + [Link((), (j,)) for j in range(len(en))]
    model = initial_length_model(zh, en)
    path = _run(zh, en, model, max_link, lexicon)
    confident = [
        (zh[i].length, en[j].length) for i, a, j, b, step in path if a == b == 1 and step < CONFIDENT_COST
    ]
    refined = fit_length_model(confident, model)
    if refined != model:
        path = _run(zh, en, refined, max_link, lexicon)
    return [
        Link(
            zh=tuple(range(i, i + a)),
            en=tuple(range(j, j + b)),
            score=round(confidence(step), 4) if a and b else 0.0,
        )
        for i, a, j, b, step in path
    ]
