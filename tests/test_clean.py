"""Cleaning PDF-extracted text: paragraphs, furniture, footnotes, markers, labels."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tmkit.clean import clean_extracted, clean_extracted_text
from tmkit.clean.furniture import is_furniture
from tmkit.document import BlockKind, Document
from tmkit.segment import segment_document

ZH_PAGE = """\
   2018 年 3 月 2 日荷兰常驻联合国代表给秘书长的信

 我谨通知你，在荷兰王国担任主席期间，安全理事会计划于 2018 年 3 月 28

日星期三举行主题为“采取集体行动改善联合国维和行动”的公开辩论。公开辩

论的目的是讨论如何改善所有行为体参与支持联合国维和行动的方式。

常驻代表

大使

 一. 导言

1. 在安全理事会努力加强与部队派遣国合作的背景下，2001 年 1 月 31 日安全

理事会主席声明(S/PRST/2001/3)宣布设立安全理事会维持和平行动工作组。

2. 这两个部的改组计划侧重于如下 8 个优先方面，由安全和安保部制订并得到机构

__________________

1
 A/61/19（Part II）。定稿请见《大会正式记录》。

S/2018/184

18-03413 (C) 2/6

间安保管理网认可的 2004 安全风险管理模式，依然是主要工具。

(a) 为两个部的活动确立共同政策和程序；

(b) 挑选担任高级职务的人员。

41．国际公务员制度委员会审查了秘书处关于改革合同安排和外地服务条件的提案。
2
 公务员制度委员会在 2006 年度报告中支持逐渐废除限期任用合同。

– 安全理事会在制定任务时应严格评价任务的必要性

– 应确定任务的主次顺序
"""

EN_PAGE = """\
1. The Working Group held its first meeting on 25 February 2009, with the Under-
Secretary-General for Peacekeeping Operations. The members of the Working Group ex-
changed views on the organization of its work.

09-44821 (E)
*0944821*

