"""A small alignment under review, the same for the model, file, HTTP and browser tests.

Six Chinese and six English sentences of UN prose; the aligner's typical doubt: the
third Chinese sentence left unmatched (1-0) next to its English translation left
unmatched too (0-1), both scoring low. The Security Council sentence has its term on
both sides; the peacekeeping sentence lacks the English equivalent of 维持和平行动.
"""

from __future__ import annotations

from pathlib import Path

from tmkit.review.intertext import IntertextFile, write_intertext
from tmkit.review.model import Review, ReviewLink, Sentence

ZH = [
    "安全理事会于2018年3月15日举行会议。",
    "会议通过了第2406(2018)号决议。",
    "秘书长介绍了报告。",
    "维持和平行动面临新的挑战。",
    "会员国表示支持。",
    "会议于下午1时结束。",
]
EN = [
    "The Security Council met on 15 March 2018.",
    "The meeting adopted resolution 2406 (2018).",
    "The Secretary-General introduced the report.",
    "The missions face new challenges.",
    "Member States expressed their support.",
    "The meeting rose at 1 p.m.",
]
LINKS = [
    ReviewLink((0,), (0,), 0.98),
    ReviewLink((1,), (1,), 0.97),
    ReviewLink((2,), (), 0.12, flag="low-score"),
    ReviewLink((), (2,), 0.10, flag="low-score"),
    ReviewLink((3,), (3,), 0.91),
    ReviewLink((4,), (4,), 0.95),
    ReviewLink((5,), (5,), 0.96),
]


def sample_review() -> Review:
    """A fresh copy of the sample alignment, nothing reviewed."""
    return Review(zh=[Sentence(text, paragraph=i) for i, text in enumerate(ZH)],
                  en=[Sentence(text, paragraph=i) for i, text in enumerate(EN)],
                  links=list(LINKS), zh_source="zh/meeting.txt", en_source="en/meeting.txt",
                  options={"max-link": "4"}, min_score=0.5)


def write_sample(folder: Path) -> IntertextFile:
    """The sample written as ``folder/meeting.zh.en.xml`` with its two documents."""
    return write_intertext(sample_review(), folder / "meeting.zh.en.xml")
