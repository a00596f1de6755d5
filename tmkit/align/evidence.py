"""Evidence that a Chinese and an English sentence translate each other, for every pair in a band.

For each sentence pair (i, j) in the band:

* ``zh_hits``: Chinese words of i (counted with repetition) that have a translation in j;
* ``en_hits``: English stems of j that translate some word of i;
* ``anchors``: anchor tokens (numbers, dates, symbols, Latin tokens) the two share,
  each at its weight.

A link of several sentences adds up its pairs' evidence (the cost model caps the sums,
since a word translated in two sentences of a link counts once). Pairs are computed a
block of rows at a time with sparse products, restricted to the columns the band
spans, so the work is proportional to the band, not to n x m.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tmkit.align.band import Band
from tmkit.align.features import Bitext, binary

BLOCK_ROWS = 256


@dataclass(frozen=True)
class PairEvidence:
    """Per band cell (flat, as :class:`Band` orders them); zero where i = n or j = m."""

    zh_hits: np.ndarray
    en_hits: np.ndarray
    anchors: np.ndarray
    # With sentence embeddings: dot product of the pair's (unit, or summed) vectors.
    cosine: np.ndarray | None = None


@dataclass(frozen=True)
class UnitTotals:
    """Per sentence: how much evidence it could contribute at most."""

    zh_known: np.ndarray  # (n,) Chinese words with a translation somewhere in the English text
    en_known: np.ndarray  # (m,) English stems that translate some Chinese word of the text
    zh_anchors: np.ndarray  # (n,) anchor tokens
    en_anchors: np.ndarray  # (m,)
    zh_words: np.ndarray  # (n,) Chinese words, known or not
    en_words: np.ndarray  # (m,) English stems


def unit_totals(bitext: Bitext) -> UnitTotals:
    translatable_words = np.asarray(bitext.translations.sum(axis=1)).ravel() > 0
    translating_stems = np.asarray(bitext.translations.sum(axis=0)).ravel() > 0
    return UnitTotals(
        zh_known=bitext.zh_words @ translatable_words.astype(np.float64),
        en_known=bitext.en_words @ translating_stems.astype(np.float64),
        zh_anchors=np.asarray(bitext.zh_anchors.sum(axis=1)).ravel(),
        en_anchors=np.asarray(bitext.en_anchors.sum(axis=1)).ravel(),
        zh_words=np.asarray(bitext.zh_words.sum(axis=1)).ravel(),
        en_words=np.asarray(bitext.en_words.sum(axis=1)).ravel(),
    )


def pair_evidence(bitext: Bitext, band: Band) -> PairEvidence:
    """Evidence for every sentence pair of the band."""
    n, m = bitext.n, bitext.m
    zh_hits = np.zeros(band.size)
    en_hits = np.zeros(band.size)
    anchors = np.zeros(band.size)
    cosine = None if bitext.semantic is None else np.zeros(band.size)
    if n == 0 or m == 0:
        return PairEvidence(zh_hits, en_hits, anchors, cosine)
    rows, cols = band.cells()
    translatable = binary(bitext.zh_words @ bitext.translations)  # (n, V): stems i can translate
    en_present = binary(bitext.en_words).T.tocsr()  # (V, m)
    # (Z, m): does sentence j contain a translation of word w? Column blocks of it, below.
    word_in_sentence = binary(bitext.translations @ en_present).tocsc()
    en_words_t = bitext.en_words.T.tocsc()
    zh_anchor_set = binary(bitext.zh_anchors)  # shared tokens count once, at their weight
    en_anchor_set = (binary(bitext.en_anchors) @ sparse.diags(bitext.anchor_weight)).T.tocsc()
    for r0 in range(0, n, BLOCK_ROWS):
        r1 = min(n, r0 + BLOCK_ROWS)
        c0 = int(band.lo[r0:r1].min())
        c1 = int(min(m, band.hi[r0:r1].max()))
        if c1 <= c0:
            continue
        start, stop = int(band.offset[r0]), int(band.offset[r1])
        i, j = rows[start:stop], cols[start:stop]
        inside = j < m
        cell = np.flatnonzero(inside) + start
        r, c = i[inside] - r0, j[inside] - c0
        zh_block = (bitext.zh_words[r0:r1] @ word_in_sentence[:, c0:c1]).toarray()
        en_block = (translatable[r0:r1] @ en_words_t[:, c0:c1]).toarray()
        anchor_block = (zh_anchor_set[r0:r1] @ en_anchor_set[:, c0:c1]).toarray()
        zh_hits[cell] = zh_block[r, c]
        en_hits[cell] = en_block[r, c]
        anchors[cell] = anchor_block[r, c]
        if cosine is not None:
            zh_vectors, en_vectors = bitext.semantic
            cosine[cell] = (zh_vectors[r0:r1] @ en_vectors[c0:c1].T)[r, c]
    return PairEvidence(zh_hits, en_hits, anchors, cosine)
