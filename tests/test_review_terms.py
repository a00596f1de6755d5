"""Term positions for the review page, with terms check's verdict on each."""

from __future__ import annotations

from functools import lru_cache

from tmkit.review.model import Review, ReviewLink, Sentence
from tmkit.review.terms import TermMarker
from tmkit.termbase.load import load_termbase


@lru_cache(maxsize=1)
def marker() -> TermMarker:
    return TermMarker(load_termbase(None))


def marks(zh: str, en: str) -> list[tuple[str, str, str]]:
    review = Review(zh=[Sentence(zh)], en=[Sentence(en)], links=[ReviewLink((0,), (0,), 0.9)])
    return [(m.side, review.sentences(m.side)[m.sentence].text[m.start:m.end], m.status)
            for m in marker().marks(review, review.links[0])]


def test_terms_are_found_where_they_stand_inflected_or_not() -> None:
    found = marks("维持和平行动和安全理事会。", "The Security Council's peacekeeping operations and troop-contributing countries.")
    assert ("zh", "维持和平行动", "ok") in found and ("zh", "安全理事会", "ok") in found
    assert ("en", "Security Council", "ok") in found
    assert ("en", "peacekeeping operations", "ok") in found


def test_a_chinese_term_without_its_english_equivalent_is_missing() -> None:
    found = marks("维持和平行动面临新的挑战。", "The missions face new challenges.")
    assert ("zh", "维持和平行动", "missing") in found


def test_an_unmatched_link_has_terms_but_no_verdict() -> None:
    review = Review(zh=[Sentence("维持和平行动。")], en=[], links=[ReviewLink((0,), (), 0.1)])
    assert [(m.concept, m.status) for m in marker().marks(review, review.links[0])] == [("peacekeeping-operation", "ok")]
