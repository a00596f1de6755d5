"""Where a sentence's quotation marks leave it (tmkit.align.quotes) and the aligner's use of it."""

from __future__ import annotations

import numpy as np
import pytest

from tmkit.align.band import full_band
from tmkit.align.cost import FEATURE_INDEX, LengthModel, LinkFeatures
from tmkit.align.evidence import pair_evidence, unit_totals
from tmkit.align.features import bitext_features
from tmkit.align.quotes import quotation_bounds, quotation_marks
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
    assert quotation_marks(text, "zh")[1] == expected


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
    assert quotation_marks(text, "en")[1] == expected


def test_a_plural_possessive_is_no_mark_unless_punctuation_follows() -> None:
    assert quotation_marks("He recalled the brothers' farm and two weeks' pay.", "en") == (0, 0)
    assert quotation_marks("EDITORS' NOTE", "en") == (0, 0)
    assert quotation_marks("'I want the guns,' he said, 'and the bullets'.", "en")[1] == -1


@pytest.mark.parametrize("text, lang, expected", [
    ("我们明天再去。”他说。", "zh", -1),  # begins inside a quotation opened before
    ("她笑道：“我早知道了。”", "zh", 1),
    ("没有引号。", "zh", 0),
    ("Beg in the street?' she asked, 'or starve?", "en", -1),
    ("'Nobody's asking you to beg,' she said.", "en", 1),
    ("It's five o'clock.", "en", 0),
])
def test_the_first_mark_says_whether_a_sentence_begins_inside_a_quotation(text: str, lang: str,
                                                                         expected: int) -> None:
    assert quotation_marks(text, lang)[0] == expected


def test_bounds_hold_each_sentence_first_and_last_mark() -> None:
    bounds = quotation_bounds(["'You can sit there,' he said, 'but what?", "Beg?'", "No marks."], "en")
    assert bounds.tolist() == [[1, 1], [-1, -1], [0, 0]]
    assert quotation_bounds([], "zh").shape == (0, 2)


ZH = ["老人道：“你只会坐着说，难道叫我去讨饭不成？”", "她道：“谁叫你去讨饭呢？”"]
EN = ["'You can sit there and talk,' said the old man, 'but what am I to do?", "Beg in the street?'",
      "'Nobody's asking you to beg,' she said."]


def _quotation_features(i: int, j: int) -> dict[tuple[int, int], tuple[float, float]]:
    """(quote_open_en, quote_begun_en) of the links starting at (i, j), by link type."""
    bitext = bitext_features(ZH, EN, aligner_tokenizer(()))  # no embeddings: the features need none
    band = full_band(len(ZH), len(EN))
    types = link_types(3)
    features = LinkFeatures(bitext, band, pair_evidence(bitext, band), unit_totals(bitext),
                            LengthModel(1.0, 0.4), types)
    cell = int(band.index(np.array([i]), np.array([j]))[0][0])
    return {(a, b): (float(features.of_type(t)[FEATURE_INDEX["quote_open_en"], cell]),
                     float(features.of_type(t)[FEATURE_INDEX["quote_begun_en"], cell]))
            for t, (a, b) in enumerate(types) if (a, b) in ((1, 1), (1, 2), (1, 3))}


def test_a_link_that_ends_inside_an_english_quotation_the_chinese_closed_is_marked() -> None:
    # 1-1 leaves "Beg in the street?'" to the next link: marked. 1-2 ends where both close.
    # 1-3 ends on a sentence that closes its quotation too (the feature does not judge it).
    assert {shape: open_ for shape, (open_, _) in _quotation_features(0, 0).items()} == \
        {(1, 1): 1.0, (1, 2): 0.0, (1, 3): 0.0}


def test_a_link_that_begins_inside_an_english_quotation_the_chinese_opens_is_marked() -> None:
    # From (1, 1) the English side begins with "Beg in the street?'", which closes a quotation the
    # link before opened, while the Chinese side opens one: marked, whatever the link's size.
    begun = {shape: value for shape, (_, value) in _quotation_features(1, 1).items()}
    assert (begun[1, 1], begun[1, 2]) == (1.0, 1.0)
    # From (1, 2) the English side opens a quotation as the Chinese does: not marked.
    assert _quotation_features(1, 2)[1, 1] == (0.0, 0.0)


def test_a_coarse_unit_has_its_first_sentence_first_mark_and_its_last_sentence_last() -> None:
    coarse = bitext_features(ZH, EN, aligner_tokenizer(())).coarsen(2)
    assert coarse.en_quotes.tolist() == [[1, -1], [1, -1]]
    assert coarse.zh_quotes.tolist() == [[1, -1]]
    assert bitext_features(ZH, EN, aligner_tokenizer(())).part(slice(1, 2), slice(1, 3)).en_quotes.tolist() == \
        [[-1, -1], [1, -1]]
