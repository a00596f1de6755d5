"""The aligner's building blocks: band sums, link types, composed-span features, the verdict."""

from __future__ import annotations

import numpy as np
import pytest

from tmkit.align import align
from tmkit.align.band import band_around, full_band
from tmkit.align.bandsums import BandSums
from tmkit.align.cost import FEATURES, LengthModel, LinkFeatures
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import bitext_features
from tmkit.align.link import Link
from tmkit.align.search import link_types
from tmkit.align.tokens import aligner_tokenizer
from tmkit.align.verdict import translation_doubt


def _random_band(seed: int):
    rng = np.random.default_rng(seed)
    n, m = 30, 37
    path, i, j = [(0, 0)], 0, 0
    while i < n or j < m:
        i, j = min(n, i + int(rng.integers(0, 3))), min(m, j + int(rng.integers(0, 3)))
        if path[-1] != (i, j):
            path.append((i, j))
    return band_around(path, n, m, 3), n, m, rng


def _dense(band, values, n, m):
    dense = np.zeros((n + 1, m + 1))
    rows, cols = band.cells()
    dense[rows, cols] = values
    return dense


@pytest.mark.parametrize("seed", range(5))
def test_band_sums_match_brute_force(seed):
    band, n, m, rng = _random_band(seed)
    values = rng.random(band.size)
    dense = _dense(band, values, n, m)
    sums = BandSums.of(band, m)
    rows_prefix, cols_prefix = sums.row_prefix(values), sums.col_prefix(values)
    i = rng.integers(-1, n + 2, 200)
    j0 = rng.integers(-1, m + 1, 200)
    j1 = j0 + rng.integers(0, 6, 200)
    got = sums.row_sum(rows_prefix, i, j0, j1)
    want = [dense[r, max(0, a):max(0, b)].sum() if 0 <= r <= n else 0.0 for r, a, b in zip(i, j0, j1)]
    np.testing.assert_allclose(got, want)
    got = sums.col_sum(cols_prefix, j0, i, i + 3)
    want = [dense[max(0, a):max(0, a + 3) if a + 3 > 0 else 0, c].sum() if 0 <= c <= m else 0.0
            for c, a in zip(j0, i)]
    np.testing.assert_allclose(got, want)
    np.testing.assert_allclose(sums.row_max(values), [dense[r, band.lo[r]:band.hi[r]].max() for r in range(n + 1)])


def test_link_types_cover_every_shape_up_to_eight_sentences():
    types = link_types(7)
    assert set(types) == {(0, 1), (1, 0)} | {(a, b) for a in range(1, 8) for b in range(1, 8) if a + b <= 8}
    assert len(types) == len(set(types)) == 30
    assert max(max(a, b) for a, b in link_types(3)) == 3
    assert link_types(1) == [(0, 1), (1, 0), (1, 1)]


def test_composed_span_cosine_is_the_cosine_of_summed_vectors():
    zh = ["他来了。", "我们走吧。", "天很冷。", "下雪了。"]
    en = ["He came.", "Let us go.", "It is cold.", "It snowed.", "Yes."]
    rng = np.random.default_rng(1)
    zv = rng.normal(size=(4, 8)).astype(np.float32)
    ev = rng.normal(size=(5, 8)).astype(np.float32)
    from dataclasses import replace

    bitext = replace(bitext_features(zh, en, aligner_tokenizer(())), semantic=(zv, ev))
    band = full_band(4, 5)
    types = link_types(4)
    features = LinkFeatures(bitext, band, pair_evidence(bitext, band), unit_totals(bitext), LengthModel(1.0, 0.4), types)
    t = types.index((2, 3))
    x = features.of_type(t)
    cell, _ = band.index(np.array([1]), np.array([1]))
    zsum, esum = zv[1:3].sum(axis=0), ev[1:4].sum(axis=0)
    want = zsum @ esum / np.linalg.norm(zsum) / np.linalg.norm(esum)
    assert x[FEATURES.index("semantic"), cell[0]] == pytest.approx(want, rel=1e-5)


