"""What a batch report says about one aligned document, and when it should worry.

In a batch of hundreds of documents nobody reads every memory, so the report has to
point at the few that need a look: a pair of documents that are not translations of
each other, a half-untranslated Chinese version, a PDF whose text layer is garbage.
Each of these leaves a mark in the alignment figures (low scores, many unmatched
sentences, very different sentence counts, sentences in the wrong language), and the
thresholds below turn those marks into plain-language warnings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from tmkit.align.verdict import LIKELY_SCORE, doubt_from_counts
from tmkit.langid import detect_language
from tmkit.pipeline import AlignedPair

LOW_MEAN_SCORE = 0.8
# A unit this unsure is counted as a low-score unit.
LOW_UNIT_SCORE = 0.3
# More than this share of sentences left unmatched (on both sides together).
HIGH_UNMATCHED_SHARE = 0.3
# Translations of one document have similar sentence counts; beyond this ratio one of
# them is probably truncated, or another document.
SENTENCE_RATIO = 2.0
# More than this share of one side's sentences read as the other language.
WRONG_LANGUAGE_SHARE = 0.2
# Documents this short make every ratio noisy: only the empty-memory warning applies.
MIN_SENTENCES_FOR_RATIOS = 5


@dataclass
class DocumentStats:
    """Counts a translator or project manager checks first, all from the alignment."""

    zh_sentences: int
    en_sentences: int
    links: dict[str, int] = field(default_factory=dict)  # link type ("1-1", "2-1", "1-0") -> count
    units: int = 0  # links with both sides: the memory's translation units
    unmatched_zh: int = 0  # sentences in 1-0 links
    unmatched_en: int = 0  # sentences in 0-1 links
    mean_score: float = 0.0  # over units
    low_score_units: int = 0
    likely_units: int | None = None  # units scoring >= LIKELY_SCORE (None in manifests of older runs)
    zh_read_as_english: int = 0  # Chinese-side sentences in English
    en_read_as_chinese: int = 0

    @property
    def sentences(self) -> int:
        return self.zh_sentences + self.en_sentences

    @property
    def unmatched_share(self) -> float:
        """Unmatched sentences of both sides over all sentences."""
        return (self.unmatched_zh + self.unmatched_en) / self.sentences if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentStats:
        stats = cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})
        stats.links = _by_frequency(stats.links)
        return stats


def _by_frequency(counts: dict[str, int]) -> dict[str, int]:
    """Most frequent link type first (``1-1`` before ``2-1``), ties by name."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def document_stats(pair: AlignedPair) -> DocumentStats:
    """The figures of one aligned pair."""
    units = [link for link in pair.links if link.zh and link.en]
    scores = [link.score for link in units]
    return DocumentStats(
        zh_sentences=len(pair.zh),
        en_sentences=len(pair.en),
        links=_by_frequency(Counter(link.kind for link in pair.links)),
        units=len(units),
        unmatched_zh=sum(len(link.zh) for link in pair.links if not link.en),
        unmatched_en=sum(len(link.en) for link in pair.links if not link.zh),
        mean_score=round(sum(scores) / len(scores), 4) if scores else 0.0,
        low_score_units=sum(score < LOW_UNIT_SCORE for score in scores),
        likely_units=sum(score >= LIKELY_SCORE for score in scores),
        zh_read_as_english=sum(detect_language(s.text) == "en" for s in pair.zh),
        en_read_as_chinese=sum(detect_language(s.text) == "zh" for s in pair.en),
    )


def warnings_for(stats: DocumentStats) -> list[str]:
    """Plain-language reasons to look at a document's memory before trusting it."""
    if stats.units == 0:
        return ["no translation units: nothing in the two documents was aligned"]
    found = []
    if min(stats.zh_sentences, stats.en_sentences) < MIN_SENTENCES_FOR_RATIOS:
        return [_few_sentences(stats)]
    doubt = doubt_from_counts(stats.likely_units, stats.units) if stats.likely_units is not None else None
    wrong_pair = doubt is not None
    if wrong_pair:
        found.append(doubt)
    elif stats.mean_score < LOW_MEAN_SCORE:
        found.append(f"suspiciously low scores: mean {stats.mean_score:.2f}")
    if stats.unmatched_share > HIGH_UNMATCHED_SHARE:
        found.append(f"{stats.unmatched_share:.0%} of sentences unmatched")
    ratio = max(stats.zh_sentences, stats.en_sentences) / min(stats.zh_sentences, stats.en_sentences)
    if ratio > SENTENCE_RATIO and not wrong_pair:
        longer = "Chinese" if stats.zh_sentences > stats.en_sentences else "English"
        found.append(f"the {longer} document has {ratio:.1f} times as many sentences: "
                     "one side truncated or a different document?")
    for count, total, side, other in (
        (stats.zh_read_as_english, stats.zh_sentences, "Chinese", "English"),
        (stats.en_read_as_chinese, stats.en_sentences, "English", "Chinese"),
    ):
        if count > WRONG_LANGUAGE_SHARE * total:
            found.append(f"{count} of {total} sentences of the {side} document are in {other}: "
                         "wrong-language or partly untranslated file?")
    return found


def _few_sentences(stats: DocumentStats) -> str:
    """The one warning a document too short for the ratio checks gets: how short, and which side."""
    zh, en = stats.zh_sentences, stats.en_sentences
    side, count, other, other_count = ("Chinese", zh, "English", en) if zh <= en else ("English", en, "Chinese", zh)
    if other_count >= SENTENCE_RATIO * max(count, 1) and other_count - count >= MIN_SENTENCES_FOR_RATIOS:
        return (f"the {side} document has only {count} sentences against {other_count} {other}: "
                "truncated file or a different document?")
    return (f"only {count} {side} sentences ({other_count} {other}): too few to check the alignment's "
            "quality; look at this memory")
