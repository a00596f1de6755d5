"""Sentences out of documents: one entry point, the same for ``segment`` and ``align``.

Two segmenters: ``builtin`` (tmkit's own rules, tuned for UN Chinese and English, see
:mod:`tmkit.segment.chinese` and :mod:`tmkit.segment.english`) and ``srx`` (SRX 2.0
rules: LanguageTool's by default, or a CAT tool's exported file, see
:mod:`tmkit.segment.srx`). Either way a block boundary is always a sentence boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from tmkit.document import Document, Sentence
from tmkit.errors import InputError
from tmkit.segment.chinese import split_chinese
from tmkit.segment.english import split_english
from tmkit.segment.srx import rules_name, split_srx

SPLITTERS: dict[str, Callable[[str], list[str]]] = {"zh": split_chinese, "en": split_english}
SEGMENTERS = ("builtin", "srx")


def _uses_srx(segmenter: str, srx_rules: Path | str | None) -> bool:
    """An SRX file implies the SRX segmenter."""
    return segmenter == "srx" or srx_rules is not None


def splitter(lang: str, segmenter: str = "builtin", srx_rules: Path | str | None = None) -> Callable[[str], list[str]]:
    """The function that splits one block of ``lang`` text; ``srx_rules`` implies ``srx``."""
    if segmenter not in SEGMENTERS:
        raise InputError(f"unknown segmenter {segmenter!r} (expected one of {', '.join(SEGMENTERS)})")
    if _uses_srx(segmenter, srx_rules):
        return partial(split_srx, lang=lang, rules_path=srx_rules)
    return SPLITTERS[lang]


def segmentation_options(segmenter: str = "builtin", srx_rules: Path | str | None = None) -> dict[str, str]:
    """How text is segmented, as the ``x-tmkit-*`` TMX header properties record it."""
    if _uses_srx(segmenter, srx_rules):
        return {"segmenter": "srx", "srx-rules": rules_name(srx_rules)}
    return {"segmenter": segmenter}


def segment_document(
    document: Document, segmenter: str = "builtin", srx_rules: Path | str | None = None
) -> list[Sentence]:
    """Split every block into sentences; a block boundary is always a sentence boundary."""
    split = splitter(document.lang, segmenter, srx_rules)
    return [
        Sentence(text=piece, block=index, label=block.label)
        for index, block in enumerate(document.blocks)
        for piece in split(block.text)
    ]
