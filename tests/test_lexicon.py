"""The CC-CEDICT lexicon: stems, UN terms kept whole, similarity that tells pairs apart."""

from __future__ import annotations

from tmkit.align.cost import lexical_similarity
from tmkit.align.features import chinese_features, english_features
from tmkit.align.lexicon import cedict_lexicon, chinese_words, stem


def test_stems_meet_across_inflections():
    assert [stem(w) for w in ("meetings", "reports", "troops", "countries", "authorized")] == [
        "meet", "report", "troop", "country", "authoriz"]


def test_longest_match_keeps_un_terms_whole():
    words = chinese_words("安全理事会授权工作组召开联席会议。", cedict_lexicon())
    assert words[:2] == ["安全理事会", "授权"] and "工作组" in words and "联席会议" in words


def test_similarity_separates_translations_from_other_sentences():
    lexicon = cedict_lexicon()
    zh = chinese_features("安全理事会授权工作组召开联席会议。", None, lexicon)
    right = english_features("The Security Council authorized the Working Group to hold joint meetings.", None)
    wrong = english_features("Floods destroyed the harvest in three provinces last year.", None)
    assert lexical_similarity([zh], [right], lexicon) > 0.5 > lexical_similarity([zh], [wrong], lexicon)
