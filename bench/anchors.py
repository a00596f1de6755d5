"""Benchmark: how well each kind of anchor tells true pairs from unrelated ones (figures printed).

Usage: python bench/anchors.py [--offset N] [--datasets tico,aca,mag,bible,sdg] [--examples KIND]

The aligner rewards anchors (``tmkit.align.anchors``) that a Chinese and an English
sentence share and penalises those on one side only, so a kind of anchor is worth
emitting only if translations share it and unrelated sentences do not. For each dataset
and each kind (the token prefix: ``#``, ``%``, ``date``, ``sym``, ``lat``, ``q``, …) it prints:

* ``pairs``: true pairs (gold links) where either side has a token of the kind;
* ``recall``: the share of those where both sides share at least one token;
* ``dice``: token agreement over true pairs, 2 × shared / (zh tokens + en tokens) —
  tokens on one side only are what the aligner penalises;
* ``false``: the same share as ``recall`` for unrelated pairs, the Chinese of link k
  with the English of link k + ``--offset`` (default 3);
* ``zh``/``en``: tokens of the kind per 100 sentences on each side.

Then the speed of both functions, in microseconds per sentence, on the Chinese seed
documents (segmented by tmkit) and on the Bible and TICO-19 sentences.

Data come from ``../shared`` beside the repository (``corpora/`` and ``seeds/``); absent
datasets are skipped. aligner-eval's links are the gold 1-1, 1-2, … links; the Bible's are
verse-level links; TICO-19's are its units; the SDG files pair goals, targets and indicators
by id.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from align import CORPORA, load_aligner_eval, load_bible, read_tico_documents

from tmkit.align.anchors import chinese_anchors, english_anchors

SHARED = CORPORA.parent
DATASETS = ("tico", "aca", "mag", "bible", "sdg")
ALL = "all"


@dataclass
class Pairs:
    """Sentence lists and the links between them (each link: Chinese ids, English ids)."""

    name: str
    zh: list[str]
    en: list[str]
    links: list[tuple[tuple[int, ...], tuple[int, ...]]]


def load(name: str) -> list[Pairs]:
    """The dataset ``name``, or nothing when its files are absent."""
    if name == "tico":
        path = CORPORA / "tico19" / "all.en-zh.tmx"
        if not path.exists():
            return []
        units = [unit for document in read_tico_documents(path) for unit in document]
        return [Pairs("tico19", [zh for zh, _ in units], [en for _, en in units],
                      [((k,), (k,)) for k in range(len(units))])]
    if name in ("aca", "mag"):
        stem = {"aca": "001", "mag": "003"}[name]
        if not (CORPORA / "aligner-eval" / name / f"{stem}.align").exists():
            return []
        return [_from_dataset(name, load_aligner_eval(name, stem))]
    if name == "bible":
        if not (CORPORA / "bible" / "001.align").exists():
            return []
        return [_from_dataset("bible", load_bible())]
    if name == "sdg":
        return _load_sdg()
    raise SystemExit(f"unknown dataset {name!r} (expected {', '.join(DATASETS)})")


def _from_dataset(name: str, dataset) -> Pairs:  # type: ignore[no-untyped-def]
    (zh, en), gold = dataset.docs[0], dataset.gold[0]
    return Pairs(name, zh, en, [(link.zh, link.en) for link in gold if link.zh and link.en])


def _load_sdg() -> list[Pairs]:
    """Goals, targets and indicators, paired by id (``1-1-title``)."""
    try:
        import yaml
    except ImportError:
        print("sdg: skipped (PyYAML is not installed)", file=sys.stderr)
        return []
    folder = CORPORA / "sdg"
    zh: list[str] = []
    en: list[str] = []
    for part in ("goals", "targets", "indicators"):
        zh_path, en_path = folder / f"zh-Hans.global_{part}.yml", folder / f"en.global_{part}.yml"
        if not zh_path.exists() or not en_path.exists():
            return []
        zh_items = yaml.safe_load(zh_path.read_text(encoding="utf-8")) or {}
        en_items = yaml.safe_load(en_path.read_text(encoding="utf-8")) or {}
        for key in zh_items:
            if key in en_items and isinstance(zh_items[key], str) and isinstance(en_items[key], str):
                zh.append(zh_items[key])
                en.append(en_items[key])
    return [Pairs("sdg", zh, en, [((k,), (k,)) for k in range(len(zh))])] if zh else []


def kind(token: str) -> str:
    """The kind of an anchor token: its prefix (``#``, ``%``, ``date``, ``lab``, …)."""
    if token[0] in "#%":
        return token[0]
    head, colon, _ = token.partition(":")
    return head if colon else token


@dataclass
class Tally:
    pairs: int = 0
    shared: int = 0
    random_pairs: int = 0
    random_shared: int = 0
    common_tokens: int = 0
    all_tokens: int = 0
    zh_tokens: int = 0
    en_tokens: int = 0


def _link_tokens(ids: Sequence[int], tokens: list[list[str]]) -> Counter[str]:
    return Counter(token for i in ids for token in tokens[i])


def _by_kind(tokens: Counter[str]) -> dict[str, Counter[str]]:
    groups: dict[str, Counter[str]] = {}
    for token, count in tokens.items():
        for name in (kind(token), ALL):
            groups.setdefault(name, Counter())[token] += count
    return groups


def measure(pairs: Pairs, offset: int) -> dict[str, Tally]:
    """Recall, false matches and token agreement per kind of anchor."""
    zh_tokens = [chinese_anchors(text) for text in pairs.zh]
    en_tokens = [english_anchors(text) for text in pairs.en]
    tallies: dict[str, Tally] = {}
    for tokens, side in ((zh_tokens, "zh"), (en_tokens, "en")):
        for sentence in tokens:
            for token in sentence:
                for name in (kind(token), ALL):
                    tally = tallies.setdefault(name, Tally())
                    setattr(tally, f"{side}_tokens", getattr(tally, f"{side}_tokens") + 1)
    zh_bags = [_by_kind(_link_tokens(zh_ids, zh_tokens)) for zh_ids, _ in pairs.links]
    en_bags = [_by_kind(_link_tokens(en_ids, en_tokens)) for _, en_ids in pairs.links]
    for k, (zh_bag, en_bag) in enumerate(zip(zh_bags, en_bags)):
        for name in zh_bag.keys() | en_bag.keys():
            tally = tallies.setdefault(name, Tally())
            zh_kind, en_kind = zh_bag.get(name, Counter()), en_bag.get(name, Counter())
            tally.pairs += 1
            common = sum((zh_kind & en_kind).values())
            tally.shared += common > 0
            tally.common_tokens += 2 * common
            tally.all_tokens += sum(zh_kind.values()) + sum(en_kind.values())
        if k + offset < len(en_bags):
            other = en_bags[k + offset]
            for name in zh_bag.keys() | other.keys():
                tally = tallies.setdefault(name, Tally())
                tally.random_pairs += 1
                tally.random_shared += bool(zh_bag.get(name, Counter()) & other.get(name, Counter()))
    return tallies


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "     -"


def table(pairs: Pairs, tallies: dict[str, Tally]) -> list[str]:
    lines = [f"{pairs.name}: {len(pairs.links)} links, {len(pairs.zh)} zh / {len(pairs.en)} en sentences",
             f"  {'kind':<6} {'pairs':>6} {'recall':>7} {'dice':>7} {'false':>7} {'zh/100':>7} {'en/100':>7}"]
    order = sorted(tallies, key=lambda name: (name == ALL, -tallies[name].pairs))
    for name in order:
        tally = tallies[name]
        lines.append(
            f"  {name:<6} {tally.pairs:>6} {_share(tally.shared, tally.pairs):>7}"
            f" {_share(tally.common_tokens, tally.all_tokens):>7}"
            f" {_share(tally.random_shared, tally.random_pairs):>7}"
            f" {100 * tally.zh_tokens / max(1, len(pairs.zh)):>7.1f} {100 * tally.en_tokens / max(1, len(pairs.en)):>7.1f}"
        )
    return lines


def examples(pairs: Pairs, wanted: str, count: int = 8, seed: int = 0) -> list[str]:
    """True pairs where a token of kind ``wanted`` is on one side only, to see why."""
    found = []
    for zh_ids, en_ids in pairs.links:
        zh_bag = Counter(t for i in zh_ids for t in chinese_anchors(pairs.zh[i]) if kind(t) == wanted)
        en_bag = Counter(t for j in en_ids for t in english_anchors(pairs.en[j]) if kind(t) == wanted)
        if zh_bag != en_bag:
            zh_text = "".join(pairs.zh[i] for i in zh_ids)
            en_text = " ".join(pairs.en[j] for j in en_ids)
            found.append(f"    zh {sorted(zh_bag.elements())} {zh_text[:120]}\n"
                         f"    en {sorted(en_bag.elements())} {en_text[:160]}")
    random.Random(seed).shuffle(found)
    return [f"  {pairs.name}: {len(found)} true pairs disagree on {wanted!r}"] + found[:count]


def _seed_sentences() -> list[str]:
    from tmkit.clean import clean_extracted_text
    from tmkit.document import Document
    from tmkit.segment import segment_document

    sentences: list[str] = []
    for path in sorted((SHARED / "seeds").glob("0*.txt")):
        blocks = clean_extracted_text(path.read_text(encoding="utf-8"), "zh")
        sentences += [s.text for s in segment_document(Document(blocks=blocks, lang="zh"))]
    return sentences


def speed(name: str, sentences: Sequence[str], function: Callable[[str], list[str]], repeat: int = 3) -> str:
    """Best of ``repeat`` passes, in microseconds per sentence."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in sentences:
            function(text)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(text) for text in sentences) / max(1, len(sentences))
    return (f"  {name:<22} {len(sentences):>6} sentences, {chars:5.0f} chars avg: "
            f"{1e6 * best / max(1, len(sentences)):6.1f} µs/sentence")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offset", type=int, default=3, help="unrelated pair: link k vs link k+N")
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--examples", metavar="KIND", help="print true pairs that disagree on KIND")
    args = parser.parse_args(argv)
    loaded = [pairs for name in args.datasets.split(",") if name for pairs in load(name)]
    if not loaded:
        print(f"no datasets found under {CORPORA}")
    for pairs in loaded:
        if args.examples:
            print("\n".join(examples(pairs, args.examples)))
        else:
            print("\n".join(table(pairs, measure(pairs, args.offset))))
    if args.examples:
        return
    print("speed (best of 3):")
    try:
        seeds = _seed_sentences()
    except FileNotFoundError:
        seeds = []
    if seeds:
        print(speed("seeds zh", seeds, chinese_anchors))
    for pairs in loaded:
        if pairs.name in ("bible", "tico19"):
            print(speed(f"{pairs.name} zh", pairs.zh, chinese_anchors))
            print(speed(f"{pairs.name} en", pairs.en, english_anchors))


if __name__ == "__main__":
    main()
