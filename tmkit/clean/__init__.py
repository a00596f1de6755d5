"""Cleaning text extracted from PDF into the blocks a translator would recognise.

PDF extraction (pdftotext, copy-paste, our own PDF reader) gives lines, not
paragraphs: wrapped mid-sentence, with running headers and footers, footnote bodies
landing in the middle of a paragraph at a page break, and footnote reference numbers
left in the text. This module rebuilds paragraphs, drops the furniture, moves footnotes
into footnote blocks, and takes reference markers out of the body (recording where
they were). ``clean_extracted`` also returns every line it dropped, so nothing is lost
silently.
"""

from __future__ import annotations

from tmkit.clean.extracted import CleanedText, clean_extracted
from tmkit.document import Block


def clean_extracted_text(text: str, lang: str) -> list[Block]:
    """The blocks of PDF-extracted ``text`` in ``lang`` (``"zh"`` or ``"en"``)."""
    return clean_extracted(text, lang).blocks


__all__ = ["CleanedText", "clean_extracted", "clean_extracted_text"]
