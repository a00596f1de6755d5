"""The term-QA test set: official UN translations, and the same units with planted term errors.

Usage (writes the two sets as TMX files to look at or to run ``tmkit terms check`` on)::

    python bench/term_test_set.py [--sdg ../shared/corpora/sdg] [-o DIR] [--seed N]

**Official units.** The Sustainable Development Goals in English and Chinese are official UN
wording (``../shared/corpora/sdg``): the 17 goal titles and short names, the 169 targets and
the 252 indicator entries of the corpus, keyed by id: 455 units. A term check must not report anything on them:
every finding there is by definition false. (The seeds are Chinese only and have no English
side; the bundled example ``examples/sdg16.*`` is Goal 16 of the same text and is checked on
its own.)

**UNTERM country names** (``../shared/corpora/country-codes``): the short and formal name of
each State in both languages, one unit per name, also official; they test the names, their
articles and capitals, and give the superseded names (Swaziland, Cape Verde, …) units to be
planted in.

**Planted errors.** Each use of a termbase term on both sides of an official unit gives a unit
with one term error, made without the checker's help, so the check cannot be tuned to its own planting:

1. a Chinese term of a concept occurs in the Chinese as a plain substring, and one of the
   concept's usable English terms occurs in the English (case-insensitive, whole words,
   plural ``s``/``es``/``ies`` and hyphen-or-space alike, by a regular expression written
   here);
2. for each such (unit, concept) pair a planted unit is made, in which *every* match of the
   concept's English terms is replaced, since the check works per unit (one wrong
   occurrence next to a right one is not a unit without the term), by a term drawn at
   random (seeded):
   * ``rejected``: where the concept has a superseded or deprecated English term, by it;
   * ``wrong-term`` otherwise: by the preferred English term of another concept of the same
     subject field and part of speech that the unit does not contain (a translator's mix-up:
     "General Assembly" for "Security Council", "gender equality" for "human rights"),
     plural where the replaced word was plural;
   * ``partial``, in a second planted unit where the term has several words: by its last
     words only, the translator's incomplete term ("development" for "sustainable
     development", "Council" for "Security Council"); not where a one-word term of the
     concept is also in the unit ("ODA" beside "official development assistance").

A planted error is found when the check of the planted unit reports its concept (as
``missing``, or as ``superseded``/``deprecated`` for the rejected kind), or reports a longer
Chinese term that contains the planted one (a goal title holding 可持续发展): either way the
unit is flagged for the words that were changed. A replacement that contains the replaced
term ("United Nations Environment Programme" for "United Nations") is not used.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from tmkit.termbase import Concept, Termbase, load_termbase
from tmkit.tmx.writer import TranslationUnit, write_tmx

REPO = Path(__file__).resolve().parents[1]
SDG = REPO.parent / "shared" / "corpora" / "sdg"
COUNTRY_CODES = REPO.parent / "shared" / "corpora" / "country-codes" / "country-codes.csv"
KINDS = ("global_goals", "global_targets", "global_indicators")


@dataclass(frozen=True)
class PlantedError:
    """A unit with one planted term error, and what the check should report."""

    unit: TranslationUnit
    concept: str
    zh_term: str  #: the Chinese term of the concept in the unit
    kind: str  #: "wrong-term", "rejected" or "partial"
    original: str  #: the English term replaced (as written)
    replacement: str


def official_units(sdg_dir: Path = SDG) -> list[TranslationUnit]:
    """Goals (titles and short names), targets and indicators, one unit each, tuid = the SDG key."""
    units = []
    for kind in KINDS:
        english = _load(sdg_dir / f"en.{kind}.yml")
        chinese = _load(sdg_dir / f"zh-Hans.{kind}.yml")
        for key, en in english.items():
            if chinese.get(key):
                units.append(TranslationUnit(" ".join(chinese[key].split()), " ".join(en.split()), key))
    return units


def country_units(csv_path: Path = COUNTRY_CODES) -> list[TranslationUnit]:
    """UNTERM's short and formal names of each State, Chinese and English, one unit each.

    UNTERM is the UN's official terminology, so these pairs are official translations too
    (names only); tuid ``country:ISO3:short`` or ``:formal``. Listing markers (``*``) are
    dropped and ``Bahamas (the)`` is written as running text, ``the Bahamas``.
    """
    units = []
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for form in ("Short", "Formal"):
                en = _running(row.get(f"UNTERM English {form}") or "")
                zh = (row.get(f"UNTERM Chinese {form}") or "").rstrip("* ").strip()
                if en and zh:
                    units.append(TranslationUnit(zh, en, f"country:{row['ISO3166-1-Alpha-3']}:{form.lower()}"))
    return units


def _running(name: str) -> str:
    name = name.rstrip("* ").strip()
    return "the " + name[:-len(" (the)")] if name.endswith(" (the)") else name


def _load(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {str(k): str(v) for k, v in (yaml.safe_load(handle) or {}).items() if v}


def english_regex(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive, plural- and hyphen-tolerant pattern of an English term."""
    parts = [re.escape(word) for word in re.split(r"[\s-]+", term) if word]
    if parts and parts[-1].endswith("y"):
        parts[-1] = parts[-1][:-1] + "(?:y|ies)"
    else:
        parts[-1] += "(?:s|es)?"
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def plant_errors(units: list[TranslationUnit], termbase: Termbase, seed: int = 15) -> list[PlantedError]:
    """One planted unit per plantable (unit, concept) pair (see the module docstring)."""
    rng = random.Random(seed)
    concepts = list(termbase)
    patterns = {c.id: [(t.text, english_regex(t.text)) for t in c.en if t.usable] for c in concepts}
    planted = []
    for unit in units:
        candidates = []
        for concept in concepts:
            if not any(z.usable and z.text in unit.zh for z in concept.zh):
                continue
            hits = [(text, pattern) for text, pattern in patterns[concept.id] if pattern.search(unit.en)]
            if hits:
                candidates.append((concept, hits))
        for concept, hits in candidates:
            error = _plant(unit, concept, hits, concepts, rng)
            if error:
                planted.append(error)
            error = _plant_partial(unit, concept, hits)
            if error:
                planted.append(error)
    return planted


