"""The aligner on constructed cases: each link type, anchors against lengths, long inputs.

The fixture is a small parallel text of UN-style sentences written for these tests
(no numbers, so that only lexical and length evidence tells the sentences apart).
"""

from __future__ import annotations

import random

import pytest

from tests.test_align_basic import assert_valid
from tmkit.align import align
from tmkit.review.session import DEFAULT_THRESHOLD

PAIRS = [
    ("安全理事会审议了秘书长关于南苏丹局势的报告。",
     "The Security Council considered the report of the Secretary-General on the situation in South Sudan."),
    ("理事会成员对平民遭受的暴力表示严重关切。",
     "Council members expressed grave concern about the violence against civilians."),
    ("他们呼吁各方立即停止敌对行动。", "They called on all parties to cease hostilities immediately."),
    ("维持和平特派团继续保护难民营中的流离失所者。",
     "The peacekeeping mission continued to protect displaced persons in the refugee camps."),
    ("人道主义机构报告说，粮食短缺正在恶化。", "Humanitarian agencies reported that food shortages were worsening."),
    ("大会通过了关于可持续发展的决议。", "The General Assembly adopted a resolution on sustainable development."),
    ("各国代表团欢迎妇女更多地参与和平进程。",
     "Delegations welcomed the greater participation of women in the peace process."),
    ("工作组建议加强与部队派遣国的合作。",
     "The Working Group recommended strengthening cooperation with troop-contributing countries."),
    ("秘书处将向委员会提交一份关于预算的说明。", "The Secretariat will submit a note on the budget to the Committee."),
    ("会议在主席宣布闭幕后结束。", "The meeting ended after the President declared it closed."),
    ("人权理事会任命了一名特别报告员。", "The Human Rights Council appointed a Special Rapporteur."),
    ("选举委员会宣布了最后结果。", "The electoral commission announced the final results."),
    ("儿童基金会为学校提供了教科书和饮用水。", "UNICEF provided textbooks and drinking water to schools."),
    ("难民署在边境地区开设了新的接待中心。", "UNHCR opened new reception centres in the border areas."),
]
ZH = [zh for zh, _ in PAIRS]
EN = [en for _, en in PAIRS]


def pairs(links) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.zh, link.en) for link in links]


def one_to_one(count: int, start_zh: int = 0, start_en: int = 0):
    return [((start_zh + k,), (start_en + k,)) for k in range(count)]


def test_parallel_text_is_all_one_to_one():
    links = align(ZH, EN)
    assert pairs(links) == one_to_one(len(PAIRS))
    assert all(link.score > 0.8 for link in links)


@pytest.mark.parametrize("k", [3, 7])
@pytest.mark.parametrize("kind", ["1-2", "2-1", "1-3", "3-1"])
def test_merged_sentences_give_many_sentence_links(kind: str, k: int):
    a, b = (int(x) for x in kind.split("-"))
    width = max(a, b)  # sentences merged into one on the side that has 1
    zh = ZH[:k] + ["".join(ZH[k : k + width])] + ZH[k + width :] if a == 1 else list(ZH)
    en = EN[:k] + [" ".join(EN[k : k + width])] + EN[k + width :] if b == 1 else list(EN)
    links = align(zh, en)
    assert_valid(links, len(zh), len(en))
    expected = ((k,), tuple(range(k, k + width))) if a == 1 else ((tuple(range(k, k + width))), (k,))
    assert expected in pairs(links)
    assert len(links) == len(PAIRS) - width + 1


