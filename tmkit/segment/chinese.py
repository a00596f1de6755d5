"""Chinese sentence splitting.

Chinese ends sentences with full-width 。！？ (and runs such as ！？ or the ellipsis
……). A closing quote or bracket that follows belongs to the sentence it closes.
Semicolons, commas and colons never end a segment: UN enumerations such as
``(a) …；(b) …；`` are one sentence in the English too.
"""

from __future__ import annotations

import re

_CLOSERS = "”’」』）)》〉】〕］\"'"
# A terminator run, then any closers. ASCII ?/! count only after a CJK character,
# so Latin text embedded in Chinese is never split.
_BOUNDARY = re.compile(
    rf"(?:[。！？]+|(?<=[\u3400-\u9fff])[!?]+|…{{2,}}|\.{{6}})[{re.escape(_CLOSERS)}]*"
)


def split_chinese(text: str) -> list[str]:
    """Split one block of Chinese text into sentences, stripping surrounding space."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text.rstrip()):
            break
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
