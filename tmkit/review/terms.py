"""Where termbase terms stand in a link, for the page to highlight, and which lack their equivalent.

The judgement is ``tmkit terms check``'s (:class:`tmkit.terms.check.TermChecker`): a
Chinese term whose concept has none of its English terms in the link is ``missing``.
This module only adds positions: Chinese terms leftmost-longest, English terms word by
word with the checker's inflection-tolerant keys (``peacekeeping operations`` is the term
``peacekeeping operation``), so the reviewer sees each term where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tmkit.review.model import Review, ReviewLink
from tmkit.termbase.model import Termbase
from tmkit.terms.check import TermChecker
from tmkit.terms.english import phrase_key, word_key
from tmkit.tmx.units import join_sentences
from tmkit.tmx.writer import TranslationUnit

__all__ = ["TermMark", "TermMarker"]

#: Words as the checker's keys see them: a hyphen separates words (``Secretary-General``), a
#: possessive ``'s`` is not part of one.
_WORD = re.compile(r"[A-Za-z]+(?:['’](?!s\b)[A-Za-z]+)*|\d+(?:[.,]\d+)*")
#: The same word comes back thousands of times in a long text: its key is computed once.
_key = lru_cache(maxsize=1 << 16)(word_key)


@dataclass(frozen=True)
class TermMark:
    """One term found in one sentence: ``[start, end)`` of the sentence's text."""

    side: str
    sentence: int
    start: int
    end: int
    concept: str
    status: str  #: ``ok``, ``missing`` (no English equivalent in the link) or ``deprecated``
    hint: str  #: the English terms expected, or the preferred term instead of a deprecated one

    def as_list(self) -> list:
        """The compact form the page receives."""
        return [self.side, self.sentence, self.start, self.end, self.concept, self.status, self.hint]


class TermMarker:
    """Finds a termbase's terms in links; build once per termbase."""

    def __init__(self, termbase: Termbase):
        self._checker = TermChecker(termbase)
        self._zh: dict[str, list[tuple[str, str, bool, str]]] = {}
        self._en: dict[str, list[tuple[tuple[str, ...], str, bool, str]]] = {}
        for concept in termbase:
            usable_en = " | ".join(t.text for t in concept.en if t.usable)
            for term in concept.zh:
                hint = usable_en if term.usable else concept.preferred("zh").text
                self._zh.setdefault(term.text[0], []).append((term.text, concept.id, term.usable, hint))
            for term in concept.en:
                key = phrase_key(term.text)
                if key:
                    self._en.setdefault(key[0], []).append((key, concept.id, term.usable, concept.preferred("en").text))
        for entries in self._zh.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        for entries in self._en.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def _chinese(self, text: str) -> list[tuple[int, int, str, bool, str]]:
        found, position = [], 0
        while position < len(text):
            for term, concept, usable, hint in self._zh.get(text[position], ()):
                if text.startswith(term, position):
                    found.append((position, position + len(term), concept, usable, hint))
                    position += len(term)
                    break
            else:
                position += 1
        return found

    def _english(self, text: str) -> list[tuple[int, int, str, bool, str]]:
        words = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text)]
        keys = [key for _, _, key in words]
        found, position = [], 0
        while position < len(words):
            for key, concept, usable, hint in self._en.get(keys[position], ()):
                if tuple(keys[position:position + len(key)]) == key:
                    end = position + len(key) - 1
                    found.append((words[position][0], words[end][1], concept, usable, hint))
                    position = end + 1
                    break
            else:
                position += 1
        return found

    def marks(self, review: Review, link: ReviewLink) -> list[TermMark]:
        """The terms of one link, Chinese then English, with the checker's verdict on each."""
        missing: set[str] = set()
        if link.zh and link.en:
            unit = TranslationUnit(zh=join_sentences([review.zh[i].text for i in link.zh], "zh"),
                                   en=join_sentences([review.en[j].text for j in link.en], "en"), tuid="")
            missing = {f.concept for f in self._checker.check(unit) if f.issue == "missing"}
        result = []
        for side, finder in (("zh", self._chinese), ("en", self._english)):
            for index in link.side(side):
                for start, end, concept, usable, hint in finder(review.sentences(side)[index].text):
                    status = "deprecated" if not usable else ("missing" if side == "zh" and concept in missing else "ok")
                    result.append(TermMark(side, index, start, end, concept, status, hint))
        return result
