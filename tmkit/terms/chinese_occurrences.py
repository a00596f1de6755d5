"""Chinese side of the term check: termbase terms as words of the sentence, with their use.

A term occurs only on word boundaries of jieba's segmentation (with the termbase's terms
in its dictionary), so 信 "letter" is not found inside 信息 or 通信 and 中国 not inside
发展中国家. Two refinements make the words fit what a terminologist means by a term:

* a jieba word made of a term and a common noun (中国政府 = 中国 + 政府, 联合国系统 =
  联合国 + 系统) is split, because there the term is used attributively and a translator
  renders it ("Chinese Government", "United Nations system"); a name that starts with a
  term (联合国教科文组织, UNESCO) is not;
* each occurrence carries jieba's part-of-speech tag (``posseg``), so the checker can
  leave alone a word used in another word class than the term's (决定 "decision" as the
  verb "decides"), and whether it modifies a following noun (attributive use: 中国政府,
  中国的代表), where an adjective such as "Chinese" is a correct rendering.

jieba tags a word it knows by its commonest use; a verb-tagged word right after a
determiner, a classifier, 的 or a verb that takes a nominal object, or one word after
such a verb or after 的 and an adjective (该决定, 这项决定, 作出决定, 做出知情决定, 的顺利过渡),
is taken as the noun; 第八章 (tagged as a numeral) is a noun too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tmkit.terms.chinese import make_pos_tokenizer

__all__ = ["ChineseOccurrence", "ChineseTermFinder", "fits", "normalize", "NOUN_MARKERS"]

#: Words after which a verb-tagged word is used as a noun.
NOUN_MARKERS = frozenset("""
的 之 该 此 这 那 这项 那项 此项 这一 一项 各项 每项 项 其 上述 本 这些 那些 有关 相关 所 作出 做出 通过 执行 落实 遵守
根据 依照 按照 依据 关于 对 实施 支持 提出 撤销 审议 修订 一
""".split())
#: Verbs whose object may have one modifier before the noun (做出知情决定: "make informed decisions").
OBJECT_VERBS = frozenset("作出 做出 通过 执行 落实 遵守 实施 支持 提出 撤销 审议 修订".split())
#: Words that join two words of the same class.
COORDINATORS = frozenset("和 与 及 或 、 以及 或者".split())
#: Words that never follow an attributive noun (they end or join noun phrases).
_NOT_A_HEAD = frozenset("和 与 及 或 、 , ， 。 ; ； : ： ( ) （ ） 等 是 在 为 了".split())


@dataclass(frozen=True)
class ChineseOccurrence:
    """One place a Chinese term occurs: the term, where, jieba's tag and its use."""

    term: str
    start: int  #: character offsets in the normalised text
    end: int
    tag: str  #: jieba's part-of-speech tag of the word ("" when the term spans several words)
    noun_use: bool  #: used as a noun (a verb-tagged word after a determiner or 的 counts)
    attributive: bool  #: modifies a following noun (中国政府, 中国的代表, 中国其他省份)
    adverbial: bool  #: it, or a word coordinated with it, is followed by 地 (公正、公平地分享)
    context: str  #: the words around it, for explanations


def fits(pos: str, occurrence: ChineseOccurrence) -> bool:
    """Whether the occurrence's word class fits the term's part of speech (TBX ``partOfSpeech``).

    A word marked adverbial by 地, itself or through the word it is coordinated with
    (公正和公平地分享: "fair and equitable sharing"), is not the noun (公正 "impartiality"),
    whatever its own tag says. (The tags of coordinated words are not used otherwise: 和 and 与
    are prepositions as often as conjunctions, and jieba tags many nouns as adjectives, 贫困
    "poverty" among them.)
    """
    tag = occurrence.tag
    if pos == "noun" and occurrence.adverbial:
        return False
    if not tag or tag in ("x", "eng", "l", "i", "j") or pos in ("properNoun", "other"):
        return True  # several words, an idiom, an abbreviation or unknown: nothing says otherwise
    if pos == "noun":
        return tag[0] in "nm" or tag in ("vn", "an", "b") or (tag[0] == "v" and occurrence.noun_use)
    if pos == "verb":
        return tag[0] == "v" and not occurrence.noun_use
    if pos == "adjective":
        return tag[0] in "ab" or tag == "z"
    if pos == "adverb":
        return tag[0] in "d"
    return True


