"""Where a sentence's quotation marks leave it (tmkit.align.quotes) and the aligner's use of it."""

from __future__ import annotations

import pytest

from tmkit.align.quotes import quotation_end


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

