"""One review in progress: the file, the undo history, and what the page is told.

Every operation is applied, saved (atomically, see :meth:`IntertextFile.save`) and only
then acknowledged; if saving fails the operation is taken back, so what the page shows
is always what is on disk. Operations carry the version of the alignment the page
saw: one made on an older version (another tab, a second window) is refused rather
than applied to links that have moved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tmkit.errors import InputError
from tmkit.review.intertext import IntertextFile
from tmkit.review.model import Patch, ReviewLink, apply_operation, apply_patch
from tmkit.review.terms import TermMarker
from tmkit.review.units import review_document_name, review_units
from tmkit.tmx.writer import write_tmx

__all__ = ["ReviewSession", "SaveError", "VersionConflict", "DEFAULT_THRESHOLD"]

#: Links scoring under this are doubtful when the alignment does not say (``--min-score``):
#: the aligner's scores are calibrated probabilities, so 0.8 is "less than 80 % likely right".
DEFAULT_THRESHOLD = 0.8


class SaveError(InputError):
    """The alignment file could not be written (disk full, permissions): the change was taken back."""


class VersionConflict(Exception):
    """The page sent an operation made on an older version of the alignment."""


class ReviewSession:
    """The alignment being reviewed and its history; not thread-safe (the server is one thread)."""

    def __init__(self, file: IntertextFile, marker: TermMarker | None = None):
        self.file = file
        self.marker = marker
        self.version = 0
        self._undo: list[Patch] = []
        self._redo: list[Patch] = []

    @property
    def review(self):
        """The :class:`tmkit.review.model.Review` under review."""
        return self.file.review

    def _link(self, link: ReviewLink, terms: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"zh": list(link.zh), "en": list(link.en), "score": link.score,
                                "reviewed": bool(link.reviewed), "flag": link.flag}
        if terms:
            data["terms"] = self._terms(link)
        return data

    def _terms(self, link: ReviewLink) -> list[list[Any]]:
        return [mark.as_list() for mark in self.marker.marks(self.review, link)] if self.marker else []

    def terms(self, start: int, end: int) -> dict[str, Any]:
        """The term marks of links ``start`` to ``end`` (exclusive).

        Finding terms takes about half a millisecond a link, so the page gets the links
        first and their terms in slices afterwards, the ones in view first.
        """
        start, end = max(0, start), min(len(self.review.links), end)
        return {"version": self.version, "start": start,
                "terms": [self._terms(link) for link in self.review.links[start:end]]}

    def _progress(self) -> dict[str, Any]:
        return {"version": self.version, "reviewed": self.review.reviewed_count(), "total": len(self.review.links),
                "canUndo": bool(self._undo), "canRedo": bool(self._redo)}

    def state(self) -> dict[str, Any]:
        """Everything the page needs to draw the alignment (terms come apart: :meth:`terms`)."""
        review = self.review
        sides = {side: [[s.text, s.original is not None] for s in review.sentences(side)] for side in ("zh", "en")}
        return {**self._progress(), **sides, "links": [self._link(link, terms=False) for link in review.links],
                "terms": self.marker is not None,
                "file": str(self.file.path), "document": review_document_name(review, self.file.path),
                "threshold": review.min_score if review.min_score is not None else DEFAULT_THRESHOLD}

    def operate(self, operation: dict[str, Any]) -> dict[str, Any]:
        """Apply, save and describe one operation of the page (``undo`` and ``redo`` included)."""
        version = operation.get("version")
        if version is not None and version != self.version:
            raise VersionConflict(f"the alignment changed (version {self.version}, the page had {version}): reload")
        name = operation.get("op")
        if name in ("undo", "redo"):
            source, target = (self._undo, self._redo) if name == "undo" else (self._redo, self._undo)
            if not source:
                raise InputError(f"nothing to {name}")
            patch = source.pop().inverse()
            apply_patch(self.review, patch)
            try:
                self._save(patch)
            except SaveError:
                source.append(patch.inverse())
                raise
            target.append(patch)
        else:
            patch = apply_operation(self.review, operation)
            self._save(patch)
            self._undo.append(patch)
            self._redo.clear()
        self.version += 1
        return {**self._progress(), "start": patch.start, "remove": len(patch.old),
                "links": [self._link(link) for link in patch.new],
                "texts": [[side, index, new.text, new.original is not None]
                          for (side, index), (_, new) in patch.texts.items()]}

    def _save(self, patch: Patch) -> None:
        """Save after ``patch``; if that fails, take the patch back and raise :class:`SaveError`."""
        try:
            self.file.save(patch.texts.keys())
        except (InputError, OSError) as exc:
            apply_patch(self.review, patch.inverse())
            raise SaveError(f"not saved, change taken back: {exc}") from None

    def export_tmx(self, output: Path | None = None) -> tuple[Path, int]:
        """Write the memory of the alignment as it stands: ``NAME.tmx`` beside the alignment file."""
        path = output or self.file.path.with_suffix(".tmx")
        units = review_units(self.review, review_document_name(self.review, self.file.path))
        return path, write_tmx(units, path)
