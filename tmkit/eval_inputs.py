"""What ``tmkit eval`` checks before it trusts its two inputs.

A score is only worth something if both sides hold links and read the same way round.
An empty gold file would score every aligner 0 (and exit 0); gold written
``[en]:[zh]`` (vecalign's and many corpora's English→Chinese order) against tmkit's
``[zh]:[en]`` scores a perfect aligner near 0. The first is refused; the second is
recognised by scoring the gold file both ways round, and the user is told (and can
say ``--swap-gold``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tmkit.align.evaluate import Scores, pair_files, score_links
from tmkit.align.link import Link
from tmkit.align.links_format import read_links
from tmkit.errors import InputError

__all__ = ["read_scored_links", "swapped", "orientation_hint"]

#: Gold read the other way round must score at least this, and twice the F1 as given,
#: before tmkit suggests it is the other way round.
SWAP_HINT_F1 = 0.5


def read_scored_links(gold: Path, test: Path) -> tuple[list[list[Link]], list[list[Link]]]:
    """The links of every gold and test document; :class:`InputError` for a file without any."""
    pairs = pair_files(gold, test)
    documents = ([], [])
    for gold_file, test_file in pairs:
        for side, path in zip(documents, (gold_file, test_file)):
            links = read_links(path)
            if not links:
                raise InputError(f"{path}: no links (the file is empty); nothing to score")
            side.append(links)
    return documents


def swapped(documents: list[list[Link]]) -> list[list[Link]]:
    """The same links with the two languages exchanged: ``[en]:[zh]`` read as ``[zh]:[en]``."""
    return [[replace(link, zh=link.en, en=link.zh) for link in links] for links in documents]


def orientation_hint(gold: list[list[Link]], test: list[list[Link]], scores: Scores) -> str | None:
    """A line for the user when the gold links fit far better the other way round."""
    other = score_links(swapped(gold), test)
    if other.f1_strict >= SWAP_HINT_F1 and other.f1_strict > 2 * scores.f1_strict:
        return (f"hint: the gold links look like [en]:[zh] (strict F1 {other.f1_strict:.4f} read that way, "
                f"{scores.f1_strict:.4f} as [zh]:[en]); tmkit writes [zh]:[en]: rerun with --swap-gold")
    return None
