"""Where a sentence's quotation marks leave it: inside a quotation or outside one.

A translator keeps a quotation whole. Where an English sentence ends inside a quotation (its
last quotation mark opens one: ``'You can sit there and talk,' said the old man, 'but what
am I to do?``, then ``Beg in the street?'``) and the Chinese sentence it is linked with ends
outside one (its last mark closes: ``老人道：“……难道叫我去讨饭不成？”``), the link is usually cut
in the wrong place: the next English sentence, which closes the quotation, belongs to it. The
same cut seen from the next link: its English side begins inside a quotation (the first mark
of ``Beg in the street?'`` closes one) where its Chinese side begins by opening one.
The cost model (:mod:`tmkit.align.cost`) looks at the first and last sentence of each side
of a link. The converse (Chinese inside, English outside) is no such sign: English closes a
quotation before ``she said`` and opens it again in the next sentence where the Chinese runs
on (她道：“我早知道了。 / 可是……), so gold links show it as often as wrong ones.

Only sentences with quotation marks say anything: a translation that drops the marks (a
magazine's Chinese reporting speech without them) or a sentence inside a long quotation (no
mark at all) is 0, neither inside nor outside. Whether a sentence continues a quotation
opened earlier is read from its own first mark only, not tracked from sentence to sentence:
one mark misread would carry to the end of the text.

Chinese marks quotations unambiguously (“ ” 「 」 『 』 ‘ ’). English does too with curly
quotes, but plain text often uses straight ones, and ``'`` is also the apostrophe: a mark
opens when it starts the text or follows a space, an opening bracket, a dash, a colon or
another mark and precedes a word; it closes when it follows a word or punctuation and
precedes a space, punctuation or the end. An apostrophe inside a word (``it's``,
``o'clock``) is neither, nor is one after an ``s`` and before a word, a plural possessive
(``the brothers' farm``, ``EDITORS' NOTE``); a quotation ending on such a word (``he called
them 'the twins' and left``) is the rarer case, missed.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

__all__ = ["quotation_bounds", "quotation_marks"]

_ZH_OPEN = "“「『‘"
_ANY_MARK = re.compile("[\"'“”「」『』‘’]")  # most sentences have none: one search tells
_ZH_MARK = re.compile("[“”「」『』‘’]")
_EN_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–\-:\"'“‘]))[\"'“‘](?=[\w…“‘\"'])")
_EN_CLOSE = re.compile(
    r"(?<=[\w.,!?;:…—–\-\"'”’)])(?<![sS])[\"'”’](?=$|[\s.,!?;:…—–\-)\]}\"'”’])"
    r"|(?<=[sS])[\"'”’](?=$|[.,!?;:…—–\-)\]}\"'”’]|\s+[^\w\s])"
)


def _marks(text: str, lang: str) -> list[int]:
    """The quotation marks of ``text`` in order: 1 for one that opens, -1 for one that closes."""
    if not _ANY_MARK.search(text):
        return []
    if lang == "zh":
        return [1 if mark in _ZH_OPEN else -1 for mark in _ZH_MARK.findall(text)]
    marks = [(m.start(), 1) for m in _EN_OPEN.finditer(text)] + [(m.start(), -1) for m in _EN_CLOSE.finditer(text)]
    return [kind for _, kind in sorted(marks)]


def quotation_marks(text: str, lang: str) -> tuple[int, int]:
    """Whether the first and the last quotation mark of ``text`` open (1) or close (-1) a
    quotation; (0, 0) if it has none. A first mark that closes: the sentence begins inside a
    quotation opened before it; a last mark that opens: it ends inside one."""
    marks = _marks(text, lang)
    return (marks[0], marks[-1]) if marks else (0, 0)


def quotation_bounds(sentences: Sequence[str], lang: str) -> np.ndarray:
    """(len(sentences), 2) int8: :func:`quotation_marks` of each sentence."""
    bounds = np.zeros((len(sentences), 2), dtype=np.int8)
    for k, text in enumerate(sentences):
        bounds[k] = quotation_marks(text, lang)
    return bounds