def test_verdict_tells_unrelated_scores_from_a_translation():
    good = [Link((k,), (k,), 0.95) for k in range(10)]
    bad = [Link((k,), (k,), 0.2) for k in range(10)] + [Link((10,), ())]
    assert translation_doubt(good) is None
    message = translation_doubt(bad)
    assert message is not None and "only 0 of 10 links" in message
    hard = [Link((k,), (k,), 0.9 if k % 3 == 0 else 0.5) for k in range(10)]
    assert translation_doubt(hard) is None  # 4 of 10 likely, as in a freely translated novel: enough
    assert translation_doubt(hard[1:3] + hard[4:6] + hard[7:9] + [hard[0]] + bad[:3]) is not None  # 1 of 10
    assert translation_doubt(bad[:2]) is None  # too few links to judge


def test_one_sentence_translated_by_three():
    zh = ["联合国大会决定设立一个特设委员会，审查安全理事会的报告，并向秘书长提出建议。", "会议于下午六时结束。"]
    en = ["The General Assembly decided to establish an ad hoc committee.",
          "The committee will review the report of the Security Council.",
          "It will make recommendations to the Secretary-General.",
          "The meeting rose at 6 p.m."]
    links = align(zh, en, semantic=False)
    assert [(link.zh, link.en) for link in links] == [((0,), (0, 1, 2)), ((1,), (3,))]


def test_band_top_means_match_brute_force():
    band, n, m, rng = _random_band(7)
    values = rng.random(band.size)
    dense = _dense(band, values, n, m)
    sums = BandSums.of(band, m)
    want = [np.sort(dense[r, band.lo[r]:band.hi[r]])[::-1][:4].mean() for r in range(n + 1)]
    np.testing.assert_allclose(sums.row_top_mean(values, 4), want)
    rows, cols = band.cells()
    want = [np.sort(values[cols == c])[::-1][:4].mean() for c in range(m + 1)]
    np.testing.assert_allclose(sums.col_top_mean(values, 4), want)


