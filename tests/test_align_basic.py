"""Aligner invariants that hold for every input: coverage, order, determinism."""

from __future__ import annotations

import random

import pytest

from tmkit.align import align
from tmkit.align.link import Link


def assert_valid(links: list[Link], n: int, m: int) -> None:
    """Every sentence in exactly one link, in order, links never crossing, scores in [0, 1]."""
    assert [i for link in links for i in link.zh] == list(range(n))
    assert [j for link in links for j in link.en] == list(range(m))
    assert all(0.0 <= link.score <= 1.0 for link in links)
    assert all(link.zh or link.en for link in links)


def test_one_to_two_and_number_anchors():
    zh = ["会议于2009年7月31日举行。", "安理会通过了第1325(2000)号决议。",
          "2015年，小组提出了十项建议，其中七项已经执行，其余三项正在审议之中。", "谢谢。"]
    en = ["The meeting was held on 31 July 2009.", "The Council adopted resolution 1325 (2000).",
          "In 2015, the Panel made ten recommendations.",
          "Seven have been implemented and the other three are under review.",
          "Thank you."]
    links = align(zh, en)
    assert_valid(links, 4, 5)
    assert [(link.zh, link.en) for link in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,))]


@pytest.mark.parametrize("n,m", [(0, 0), (3, 0), (0, 4)])
def test_empty_and_one_sided(n: int, m: int):
    links = align(["中文句子。"] * n, ["An English sentence."] * m)
    assert_valid(links, n, m)
    assert all(len(link.zh) + len(link.en) == 1 for link in links)


def test_random_texts_are_covered_and_deterministic():
    rng = random.Random(7)
    zh = ["字" * rng.randint(5, 60) + "。" for _ in range(120)]
    en = [" ".join(["word"] * rng.randint(3, 40)) + "." for _ in range(130)]
    first = align(zh, en)
    assert_valid(first, len(zh), len(en))
    assert align(zh, en) == first
