"""An alignment under review: sentences, links, and the operations a reviewer applies.

Pure data and pure operations, no I/O: the server applies operations, the InterText
module reads and writes the result. Every operation keeps the invariants of an
alignment (links in order, never crossing, every sentence in exactly one link) and
returns a :class:`Patch`, which says what changed so that the page redraws only those
links and so that the change can be undone exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from tmkit.errors import InputError

if TYPE_CHECKING:  # the pipeline (and the aligner behind it) is needed only to make a new review
    from tmkit.pipeline import AlignedPair

__all__ = ["ReviewLink", "Review", "Patch", "OperationError", "SIDES", "apply_operation", "review_from_pair"]

SIDES = ("zh", "en")


class OperationError(InputError):
    """An operation that cannot be applied here (e.g. merging the last link with the next)."""


@dataclass(frozen=True)
class ReviewLink:
    """One link: sorted consecutive sentence indices on each side, and what is known of it.

    ``score`` is the aligner's confidence, ``None`` once the reviewer has changed the
    link (the aligner never saw it). ``reviewed`` is the UTC time a person confirmed it
    (``None``: not yet). ``flag`` is the aligner's doubt (``low-score``), kept as the
    aligner wrote it.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float | None = None
    reviewed: str | None = None
    flag: str = ""

    @property
    def kind(self) -> str:
        """``"1-2"`` and so on, Chinese first."""
        return f"{len(self.zh)}-{len(self.en)}"

    def side(self, name: str) -> tuple[int, ...]:
        """The indices of one side (``"zh"`` or ``"en"``)."""
        return self.zh if name == "zh" else self.en


@dataclass
class Sentence:
    """One sentence of one side: its text, the paragraph it belongs to, whether it was edited."""

    text: str
    paragraph: int = 0
    label: str | None = None
    original: str | None = None  #: the text before the reviewer's first edit (None: never edited)


@dataclass
class Review:
    """Everything a review file holds: both sides' sentences, the links, tmkit's metadata."""

    zh: list[Sentence]
    en: list[Sentence]
    links: list[ReviewLink]
    zh_source: str = ""
    en_source: str = ""
    options: dict[str, str] = field(default_factory=dict)
    min_score: float | None = None

    def sentences(self, side: str) -> list[Sentence]:
        """The sentences of one side."""
        return self.zh if side == "zh" else self.en

    def check(self) -> None:
        """Raise :class:`InputError` unless every sentence is in exactly one link, in order."""
        for side in SIDES:
            expected = 0
            for number, link in enumerate(self.links, 1):
                for index in link.side(side):
                    if index != expected:
                        raise InputError(
                            f"link {number}: {side} sentence {index + 1} out of order "
                            f"(expected sentence {expected + 1})")
                    expected += 1
            if expected != len(self.sentences(side)):
                raise InputError(f"{side} sentences {expected + 1}-{len(self.sentences(side))} are in no link")
        for number, link in enumerate(self.links, 1):
            if not link.zh and not link.en:
                raise InputError(f"link {number} is empty")

    def reviewed_count(self) -> int:
        """How many links a person has confirmed."""
        return sum(1 for link in self.links if link.reviewed)


@dataclass
class Patch:
    """What one operation changed: ``links[start:start + len(old)]`` became ``new``, and texts.

    ``texts`` maps ``(side, index)`` to ``(old Sentence, new Sentence)``.
    """

    start: int
    old: list[ReviewLink]
    new: list[ReviewLink]
    texts: dict[tuple[str, int], tuple[Sentence, Sentence]] = field(default_factory=dict)

    def inverse(self) -> Patch:
        """The patch that undoes this one."""
        return Patch(self.start, self.new, self.old, {key: (new, old) for key, (old, new) in self.texts.items()})


