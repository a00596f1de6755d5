"""Propose bilingual term candidates from an aligned memory, for terminologists to review.

The method is the classic one for aligned corpora (Daille 1996; Smadja, McKeown &
Hatzivassiloglou 1996; Melamed's competitive linking):

1. **Chinese candidates**: jieba tokens (termbase terms added to its dictionary) and
   runs of up to four content tokens whose adjacent tokens are strongly associated
   (weakest-link log-likelihood over adjacent-token counts), so that ``维持和平`` +
   ``行动`` is proposed while an accidental neighbour pair is not.
2. **English candidates**: stop-word-bounded runs of content words (:mod:`english`).
3. **Pairing**: every Chinese and English candidate of the same unit co-occur once;
   pairs are scored by log-likelihood (G²) and Dice over units, and a pair is kept only
   when each side is the other's best partner (by Dice, then G²) — the step that turns
   co-occurrence into translation.
4. **Ranking** by G², with frequencies, co-occurrences, example unit ids and a flag
   saying whether the termbase already has the pair (or one of its sides).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tmkit.termbase.model import Termbase
from tmkit.terms.association import dice, log_likelihood
from tmkit.terms.chinese import is_content_token, make_tokenizer
from tmkit.terms.english import candidates as english_candidates
from tmkit.terms.english import phrase_key, words
from tmkit.tmx.writer import TranslationUnit

__all__ = ["Candidate", "ExtractOptions", "extract_terms", "COLUMNS", "candidate_row"]

COLUMNS = ("zh", "en", "score", "dice", "zh_freq", "en_freq", "cooc", "examples", "in_termbase")
#: G² above which a Chinese token pair counts as one unit (p < 0.001 for one degree of freedom).
CHI2_0001 = 10.83


@dataclass(frozen=True)
class ExtractOptions:
    """Thresholds of the extraction (defaults suit memories of a few thousand units and more)."""

    min_freq: int = 3  #: units a candidate must occur in
    min_cooc: int = 3  #: units a pair must share
    max_zh_tokens: int = 4  #: longest Chinese candidate, in jieba tokens
    max_en_words: int = 5  #: longest English candidate, in words
    min_zh_association: float = CHI2_0001  #: weakest-link G² inside a Chinese multi-token candidate
    max_share: float = 0.2  #: candidates in more than this share of units are too general to be terms
    examples: int = 3  #: example unit ids per pair


@dataclass(frozen=True)
class Candidate:
    """A proposed term pair with the evidence for it."""

    zh: str
    en: str
    score: float  #: log-likelihood ratio G² of the pair's co-occurrence over units
    dice: float
    zh_freq: int
    en_freq: int
    cooc: int
    examples: tuple[str, ...]
    in_termbase: str  #: "yes" (the pair), "zh" or "en" (only that side is a termbase term), or ""


def candidate_row(candidate: Candidate) -> list[str]:
    """The TSV row of a candidate, in :data:`COLUMNS` order."""
    return [candidate.zh, candidate.en, f"{candidate.score:.1f}", f"{candidate.dice:.3f}", str(candidate.zh_freq),
            str(candidate.en_freq), str(candidate.cooc), " ".join(candidate.examples), candidate.in_termbase]


def extract_terms(units: Iterable[TranslationUnit], termbase: Termbase | None = None,
                  options: ExtractOptions = ExtractOptions()) -> list[Candidate]:
    """Ranked term candidates of ``units`` (best first)."""
    tokenizer = make_tokenizer(term.text for concept in (termbase or ()) for term in concept.zh)
    tuids: list[str] = []
    zh_tokens: list[list[str]] = []
    en_sets: list[set[str]] = []
    for index, unit in enumerate(units):
        tuids.append(unit.tuid or str(index + 1))
        zh_tokens.append([token for token in tokenizer.lcut(unit.zh) if token.strip()])
        en_sets.append(english_candidates(words(unit.en), options.max_en_words))
    total = len(tuids)
    if total == 0:
        return []
    zh_sets = _chinese_candidates(zh_tokens, options)
    zh_kept = _frequent(zh_sets, total, options)
    en_kept = _frequent(en_sets, total, options)
    zh_sets = [units_set & zh_kept.keys() for units_set in zh_sets]
    en_sets = [units_set & en_kept.keys() for units_set in en_sets]
    cooc: Counter[tuple[str, str]] = Counter()
    for zh_set, en_set in zip(zh_sets, en_sets):
        cooc.update((zh, en) for zh in zh_set for en in en_set)
    scored = {pair: (dice(n, zh_kept[pair[0]], en_kept[pair[1]]),
                     log_likelihood(n, zh_kept[pair[0]], en_kept[pair[1]], total))
              for pair, n in cooc.items() if n >= options.min_cooc}
    pairs = _mutual_best(scored)
    examples = _examples(pairs, zh_sets, en_sets, tuids, options.examples)
    flags = _termbase_flags(termbase)
    result = [Candidate(zh, en, scored[(zh, en)][1], scored[(zh, en)][0], zh_kept[zh], en_kept[en], cooc[(zh, en)],
                        examples[(zh, en)], _flag(zh, en, flags))
              for zh, en in pairs if scored[(zh, en)][1] > 0]
    return sorted(result, key=lambda c: (-c.score, -c.dice, c.zh, c.en))


def _chinese_candidates(units: list[list[str]], options: ExtractOptions) -> list[set[str]]:
    """Per unit, its single-token and strongly associated multi-token Chinese candidates."""
    token_freq: Counter[str] = Counter()
    pair_freq: Counter[tuple[str, str]] = Counter()
    for tokens in units:
        token_freq.update(tokens)
        pair_freq.update(zip(tokens, tokens[1:]))
    positions = sum(max(len(tokens) - 1, 0) for tokens in units) or 1
    association: dict[tuple[str, str], float] = {}

    def strong(a: str, b: str) -> bool:
        if (a, b) not in association:
            n = pair_freq[(a, b)]
            association[(a, b)] = log_likelihood(n, token_freq[a], token_freq[b], max(positions, token_freq[a] +
                                                 token_freq[b])) if n >= options.min_freq else 0.0
        return association[(a, b)] >= options.min_zh_association

    result = []
    for tokens in units:
        found: set[str] = set()
        for start, first in enumerate(tokens):
            if not is_content_token(first):
                continue
            if len(first) >= 2:
                found.add(first)
            for end in range(start + 2, min(start + options.max_zh_tokens, len(tokens)) + 1):
                if not is_content_token(tokens[end - 1]) or not strong(tokens[end - 2], tokens[end - 1]):
                    break
                found.add(_join(tokens[start:end]))
        result.append(found)
    return result


def _join(tokens: list[str]) -> str:
    """Chinese tokens joined as written: no space, except between two Latin words (``RCGP RSC``)."""
    text = tokens[0]
    for token in tokens[1:]:
        text += " " + token if text[-1].isascii() and token[0].isascii() else token
    return text


def _frequent(sets: list[set[str]], total: int, options: ExtractOptions) -> dict[str, int]:
    """Unit frequency of the candidates frequent enough to judge and specific enough to be terms."""
    frequency: Counter[str] = Counter()
    for candidate_set in sets:
        frequency.update(candidate_set)
    ceiling = max(options.max_share * total, 20)  # small memories: no word is "too general" yet
    return {term: n for term, n in frequency.items() if options.min_freq <= n <= ceiling}


def _mutual_best(scored: dict[tuple[str, str], tuple[float, float]]) -> list[tuple[str, str]]:
    """Pairs whose sides are each other's best partner (competitive linking, one round)."""
    best_en: dict[str, tuple[tuple[float, float, int], str]] = {}
    best_zh: dict[str, tuple[tuple[float, float, int], str]] = {}
    for (zh, en), value in scored.items():
        # On a tie the longer partner wins: "peacekeeping" occurring only inside
        # "peacekeeping operations" must not take the place of the full term.
        for_zh, for_en = (*value, len(en)), (*value, len(zh))
        if zh not in best_en or for_zh > best_en[zh][0]:
            best_en[zh] = (for_zh, en)
        if en not in best_zh or for_en > best_zh[en][0]:
            best_zh[en] = (for_en, zh)
    return [(zh, en) for zh, (_, en) in best_en.items() if best_zh[en][1] == zh]


