"""English side of the term check: where a termbase term occurs in a sentence, as words.

A term occurs when its words occur in order as whole words of the sentence, each word
compared after removing inflection that does not change the term: plural (``operations``,
``countries``, ``analyses``, ``women``), possessive (``Council's``, ``countries’``) and
hyphenation (``troop-contributing`` = ``troop contributing``). Case depends on the term:

* names (``properNoun``) and acronyms are case-sensitive, so the bird ``turkey`` is not
  the former country name ``Turkey`` and ``who`` is not ``WHO``; a name may still open a
  sentence with a capital (``The former Yugoslav Republic …``) or stand in a heading in
  capitals (``TURKEY``);
* other terms are not (``Peacekeeping operations`` at the start of a sentence).

A multi-word common term also occurs in an elliptical coordination, where English shares
the head noun between several modifiers: ``physical, sexual or psychological violence``
holds ``sexual violence``, ``developing and least developed countries`` holds
``developing country``. A two-word common compound also occurs turned round, as English
paraphrases compounds: ``management of water`` for ``water management``, ``participation
of local communities`` for ``community participation``, ``building capacity`` for
``capacity-building``, ``reporting progress`` for ``progress report``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["TermPattern", "EnglishOccurrence", "EnglishIndex", "tokens", "singular", "is_case_sensitive"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[,;:().!?]")
_POSSESSIVE = re.compile(r"['’][sS]$")
#: Plurals that the suffix rules get wrong (lower case).
IRREGULAR_PLURALS = {
    "women": "woman", "men": "man", "children": "child", "people": "person", "analyses": "analysis",
    "crises": "crisis", "bases": "basis", "criteria": "criterion", "phenomena": "phenomenon", "lives": "life",
    "wives": "wife", "halves": "half", "diagnoses": "diagnosis", "theses": "thesis", "indices": "index",
    "appendices": "appendix", "addenda": "addendum", "corrigenda": "corrigendum", "media": "medium",
}
#: Words that join modifiers sharing one head noun (``sexual or psychological violence``).
COORDINATORS = frozenset({"and", "or", "nor", ","})
#: Tokens an elliptical coordination never crosses.
BARRIERS = frozenset({";", ":", "(", ")", ".", "!", "?"})
#: Tokens after which a word opens a sentence (its capital says nothing).
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})
#: Most words between the modifiers of a term and its head in an elliptical coordination.
MAX_ELLIPSIS_GAP = 5


def tokens(text: str) -> list[str]:
    """Word tokens (possessive removed, hyphenated words split) and the punctuation that bounds phrases and sentences."""
    text = unicodedata.normalize("NFKC", text)
    result = []
    for token in _TOKEN.findall(text.replace("-", " ").replace("‐", " ").replace("‑", " ")):
        result.append(_POSSESSIVE.sub("", token))
    return result


def singular(word: str) -> str:
    """The singular of an English word, keeping its case (``Operations`` → ``Operation``)."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        base = IRREGULAR_PLURALS[lower]
        return base.upper() if word.isupper() and len(word) > 1 else (base.capitalize() if word[0].isupper() else base)
    if len(word) > 4 and lower.endswith("ies"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    if len(word) > 4 and lower.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and not word.isupper():
        return word[:-1]
    return word


def is_case_sensitive(pos: str, term_type: str) -> bool:
    """Names and acronyms keep their case; common terms do not."""
    return pos == "properNoun" or term_type in ("acronym", "abbreviation")


@dataclass(frozen=True)
class TermPattern:
    """An English term as the matcher sees it: its words' singulars, and whether case counts."""

    words: tuple[str, ...]
    case_sensitive: bool
    elliptic: bool  #: may share its head noun in a coordination
    reversible: bool = False  #: a two-word compound that may be paraphrased "head (of) modifier"

    @classmethod
    def of(cls, text: str, pos: str, term_type: str) -> TermPattern | None:
        words = tuple(singular(token) for token in tokens(text))
        if not words:
            return None
        sensitive = is_case_sensitive(pos, term_type)
        common = not sensitive and pos in ("noun", "other")
        return cls(words, sensitive, elliptic=len(words) >= 2 and common,
                   reversible=len(words) == 2 and common and pos == "noun")


@dataclass(frozen=True)
class EnglishOccurrence:
    """One place a term occurs in a sentence: token span and the words as written."""

    key: object  #: what the caller indexed the pattern under
    start: int
    end: int
    surface: str
    exact_case: bool  #: False when only a case-insensitive comparison matched (reported, not accepted)
    sentence_start: bool = False  #: the first word opens a sentence, so its capital may be the sentence's


class EnglishIndex:
    """Finds every indexed term in a sentence in one pass over its tokens."""

    def __init__(self, entries: Iterable[tuple[object, TermPattern]]):
        self._by_first: dict[str, list[tuple[object, TermPattern]]] = {}
        self._by_head: dict[str, list[tuple[object, TermPattern]]] = {}
        for key, pattern in entries:
            self._by_first.setdefault(pattern.words[0].lower(), []).append((key, pattern))
            if pattern.reversible:
                for form in _verb_forms(pattern.words[1].lower()):
                    self._by_head.setdefault(form, []).append((key, pattern))

    def find(self, text: str) -> list[EnglishOccurrence]:
        """All occurrences in ``text``, case mismatches of case-sensitive terms included (``exact_case=False``)."""
        words = tokens(text)
        forms = [singular(word) for word in words]
        lowered = [form.lower() for form in forms]
        found = []
        for start, first in enumerate(lowered):
            for key, pattern in self._by_first.get(first, ()):
                end = _match(pattern, forms, lowered, start)
                if end is None:
                    continue
                size = len(pattern.words)
                places = [*range(start, start + size - 1), end - 1]  # the head may stand after an ellipsis
                exact = not pattern.case_sensitive or all(
                    _same_case(forms[place], word, i == 0) for i, (place, word) in enumerate(zip(places, pattern.words)))
                opens = start == 0 or words[start - 1] in SENTENCE_ENDS
                found.append(EnglishOccurrence(key, start, end, " ".join(words[start:end]), exact, opens))
            for key, pattern in self._by_head.get(first, ()):
                end = _turned_round(pattern, lowered, start)
                if end is not None:
                    found.append(EnglishOccurrence(key, start, end, " ".join(words[start:end]), True))
        return found


#: Words between the head and the modifier of a compound turned round (``management of the water``).
_TURN_LINKS = frozenset({"of", "for", "on"})
_ARTICLES = frozenset({"the", "a", "an"})


def _verb_forms(head: str) -> set[str]:
    """``report`` → report, reporting; ``building`` stays; ``engage`` → engaging."""
    forms = {head}
    if not head.endswith("ing"):
        forms.add((head[:-1] if head.endswith("e") else head) + "ing")
    return forms


def _turned_round(pattern: TermPattern, lowered: list[str], start: int) -> int | None:
    """End of ``head [of|for|on] [the] [one modifier] modifier`` at ``start``, or None."""
    modifier = pattern.words[0].lower()
    position = start + 1
    if position < len(lowered) and lowered[position] == modifier:
        return position + 1
    if position >= len(lowered) or lowered[position] not in _TURN_LINKS:
        return None
    position += 1
    if position < len(lowered) and lowered[position] in _ARTICLES:
        position += 1
    for end in (position, position + 1):
        if end < len(lowered) and lowered[end] == modifier:
            return end + 1
    return None


def _match(pattern: TermPattern, forms: list[str], lowered: list[str], start: int) -> int | None:
    """End of the occurrence of ``pattern`` at ``start`` (compared case-insensitively), or None."""
    size = len(pattern.words)
    wanted = [word.lower() for word in pattern.words]
    if lowered[start:start + size] == wanted:
        return start + size
    if not pattern.elliptic or lowered[start:start + size - 1] != wanted[:-1]:
        return None
    head = wanted[-1]
    gap_start = start + size - 1
    for end in range(gap_start + 1, min(gap_start + MAX_ELLIPSIS_GAP + 1, len(lowered))):
        gap = lowered[gap_start:end]
        if any(token in BARRIERS for token in gap):
            return None
        if lowered[end] == head and any(token in COORDINATORS for token in gap):
            return end + 1
    return None


def _same_case(written: str, term_word: str, first: bool) -> bool:
    """A name's word as written: same case, all capitals (a heading), or capitalised at a sentence start."""
    if written == term_word:
        return True
    if written.isupper() and len(written) > 1 and not term_word.isupper():
        return True
    return first and term_word[:1].islower() and written == term_word[:1].upper() + term_word[1:]
