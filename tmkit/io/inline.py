"""Inline text shared by the Word and HTML readers.

Both build a block's text run by run, collapse whitespace the way the printed document
shows it (no space between CJK characters at a line break), and record footnote
markers at their final offsets; both render list numbers as letters or Roman numerals.
"""

from __future__ import annotations

import re

from tmkit.document import Block, BlockKind, FootnoteMarker
from tmkit.langid import is_wide
from tmkit.segment.labels import block_label

_WHITESPACE = re.compile(r"([ \t\n\r\f\v\u00a0\u2000-\u200b\u202f\u205f]+)")
_EDGE_SPACE = " \t\n\r\f\v\u00a0\u3000"


class InlineText:
    """The text of one block, built run by run, with footnote markers at their final offsets.

    Whitespace collapses as a browser collapses it (any run of spaces, tabs and line
    breaks becomes one space), except that a line break between two Chinese
    characters disappears: Chinese has no spaces between words, so a wrapped line in
    the source must not put one there. Markers are recorded against the collapsed
    text, so their offsets stay right whatever whitespace came before them.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._last = ""
        self._pending: str | None = None  # whitespace seen since the last character: " " or "\n"
        self._markers: list[FootnoteMarker] = []

    def add(self, text: str | None) -> None:
        """Append inline text (any whitespace in it collapses)."""
        for piece in _WHITESPACE.split(text or ""):
            if not piece:
                continue
            if _WHITESPACE.fullmatch(piece):
                newline = "\n" in piece or "\r" in piece or self._pending == "\n"
                self._pending = "\n" if newline else " "
            else:
                self._emit(piece)

    def line_break(self) -> None:
        """A line break (``<br>``, ``w:br``): a space, or nothing between Chinese characters."""
        self.add("\n")

    def mark(self, label: str) -> None:
        """Record a footnote reference at the current end of the text."""
        self._markers.append(FootnoteMarker(offset=self._length, label=label))

    def _emit(self, piece: str) -> None:
        if self._pending and self._length:
            joined = self._pending == "\n" and is_wide(self._last) and is_wide(piece[0])
            if not joined:
                self._parts.append(" ")
                self._length += 1
        self._pending = None
        self._parts.append(piece)
        self._length += len(piece)
        self._last = piece[-1]

    def finish(self) -> tuple[str, tuple[FootnoteMarker, ...]]:
        """The text, stripped (ideographic indent spaces too), and its markers."""
        text = "".join(self._parts)
        stripped = text.lstrip(_EDGE_SPACE)
        shift = len(text) - len(stripped)
        stripped = stripped.rstrip(_EDGE_SPACE)
        markers = tuple(
            FootnoteMarker(offset=min(max(0, m.offset - shift), len(stripped)), label=m.label)
            for m in self._markers
        )
        return stripped, markers


def make_block(kind: BlockKind, text: str, markers: tuple[FootnoteMarker, ...] = (),
               prefix: str = "", separator: str = " ", item: bool = False) -> Block:
    """A block with its label; a labelled or list paragraph becomes an item.

    ``prefix`` is a list label rendered by the reader (``"(a)"``), put in front of the
    text as a printed page shows it, followed by ``separator``; markers shift with it. A paragraph that starts
    with a label of its own is an item too, exactly as for plain text.
    """
    if prefix:
        text = f"{prefix}{separator}{text}"
        markers = tuple(FootnoteMarker(m.offset + len(prefix) + len(separator), m.label) for m in markers)
    label = block_label(text) or (prefix.strip() or None)
    if kind is BlockKind.PARAGRAPH and (label or item):
        kind = BlockKind.ITEM
    return Block(kind=kind, text=text, label=label, markers=markers)


def letter_numeral(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (the letter repeated, as Word and browsers number)."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def roman_numeral(n: int) -> str:
    """Lower-case Roman numeral (1-3999; other numbers stay decimal)."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += numeral * count
    return out