2. The Chair recalled that, in accordance with presidential statement S/PRST/2001/3,
the Working Group would discuss generic peacekeeping issues.
"""


def kinds_and_texts(text: str, lang: str) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in clean_extracted_text(text, lang)]


def test_chinese_paragraphs_rebuilt_without_spaces_between_han():
    blocks = clean_extracted_text(ZH_PAGE, "zh")
    body = blocks[1].text
    assert body.startswith("我谨通知你，在荷兰王国担任主席期间，安全理事会计划于2018年3月28日星期三举行")
    assert "公开辩论的目的" in body and body.endswith("维和行动的方式。")


def test_headings_signature_lines_and_labels():
    blocks = clean_extracted_text(ZH_PAGE, "zh")
    assert (blocks[0].kind, blocks[2].text, blocks[3].text) == (BlockKind.HEADING, "常驻代表", "大使")
    heading = blocks[4]
    assert heading.kind is BlockKind.HEADING and heading.label == "一."
    numbered = [block for block in blocks if block.label == "1."]
    assert numbered[0].kind is BlockKind.ITEM
    assert numbered[0].text.endswith("宣布设立安全理事会维持和平行动工作组。")
    assert [b.label for b in blocks if b.label in ("(a)", "(b)", "41.")] == ["(a)", "(b)", "41."]


def test_page_furniture_dropped_and_paragraph_continued_across_footnotes():
    result = clean_extracted(ZH_PAGE, "zh")
    assert "S/2018/184" in result.removed and "18-03413 (C) 2/6" in result.removed
    paragraph_two = next(block for block in result.blocks if block.label == "2.")
    assert paragraph_two.text.endswith("由安全和安保部制订并得到机构间安保管理网认可的2004安全风险管理模式，依然是主要工具。")
    footnotes = [block for block in result.blocks if block.kind is BlockKind.FOOTNOTE]
    assert [(f.label, f.text) for f in footnotes] == [("1", "A/61/19（Part II）。定稿请见《大会正式记录》。")]
    assert all("____" not in block.text for block in result.blocks)


def test_footnote_reference_lines_become_markers():
    block = next(b for b in clean_extracted_text(ZH_PAGE, "zh") if b.label == "41.")
    assert "提案。公务员制度委员会" in block.text
    (marker,) = block.markers
    assert marker.label == "2" and block.text[: marker.offset].endswith("的提案。")


def test_superscript_markers_and_footnote_lines():
    text = "3. 联合国是最大的提供者，在四大洲的39个特派团服务。¹ 联合国特使们在努力。\n\n¹ 这一数字包括16个维持和平行动。\n"
    blocks = clean_extracted_text(text, "zh")
    assert blocks[0].text == "3. 联合国是最大的提供者，在四大洲的39个特派团服务。联合国特使们在努力。"
    assert [(m.label, blocks[0].text[m.offset - 3 : m.offset]) for m in blocks[0].markers] == [("1", "服务。")]
    assert (blocks[1].kind, blocks[1].label, blocks[1].text) == (BlockKind.FOOTNOTE, "1", "这一数字包括16个维持和平行动。")


def test_bullets_are_items_of_their_own():
    bullets = [b.text for b in clean_extracted_text(ZH_PAGE, "zh") if b.text.startswith("–")]
    assert bullets == ["– 安全理事会在制定任务时应严格评价任务的必要性", "– 应确定任务的主次顺序"]


def test_english_dehyphenation_and_furniture():
    result = clean_extracted(EN_PAGE, "en")
    first, second = result.blocks
    assert "with the Under-Secretary-General for Peacekeeping" in first.text
    assert "members of the Working Group exchanged views" in first.text
    assert second.label == "2." and "S/PRST/2001/3, the Working Group" in second.text
    assert result.removed == ["09-44821 (E)", "*0944821*"]


@pytest.mark.parametrize("line", ["A/62/627", "S/2018/184", "07-66270 (C)10", "1107-66270 (C)", "18-03413 (C) 2/6",
                                  "2/6", "GE.18-01234 (E)", "https://undocs.org/ch/S/PRST/2001/3"])
def test_furniture_patterns(line: str):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["大使", "1. 会议", "见 S/2018/184。", "2009 年"])
def test_not_furniture(line: str):
    assert not is_furniture(line)


# --- the five seeds -------------------------------------------------------------------------

SEEDS = sorted((SHARED / "seeds").glob("0*.txt")) if (SHARED / "seeds").exists() else []
FURNITURE_IN_TEXT = re.compile(r"\d{2}-\d{5}\s*\([A-Z]\)|_{5,}|https?://undocs\.org")
WRAP_ARTEFACT = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|\n")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _non_space(text: str) -> Counter:
    return Counter(ch for ch in text.translate(SUPERSCRIPTS) if not ch.isspace())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_segments_are_clean(seed: Path):
    text = seed.read_text(encoding="utf-8")
    result = clean_extracted(text, "zh")
    sentences = segment_document(Document(lang="zh", blocks=result.blocks))
    assert len(sentences) > 20
    for sentence in sentences:
        assert not FURNITURE_IN_TEXT.search(sentence.text), sentence.text
        assert not WRAP_ARTEFACT.search(sentence.text), sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
    symbols = {line for line in result.removed if re.fullmatch(r"[A-Z]/[\w/.()–-]+", line)}
    for sentence in sentences:
        assert sentence.text not in symbols


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_body_characters_survive(seed: Path):
    text = seed.read_text(encoding="utf-8")
    result = clean_extracted(text, "zh")
    before = _non_space(text) - _non_space("".join(result.removed))
    after = _non_space("".join(block.text for block in result.blocks))
    after += _non_space("".join(m.label for block in result.blocks for m in block.markers))
    after += _non_space("".join(block.label or "" for block in result.blocks if block.kind is BlockKind.FOOTNOTE))
    assert before - after == Counter(), "characters lost"
    assert set((after - before).keys()) <= {"."}, "only a restored paragraph-number full stop may be added"


def test_seeds_present_or_skipped():
    if not SEEDS:
        pytest.skip("../shared/seeds is absent")
    assert len(SEEDS) == 5


def test_chinese_join_adds_no_space_before_ascii_brackets_but_keeps_latin_words_apart():
    text = " 我谨提交工作组的临时报告\n\n(见附件)。\n\n 见 A/61/255 和 Add.1 和 Corr.1 以及 General\n\nAssembly 的文件。\n"
    blocks = clean_extracted_text(text, "zh")
    assert blocks[0].text == "我谨提交工作组的临时报告(见附件)。"
    assert "General Assembly" in blocks[1].text
