"""Translation units out of an aligned document pair.

A TM unit needs both sides: 1-0 and 0-1 links are not units (they are counted and
reported elsewhere). Each unit carries the properties a CAT tool can filter on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from tmkit.pipeline import AlignedPair
from tmkit.tmx.writer import TranslationUnit


def document_name(pair: AlignedPair) -> str:
    """The name units cite as their document: the Chinese file's name without suffix."""
    return Path(pair.zh_source).stem if pair.zh_source else "document"


def join_sentences(texts: list[str], lang: str) -> str:
    """Join the sentences of one side of a link as the language writes them."""
    return ("" if lang == "zh" else " ").join(texts)


def translation_units(pair: AlignedPair) -> Iterator[TranslationUnit]:
    """One unit per link with sentences on both sides, in document order.

    A unit whose link scored under the run's ``--min-score`` carries ``x-flag=low-score``,
    which CAT tools can filter on (a translator reviews it instead of trusting it).
    """
    document = document_name(pair)
    for link in pair.links:
        if not link.zh or not link.en:
            continue
        zh = [pair.zh[i] for i in link.zh]
        en = [pair.en[j] for j in link.en]
        props = {"x-document": document, "x-link": link.kind, "x-score": f"{link.score:.4f}"}
        label = zh[0].label or en[0].label
        if label:
            props["x-paragraph"] = label
        if pair.low_score(link):
            props["x-flag"] = "low-score"
        yield TranslationUnit(
            zh=join_sentences([s.text for s in zh], "zh"),
            en=join_sentences([s.text for s in en], "en"),
            tuid=f"{document}:{link.zh[0] + 1}",
            props=props,
        )
