"""English sentence splitting: the Moses ``split-sentences.perl`` rules over sacremoses'
non-breaking-prefix list, extended with the abbreviations of UN English.

Why Moses rules: they are what most MT and TM tools were built with, they never cut
decimals or document symbols (no whitespace inside), and their prefix list marks
the "numeric only" prefixes (``No. 5``, ``Art. 3``) that UN text is full of.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sacremoses.corpus import NonbreakingPrefixes

# UN English abbreviations missing from the Moses list: 1 = never ends a sentence,
# 2 = does not end a sentence when a number follows ("para. 5", "Vol. II" is 1).
UN_PREFIXES: dict[str, int] = {
    "para": 2, "paras": 2, "Para": 2, "Paras": 2, "art": 2, "arts": 2, "Arts": 2,
    "no": 2, "nos": 2, "Corr": 2, "Add": 2, "Suppl": 2, "sect": 2, "Sect": 2,
    "ch": 2, "Ch": 2, "chap": 2, "Chap": 2, "vol": 1, "Vol": 1, "vols": 1, "fig": 2,
    "Fig": 2, "p": 2, "pp": 2, "cf": 1, "Cf": 1, "al": 1, "approx": 1, "Inc": 1,
    "Ltd": 1, "Co": 1, "Dept": 1, "Amb": 1, "Excy": 1, "a.m": 1, "p.m": 1, "viz": 1,
    "U.N": 1, "U.S": 1, "Mt": 1, "ed": 1, "eds": 1, "Ed": 1, "Eds": 1, "ibid": 2,
}

# Words that open numbered headings in UN documents ("Goal 16.", "Article 5.").
HEADING_WORDS = frozenset(
    "Goal Target Indicator Article Chapter Part Section Annex Appendix Rule Principle "
    "Recommendation Resolution Decision Table Figure Box Step Phase Objective Action "
    "Commitment Paragraph Enclosure Attachment Volume Book Title Schedule Protocol".split()
)

_OPEN = "'\"([¿¡\u2018\u201c\u00ab"  # sentence-starting punctuation (Moses' IsPi and friends)
_CLOSE = "'\")\\]\u2019\u201d\u00bb%"  # closing punctuation after a full stop (IsPf)
_STARTER = re.compile(rf"^[{re.escape(_OPEN)}]*[\d\w]")
_STARTER_UPPER = re.compile(rf"^[{re.escape(_OPEN)}]*(?:[^\W\d_a-z]|\d)")
_PERIOD_WORD = re.compile(rf"([\w.\-]*)([{re.escape(_CLOSE)}]*)(\.+)$")
_ACRONYM = re.compile(r"\.[^\W\d_a-z\-][^\W\d_a-z\-]*\.+$|^(?:[^\W\d_a-z]\.)+$")
_OTHER_END = re.compile(rf"[?!]+[{re.escape(_CLOSE)}]*$|\.{{2,}}[{re.escape(_CLOSE)}]*$|\u2026$")
_PUNCT_THEN_CLOSE = re.compile(rf"[?!.][{re.escape(_CLOSE)}]+$")
_LABEL = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-zA-Z]{1,4}\)|[IVXLC]+\.)$")


@lru_cache(maxsize=1)
def nonbreaking_prefixes() -> dict[str, int]:
    """Moses English prefixes (1 = always, 2 = before numbers only) plus UN ones."""
    table: dict[str, int] = {}
    for line in NonbreakingPrefixes().words("en"):
        word, _, marker = line.partition(" ")
        table[word] = 2 if "NUMERIC_ONLY" in marker else 1
    for word, kind in UN_PREFIXES.items():
        table.setdefault(word, kind)
    return table


def _is_upper_start(word: str) -> bool:
    return bool(_STARTER_UPPER.match(word)) and not word[:1].islower()


def _is_block_label(words: list[str]) -> bool:
    """The words so far are a paragraph label: "1.", "(a)", or a heading's "Goal 16."."""
    if len(words) == 1:
        return bool(_LABEL.match(words[0]))
    return len(words) == 2 and words[0] in HEADING_WORDS and bool(_LABEL.match(words[1]))


def _ends_sentence(word: str, following: str, prefixes: dict[str, int], so_far: list[str]) -> bool:
    """Whether the whitespace between ``word`` and ``following`` is a sentence break."""
    if not _is_upper_start(following):
        return False
    if _is_block_label(so_far):
        return False  # "1. The Council ...", "Article 5. Everyone ..."
    if _OTHER_END.search(word) or _PUNCT_THEN_CLOSE.search(word):
        return True
    match = _PERIOD_WORD.search(word)
    if not match:
        return False
    prefix, closing, _ = match.groups()
    if prefix and not closing:
        kind = prefixes.get(prefix)
        if kind == 1:
            return False
        if kind == 2 and following[:1].isdigit():
            return False
    if _ACRONYM.search(word) and not closing:
        # "U.S.A. The" is ambiguous; Moses keeps it together and so do we.
        return False
    return True


def split_english(text: str) -> list[str]:
    """Split one block of English text into sentences (whitespace normalised)."""
    words = text.split()
    if not words:
        return []
    prefixes = nonbreaking_prefixes()
    sentences: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        current.append(word)
        if i + 1 < len(words) and _ends_sentence(word, words[i + 1], prefixes, current):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences
