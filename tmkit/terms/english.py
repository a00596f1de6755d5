"""English side of term extraction and checks: words, noun-phrase candidates, inflection-tolerant keys.

No tagger: a term candidate is a run of content words bounded by stop words, with
``of``/``for``/``and``/``on``/``in`` allowed inside (``Department of Peace Operations``,
``Mission in South Sudan``). Alignment statistics, not grammar, decide which runs are
translations of Chinese terms. Keys drop case, hyphens and plural endings, so that
``peacekeeping operations`` matches the term ``peacekeeping operation`` and
``troop contributing countries`` matches ``troop-contributing country``.
"""

from __future__ import annotations

import re

from tmkit.terms.english_forms import singular

__all__ = ["words", "word_key", "phrase_key", "candidates", "STOP_WORDS", "INNER_WORDS"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s$")

#: Words that may stand inside a multi-word term but never at its edge.
INNER_WORDS = frozenset({"of", "for", "and", "on", "in", "the", "to"})
#: Words that never belong to a term candidate (function words, auxiliaries, common verbs
#: and adverbs of report prose).
STOP_WORDS = frozenset("""
a an the this that these those it its it's they them their there here he she his her we our us you your i me my
is are was were be been being am do does did done have has had having will would shall should can could may might must
not no nor but or and if then than so as at by with from into onto upon over under about after before between through
during without within against among also very more most less least such same other another each every any some all both
either neither only own just too again further once which who whom whose what when where why how while until because
although though whether since of for on in to up down out off new said says say including include includes included
make made take taken use used using well however therefore thus whereas like per via one two three four five
many much few several first second third last next already still yet even ever never always often also can't won't
""".split())


def words(text: str) -> list[str]:
    """Word tokens of ``text`` in their original case, possessive ``'s`` removed."""
    return [_POSSESSIVE.sub("", token) for token in _WORD.findall(text)]


def word_key(word: str) -> str:
    """Lower-case singular form of one word (the term check's :func:`~tmkit.terms.english_forms.singular`)."""
    return singular(word.lower().replace("’", "'"))


def phrase_key(text: str) -> tuple[str, ...]:
    """The key of a phrase: its words' keys, hyphenated words split (``Secretary-General`` = ``Secretary General``)."""
    return tuple(word_key(part) for token in words(text) for part in token.split("-") if part)


def _is_content(word: str) -> bool:
    if len(word) > 1 and word.isupper():  # an acronym: WHO, UNMISS, US
        return True
    return word.lower() not in STOP_WORDS and not word.isdigit() and len(word) > 1


def candidates(tokens: list[str], max_words: int = 5) -> set[str]:
    """Term candidates of one sentence: stop-word-bounded runs of 1 to ``max_words`` words.

    A run is written lower-case unless all its content words are capitalised (a UN
    name: ``Security Council``, ``World Health Organization``), so that sentence-initial
    capitals do not split counts.
    """
    found: set[str] = set()
    for start, first in enumerate(tokens):
        if not _is_content(first):
            continue
        for end in range(start + 1, min(start + max_words, len(tokens)) + 1):
            last = tokens[end - 1]
            inner = tokens[start:end]
            if not all(_is_content(w) or w.lower() in INNER_WORDS for w in inner):
                break
            if not _is_content(last):
                continue
            content = [w for w in inner if _is_content(w)]
            named = all(w[0].isupper() for w in content) and (len(content) > 1 or content[0].isupper())
            found.add(" ".join(inner) if named else " ".join(w.lower() for w in inner))
    return found