def _examples(pairs: list[tuple[str, str]], zh_sets: list[set[str]], en_sets: list[set[str]], tuids: list[str],
              limit: int) -> dict[tuple[str, str], tuple[str, ...]]:
    wanted = defaultdict(list)
    by_zh = defaultdict(list)
    for zh, en in pairs:
        by_zh[zh].append(en)
    for tuid, zh_set, en_set in zip(tuids, zh_sets, en_sets):
        for zh in zh_set & by_zh.keys():
            for en in by_zh[zh]:
                if en in en_set and len(wanted[(zh, en)]) < limit:
                    wanted[(zh, en)].append(tuid)
    return {pair: tuple(wanted[pair]) for pair in pairs}


def _termbase_flags(termbase: Termbase | None) -> tuple[set[tuple[str, tuple[str, ...]]], set[str], set[tuple[str, ...]]]:
    pairs: set[tuple[str, tuple[str, ...]]] = set()
    zh_terms: set[str] = set()
    en_terms: set[tuple[str, ...]] = set()
    for concept in termbase or ():
        for zh in concept.zh:
            zh_terms.add(zh.text)
            for en in concept.en:
                pairs.add((zh.text, phrase_key(en.text)))
        en_terms.update(phrase_key(en.text) for en in concept.en)
    return pairs, zh_terms, en_terms


def _flag(zh: str, en: str, flags: tuple[set, set, set]) -> str:
    pairs, zh_terms, en_terms = flags
    key = phrase_key(en)
    if (zh, key) in pairs:
        return "yes"
    if zh in zh_terms:
        return "zh"
    return "en" if key in en_terms else ""
