"""What the second pass learns from the first pass's links: translation rates (and their use)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from tests.test_aligner import EN, ZH
from tmkit.align import AlignOptions, prepare
from tmkit.align.features import Bitext
from tmkit.align.learned import RATE_PRIOR, translation_rates
from tmkit.align.search import Step


def _bitext(zh_rows: list[list[int]], en_rows: list[list[int]], pairs: list[tuple[int, int]],
            words: int = 3, stems: int = 3) -> Bitext:
    """Sentences as lists of word ids (one count each), ``pairs`` the (word, stem) translations."""

    def counts(rows: list[list[int]], width: int) -> sparse.csr_matrix:
        dense = np.zeros((len(rows), width))
        for k, row in enumerate(rows):
            dense[k, row] = 1.0
        return sparse.csr_matrix(dense)

    translations = np.zeros((words, stems))
    for word, stem in pairs:
        translations[word, stem] = 1.0
    n, m = len(zh_rows), len(en_rows)
    return Bitext(
        zh_length=np.full(n, 10.0), en_length=np.full(m, 30.0),
        zh_label=np.full(n, -1), en_label=np.full(m, -1),
        zh_words=counts(zh_rows, words), en_words=counts(en_rows, stems),
        translations=sparse.csr_matrix(translations),
        zh_anchors=sparse.csr_matrix((n, 0)), en_anchors=sparse.csr_matrix((m, 0)),
        anchor_weight=np.zeros(0),
    )


def test_rates_count_translated_occurrences_with_a_translated_prior():
    # Word 0 is translated (stem 0) in all four links, word 1 never (stem 1 does not occur),
    # word 2 has no translation at all.
    bitext = _bitext([[0, 1, 2]] * 4, [[0, 2]] * 4, [(0, 0), (1, 1)])
    links = [Step(k, 1, k, 1, 0.0) for k in range(4)]
    zh_rate, en_rate = translation_rates(bitext, links)
    prior = RATE_PRIOR
    assert zh_rate == pytest.approx([(4 + prior) / (4 + prior), (0 + prior) / (4 + prior), 1.0])
    # Stem 0 is always translated; stem 1 never occurs (nothing known against it); stem 2 has none.
    assert en_rate == pytest.approx([1.0, 1.0, 1.0])


def test_rates_count_a_link_once_and_ignore_unmatched_sentences():
    # Word 0 is in both Chinese sentences of a 2-1 link whose English lacks its translation (one
    # untranslated occurrence), and in an unmatched sentence (no link, no occurrence).
    bitext = _bitext([[0], [0], [0], [1]], [[2], [1]], [(0, 0), (1, 1)])
    links = [Step(0, 2, 0, 1, 0.0), Step(2, 1, 1, 0, 0.0), Step(3, 1, 1, 1, 0.0)]
    zh_rate, _ = translation_rates(bitext, links)
    assert zh_rate[0] == pytest.approx((0 + RATE_PRIOR) / (1 + RATE_PRIOR))
    assert zh_rate[1] == pytest.approx(1.0)


def test_reweighting_scales_each_words_counts():
    bitext = _bitext([[0, 1], [1]], [[0], [0, 2]], [(0, 0)])
    reweighted = bitext.reweighted(np.array([0.5, 0.25, 1.0]), np.array([1.0, 1.0, 0.1]))
    np.testing.assert_allclose(reweighted.zh_words.toarray(), [[0.5, 0.25, 0.0], [0.0, 0.25, 0.0]])
    np.testing.assert_allclose(reweighted.en_words.toarray(), [[1.0, 0.0, 0.0], [1.0, 0.0, 0.1]])
    assert (reweighted.translations != bitext.translations).nnz == 0


def test_the_second_pass_weights_words_by_their_rates_without_embeddings():
    assert AlignOptions().rates and not AlignOptions(semantic=True).rates
    rated = prepare(ZH, EN, AlignOptions()).bitext
    plain = prepare(ZH, EN, AlignOptions(word_rates=False)).bitext
    present = plain.zh_words.toarray() > 0
    ratio = rated.zh_words.toarray()[present] / plain.zh_words.toarray()[present]
    # Every word keeps a weight in (0, 1]; the fixture translates most words, so most keep much of it.
    assert ratio.min() > 0 and ratio.max() <= 1.0 + 1e-9
    assert ratio.min() < 1.0
    assert np.median(ratio) > 0.5