class ChineseTermFinder:
    """Finds the occurrences of a fixed set of Chinese terms; build once per termbase."""

    def __init__(self, terms: Iterable[tuple[str, str]]):
        """``terms``: ``(text, part of speech)`` of every Chinese term to look for."""
        terms = [(normalize(text), pos) for text, pos in terms]
        self._tagger = make_pos_tokenizer(terms)
        self._terms = {text for text, _ in terms if text}
        self._by_first: dict[str, list[str]] = {}
        for text in sorted(self._terms, key=len, reverse=True):
            self._by_first.setdefault(text[0], []).append(text)
        self._known = self._tagger.tokenizer.FREQ

    def words(self, text: str) -> list[tuple[str, str]]:
        """jieba's ``(word, tag)`` segmentation of normalised ``text``, terms split out of compounds."""
        result = []
        for pair in self._tagger.cut(text):
            result.extend(self._split(pair.word, pair.flag))
        return result

    def find(self, text: str) -> list[ChineseOccurrence]:
        """Occurrences of the terms in ``text``, leftmost-longest, each on word boundaries."""
        text = normalize(text)
        words = self.words(text)
        starts, ends, tags = {}, {}, {}
        offset = 0
        for index, (word, tag) in enumerate(words):
            starts[offset] = index
            offset += len(word)
            ends[offset] = index
            tags[index] = tag
        found = []
        position = 0
        while position < len(text):
            match = None
            if position in starts:
                for term in self._by_first.get(text[position], ()):
                    end = position + len(term)
                    if end in ends and text.startswith(term, position):
                        match = term
                        break
            if match is None:
                position += 1
                continue
            first, last = starts[position], ends[position + len(match)]
            previous = words[first - 1][0] if first > 0 else ""
            following = words[last + 1] if last + 1 < len(words) else ("", "")
            tag = tags[first] if first == last else ""
            found.append(ChineseOccurrence(
                term=match, start=position, end=position + len(match), tag=tag,
                noun_use=previous in NOUN_MARKERS or (first > 1 and (
                    words[first - 2][0] in OBJECT_VERBS
                    or (words[first - 2][0] == "的" and words[first - 1][1][:1] in ("a", "d", "b")))),
                attributive=_attributive(words, last),
                adverbial=following[0] == "地" or (last + 3 < len(words) and words[last + 1][0] in COORDINATORS
                                                  and words[last + 3][0] == "地"),
                context="/".join(word for word, _ in words[max(first - 2, 0):last + 3])))
            position += len(match)
        return found

    def _split(self, word: str, tag: str) -> list[tuple[str, str]]:
        """``word`` whole, or as term + common noun (中国政府); never a name (联合国教科文组织)."""
        if word in self._terms or len(word) < 4:
            return [(word, tag)]
        for cut in range(len(word) - 2, 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in self._terms and self._known.get(tail) and self._tag(tail) in ("n", "vn"):
                return [(head, self._tag(head)), (tail, self._tag(tail))]
        return [(word, tag)]

    def _tag(self, word: str) -> str:
        return self._tagger.word_tag_tab.get(word, "x")


def _attributive(words: list[tuple[str, str]], last: int) -> bool:
    """Whether the words ending at ``last`` modify a noun that follows.

    Directly (中国政府, 中国的代表), across a determiner or a number and classifier
    (中国其他省份, 中国200多个城市), or as one of coordinated names sharing the noun
    (中国、韩国和意大利卫生机构).
    """
    position = last + 1
    while (position + 1 < len(words) and words[position][0] in COORDINATORS
           and words[position + 1][1][:2] in ("ns", "nz", "nt", "nr")):
        position += 2
    if position < len(words) and words[position][0] == "的":
        return True
    for skipped in range(4):  # up to three determiners, numbers or classifiers before the noun
        if position + skipped >= len(words):
            return False
        word = words[position + skipped]
        if _is_noun(word):
            return True
        if word[1][:1] not in ("r", "m", "q"):
            return False
    return False


def _is_noun(word: tuple[str, str]) -> bool:
    text, tag = word
    return bool(text) and text not in _NOT_A_HEAD and (tag[:1] == "n" or tag in ("vn", "an", "t"))


def normalize(text: str) -> str:
    """NFKC (full-width punctuation and digits as ASCII), whitespace dropped except between Latin words.

    PDF extractions put spaces inside Chinese words (安全 理事会); terms and text are
    compared in this one form.
    """
    return _SPACE.sub(lambda m: " " if m.group(1) and m.group(2) else "",
                      unicodedata.normalize("NFKC", text).strip())


_SPACE = re.compile(r"(?:(?<=([A-Za-z0-9]))|(?<![A-Za-z0-9]))\s+(?:(?=([A-Za-z0-9]))|(?![A-Za-z0-9]))")
