"""The sentences a memory cannot hold: 1-0 and 0-1 links, written to a side file.

A TM unit needs both languages, so a sentence the aligner left unmatched is not a
unit; but it is still the user's text (an omission in the translation, a footnote
only one version has, an alignment error to fix). ``tmkit align --unaligned FILE``
writes them here so that nothing is lost silently.

The file is TSV with a header row: ``document``, ``lang``, ``sentence`` (1-based,
the number used in the units' ``tuid``), ``paragraph`` (label, if any) and ``text``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import BinaryIO

from tmkit.io.atomic import atomic_output
from tmkit.pipeline import AlignedPair
from tmkit.tmx.merge import normalise_whitespace
from tmkit.tmx.units import document_name

__all__ = ["UNALIGNED_HEADER", "unaligned_rows", "write_unaligned", "write_unaligned_stream"]

UNALIGNED_HEADER = ("document", "lang", "sentence", "paragraph", "text")


def unaligned_rows(pair: AlignedPair) -> Iterator[tuple[str, str, str, str, str]]:
    """One row per sentence of a link with an empty side, in document order."""
    document = document_name(pair)
    for link in pair.links:
        if link.zh and link.en:
            continue
        lang, sentences, ids = ("zh", pair.zh, link.zh) if link.zh else ("en", pair.en, link.en)
        for i in ids:
            sentence = sentences[i]
            yield document, lang, str(i + 1), sentence.label or "", normalise_whitespace(sentence.text)


def write_unaligned_stream(pair: AlignedPair, stream: BinaryIO) -> int:
    """Write the unmatched sentences of ``pair`` as TSV to a binary stream; returns how many."""
    count = 0
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
    text.write("\t".join(UNALIGNED_HEADER) + "\n")
    for row in unaligned_rows(pair):
        text.write("\t".join(row) + "\n")
        count += 1
    text.detach()
    return count


def write_unaligned(pair: AlignedPair, path: str | os.PathLike[str]) -> int:
    """Write the unmatched sentences of ``pair`` to ``path`` (atomically); returns how many."""
    with atomic_output(path) as stream:
        return write_unaligned_stream(pair, stream)
