"""Whether a sentence ends inside a quotation or outside one, as its quotation marks say.

A translator keeps a quotation whole. Where an English sentence ends inside a quotation (its
last quotation mark opens one: ``'You can sit there and talk,' said the old man, 'but what
am I to do?``, then ``Beg in the street?'``) and the Chinese sentence it is linked with ends
outside one (its last mark closes: ``老人道：“……难道叫我去讨饭不成？”``), the link is usually cut
in the wrong place: the next English sentence, which closes the quotation, belongs to it.
The cost model (:mod:`tmkit.align.cost`) looks at the last sentence of each side of a link.
The converse (Chinese inside, English outside) is no such sign: English closes a quotation
before ``she said`` and opens it again in the next sentence where the Chinese runs on
(她道：“我早知道了。 / 可是……), so gold links show it as often as wrong ones.

Only sentences with quotation marks say anything: a translation that drops the marks (a
magazine's Chinese reporting speech without them) or a sentence inside a long quotation (no
mark at all) is 0, neither inside nor outside. Whether a sentence continues a quotation
opened earlier is not tracked: one mark misread would carry to the end of the text.

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

__all__ = ["quotation_end", "quotation_ends"]

_ZH_OPEN = "“「『‘"
_ANY_MARK = re.compile("[\"'“”「」『』‘’]")  # most sentences have none: one search tells
_ZH_MARK = re.compile("[“”「」『』‘’]")
_EN_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–\-:\"'“‘]))[\"'“‘](?=[\w…“‘\"'])")
_EN_CLOSE = re.compile(
    r"(?<=[\w.,!?;:…—–\-\"'”’)])(?<![sS])[\"'”’](?=$|[\s.,!?;:…—–\-)\]}\"'”’])"
    r"|(?<=[sS])[\"'”’](?=$|[.,!?;:…—–\-)\]}\"'”’]|\s+[^\w\s])"
)


def quotation_end(text: str, lang: str) -> int:
    """1 if the last quotation mark of ``text`` opens a quotation, -1 if it closes one, 0 if
    ``text`` has none."""
    if not _ANY_MARK.search(text):
        return 0
    if lang == "zh":
        marks = _ZH_MARK.findall(text)
        return 0 if not marks else 1 if marks[-1] in _ZH_OPEN else -1
    opening = [m.start() for m in _EN_OPEN.finditer(text)]
    closing = [m.start() for m in _EN_CLOSE.finditer(text)]
    if not opening and not closing:
        return 0
    return 1 if max(opening, default=-1) > max(closing, default=-1) else -1


def quotation_ends(sentences: Sequence[str], lang: str) -> np.ndarray:
    """:func:`quotation_end` of each sentence, as an int array."""
    return np.array([quotation_end(text, lang) for text in sentences], dtype=np.int64)
