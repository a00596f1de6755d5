"""Score sentence alignments against gold: strict and lax precision, recall and F1.

This is a faithful port of vecalign's ``score.py`` (Thompson & Koehn 2019), which
implements the measures of Sennrich & Volk (2010/2011). Matching vecalign exactly
matters more than any local improvement: it is how vecalign, Bertalign and others
report their numbers, so only an identical scorer makes tmkit's results comparable.

Definitions, as vecalign computes them:

* Links are compared as sets; a link empty on both sides is dropped and duplicate
  links count once.
* **Precision** looks at every test link, *including* deletions/insertions (one side
  empty). A test link is *strictly* correct if it equals a gold link. It is *laxly*
  correct if it is strictly correct, or if some Chinese sentence of the test link and
  some English sentence of the test link both belong to one and the same gold link
  (it shares at least one zh–en sentence pair with gold). A deletion therefore can
  only be correct by matching a gold deletion exactly.
* **Recall** is the same computation with roles swapped (gold links judged against
  test links) after dropping deletions/insertions from *both* sides, so missing an
  unaligned sentence never costs recall.
* Over several documents the counts are summed first and the ratios taken once
  (micro-average). Any 0/0, and F1 with P+R=0, gives 0.0 (vecalign's default).

Scores (the third field of a link) are ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tmkit.align.link import Link
from tmkit.align.links_format import read_links
from tmkit.errors import InputError

__all__ = [
    "ALIGNMENT_SUFFIXES",
    "Counts",
    "Scores",
    "count_matches",
    "document_counts",
    "pair_files",
    "score_links",
    "score_paths",
    "scores_from_counts",
]

#: File name endings considered alignment files when scoring directories. Gold sets
#: keep the source and target texts and metadata next to the ``.align`` files (e.g.
#: ``001.align``, ``001.src``, ``001.tgt``, ``meta_data.tsv``), so "all files" won't do.
ALIGNMENT_SUFFIXES: tuple[str, ...] = (".align", ".links")

_Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Counts:
    """Correct/wrong tallies of one direction (precision or recall), strict and lax.

    For precision "wrong" is a false positive; for recall it is a false negative.
    Kept as integers so documents can be summed before dividing (micro-average).
    """

    strict_correct: int = 0
    strict_wrong: int = 0
    lax_correct: int = 0
    lax_wrong: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.strict_correct + other.strict_correct,
            self.strict_wrong + other.strict_wrong,
            self.lax_correct + other.lax_correct,
            self.lax_wrong + other.lax_wrong,
        )

    @property
    def strict_ratio(self) -> float:
        """Strict correct / total, 0.0 when there is nothing to judge."""
        return _ratio(self.strict_correct, self.strict_correct + self.strict_wrong)

    @property
    def lax_ratio(self) -> float:
        """Lax correct / total, 0.0 when there is nothing to judge."""
        return _ratio(self.lax_correct, self.lax_correct + self.lax_wrong)


@dataclass(frozen=True)
class Scores:
    """Strict and lax precision, recall and F1, plus the counts they come from."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    precision_counts: Counts
    recall_counts: Counts


