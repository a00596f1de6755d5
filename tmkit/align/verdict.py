"""Does an alignment look like two translations of one text, or like two unrelated documents?

The aligner always finds some path: given two unrelated texts it still pairs every
sentence with something. Its link scores are calibrated probabilities that each link is
right (:mod:`tmkit.align.weights`), so their mean over the matched links estimates the
share of links a reviewer would accept. A real translation pair scores far above the
threshold (MAC-Dev, aca, mag, TICO-19, the Bible and the seed documents: mean 0.85 or more
with sentence embeddings); unrelated pairs far below it (``bench/align.py`` prints both).
"""

from __future__ import annotations

from typing import Sequence

from tmkit.align.link import Link

# Mean link probability under which a pair is reported as probably not a translation.
UNRELATED_MEAN_SCORE = 0.5
MIN_LINKS = 3  # with fewer matched links the mean says nothing either way


def translation_doubt(links: Sequence[Link]) -> str | None:
    """Why the aligned texts look unrelated, or None when they look like a translation pair."""
    matched = [link for link in links if link.zh and link.en]
    if len(matched) < MIN_LINKS:
        return None
    mean = sum(link.score for link in matched) / len(matched)
    if mean >= UNRELATED_MEAN_SCORE:
        return None
    likely = sum(1 for link in matched if link.score >= 0.5)
    return (
        f"these texts do not look like translations of each other: only {likely} of {len(matched)} "
        f"links are likely right (mean link score {mean:.2f}, under {UNRELATED_MEAN_SCORE:g})"
    )
