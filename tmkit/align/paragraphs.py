"""Paragraph structure first: numbered paragraphs that both versions share fix the alignment.

UN documents number their paragraphs identically in every language (``12.``, ``16.1``,
``(a)``), so where both sides carry labels, the sentences that open the same-numbered
paragraph must be aligned to each other. Those points split the document into stretches
that are aligned independently, sentence by sentence: a misalignment cannot drift past
a paragraph number, and each stretch is short.

Labels are matched in order (difflib's longest matching blocks over the two label
sequences). A lone matching label could be a coincidence (a list restarting at ``1.``
in an annex one version lacks), so only labels that occur once on each side, or runs
of at least two consecutive labels matching, are trusted.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from typing import Sequence

MIN_RUN = 2


def paragraph_anchors(
    zh_labels: Sequence[str | None], en_labels: Sequence[str | None]
) -> list[tuple[int, int]]:
    """(Chinese sentence, English sentence) positions that open the same paragraph, in order."""
    zh = [(k, label) for k, label in enumerate(zh_labels) if label]
    en = [(k, label) for k, label in enumerate(en_labels) if label]
    if not zh or not en:
        return []
    zh_count = Counter(label for _, label in zh)
    en_count = Counter(label for _, label in en)
    matcher = SequenceMatcher(None, [label for _, label in zh], [label for _, label in en], autojunk=False)
    anchors = []
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            (i, label), (j, _) = zh[block.a + offset], en[block.b + offset]
            if block.size >= MIN_RUN or zh_count[label] == en_count[label] == 1:
                anchors.append((i, j))
    return anchors


def stretches(n: int, m: int, anchors: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """The (zh start, zh end, en start, en end) stretches between consecutive anchors."""
    bounds = [(0, 0)] + [(i, j) for i, j in anchors if (i, j) != (0, 0)] + [(n, m)]
    return [(i0, i1, j0, j1) for (i0, j0), (i1, j1) in zip(bounds[:-1], bounds[1:]) if (i0, j0) != (i1, j1)]
