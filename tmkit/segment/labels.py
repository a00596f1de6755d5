"""Paragraph numbers and item letters at the start of a block.

UN documents number paragraphs identically in every language (``14.``, ``16.1``,
``(a)``, ``(iii)``), which makes the labels the strongest alignment anchors there are.
"""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"""^\s*(
        \d{1,3}(?:\.(?:\d{1,3}|[a-z]))+\.?        # 16.1  16.a  16.1.1
      | \d{1,3}[.．]                              # 14.  41．
      | [（(](?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})[)）]  # (a) (iii) (1) （a）
      | [A-Z]\.                                    # A.
      | [IVXLC]{1,6}\.                             # IV.
      | [一二三四五六七八九十]{1,3}[.、]            # 一. 二、
    )(?=\s|$|[\u3400-\u9fff])""",
    re.VERBOSE,
)


def block_label(text: str) -> str | None:
    """The paragraph number or item label ``text`` starts with, normalised, or None."""
    match = _LABEL.match(text)
    if not match:
        return None
    return match.group(1).replace("（", "(").replace("）", ")").replace("．", ".")
