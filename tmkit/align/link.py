"""Alignment links: which Chinese sentences correspond to which English ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A link between consecutive Chinese and English sentences.

    ``zh`` and ``en`` are sorted 0-based sentence indices; one side may be empty
    (an unmatched sentence). ``score`` is a confidence in [0, 1].
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 1.0

    @property
    def kind(self) -> str:
        """The link type as translators and aligners write it, e.g. ``"1-2"``."""
        return f"{len(self.zh)}-{len(self.en)}"
