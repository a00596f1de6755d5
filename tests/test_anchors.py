"""Anchors: normalised tokens that a Chinese sentence and its English translation share."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tmkit.align.anchors import chinese_anchors, english_anchors

# --- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共有100,000人", ["#100000"]),
        ("共有100 000人", ["#100000"]),
        ("共有１００，０００人", ["#100", "#0"]),  # the full-width comma separates a list
        ("增长了3.50倍", ["#3.5"]),
        ("编号007", ["#7"]),
        ("3.5亿美元", ["#350000000", "$"]),
        ("1万人", ["#10000"]),
        ("每10万人", ["#100000"]),
        ("2.5万亿", ["#2500000000000"]),
        ("5千万", ["#50000000"]),
        ("长100千米", ["#100"]),  # 千米 is a kilometre, not a thousand
        ("两千五百万人", ["#25000000"]),
        ("三亿五千万", ["#350000000"]),
        ("一百二十五名", ["#125"]),
        ("三十一个", ["#31"]),
        ("一千零一夜", ["#1001"]),
        ("两千名", ["#2000"]),
        ("十个国家", ["#10"]),
        ("三个月", ["#3"]),
        ("两国", ["#2"]),
        ("二十一世纪", ["#21"]),
        ("二十世纪九十年代", ["#1990"]),
        ("20世纪90年代", ["#1990"]),
        ("1990年代", ["#1990"]),
        ("第三次会议", ["#3"]),
        ("第一章", ["#1"]),
        ("第二十一条", ["#21"]),
        ("第六十一届会议", ["#61"]),
        ("附件二", ["#2"]),
        ("二〇一九年", ["#2019"]),
        ("一九九五年", ["#1995"]),
        ("三点五亿", ["#350000000"]),
        ("五委", ["#5"]),
        ("I 期试验", ["#1"]),
    ],
)
def test_chinese_numbers(text: str, expected: list[str]) -> None:
    assert chinese_anchors(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一些国家", "一般而言", "统一", "一个国家", "一致通过", "十分重要", "万一发生", "千万不要",
        "三三两两", "一五一十", "千千万万", "数百名", "上千人", "四处", "三角", "百姓", "零容忍",
        "一一列举", "唯一", "两者", "两性平等", "亿万", "第一", "第一次", "四处",
    ],
)
def test_chinese_numerals_inside_words_are_not_numbers(text: str) -> None:
    assert chinese_anchors(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100,000 people", ["#100000"]),
        ("100 000 people", ["#100000"]),
        ("In 2009 100 people", ["#2009", "#100"]),
        ("3.50 times", ["#3.5"]),
        ("US$ 350 million", ["$", "#350000000"]),
        ("350 million dollars", ["#350000000", "$"]),
        ("1.5 billion", ["#1500000000"]),
        ("10,000", ["#10000"]),
        ("25 million", ["#25000000"]),
        ("two thousand five hundred", ["#2500"]),
        ("twenty-five", ["#25"]),
        ("Twenty-one countries", ["#21"]),
        ("three hundred and twenty", ["#320"]),
        ("one hundred", ["#100"]),
        ("two and three", ["#2", "#3"]),
        ("the third session", ["#3"]),
        ("the second report", ["#2"]),
        ("the twenty-first session", ["#21"]),
        ("the 3rd session", ["#3"]),
        ("the 21st century", ["#21"]),
        ("the twenty-first century", ["#21"]),
        ("the sixtieth session", ["#60"]),
        ("the 1990s", ["#1990"]),
        ("Chapter VII", ["#7"]),
        ("annex I", ["#1"]),
        ("Part II", ["#2"]),
        ("paragraph 16.1.1", ["#16.1.1"]),
    ],
)
def test_english_numbers(text: str, expected: list[str]) -> None:
    assert english_anchors(text) == expected


@pytest.mark.parametrize(
    "text",
    ["one of them", "no one", "someone", "a hundred", "thousands of people", "millions", "none",
     "often", "I think", "the first time", "at first", "the tension"],
)
def test_english_words_that_are_not_numbers(text: str) -> None:
    assert english_anchors(text) == []


# --- percentages and fractions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("百分之十二", "12 per cent"),
        ("12%", "12 percent"),
        ("12％", "12%"),
        ("百分之3.5", "3.5 per cent"),
        ("百分之百", "100 per cent"),
        ("10%至20%", "10 to 20 per cent"),
        ("10至20%", "10-20%"),
        ("三分之二", "two thirds"),
        ("三分之一", "a third"),
        ("四分之一", "one quarter"),
        ("一半", "half"),
    ],
)
def test_percentages_and_fractions_agree(zh: str, en: str) -> None:
    assert chinese_anchors(zh) == english_anchors(en)
    assert chinese_anchors(zh)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ("2009年7月31日", "31 July 2009", ["#2009", "date:7-31"]),
        ("2009年7月31日", "July 31, 2009", ["#2009", "date:7-31"]),
        ("2020 年 3 月 18 日", "18 March 2020", ["#2020", "date:3-18"]),
        ("7月31日", "31 July", ["date:7-31"]),
        ("7月31号", "31st July", ["date:7-31"]),
        ("2009年7月", "July 2009", ["#2009", "mon:7"]),
        ("7月", "July", ["mon:7"]),
        ("2009年", "2009", ["#2009"]),
        ("二〇一九年十二月三十一日", "31 December 2019", ["#2019", "date:12-31"]),
        ("2009年7月1日至3日", "1-3 July 2009", ["#2009", "date:7-1", "date:7-3"]),
        ("5月", "in May 2019", None),
    ],
)
def test_dates_agree(zh: str, en: str, expected: list[str] | None) -> None:
    if expected is None:
        assert chinese_anchors(zh) == ["mon:5"] and english_anchors(en) == ["#2019", "mon:5"]
        return
    assert Counter(chinese_anchors(zh)) == Counter(expected)
    assert Counter(english_anchors(en)) == Counter(expected)


def test_may_is_a_month_only_beside_a_day_or_year() -> None:
    assert english_anchors("May I ask a question") == []
    assert english_anchors("It may be May.") == []
    assert english_anchors("on 5 May") == ["date:5-5"]
    assert english_anchors("in May 2020") == ["#2020", "mon:5"]


def test_durations_are_not_months() -> None:
    assert chinese_anchors("三个月内") == ["#3"]
    assert english_anchors("within three months") == ["#3"]


# --- document symbols, labels, Latin tokens, punctuation ----------------------------------


@pytest.mark.parametrize(
    "symbol",
    ["S/2018/184", "A/RES/70/1", "A/C.5/72/L.3", "S/PRST/2001/3", "E/CN.6/2019/1", "CRC/C/GC/14",
     "A/61/255/Add.1", "ST/SGB/2003/13"],
)
def test_document_symbols_are_one_token_in_both_languages(symbol: str) -> None:
    token = "sym:" + symbol.lower()
    assert chinese_anchors(f"见{symbol}号文件。") == [token]
    assert english_anchors(f"See document {symbol}.") == [token]


def test_joined_symbols_and_references() -> None:
    assert english_anchors("A/70/95-S/2015/446") == ["sym:a/70/95", "sym:s/2015/446"]
    assert english_anchors("A/70/95–S/2015/446") == ["sym:a/70/95", "sym:s/2015/446"]
    assert chinese_anchors("第70/1号决议") == english_anchors("resolution 70/1") == ["sym:70/1"]
    assert english_anchors("and/or") == []
    assert chinese_anchors("见 https://undocs.org/ch/S/RES/1325") == ["sym:s/res/1325"]
    assert english_anchors("see https://undocs.org/en/S/RES/1325") == ["sym:s/res/1325"]


@pytest.mark.parametrize(
    ("zh", "en", "label"),
    [
        ("16.1 在全球大幅减少暴力", "16.1 Significantly reduce violence", "lab:16.1"),
        ("1. 联合国", "1. The United Nations", "lab:1"),
        ("41．会议", "41. The meeting", "lab:41"),
        ("(a) 身体暴力", "(a) Physical violence", "lab:(a)"),
        ("（iii）心理暴力", "(iii) Psychological violence", "lab:(iii)"),
        ("一、导言", "I. Introduction", "lab:1"),
        ("三. 建议", "III. Recommendations", "lab:3"),
        ("A. 背景", "A. Background", "lab:a"),
    ],
)
def test_paragraph_labels(zh: str, en: str, label: str) -> None:
    assert chinese_anchors(zh)[0] == label
    assert english_anchors(en)[0] == label


def test_a_number_opening_a_sentence_is_no_label() -> None:
    assert english_anchors("16 countries signed.") == ["#16"]
    assert english_anchors("1.5 million people fled.") == ["#1500000"]
    assert chinese_anchors("2009年的报告") == ["#2009"]


def test_inline_items() -> None:
    zh = "遭受(a) 身体暴力(b) 心理暴力和(c) 性暴力"
    en = "subjected to (a) physical violence, (b) psychological violence and (c) sexual violence"
    assert chinese_anchors(zh) == english_anchors(en) == ["lab:(a)", "lab:(b)", "lab:(c)"]


def test_latin_tokens() -> None:
    assert chinese_anchors("联合国南苏丹特派团(UNMISS)和COVID-19") == ["(", "acr:unmiss", "lat:covid-19"]
    assert english_anchors("The Mission (UNMISS) and COVID-19") == ["(", "acr:unmiss", "lat:covid-19"]
    assert english_anchors("UN-Women and P-5 posts, SARS-CoV-2 mRNA") == [
        "lat:un-women", "lat:p-5", "lat:sars-cov-2", "lat:mrna"]
    assert english_anchors("Ordinary Capitalised Words are no anchors") == []
    assert english_anchors("The Secretary-General and Al-Zayyat") == []
    assert english_anchors("THE THIRD PART OF MAN") == ["#3"]  # a heading in capitals


def test_urls_and_email() -> None:
    assert chinese_anchors("见www.un.org/sg。") == ["url:un.org/sg"]
    assert english_anchors("See https://www.un.org/sg/.") == ["url:un.org/sg"]
    assert chinese_anchors("请致函info@un.org") == english_anchors("Write to info@un.org.") == ["url:info@un.org"]


def test_punctuation() -> None:
    assert chinese_anchors("他说：“和平”。") == english_anchors('He said: "peace".') == ["q"]
    assert english_anchors("He said “peace”.") == ["q"]
    assert chinese_anchors("「和平」") == ["q"]
    assert chinese_anchors("什么？") == english_anchors("What?") == ["?"]
    assert chinese_anchors("（见下文）") == english_anchors("(see below)") == ["("]


# --- real-style sentence pairs -----------------------------------------------------------

PAIRS = [
    ("2009年7月31日安全理事会维持和平行动工作组主席给安全理事会主席的信",
     "Letter dated 31 July 2009 from the Chair of the Security Council Working Group on Peacekeeping "
     "Operations addressed to the President of the Security Council"),
    ("16.1 在全球大幅减少一切形式的暴力和相关的死亡率",
     "16.1 Significantly reduce all forms of violence and related death rates everywhere"),
    ("16.1.1 每10万人中故意杀人案的受害者人数，按性别和年龄分列",
     "16.1.1 Number of victims of intentional homicide per 100,000 population, by sex and age"),
    ("2.3 到2030年，实现农业生产力翻倍和小规模粮食生产者收入翻番",
     "2.3 By 2030, double the agricultural productivity and incomes of small-scale food producers"),
    ("安全理事会第6000次会议通过了第1325(2000)号决议。",
     "The Security Council adopted resolution 1325 (2000) at its 6000th meeting."),
    ("大会在第70/1号决议中通过了《2030年可持续发展议程》。",
     "In its resolution 70/1, the General Assembly adopted the 2030 Agenda for Sustainable Development."),
    ("秘书长关于南苏丹的报告(S/2018/184)指出，联合国南苏丹特派团保护了20万平民。",
     "The report of the Secretary-General on South Sudan (S/2018/184) noted that the United Nations "
     "Mission in South Sudan protected 200,000 civilians."),
    ("维和预算为3.5亿美元，比上一期减少百分之十二。",
     "The peacekeeping budget was $350 million, 12 per cent less than in the previous period."),
    ("(a) 在第六十一届会议上审议A/61/19号文件；",
     "(a) To consider document A/61/19 at its sixty-first session;"),
    ("三分之二的会员国在2020年1月1日至3日提交了报告。",
     "Two thirds of Member States submitted reports from 1 to 3 January 2020."),
    ("第七章授权部队保护平民。",
     "Chapter VII authorizes the force to protect civilians."),
    ("二. 2020年的活动",
     "II. Activities in 2020"),
    ("COVID-19大流行期间，三个特派团的两千五百万名受益者获得了援助。",
     "During the COVID-19 pandemic, 25 million beneficiaries of three missions received assistance."),
]


@pytest.mark.parametrize(("zh", "en"), PAIRS)
def test_translations_give_the_same_anchors(zh: str, en: str) -> None:
    zh_tokens, en_tokens = chinese_anchors(zh), english_anchors(en)
    assert zh_tokens, zh
    assert Counter(zh_tokens) == Counter(en_tokens)


def test_unrelated_sentences_share_nothing() -> None:
    for k, (zh, _) in enumerate(PAIRS):
        _, en = PAIRS[(k + 3) % len(PAIRS)]
        assert not set(chinese_anchors(zh)) & set(english_anchors(en)), (zh, en)


def test_acronyms_that_chinese_translates_are_their_own_kind() -> None:
    # UN Chinese spells most acronyms out (UNMISS is 南苏丹特派团): the aligner can weigh
    # an unmatched acr: token less than an unmatched number.
    zh = chinese_anchors("联合国南苏丹特派团(南苏丹特派团)保护了平民。")
    en = english_anchors("The United Nations Mission in South Sudan (UNMISS) protected civilians.")
    assert zh == ["("] and en == ["(", "acr:unmiss"]


def test_order_of_appearance() -> None:
    assert chinese_anchors("见S/2018/184，共有10人，“和平”？") == ["sym:s/2018/184", "#10", "q", "?"]
    assert english_anchors('See S/2018/184: 10 people, "peace"?') == ["sym:s/2018/184", "#10", "q", "?"]


# --- totality and determinism ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "\ufeff", "\ud800", "1" * 5000, "10" + "0" * 29, "9" * 5000 + "亿",
     "十" * 1000, "一" * 1000 + "年", "亿" * 50, "3." * 200, "(" * 100, "百分之" * 50, "第" * 30,
     "1,000," * 100, "May " * 50, "A/" * 100, "http://" + "a" * 1000, "I. ", "(a)", "一、",
     "%", "12%%", "0.0", "00000", "点点点", "三点", "1e30", "10^30", "1 000 000 000 000 000 000 000"],
)
def test_total_on_odd_input(text: str) -> None:
    for function in (chinese_anchors, english_anchors):
        tokens = function(text)
        assert isinstance(tokens, list) and all(isinstance(t, str) and t for t in tokens)


def test_huge_numbers_are_exact() -> None:
    assert english_anchors("1 000 000 000 000 000 000 000 000 000 000") == ["#" + "1" + "0" * 30]
    assert chinese_anchors("10" + "0" * 29 + "亿")[0] == "#1" + "0" * 38


def test_total_and_deterministic_on_random_strings() -> None:
    rng = random.Random(4)
    alphabet = ("0123456789 ,.%/-()（）“”\"?？年月日第百千万亿点之分一二三四五六七八九十两零〇"
                "ABCIVXabcmillionper cent\x00\x1f\u3000\uff10\uff05")
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert chinese_anchors(text) == chinese_anchors(text)
        assert english_anchors(text) == english_anchors(text)