@pytest.mark.parametrize("k", [0, 5, 13])
@pytest.mark.parametrize("side", ["zh", "en"])
def test_untranslated_sentence_is_never_merged_unflagged(side: str, k: int):
    """A sentence whose translation is missing is left unmatched, or else the link that takes it
    in scores under the review threshold. Free translation adds sentences ("'Stop!' he
    shouted.") that the literary gold joins to their neighbour's link, and a dictionary alone
    cannot tell such an addition from a lost translation; what it must never do is hide one
    inside a link it is sure of. Every other sentence keeps its 1-1 link."""
    zh = ZH[:k] + ZH[k + 1 :] if side == "en" else list(ZH)
    en = EN[:k] + EN[k + 1 :] if side == "zh" else list(EN)
    links = align(zh, en)
    assert_valid(links, len(zh), len(en))
    expected = one_to_one(k) + one_to_one(len(PAIRS) - k - 1, k + (side == "zh"), k + (side == "en"))
    holding = [link for link in links if k in (link.zh if side == "zh" else link.en)]
    assert len(holding) == 1
    link = holding[0]
    rest = (tuple(i for i in link.zh if side != "zh" or i != k), tuple(j for j in link.en if side != "en" or j != k))
    if rest != ((), ()):  # taken into a neighbour's link: flagged, and the neighbour's pair is right
        assert rest in expected
        assert link.score < DEFAULT_THRESHOLD
    others = [(other.zh, other.en) for other in links if other is not link]
    assert sorted(others + ([rest] if rest != ((), ()) else [])) == expected


def test_numbers_and_dates_override_misleading_lengths():
    zh = ["会议于2009年7月31日开幕。", "安理会通过了第1888号决议。", "特派团的任务期限延至2010年5月31日。"]
    en = ["The meeting opened on 31 July 2009 in the presence of delegations from every region of the world, "
          "many observers and the representatives of numerous intergovernmental organizations.",
          "Resolution 1888 was adopted.",
          "The mandate of the mission was extended until 31 May 2010."]
    links = align(zh, en)
    assert pairs(links) == one_to_one(3)
    assert links[0].score > 0.9  # a 5x length ratio, but date and words agree


def test_paragraph_labels_anchor_the_alignment():
    zh, en = ZH[:6], EN[:6]
    labels = ["1.", None, "2.", None, "3.", None]
    # Drop a Chinese sentence inside paragraph 2: the labels keep paragraph 3 in place.
    links = align(zh[:3] + zh[4:], en, zh_labels=labels[:3] + labels[4:], en_labels=labels)
    assert ((3,), (4,)) in pairs(links) and ((), (3,)) in pairs(links)


def test_max_link_limits_link_size():
    en = EN[:3] + [" ".join(EN[3:6])] + EN[6:]
    links = align(ZH, en, max_link=2)
    assert_valid(links, len(ZH), len(en))
    assert all(len(link.zh) <= 2 and len(link.en) <= 2 for link in links)


def test_ten_thousand_sentences_finish_and_stay_aligned():
    rng = random.Random(3)
    zh, en, gold = [], [], []
    for k in range(10_000):
        z, e = PAIRS[rng.randrange(len(PAIRS))]
        zh.append(z.replace("。", f"（第{k}号）。"))
        en.append(e.rstrip(".") + f" (No. {k}).")
        gold.append(((k,), (k,)))
    drop = set(rng.sample(range(10_000), 100))
    en = [e for k, e in enumerate(en) if k not in drop]
    links = align(zh, en)
    assert_valid(links, len(zh), len(en))
    unmatched = [link.zh[0] for link in links if not link.en]
    assert len(set(unmatched) & drop) >= 95
    assert sum(1 for link in links if len(link.zh) == len(link.en) == 1) >= 9_850


def test_paragraph_anchors_need_unique_labels_or_runs():
    from tmkit.align.paragraphs import paragraph_anchors

    zh = ["1.", None, "2.", "(a)", "(b)", "3.", "1."]
    en = ["1.", "2.", None, "(a)", "(b)", None, "3.", "4."]
    # 1., 2., (a), (b), 3. match in runs; the Chinese second "1." (an annex list) does not.
    assert paragraph_anchors(zh, en) == [(0, 0), (2, 1), (3, 3), (4, 4), (5, 6)]
    assert paragraph_anchors(["1.", None, "1."], ["5.", "1."]) == []
