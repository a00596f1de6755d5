"""Per-sentence features the link costs are computed from.

Computed once per sentence, so that scoring a candidate link only adds up numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Arabic numbers, with thousands separators ("100,000", "100 000") and decimals or
# dotted paragraph numbers ("16.1"); a trailing full stop is not part of the number.
_NUMBER = re.compile(r"\d+(?:[,\u202f\u00a0 ]\d{3})*(?:\.\d+)*")
_SEPARATORS = re.compile(r"[,\u202f\u00a0 ]")


@dataclass(frozen=True)
class SentenceFeatures:
    length: int  # non-space characters
    numbers: tuple[str, ...]  # normalised numbers, in order of appearance
    label: str | None


def numbers_in(text: str) -> tuple[str, ...]:
    """Arabic numbers in ``text``, normalised so "100,000" and "100000" compare equal."""
    return tuple(_SEPARATORS.sub("", match.group()) for match in _NUMBER.finditer(text))


def sentence_features(text: str, label: str | None = None) -> SentenceFeatures:
    return SentenceFeatures(
        length=sum(1 for ch in text if not ch.isspace()),
        numbers=numbers_in(text),
        label=label,
    )
