"""Regenerate the seed-coverage table in termbase/COVERAGE.md.

Run from the repository root (re-runnable; it rewrites only the part of COVERAGE.md between
the GENERATED markers and keeps the hand-written notes around it):

    python3 termbase/tools/coverage.py [--shared ../shared]

For every Chinese term of the termbase it counts the occurrences in each of the five seeds
(../shared/seeds/*.txt, PDF text extractions whose line wraps split words, so lines are
joined before searching) and lists the terms found, with their concept id and English
preferred term. Terms contained in a longer term found at the same place are not counted
twice (安全理事会 inside 安全理事会维持和平行动工作组).
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import yaml

BEGIN = "<!-- BEGIN GENERATED: termbase/tools/coverage.py -->"
END = "<!-- END GENERATED -->"


def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Seed number ('000'...) -> text with the PDF line wraps joined."""
    return {path.name[:3]: re.sub(r"\s*\n\s*", "", path.read_text(encoding="utf-8"))
            for path in sorted(seeds_dir.glob("[0-9][0-9][0-9]_*.txt"))}


def termbase_terms(termbase: Path) -> list[tuple[str, str, str, str]]:
    """(zh term, concept id, subject, English preferred term) for every Chinese term."""
    rows = []
    for path in sorted(termbase.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for concept in data["concepts"]:
            en = next(t["term"] for t in concept["en"] if t["status"] == "preferred")
            rows.extend((t["term"], concept["id"], data["subject"], en) for t in concept["zh"])
    return rows


def occurrences(terms: list[str], text: str) -> dict[str, int]:
    """Occurrences of each term, longest match first, so a term inside a longer one is not counted."""
    counts: dict[str, int] = defaultdict(int)
    taken = [False] * len(text)
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        for match in re.finditer(re.escape(term), text):
            span = range(match.start(), match.end())
            if not any(taken[i] for i in span):
                counts[term] += 1
                for i in span:
                    taken[i] = True
    return counts


def table(seeds: dict[str, str], rows: list[tuple[str, str, str, str]]) -> tuple[str, dict[str, set[str]]]:
    """The Markdown table and the concepts found in each seed."""
    per_seed = {seed: occurrences([r[0] for r in rows], text) for seed, text in seeds.items()}
    concepts_per_seed: dict[str, set[str]] = defaultdict(set)
    lines = ["| Chinese term (as in the seeds) | concept id | subject | English preferred term | "
             + " | ".join(seeds) + " |",
             "|---|---|---|---|" + "---:|" * len(seeds)]
    for zh, concept_id, subject, en in sorted(rows, key=lambda r: (r[2], r[1], r[0])):
        counts = [per_seed[seed].get(zh, 0) for seed in seeds]
        if not any(counts):
            continue
        for seed, count in zip(seeds, counts):
            if count:
                concepts_per_seed[seed].add(concept_id)
        cells = " | ".join(str(c) if c else "" for c in counts)
        lines.append(f"| {zh} | {concept_id} | {subject} | {en} | {cells} |")
    return "\n".join(lines), concepts_per_seed


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=here.parents[2] / "shared")
    args = parser.parse_args()
    termbase = here.parent
    seeds = seed_texts(args.shared / "seeds")
    rows = termbase_terms(termbase)
    body, per_seed = table(seeds, rows)
    found = set().union(*per_seed.values())
    summary = (f"{len(found)} concepts of the termbase occur in the seeds "
               f"(by seed: {', '.join(f'{s}: {len(ids)}' for s, ids in sorted(per_seed.items()))}); "
               f"columns give the number of occurrences of each Chinese term in each seed.")
    generated = f"{BEGIN}\n\n{summary}\n\n{body}\n\n{END}"
    path = termbase / "COVERAGE.md"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Seed coverage\n\n{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(head + generated + tail, encoding="utf-8")
    print(summary)


if __name__ == "__main__":
    main()
