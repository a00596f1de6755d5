"""Sentences out of documents: one entry point, the same for ``segment`` and ``align``."""

from __future__ import annotations

from tmkit.document import Document, Sentence
from tmkit.segment.chinese import split_chinese
from tmkit.segment.english import split_english

SPLITTERS = {"zh": split_chinese, "en": split_english}


def segment_document(document: Document) -> list[Sentence]:
    """Split every block into sentences; a block boundary is always a sentence boundary."""
    split = SPLITTERS[document.lang]
    return [
        Sentence(text=piece, block=index, label=block.label)
        for index, block in enumerate(document.blocks)
        for piece in split(block.text)
    ]
