"""What the first pass's links teach about the document's words, for the second pass.

A dictionary never knows every word a document uses (names, new terms, a document's own
short forms such as 安理会 for "Council"). After the first pass, the confident links are
a small parallel corpus: a Chinese word and an English stem that keep occurring in the
same links translate each other (hunalign's "realign" step). Association is measured
with the Dice coefficient over links, and each word keeps only the stems it associates
with best (competitive linking), so frequent words do not pair with everything.

Nor does a dictionary know how a translator renders a word: free translation leaves many
words the dictionary can translate without their translation (its 说, 看, 一个 become
"said", nothing, "a"). The first pass's links also tell how often each word is translated
(:func:`translation_rates`), and a word is worth that much as evidence.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import sparse

from tmkit.align.features import Bitext, binary
from tmkit.align.search import Step

# Measured without embeddings on MAC-Dev's chapters left out of the fit (strict F1, three folds
# of two, the fold's weights kept): at least 1 link together -> 0.836, 2 -> 0.844, 3 -> 0.839;
# Dice at least 0.3 -> 0.842, 0.4 -> 0.844, 0.5 -> 0.844, 0.6 -> 0.841, 0.7 -> 0.830; stems within
# 0, 0.1 or 0.3 of a word's best Dice: 0.844 each. aca, mag and the Bible move by 0.003 at most
# over the same ranges; with embeddings the left-out chapters (0.896) by 0.003 at most
# (co-occurrence 1 / 3: 0.894 / 0.895, Dice 0.4 / 0.6: 0.897 / 0.895).
MIN_COOCCURRENCE = 2
MIN_DICE = 0.5
BEST_DICE_WITHIN = 0.1


def _link_matrix(steps: Sequence[Step], side: str, count: int) -> sparse.csr_matrix:
    """(links, units) 0/1: which units each link covers on one side."""
    rows, cols = [], []
    for k, step in enumerate(steps):
        start, width = (step.i, step.a) if side == "zh" else (step.j, step.b)
        rows.extend([k] * width)
        cols.extend(range(start, start + width))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(steps), count))


def _link_words(bitext: Bitext, links: Sequence[Step]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(links, Z), (links, V) 0/1: the Chinese words and English stems of each link of ``links``
    (links must pair sentences: a word counts once a link, however many of its sentences hold it)."""
    zh = binary(_link_matrix(links, "zh", bitext.n) @ bitext.zh_words)
    en = binary(_link_matrix(links, "en", bitext.m) @ bitext.en_words)
    return zh, en


def learned_translations(bitext: Bitext, links: Sequence[Step]) -> sparse.csr_matrix:
    """(Z, V) 0/1: word-stem pairs that co-occur in ``links`` (Dice >= MIN_DICE, best per word)."""
    links = [s for s in links if s.a and s.b]
    shape = bitext.translations.shape
    if not links:
        return sparse.csr_matrix(shape)
    zh, en = _link_words(bitext, links)
    together = (zh.T @ en).tocoo()  # (Z, V) links in which both occur
    zh_freq = np.asarray(zh.sum(axis=0)).ravel()
    en_freq = np.asarray(en.sum(axis=0)).ravel()
    dice = 2.0 * together.data / (zh_freq[together.row] + en_freq[together.col])
    keep = (together.data >= MIN_COOCCURRENCE) & (dice >= MIN_DICE)
    rows, cols, dice = together.row[keep], together.col[keep], dice[keep]
    # Competitive linking, loosely: a word keeps the stems within BEST_DICE_WITHIN of its best Dice.
    best = np.zeros(shape[0])
    np.maximum.at(best, rows, dice)
    keep = dice >= best[rows] - BEST_DICE_WITHIN
    return sparse.csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=shape)


# Pseudo-occurrences, translated, added to a word's own: a word counts in full until its links show
# that it goes untranslated, and a word seen once, untranslated, still counts half. Chosen on
# MAC-Dev's chapters left out of the fit (--no-semantic strict F1, three folds of two): 0.5 ->
# 0.843, 1 -> 0.844, 2 -> 0.840, 3 -> 0.836 (0.836 without rates). Smoothing towards the
# document's own rate instead scored 0.848 but made unrelated texts look translated: their
# first path's few chance translations then outweighed every other word (two different novels,
# 26 % of links scoring 0.8 or more against 17 % without rates and 20 % with these; see
# tmkit.align.verdict).
RATE_PRIOR = 1.0


def translation_rates(bitext: Bitext, links: Sequence[Step]) -> tuple[np.ndarray, np.ndarray]:
    """(Z,), (V,): for each Chinese word and English stem, the probability that a link holding
    it holds its translation too, estimated over ``links`` (a word without any translation: 1).

    A word of a link is translated when the link's other side has one of its translations
    (dictionary or learned). The rate is its count of translated occurrences plus RATE_PRIOR
    over its count of occurrences plus RATE_PRIOR, links counted once each. Weighting each
    word's counts by it makes the lexical share the share of the *expected* translations a link
    holds: a word its translator seldom renders as the dictionary says stops counting against
    the right link, and a word translated everywhere counts in full. The first path's wrong
    links make their words look untranslated; RATE_PRIOR keeps a word's one or two such
    occurrences from taking its weight away.
    """
    zh, en = _link_words(bitext, [s for s in links if s.a and s.b])
    translations = binary(bitext.translations)
    rates = []
    for present, there, translatable in (
        (zh, binary(en @ translations.T), np.asarray(translations.sum(axis=1)).ravel() > 0),
        (en, binary(zh @ translations), np.asarray(translations.sum(axis=0)).ravel() > 0),
    ):
        occurrences = np.asarray(present.sum(axis=0)).ravel()
        translated = np.asarray(present.multiply(there).sum(axis=0)).ravel()
        rate = (translated + RATE_PRIOR) / (occurrences + RATE_PRIOR)
        rates.append(np.where(translatable, rate, 1.0))
    return rates[0], rates[1]