def _ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or 0.0 for a zero denominator as vecalign does."""
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _pairs(links: Iterable[Link]) -> set[_Pair]:
    """The set of (zh, en) sides, without links empty on both sides."""
    return {(link.zh, link.en) for link in links if link.zh or link.en}


def count_matches(reference: Iterable[Link], candidate: Iterable[Link]) -> Counts:
    """Judge each distinct candidate link against the reference links.

    This is vecalign's ``_precision``: strict = exact match; lax = exact match, or a
    candidate zh sentence and a candidate en sentence lie in the same reference link.
    Recall is this function with the arguments swapped (see :func:`document_counts`).
    """
    ref = _pairs(reference)
    # zh id -> every en id it is linked to somewhere in the reference
    zh_to_en: dict[int, set[int]] = defaultdict(set)
    for zh, en in ref:
        for zh_id in zh:
            zh_to_en[zh_id].update(en)

    strict_correct = strict_wrong = lax_correct = lax_wrong = 0
    for zh, en in _pairs(candidate):
        if (zh, en) in ref:
            strict_correct += 1
            lax_correct += 1
            continue
        strict_wrong += 1
        reachable = set().union(*(zh_to_en.get(zh_id, ()) for zh_id in zh))
        if reachable.intersection(en):
            lax_correct += 1
        else:
            lax_wrong += 1
    return Counts(strict_correct, strict_wrong, lax_correct, lax_wrong)


def _without_deletions(links: Iterable[Link]) -> list[Link]:
    return [link for link in links if link.zh and link.en]


def document_counts(gold: Sequence[Link], test: Sequence[Link]) -> tuple[Counts, Counts]:
    """Precision and recall counts for one document.

    Precision judges test against gold with deletions kept; recall judges gold
    against test with deletions removed from both, exactly as vecalign does.
    """
    precision = count_matches(reference=gold, candidate=test)
    recall = count_matches(
        reference=_without_deletions(test), candidate=_without_deletions(gold)
    )
    return precision, recall


def scores_from_counts(precision: Counts, recall: Counts) -> Scores:
    """Turn (summed) counts into the six measures."""
    p_strict, p_lax = precision.strict_ratio, precision.lax_ratio
    r_strict, r_lax = recall.strict_ratio, recall.lax_ratio
    return Scores(
        precision_strict=p_strict,
        recall_strict=r_strict,
        f1_strict=_f1(p_strict, r_strict),
        precision_lax=p_lax,
        recall_lax=r_lax,
        f1_lax=_f1(p_lax, r_lax),
        precision_counts=precision,
        recall_counts=recall,
    )


def score_links(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> Scores:
    """Micro-averaged scores of test documents against gold documents.

    ``gold[i]`` and ``test[i]`` are the links of the same document. Unlike vecalign
    (which ``zip``s and silently drops extras) unequal lengths are an error.
    """
    if len(gold) != len(test):
        raise ValueError(f"{len(gold)} gold documents but {len(test)} test documents")
    precision, recall = Counts(), Counts()
    for gold_links, test_links in zip(gold, test):
        doc_precision, doc_recall = document_counts(gold_links, test_links)
        precision += doc_precision
        recall += doc_recall
    return scores_from_counts(precision, recall)


def _document_key(path: Path) -> str:
    """The name minus an alignment suffix, so ``001.align`` pairs with ``001.links``."""
    for suffix in ALIGNMENT_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.name


def _alignment_files(directory: Path) -> dict[str, Path]:
    """Alignment files directly in ``directory`` (not recursive), keyed by document."""
    files: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        if not path.is_file() or not path.name.endswith(ALIGNMENT_SUFFIXES):
            continue
        key = _document_key(path)
        if key in files:
            raise InputError(
                f"{directory}: both {files[key].name} and {path.name}; keep one per document"
            )
        files[key] = path
    return files


def pair_files(gold_path: str | Path, test_path: str | Path) -> list[tuple[Path, Path]]:
    """Pair gold and test files: two files, or two directories matched by name.

    In directories only files ending in ``.align`` or ``.links`` count (gold sets
    keep texts and metadata alongside); they pair by name without that suffix, so
    gold ``001.align`` pairs with test ``001.links``. A document on one side only is
    an error, because silently scoring a subset would inflate or deflate results.
    """
    gold, test = Path(gold_path), Path(test_path)
    for path in (gold, test):
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    if gold.is_file() and test.is_file():
        return [(gold, test)]
    if not (gold.is_dir() and test.is_dir()):
        raise InputError(f"{gold} and {test}: give two files or two directories")

    gold_files, test_files = _alignment_files(gold), _alignment_files(test)
    only_gold = sorted(gold_files.keys() - test_files.keys())
    only_test = sorted(test_files.keys() - gold_files.keys())
    if only_gold or only_test:
        problems = []
        if only_gold:
            problems.append(f"only in {gold}: {', '.join(gold_files[k].name for k in only_gold)}")
        if only_test:
            problems.append(f"only in {test}: {', '.join(test_files[k].name for k in only_test)}")
        raise InputError("unpaired alignment files: " + "; ".join(problems))
    if not gold_files:
        raise InputError(f"{gold}: no {' or '.join(ALIGNMENT_SUFFIXES)} files")
    return [(gold_files[key], test_files[key]) for key in sorted(gold_files)]


def score_paths(gold_path: str | Path, test_path: str | Path) -> Scores:
    """Score a test links file or directory against gold (see :func:`pair_files`)."""
    pairs = pair_files(gold_path, test_path)
    gold = [read_links(gold_file) for gold_file, _ in pairs]
    test = [read_links(test_file) for _, test_file in pairs]
    return score_links(gold, test)
