"""The document model every reader produces and every later stage consumes.

A document is an ordered list of blocks. Later stages (cleaning, segmentation,
alignment) never care whether the text came from PDF, Word, HTML or plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a block is; segmentation never crosses a block boundary."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class FootnoteMarker:
    """A footnote reference removed from body text (``《宣言》8`` -> ``《宣言》``).

    ``offset`` is the character position in the block's cleaned text where the marker
    stood, so the TMX writer can put it back (as an inline code) if it wants to.
    """

    offset: int
    label: str


@dataclass(frozen=True)
class Block:
    """One unit of document structure.

    ``label`` is the paragraph number or item letter the block starts with (``"16.1"``,
    ``"14."``, ``"(a)"``) when there is one; it stays inside ``text`` as well, so
    nothing is lost, and the aligner can use it as an anchor. For a footnote block,
    ``label`` is the footnote's number. ``markers`` are the footnote references that
    were taken out of ``text``.
    """

    kind: BlockKind
    text: str
    label: str | None = None
    markers: tuple[FootnoteMarker, ...] = ()


@dataclass
class Document:
    """A document in one language, as an ordered list of blocks."""

    lang: str
    blocks: list[Block] = field(default_factory=list)
    source: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A segment of a block, remembering which block (and paragraph label) it came from."""

    text: str
    block: int
    label: str | None = None
