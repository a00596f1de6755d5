"""Chinese words for lexical alignment evidence.

The aligner needs, for each Chinese sentence, the words it can look up in its
translation lexicon. The lexicon's own headwords (CC-CEDICT plus the termbase) are the
vocabulary: a greedy longest match over them keeps UN terms whole (安全理事会, not
安全 + 理事会) and every token it returns can be looked up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from tmkit.align.lexicon import TermPairs, aligner_lexicon


class ChineseTokenizer:
    """Longest-match segmentation over the headwords of a translation lexicon."""

    def __init__(self, lexicon: Mapping[str, frozenset[str]]):
        self.lexicon = lexicon
        # The longest headword starting with each character: most characters start
        # no long word, so most positions need one or two lookups, not max_word.
        self.longest: dict[str, int] = {}
        for word in lexicon:
            if len(word) > self.longest.get(word[0], 0):
                self.longest[word[0]] = len(word)

    def words(self, text: str) -> list[str]:
        """Lexicon words of ``text`` left to right; characters in no headword are skipped.

        Single characters with many senses (的, 在, 对…) say little about which English
        sentence is the translation and are left out.
        """
        lexicon, longest, words = self.lexicon, self.longest, []
        i, n = 0, len(text)
        while i < n:
            for length in range(min(longest.get(text[i], 0), n - i), 0, -1):
                piece = text[i : i + length]
                senses = lexicon.get(piece)
                if senses is not None:
                    if length > 1 or len(senses) <= 3:
                        words.append(piece)
                    i += length
                    break
            else:
                i += 1
        return words


@lru_cache(maxsize=4)
def aligner_tokenizer(term_pairs: TermPairs = ()) -> ChineseTokenizer:
    """The tokenizer over CC-CEDICT plus ``term_pairs``, built once per process."""
    return ChineseTokenizer(aligner_lexicon(term_pairs))