def now() -> str:
    """The review time stamp: UTC, to the second, as TMX writes dates."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def apply_patch(review: Review, patch: Patch) -> None:
    """Apply ``patch`` to ``review`` in place."""
    review.links[patch.start:patch.start + len(patch.old)] = patch.new
    for (side, index), (_, new) in patch.texts.items():
        review.sentences(side)[index] = new


def _link(review: Review, index: Any) -> int:
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(review.links):
        raise OperationError(f"no link {index!r} (the alignment has {len(review.links)} links)")
    return index


def _side(name: Any) -> str:
    if name not in SIDES:
        raise OperationError(f"side must be zh or en, not {name!r}")
    return name


def _position(link: ReviewLink, side: str, position: Any) -> int:
    count = len(link.side(side))
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < count:
        raise OperationError(f"the link has no {side} sentence {position!r}")
    return position


def _made(zh: tuple[int, ...], en: tuple[int, ...], stamp: str) -> ReviewLink:
    return ReviewLink(zh=zh, en=en, score=None, reviewed=stamp)


def merge(review: Review, index: int, stamp: str) -> Patch:
    """Link ``index`` and the next one become one link."""
    if index + 1 >= len(review.links):
        raise OperationError("the last link has no next link to merge with")
    first, second = review.links[index], review.links[index + 1]
    return Patch(index, [first, second], [_made(first.zh + second.zh, first.en + second.en, stamp)])


def split(review: Review, index: int, side: str, position: int, stamp: str) -> Patch:
    """Split the link before sentence ``position`` of ``side``, pairing sentences in order.

    The first part keeps ``position`` sentences of ``side`` (at least one) and as many of
    the other side's, so a 2-2 link becomes two 1-1 links and a 3-1 link split before its
    third Chinese sentence becomes 2-1 and 1-0.
    """
    link = review.links[index]
    if len(link.zh) + len(link.en) < 2:
        raise OperationError("a link of one sentence cannot be split")
    cut = max(1, position)
    other = "en" if side == "zh" else "zh"
    cuts = {side: min(cut, len(link.side(side))), other: min(cut, len(link.side(other)))}
    if cuts["zh"] == len(link.zh) and cuts["en"] == len(link.en):
        # Nothing would be left for the second part (a 1-1, or a 1-2 split at its first
        # sentence): the longer side's last sentence goes, English when both are as long.
        longer = "zh" if len(link.zh) > len(link.en) else "en"
        cuts[longer] = len(link.side(longer)) - 1
    first = _made(link.zh[:cuts["zh"]], link.en[:cuts["en"]], stamp)
    second = _made(link.zh[cuts["zh"]:], link.en[cuts["en"]:], stamp)
    return Patch(index, [link], [first, second])


def move(review: Review, index: int, side: str, position: int, direction: str, stamp: str) -> Patch:
    """Move sentence ``position`` of ``side`` to the neighbouring link, with those it must carry.

    ``up``: the sentence and the ones before it on that side join the previous link;
    ``down``: the sentence and the ones after it join the next link. A link left with no
    sentence at all disappears.
    """
    link = review.links[index]
    ids = link.side(side)
    if direction == "up":
        if index == 0:
            raise OperationError("the first link has no previous link")
        moved, kept = ids[:position + 1], ids[position + 1:]
        target_index = index - 1
    elif direction == "down":
        if index + 1 >= len(review.links):
            raise OperationError("the last link has no next link")
        moved, kept = ids[position:], ids[:position]
        target_index = index + 1
    else:
        raise OperationError(f"direction must be up or down, not {direction!r}")
    target = review.links[target_index]
    target_ids = target.side(side) + moved if direction == "up" else moved + target.side(side)
    changed_target = _made(*_sides(side, target_ids, target), stamp)
    changed_link = _made(*_sides(side, kept, link), stamp)
    pair = [changed_target, changed_link] if direction == "up" else [changed_link, changed_target]
    start = min(index, target_index)
    return Patch(start, review.links[start:start + 2], [item for item in pair if item.zh or item.en])


def _sides(side: str, ids: tuple[int, ...], link: ReviewLink) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``(zh, en)`` of ``link`` with ``side`` replaced by ``ids``."""
    return (ids, link.en) if side == "zh" else (link.zh, ids)


