"""Per-sentence features the link costs are computed from.

Computed once per sentence, so that scoring a candidate link only adds up numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tmkit.align.lexicon import chinese_words, english_stems

# Arabic numbers, with thousands separators ("100,000", "100 000") and decimals or
# dotted paragraph numbers ("16.1"); a trailing full stop is not part of the number.
_NUMBER = re.compile(r"\d+(?:[,\u202f\u00a0 ]\d{3})*(?:\.\d+)*")
_SEPARATORS = re.compile(r"[,\u202f\u00a0 ]")


@dataclass(frozen=True)
class SentenceFeatures:
    length: int  # non-space characters
    numbers: tuple[str, ...]  # normalised numbers, in order of appearance
    label: str | None
    # Lexical evidence: for Chinese, the dictionary words and the English stems they can
    # translate to; for English, the content-word stems.
    words: tuple[str, ...] = ()
    translations: frozenset[str] = frozenset()


def numbers_in(text: str) -> tuple[str, ...]:
    """Arabic numbers in ``text``, normalised so "100,000" and "100000" compare equal."""
    return tuple(_SEPARATORS.sub("", match.group()) for match in _NUMBER.finditer(text))


def sentence_features(text: str, label: str | None = None) -> SentenceFeatures:
    return SentenceFeatures(
        length=sum(1 for ch in text if not ch.isspace()),
        numbers=numbers_in(text),
        label=label,
    )


def chinese_features(text: str, label: str | None, lexicon: dict[str, frozenset[str]]) -> SentenceFeatures:
    """Length and anchors plus the dictionary words of a Chinese sentence."""
    words = tuple(w for w in chinese_words(text, lexicon) if len(w) > 1 or len(lexicon[w]) <= 3)
    translations = frozenset(stem for w in words for stem in lexicon[w])
    base = sentence_features(text, label)
    return SentenceFeatures(base.length, base.numbers, label, words, translations)


def english_features(text: str, label: str | None) -> SentenceFeatures:
    """Length and anchors plus the content-word stems of an English sentence."""
    base = sentence_features(text, label)
    return SentenceFeatures(base.length, base.numbers, label, tuple(english_stems(text)))
