"""Chinese side of term extraction: jieba tokens and multi-word candidate units.

jieba runs as a private :class:`jieba.Tokenizer` (never the global one, which other code
may have changed) with the termbase's Chinese terms added to its dictionary, so known
terms come out as single tokens. Its prefix-dictionary cache goes to the user's cache
folder (never a shared temporary folder another user could plant a cache in), and its
log messages are silenced.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import jieba
import jieba.posseg

from tmkit.langid import is_han

__all__ = ["make_tokenizer", "make_pos_tokenizer", "is_content_token", "FUNCTION_WORDS", "POS_TAGS"]

#: jieba tag given to a termbase term jieba does not know, by the term's part of speech.
POS_TAGS = {"properNoun": "nz", "noun": "n", "verb": "v", "adjective": "a", "adverb": "d", "other": "x"}

#: Tokens that never start or end a term (particles, conjunctions, prepositions, pronouns,
#: auxiliaries, frequent verbs of reporting) — the Chinese counterpart of a stop list.
FUNCTION_WORDS = frozenset("""
的 了 和 与 及 以及 或 或者 在 于 对 对于 为 为了 是 有 也 都 而 并 并且 但 但是 其 该 此 这 这些 那 那些 之 等 各 每
从 向 由 被 把 将 以 因 因此 因为 所以 如果 虽然 已 已经 还 又 就 则 即 可 可以 能 能够 应 应当 应该 会 要 不 没有 我们
他们 她们 它们 我 你 他 她 它 本 其他 其它 所有 一些 一个 这个 那个 这种 通过 根据 关于 按照 包括 以及 同时 进行 表示
指出 认为 称 说 继续 目前 方面 问题 情况 工作 有关 相关 主要 重要 进一步 上 下 中 内 外 后 前 时 年 月 日 个 次 名 项 种
""".split())


def _cache_dir() -> str:
    """A folder only this user writes to; jieba's cache is unpickled (marshal) when found."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tmkit"
    try:
        base.mkdir(parents=True, exist_ok=True)
        if os.access(base, os.W_OK):
            return str(base)
    except OSError:
        pass
    return tempfile.mkdtemp(prefix="tmkit-jieba-")


def make_tokenizer(terms: Iterable[str] = ()) -> jieba.Tokenizer:
    """A quiet private jieba tokenizer that keeps each of ``terms`` as one token."""
    return _tokenizer(terms)


def make_pos_tokenizer(terms: Iterable[tuple[str, str]] = ()) -> jieba.posseg.POSTokenizer:
    """A quiet private jieba part-of-speech tokenizer keeping each ``(term, pos)`` as one token.

    jieba's own tag of a word it knows is kept (决定 stays ``v``, whatever the termbase
    says): it tells how the word is mostly used. A term jieba does not know gets the tag of
    its termbase part of speech (:data:`POS_TAGS`), not jieba's ``x`` for "unknown".
    """
    terms = list(terms)
    tokenizer = _tokenizer(term for term, _ in terms)
    # POSTokenizer(tokenizer) would read jieba's 5 MB dictionary again for its tags; the
    # tags are read once per process and each tagger gets its own copy.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = tokenizer
    tagger.word_tag_tab = dict(_base_tags())
    for term, pos in terms:
        if term not in tagger.word_tag_tab:
            tagger.word_tag_tab[term] = POS_TAGS.get(pos, "x")
    return tagger


def _tokenizer(terms: Iterable[str]) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()
    freq, total = _base_dictionary()
    # What Tokenizer.initialize() sets, from the copy loaded once per process (1-2 s each time).
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    for term in terms:
        if any(is_han(ch) for ch in term) and " " not in term:
            tokenizer.add_word(term, freq=max(tokenizer.suggest_freq(term, tune=False), 1000))
    return tokenizer


@functools.lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary and its total frequency (never changed: tokenizers copy it)."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = _cache_dir()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


@functools.lru_cache(maxsize=1)
def _base_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (never changed: taggers copy it)."""
    return jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab


def is_content_token(token: str) -> bool:
    """A token a term may contain: Han (not a function word) or a Latin acronym like UNMISS."""
    if token in FUNCTION_WORDS:
        return False
    if all(is_han(ch) for ch in token):
        return True
    return token.isascii() and token.isalpha() and token.isupper() and len(token) >= 2
