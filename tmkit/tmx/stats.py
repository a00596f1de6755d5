"""What a memory holds: units, languages, documents, alignment scores.

Before importing a memory or sending it to a client, a translator wants to know
how many units it has, which language codes a CAT tool will see, which documents it
came from and how confident the alignment was. One streaming pass collects it all.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from tmkit.tmx.merge import DOCUMENT_PROP, best_score
from tmkit.tmx.reader import TmxHeader, TmxReader
from tmkit.tmx.writer import prop_values

__all__ = ["TmxStats", "collect_stats", "format_stats", "SCORE_BINS"]

SCORE_BINS = 10


@dataclass
class TmxStats:
    """Counts of one file (see :func:`collect_stats`)."""

    path: str
    header: TmxHeader
    units: int = 0
    skipped: int = 0  #: ``<tu>`` without a Chinese or an English variant
    inline_codes: int = 0
    zh_codes: Counter[str] = field(default_factory=Counter)
    en_codes: Counter[str] = field(default_factory=Counter)
    other_codes: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)  #: units per x-document
    links: Counter[str] = field(default_factory=Counter)  #: units per x-link type
    scores: list[int] = field(default_factory=lambda: [0] * SCORE_BINS)  #: units per tenth of x-score
    unscored: int = 0
    zh_chars: int = 0
    en_words: int = 0

    def as_dict(self) -> dict:
        """Plain data for ``--json``."""
        return {
            "path": self.path,
            "tmx_version": self.header.version,
            "creationtool": self.header.attributes.get("creationtool", ""),
            "srclang": self.header.attributes.get("srclang", ""),
            "units": self.units,
            "skipped": self.skipped,
            "inline_codes": self.inline_codes,
            "zh_codes": dict(self.zh_codes),
            "en_codes": dict(self.en_codes),
            "other_codes": dict(self.other_codes),
            "documents": dict(self.documents.most_common()),
            "links": dict(self.links.most_common()),
            "scores": {f"{i / SCORE_BINS:.1f}": n for i, n in enumerate(self.scores)},
            "unscored": self.unscored,
            "zh_chars": self.zh_chars,
            "en_words": self.en_words,
        }


def collect_stats(path: str | os.PathLike[str], *, workers: int | None = 1, progress: bool = False) -> TmxStats:
    """Read ``path`` once and count; memory grows only with the number of documents.

    ``workers`` and ``progress`` as for :class:`~tmkit.tmx.reader.TmxReader`."""
    reader = TmxReader(path, workers=workers, progress=progress)
    stats = TmxStats(path=str(path), header=reader.header)
    for unit in reader:
        stats.documents.update(prop_values(unit.props, DOCUMENT_PROP))
        stats.links.update(prop_values(unit.props, "x-link"))
        score = best_score(unit)
        if score is None:
            stats.unscored += 1
        else:
            stats.scores[min(max(int(score * SCORE_BINS), 0), SCORE_BINS - 1)] += 1
        stats.zh_chars += sum(1 for ch in unit.zh if not ch.isspace())
        stats.en_words += len(unit.en.split())
    stats.header = reader.header
    read = reader.stats
    stats.units, stats.skipped, stats.inline_codes = read.units, read.skipped, read.inline_codes
    stats.zh_codes, stats.en_codes, stats.other_codes = read.zh_codes, read.en_codes, read.other_codes
    return stats


def _codes(counter: Counter[str]) -> str:
    return ", ".join(f"{code} ({n})" for code, n in counter.most_common()) or "none"


def format_stats(stats: TmxStats, *, top_documents: int = 10) -> str:
    """A report a person reads: one fact a line, the score histogram as bars."""
    header = stats.header.attributes
    lines = [
        f"file          {stats.path}",
        f"TMX           {stats.header.version or '?'} by {header.get('creationtool', '?')} "
        f"{header.get('creationtoolversion', '')}".rstrip(),
        f"units         {stats.units}",
    ]
    if stats.skipped:
        lines.append(f"skipped       {stats.skipped} <tu> without both a Chinese and an English variant")
    lines += [
        f"languages     zh: {_codes(stats.zh_codes)}; en: {_codes(stats.en_codes)}; srclang {header.get('srclang', '?')}",
        f"size          {stats.zh_chars} Chinese characters, {stats.en_words} English words",
    ]
    if stats.other_codes:
        lines.append(f"other langs   {_codes(stats.other_codes)}")
    if stats.inline_codes:
        lines.append(f"inline codes  {stats.inline_codes} units")
    if stats.links:
        lines.append("links         " + ", ".join(f"{kind} {n}" for kind, n in stats.links.most_common()))
    lines.append(f"documents     {len(stats.documents)}" + ("" if stats.documents else " (no x-document)"))
    for name, n in stats.documents.most_common(top_documents):
        lines.append(f"  {n:>8}  {name}")
    if len(stats.documents) > top_documents:
        lines.append(f"  … and {len(stats.documents) - top_documents} more")
    scored = stats.units - stats.unscored
    lines.append(f"x-score       {scored} scored, {stats.unscored} without a score")
    if scored:
        widest = max(stats.scores)
        for i, n in enumerate(stats.scores):
            low, high = i / SCORE_BINS, (i + 1) / SCORE_BINS
            bar = "#" * round(40 * n / widest) if widest else ""
            closing = "]" if i == SCORE_BINS - 1 else ")"
            lines.append(f"  [{low:.1f}, {high:.1f}{closing} {n:>8}  {bar}")
    return "\n".join(lines)