def _plant(unit: TranslationUnit, concept: Concept, hits: list[tuple[str, re.Pattern[str]]],
           concepts: list[Concept], rng: random.Random) -> PlantedError | None:
    """``unit`` with every match of ``concept``'s English terms replaced by a wrong term, or None."""
    rejected = [t.text for t in concept.en if not t.usable]
    if rejected:
        kind, replacement = "rejected", rng.choice(rejected)
    else:
        others = [c.preferred("en").text for c in concepts
                  if c.subject == concept.subject and c.id != concept.id
                  and c.preferred("en").pos == concept.preferred("en").pos
                  and not english_regex(c.preferred("en").text).search(unit.en)
                  and not any(z.text in unit.zh for z in c.zh)
                  and not any(pattern.search(c.preferred("en").text) for _, pattern in hits)]
        if not others:
            return None
        kind, replacement = "wrong-term", rng.choice(others)
    english, original = unit.en, ""
    for _, pattern in sorted(hits, key=lambda hit: -len(hit[0])):
        for match in pattern.finditer(english):
            original = original or match.group(0)
        english = pattern.sub(lambda m: _inflect(replacement, m.group(0)), english)
    zh_term = max((z.text for z in concept.zh if z.usable and z.text in unit.zh), key=len)
    return PlantedError(TranslationUnit(unit.zh, english, f"{unit.tuid}+{concept.id}"), concept.id, zh_term,
                        kind, original, replacement)


def _plant_partial(unit: TranslationUnit, concept: Concept,
                   hits: list[tuple[str, re.Pattern[str]]]) -> PlantedError | None:
    """``unit`` with each multi-word match of ``concept``'s English cut to its last words, or None.

    The translator's incomplete term: "development" for "sustainable development", "rights"
    for "human rights", "Council" for "Security Council". Units where every match is one word
    are left out.
    """
    matches = [match.span() + (len(re.split(r"[\s-]+", match.group(0))),) for _, pattern in hits
               for match in pattern.finditer(unit.en)]
    if any(words == 1 and not any(s <= start and stop <= e for s, e, n in matches if n > 1)
           for start, stop, words in matches):
        return None  # a one-word term standing apart ("ODA" beside "official development assistance") stays right
    english, original, replacement = unit.en, "", ""
    for _, pattern in sorted(hits, key=lambda hit: -len(hit[0])):
        for match in pattern.finditer(english):
            if len(re.split(r"[\s-]+", match.group(0))) > 1:
                original = original or match.group(0)
                replacement = replacement or re.split(r"[\s-]+", match.group(0), maxsplit=1)[1]
        english = pattern.sub(lambda m: re.split(r"[\s-]+", m.group(0), maxsplit=1)[-1], english)
    if not original:
        return None
    zh_term = max((z.text for z in concept.zh if z.usable and z.text in unit.zh), key=len)
    return PlantedError(TranslationUnit(unit.zh, english, f"{unit.tuid}+{concept.id}+partial"), concept.id, zh_term,
                        "partial", original, replacement)


def _inflect(replacement: str, replaced: str) -> str:
    """The replacement in the plural when the replaced word was plural (and was not already a plural term)."""
    if replaced.lower().endswith("s") and not replacement.lower().endswith("s"):
        return replacement[:-1] + "ies" if replacement.endswith("y") else replacement + "s"
    return replacement


def found(error: PlantedError, reported: list[tuple[str, str]]) -> bool:
    """Whether the check of the planted unit reported the planted error.

    ``reported`` holds the ``(concept, term)`` of each finding. The error is found when its
    concept is reported, or a longer Chinese term that contains the planted one (the title of
    Goal 14 holds 可持续发展): the unit is then flagged for the words that were changed.
    """
    return any(concept == error.concept or (error.zh_term in term and term != error.zh_term)
               for concept, term in reported)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdg", type=Path, default=SDG)
    parser.add_argument("-o", "--output-dir", type=Path, default=Path("."))
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if not args.sdg.is_dir():
        sys.exit(f"{args.sdg}: not found (the SDG corpus of ../shared)")
    units = official_units(args.sdg) + (country_units() if COUNTRY_CODES.is_file() else [])
    planted = plant_errors(units, load_termbase(), args.seed)
    write_tmx(units, args.output_dir / "official.tmx")
    write_tmx([p.unit for p in planted], args.output_dir / "planted.tmx")
    with (args.output_dir / "planted.tsv").open("w", encoding="utf-8") as out:
        out.write("tuid\tconcept\tkind\toriginal\treplacement\n")
        for p in planted:
            out.write(f"{p.unit.tuid}\t{p.concept}\t{p.kind}\t{p.original}\t{p.replacement}\n")
    print(f"{len(units)} official units -> official.tmx; {len(planted)} planted errors -> planted.tmx, planted.tsv")


if __name__ == "__main__":
    main()
