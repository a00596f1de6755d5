"""Chinese words for lexical alignment evidence.

The aligner needs, for each Chinese sentence, the words it can look up in its
translation lexicon. The lexicon's own headwords (CC-CEDICT plus the termbase) are the
vocabulary: a greedy longest match over them keeps UN terms whole (安全理事会, not
安全 + 理事会) and every token it returns can be looked up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from tmkit.align.lexicon import Lexicon, TermPairs, aligner_lexicon, headword_lengths


class ChineseTokenizer:
    """Longest-match segmentation over the headwords of a translation lexicon."""

    def __init__(self, lexicon: Mapping[str, frozenset[str]]):
        self.lexicon = lexicon
        # The lengths of the headwords starting with each two characters: most positions
        # start no longer word, or one or two, so they need one or two lookups, not eight.
        self.lengths = lexicon.lengths if isinstance(lexicon, Lexicon) else headword_lengths(lexicon)
        # Single characters kept as words, learnt as met (character -> kept).
        self._characters: dict[str, bool] = {}

    def words(self, text: str) -> list[str]:
        """Lexicon words of ``text`` left to right; characters in no headword are skipped."""
        lexicon, lengths, characters = self.lexicon, self.lengths, self._characters
        words: list[str] = []
        i, n = 0, len(text)
        while i < n:
            for length in lengths.get(text[i : i + 2], ()):
                piece = text[i : i + length]
                if len(piece) == length and piece in lexicon:
                    words.append(piece)
                    i += length
                    break
            else:
                character = text[i]
                keep = characters.get(character)
                if keep is None:
                    keep = characters[character] = self._keeps(character)
                if keep:
                    words.append(character)
                i += 1
        return words

    def _keeps(self, character: str) -> bool:
        """Whether a single character is a word: single characters with many senses (的, 在,
        对…) say little about which English sentence is the translation and are left out."""
        senses = self.lexicon.get(character)
        return senses is not None and len(senses) <= 3


@lru_cache(maxsize=4)
def aligner_tokenizer(term_pairs: TermPairs = ()) -> ChineseTokenizer:
    """The tokenizer over CC-CEDICT plus ``term_pairs``, built once per process."""
    return ChineseTokenizer(aligner_lexicon(term_pairs))
