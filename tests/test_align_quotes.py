"""Where a sentence's quotation marks leave it (tmkit.align.quotes) and the aligner's use of it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tmkit.align.band import full_band
from tmkit.align.cost import FEATURE_INDEX, LengthModel, LinkFeatures
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import bitext_features
from tmkit.align.quotes import quotation_end, quotation_ends
from tmkit.align.search import link_types
from tmkit.align.tokens import aligner_tokenizer


@pytest.mark.parametrize("text, expected", [
    ("老人道：“你只会坐着说，难道叫我去讨饭不成？”", -1),
    ("她笑道：“我早知道了。", 1),
    ("我们明天再去。”", -1),
    ("他说：「好。」他又说：『是", 1),
    ("‘天无绝人之路’，咱们再想想。", -1),
    ("没有引号。", 0),
])
def test_chinese_marks_open_or_close(text: str, expected: int) -> None:
    assert quotation_end(text, "zh") == expected


@pytest.mark.parametrize("text, expected", [
    # Straight single quotes as quotation marks; apostrophes inside words are not marks.
    ("'You can sit there and talk,' said the old man, 'but what am I to do?", 1),
    ("Beg in the street?'", -1),
    ("'Nobody's asking you to beg,' she said.", -1),
    ("It was five o'clock and he didn't care.", 0),
    # Straight and curly double quotes, after a colon too.
    ('"Stop!" he shouted.', -1),
    ('He suggested a solution:"Membership', 1),
    ("“Yes,” he said, “but not today.", 1),
    ("not today.”", -1),
    # A single quotation inside a double one.
    ("\"'Hello,' she said,\" he told me.", -1),
    ("No quotation at all.", 0),
])
def test_english_marks_are_told_from_apostrophes(text: str, expected: int) -> None:
    assert quotation_end(text, "en") == expected


def test_a_plural_possessive_is_no_mark_unless_punctuation_follows() -> None:
    assert quotation_end("He recalled the brothers' farm and two weeks' pay.", "en") == 0
    assert quotation_end("EDITORS' NOTE", "en") == 0
    assert quotation_end("'I want the guns,' he said, 'and the bullets'.", "en") == -1


def _quotation_feature(semantic: bool) -> dict[tuple[int, int], float]:
    """quote_open_en of the links starting at (0, 0), by link type."""
    zh = ["老人道：“你只会坐着说，难道叫我去讨饭不成？”", "她道：“谁叫你去讨饭呢？”"]
    en = ["'You can sit there and talk,' said the old man, 'but what am I to do?", "Beg in the street?'",
          "'Nobody's asking you to beg,' she said."]
    bitext = bitext_features(zh, en, aligner_tokenizer(()))
    if semantic:  # as tmkit.align.prepare attaches them
        rng = np.random.default_rng(0)
        bitext = replace(bitext, semantic=(rng.normal(size=(2, 4)).astype(np.float32),
                                           rng.normal(size=(3, 4)).astype(np.float32)),
                         quote_ends=(quotation_ends(zh, "zh"), quotation_ends(en, "en")))
    band = full_band(len(zh), len(en))
    types = link_types(3)
    features = LinkFeatures(bitext, band, pair_evidence(bitext, band), unit_totals(bitext),
                            LengthModel(1.0, 0.4), types)
    cell = int(band.index(np.array([0]), np.array([0]))[0][0])
    return {(a, b): float(features.of_type(t)[FEATURE_INDEX["quote_open_en"], cell])
            for t, (a, b) in enumerate(types) if (a, b) in ((1, 1), (1, 2), (1, 3))}


def test_a_link_that_ends_inside_an_english_quotation_the_chinese_closed_is_marked() -> None:
    # 1-1 leaves "Beg in the street?'" to the next link: marked. 1-2 ends where both close.
    # 1-3 ends on a sentence that closes its quotation too (the feature does not judge it).
    assert _quotation_feature(semantic=True) == {(1, 1): 1.0, (1, 2): 0.0, (1, 3): 0.0}


def test_the_quotation_feature_is_for_embeddings_only() -> None:
    assert set(_quotation_feature(semantic=False).values()) == {0.0}
