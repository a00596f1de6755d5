"""Benchmark: how far a terminologist can trust ``tmkit terms check`` and ``tmkit terms extract``.

Usage: python bench/term_qa.py [--sdg ../shared/corpora/sdg] [--show N]

Prints (figures, not assertions):

1. **False findings on official UN translations**: the SDG goals, targets and indicators
   (``bench/term_test_set.py``), where every finding is false by definition; the target is at
   most 1 per 100 units. Each finding is listed so it can be judged.
   The UNTERM short and formal country names (``country_units``) are checked the same way.
2. **The bundled example** ``examples/sdg16.*`` (Goal 16, 37 paragraphs): the target is none.
3. **Planted errors**: the same units (SDG and country names) with one term error each (see ``term_test_set.py``):
   recall (target at least 90 %), by kind, and the precision of all findings on the planted
   units (a finding that is not the planted error is a false one).
4. **How much the word-class filter leaves unchecked** in the five seeds (Chinese only): term
   occurrences jieba tags in a word class other than the term's.
5. **Top-50 precision of ``terms extract``** on the same UN text, against the hand judgements
   in ``bench/term_extract_judgements.tsv`` (how they were made is written at its top); a
   pair of the top 50 that has no judgement yet is printed, so the figure is never silently
   computed over fewer pairs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from term_test_set import COUNTRY_CODES, REPO, SDG, country_units, found, official_units, plant_errors

from tmkit.termbase import load_termbase
from tmkit.terms.check import TermChecker
from tmkit.terms.extract import extract_terms
from tmkit.tmx.writer import TranslationUnit

JUDGEMENTS = Path(__file__).resolve().parent / "term_extract_judgements.tsv"


def example_units() -> list[TranslationUnit]:
    """The bundled example, one unit per paragraph (both files number their 37 paragraphs alike)."""
    zh = (REPO / "examples" / "sdg16.zh.txt").read_text(encoding="utf-8").split("\n\n")
    en = (REPO / "examples" / "sdg16.en.txt").read_text(encoding="utf-8").split("\n\n")
    return [TranslationUnit(z.strip(), e.strip(), f"sdg16:{i}") for i, (z, e) in enumerate(zip(zh, en), 1)]


def load_judgements(path: Path = JUDGEMENTS) -> dict[tuple[str, str], str]:
    """``(zh, en) -> verdict`` (``term``, ``equivalent`` or ``wrong``) from the judgement file."""
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("zh\t"):
            continue
        zh, en, verdict, *_ = line.split("\t")
        judged[(zh, en)] = verdict
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdg", type=Path, default=SDG)
    parser.add_argument("--show", type=int, default=20, help="findings to list per set")
    args = parser.parse_args()
    if not args.sdg.is_dir():
        sys.exit(f"{args.sdg}: not found (the SDG corpus of ../shared)")
    termbase = load_termbase()
    start = time.perf_counter()
    checker = TermChecker(termbase)
    print(f"checker ready in {time.perf_counter() - start:.1f} s")

    units = official_units(args.sdg)
    start = time.perf_counter()
    findings = [f for unit in units for f in checker.check(unit)]
    seconds = time.perf_counter() - start
    print(f"\n1. official UN translations (SDG goals, targets, indicators): {len(units)} units, "
          f"{len(findings)} findings = {100 * len(findings) / len(units):.2f} per 100 units "
          f"(target <= 1); {len(units) / seconds:.0f} units/s")
    for f in findings[:args.show]:
        print(f"   {f.tuid}\t{f.severity}\t{f.issue}\t{f.term}\texpected {' | '.join(f.expected)}\t| {f.en[:90]}")

    names = country_units() if COUNTRY_CODES.is_file() else []
    name_findings = [f for unit in names for f in checker.check(unit)]
    print(f"\n1b. UNTERM country names (short and formal, both languages): {len(names)} units, "
          f"{len(name_findings)} findings")
    for f in name_findings[:args.show]:
        print(f"   {f.tuid}\t{f.severity}\t{f.issue}\t{f.term}\texpected {' | '.join(f.expected)}\t| {f.en[:90]}")

    example = example_units()
    example_findings = [f for unit in example for f in checker.check(unit)]
    print(f"\n2. bundled example examples/sdg16.*: {len(example)} units, {len(example_findings)} findings (target 0)")

    planted = plant_errors(units + names, termbase)
    hits, by_kind, by_source, extra = 0, Counter(), Counter(), []
    for error in planted:
        reported = checker.check(error.unit)
        ok = found(error, [(f.concept, f.term) for f in reported])
        hits += ok
        by_kind[(error.kind, ok)] += 1
        by_source[("country names" if error.unit.tuid.startswith("country:") else "SDG", ok)] += 1
        extra += [f for f in reported if not found(error, [(f.concept, f.term)])]
        if not ok and args.show:
            print(f"   missed {error.unit.tuid} {error.concept}: {error.original!r} -> {error.replacement!r}")
        for f in reported:
            if not found(error, [(f.concept, f.term)]) and args.show:
                print(f"   other finding on {error.unit.tuid}: {f.issue} {f.term} (expected {' | '.join(f.expected)})")
    total = len(planted)
    reported_total = hits + len(extra)
    print(f"\n3. planted errors: {total}; found {hits} = recall {100 * hits / total:.1f} % (target >= 90 %); "
          + ", ".join(f"{kind} {by_kind[(kind, True)]}/{by_kind[(kind, True)] + by_kind[(kind, False)]}"
                      for kind in ("wrong-term", "rejected", "partial"))
          + "; " + ", ".join(f"{source} {by_source[(source, True)]}/{by_source[(source, True)] + by_source[(source, False)]}"
                             for source in ("SDG", "country names"))
          + f"; other findings on the planted units {len(extra)}: precision {100 * hits / reported_total:.1f} %")

    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        occurrences = [pair for path in sorted(seeds.glob("*.txt"))
                       for sentence in re.split(r"(?<=[。；！？])", re.sub(r"\s*\n\s*", "", path.read_text("utf-8")))
                       for pair in checker.chinese_occurrences(sentence)]
        skipped = Counter(o.term for o, checked in occurrences if not checked)
        print(f"\n4. word class on the five seeds (Chinese only): {len(occurrences)} term occurrences, "
              f"{sum(skipped.values())} not checked ({100 * sum(skipped.values()) / len(occurrences):.1f} %): "
              + ", ".join(f"{term} {n}" for term, n in skipped.most_common(8)))

    candidates = extract_terms(units, termbase)[:50]
    judged = load_judgements()
    verdicts = Counter(judged.get((c.zh, c.en), "unjudged") for c in candidates)
    good = verdicts["term"] + verdicts["equivalent"]
    print(f"\n5. terms extract on the SDG text ({len(units)} units), top {len(candidates)}: "
          f"{good} correct translation equivalents = precision {100 * good / max(len(candidates), 1):.0f} %; "
          f"{verdicts['term']} of them terms = {100 * verdicts['term'] / max(len(candidates), 1):.0f} %; "
          f"wrong {verdicts['wrong']}, unjudged {verdicts['unjudged']}")
    for c in candidates:
        if (c.zh, c.en) not in judged:
            print(f"   unjudged: {c.zh}\t{c.en}")


if __name__ == "__main__":
    main()