def unmatch(review: Review, index: int, side: str, position: int, stamp: str) -> Patch:
    """Take one sentence out of its link: it becomes a link of its own (1-0 or 0-1).

    The sentences before it stay with the other side; those after it, if any, become
    one unmatched link of their own after it (order is kept: links never cross).
    """
    link = review.links[index]
    ids = link.side(side)
    if len(ids) == 1 and not link.side("en" if side == "zh" else "zh"):
        raise OperationError("that sentence is already unmatched")
    before, alone, after = ids[:position], ids[position:position + 1], ids[position + 1:]
    lone = _made(*_sides(side, alone, ReviewLink((), ())), stamp)
    if not before:
        parts = [lone, _made(*_sides(side, after, link), stamp)]
    else:
        parts = [_made(*_sides(side, before, link), stamp), lone, _made(*_sides(side, after, ReviewLink((), ())), stamp)]
    return Patch(index, [link], [part for part in parts if part.zh or part.en])


def edit(review: Review, side: str, index: Any, text: Any, stamp: str) -> Patch:
    """Replace the text of one sentence; its link counts as reviewed (the reviewer read it)."""
    sentences = review.sentences(side)
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(sentences):
        raise OperationError(f"no {side} sentence {index!r}")
    if not isinstance(text, str) or not text.strip():
        raise OperationError("a sentence cannot be empty: mark it unmatched instead")
    old = sentences[index]
    text = " ".join(text.split()) if side == "en" else text.strip()
    new = replace(old, text=text, original=old.original if old.original is not None else old.text)
    if new.original == new.text:
        new = replace(new, original=None)
    link_index = next(i for i, link in enumerate(review.links) if index in link.side(side))
    link = review.links[link_index]
    return Patch(link_index, [link], [replace(link, reviewed=link.reviewed or stamp)], {(side, index): (old, new)})


def set_reviewed(review: Review, index: int, reviewed: Any, stamp: str) -> Patch:
    """Confirm a link as it is (or take the confirmation back); the aligner's score is kept."""
    link = review.links[index]
    return Patch(index, [link], [replace(link, reviewed=stamp if reviewed else None)])


def apply_operation(review: Review, operation: dict[str, Any], stamp: str | None = None) -> Patch:
    """Apply one operation of the page (``{"op": "merge", "link": 12, ...}``) and return its patch.

    Operations: ``merge`` (with the next link; the page sends ``link - 1`` for "merge with
    previous"), ``split``, ``move`` (``direction`` up/down), ``unmatch``, ``edit``
    (``side``, ``sentence``, ``text``), ``review`` (``reviewed`` true/false).
    """
    stamp = stamp or now()
    name = operation.get("op")
    if name == "edit":
        patch = edit(review, _side(operation.get("side")), operation.get("sentence"), operation.get("text"),
                     stamp)
    else:
        index = _link(review, operation.get("link"))
        if name == "merge":
            patch = merge(review, index, stamp)
        elif name == "review":
            patch = set_reviewed(review, index, operation.get("reviewed", True), stamp)
        elif name in ("split", "move", "unmatch"):
            side = _side(operation.get("side"))
            link = review.links[index]
            if link.side(side):
                position = _position(link, side, operation.get("position", 0))
            elif name == "split":
                position = 0  # a 0-2 link split "by" its empty side: the other side is cut
            else:
                raise OperationError(f"the link has no {side} sentence")
            if name == "split":
                patch = split(review, index, side, position, stamp)
            elif name == "move":
                patch = move(review, index, side, position, operation.get("direction"), stamp)
            else:
                patch = unmatch(review, index, side, position, stamp)
        else:
            raise OperationError(f"unknown operation {name!r}")
    apply_patch(review, patch)
    return patch


def review_from_pair(pair: AlignedPair) -> Review:
    """A review of an aligned pair (:class:`tmkit.pipeline.AlignedPair`), nothing reviewed yet."""
    def side(sentences: list) -> list[Sentence]:
        return [Sentence(text=s.text, paragraph=s.block, label=s.label) for s in sentences]

    links = [ReviewLink(zh=link.zh, en=link.en, score=link.score, flag="low-score" if pair.low_score(link) else "")
             for link in pair.links]
    return Review(zh=side(pair.zh), en=side(pair.en), links=links, zh_source=pair.zh_source,
                  en_source=pair.en_source, options=dict(pair.options), min_score=pair.min_score)
