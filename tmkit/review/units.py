"""Translation units out of a reviewed alignment: what ``tmkit tmx convert`` writes from it.

A unit of a link a person confirmed carries ``x-reviewed`` (when, as a TMX date) and
``x-score`` 1 (it was checked, so ``tmkit tmx filter`` keeps it), the aligner's own
score as ``x-aligner-score`` when the aligner made that link, ``changedate``, and the
reviewer's edits: the edited text, ``x-edited`` naming the sides, and a note with the
text before the edit. An unreviewed unit keeps its aligner score and ``x-flag``, as
``tmkit align`` writes it. One-sided links are not units (a unit needs both languages).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tmkit.review.intertext import REVIEWED_UNDATED
from tmkit.review.model import Review
from tmkit.tmx.units import join_sentences
from tmkit.tmx.writer import PropValue, TranslationUnit

__all__ = ["review_units", "review_document_name"]


def review_document_name(review: Review, alignment: Path) -> str:
    """The ``x-document`` of the units: the Chinese source's name, as ``tmkit align`` gives it."""
    if review.zh_source:
        return Path(review.zh_source).stem
    name = alignment.name
    for suffix in (".xml", ".zh.en", ".en.zh"):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name


def review_units(review: Review, document: str) -> Iterator[TranslationUnit]:
    """One unit per link with sentences on both sides, in document order."""
    for link in review.links:
        if not link.zh or not link.en:
            continue
        zh = [review.zh[i] for i in link.zh]
        en = [review.en[j] for j in link.en]
        props: dict[str, PropValue] = {"x-document": document, "x-link": link.kind}
        attributes: dict[str, str] = {}
        notes = []
        if link.reviewed:
            props["x-score"] = "1.0000"
            props["x-reviewed"] = link.reviewed
            if link.score is not None:
                props["x-aligner-score"] = f"{link.score:.4f}"
            if link.reviewed != REVIEWED_UNDATED:
                attributes["changedate"] = link.reviewed
        else:
            if link.score is not None:
                props["x-score"] = f"{link.score:.4f}"
            if link.flag:
                props["x-flag"] = link.flag
        label = zh[0].label or en[0].label
        if label:
            props["x-paragraph"] = label
        edited = []
        for side, sentences in (("zh", zh), ("en", en)):
            if any(s.original is not None for s in sentences):
                edited.append(side)
                before = join_sentences([s.original if s.original is not None else s.text for s in sentences], side)
                notes.append(f"{side} before review: {before}")
        if edited:
            props["x-edited"] = " ".join(edited)
        yield TranslationUnit(
            zh=join_sentences([s.text for s in zh], "zh"),
            en=join_sentences([s.text for s in en], "en"),
            tuid=f"{document}:{link.zh[0] + 1}",
            props=props,
            notes=tuple(notes),
            attributes=attributes,
        )
