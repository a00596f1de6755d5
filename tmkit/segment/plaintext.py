"""Blocks from plain text: paragraphs separated by blank lines.

Wrapped lines inside a paragraph are joined without a space between Chinese
characters and with one between English words.
"""

from __future__ import annotations

import re

from tmkit.document import Block, BlockKind
from tmkit.segment.labels import block_label

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between CJK characters, one space elsewhere."""
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if text and not (_is_wide(text[-1]) and _is_wide(line[0])):
            text += " "
        text += line
    return text


def _is_wide(ch: str) -> bool:
    """CJK characters and full-width punctuation, which are never separated by spaces."""
    code = ord(ch)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or 0x3000 <= code <= 0x303F


def blocks_from_text(text: str) -> list[Block]:
    """Split ``text`` into paragraph blocks, recognising numbered ones as items."""
    blocks = []
    for chunk in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        joined = join_lines(chunk.split("\n"))
        if joined:
            label = block_label(joined)
            kind = BlockKind.ITEM if label else BlockKind.PARAGRAPH
            blocks.append(Block(kind=kind, text=joined, label=label))
    return blocks