@pytest.mark.parametrize("semantic", [False, True])
def test_search_costs_are_the_weighted_features(monkeypatch, semantic):
    """costs() sums the features feature by feature, block by block, with shared line sums:
    it must give what weights @ of_type(t) gives, for every weight (zero or not) and link type."""
    from dataclasses import replace

    import tmkit.align.cost as cost_module

    zh = ["联合国大会决定设立委员会。", "会议于2009年7月31日结束。", "秘书长提出建议。", "天很冷。", "下雪了。",
          "安全理事会审查报告。", "他说：“我们走吧。”", "他来了。"] * 3
    en = ["The General Assembly decided to establish a committee.", "The meeting ended on 31 July 2009.",
          "The Secretary-General made recommendations.", "It is cold.", "It snowed.", "'Let us go,' he said, 'now?",
          "The Security Council reviewed the report.", "He came.", "Yes."] * 3
    rng = np.random.default_rng(3)
    bitext = bitext_features(zh, en, aligner_tokenizer(()), ["1."] + [None] * 7 + ["2."] + [None] * 15,
                              ["1."] + [None] * 9 + ["3."] + [None] * 16)
    if semantic:
        bitext = replace(bitext, semantic=(rng.normal(size=(len(zh), 8)).astype(np.float32),
                                           rng.normal(size=(len(en), 8)).astype(np.float32)))
    path = [(0, 0)] + [(min(len(zh), k), min(len(en), k + k // 8)) for k in range(1, len(en))] + [(len(zh), len(en))]
    band = band_around(path, len(zh), len(en), 3)
    types = link_types(7)
    weights = rng.normal(size=len(FEATURES))
    weights[FEATURES.index("lexical_known")] = 0.0  # a weight of 0 is skipped, not mistaken
    features = LinkFeatures(bitext, band, pair_evidence(bitext, band), unit_totals(bitext), LengthModel(1.0, 0.4),
                            types, {1: 0.5, 2: 0.7})
    assert features.labelled
    assert features.quoted
    monkeypatch.setattr(cost_module, "COST_BLOCK", 53)  # several blocks, one cut short
    got = features.costs(weights)
    for t in range(len(types)):
        valid = features.valid(t)
        assert valid.any()
        np.testing.assert_allclose(got[t, valid], (weights @ features.of_type(t))[valid], rtol=1e-12, atol=1e-12)
        assert np.isinf(got[t, ~valid]).all()


def test_lexical_features_of_a_long_link_from_the_pair_evidence():
    """The shared line sums give a link's lexical share and coverage as summed pair by pair."""
    zh = ["联合国大会决定设立委员会。", "会议结束。", "秘书长提出建议。", "天很冷。", "下雪了。"]
    en = ["The General Assembly decided.", "To establish a committee.", "The meeting ended.",
          "The Secretary-General made recommendations.", "It is cold.", "It snowed."]
    bitext = bitext_features(zh, en, aligner_tokenizer(()))
    band = full_band(len(zh), len(en))
    evidence, totals = pair_evidence(bitext, band), unit_totals(bitext)
    features = LinkFeatures(bitext, band, evidence, unit_totals(bitext), LengthModel(1.0, 0.4), link_types(7))
    zh_hits, en_hits = _dense(band, evidence.zh_hits, 5, 6), _dense(band, evidence.en_hits, 5, 6)
    for a, b, i, j in [(2, 3, 0, 0), (1, 2, 2, 2), (3, 1, 1, 3), (2, 2, 3, 4)]:
        x = features.of_type(features.types.index((a, b)))[:, band.index(np.array([i]), np.array([j]))[0][0]]
        zh_known, en_known = totals.zh_known[i:i + a].sum(), totals.en_known[j:j + b].sum()
        hits = (min(zh_hits[i:i + a, j:j + b].sum(), zh_known) + min(en_hits[i:i + a, j:j + b].sum(), en_known))
        assert x[FEATURES.index("lexical")] == pytest.approx(hits / (zh_known + en_known))
        shortfall = [max(0.0, 0.2 - zh_hits[r, j:j + b].sum() / totals.zh_words[r]) for r in range(i, i + a) if a > 1]
        shortfall += [max(0.0, 0.2 - en_hits[i:i + a, c].sum() / totals.en_words[c]) for c in range(j, j + b) if b > 1]
        assert x[FEATURES.index("coverage")] == pytest.approx(sum(shortfall))


def test_span_norms_block_by_block(monkeypatch):
    """The norms of summed runs of vectors, computed a few sentences at a time, are the ones
    computed at once (the carried running sum makes them the same numbers)."""
    import tmkit.align.cost as cost_module

    vectors = np.random.default_rng(5).normal(size=(23, 6)).astype(np.float32)
    whole = cost_module._span_norms(vectors, 4)
    monkeypatch.setattr(cost_module, "SPAN_BLOCK", 5)
    assert np.array_equal(cost_module._span_norms(vectors, 4), whole)
    for w in range(1, 5):
        want = [np.linalg.norm(vectors[k:k + w].astype(np.float64).sum(axis=0)) for k in range(23 - w + 1)]
        np.testing.assert_allclose(whole[w, :23 - w + 1], want, rtol=1e-9)
        assert not whole[w, 23 - w + 1:].any()


def test_words_count_by_their_idf_in_the_text():
    from scipy import sparse

    from tmkit.align.features import idf_weighted

    # Four sentences: word 0 in all of them, word 1 in one (twice), word 2 in two.
    counts = sparse.csr_matrix(np.array([[1, 2, 1], [1, 0, 1], [1, 0, 0], [1, 0, 0]], dtype=np.float64))
    weighted = idf_weighted(counts).toarray()
    assert weighted[:, 0] == pytest.approx([1.0] * 4)  # everywhere: weight 1, like a plain count
    assert weighted[0, 1] == pytest.approx(2 * (1 + np.log(5 / 2)))  # rare: counts more, per occurrence
    assert weighted[0, 2] == pytest.approx(1 + np.log(5 / 3))
    assert weighted[0, 1] / 2 > weighted[0, 2] > weighted[0, 0]


def test_bitext_words_and_totals_are_idf_weighted():
    """What the lexical share divides by: a sentence's words at their idf weights."""
    tokenizer = aligner_tokenizer(())
    zh = ["联合国发表了报告。", "联合国召开了会议。", "联合国通过了决议。"]
    en = ["The report was issued.", "The meeting was held.", "The resolution was adopted."]
    bitext = bitext_features(zh, en, tokenizer)
    totals = unit_totals(bitext)
    # 联合国 is in every Chinese sentence (weight 1); the other content words once (weight > 1)
    words = bitext.zh_words.toarray()
    assert words.max() > 1.0 and words[words > 0].min() == pytest.approx(1.0)
    assert totals.zh_words == pytest.approx(words.sum(axis=1))
    assert totals.zh_words[0] > np.count_nonzero(words[0])
