"""Sentence splitting rules for Chinese and English that every later stage relies on."""

from __future__ import annotations

from tmkit.segment.chinese import split_chinese
from tmkit.segment.english import split_english


def test_chinese_keeps_closing_quotes_and_does_not_split_enumerations():
    text = "我谨通知你，会议将举行。这是“重要的事。”然后，(a) 第一；(b) 第二。他问：为什么？！好…… 结束"
    assert split_chinese(text) == [
        "我谨通知你，会议将举行。", "这是“重要的事。”", "然后，(a) 第一；(b) 第二。", "他问：为什么？！", "好……", "结束",
    ]


def test_chinese_never_splits_latin_text():
    assert split_chinese("见 S/2018/184 号文件. Mr. Smith said: Yes! 完毕。") == [
        "见 S/2018/184 号文件. Mr. Smith said: Yes! 完毕。"
    ]


def test_english_un_abbreviations_symbols_and_labels():
    text = ("1. The Council met on 3 May. It adopted resolution 1325 (2000). See para. 5 of "
            "A/70/95–S/2015/446. Mr. Smith spoke, e.g. On time. The U.N. is here. The rate was 3.5 per cent.")
    assert split_english(text) == [
        "1. The Council met on 3 May.", "It adopted resolution 1325 (2000).",
        "See para. 5 of A/70/95–S/2015/446.", "Mr. Smith spoke, e.g. On time.", "The U.N. is here.",
        "The rate was 3.5 per cent.",
    ]


def test_english_headings_keep_their_number():
    assert split_english("Goal 16. Promote peace. In 2015. The end.") == ["Goal 16. Promote peace.", "In 2015.", "The end."]
