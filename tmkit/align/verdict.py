"""Does an alignment look like two translations of one text, or like two unrelated documents?

The aligner always finds some path: given two unrelated texts it still pairs every
sentence with something. Its link scores are probabilities that each link is right, given
every other way of aligning the texts (:mod:`tmkit.align.posterior`), and in a real
translation pair many links are sure, while between unrelated texts almost none are: no
path stands out. Measured with ``bench/align.py`` (and every dev document), the share of
matched links scoring at least LIKELY_SCORE is 40-100 % in real pairs (the lowest: MAC-Dev's
鹿鼎记 chapter without embeddings, 40 %, with them 54 %; UN, academic, news and Bible text
87-100 %) and 0-20 % in unrelated ones (a UN report against the SDG 16 targets, pairs of
TICO-19 articles, two chapters of different novels: 0-7 % with embeddings, the two novels
20 % without, 17 % before the lexical mode weighted words by their translation rates).
MIN_LIKELY_SHARE, a quarter, was set in the gap between the two when the lowest real pair had
33 %.
"""

from __future__ import annotations

from typing import Sequence

from tmkit.align.link import Link

LIKELY_SCORE = 0.8  # a link this sure counts as likely right
MIN_LIKELY_SHARE = 0.25  # under this share of likely links, the pair is probably not a translation
MIN_LINKS = 3  # with fewer matched links the share says nothing either way


def doubt_from_counts(likely: int, links: int) -> str | None:
    """The verdict from counts: ``likely`` of ``links`` matched links score >= LIKELY_SCORE."""
    if links < MIN_LINKS or likely >= MIN_LIKELY_SHARE * links:
        return None
    return (
        f"these texts do not look like translations of each other: only {likely} of {links} "
        f"links are likely right (score {LIKELY_SCORE:g} or more)"
    )


def translation_doubt(links: Sequence[Link]) -> str | None:
    """Why the aligned texts look unrelated, or None when they look like a translation pair."""
    matched = [link for link in links if link.zh and link.en]
    return doubt_from_counts(sum(1 for link in matched if link.score >= LIKELY_SCORE), len(matched))
