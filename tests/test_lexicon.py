"""The CC-CEDICT lexicon: stems, UN terms kept whole, evidence that tells pairs apart."""

from __future__ import annotations

import numpy as np

from tmkit.align.band import full_band
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import bitext_features
from tmkit.align.lexicon import cedict_lexicon, stem
from tmkit.align.tokens import ChineseTokenizer, aligner_tokenizer


def test_stems_meet_across_inflections():
    assert [stem(w) for w in ("meetings", "reports", "troops", "countries", "authorized")] == [
        "meet", "report", "troop", "country", "authoriz"]


def test_longest_match_keeps_un_terms_whole():
    words = ChineseTokenizer(cedict_lexicon()).words("安全理事会授权工作组召开联席会议。")
    assert words[:2] == ["安全理事会", "授权"] and "工作组" in words and "联席会议" in words


def test_termbase_terms_are_kept_whole_and_translate():
    tokenizer = aligner_tokenizer((("联合国南苏丹特派团", "United Nations Mission in South Sudan"),))
    assert tokenizer.words("联合国南苏丹特派团的任务期限")[0] == "联合国南苏丹特派团"
    assert {"unit", "nation", "mission", "south", "sudan"} <= tokenizer.lexicon["联合国南苏丹特派团"]
    assert "联合国南苏丹特派团" not in aligner_tokenizer().lexicon


def test_evidence_separates_translations_from_other_sentences():
    lexicon = cedict_lexicon()
    zh = ["安全理事会授权工作组召开联席会议。"]
    en = ["The Security Council authorized the Working Group to hold joint meetings.",
          "Floods destroyed the harvest in three provinces last year."]
    bitext = bitext_features(zh, en, ChineseTokenizer(lexicon))
    band = full_band(1, 2)
    evidence, totals = pair_evidence(bitext, band), unit_totals(bitext)
    right, wrong = band.index(np.array([0, 0]), np.array([0, 1]))[0]
    share = [(evidence.zh_hits[c] + evidence.en_hits[c]) / (totals.zh_known[0] + totals.en_known[k])
             for k, c in enumerate((right, wrong))]
    assert share[0] > 0.5 > share[1]
