"""Translations learned from the bitext itself, for the second pass.

A dictionary never knows every word a document uses (names, new terms, a document's own
short forms such as 安理会 for "Council"). After the first pass, the confident links are
a small parallel corpus: a Chinese word and an English stem that keep occurring in the
same links translate each other (hunalign's "realign" step). Association is measured
with the Dice coefficient over links, and each word keeps only the stems it associates
with best (competitive linking), so frequent words do not pair with everything.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import sparse

from tmkit.align.features import Bitext
from tmkit.align.search import Step

MIN_COOCCURRENCE = 2
MIN_DICE = 0.5


def _link_matrix(steps: Sequence[Step], side: str, count: int) -> sparse.csr_matrix:
    """(links, units) 0/1: which units each link covers on one side."""
    rows, cols = [], []
    for k, step in enumerate(steps):
        start, width = (step.i, step.a) if side == "zh" else (step.j, step.b)
        rows.extend([k] * width)
        cols.extend(range(start, start + width))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(steps), count))


def learned_translations(bitext: Bitext, links: Sequence[Step]) -> sparse.csr_matrix:
    """(Z, V) 0/1: word-stem pairs that co-occur in ``links`` (Dice >= MIN_DICE, best per word)."""
    links = [s for s in links if s.a and s.b]
    shape = bitext.translations.shape
    if not links:
        return sparse.csr_matrix(shape)
    zh = _link_matrix(links, "zh", bitext.n) @ bitext.zh_words
    en = _link_matrix(links, "en", bitext.m) @ bitext.en_words
    zh.data[:] = 1.0
    en.data[:] = 1.0
    together = (zh.T @ en).tocoo()  # (Z, V) links in which both occur
    zh_freq = np.asarray(zh.sum(axis=0)).ravel()
    en_freq = np.asarray(en.sum(axis=0)).ravel()
    dice = 2.0 * together.data / (zh_freq[together.row] + en_freq[together.col])
    keep = (together.data >= MIN_COOCCURRENCE) & (dice >= MIN_DICE)
    rows, cols, dice = together.row[keep], together.col[keep], dice[keep]
    # Competitive linking, loosely: a word keeps the stems within 0.1 of its best Dice.
    best = np.zeros(shape[0])
    np.maximum.at(best, rows, dice)
    keep = dice >= best[rows] - 0.1
    return sparse.csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=shape)
